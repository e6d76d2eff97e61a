"""Pseudonymise a corpus: every person named in the notes becomes "Personne B".

Who is a person: see :mod:`csf_analysis.privacy.people`.

A surname the notes also use as a town or a firm on its own (``c'est Paris qui
décide``: a one-word LOC mid-sentence that is also a word, or a one-word ORG)
is replaced after a first name, initials or a civility only, never alone;
except a listed person's: the team's list wins over spaCy's tags, and every
form of a listed person is replaced (lower case and without accents too, in
file names and e-mail addresses: see :mod:`csf_analysis.privacy.replacer`), so a
listed surname that is also a town (Julie Paris) takes the town with it
unless ``exemptes`` lists it (``- Paris``). The
first name of a full name that is no French word is replaced in lower case too
(``par paloma``).

A person found once is replaced everywhere, in every form (see
:mod:`csf_analysis.privacy.replacer`), in every table: statements, titles,
interviewers, problem messages, and in the ids and file names that hold a
name (``interview_id``, ``source_file``, ``duplicate_of``, ``coder``), the same
way in each table so joins still work. Statement ids are hashes: unchanged.

Pseudonyms are given in the order people first appear in the notes (never
alphabetically, which would tell the initial), ``Personne A``, ``Personne B``,
... and kept in ``pseudonymes-correspondance.csv`` next to the notes (with, in
``formes``, the forms of each name the notes use: what the leak check of
:mod:`csf_analysis.privacy.leaks` searches), the only place the correspondence is
written: a person keeps their pseudonym when new
interviews arrive, and a pseudonym is never given to someone else. Organisations
listed in ``pseudonymes.yml`` become ``Organisation 1``... with
``organisations=True``, and are kept as they are otherwise.

Example:
    >>> corpus = load_corpus("interviews")               # doctest: +SKIP
    >>> anonymous = pseudonymise(corpus)                 # doctest: +SKIP
    >>> anonymous.interviews["interviewers"].tolist()    # doctest: +SKIP
    ['Personne A; Personne B', 'Personne A; Personne B', '']
"""
from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from spacy.lang.fr.stop_words import STOP_WORDS

from ..atomic import write_text_atomic
from ..reading.interviews import FIELD_SEP, ITEM_SEP
from ..reading.notes import HEADING_SEP
from ..reading.vocabulary import speaker_of_label
from ..text import fold_keep_case, fold_lower
from .first_names import not_common
from .name_forms import (
    ACRONYMS,
    listed_forms,
    listed_handles,
    listed_nicknames,
    split_name,
)
from .name_model import NameModel
from .people import (
    BARE_FIRST_NAMES,
    NON_NAMES,
    PRESENT_SECTION,
    Names,
    common_first_name,
    discover,
    is_full_name,
    is_initialled,
    name_core,
)
from .pseudonym_list import PseudonymList, load_pseudonym_list
from .replacer import Replacer, titled
from .word_use import bare_only

__all__ = ["MAPPING_FILE", "load_mapping", "name_checker", "pseudonymise", "pseudonymise_tables"]

MAPPING_FILE = "pseudonymes-correspondance.csv"
PERSON, ORGANISATION = "personne", "organisation"
# Columns that hold ids or file names (names in them are slugs) and hashes.
ID_COLUMNS = {"interview_id", "source_file", "coder"}
HASH_COLUMNS = {"statement_id"}
NAME_COLUMNS = {"speaker"}  # a person alone: see Replacer.person


