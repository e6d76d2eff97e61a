"""What starts an interview, and what its heading or front matter says of it.

An interview starts at a heading that carries a date (``3/02/2020``, ``mardi
17 décembre``), starts with a word such as Entretien, Test, Échange,
Observation or Atelier (singular: ``## Entretiens`` holds several), or
carries a clause marker (``(300h) 6 : Plone``, ``16 (autre) Province``); or
at YAML front matter, which describes the whole file and wins over guesses
(front matter that only gives the ``kind`` leaves the headings in charge). A
heading with only a date right above a cued one is its preface
(:func:`interview_starts`).

Example:
    >>> h = heading_hint("(300h) 6 : Plone DGESCO & DNE")
    >>> (h["company_ref"], h["clause_hours"], h["clause_label"])
    ('6', 300, '300h')
    >>> heading_hint("Retours") is None
    True
"""
from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

from ..schema import ACTORS
from ..text import fold, normalize
from . import dates
from .contacts import clause_of
from .kinds import kind_of_front_matter
from .vocabulary import actor_of_text, category_of_label

_KEYWORD_RE = re.compile(
    r"^(?:(?:l'|le |la |un |une |1er |premier |deuxieme |second )\s*)?"
    r"(entretien|test|echange|observation|interview|rencontre|reunion|visite|appel|atelier"
    r"|workshop|seminaire|focus group|table ronde)\b"
)
_CLAUSE = r"\(\s*(\d{2,4}\s*h|autres?)\s*\)"
_CLAUSE_FIRST = re.compile(r"^\s*" + _CLAUSE + r"\s*(?:(\d{1,4})\b(?!\s*h))?", re.IGNORECASE)
_REF_FIRST = re.compile(r"^\s*(\d{1,4})\s*" + _CLAUSE, re.IGNORECASE)
_NAMES_RE = re.compile(r"\(([^)]*)\)")

RESEARCHER_PARTS = ("debrief", "takeaway", "question", "meta")
FRONT_MATTER_KEYS = {
    "title", "titre", "date", "actor", "acteur", "company", "company_ref", "entreprise",
    "clause", "clause_hours", "interviewers", "enqueteurs", "id", "interview_id",
    "kind", "type",
}
# The interviewers' key as teams write it: singular or plural, feminine, inclusive
# (« enquêteur·ices », « enquêteurs/trices »), English; not the interviewed
# (« enquêtée », « interviewee »). Compared on its letters, accents and case aside.
_INTERVIEWERS_KEY = re.compile(
    r"(?:enquet|interview)(?:eur|euse|rice|er)(?:s|es|e|ices|rices|trices|euses)*")
# Keys that describe the whole file, not one interview: front matter holding only
# these leaves the file's interview headings in charge ("kind: test-utilisateur"
# over two tests).
FILE_KEYS = {"kind", "type", "interviewers"}


def heading_hint(title: str, *, default_year: int | None = None) -> dict | None:
    """Return what an interview heading says, or None if it starts no interview.

    ``cue`` says what made it one: a clause ``marker``, a ``keyword`` (Entretien,
    Test...) or only a ``date``.
    """
    hint: dict[str, Any] = {"company_ref": "", "clause_hours": None, "clause_label": "",
                            "date": "", "date_text": "", "date_problem": ""}
    marker = _CLAUSE_FIRST.match(title) or _REF_FIRST.match(title)
    if marker:
        clause, ref = (marker.group(1), marker.group(2)) if marker.re is _CLAUSE_FIRST \
            else (marker.group(2), marker.group(1))
        hint["clause_hours"], hint["clause_label"] = clause_of(clause)
        hint["company_ref"] = ref or ""
    if not marker and category_of_label(title) in RESEARCHER_PARTS:
        return None  # "Debrief 31/12/2019" belongs to the interview above it
    found = dates.first_date(title, default_year=default_year)
    if found and found.precision == "year":
        found = None
    if found:
        hint.update(date=found.iso, date_text=found.text, date_problem=found.problem)
    keyword = _KEYWORD_RE.match(normalize(title))
    if not (marker or found or keyword):
        return None
    hint["cue"] = "marker" if marker else "keyword" if keyword else "date"
    return hint


