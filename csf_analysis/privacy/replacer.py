"""Replace known names, e-mail addresses and phone numbers in a text or an id.

A :class:`Replacer` is built from names and the pseudonyms they get; it finds
each name in the forms people write it, accents optional, case kept:

- the full name, surname first too, the surname in capitals (``LEFÈVRE``);
- the first name alone and the surname alone;
- initials: ``C. Lefèvre``, ``Camille L.``, ``C.L.``, ``CL`` (a whole word), and
  a compound first name's alone (``P-Y``, ``P.-Y.`` of Pierre-Yves);
- a civility or initials before any of these are part of the name: ``Mme
  Lefèvre`` reads ``Personne B``, not ``Mme Personne B``; so does ``J-M Lefèvre``;
- an elided article before it takes its full form: ``d'Hugo`` reads ``de
  Personne C`` (a pseudonym that starts with a vowel keeps ``d'``).

E-mail addresses become ``[courriel de Personne B]`` when their local part
names a known person (``camille.lefevre@...``), else ``[courriel]``; phone
numbers (French, or 9 digits after any country code: ``+262 262 48 11 27``, or
the 6 of New Caledonia, Wallis and Saint-Pierre-et-Miquelon and French Polynesia's 8,
with or without their code: :func:`pacific_phones`) become ``[téléphone]``. Names in
ids and file names (lower case, ``entretien-camille-lefevre``) become the pseudonym's
slug (``personne-b``).

The people of ``personnes`` (``listed``) are replaced in every form whatever the
rules and spaCy say (:func:`listed_forms`): also the initials of a compound or
particle surname (``S.G.-V.``, ``S. G.-V.``, ``SGV``, ``A. de K.``), a word of a
compound surname (``Vidal``), and, after the rules, a last pass replaces their
forms left, case- and accent-insensitive, as whole words (``clemence``,
``wojcik``), inside file names too (``entreprise_23_Duvignau.md`` ->
``entreprise_23_personne-h.md``) and e-mail local parts (``duvignau.jm@``); a
first name or surname that is a French word (``common``: "Rose", "Marine") only
with its capital. Only an exempted name inside which the form stands stops it
(``Paris`` exempted keeps the town, not ``Julie Paris``).

Protected spans are never touched: the exempted names (``Jules Ferry``), the
organisations when they are not replaced, and places and schools named after
people (``rue Victor Hugo``, ``lycée Jean Moulin``, ``Saint-Exupéry``).

Example:
    >>> r = Replacer({"Camille Lefèvre": "Personne B", "Hugo": "Personne C"},
    ...              exempt=["Jules Ferry"])
    >>> r.text("Mme Lefevre a vu l'équipe d'Hugo au collège Jules Ferry.")
    "Personne B a vu l'équipe de Personne C au collège Jules Ferry."
    >>> r.text("Écrire à camille.lefevre@ac-paris.fr ou au 06 12 34 56 78")
    'Écrire à [courriel de Personne B] ou au [téléphone]'
    >>> r.ident("entretiens/2020-camille-lefevre.md")
    'entretiens/2020-personne-b.md'
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from ..reading.vocabulary import SPEAKER_ROLES, within_one_edit
from ..text import ANY_UPPER as _UP
from ..text import strip_accents
from ..words import WORDS
from .first_names import diminutives, is_first_name, nicknames
from .name_forms import (
    ACRONYMS,
    CIVILITIES,
    INITIALS,
    PARTICLES,
    THREE_LETTER_WORDS,
    TWO_LETTER_WORDS,
    compound_initials,
    fold_keep_case,
    listed_forms,
    listed_handles,
    listed_nicknames,
    name_forms,
    short_initials,
    slug,
    split_name,
    surname_capitals,
    surname_words,
)
from .towns import is_place, is_town, with_article
from .word_use import words_pattern

__all__ = ["CIVILITY", "EMAIL_RE", "PHONE_RE", "PLACE_WORDS", "Replacer", "one_typo_apart",
           "overlaps", "pacific_phones", "sound_key", "titled"]

# Starts only where a run of address characters starts: linear on a 50 KB run of
# them with no @ ("+1+1+1...", "0000..."), which took seconds.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A French number (0 and 9 digits), or the 9 digits after any country code: +33 and
# the overseas ones (+262 262 48 11 27, +590...), or the 6 of New Caledonia and Wallis
# (+687 27 45 18). Linear: no nested quantifier.
PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:(?:\+|00)[1-9]\d{0,2}\s?(?:\(0\)\s?)?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}"
    # 6 digits of New Caledonia, Wallis and Saint-Pierre-et-Miquelon, 8 of French
    # Polynesia: "(+687) 46 12 03", "+508 41 27 63", "+689 89 21 56 78"; a bracket of the
    # code forgotten ("+681) 72 ...") still a number
    r"|\(?(?:\+|00)\s?(?:687|681|508)\)?[\s.-]?\d{2}(?:[\s.-]?\d{2}){2}"  # "+687.81.63.07"
    r"|\(?(?:\+|00)\s?689\)?[\s.-]?\d{2}(?:[\s.-]?\d{2}){3}"
    # ... the code's "+" forgotten in its brackets, or a space after "00": "(687) 47 72
    # 39", "00 687 20 34 41"
    r"|\((?:687|681|508)\)\s?\d{2}(?:[\s.-]?\d{2}){2}|\(689\)\s?\d{2}(?:[\s.-]?\d{2}){3}"
    r"|\((?:\+|00)[1-9]\d{0,2}\)\s?[1-9](?:[\s.-]?\d{2}){4}"  # "(+33) 6 33 18 92 74"
    r"|\(0[1-9]\)\s?\d{2}(?:[\s.-]?\d{2}){3}"  # the area code in brackets: "(01) 45 ..."
    r"|\(0[1-9]\d{2}\)\s?\d{2}(?:[\s.-]?\d{2}){2}"  # "(0596) 71 90 05" overseas
    r"|0\s?8\d{2}(?:(?:[\s.-]?\d{2}){3}|[\s.-]?\d{3}[\s.-]?\d{3})"  # "0 800 13 22 45"
    # an overseas number without its 0, as after its code: "639 71 40 22" (Mayotte)
    r"|(?:262|269|590|594|596|639|69[0-7])(?:[\s.-]\d{2}){3}"
    # another country's, in its own groups: "+352 621 458 903", "+1 721 553 4417"
    # (Brazil's mobiles in groups of 5: "+55 96 99134 5527")
    r"|(?:\+|00)[1-9]\d{0,2}[\s.-]?\d{2,4}(?:[\s.-]\d{2,5}){2,4}"
    r"|(?:\+|00)[1-9]\d{0,2}\s?\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{4})(?!\d)")  # "+1 (721) 522-4187"
# The same 6 digits without their code ("78.45.12", "standard 27 44 19"): three pairs
# that are no date ("12.03.24") and no time ("14.30.00"), dotted, or spaced after a
# phone word, a colon or a table's bar, struck out or in bold too ("| ~~55 12 34~~ |",
# Saint-Pierre-et-Miquelon's 6 digits; a list of numbers, "45 50 55 jeunes", stays);
# French Polynesia's 8 too, four pairs ("Tél. : 87.25.63.90", "bureau : 40 83 27 11").
_PACIFIC_PAIRS_RE = re.compile(r"(?<![\w.,/+-])(?<!\d )(?:([2-9]\d)([ .-])(\d{2})\2(\d{2})"
                               r"(?:\2(\d{2}))?|(?P<glued>(?:40|8[789])\d{6}))"
                               r"(?![\w/-]|[.,]\w|\s?\d)")
# ... and Polynesia's four pairs anywhere when they open as its lines do (40 fixed, 87
# to 89 mobile): "via Hiriata 40 45 12 80", not "scores 45 50 55 60".
_POLYNESIA_OPENINGS = ("40", "87", "88", "89")
# Between two numbers of one line: "41 15 78 — 55 32 09", "45 12 09 / 82 45 17".
_PHONE_SEP = r"\s*[/,;—–-]?\s*"
_BETWEEN_PHONES_RE = re.compile(_PHONE_SEP)
_PHONE_CUE_RE = re.compile(r"(?i)(?:\bt[ée]l\b|\bmob\b|portable|\bperso\b|\bfixe|standard"
                           r"|num[ée]ro|n°"
                           r"|joignable|ligne\s+directe|☎|📞)[^\n]*$|[:|]\s*[~*_]{0,2}$"
                           r"|\b(?:c['’]est|appeler|appelle[rz]?)\s+(?:le|au)\s*$"
                           # "[courriel] / 24 13 87", "[téléphone] — 55 32 09", one word
                           # between: "[téléphone] / bureau 72 03 56"
                           r"|\[(?:courriel|t[ée]l[ée]phone)[^\]]*\]" + _PHONE_SEP
                           + r"(?:[^\W\d_]{2,15}\s*:?\s*)?$")
# ... or further on its line, after a word that announces phones: "contact : Lusia
# Tialetagi, secrétariat (72 20 31)", "le tél. de Killian est celui de la famille : 41 67
# 12 — préférer passer par Gaëlle (55 32 09)", "Contacts : Marcel ... ; Tavita 87772150";
# not "numéro" ("son numéro 87-31-58-64 ; lot 87712290, 25-30-35").
_LINE_CUE_RE = re.compile(r"(?i)(?:\bt[ée]l\b|(?<!\[)t[ée]l[ée]phone|\bcontacts?\b|coordonn[ée]es"
                          r"|\bnum[ée]ros\b"  # « Numéros utiles : MIJ Koutio 23 11 40, ... »
                          r"|\b(?:r?appeler|r?appelle[rz]?)\b)")  # « rappeler Jimmy ..., 79 60 21 »
_LINE_CUE_REACH = 150  # characters before the number
# ... or the number alone in brackets: « la Province Nord (47 72 39), qui suit ».
_BRACKETED_RE = re.compile(r"\(.*\)", re.DOTALL)
# ... or right after it, a phone or a phone word: "27 43 18 / mobile Gilles +687 ...".
# Or someone's number said after it: « 55 12 34 c'est toujours son num ? ».
_PHONE_CUE_AFTER_RE = re.compile(_PHONE_SEP + r"(?:\[t[ée]l[ée]phone\]|(?i:mobile|portable"
                                 r"|fixe|standard)\b|(?i:c['’]est\s+(?:toujours\s+|bien\s+)?"
                                 r"(?:son|ton|mon|sa|leur|votre)\s+(?:num|t[ée]l|portable)))")


def titled(speaker: str) -> str:
    """A speaker as the reader keeps it (lower case) with its capitals back, an
    organisation's acronym in capitals: « Fabienne CIO » of a chat, not « Fabienne Cio ».

    >>> titled("fabienne cio"), titled("jean-marc")
    ('Fabienne CIO', 'Jean-Marc')
    """
    return " ".join(word.upper() if word.upper() in ACRONYMS else word.title()
                    for word in speaker.split(" "))


def overlaps(start: int, stop: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Does ``[start, stop)`` overlap one of ``spans`` (protected text, say)?

    >>> overlaps(3, 8, [(0, 4)]), overlaps(4, 8, [(0, 4)])
    (True, False)
    """
    return any(a < stop and start < b for a, b in spans)