def _letters(n: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'A2': never two capitals, which read as initials."""
    return chr(ord("A") + n % 26) + (str(n // 26 + 1) if n >= 26 else "")


def load_mapping(notes_dir: str | Path, *, forms: bool = False) -> list[dict]:
    """The rows of ``pseudonymes-correspondance.csv`` (type, nom, pseudonyme; and with
    ``forms``, ``formes``: the forms of the name the notes use, "; " between them, None
    when the file has no such column)."""
    path = Path(notes_dir) / MAPPING_FILE
    if not path.is_file():
        return []
    keys = ("type", "nom", "pseudonyme") + (("formes",) if forms else ())
    with open(path, encoding="utf-8", newline="") as handle:
        return [{key: row.get(key) for key in keys} for row in csv.DictReader(handle)
                if row.get("nom") and row.get("pseudonyme") and row.get("type")]


def _assign(names: list[str], forced: dict[str, str], rows: list[dict], kind: str,
            fresh) -> dict[str, str]:
    """Each name's pseudonym: forced, else the one it had, else a new one."""
    before = {Names.key(r["nom"]): r["pseudonyme"] for r in rows if r["type"] == kind}
    words: dict[str, str] = {}
    for r in rows:
        if r["type"] == kind:
            for w in fold_keep_case(r["nom"]).lower().split():
                words.setdefault(w, r["pseudonyme"])
    taken = {r["pseudonyme"] for r in rows} | set(forced.values())
    given, used = {}, set()
    for name in names:
        old = before.get(Names.key(name))
        if old is None and len(name.split()) > 1:  # "Camille" mapped before "Camille Lefèvre"
            old = next((words[w] for w in fold_keep_case(name).lower().split()
                        if w in words and Names.key(w) in before), None)
        if forced.get(name):
            given[name] = forced[name]
        elif old and old not in used:
            given[name] = old
        else:
            given[name] = fresh(taken)
            taken.add(given[name])
        used.add(given[name])
    return given


def _fresh_person(taken: set[str]) -> str:
    return next(p for i in range(10**6) if (p := f"Personne {_letters(i)}") not in taken)


def _fresh_organisation(taken: set[str]) -> str:
    return next(p for i in range(1, 10**6) if (p := f"Organisation {i}") not in taken)


def save_mapping(notes_dir: str | Path, rows: list[dict]) -> Path:
    """Write the mapping next to the notes, only when it changed (no rebuild loop)."""
    path = Path(notes_dir) / MAPPING_FILE
    buffer = io.StringIO()
    fields = ["type", "nom", "pseudonyme"] + (["formes"] if any("formes" in r for r in rows)
                                              else [])
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if buffer.getvalue() != old:
        write_text_atomic(path, buffer.getvalue())
    return path


def _merge_rows(rows: list[dict], kind: str, given: dict[str, str]) -> list[dict]:
    known = {(r["type"], r["nom"]) for r in rows}
    changed = [{**r, "pseudonyme": given[r["nom"]]} if r["type"] == kind and r["nom"] in given
               else r for r in rows]
    return changed + [{"type": kind, "nom": name, "pseudonyme": pseudonym}
                      for name, pseudonym in given.items() if (kind, name) not in known]


# Columns of closed vocabularies (codes, categories, kinds...): nothing to replace. Not
# ``company_ref``: a front matter's company is free text ("Sauvage Paysages", "Peintures
# de l'Alma"), replaced like any text, the same way everywhere, so the charts by company
# still group.
_CODE_COLUMNS = {"category", "category_origin", "category_rule", "origin", "code", "pattern",
                 "parent", "kind", "actor", "severity", "status", "clause_label",
                 "date", "block", "marker", "time", "source"}


def _texts_in_order(tables: dict[str, pd.DataFrame]
                    ) -> tuple[list[str], list[str], list[str], list[str]]:
    """(texts, headings, interviewers, places) of the tables, in the order of the notes:
    ``places``, among ``texts``, are the front-matter fields that name places and
    organisations (see :func:`_place_field`)."""
    interviews, statements = tables["interviews"], tables["statements"]
    interviewers = [n.strip() for cell in interviews["interviewers"] for n in cell.split(";")
                    if n.strip()]
    outer = [part for path in statements["heading"].unique() if path
             for part in path.split(HEADING_SEP)]
    headings = list(interviews["title"]) + list(statements["section"]) + outer
    listing = statements["section"].str.match(PRESENT_SECTION)  # "Présents" then a list
    texts = [f"{section} : {text}" if listed else text for section, text, listed in
             zip(statements["section"], statements["text"], listing)] + [
        value for name in ("contacts", "problems") for column in ("market", "note", "message")
        if column in tables[name] for value in tables[name][column]]
    fields = [(field, _field_texts(field)) for cell in interviews.get("other_fields", ())
              if cell for field in cell.split(FIELD_SEP)]
    texts += [text for _, read in fields for text in read]
    places = [text for field, read in fields if _place_field(field) for text in read]
    return texts + _speaker_labels(statements), headings, interviewers, places


def _field_texts(field: str) -> list[str]:
    """The texts of one of a front matter's other fields (an interview's
    ``other_fields``): the field with its key, as a label (« présents: élodie,
    thomas »), or each item of a list alone, as a Markdown list's (« Esther Mendès —
    juriste, Alliance Villes Emploi »: not a list of people present, of which
    « Alliance Villes Emploi »).

    >>> _field_texts("présents: élodie, thomas"), _field_texts("participants: Léa, AVE | Tom")
    (['présents: élodie, thomas'], ['Léa, AVE', 'Tom'])
    """
    return field.partition(": ")[2].split(ITEM_SEP) if ITEM_SEP in field else [field]


# Front-matter keys whose values name places, organisations and works (« lieu: dépôt
# de Mezzavia », « marche: 64 logements Silène »), compared without accents or case.
# Not « organisation » nor « acheteur », which often name a person.
_PLACE_KEYS = frozenset({
    "lieu", "lieux", "adresse", "site", "sites", "commune", "communes", "ville",
    "territoire", "terrain", "quartier", "secteur", "marche", "marches", "chantier",
    "chantiers", "structure", "structures", "organisme", "organismes", "entreprises"})


def _place_field(field: str) -> bool:
    """Does a front matter's field name places? Its key says so: the model's people
    there are not taken (a short value out of context reads as a name: « lieu: dépôt
    de Mezzavia »), the writing's still are (« lieu: salle prêtée par M. Mahé »).

    >>> _place_field("lieu: Plateau Roy, Cluny"), _place_field("présents: Léa, Tom")
    (True, False)
    """
    return fold_lower(field.partition(": ")[0]) in _PLACE_KEYS


def _speaker_labels(statements: pd.DataFrame) -> list[str]:
    """The speakers the reader took from labels ("**Dumè** : ..." gives "dume", the label
    gone from the text) written back as labels ("Dume :"), roles aside, so the finder
    reads them as it reads a label; from an organisation's acronym on, the words say
    where the person works (« Fabienne CIO » of a chat is Fabienne, « CIO » stays a CIO;
    « Oumou MLDS Sada » is Oumou, of the MLDS of Sada)."""
    speakers = statements["speaker"] if "speaker" in statements else []
    labels = (" ".join(itertools.takewhile(lambda w: w not in ACRONYMS,
                                           titled(speaker).split(" ")))
              for speaker in dict.fromkeys(speakers)
              if isinstance(speaker, str) and speaker and not speaker_of_label(speaker))
    return [f"{label} :" for label in labels if label]


def _chat_authors(statements: pd.DataFrame) -> list[str]:
    """The speakers of the statements that have a time: a chat export's authors
    (« 12/12/2024 17:58 - jb: »), or a timed label of an observation."""
    if "time" not in statements or "speaker" not in statements:
        return []
    timed = statements[statements["time"].fillna("").astype(bool)]
    return [s for s in timed["speaker"].unique() if isinstance(s, str) and s]


def _appearance(people: list[str], texts: Iterable[str]) -> list[str]:
    """``people`` in the order the texts first name them; the others after."""
    finder = Replacer({name: name for name in people})
    seen: dict[str, int] = {}
    for text in texts:
        for name, _ in finder.found(text):
            seen.setdefault(name, len(seen))
        if len(seen) == len(people):
            break
    return sorted(people, key=lambda name: seen.get(name, len(seen)))


def pseudonymise(corpus, *, organisations: bool = False, use_model: bool = True,
                 cache_dir: str | Path | None = None):
    """The corpus with every person (and organisation if asked) pseudonymised.

    Writes ``pseudonymes-correspondance.csv`` in the notes folder (only when it
    changes); ``cache_dir`` keeps the model's answers (see :mod:`.name_model`).
    Raises PseudonymListError when ``pseudonymes.yml`` is invalid.
    """
    notes_dir = Path(corpus.notes_dir)
    listing = load_pseudonym_list(notes_dir)
    tables = {**corpus.tables(), "auto_codings": corpus.auto_codings,
              "vetoed_codings": corpus.vetoed_codings}
    texts, headings, interviewers, places = _texts_in_order(tables)
    if corpus.findings.text:  # the team's findings may name someone the notes do not
        texts = [*texts, corpus.findings.text]
    model = NameModel(cache_dir=cache_dir) if use_model else None
    found = discover(texts, headings=headings, interviewers=interviewers, listing=listing,
                      model=model, handles=_chat_authors(tables["statements"]),
                      places=places)
    people = found.names()
    seen = _appearance(people, [*headings[:len(tables["interviews"])],
                                "; ".join(interviewers), *texts, *headings])
    rows = load_mapping(notes_dir)
    given = _assign(seen, listing.people, rows, PERSON, _fresh_person)
    rows = _merge_rows(rows, PERSON, given)
    renamed = {}
    if organisations:
        renamed = _assign(list(listing.organisations), listing.organisations, rows,
                          ORGANISATION, _fresh_organisation)
        rows = _merge_rows(rows, ORGANISATION, renamed)
    common = common_words(listing.people, model, listing.aliases)
    lemmas = lemma_words(listing.people, model)
    bare_firsts = _bare_first_names(given, found, [*texts, *headings])
    replacer = Replacer(given, renamed, exempt=listing.exempt,
                        lowercase=[name for name in given
                                   if _lower_case_too(name, found, bare_firsts)],
                        lower_surnames=[name for name in given if _lower_surname(name, found)],
                        context_only=_context_only(given, found, listing),
                        protect=() if organisations else listing.organisations,
                        listed=listing.people, aliases=_merged(found.aliases, listing.aliases),
                        common=common, bare=bare_only(common | lemmas, [*texts, *headings],
                                                      is_adjective=model.is_adjective)
                        if model is not None else (),
                        lemmas=lemmas,
                        is_word=model.is_inflected if model is not None else None,
                        is_lemma=model.is_lemma if model is not None else None,
                        spellings=found.spellings, nicknames=_nicknames(listing))
    if model is not None:  # after the last question (_lower_case_too asks words)
        model.save()
    save_mapping(notes_dir, _with_forms(rows, replacer, [*texts, *headings, *interviewers]))
    renamers = _renamers(tables, replacer)
    findings = corpus.findings  # the team's own text names people too
    if findings.text:
        findings = dataclasses.replace(findings, text=renamers[1](findings.text))
    return dataclasses.replace(corpus, **pseudonymise_tables(tables, replacer, renamers=renamers),
                               findings=findings)


def _merged(found: dict[str, list[str]], listed: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each person's nicknames, the list's and the notes' (« Patrick Verdot (Pat) » listed,
    « Patou = surnom de Patrick V. » in a post-it): both kept.

    >>> _merged({"P V": ["Patou"], "A B": ["Abi"]}, {"P V": ["Pat"]})
    {'P V': ['Pat', 'Patou'], 'A B': ['Abi']}
    """
    return {owner: list(dict.fromkeys([*listed.get(owner, []), *found.get(owner, [])]))
            for owner in {**listed, **found}}


def _lower_surname(name: str, found: Names) -> bool:
    """Is ``name``'s surname replaced in lower case too: a full name's or initials' ("A.
    Jeandel") one-word surname of 4 letters and more, no French word ("passé, tafanier,
    il a dit", "jeandel (PMA) veut"; not "martin"), wherever the name puts it ("orsiny
    c'est le +508…" of « | ORSINY Patrice | »)?"""
    surname = name_core(split_name(name)[1])
    last = surname[-1].lower()
    return (found.model is not None and (is_full_name(name) or is_initialled(name))
            and len(name_core(name)) == 2 and len(surname) == 1
            and len(last) >= 4 and "." not in last and fold_lower(last) not in _STOP_WORDS
            and not found.word(last, initial=True, notes=False))


def _lower_case_too(name: str, found: Names, bare: set[str] | frozenset[str] = frozenset()
                    ) -> bool:
    """Is ``name``'s first name replaced in lower case too? When the notes write it so
    where it can only be a name (after "présents :", as a label), or when it is the
    first name of a full name, or a commonly given first name found alone ("dimitri"
    of a Dimitri the notes never give a surname), of 4 letters or more, and no French
    word ("paloma", not "marine"). The lexicon's lemmas hold proper nouns ("dimitri",
    "julien") besides the words ("pierre"): such a first name counts when the folder
    writes it in lower case only bare (``bare``, :func:`_bare_first_names`). Never one
    the notes write in lower case with other accents: « mère » of Mere."""
    core = name_core(name)
    given = split_name(name)[0] or core[0]  # "MATHURIN Dayana": Dayana
    first = fold_lower(given)
    if first in found.lowercase:  # but not a word that is rarely a name ("prudence")
        return found.model is None or not (
            _in_lexicon(found.model.is_lemma, given.lower()) and not_common(first))
    lower = given.lower()  # the words the notes write in lower case do not count here
    return (found.model is not None and len(given) >= 4
            and (is_full_name(name) or (len(core) == 1 and common_first_name(given)))
            and "." not in given and first not in NON_NAMES
            and not found.model.is_inflected(lower) and not found.accented_twin(given)
            and (not found.model.is_lemma(lower) or first in bare))


def _bare_first_names(people: Iterable[str], found: Names, texts: list[str]) -> set[str]:
    """The first names of ``people`` that are lemmas of the lexicon, among the thousand
    most given, that ``texts`` write in lower case only bare: "dimitri" of « c'est
    dimitri pas kevin », not "pierre" of « la pierre » nor "clément", an adjective."""
    if found.model is None:
        return set()
    firsts = {split_name(name)[0] or name_core(name)[0] for name in people}
    lemmas = {fold_lower(first) for first in firsts if len(first) >= 4
              and common_first_name(first, among=BARE_FIRST_NAMES)
              and found.model.is_lemma(first.lower())
              and not found.model.is_adjective(first.lower())}  # with its accents
    return bare_only(lemmas, texts, is_adjective=found.model.is_adjective)


_STOP_WORDS = frozenset(fold_lower(word) for word in STOP_WORDS)  # folded: "meme", "deja"


def common_words(people: Iterable[str], model: NameModel | None,
                 aliases: dict[str, list[str]] | None = None) -> set[str]:
    """The words of listed names that are French words ("rose", "marine": inflected
    forms of the pipeline's lexicon; not "clémence"), searched only with a capital.
    Without a model, none: the team's list wins."""
    if model is None:
        return set()
    words = {w for name in people
             for form in [*listed_forms(name), *listed_handles(name), *listed_nicknames(name)]
             for w in [form.lower()] if " " not in w and "." not in w and len(w) >= 2}
    words |= {o.lower() for others in (aliases or {}).values() for o in others}
    # A piece of a compound name that is a French noun ("pierre" of Pierre-Louis) is a
    # word too: "la pierre angulaire" is no one.
    pieces = {piece.lower() for name in people for word in name.split()
              if "-" in word for piece in word.split("-")}
    # ... and so is one of a compound first name, written alone in lower case where only
    # the person can stand ("par contre amine (spie) est partant", of Mohamed-Amine).
    # The lexicon is asked with the accents ("rivière"); the words kept folded.
    # The lexicon leaves out the grammatical words: "Pas" of Pascale, "Mon" of Monique,
    # and "Mémé" of Mélanie that the accents aside are "même", are words too.
    return {fold_keep_case(w) for w in words | pieces
            if _in_lexicon(model.is_inflected, w) or fold_lower(w) in _STOP_WORDS
            or (w in pieces and _in_lexicon(model.is_lemma, w))}


def _in_lexicon(question, word: str) -> bool:
    """``question`` (is_inflected, is_lemma) of ``word`` as written or folded."""
    return question(word) or question(fold_keep_case(word))


def lemma_words(people: Iterable[str], model: NameModel | None) -> set[str]:
    """The words of listed names that are French lemmas and no common first name
    ("petit" of Laetitia Petit, "constant", "prudence"; not "martin" nor "julien"):
    searched with their capital only, and in lower case where only a person stands,
    or "un petit rappel" and "avec prudence" lose a word."""
    if model is None:
        return set()
    words = {w.lower() for name in people for w in re.split(r"[\s-]+", name) if len(w) >= 3}
    return {fold_keep_case(w) for w in words
            if _in_lexicon(model.is_lemma, w) and not_common(w)}


def _context_only(given: dict[str, str], found: Names,
                  listing: PseudonymList | None = None) -> list[str]:
    """The surnames that are also a place or an organisation on their own in the notes
    (Julie Paris, "c'est Paris qui décide"): replaced with a first name, initials or a
    civility before them ("J. Paris", "Mme Paris"), not alone. Never a listed person's:
    the team's list wins over the tags (exempt the town in ``exemptes``)."""
    forms: list[str] = []
    listed = set(listing.people) if listing else set()
    for name in given:
        if name in listed:
            continue
        surname = " ".join(name_core(split_name(name)[1]))  # "FAURE Océane": the capitals,
        # not "Océane"; "PLIE" of "Osmont du PLIE"
        if is_full_name(name) and len(name_core(name)) == 2 \
                and fold_keep_case(surname) in found.places:
            forms += [surname, surname.upper()]
    return forms


def _with_forms(rows: list[dict], replacer: Replacer, texts: list[str]) -> list[dict]:
    """``rows`` with, for each name, the forms the replacer replaces in ``texts`` (the
    ``formes`` column): the leak check searches those, not a form the notes never use
    ("FORMATION" of a report title)."""
    forms: dict[str, set[str]] = {}
    for text in texts:
        for form in replacer.forms_in(text):
            forms.setdefault(replacer.owner[form], set()).add(form)
    return [{**row, "formes": "; ".join(sorted(forms.get(row["nom"], ())))} for row in rows]


def _id_columns(name: str, table: pd.DataFrame) -> list[str]:
    return [c for c in table.columns
            if c in ID_COLUMNS or (c == "duplicate_of" and name == "interviews")]


def _renamers(tables: dict[str, pd.DataFrame], replacer: Replacer):
    """(old id -> new id, the function that pseudonymises a text: ids, then names)."""
    renamed = {}
    for name, table in tables.items():
        for column in _id_columns(name, table):
            renamed.update({v: new for v in table[column].unique()
                            if isinstance(v, str) and (new := replacer.ident(v)) != v})
    old_ids = re.compile("|".join(map(re.escape, sorted(renamed, key=len, reverse=True)))) \
        if renamed else None

    def text(value):
        if not isinstance(value, str) or not value:
            return value
        if old_ids is not None:
            value = old_ids.sub(lambda m: renamed[m.group()], value)
        return replacer.text(value)

    return renamed, text


def pseudonymise_tables(tables: dict[str, pd.DataFrame], replacer: Replacer, *,
                        renamers=None) -> dict[str, pd.DataFrame]:
    """Every table with names replaced: ids the same way in each, texts in place."""
    renamed, text = renamers or _renamers(tables, replacer)
    result = {}
    for name, table in tables.items():
        table = table.copy()
        ids = _id_columns(name, table)
        for column in table.columns:
            if not (pd.api.types.is_string_dtype(table[column]) or table[column].dtype == object):
                continue
            if column in ids:
                table[column] = table[column].map(lambda v: renamed.get(v, v))
            elif column in NAME_COLUMNS:
                table[column] = table[column].map(lambda v: replacer.person(text(v)))
            elif column not in HASH_COLUMNS | _CODE_COLUMNS and not (
                    column == "duplicate_of" and name != "interviews"):
                table[column] = table[column].map(text)
        result[name] = table
    return result


def name_checker(notes_dir: str | Path, *, organisations: bool = False) -> Replacer:
    """A replacer that knows every mapped and listed name: finds what leaks. It
    searches the forms ``formes`` of the mapping says the notes use, and the full
    names (all the forms of each name when the mapping has no such column)."""
    listing = load_pseudonym_list(notes_dir)
    rows = load_mapping(notes_dir, forms=True)
    people = {name: "" for name in listing.people}
    people.update({r["nom"]: r["pseudonyme"] for r in rows if r["type"] == PERSON})
    orgs = {}
    if organisations:
        orgs = {name: "" for name in listing.organisations}
        orgs.update({r["nom"]: r["pseudonyme"] for r in rows if r["type"] == ORGANISATION})
    # The forms the last pseudonymisation replaced in the notes, when it wrote them: a
    # form the notes never use as a name is no leak ("FORMATION" of a report's title).
    only = None
    if rows and all(r["formes"] is not None for r in rows):
        only = {form.strip() for r in rows for form in r["formes"].split(";") if form.strip()}
        only |= {name for name in [*people, *orgs] if " " in name}  # a full name is no word
        # (and it is what a file name holds: "entretien-camille-lefevre.md")
    # The listed people are searched in all their forms, whatever the mapping says.
    model = NameModel(cache_dir=None) if listing.people else None
    return Replacer(people, orgs, exempt=listing.exempt, only=only,
                    protect=() if organisations else listing.organisations,
                    listed=listing.people, common=common_words(listing.people, model,
                                                               listing.aliases),
                    lemmas=lemma_words(listing.people, model), aliases=listing.aliases,
                    nicknames=_nicknames(listing))


def _nicknames(listing: PseudonymList) -> list[str]:
    """The nicknames the list gives in brackets: "Dominique Battesti (Dumè)"."""
    return [nick for nicks in listing.aliases.values() for nick in nicks]