def interview_starts(headings: list[tuple[int, int, str]], *,
                     default_year: int | None = None) -> dict[int, dict]:
    """The headings ``(line, level, text)`` that start an interview -> their hints.

    A heading with only a date (``# Les deux messages à retenir (03/02/2020)``)
    above an interview heading with a cue (a word or a clause marker), in its
    scope, is that interview's preface, not an interview.

    >>> heads = [(1, 1, "Les deux messages (03/02/2020)"), (5, 1, "Entretien du 03/02/2020")]
    >>> list(interview_starts(heads))
    [5]
    """
    hints = [heading_hint(text, default_year=default_year) for _, _, text in headings]
    return {line: hint for k, ((line, level, _), hint) in enumerate(zip(headings, hints))
            if hint is not None and not (hint["cue"] == "date"
                                         and _prefaces(level, headings[k + 1:], hints[k + 1:]))}


def _prefaces(level: int, after: list[tuple[int, int, str]], hints: list[dict | None]) -> bool:
    """Is the next interview heading in scope (no shallower heading first) a cued one?"""
    for (_, other_level, _), hint in zip(after, hints):
        if other_level < level:
            return False
        if hint is not None:
            return hint["cue"] != "date"
    return False


def interviewers_of(title: str) -> list[str]:
    """Names in a debrief heading: ``Debrief (Yannick & Philippe, après)`` -> both."""
    match = _NAMES_RE.search(title)
    if not match:
        return []
    first_part = match.group(1).split(",")[0]
    names = re.split(r"\s*(?:&|\bet\b|/|\+)\s*", first_part)
    return [n.strip() for n in names
            if n.strip() and n.strip()[0].isupper() and len(n.split()) <= 3]


# Front matter is a few flat fields: deeper nesting is refused before Python's
# recursion limit is (``[[[...]]]`` 330 levels deep).
MAX_FRONT_MATTER_DEPTH = 20
MAX_INTERVIEWERS = 20
MAX_FIELD_CHARS = 500
_SCALARS = (str, int, float, datetime.date)


class _NoAliasLoader(yaml.SafeLoader):
    """Safe loader that refuses aliases (a YAML bomb cannot blow up memory) and
    nesting deeper than :data:`MAX_FRONT_MATTER_DEPTH`, and keeps dates as written
    (``2020-02-30`` is a problem row of :func:`front_matter_hint`, not a crash)."""

    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"les alias YAML (*{event.anchor}) ne sont pas permis "
                                 f"dans le front matter (ligne {event.start_mark.line + 1})")
        if self.depth >= MAX_FRONT_MATTER_DEPTH:
            mark = self.peek_event().start_mark
            raise yaml.YAMLError(f"plus de {MAX_FRONT_MATTER_DEPTH} niveaux imbriqués "
                                 f"(ligne {mark.line + 1})")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp",
                               yaml.SafeLoader.construct_scalar)


# A key and a plain value holding « : », as French is written: "clause: 300h (chantier
# CTG : réfection des berges)", which YAML refuses ("mapping values are not allowed").
_COLON_VALUE = re.compile(r"(?m)^(?P<key>[ \t]*[^\s'\"#\-\[{][^:#\n]*:[ \t]+)"
                          r"(?P<value>[^'\"\[{|>&*!%@`\s][^\n]*?:[ \t][^\n]*?)[ \t]*$")