def pacific_phones(text: str) -> str:
    """New Caledonia's and Wallis's numbers written without +687 / +681 (6 digits),
    and French Polynesia's without +689 (8), replaced.

    >>> pacific_phones("KMI, Koné : 78.45.12 ; standard NSS 27 44 19 | 47 22 81 |")
    'KMI, Koné : [téléphone] ; standard NSS [téléphone] | [téléphone] |'
    >>> pacific_phones("le 12.03.24 à 14.30.00, 45 50 55 jeunes")
    'le 12.03.24 à 14.30.00, 45 50 55 jeunes'
    >>> pacific_phones("bureau : 40 83 27 11. Heimana : 87 72 19 04 ; 87.25.63.90")
    'bureau : [téléphone]. Heimana : [téléphone] ; [téléphone]'
    >>> pacific_phones("tél. magasin 45 12 09, portable 82 45 17 ; Lina c'est le 74 63 18")
    "tél. magasin [téléphone], portable [téléphone] ; Lina c'est le [téléphone]"
    >>> pacific_phones("[courriel] — 41 15 78 — 55 32 09 (perso)")
    '[courriel] — [téléphone] — [téléphone] (perso)'
    >>> pacific_phones("son numéro 87-31-58-64 ; Joseph : 87712290 ; lot 87712290, 25-30-35")
    'son numéro [téléphone] ; Joseph : [téléphone] ; lot 87712290, 25-30-35'
    >>> pacific_phones("contact : Lusia Tialetagi, secrétariat (72 20 31) ; Tavita 87772150")
    'contact : Lusia Tialetagi, secrétariat ([téléphone]) ; Tavita [téléphone]'
    >>> pacific_phones("| REUX Steeve | ~~55 12 34~~ |")  # struck out, or in bold
    '| REUX Steeve | ~~[téléphone]~~ |'
    >>> pacific_phones("55 12 34 c'est toujours son num ? 45 50 55 c'est beaucoup")
    "[téléphone] c'est toujours son num ? 45 50 55 c'est beaucoup"
    >>> pacific_phones("| [téléphone] / bureau 72 03 56 | [courriel] ; les jeunes 45 50 55 |")
    '| [téléphone] / bureau [téléphone] | [courriel] ; les jeunes 45 50 55 |'
    >>> pacific_phones("MIJ Koutio : 23 11 40 ; Province Nord (47 72 39) ; le 23 11 24")
    'MIJ Koutio : [téléphone] ; Province Nord ([téléphone]) ; le 23 11 24'
    >>> pacific_phones("Numéros utiles : MIJ 22 41 60, Province emploi 47 72 39.")
    'Numéros utiles : MIJ [téléphone], Province emploi [téléphone].'
    """
    last = -1  # where the last number replaced ends
    def replace(match: re.Match) -> str:
        nonlocal last
        glued = match["glued"] is not None
        first, sep = int(match[1] or 0), match[2]
        second, third = int(match[3] or 0), int(match[4] or 0)
        if not glued and match[5] is None and ((first <= 31 and 1 <= second <= 12 and (
                third <= 30 or third >= 90)) or (
                sep != " " and first <= 23 and second <= 59 and third <= 59)):
            return match[0]  # a date (« 12.03.24 »; not « 23 11 40 », no year of the
            # notes nor a birth's), or a time (« 14.30.00 »; not « | 20 48 31 | »)
        line = text[max(0, match.start() - _LINE_CUE_REACH):match.start()].rsplit("\n", 1)[-1]
        cued = _PHONE_CUE_RE.search(line[-30:]) or _LINE_CUE_RE.search(line) or (
            match.start() and _BRACKETED_RE.match(text, match.start() - 1, match.end() + 1)) or (
            last >= 0 and _BETWEEN_PHONES_RE.fullmatch(text, last, match.start())) or \
            _PHONE_CUE_AFTER_RE.match(text, match.end())
        if (glued or sep in " -" or text[match.end():match.end() + 1] == ",") and not cued \
                and not (match[5] is not None and match[1] in _POLYNESIA_OPENINGS):
            return match[0]  # "45 50 55 jeunes", "notes 12.14.16, 18": no cue, a list
        last = match.end()
        return "[téléphone]"
    return _PACIFIC_PAIRS_RE.sub(replace, text) if any(ch.isdigit() for ch in text) else text


CIVILITY = (r"(?:M\.|MM\.|Mr\.?|Mme\.?|Mmes\.?|Mlle\.?|Mlles\.?|Madame|Monsieur|Mademoiselle"
            r"|Messieurs|Dr\.?|Docteur|Pr\.?|Professeur|Maître|Me)")
# An apostrophe and a letter after a form: it is part of a longer name, "M. N" of
# "M. N'Diaye", "Net" of "Net'Pyrénées".
_ELIDED = r"['’][^\W\d_]"
# Initials before a name are part of it: "J-M Hoarau", "S. Caron", "M.-C. Guérin".
_ELISION = r"(?P<elide>\b(?:[dDlLjJ]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’])"
# Words that name a place, a school or a street: the capitalised words after
# them are the place's name, kept even when a person bears it.
STREET_WORDS = tuple(WORDS["names"]["street_words"])
PLACE_WORDS = (*STREET_WORDS, *WORDS["names"]["place_words"], *WORDS["names"]["concept_words"],
               *WORDS["names"]["trade_words"])
# Public bodies and regions, never a person ("France Travail", "Région Bretagne").
PUBLIC_NAMES = tuple(WORDS["names"]["public_names"])
# The towns named with an article, written so or contracted (« Le Robert », « au
# Robert », « du Marin », « aux Abymes »; folded text): places, whatever first name
# they hold.
_ARTICLES = {"le": r"(?:Le|le|au|du)", "la": r"(?:La|la)", "les": r"(?:Les|les|aux|des)"}
_ARTICLE_TOWN = "|".join(
    _ARTICLES[article] + r"\s+(?:" + "|".join(re.escape(strip_accents(t)) for t in towns) + ")"
    for article, towns in with_article().items() if towns)
_CAP = _UP + r"[\w'’]*"
_PARTICLE = r"(?:de|du|des|la|le|les|d['’]|l['’])"
# The words closing a firm's name, with their capital or in capitals (folded text).
_FIRM = "(?:" + "|".join(sorted({form for w in WORDS["names"]["firm_words"]
                                 for form in (strip_accents(w).capitalize(),
                                              strip_accents(w).upper())})) + ")"
_FIRM_RE = re.compile(r"\s+" + _FIRM + r"(?:\s+" + _FIRM + r")*$")
# Place words used in an idiom that names no place: "à la place de Yasmine" (instead
# of her), "au cours de" (during), « Bonne route Thierry » (a farewell). Folded text,
# so "à" is "a".
_IDIOMS = {"place": r"(?<!a la )", "cours": r"(?<!au (?=cours\s+(?:de|du|des|d')\b))",
           "route": r"(?<!bonne )"}
_PLACE_RE = re.compile(  # matched on folded text: no accents
    # a school named after two people, a first name then a full name: « lycée Victor et
    # Hélène Basch »; not « lycée Turgot et Yannick m'a demandé »
    r"(?:(?i:\b(?:lycee|college|ecole|groupe scolaire)(?:\s+(?:professionnel|polyvalent"
    r"|agricole|technique|general|technologique|prive|public))?)\s+[A-Z][a-z]+\s+et\s+"
    + _CAP + r"\s+" + _CAP + r"(?![\w'’-])"
    r"|(?i:\b(?:" + "|".join(_IDIOMS.get(w, "") + re.escape(strip_accents(w))
                               for w in PLACE_WORDS) + r")"
    r"(?:\s+(?:professionnel|pro|polyvalent|agricole|technique|general|technologique|prive"
    r"|public|municipal|intercommunal|regional|departemental)){0,2})\s+(?:"
    + _PARTICLE + r"\s*)?" + _CAP + r"(?:(?:\s+|-)(?:" + _PARTICLE + r"\s*)?" + _CAP + r"){0,3}"
    # a saint's town, its links too: « Saint-Nicolas-de-Redon », « Saint-Jean-d'Angély »
    r"|\b(?:Saint|Sainte|St|Ste)-" + _CAP + r"(?:-(?:(?:de|du|des|sur|sous|en|les|lez|le|la"
    r"|et)-|d'|l')?" + _CAP + r")*"
    r"|\bVal\s+(?:de|du|des|d')\s*" + _CAP +  # "Métropole Val de Loire"; "Val" a Valérie
    # a compound place name ("Hauts-de-France", "Boulogne-sur-Mer", "Aix-en-Provence")
    r"|\b" + _CAP + r"(?:-" + _CAP + r")*-(?:de|du|des|sur|sous|en|les|lez|le|la|et|d'|l')"
    r"-?" + _CAP + r"(?:-" + _CAP + r")*"
    r"|(?<![\w-])(?:" + _ARTICLE_TOWN + r")(?![\w'’-])"
    # a firm's name closed by its trade: "Giordano Bâtiment", "Iroise Propreté Services"
    # (no "de" inside: « c'est Stéphanie de SXM Construction » is someone of the firm)
    r"|(?<![\w-])" + _CAP + r"(?:\s+" + _CAP + r"){0,2}?(?:\s+" + _FIRM + r")+(?![\w-])"
    # in any case: "la conseillère france travail (gosia)" in a chat
    r"|(?<![\w-])(?i:" + "|".join(re.escape(strip_accents(w)).replace(r"\ ", r"\s+")
                                   for w in PUBLIC_NAMES) + r")(?![\w-]))")
_FIRST = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"


def _overlapping(pattern: re.Pattern, folded: str) -> Iterator[re.Match]:
    """The matches of ``pattern``, and one that starts at a match's last word and goes
    further: a report's cells « Entreprise | Menuiserie Bouveret Frères », read as
    « Entreprise Menuiserie » (a firm closed by its trade), hold the firm after it.

    >>> [m.group() for m in _overlapping(_PLACE_RE, "Entreprise Menuiserie Roux Freres")]
    ['Entreprise Menuiserie', 'Menuiserie Roux Freres']
    """
    for match in pattern.finditer(folded):
        yield match
        spaces = [i for i, char in enumerate(match.group()) if char.isspace()]
        if spaces:
            last = match.start() + spaces[-1] + 1
            longer = pattern.match(folded, last)
            if longer is not None and longer.end() > match.end():
                yield longer


_PERSON_AFTER_DE_RE = re.compile(  # "passage de Thomas Vallet", "le lycée de Mehdi",
    r"^\w+\s+(?:de\s+(?:(?P<civility>" + CIVILITY + r")\s+[A-Z]"  # "principe de Mme Le Bihan"
    r"|(?P<first>" + _FIRST + r")(?:\s+[A-Z]|$)"
    r"|(?P<initial>[A-Z])$)"  # "passage de X. Battesti", "de M. Pinelli": no place is "X"
    r"|d'(?P<elided>" + _FIRST + r")\s+[A-Z])",  # "passage d'Ophélie Desmarais"; not
    re.ASCII)  # "avenue d'Italie" (folded text)


_DE_END = re.compile(r"(?<![\w-])de\s+$")
_LISTED_AFTER_DE_RE = re.compile(r"\s+(?:de\s+|d['’])(?P<name>" + _FIRST + r")$")
_CIVILITY_END = re.compile(r"(?i)(?<![\w.])" + CIVILITY + r"\s+$")  # "mme " before a name
_CIVILITY_BEFORE = re.compile(  # "Mme Saint-Aubin", "H. de Saint-Aubin": a person
    r"(?<![\w-])(?:" + CIVILITY + "|" + INITIALS + r")\s+(?:de\s+)?$")


_FIRST_NAME_END = re.compile(r"(?<![\w-])(" + _FIRST + r")\s+(?P<de>de\s+)?$")


def _first_name_before(folded: str, match: re.Match) -> bool:
    """A saint's name or a town's with its article right after a first name is a
    surname: "Angélique Sainte-Rose", "Gwenaël Le Port"; a saint's after « de » too,
    "Diane de Saint-Aubin" (replaced only if someone has it: "Karim de Saint-Denis"
    stays), not a town's with its article ("Kévin de La Réunion", where he comes from)."""
    saint = re.match(r"(?:Saint|Sainte|St|Ste)-", match.group())
    if not saint and not re.match(r"(?:Le|La|Les)\s", match.group()):
        return False
    before = _FIRST_NAME_END.search(folded, max(0, match.start() - 25), match.start())
    return before is not None and is_first_name(before.group(1)) and (
        saint is not None or before.group("de") is None)


# A role « de » a place word, then a first name: the place word says whose role it is,
# it names no place (« l'élu de quartier Valentin Chabert », « la déléguée de site
# Nadia Ferhat »; but « la maison de quartier Jean Jaurès » is one).
_ROLE_DE_BEFORE = re.compile(  # on folded text
    r"(?i)(?<![\w-])(?:elu|delegue|conseill|referent|mediat|animat|correspondant|adjoint"
    r"|responsable|coordinat|coordonnat)\w*\s+de\s+$")


def _role_before(folded: str, match: re.Match) -> bool:
    """Is the place-shaped span ``match`` a role's place word then a person?"""
    words = match.group().split()
    return len(words) >= 3 and is_first_name(words[1]) and _ROLE_DE_BEFORE.search(
        folded, max(0, match.start() - 30), match.start()) is not None


_PLACE_WORDS_WRITTEN = {strip_accents(w): w for w in PLACE_WORDS}
# The words before a place's name: "passage ", "lycée professionnel de la "; not a
# street's, which may bear a first name alone ("place Stanislas", "rendez-vous place Manon").
_PLACE_NAMED_RE = re.compile(  # on folded text
    r"^(?!(?i:" + "|".join(re.escape(strip_accents(w)) for w in STREET_WORDS)
    + r")\s)(?:\S+\s+)(?:(?!d['’])[a-z]\S*\s+)*(?:d['’])?")  # "menuiserie d'Aloisio X"
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_LIGATURE_RE = re.compile("[œŒæÆ]")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})
# A place word right before a woman's civility or « Monsieur » names no place: « Au
# passage Mme Legrix m'a dit » (not « M. », which may be a school's « collège M. Pagnol »,
# nor « rue du Docteur Roux »).
_CIVILITY_NAMED = re.compile(r"\S+\s+(?:Mme|Mlle|Mr|Madame|Mademoiselle|Monsieur)\.?\s")
# An author's initials and the year after a place's shape: « Saint-Just, D. (2018) » is
# a reading's author, not a place (folded text).
_AUTHOR_AFTER = re.compile(r"(?:,?\s+[A-Z]\.(?:\s?-?[A-Z]\.)?|,\s*(?P<first>[A-Z][a-z]+"
                           r"(?:-[A-Z][a-z]+)?))\**\s*\(?\d{4}")


def _author_after(folded: str, end: int) -> bool:
    """Does a reference's author's initials or first name, then a year, follow ``end``
    (« Saint-Jore, M. (2024) », « Saint-Jore, Mathilde (2024, à paraître) »: hers)? Not
    a place's name (« Saint-Denis, Mayotte (2023) »)."""
    match = _AUTHOR_AFTER.match(folded, end)
    return match is not None and (not match["first"] or (
        is_first_name(match["first"]) and not is_place(match["first"])
        and not is_town(match["first"])))
_PROTECTED_KEPT = 32  # the last texts whose protected spans are remembered
# A space in a slug not after its dash: "e, il", "jean. moulin" are words of a text, not
# a slug (which the text's replacement takes only without a space); "giordano-⏎batiment"
# is an id the PDF's lines cut.
_SPACED = re.compile(r"(?<![-_])\s")
# A trade before a family's name: the firm's name, kept unless someone bears it.
_TRADE_RE = re.compile(r"(?i:" + "|".join(re.escape(strip_accents(w))
                                           for w in WORDS["names"]["trade_words"]) + r")\s+")
# An initial's dot, then the surname: the rest of « imprimerie R. Lamy » after « R ».
_INITIAL_THEN = re.compile(r"\.\s*(?P<surname>" + _CAP + ")")


def _surname_spellings(name: str) -> set[str]:
    """The surname of ``name`` (folded) as a firm's name writes it: « ORSINY Patrice »
    is the « garage Orsiny »'s."""
    surname = fold_keep_case(split_name(name)[1] or name)
    return {surname, surname.title()} if surname.isupper() else {surname}


def unligatured(form: str) -> str:
    """``form`` with its ligatures written as two letters, as many keyboards type them.

    >>> unligatured("Œuvrard"), unligatured("ŒUVRARD"), unligatured("Lætitia")
    ('Oeuvrard', 'OEUVRARD', 'Laetitia')
    """
    written = form.translate(_LIGATURES)
    return written.upper() if form.isupper() else written


def _accented_verb(text: str, start: int) -> bool:
    """Does the place word found at ``start`` of the folded text carry an accent the place
    word has not: "placé" (a participle, "Elle a placé Manon"), "centré", "espacé"?

    >>> _accented_verb("Elle a placé Manon", 7), _accented_verb("place Jean Jaurès", 0)
    (True, False)
    >>> _accented_verb("LYCEE Jean Moulin", 0), _accented_verb("lycée Jean Moulin", 0)
    (False, False)
    """
    match = _LETTERS_RE.match(text, start)
    word = match.group().lower() if match else ""
    written = _PLACE_WORDS_WRITTEN.get(strip_accents(word), word)
    return len(word) == len(written) and any(
        a != b and a != strip_accents(a) and b == strip_accents(b) for a, b in zip(word, written))


def _person_after_de(span: str) -> bool:
    """Is ``span``, a place word, "de" and a name, someone's ("le lycée de Mehdi")? Not
    a first name that the lists call a place ("Université de Lorraine")."""
    match = _PERSON_AFTER_DE_RE.match(span)
    if match is None:
        return False
    first = match.group("first") or match.group("elided")
    return match.group("initial") is not None or match.group("civility") is not None \
        or first.startswith("Ti-") or (  # « Passage de Ti-Roro », a nickname of the Antilles
        is_first_name(first) and not (match.group("first") and match["first"] == span.split()[-1]
                                      and is_place(first)))


# Initials in lower case ("(hr, mk)", "vu avec mk", "[09:12] jbo :", "@jbo"), or a
# listed person's that are an acronym of the field ("| DA |", "DA : ..."), stand between
# list punctuation or after a word that introduces a person: elsewhere they are anything.
_CONTEXT_INITIALS_RE = re.compile(
    r"(?:(?<=[(,&/|+@])|(?<=[(,&/|+\]] )|^|(?<=\bavec )|(?<=\bet )|(?<=\bpar )|(?<=\bcc ))"
    r"(?P<pair>[a-z]{2,3}|[A-Z]{2,3})(?=\s*(?:[),&/|:;.+]|$)|\s+(?:et|&|[—–])\s)", re.MULTILINE)
# Before a listed first name that is also a French word, in lower case ("transmis à
# moussa (MLDS 93)"): words after which it can only be the person (or a colon).
_PERSON_BEFORE = r"(?<![\w-])(?i:a|à|avec|chez|par|pour|cc|selon)\s+"
# ... and the other places where such a word can only be the person: after a greeting
# ("merci pierre", "oui claire !"), called at a sentence's start before "tu" or "vous"
# ("claire tu relis ?"), after "de" at a question's end ("les dates de moussa ?"),
# described in brackets at a clause's start ("par contre amine (spie, 900h) est
# partant"), or mentioned ("@rose"). The text is folded: no accent, case kept.
_GREETING = (r"(?:(?<![\w-])(?i:merci|bonjour|salut|coucou|bravo|bonsoir|hello|rip|top|courage"
             r"|felicitations|bises|bisous|oui|ok)|(?<![\w+])\+1)\s+")  # "rip élo", "+1 fab"