def _load_yaml(raw: str):
    """``raw`` read by the safe loader; if it refuses a plain value holding « : », the
    same with every such value quoted, as the writer meant it."""
    try:
        return yaml.load(raw, Loader=_NoAliasLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as error:
        quoted = _COLON_VALUE.sub(lambda m: m["key"] + "'" + m["value"].replace("'", "''")
                                  + "'", raw)
        if quoted == raw or "mapping values are not allowed" not in str(error):
            raise
        try:
            return yaml.load(quoted, Loader=_NoAliasLoader)  # noqa: S506
        except yaml.YAMLError:
            raise error from None


def read_front_matter(raw: str) -> tuple[dict, list[str]]:
    """Parse front matter with ``safe_load`` semantics; return (fields, errors).

    YAML that names none of the known keys is not front matter: ``({}, [])``.
    """
    if len(raw) > 20_000:
        return {}, [f"front matter de {len(raw)} caractères, plus que les 20 000 permis : "
                    "ses lignes sont lues comme du texte ; gardez-y quelques champs (titre, "
                    "date, acteur...) et mettez le reste dans la note"]
    try:
        data = _load_yaml(raw)
    except yaml.YAMLError as error:
        return {}, [f"front matter YAML invalide ({str(error).splitlines()[0]}) : "
                    "corrigez-le (voir les clés dans le README) ; ses lignes sont lues comme du "
                    "texte"]
    keys = {key: _key(key) for key in data} if isinstance(data, dict) else {}
    if not any(known in FRONT_MATTER_KEYS for known in keys.values()):
        return {}, []  # not front matter: text between two rules
    unknown = sorted(str(k) for k, known in keys.items() if known not in FRONT_MATTER_KEYS)
    errors = [f"clé(s) de front matter inconnue(s) {', '.join(unknown)} : "
              f"les clés connues sont {', '.join(sorted(FRONT_MATTER_KEYS))} ; les autres "
              "sont gardées telles quelles dans la colonne other_fields des entretiens"
              ] if unknown else []
    fields: dict[str, Any] = {}
    first: dict[str, str] = {}
    for key, value in data.items():
        known = keys[key]
        if known in first:
            errors.append(f"clés de front matter « {first[known]} » et « {key} » : la même "
                          "clé deux fois ; la première est lue, supprimez l'autre")
            continue
        first[known] = str(key)
        fields[known if known in FRONT_MATTER_KEYS else str(key).strip()] = value
    return fields, errors


def _key(key) -> str:
    """A front-matter key as the reader knows it: lower case, accents aside (« Titre »
    is « titre »), and every spelling of the interviewers' key « interviewers »."""
    folded = fold(str(key)).strip()
    return "interviewers" if _INTERVIEWERS_KEY.fullmatch(re.sub("[^a-z]", "", folded)) \
        else folded


def front_matter_hint(fields: dict) -> tuple[dict, list[str]]:
    """Turn front matter fields into interview fields; return (hint, errors)."""
    hint: dict = {}
    errors: list[str] = []

    def first(*keys):
        return _checked_field(fields, keys, errors)

    title = first("title", "titre")
    if title:
        hint["title"] = str(title)
    raw_date = first("date")
    if raw_date:
        found = dates.first_date(str(raw_date))
        if found and found.iso:
            hint["date"], hint["date_text"] = found.iso, str(raw_date)
        else:
            errors.append(f"la date du front matter « {raw_date} » n'est pas une date : "
                          "écrivez par exemple 2020-03-12")
    actor = first("actor", "acteur")
    if actor:  # one of the actors, else the heading's or the file's: never the text,
        known = actor_of_text(str(actor)) or normalize(str(actor))  # which may name people
        if known in ACTORS:
            hint["actor"] = known
        else:
            errors.append(f"acteur « {actor} » inconnu dans le front matter : écrivez l'un de "
                          f"{', '.join(ACTORS)}")
    company = first("company_ref", "company", "entreprise")
    if company != "":
        hint["company_ref"] = str(company)
    clause = first("clause", "clause_hours")
    if clause != "":
        hint["clause_hours"], hint["clause_label"] = clause_of(str(clause))
    people = _interviewers_field(fields, errors)
    if people:
        hint["interviewers"] = people
    ident = first("interview_id", "id")
    if ident:
        hint["interview_id"] = str(ident)
    kind = first("kind", "type")
    if kind:
        hint["kind"], error = kind_of_front_matter(kind)
        errors += [error] if error else []
    other = other_fields(fields)
    if other:
        hint["other_fields"] = other
    return hint, errors


# How ``other_fields`` joins a front matter's fields, and a list's items: the
# pseudonymisation splits them back (:mod:`csf_analysis.privacy.pseudonymise`).
FIELD_SEP, ITEM_SEP = " ; ", " | "


def other_fields(fields: dict) -> str:
    """The fields of no known key, as written, for the interviews table: nothing the
    team wrote in a front matter is lost (« présents: », « lieu: », « durée: »). A
    list's items are joined by « | »: each may hold commas (« Léa Morin — juriste,
    Alliance Villes Emploi »).

    >>> other_fields({"date": "2024-02-01", "présents": ["Léa (MLDS)", "Tom"], "lieu": "Pau"})
    'présents: Léa (MLDS) | Tom ; lieu: Pau'
    """
    return FIELD_SEP.join(f"{key}: {flat}" for key, value in fields.items()
                          if key not in FRONT_MATTER_KEYS and (flat := _flat(value)))


def _flat(value) -> str:
    """A front-matter value on one line: a list's items joined by « | », mappings as
    « clé: valeur » (the loader bounds their depth and refuses aliases)."""
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_flat(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ITEM_SEP.join(flat for item in value if (flat := _flat(item)))
    return "" if value is None else " ".join(str(value).split())


def _checked_field(fields: dict, keys: tuple[str, ...], errors: list[str]):
    """The first of ``keys`` set in ``fields``, if it is a short scalar (a text, a
    number, a date); else ``""``, with an error saying what was found instead."""
    for key in keys:
        value = fields.get(key)
        if value in (None, ""):
            continue
        if isinstance(value, _SCALARS) and len(str(value)) <= MAX_FIELD_CHARS:
            return value
        errors.append(f"front matter « {key}: » : {_what(value)} au lieu d'un texte court : "
                      f"valeur ignorée ; écrivez par exemple « {key}: ... » sur une ligne")
    return ""


def _interviewers_field(fields: dict, errors: list[str]) -> list[str]:
    """The interviewers: a list of names, or a text ``Yannick, Philippe``; a list of
    anything else, or of more than :data:`MAX_INTERVIEWERS` names, is refused."""
    value = fields.get("interviewers")
    if value in (None, "", []):
        return []
    if isinstance(value, list) and len(value) <= MAX_INTERVIEWERS and all(
            isinstance(v, _SCALARS) and len(str(v)) <= 100 for v in value):
        return [n for v in value if (n := _without_remarks(str(v)))]
    if isinstance(value, _SCALARS) and len(str(value)) <= MAX_FIELD_CHARS:
        return [n for part in re.split(r"\s*[,;&]\s*|\s+/\s+", _without_remarks(str(value)))
                if (n := part.strip())]
    errors.append(f"front matter « interviewers: » : {_what(value)} au lieu d'une liste d'au "
                  f"plus {MAX_INTERVIEWERS} prénoms : valeur ignorée ; écrivez par exemple "
                  "« interviewers: [Yannick, Philippe] »")
    return []


def _without_remarks(text: str) -> str:
    """``text`` without its remarks in brackets, their commas with them: « Teddy Clain
    (Mission Locale Ouest, co-animation) » is Teddy Clain.

    >>> _without_remarks("Mélissa Payet (animation), Teddy Clain (ML Ouest, co-animation)")
    'Mélissa Payet, Teddy Clain'
    """
    return " ".join(re.sub(r"\s*\([^()]*\)?", "", text).split())


def _what(value) -> str:
    """A short French description of a front-matter value of the wrong shape."""
    if isinstance(value, dict):
        return f"un dictionnaire de {len(value)} clé(s)"
    if isinstance(value, list):
        return f"une liste de {len(value)} élément(s)"
    if isinstance(value, _SCALARS):
        return f"un texte de {len(str(value))} caractères"
    return f"une valeur de type {type(value).__name__}"