_CALLED_AFTER = (r"(?:\s*,)?\s+(?:(?:tu|vous|peux|pourrais|pourriez|stp|svp)(?![\w-])"
                 r"|t['’])")  # "élo t'as des chaussures ?"
# ... or as the subject at a sentence's start, before a verb, a pronoun taking it up, a
# time, "chez" or "=" ("jo il a dit", "lamine = success story", "chergui ce matin à
# Vitrolles", "kelvin chez lui avec sa grand-mère"): a French noun or adjective opens a
# sentence with a determiner ("le chergui souffle").
_WHEN = r"(?:ce\s+matin|ce\s+soir|cet\s+aprem|hier|demain|aujourd'hui)(?![\w-])"
_SUBJECT_AFTER = (r"(?:\s*=(?![\w-])|\s+(?:(?:il|elle|a|est|etait|sera|dit|fait|va|vient|veut|chez)"
                  r"(?![\w-])|" + _WHEN + "))")
_SENTENCE_START = r"(?:^|(?<=[.!?…] )|(?<=[.!?…]  ))"
# ... or set beside their role, as a clause opens: "jo le tuteur de cindy super".
_ROLE_AFTER = (r"(?:\s*,)?\s+(?i:(?:le|la|son|sa|notre)\s+|l['’]\s*)(?i:" + "|".join(
    role for role in SPEAKER_ROLES if role not in ("nous", "entreprise", "partenaire", "rh",
                                                   "drh", "mlds")) + r")(?![\w-])")
_CLAUSE_START = (r"(?:^|(?<=[.!?:;,] )|(?<![\w-])(?i:et|mais|donc|contre|puis|sinon|car"
                 r"|sauf|quant\sa)\s+)")


# A number joined after capitals: the capitals are a code ("AL-08", "GY-05").
_CODE_AFTER = re.compile(r"-\d")


def _code(match: re.Match, text: str) -> bool:
    """Is ``match`` (of the folded ``text``) capitals that open a code: "AL-08"?"""
    return match.group().isupper() and _CODE_AFTER.match(text, match.end()) is not None


# What a civility and an initial several listed people share becomes (« Mme R. » of
# Delphine Rigaud and of Rachida Rami): whose it is, the notes do not say.
SHARED = "[personne]"
_CIVIL_INITIAL_RE = re.compile(r"(?:" + "|".join(map(re.escape, CIVILITIES)) + ") "
                               + _UP + r"\.?")


def shared_forms(forms: dict[str, list[str]]) -> set[str]:
    """The civility-and-initial forms (folded) of more than one listed person, of
    ``forms``: each person's :func:`listed_forms`.

    >>> names = ["Delphine Rigaud", "Rachida Rami", "Paul Vidal"]
    >>> sorted(shared_forms({name: listed_forms(name) for name in names}))[:2]
    ['M. R', 'M. R.']
    """
    counts = Counter(fold_keep_case(form) for own in forms.values()
                     for form in set(own) if _CIVIL_INITIAL_RE.fullmatch(form))
    return {form for form, n in counts.items() if n > 1}


def _own_forms(listed: Iterable[str], words: set[str]) -> tuple[dict[str, list[str]], set[str]]:
    """Each listed person's :func:`listed_forms` that name them alone, and the forms
    several share (:func:`shared_forms`, « Mme R. »), which name none. Nor is a word of
    a compound surname that is a French word (``words``) anyone's alone: "Jeune" of
    Shaïna Louis-Jeune (« Jeune 2 : Sacha », the charts' « Jeune »); but "Baptiste" of
    Fabrice Jean-Baptiste is still Baptiste Ferrand's first name."""
    forms = {name: listed_forms(name) for name in listed}
    shared = shared_forms(forms)
    own = {}
    for name, all_forms in forms.items():
        parts = {fold_keep_case(p) for p in surname_words(name)
                 if fold_keep_case(p).lower() in words}
        own[name] = [f for f in all_forms if fold_keep_case(f) not in shared | parts]
    return own, shared


def _context_initials(people: Iterable[str], listed: Iterable[str]) -> dict[str, str]:
    """Initials -> name, for the people with a first name and a surname: in lower case
    ("mk" of Maëlle Kergoat, "jb" of Jean-Baptiste Thévenot), a pair that is a word
    aside unless the person is listed ("cm" of Chloé Marsal, a to-do's owner: "cm —
    finir"), another's initials aside; and a listed person's in capitals that are an
    acronym ("DA" of Delphine Akpovi)."""
    pairs: dict[str, list[str]] = {}
    listed = set(listed)
    for name in people:
        for pair in short_initials(name):  # a listed person's even if a word: "cm —"
            if pair.lower() not in TWO_LETTER_WORDS or name in listed:
                pairs.setdefault(pair.lower(), []).append(name)  # "jbo" of J.-B. Oyono
            if name in listed and pair in ACRONYMS:
                pairs.setdefault(pair, []).append(name)
    return {pair: names[0] for pair, names in pairs.items() if len(names) == 1}


# A misspelt listed name: a word of 6 letters and more, a changed letter from 8 (the
# shorter are too near other words and names).
_FUZZY_SHORTEST = 6
_FUZZY_CHANGED = 8
_WORD_RE = re.compile(r"[^\W\d_][\w’']*")
_ID_WORD_RE = re.compile(r"[^\W\d_]+")  # "guegen" of "rdv-avec-guegen_2020"


# A letter typed three times or more, as a chat stretches a name: "steeeeeve".
_STRETCHED_RE = re.compile(r"([^\W\d_])\1{2,}")


def squeezed(word: str) -> str:
    """``word`` with every repeated letter typed once: "steeeeeve" and "Steeve" both give
    "steve", so a chat's stretched name finds its owner.

    >>> squeezed("steeeeeve"), squeezed("steeve"), squeezed("emmanuelle")
    ('steve', 'steve', 'emanuele')
    """
    return re.sub(r"([^\W\d_])\1+", r"\1", word)


# A surname written by ear: the letters French spelling sounds alike (in order: "gh" and
# "gu" before the "h" goes, "eau" before "au").
_SOUNDS = [(re.compile(pattern), sound) for pattern, sound in (
    (r"gh", "g"), (r"gu(?=[eiy])", "g"), (r"ph", "f"), (r"ck|qu|q|c(?=[aou])", "k"),
    (r"y", "i"), (r"eau|au", "o"), (r"ae", "a"), (r"ai|ei", "e"), (r"h", ""), (r"([a-z])\1", r"\1"),
    (r"e$", ""), (r"[stxd]$", ""))]


def sound_key(word: str) -> str:
    """``word`` (folded, lower case) as it sounds, roughly: "Verhague" of Verhaeghe,
    written by ear.

    >>> sound_key("verhaeghe"), sound_key("verhague"), sound_key("lefebvre")
    ('verag', 'verag', 'lefebvr')
    """
    for pattern, sound in _SOUNDS:
        word = pattern.sub(sound, word)
    return word


def _deletions(word: str) -> set[str]:
    """``word`` and every way of dropping one letter of it."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def one_typo_apart(a: str, b: str) -> bool:
    """One letter added, dropped, or two neighbours swapped; a changed letter only in a
    word of 8 letters and more (the shorter have too many neighbours).

    >>> one_typo_apart("giordanno", "giordano"), one_typo_apart("kowalczik", "kowalczyk")
    (True, True)
    >>> one_typo_apart("charles", "charges"), one_typo_apart("franck", "france")
    (False, False)
    """
    if not within_one_edit(a, b):
        return False
    if len(a) != len(b) or a == b:
        return True
    return len(a) >= _FUZZY_CHANGED or sum(x != y for x, y in zip(a, b)) == 2


def _alternation(forms: Iterable[str]) -> str:
    ordered = sorted({fold_keep_case(f) for f in forms}, key=lambda f: (-len(f), f))
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)


def _beside_pattern(words: str, pseudonyms: Iterable[str]) -> re.Pattern:
    """A listed first name that is a word (the alternation ``words``), in lower case in a
    list beside a person already replaced: "Personne C, moussa : la chaîne parfaite",
    "(moussa, Personne D)"; before one, only where a list item starts ("la bière moussa,
    Personne D" stays)."""
    others = _alternation(pseudonyms)
    joint = r"(?:\s*[,;&/+]\s*|\s+et\s+)"
    return re.compile(r"(?:(?<![\w-])(?:" + others + r")" + joint + r"(?P<after>" + words
                      + r")(?![\w-]))|(?:(?:^|(?<=[(:;,])|(?<=[(:;,] ))(?P<before>" + words
                      + r")(?=" + joint
                      + r"(?:" + others + r")(?![\w-])))")


def _own_words(people: dict[str, str]) -> dict[str, set[str]]:
    """Pseudonym -> the words (folded, lower case, 3 letters and more) of its person's
    name: "Personne B" -> {"ludovic", "fournier"}."""
    return {pseudonym: {w for w in re.split(r"[\s'’-]+", fold_keep_case(name).lower())
                        if len(w) >= 3 and w not in PARTICLES}
            for name, pseudonym in people.items() if pseudonym and pseudonym != SHARED}


def _beside_own_patterns(pseudonyms: Iterable[str]
                         ) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """A word just before and just after one of ``pseudonyms``: "fournier Personne B";
    and one of them said twice in a row: "Personne Q Personne Q"."""
    ordered = sorted(set(pseudonyms), key=lambda p: (-len(p), p))
    if not ordered:
        return None
    alternation = "|".join(re.escape(p) for p in ordered)
    word = r"[^\W\d_]{3,}"
    return (re.compile(r"(?<![\w'’-])(?P<word>" + word + r")[ \t]+(?P<pseudonym>"
                       + alternation + r")(?![\w-])"),
            re.compile(r"(?<![\w-])(?P<pseudonym>" + alternation + r")[ \t]+(?P<word>"
                       + word + r")(?![\w'’-])"),
            re.compile(r"(?<![\w-])(?P<pseudonym>" + alternation
                       + r")(?:[ \t]+(?P=pseudonym))+(?![\w-])"))


def _short_forms(first: str, is_word: Callable[[str], bool] | None) -> list[str]:
    """The short forms of an unlisted person's first name, replaced as written: the
    table's ("Séb"; "JC" is left to the rules); and where words can be told (``is_word``:
    an inflected form or a lemma), the table's in lower case too when no word ("tom",
    "greg" in a chat; not "max"), and the name's start cut after a consonant, from 4
    letters, in both cases ("Nath", "nath", "Bapt"), when no word ("Nord" of Nordine,
    "Blanc" of Blanche, "Soul" of Souleymane: "soûl" the accents aside); its first
    syllable said twice only as written ("Gégé" of Gérard; "gégé", "nana" in lower case
    may be anything).

    >>> _short_forms("Thomas", lambda word: False)
    ['Tom', 'Tomtom', 'tom', 'tomtom', 'Thom', 'thom', 'Thotho']
    """
    forms = [short for short in diminutives(first) if not short.isupper()]
    if is_word is None:
        return forms
    lower = [short.lower() for short in forms
             if _lower_short(short, set()) and not is_word(short.lower())]
    cut = [short for short in nicknames(first) if len(short) >= 4
           and not is_word(short.lower()) and not is_word(fold_keep_case(short).lower())]
    return [*forms, *lower, *(form for short in cut  # "Gégé" as written only
                              for form in (short, *[short.lower()] * (not _doubled(short))))]


def _doubled(short: str) -> bool:
    """Is ``short`` a syllable said twice ("Nana", "Gégé"): too often a word for an
    unlisted person's ("papa", "baba")?"""
    folded = fold_keep_case(short).lower()
    return folded[:len(folded) // 2] == folded[len(folded) // 2:]


def _lower_short(form: str, common: set[str]) -> bool:
    """Is a listed person's short name (a diminutive of the table, a nickname the team
    gives), one word of 3 letters and more, replaced in lower case too: no French word
    (``common``) nor a word or abbreviation the notes write ("ben oui", "max 3 jeunes")?

    >>> _lower_short("Tom", set()), _lower_short("Max", set()), _lower_short("Rose", {"rose"})
    (True, False, False)
    """
    lower = form.lower()
    return len(lower) >= 3 and lower.isalpha() and lower not in common \
        and lower not in THREE_LETTER_WORDS


def _folds_to_short_word(word: str) -> bool:
    """Is ``word`` (not initials) a French two-letter word once folded: "Lê" -> "le"?

    >>> _folds_to_short_word("Lê"), _folds_to_short_word("ES"), _folds_to_short_word("Ly")
    (True, False, False)
    """
    return fold_keep_case(word).lower() in TWO_LETTER_WORDS and not word.isupper()


def _word_name_contexts(words: str, initials: str, bare: str = "") -> list[str]:
    """The patterns of :meth:`Replacer._in_context`: listed first names that are words
    (the alternation ``words``) where only a person can stand, or anywhere for those the
    notes write only bare (``bare``), and listed people's initials in lower case
    (``initials``) alone, or mentioned ("@jb relancer")."""
    end = r")(?![\w-])"
    patterns = [r"(?<![\w-])(?P<bare>" + bare + end] if bare else []
    patterns += [
        _PERSON_BEFORE + r"(?P<word>" + words + end  # "à moussa (", "avec moussa ce matin"
        + r"(?=\s*[(),;:.?!]|\s+et\s|\s*$|\s+" + _WHEN + r")",
        r"(?<=:)\s+(?P<opening>" + words + end,  # "tutrice : moussa a"
        # "mme ragot très cash"; not CIVILITY in any case: its "Me" (Maître) is the
        # pronoun in lower case ("il me lamine")
        r"(?<![\w-])(?i:mme|mlle|madame|monsieur|mr|m\.|dr)\s+"
        r"(?P<civil>" + words + end,
        _GREETING + r"(?P<greeted>" + words + end,  # "merci pierre"
        r"(?:" + _SENTENCE_START + r"|(?<=, ))(?P<called>" + words + end  # "…, nad tu as"
        + r"(?=" + _CALLED_AFTER + ")",
        _SENTENCE_START + r"(?P<subject>" + words + end + r"(?=" + _SUBJECT_AFTER + ")",
        r"(?<![\w'’-])(?i:si|quand|que|qu['’]|comme|lorsque|lorsqu['’])\s*(?P<subordinate>"
        + words + end + r"(?=" + _SUBJECT_AFTER + ")",  # "si jo veut bien"
        r"(?<![\w-])(?<!(?i:les|des|aux|ces|nos|vos|mes|tes|ses) )(?P<joined>" + words + end
        + r"(?=\s?\+\s?[^\W\d_])",  # "visio jo + kevin"; not "les jo + les vacances"
        r"(?<=[^\W\d_] \+ )(?P<joined_after>" + words + end,  # "kevin + jo"
        r"(?<![\w-])(?i:de\s+|d['’]\s*)(?P<of>" + words + end  # "le stagiaire de jo."
        + r"(?=\s*[.?!]|\s*$)",
        _CLAUSE_START + r"(?P<described>" + words + end + r"(?=\s+\()",  # "amine (spie)"
        _CLAUSE_START + r"(?P<apposed>" + words + end + r"(?=" + _ROLE_AFTER + ")",
        r"(?<=\()(?P<bracketed>" + words + end + r"(?=\))",  # "le gars (chapelain) sympa"
        r"(?<![\w.@])@(?P<mention>" + words + end,
        r"(?:^|(?<=\] ))(?P<speaking>" + words + end + r"(?=\s?:)"] if words else []  # "] nad:"
    return patterns + [r"(?:(?<![\w.@])@|(?<![\w./@'’-]))(?P<initials>" + initials
                       + r")(?![\w/@-]|\.\w)"] if initials else patterns


class Replacer:
    """Names -> pseudonyms, in texts (:meth:`text`) and ids (:meth:`ident`).

    Args:
        people: name -> pseudonym.
        organisations: organisation name -> pseudonym, replaced like people.
        exempt: names never replaced, and ``protect``: other strings kept as
            they are (the organisations when they are not replaced).
        lowercase: names whose first name is replaced in lower case too;
            ``lower_surnames``: those whose surname is.
        context_only: forms replaced only after a civility or initials (a
            surname that is also a town: ``M. Paris``, ``J. Paris``, not ``Paris``).
        only: the forms searched, when not all (see :meth:`forms_in`).
        listed: the names of ``personnes``, replaced in every form (see above);
            ``common``: their words (lower case) that are French words, and
            ``lemmas``: those that are a French lemma and rarely a first name
            ("petit", "constant"): both searched with their capital only; but
            ``bare``: those of ``common`` the notes write in lower case only where a
            name stands, replaced in lower case anywhere (see :mod:`.word_use`).
        is_word, is_lemma: the name model's questions (is a lower-case word an
            inflected French form, a lemma?); with them, listed names misspelt by one
            letter are replaced, and unlisted people's short forms in lower case
            (:func:`_short_forms`).
        spellings: name -> its other spellings in the notes (an e-mail's "Yann
            Guivarch", the text's "Yann Guivarc'h"), whose forms are the name's too.
        nicknames: the list's own nicknames ("Dominique Battesti (Dumè)"), a person's
            after a place word too ("la menuiserie de Dumè"); not the nicknames the
            notes show (``aliases``), a firm's name among them ("Menuiserie Vanhove
            (Franck Dewulf, gérant)").
    """

    def __init__(self, people: dict[str, str], organisations: dict[str, str] | None = None,
                 *, exempt: Iterable[str] = (), protect: Iterable[str] = (),
                 lowercase: Iterable[str] = (), lower_surnames: Iterable[str] = (),
                 context_only: Iterable[str] = (),
                 only: Iterable[str] | None = None, listed: Iterable[str] = (),
                 common: Iterable[str] = (), lemmas: Iterable[str] = (),
                 aliases: dict[str, list[str]] | None = None,
                 is_word: Callable[[str], bool] | None = None,
                 is_lemma: Callable[[str], bool] | None = None, bare: Iterable[str] = (),
                 spellings: dict[str, list[str]] | None = None,
                 nicknames: Iterable[str] = ()) -> None:
        self.owner: dict[str, str] = {}  # folded form -> the name it is a form of
        listed = list(listed)
        common = {w.lower() for w in common}
        words = common | {w.lower() for w in lemmas}  # a name's words that are words
        own, shared = _own_forms(listed, words)
        self.owner.update(dict.fromkeys(shared, SHARED))
        for names, initials in ((organisations or {}, False), (people, True)):
            for name in names:  # full names first: a shared first name goes to the first
                for form in (own[name] if initials and name in own
                             else name_forms(name, initials=initials)):
                    self.owner.setdefault(fold_keep_case(form), name)
                if initials and name not in listed:  # "nbenkhelifa: ok" in a team chat
                    for handle in listed_handles(name):
                        if len(handle) >= 7:
                            self.owner.setdefault(fold_keep_case(handle), name)
        for name, others in (spellings or {}).items():  # "Yann Guivarc'h" of "Guivarch"
            if name in people:
                for form in (form for other in others for form in name_forms(other)):
                    self.owner.setdefault(fold_keep_case(form), name)
        self._is_word = is_word or (lambda word: False)  # no typo index without it
        self._is_lemma = is_lemma or (lambda word: False)
        nicknamed = {fold_keep_case(other).lower() for others in (aliases or {}).values()
                     for other in others}  # the list's "(Jo)": hers, not a Jonathan's
        for name in people:  # "Sébastien Collignon ... mais Séb était en arrêt"; a first
            # name alone too: "Kevin (« Kev », 17 ans)"
            first = split_name(name)[0] or (name if is_first_name(name) else "")
            if first and name not in listed:
                for nickname in _short_forms(first, self._a_word if is_word else None):
                    if fold_keep_case(nickname).lower() not in nicknamed:
                        self.owner.setdefault(fold_keep_case(nickname), name)
        for name in lower_surnames:  # "passé, tafanier, il a dit" of Guy-Alain Tafanier
            self.owner.setdefault(fold_keep_case(split_name(name)[1]).lower(), name)
        for name in lowercase:  # first names also written in lower case ("présents : hugo")
            first, last = split_name(name)
            self.owner.setdefault(fold_keep_case(first or name).lower(), name)
            if first:  # and the whole name: "ophélie lamarque", "lamarque ophélie"
                for whole in (f"{first} {last}", f"{last} {first}"):
                    self.owner.setdefault(fold_keep_case(whole).lower(), name)
        for form, name in list(self.owner.items()):  # "Oeuvrard" of an "Œuvrard": the
            if _LIGATURE_RE.search(form):  # notes, bibliographies too, type both
                self.owner.setdefault(unligatured(form), name)
        if only is not None:  # the leak check: the forms replaced in the notes, no other
            only = {fold_keep_case(form) for form in only}
            self.owner = {form: name for form, name in self.owner.items() if form in only}
        # A word of a name that folds to a French two-letter word ("Lê" -> "le") is
        # replaced alone only after a civility or initials: "Le jeune" stays, "M. Lê" does
        # not (initials such as "ES" are no word of the name: they stay as they are).
        short = {fold_keep_case(word) for name in people for word in name.split()
                 if _folds_to_short_word(word)}
        self.context_only = {fold_keep_case(form) for form in context_only} | {
            form for form in self.owner if form in short}
        self.pseudonym = {**(organisations or {}), **people}
        # the organisations replaced on request: no place's or trade's shape keeps them
        self._replaced = {fold_keep_case(name) for name in organisations or {}}
        # a listed surname is no place, even shaped as one ("Saint-Ville" alone)
        self._surnames = {fold_keep_case(surname) for name in listed  # "Saint-Rémy" of
                          for last in [split_name(name)[1]]  # "de Saint-Rémy" too
                          for surname in (last, surname_capitals(last)) if surname}
        # anyone's surname: a firm bearing it is no trade's name kept ("Menuiserie
        # Vasseur" of Paul Vasseur would name him)
        self._anyones = {form for name in people for form in _surname_spellings(name)}
        kept = [*exempt, *protect]
        self._kept = re.compile(r"(?<![\w-])(?:" + _alternation(kept) + r")(?![\w-])") \
            if kept else None  # the exempted names and the organisations kept
        self._protect = re.compile(
            (self._kept.pattern + "|" if self._kept else "") + _PLACE_RE.pattern)
        self._protected: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        self._names = re.compile(
            r"(?:" + _ELISION + r"|(?<![\w-])|(?<=\b[eE]x-))(?:(?P<civ>" + CIVILITY + "|" + INITIALS
            + r")\s+(?:(?:Le|La|De|Du|Da|Dos|Van|Von)\s+|d')?)?(?P<name>"
            + _alternation(self.owner) + r")(?![\w-]|" + _ELIDED + ")") if self.owner else None
        self._ids = self._id_pattern()
        # nor is a listed name, or its first name when no word, after a place word ("le
        # passage Rodrigue → Loïc", the handover from one tutor to the other)
        self._named = {fold_keep_case(first) for first, _ in map(split_name, listed)
                       if first and fold_keep_case(first).lower() not in words
                       and not is_place(first)} | {  # "Université de Lorraine" stays
                           fold_keep_case(name) for name in listed} | {
                           fold_keep_case(nick) for nick in nicknames  # "la menuiserie
                           if fold_keep_case(nick).lower() not in words}  # de Dumè"
        self._listed_pattern(own, common, aliases or {}, words, shared)
        self.context_initials = {pair: name for pair, name in _context_initials(
            self.pseudonym if only is None else (), listed).items() if pair not in nicknamed}
        self._beside: re.Pattern | None = None  # both set by _word_names_pattern
        self.word_names: dict[str, str] = {}
        self._word_names = self._word_names_pattern(listed, words, aliases or {},
                                                    people.values(), set(bare)) \
            if only is None else None
        self._misspelt = self._fuzzy_index(listed) if is_word is not None else {}
        self._sounds = self._sounds_index(listed) if is_word is not None else {}
        self._stretched = self._stretched_index() if is_word is not None else {}
        self._own = _own_words(people) if only is None else {}
        self._beside_own = _beside_own_patterns(self._own)
        self._cache: dict[str, str] = {}
        self._pseudonyms: re.Pattern | None = None  # set by _pseudonym_spans (None: none)

    def _id_pattern(self) -> re.Pattern | None:
        forms = {re.sub(r"[^a-z0-9]+", "-", fold_keep_case(form).lower()).strip("-")
                 for form in self.owner if len(form) > 2 and not form.isupper()}
        self.id_owner: dict[str, str] = {}
        for form in self.owner:
            self.id_owner.setdefault(slug(form), self.owner[form])
            squashed = slug(form).replace("-", "")  # "delatour" in a file name
            if " " in form.strip() and len(squashed) >= 6 and not form.isupper():
                forms.add(squashed)
                self.id_owner.setdefault(squashed, self.owner[form])
        alternation = "|".join("[^a-z0-9]{1,2}".join(map(re.escape, f.split("-")))
                               for f in sorted(forms, key=lambda f: (-len(f), f)) if f)
        return re.compile(r"(?<![a-z0-9])(?:" + alternation + r")(?![a-z0-9])") \
            if alternation else None

    def _listed_pattern(self, own: dict[str, list[str]], common: set[str],
                        aliases: dict[str, list[str]], words: set[str],
                        shared: set[str]) -> None:
        """The forms of the listed people, searched after everything else whatever the
        tags and the context: case- and accent-insensitive, whole words (a ``_``, ``-``,
        ``.`` or ``/`` ends a word: ``entreprise_23_Duvignau.md``), but a word that is a
        French word (``common``: "Rose", "Marine") only with its capital, and initials
        only as written, dotted or of 3 letters and more (``CL`` is left to the rules).
        The other names the team gives them (``aliases``: "Greg") as written, in capitals,
        and in any case from 4 letters when no French word."""
        self.listed_lower: dict[str, str] = {}  # folded lower-case form -> name
        self.listed_exact: dict[str, str] = {}  # folded form, case kept -> name
        self.listed_joined: dict[str, str] = {}  # a word of a name joined in a login
        self.listed_exact.update(dict.fromkeys(shared, SHARED))  # "Mme R." of two
        self.listed_lower.update(dict.fromkeys((form.lower() for form in shared), SHARED))
        for name, others in aliases.items():
            for other in others:
                folded = " ".join(fold_keep_case(other).split())
                # "Jo" in capitals too, but not "JO" (les Jeux olympiques): an acronym
                for cased in (folded, folded.upper()) if len(folded) > 2 else (folded,):
                    self.listed_exact.setdefault(cased, name)
                if len(folded) >= 4 and folded.lower() not in common:
                    self.listed_lower.setdefault(folded.lower(), name)
                elif _lower_short(folded, common):  # "aga" of (Aga): the team's own word
                    self.listed_exact.setdefault(folded.lower(), name)
        for name, forms in own.items():
            shorts = {fold_keep_case(s) for s in diminutives(split_name(name)[0] or name)}
            for form in forms:
                folded = " ".join(fold_keep_case(form).split())
                letters = re.sub(r"[^A-Za-z]", "", folded)
                if folded.split()[0] in shorts:  # "Seb", "Tom", "tom"; "Max" as written only
                    lower = [folded.lower()] if _lower_short(folded, common) else []
                    for cased in (folded, folded.upper(), *lower):  # ("max 3 jeunes")
                        self.listed_exact.setdefault(cased, name)
                    if " " in folded:  # but "seb morlot" in a chat: the surname says who
                        self.listed_lower.setdefault(folded.lower(), name)
                elif "." in folded or (folded.isupper() and len(letters) <= 4):  # initials
                    if "." in folded or len(letters) >= 3 or compound_initials(name, folded):
                        self.listed_exact.setdefault(folded, name)
                elif " " not in folded and _folds_to_short_word(folded):
                    continue  # "Lê" alone: "le"; in the full name and after a civility only
                elif " " not in folded and folded.lower() in words:  # "Rose", "ROSE"
                    for cased in (folded, folded.upper(), folded.capitalize()):
                        self.listed_exact.setdefault(cased, name)
                    if folded.lower() not in common:  # "ev.vasseur": in a login, any case
                        self.listed_joined.setdefault(folded.lower(), name)
                elif len(letters) >= 3:
                    self.listed_lower.setdefault(folded.lower(), name)
        def alternation(forms):  # "camille-lefevre", "camille_lefevre" of file names too
            return _alternation(forms).replace(r"\s+", r"[\s_-]+")
        self._unchecked: set[str] = set()  # replaced, but not searched by the leak check
        for name in own:  # "Rod", "Gégé": as written, when no word ("Car", "Papa")
            for short in listed_nicknames(name):
                folded = fold_keep_case(short)
                if folded.lower() not in common:  # "soaz" of Soazig from 4 letters; "Dom"
                    # of Dominique as written only ("DOM-TOM", "MEL" de Lille)
                    upper = [] if folded.lower() in THREE_LETTER_WORDS else [folded.upper()]
                    for cased in {folded, *upper, *[folded.lower()] * (len(folded) >= 4)}:
                        if cased not in self.listed_exact:
                            self.listed_exact[cased] = name
                            self._unchecked.add(cased)
        for name in own:  # "jb", "vpy"; not "ma" of Marie-Anne, "mange" of Marie Ange
            for handle in listed_handles(name):
                if fold_keep_case(handle) not in common and len(handle) >= 2:
                    self.listed_exact.setdefault(fold_keep_case(handle), name)
        alternatives = [r"(?i:" + alternation(self.listed_lower) + ")"] if self.listed_lower else []
        alternatives += [alternation(self.listed_exact)] if self.listed_exact else []
        if self.listed_joined:  # "ev.vasseur", "vasseur.e@": joined by a dot, in a login
            joined = _alternation(self.listed_joined)  # (not "@page" nor "title_page")
            alternatives += [r"(?<=[a-z0-9]\.)(?i:" + joined + ")",
                             r"(?i:" + joined + r")(?=[.@][a-z0-9])"]
        self._listed = re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives)
                                  + r")(?![^\W_]|" + _ELIDED + ")") \
            if alternatives else None

    def _listed_owner(self, form: str) -> str:
        for key in (" ".join(form.split()), re.sub(r"[\s_-]+", " ", form)):
            if name := (self.listed_exact.get(key) or self.listed_lower.get(key.lower())
                        or self.listed_joined.get(key.lower())):
                return name
        return ""

    @staticmethod
    def _within(start: int, stop: int, kept: list[tuple[int, int]]) -> bool:
        """Inside a protected span: "Paris" exempted keeps the town, not "Julie Paris"."""
        return any(a <= start and stop <= b for a, b in kept)

    def listed_found(self, text: str) -> list[tuple[str, str]]:
        """(name, form as written) of each form of a listed person in ``text``,
        protected spans aside: what the leak check always searches."""
        if self._listed is None or not text:
            return []
        kept = self.protected(text)
        return [(self._listed_owner(m.group()), text[m.start():m.end()])
                for m in self._listed.finditer(fold_keep_case(text))
                if self._listed_owner(m.group()) and not self._within(*m.span(), kept)
                and " ".join(m.group().split()) not in self._unchecked and not _code(m, text)]

    def _listed_in(self, text: str, *, ident: bool = False) -> str:
        """``text`` with the listed people's forms the rules left replaced: by the
        pseudonym, or its slug inside an id or a file name (``entreprise_23_x.md``)."""
        if self._listed is None or not text:
            return text
        kept = self.protected(text) if not ident else []
        out, end = [], 0
        for match in self._listed.finditer(fold_keep_case(text)):
            start, stop = match.span()
            if self._within(start, stop, kept):
                continue
            pseudonym = self._pseudonym(self._listed_owner(match.group()))
            if not pseudonym or _code(match, text):
                continue  # "AL-08", "GY-05": a tracking table's code, not Anne-Laure
            before, after = text[max(start - 2, 0):start], text[stop:stop + 2]
            in_id = ident or before[-1:] in ("_", "/") or after[:1] == "_" or (
                len(before) == 2 and before[1] in "-." and before[0].isalnum()) or (
                len(after) == 2 and after[0] in "-." and after[1].isalnum())
            out += [text[end:start], slug(pseudonym) if in_id else pseudonym]
            end = stop
        return "".join(out) + text[end:]

    def protected(self, text: str, *, places: bool = True) -> list[tuple[int, int]]:
        """Spans of ``text`` kept as they are (exempted names, places...); not a
        place word, "de" and a first name (and a surname): "passage de Thomas Vallet" is
        his visit and "le lycée de Mehdi" his school, where "lycée Jean Moulin" is a
        school's name; nor after a civility ("Mme Saint-Aubin") or a first name
        ("Angélique Sainte-Rose"). ``places``: False for the exempted names and
        organisations only."""
        spans = self._protected.get((text, places))
        if spans is None:  # the passes of text() ask again for a text they left as it was
            if len(self._protected) >= _PROTECTED_KEPT:  # the oldest goes
                del self._protected[next(iter(self._protected))]
            spans = self._protected[text, places] = self._protected_spans(text, places)
        return list(spans)

    def _protected_spans(self, text: str, places: bool) -> list[tuple[int, int]]:
        folded = fold_keep_case(text)
        pattern = self._protect if places else self._kept
        if pattern is None:
            return []
        spans = [self._listed_off(m) for m in _overlapping(pattern, folded)
                 if not _accented_verb(text, m.start()) and not _person_after_de(m.group())
                 and not _CIVILITY_BEFORE.search(folded, max(0, m.start() - 14), m.start())
                 and not _CIVILITY_NAMED.match(m.group())
                 and not _first_name_before(folded, m) and not _role_before(folded, m)
                 and not self._listed_surname(m.group(), _INITIAL_THEN.match(folded, m.end()))
                 and not _author_after(folded, m.end())
                 and m.group() not in self._replaced]
        if places and self._kept is not None:  # an exempted word inside a place's span
            spans += [m.span() for m in self._kept.finditer(folded)]  # given back
        return sorted(set(spans))

    def _listed_off(self, match: re.Match) -> tuple[int, int]:
        """The span of a place or firm, without a listed first name after its last "de"
        ("relire CR Imprimerie Le Goff de Nadia": the firm, then whose report it is)."""
        tail = _LISTED_AFTER_DE_RE.search(match.group())
        if tail and tail.group("name") in self._named \
                and len(match.group()[:tail.start()].split()) > 1:
            return match.start(), match.start() + tail.start()
        return match.span()

    def _listed_surname(self, span: str, initial_then: re.Match | None = None) -> bool:
        """Is a span shaped as a place a listed person's surname, or a place word and a
        listed name or first name that is no word ("passage Rodrigue") or initials in
        capitals ("OK de principe de JML"), or a place word, « de » and a listed surname
        that is no place ("le lycée pro de Couderc": hers), or a trade and anyone's
        surname ("Menuiserie Vasseur" of Paul Vasseur; or an initial ending the span and,
        ``initial_then``, its dot and the surname after it: « imprimerie R. Lamy » of René
        Lamy), not exempted?"""
        named = _PLACE_NAMED_RE.sub("", span, count=1)
        trade = _TRADE_RE.match(span)  # « Menuiserie Vasseur » of Paul Vasseur, found or listed
        firm = _FIRM_RE.search(span)  # « Lefebvre Bâtiment » of Paul Lefebvre
        initials = named.isupper() and self.listed_exact.get(named) not in (None, SHARED)
        whose = named in self._surnames and not is_place(named) and bool(
            _DE_END.search(span, 0, len(span) - len(named)))  # « lycée de » + ``named``
        owned = trade is not None and (span[trade.end():] in self._anyones or (
            initial_then is not None and len(span) == trade.end() + 1
            and initial_then["surname"] in self._anyones))
        return (span in self._surnames or named in self._named or initials or whose or owned or (
            firm is not None and any(w in self._anyones for w in span[:firm.start()].split()))) \
            and not (self._kept and self._kept.fullmatch(span))

    def text(self, text: str) -> str:
        """``text`` with e-mail addresses, phone numbers and names replaced."""
        if not text:
            return text
        done = self._cache.get(text)
        if done is None:
            done = self._cache[text] = self.slugs(self._own_beside(self._in_context(
                self._misspelt_in(self._listed_in(self._names_in(pacific_phones(PHONE_RE.sub(
                    "[téléphone]", self._emails(text)))))))))
        return done

    def _own_beside(self, text: str) -> str:
        """A word of a person's name left just beside their pseudonym, in any case, goes
        with it: "fournier ludo" of a listed Ludovic Fournier (Ludo) was "fournier
        Personne B" ("fournier" is a word, so never replaced alone in lower case). Two
        forms of one name side by side are one pseudonym: "MJ Bélénus" of the listed
        Marie-Josée Bélénus (MJ) was "Personne Q Personne Q"."""
        if self._beside_own is None:
            return text
        def replace(match: re.Match) -> str:
            word = fold_keep_case(match.group("word")).lower()
            own = word in self._own.get(match.group("pseudonym"), ())
            return match.group("pseudonym") if own else match.group()
        before, after, twice = self._beside_own
        text = twice.sub(r"\g<pseudonym>", text)
        for pattern in (before, after):
            text = pattern.sub(replace, text)
        return text

    def _fuzzy_index(self, listed: Iterable[str]) -> dict[str, set[tuple[str, str]]]:
        """One-letter deletions of the listed people's long names -> (word, name)."""
        index: dict[str, set[tuple[str, str]]] = {}
        for name in listed:
            for word in re.split(r"[\s-]+", name):
                word = fold_keep_case(word).lower()
                if len(word) >= _FUZZY_SHORTEST and word not in PARTICLES:
                    for key in _deletions(word):
                        index.setdefault(key, set()).add((word, name))
        return index

    @staticmethod
    def _sounds_index(listed: Iterable[str]) -> dict[str, set[str]]:
        """The sounds of the listed people's one-word long surnames -> names."""
        index: dict[str, set[str]] = {}
        for name in listed:
            last = fold_keep_case(split_name(name)[1]).lower()
            if len(last) >= _FUZZY_SHORTEST and " " not in last and "-" not in last:
                index.setdefault(sound_key(last), set()).add(name)
        return index

    def _stretched_index(self) -> dict[str, set[str]]:
        """The one-word forms of everyone, their repeated letters typed once -> names."""
        index: dict[str, set[str]] = {}
        for form, name in self.owner.items():
            if " " not in form and len(form) >= 3 and not form.isupper():
                index.setdefault(squeezed(form.lower()), set()).add(name)
        return index

    def _a_word(self, word: str) -> bool:
        """Is ``word`` an inflected form or a lemma of the lexicon ("nord", "constat")?"""
        return self._is_word(word) or self._is_lemma(word)

    def _misspelt_owner(self, word: str) -> str:
        """The listed person ``word`` is one typo of ("giordanno" of Giordano), if it is
        no French word (nor a lemma: "constat" of Constant), no other known name and no
        common first name ("Martine")."""
        folded = fold_keep_case(word).lower()
        if len(folded) < _FUZZY_SHORTEST or fold_keep_case(word) in self.owner:
            return ""
        if _STRETCHED_RE.search(folded):  # "steeeeeve" of Steeve; not "merciii"
            short = squeezed(folded)
            owners = self._stretched.get(short, set())
            return next(iter(owners)) if len(owners) == 1 and not self._is_word(short) else ""
        near = {(form, name) for key in _deletions(folded)
                for form, name in self._misspelt.get(key, ())
                if form != folded  # the exact forms are the listed pass's
                and one_typo_apart(folded, form)}
        owners = {name for _, name in near}
        if not owners and word[:1].isupper() and not word.isupper():  # « chez Verhague »
            owners = set(self._sounds.get(sound_key(folded), ()))  # of Charles Verhaeghe
        written = word.lower()  # "français": "francais" is no word, but one letter from
        if not owners or self._a_word(folded) or (  # Francis
                written != folded and self._a_word(written)) or (
                is_first_name(folded) and not any(
                    one_typo_apart(folded, fold_keep_case(w).lower())
                    for owner in owners for w in split_name(owner)[0].split("-") if w)):
            return ""
        # Someone's, but whose the typo does not say: « Verhaege » of Didier and Nathalie
        # Verhaeghe, « ramasamy » of Marlène Ramsamy or of Patrice Ramassamy
        return owners.pop() if len(owners) == 1 else SHARED

    def _misspelt_in(self, text: str, *, ident: bool = False) -> str:
        """Listed people's names misspelt by one letter ("mme giordanno"), replaced (in
        an id, by the pseudonym's slug: "rdv-avec-guegen"); not searched by the leak
        check (a word of the report could be one typo away)."""
        if not self._misspelt and not self._stretched:
            return text
        kept = self.protected(text) if not ident else []
        out, end = [], 0
        for match in (_ID_WORD_RE if ident else _WORD_RE).finditer(text):
            start, stop = match.span()
            joined = not ident and "-" in (text[start - 1:start], text[stop:stop + 1])
            name = self._misspelt_owner(match.group()) \
                if stop - start >= _FUZZY_SHORTEST and not joined else ""  # "Île-de-France"
            pseudonym = self._pseudonym(name) if name else ""
            if pseudonym and not self._within(start, stop, kept):
                civility = None if ident else _CIVILITY_END.search(text, max(end, start - 12),
                                                                    start)
                out += [text[end:civility.start() if civility else start],
                        slug(pseudonym) if ident else pseudonym]
                end = stop
        return "".join(out) + text[end:]

    def _word_names_pattern(self, listed: Iterable[str], common: set[str],
                            aliases: dict[str, list[str]], people: Iterable[str] = (),
                            bare: Iterable[str] = ()):
        """The listed first names and surnames that are French words (``common``, lower
        case) and the short nicknames, in lower case after a word that introduces a
        person ("à moussa (MLDS 93)") or alone in brackets ("le gars (chapelain)"), and the
        listed people's initials in lower case alone anywhere ("c'est jb qui", "jbo les
        intègre") when no word nor abbreviation; their owners in ``word_names``."""
        words: dict[str, str] = {}
        initials: dict[str, str] = {}
        for name in listed:
            first, last = (fold_keep_case(part).lower() for part in split_name(name))
            for word in dict.fromkeys([first, *first.split("-")]):  # "amine" of Mohamed-Amine
                if word in common and len(word) >= 3:
                    words.setdefault(word, name)
            if last in common and len(last) >= 4:  # "chapelain" of Jérôme Chapelain
                words.setdefault(last, name)
            for pair in short_initials(name):
                if pair.lower() not in TWO_LETTER_WORDS | common:
                    initials.setdefault(pair.lower(), name)
        taken = common | THREE_LETTER_WORDS
        for name in listed:  # "Nad", "Fab" made of Nadège, Fabrice: in lower case only
            for short in listed_nicknames(name):  # where a person stands (« +1 fab »)
                short = fold_keep_case(short).lower()
                if len(short) == 3 and short not in taken and not self._a_word(short):
                    words.setdefault(short, name)
        for name, others in aliases.items():  # "(Nad)": "nad" in lower case is anything
            for other in others:  # else ("ben oui"); where only a person stands, her
                short = fold_keep_case(other).lower()
                if (len(short) in (2, 3) and short.isalpha() and short not in TWO_LETTER_WORDS
                        or short in bare):  # "(Jo)": "le chef (jo) en or"; "(Amine)"
                    words.setdefault(short, name)
        self.word_names = {**initials, **words}
        self._beside = _beside_pattern(_alternation(words), people) if words and people else None
        only_bare = {word for word in words if word in bare}
        return re.compile("|".join(_word_name_contexts(
            _alternation(words) if words else "", _alternation(initials) if initials else "",
            _alternation(only_bare) if only_bare else ""))) if words or initials else None

    def _in_context(self, text: str) -> str:
        """Initials in lower case or that are an acronym, in a list or after "avec"
        ("notes (hr, mk)", "| DA |"), and a listed first name that is a word, in lower
        case after "à", "avec", "chez"... ("à moussa ("): replaced, but never searched by
        the leak check ("hr" is an HTML tag, "DA" an acronym anywhere)."""
        def replace(match: re.Match) -> str:
            name = self.context_initials.get(match.group("pair"))
            return self.pseudonym.get(name) or match.group() if name else match.group()
        if self.context_initials:
            text = _CONTEXT_INITIALS_RE.sub(replace, text)
        if self._word_names is None:
            return text
        for pattern in (self._word_names, self._beside):
            if pattern is not None:
                text = self._word_names_sub(pattern, text)
        return text

    def _word_names_sub(self, pattern: re.Pattern, text: str) -> str:
        """``text`` with the listed word-names ``pattern`` finds (its named groups)
        replaced by their owner's pseudonym."""
        out, end = [], 0
        for match in pattern.finditer(fold_keep_case(text)):
            group = next(g for g, v in match.groupdict().items() if v)
            name = self.word_names.get(match.group(group))
            if name and self.pseudonym.get(name):
                out += [text[end:match.start(group)], self.pseudonym[name]]
                end = match.end(group)
        return "".join(out) + text[end:]

    def person(self, text: str) -> str:
        """A cell that holds a person only (a statement's speaker, written in lower case
        without accents: "dume" of "Dumè"), replaced: as a name with its capitals, and a
        listed first name that is a word is its owner's there in any case ("moussa")."""
        if not isinstance(text, str) or not text:
            return text
        for form in dict.fromkeys((titled(text), text)):  # "jb" of a chat: its handle
            if (done := self.text(form)) != form:
                return done
        name = self.word_names.get(fold_keep_case(text).strip().lower())
        return self.pseudonym.get(name, text) if name else text

    def _emails(self, text: str) -> str:
        def replace(match: re.Match) -> str:
            local = re.split(r"[._-]+", fold_keep_case(match.group().split("@")[0]).lower())
            who = self._email_owner(local)
            return f"[courriel de {who}]" if who else "[courriel]"
        return EMAIL_RE.sub(replace, text)

    def _email_owner(self, local: list[str]) -> str:
        for part in local:  # a listed person's name in the address: "duvignau.jm@"
            name = self.listed_lower.get(part) if len(part) >= 3 else None
            if name and self.pseudonym.get(name):
                return self.pseudonym[name]
        for name, pseudonym in self.pseudonym.items():
            first, last = split_name(name)
            words = [fold_keep_case(w).lower() for w in name.split()]
            initial = [fold_keep_case(first[:1]).lower() + w for w in words[1:]] if first else []
            if len(words) > 1 and (set(words) <= set(local) or "".join(local) in initial
                                   or "".join(local) == "".join(words)):
                return pseudonym
        return ""

    def _names_in(self, text: str) -> str:
        if self._names is None:
            return text
        folded = fold_keep_case(text)
        kept = self.protected(text)
        out, end = [], 0
        for match in self._names.finditer(folded):
            start, stop = match.span()
            if overlaps(start, stop, kept) or self._needs_context(match):
                continue
            out += [text[end:start], self._spoken(match)]
            end = stop
        return "".join(out) + text[end:]

    def _needs_context(self, match: re.Match) -> bool:
        return (not match.group("civ")
                and re.sub(r"\s+", " ", match.group("name")) in self.context_only)

    def forms_in(self, text: str) -> set[str]:
        """The forms (folded, as keys of the replacer) :meth:`text` replaces in ``text``,
        the forms that need a civility aside: what the leak check then searches."""
        if self._names is None or not text:
            return set()
        folded = fold_keep_case(EMAIL_RE.sub(lambda m: " " * len(m.group()), text))
        kept = self.protected(text)
        forms = set()
        for match in self._names.finditer(folded):
            form, (start, stop) = re.sub(r"\s+", " ", match.group("name")), match.span()
            if form not in self.context_only and not overlaps(start, stop, kept):
                forms.add(form)
        return forms

    def _spoken(self, match: re.Match) -> str:
        pseudonym = self._pseudonym(self.owner[re.sub(r"\s+", " ", match.group("name"))])
        elide = match.group("elide")
        if not elide:
            return pseudonym
        article = elide[:-1]  # "d", "Qu", "jusqu"
        if fold_keep_case(pseudonym[:1]).lower() in "aeiouyh":
            return f"{article}'{pseudonym}"
        return f"{article}e {pseudonym}"

    def _pseudonym(self, name: str) -> str:
        """``name``'s pseudonym; :data:`SHARED` for a form several people share."""
        return SHARED if name == SHARED else self.pseudonym.get(name, "")

    def ident(self, ident: str) -> str:
        """An id or file name with the names in it replaced by the pseudonym's slug."""
        if not ident:
            return ident
        out, end = [], 0
        for match in self._ids.finditer(fold_keep_case(ident).lower()) if self._ids else ():
            key = re.sub(r"[^a-z0-9]+", "-", match.group())
            name = self.id_owner.get(key)
            if name is None:
                continue
            out += [ident[end:match.start()], slug(self._pseudonym(name))]
            end = match.end()
        return self._misspelt_in(self._listed_in("".join(out) + ident[end:], ident=True),
                                 ident=True)

    def slugs(self, text: str) -> str:
        """``text`` with the names written as slugs in it (a title that is a file's stem,
        « 2024-02-06_giordano-batiment_cannes ») replaced by the pseudonym's slug, as
        the leak check finds them (:meth:`found` with ``ids``): words joined by a dash
        or an underscore, no space, outside the protected spans."""
        if self._ids is None or not text or not ("-" in text or "_" in text):
            return text
        out, end = [], 0
        for match, name in self._slug_matches(text, self.protected(text)):
            if not re.search(r"\s", match.group()) and self._pseudonym(name):
                out += [text[end:match.start()], slug(self._pseudonym(name))]
                end = match.end()
        return "".join(out) + text[end:]

    def _slug_matches(self, text: str,
                      kept: list[tuple[int, int]]) -> Iterator[tuple[re.Match, str]]:
        """(match, name) of each name's slug in ``text`` (two words or more, joined by
        any one or two signs), outside the ``kept`` spans."""
        for match in self._ids.finditer(fold_keep_case(text).lower()) if self._ids else ():
            key = re.sub(r"[^a-z0-9]+", "-", match.group())
            if "-" in key and key in self.id_owner and not overlaps(*match.span(), kept):
                yield match, self.id_owner[key]

    def found(self, text: str, *, ids: bool = False,
              initials: bool = True) -> list[tuple[str, str]]:
        """(name, form as written) of each known name left in ``text``, protected
        spans aside; with ``ids``, full names written as slugs too (``camille-lefevre``);
        without ``initials``, bare capitals (``CL``) are not searched."""
        found, kept = [], self.protected(text)
        if self._names is not None:
            folded = fold_keep_case(text)
            for match in self._names.finditer(folded):
                start, stop = match.span("name")
                if not initials and re.fullmatch(r"[A-Z.]{2,8}", match.group("name")):
                    continue
                if not overlaps(start, stop, kept) \
                        and not self._needs_context(match):
                    key = re.sub(r"\s+", " ", match.group("name"))
                    found.append((self.owner[key], text[start:stop]))
        if ids:  # "Personne E, il" holds no "E. Il"; "giordano-⏎batiment" is one slug
            found += [(name, text[match.start():match.end()]) for match, name
                      in self._slug_matches(text, kept + self._pseudonym_spans(text))
                      if not _SPACED.search(match.group())]
        return found

    def _pseudonym_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` holds a pseudonym, as written or as a slug ("Personne E",
        "personne-e"): its letter is no initial of a name's slug."""
        if self._pseudonyms is None:
            given = {p for p in self.pseudonym.values() if p}
            self._pseudonyms = words_pattern({*given, *map(slug, given)}, flags=re.IGNORECASE)
        return [m.span() for m in self._pseudonyms.finditer(text)] if self._pseudonyms else []
