"""Who is a person in the notes: the names the list, the writing and the model show.

:func:`find_people` reads texts (statements, headings, the interviewers) and
returns the people they name, merged ("Lefèvre" is a form of "Camille
Lefèvre"); :mod:`csf_analysis.privacy.pseudonymise` gives them pseudonyms and
:mod:`csf_analysis.privacy.replacer` replaces them. A person is:

- everyone in ``personnes`` of the notes' ``pseudonymes.yml`` (always);
- the interviewers (front matter ``interviewers``, debrief headings);
- names after a civility (``Mme Lefèvre``), after ``avec`` in a heading, as a
  speaker label (``Camille Lefèvre : ...``, ``sacha : ...``, a lone initial ``Y. :``
  but not ``Q.`` and ``R.``), in an e-mail address
  whose parts are no French word (``camille.lefevre@...``, not ``cci-formation@``);
- two capitalised words whose first is neither a French word nor a place
  (``Sandra Aubin``, ``Dorian Pages``: surnames are often words, first names seldom);
- the ``PER`` entities of spaCy's French pipeline, when they do not read as
  a French word (the pipeline's lemma table, or the word written in lower
  case elsewhere in the notes: ``Pourra``, ``Tutrice`` are not names), cut at
  a spaced dash (``Laure Marais — Bordeaux``);
- a word of INSEE's first-name list (:mod:`csf_analysis.privacy.first_names`) that is
  no French word, capitalised or not (``le jeune, Gwendal,``, ``diego, Lucie et
  Mehdi``; ``Pierre``, ``Claire`` with their capital mid-sentence only), no month
  or holiday, nor a place for the model after "à", "en"... or alone when the name
  is a rare one of the list (``Annecy``); a first name beside capitals
  (``IVANOVA Sylvain``, ``Nolwenn NG``); a line of initials alone (a signature);
  two capitalised words and a model's entity of two words count only when the
  first is a first name of the list (``Toulouse Métropole`` is no one).

Example:
    >>> find_people(["Le jeune, Gwendal, a attendu.", "Présents : Mme Roux, hugo"],
    ...             use_model=False)
    ['Gwendal', 'Hugo', 'Roux']
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.lang.fr.stop_words import STOP_WORDS

from ..reading.blocks import CELL_SEP, row_cells
from ..reading.dates import MONTH_LABELS, WEEKDAYS
from ..reading.vocabulary import (
    SPEAKER_ROLES,
    category_of_label,
    is_label_word,
    speaker_of_label,
)
from ..text import ANY_LOWER as _LOW
from ..text import ANY_UPPER as _UP
from ..text import fold_keep_case, fold_lower
from ..words import WORDS
from .first_names import COMMON_RANK, diminutives, is_first_name, not_common
from .first_names import rank as first_name_rank
from .name_forms import (
    ACRONYMS,
    CAPITAL_WORDS,
    INITIALS,
    THREE_LETTER_WORDS,
    TWO_LETTER_WORDS,
    name_forms,
    split_name,
)
from .name_model import NameModel
from .pseudonym_list import PseudonymList
from .replacer import _CAP, CIVILITY, EMAIL_RE, Replacer, overlaps
from .towns import is_place, is_town
from .word_use import bare_only, words_pattern

__all__ = ["BARE_FIRST_NAMES", "NON_NAMES", "PRESENT_SECTION", "Names", "common_first_name",
           "discover", "find_people", "fold_lower", "is_full_name", "name_core"]

_NAME_CAP = r"(?:K/(?=" + _UP + r"))?" + _CAP  # « K/Bidi »: see _KER
_NAME = _NAME_CAP + r"(?:[ -](?:(?:de|du|des|van|von|le|la|d['’])\s?)?" + _NAME_CAP + r"){0,2}"
_CIVILITY_RE = re.compile(r"(?<![\w-])" + CIVILITY + r"\s+((?:d['’]\s?|de\s+|du\s+)?"
                          + _NAME + r")")  # "M. d'Aubigny", "Mme de Villeneuve"
_LABEL_RE = re.compile(r"^\s*(" + _NAME + r")\s*(?:\([^)]*\))?\s*:")
# A lone initial as a speaker label ("Y. : que ce soit pas toujours dans des bureaux"):
# someone the notes hide half-way; not Q. and R. (question, réponse).
_INITIAL_LABEL_RE = re.compile(r"^[ \t*_-]*((?![QR])" + _UP + r"\.)[ \t]*:")
# A line of initials alone, as a note or a message is signed: "G.", "— M.-C. L.", "É."
_SIGNATURE_RE = re.compile(r"^[ \t*_—–-]*((?:" + _UP + r"\.(?:-" + _UP + r"\.)?[ \t]?){1,3})"
                           r"[ \t*_]*$")
# Dotted initials are someone's ("K.R.", "K. R.", "I.A.", "É.P."), but a few abbreviations.
_DOTTED_RE = re.compile(r"(?<![\w.])" + _UP + r"\.(?:[ -]?" + _UP + r"\.){1,2}(?![\w.])")
_NOT_INITIALS = ACRONYMS | frozenset(WORDS["names"]["not_initials"])
# A capitalised word, hyphenated or not: "Élodie", "Jean-Luc", "Đặng", "Yılmaz".
_FIRST = _UP + _LOW + r"+(?:-" + _UP + _LOW + r"+)?"
_INITIAL_NAME_RE = re.compile(r"(?<![\w.-])(" + INITIALS + r")\s?(?:de |d'|" + _UP + r"['’])?"
                              + _FIRST + r"(?![\w-]|['’][^\W\d_])")  # "K. N'Guessan" too;
# not "le permis D. Aujourd'hui en seconde"
# ... and a surname that holds single capitals: "Ho-A-Sim", "Ho-A-Chuck" (Guyane), the
# Breton c'h: "Guivarc'h", a Scottish or Irish "MacKenzie", "McLeod".
_SURNAME = (r"(?:Mac|Mc)?" + _UP + _LOW + r"+(?:['’]h" + _LOW + r"*)?(?:(?:-" + _UP + r")*-"
            + _UP + _LOW + r"+)?")
_PAIR_RE = re.compile(r"(?<![\w-])" + _FIRST + r"\s+" + _SURNAME + r"(?![\w-])")
# ... and a first name, then a surname with its particle: « Erwan Le Bihan », « Patricia
# d'Hondt » (not « Le Havre », a town: see :func:`_rule_names`; nor « d'Angers »: see
# :meth:`Names.plausible`).
_PARTICLE_PAIR_RE = re.compile(r"(?<![\w-])(?P<first>" + _FIRST + r")\s+(?P<surname>"
                               r"(?:(?:Le|La|Du|De|Des)\s+|d['’])" + _SURNAME + r")(?![\w'’-])")
# A word of two letters or more, an apostrophe, a capital: a firm's name ("Net'Pyrénées",
# "Bati'Sud"), where a surname has one letter before it ("N'Diaye", "O'Neill", "d'Arc").
_BRAND_RE = re.compile(r"[^\W\d_]{2}'" + _UP)
# « K/ » opening a surname is « Ker » in La Réunion (« Émilie K/Bidi », « K/BIDI »): the
# one slash a name holds (« Calvi/Corte » is a route).
_KER = re.compile(r"(?<![\w/])K/(?=" + _UP + ")")
# A surname's elided particle, its capital after it: « d'Hondt », « d’Angers ».
_ELIDED_PARTICLE = re.compile(r"^d['’](?=" + _UP + ")")
# An author cited with initials after the surname, before a year, "(dir.)", a
# co-author or a dash before the title: "Palheta U. (2012)", "Quéméner, B. (2016)",
# "Glasman D. & Oeuvrard F.", "Tlili, S., & Bertin, M. (2020)" (APA), "Le Floc'h, S.
# (2020)", a reading note's heading "Blaya, C. — *Décrochages scolaires*".
_AUTHOR_RE = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:Le|La|De|Du|Da|Di|Van|Von) )?" + _SURNAME + r"|" + _UP
    + r"{2,}(?:-" + _UP + r"{2,})?),?\s+(?P<initials>" + _UP + r"\.(?:\s?-?" + _UP
    + r"\.)?)(?=\**\s*(?:\(\d{4}|\d{4}\b|\(dir|,?\s*&|,?\s*et\s|,\s*" + _UP
    + r"|[—–]\s))")  # "QUÉRÉ F. (2012)", "Tlili, S., & B" too
_WORD_RE = re.compile(r"(?<![\w-])" + _FIRST + r"(?![\w-])")
# A word the writing shows to be someone, whatever the model tags it: taken up by a
# pronoun, as spoken French does ("Vasile il parle pas", "Aziz, il avait 16 ans"; not
# "Toulouse, il y a", "il faut", nor "à Pau, il neige"), or given an age ("Dieunel, 18
# ans", "Quentin (17 ans, MLDS)", "sur Kylian : 17 ans").
_TAKEN_UP = r"\s+(?:il|elle)\s+(?!(?:y|faut|fallait|fait|semble|para[iî]t)(?![\w-]))"
_AGED = r"(?:,|\s*[(:])\s*\d{1,2}\s+ans\b"
_SPOKEN_OF_RE = re.compile(r"(?<![\w-])(" + _FIRST + r")(?:,?" + _TAKEN_UP + "|" + _AGED + ")")
# ... and so much someone that a French word is a name there: taken up with no comma,
# or given an age, after no preposition ("Au début Lamine il m'emmenait", "Vanna, 16
# ans"; not "chez Colas, il a suivi le jeune", "de Floréal, il ne pouvait plus passer").
_TAKEN_UP_RE = re.compile(r"(?<![\w-])(" + _FIRST + r")(?:" + _TAKEN_UP + "|" + _AGED + ")")
_PREPOSITION_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:à|a|au|aux|de|d['’]|du|des|chez|pour|par"
                                 r"|avec|sur|vers|en|dans|depuis|entre)\s*$")
# ... the surname a word too when written "Surname, I." beside a co-author: "Rétif, S. et
# Fauconnet, R. (2023)", "Petit, M., & Roux, A." (no "Annexe B." reads so).
_APA_JOINED = re.compile(r",?\s*(?:&|et)\s+" + _FIRST + r",\s+" + _UP + r"\.")
_APA_AFTER = re.compile(_UP + r"\.,?\s*(?:&|et)\s+$")
_YEAR_AFTER = re.compile(r"\**\s*\(\d{4}")  # "Moulinier, A. (2019)"
# ... or with the whole first name after the surname, before the year: "Castagnède,
# Pierre (2014)", "Le Du, Yves-Marie (2021)", "VO Liêm (2018)".
_UPPER_SURNAME = (r"(?:(?:LE|LA|DE|DU|DA|DI|VAN|VON)(?: (?:DER|DEN|DE|LA))? |Mc|Mac)?" + _UP
                  + r"{2,}(?:-" + _UP + r"{2,})?")  # "VAN DER HEYDEN"
_AUTHOR_FULL_RE = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:Le|La|De|Du|Da|Di|Van|Von) )?" + _SURNAME + r"|" + _UPPER_SURNAME
    + r"),?\s+(?P<first>" + _FIRST + r")(?=\**\s*\(\d{4}[a-z]?\)|\s+(?:et|&)\s+(?:" + _SURNAME
    + r"|" + _UPPER_SURNAME + r"),\s+" + _FIRST + r"\**\s*\(\d{4})")  # and a co-author:
# « Larrieu, Mathieu et Verdalle, Odette (2024) », « KOVALENKO, Olga & VAN DER HEYDEN, Luc (2019) »
# ... or two surnames alone, joined, before a title and its year: « Bourdieu & Passeron,
# Les héritiers (1964) », « Beaud et Pialoux, Retour sur la condition ouvrière (1999) ».
_AUTHORS_PAIR_RE = re.compile(r"(?<![\w-])(?P<a>" + _SURNAME + r")\s+(?:&|et)\s+(?P<b>"
                              + _SURNAME + r"),\s+[^()\n]{3,120}?\(\d{4}\)")
# A first name and a surname in capitals, either way round: "IVANOVA Sylvain",
# "Nolwenn NG" (the capitals may be initials); not "CCI".
_UPPER_PARTICLE = r"(?:LE|LA|DE|DU|DA|DI|DOS|VAN|VON) "
_UPPER = r"(?:" + _UPPER_PARTICLE + r")?" + _UP + r"{2,}(?:-" + _UP + r"{2,})?"
_UPPER_FIRST = (r"(?:" + _UPPER_PARTICLE + r"|[LD]['’])?" + _UP + r"{3,}(?:[ -]"
                + _UP + r"{2,})?\s+" + _FIRST)  # "MBOMA Grâce", "LE CORRE Noah" (sign-up sheet)
# A surname in capitals with its initial alone in a table's cell or at a line's
# end, the way a tracking table lists the young people: "| ROY V. | 17 |", "LAW-YEN D.",
# or a compound first name's, before a comma or a bracket too: "(+ DAMBREVILLE J-M, ...)".
_UPPER_INITIAL_RE = re.compile(r"(?<![\w-])(?P<name>" + _UPPER + r")\s+(?P<initials>" + _UP
                               + r"\.(?=\s*(?:\||$))|" + _UP + r"\.?-" + _UP
                               + r"\.?(?=\s*(?:[|,;)]|$)))")
_UPPER_PAIRS = (  # two patterns: "Appeler MEYER Clément" holds a pair of each shape
    re.compile(rf"(?<![\w-]){_UPPER}[ \t]+(?P<first>{_FIRST})(?![\w-])"),
    re.compile(rf"(?<![\w-])(?P<first>{_FIRST})[ \t]+{_UPPER}(?![\w-])"))
# A surname in capitals opening an item of a list, before its first name: "LACHAUD
# Maxime, LAPORTE Noé" (see _pairs).
_CAPITALS_OPENING = re.compile(r"(?:(?<![\s\S])|[,;:(|\n])[ \t]*" + _UPPER + r"[ \t]+$")
# A lower-case word, not after an apostrophe ("hui" of "aujourd'hui").
_LOWER_RE = re.compile(r"(?<![\w'’-])" + _LOW + r"+(?:-" + _LOW + r"+)?(?![\w'’-])")
# Two lower-case words, read overlapping: a first name and a surname in a chat ("qqn
# connaît aurélien rousselin ?").
_LOWER_PAIR_RE = re.compile(r"(?<![\w'’-])(?P<first>" + _LOW + r"{3,})(?=[ \t](?P<last>"
                            + _LOW + r"{3,}(?:-" + _LOW + r"+)?)(?![\w'’-]))")
# A first name in lower case after a role ("tutrice rosa, 49 ans", "le tuteur kader",
# "la jeune soumaya"), in the folded text; "rosa", "marine" are words too (a verb, an
# adjective): those before a punctuation mark only.
_ROLES = [r for r in SPEAKER_ROLES if r not in ("nous", "entreprise", "rh", "drh", "mlds",
                                                 "partenaire", "femme", "mari", "parent")]
_ROLE_BEFORE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(_ROLES) + r")\s+(?P<first>[a-z]{3,}"
                             r"(?:-[a-z]+)?)(?![\w'’-])(?P<stop>\s*(?:[,;:.!?)]|$))?")
# Two capitalised words, a comma and a role: « Lolesio Hoatau, chef de village », a
# name the lists lack (see Names._apposed).
# Or « Kalepo Tuifua, c'est mon neveu », « Vaimua Lauhea c'est ma cousine ».
_APPOSED_ROLES = [*_ROLES, "maire", "adjoint", "adjointe", "charge", "chargee", "delegue",
                  "deleguee", "educateur", "educatrice", "ouvrier", "ouvriere", "apprenti",
                  "apprentie", "oncle", "tante", "neveu", "niece", "cousin", "cousine", "frere",
                  "sœur", "soeur", "beau-frere", "belle-sœur", "belle-soeur", "fils", "fille",
                  "gars", "collegue", "voisin", "voisine", "contact"]
_APPOSED_RE = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)? [A-Z][a-z]{2,}"
                         r"(?:-[A-Z][a-z]+)?)(?:,\s+(?:c['’]est\s+)?|\s+c['’]est\s+|\s+\()"
                         r"(?:(?:le|la|son|sa|mon|ma|notre|leur|un|une|ancien|ancienne|nouveau"
                         r"|nouvelle)\s+|l['’]\s*)?(?:" + "|".join(_APPOSED_ROLES) + r")(?![\w-])")
# ... or a role, a comma or a bracket and two capitalised words: « Son tuteur, Chadhouli
# Attibou, "un grand de Tsoundzou" », « la RH (Hinarii Teriipaia) », « l'apprenti (Loïc
# Tonnelier, 2e année CAP) ».
_ROLE_APPOSED_RE = re.compile(r"(?<![\w-])(?:(?i:le|la|son|sa|mon|ma|notre|leur)\s+|(?i:l)['’])(?:"
                              + "|".join([*_APPOSED_ROLES, "RH", "DRH"])
                              + r")(?:,\s+|\s+\()(?P<name>[A-Z][a-z]{2,}"
                              r"(?:-[A-Z][a-z]+)? [A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?=\s*[,;()]|$)")
# A first name after a word for a person, not a parent's (« contact Ricardo », « le
# collègue Ibrahim »): someone, whatever the model tags the pair; not « père Noël ».
_PARENTS = frozenset({"pere", "mere", "papa", "maman", "parent"})
_NOUN_BEFORE_RE = re.compile(r"(?<![\w-])(?i:" + "|".join(
    r for r in _APPOSED_ROLES if r not in _PARENTS)
    + r")\s+(" + _FIRST + r")(?![\w'’-]|\s+" + _UP + ")")
# ... in lower case, in a chat: « il veut parler de son cousin mikaele ».
_LOWER_AFTER_NOUN_RE = re.compile(r"(?<![\w-])(?i:" + "|".join(sorted(
    {*_APPOSED_ROLES, *map(fold_lower, WORDS["names"]["kin_words"])} - _PARENTS))
    + r")\s+(?P<name>" + _LOW + r"{3,}(?:-" + _LOW + r"+)?)(?![\w'’-])")


def _lower_after_noun(texts: list[str], names: Names) -> set[str]:
    """The one-word names found (« Mikaele ») the notes also write in lower case after a
    word for a person (« son cousin mikaele »), no French word: replaced in lower case."""
    alone = {Names.key(n) for n in names.found.values() if " " not in n}
    return {fold_lower(m.group("name")) for text in texts
            for m in _LOWER_AFTER_NOUN_RE.finditer(fold_keep_case(text))
            if m.group("name") in alone and not names.word(m.group("name"), notes=False)}


# The name someone is called by: « un gars qui s'appelait Gasc », « elle s'appelle
# Prudence », « tonton Jo », « Tatie Ginette », « le pasteur Baly » (see Names.plausible,
# trust "called"); not « l'Abbé Pierre », « lycée Pasteur », nor a word before another
# capitalised one: « grand-mère Lourdes Martinez » is the pairs' (Lourdes stays a town).
_CALLED_RE = re.compile(
    r"(?<![\w-])(?:s['’]appel(?:le|lent|ait|aient|lait)?|pasteur|pasteure|imam|(?i:"
    + "|".join(sorted(map(re.escape, WORDS["names"]["kin_words"]))) + r"))\s+(?P<name>" + _UP
    + r"[\w'’]*(?:-" + _UP + r"[\w'’]*)?)(?![\w'’-]|\s+" + _UP + ")")
# Someone called by age or size, « le vieux Marcadé », « le petit Lefort », « la petite
# Shaïna »: a person when the word is no French word nor a place's (not « le père Noël »,
# « le petit Prince »: see Names.plausible, trust "elder").
_ELDER_RE = re.compile(
    r"(?<![\w-])(?i:le\s+(?:vieux|p[èe]re|petit)|la\s+(?:vieille|m[èe]re|petite))\s+(?P<name>"
    + _UP + r"[\w'’]*(?:-" + _UP + r"[\w'’]*)?)(?![\w'’-]|\s+" + _UP + ")")
# A surname in lower case after a civility in lower case ("on a rencontré le dr mbarga").
_LOWER_CIVIL_RE = re.compile(r"(?<![\w-])(?:dr|mme|mlle|mr|madame|monsieur)\.?\s+(?P<name>"
                             + _LOW + r"{3,}(?:-" + _LOW + r"+)?)(?![\w'’-])")
# A first name that is a French word too ("Pierre", "Rose") is a name mid-sentence
# only among the most given ones (COMMON_RANK); "Premier", "Salle", "Long" are in the
# list too.
# A first name in lower case ("diego") is one of the first ones of the list: its rare
# "names" hold English words ("done" 12,141th, "dev").
_LOWER_FIRST_NAMES = 10000
# A lemma of the lexicon among the first names this often given may be a proper noun
# ("julien", "dimitri"): the way the notes use it decides.
BARE_FIRST_NAMES = 1000
# ... and before a surname in lower case, one of the most given (Aurélien 274th, Hamza
# 712th): the rarer are words as often ("grâce aux" 1,506th, "juste" 3,907th, "job").
_LOWER_PAIR_FIRST_NAMES = 1000
# The finds in lower case that Names.lower_case_name checks: after a civility, after a
# role (then before a punctuation mark or not), a first name and a surname.
_LOWER_CASE_TRUSTS = ("lower civil", "after role", "after role, no stop", "lower pair")
# A first name given often enough (Gwendal 1,123th, Seydou 3,724th) opening two or
# three capitalised words makes them a person's, not an organisation's ("Loïc Meunier").
_GIVEN_FIRST_NAMES = 4000
# Before a lone place ("à Nancy", "en France", "sur Lourdes"): the model tags many a
# lone first name as a place, a place after these words stays one. Not the verb of "y a"
# ("y'a Serkan, le fils du patron").
_PLACE_BEFORE = re.compile(
    r"(?i)(?:^|(?<!y)[\s'’(])(?P<word>à|a|en|au|aux|sur|vers|depuis|dans|jusqu'à)\s+$")
# A verb of speech, a promise or a thank-you before "à": the one spoken to or thanked is
# someone ("il a dit à Rodrigue", "promis à Kahaia", "Merci à Marie-Josée pour le café").
_SAID_TO = re.compile(r"(?i)(?<![\w'’-])(?:dit|dis|dire|disait|demand(?:é|e|er|ait)|parl(?:é|e|er"
                      r"|ait)|r[ée]pondu|expliqu[ée]|t[ée]l[ée]phon[ée]|merci|promise?"
                      r"|racont[ée]|montr[ée]|annonc[ée]|signal[ée]|conseill[ée])\s+[àa]\s+$")
_AFTER_PLACE = re.compile(r"(?i:(?<![\w'’])(?:à|au|en|sur|vers|depuis))\s+(" + _UP + r"[\w-]+)")
# An article before a word of the list says it is no one's first name ("toute la France").
_ARTICLE_BEFORE = re.compile(r"(?i)(?:^|[\s(])(?:la|le|les|l['’]|du|des|au|aux|un|une|cette)"
                             r"\s*$")


def _title(word: str) -> str:
    """A surname written in capitals as a name is: "QUÉRÉ" -> "Quéré", "LE DU" -> "Le Du",
    "McALLISTER" -> "McAllister"."""
    scottish = re.fullmatch(r"(Mac|Mc)(" + _UP + r"{2}.*)", word)
    if scottish and scottish[2].isupper():
        return scottish[1] + scottish[2].title()
    return word.title() if word.isupper() else word


def _said_to(text: str, start: int) -> bool:
    """Does a verb of speech, a promise or a thank-you and « à » end right before
    ``start`` (« promis à Kahaia »)?"""
    return _SAID_TO.search(text, max(0, start - 40), start) is not None


def _place_before(text: str, start: int, word: str) -> bool:
    """Does a place's preposition come just before ``word`` at ``start`` ("à Nancy",
    "en France", "sur Lourdes")? Not "sur" before a common first name: notes write
    "sur Quentin :", "Herrera sur Jessy" for "about"; nor "à" after a verb of speech or
    a thank-you: "J'ai dit à Rodrigue", "demandé à Enzo", "Merci à Marie-Josée", "promis
    à Kahaia"; nor a common first name that no list calls a place: "confiée à Florian
    (vacataire)"."""
    before = _PLACE_BEFORE.search(text[max(0, start - 12):start])
    if before is None:
        return False
    if _said_to(text, start):
        return False
    given = first_name_rank(word)
    common = given is not None and given < COMMON_RANK
    if common and not is_place(word):
        return False
    return before.group("word").lower() != "sur" or not common


def _apa(text: str, match: re.Match) -> bool:
    """Is the cited author ``match`` written "Surname, I." beside a co-author ("Rétif, S.
    et Fauconnet, R.") or before a year, the way a bibliography cites ("Moulinier, A.
    (2019)": the surname may be a French word too; not "Annexe B. (2019)"), its initial
    no civility ("Petit, M." reads "M. Petit")?"""
    return "," in match.group() and match.group("initials") not in ("M.", "Me.") and bool(
        _APA_JOINED.match(text, match.end())
        or _APA_AFTER.search(text, max(0, match.start() - 12), match.start())
        or _YEAR_AFTER.match(text, match.end()))


def _author(name: str, names: Names) -> bool:
    """Is a cited author's ``name`` ("F. Quéré", "Pierre Castagnède") a person? After
    initials, a surname that is no French word (not "Annexe B.", "Section C."); after a
    whole first name (a first name or no word), a surname whose words of 4 letters and
    more are none (not "Tableau, Figure"; but "VO Liêm": short surnames are often words
    too), unless that first name is a common one or one of the list that is no word."""
    first, *surname = name.split()
    core = [w for w in surname if w.lower() not in _PARTICLES] or surname
    if first.endswith("."):
        return not any(names.word(w, initial=True, notes=False) for w in core)
    if any(len(w) >= 4 and names.word(w, initial=True, notes=False) for w in core) and not (
            is_first_name(first) and (common_first_name(first, COMMON_RANK)
                                      or not names.word(first, initial=True, notes=False))):
        return False  # "Tableau, Figure (2019)"; not "Castel, Olivier (2020)", "Pillai,
        # Arun (2023)" (a verb's form too), whose first name the list knows
    return is_first_name(first) or not names.word(first, initial=True, notes=False)


def _label_off(part: str, text: str, within: int, names: Names) -> str:
    """``part`` without a last word that is a French word opening a label: a mail's
    "De : Jean-Pierre Dastugue⏎Date : mar. 16 avr." read as one name; of two words, a
    label's own word only ("MOREAU-LAMBERT Isabelle⏎Date :")."""
    words = part.split()
    if len(words) >= 2 and within >= 0 and re.match(r"[ \t]*:", text[within + len(part):]) \
            and (is_label_word(words[-1])
                 or len(words) >= 3 and names.word(words[-1], initial=True, notes=False)):
        return " ".join(words[:-1])  # "Isabelle⏎Date :" too, but "Paul Marchand :" stays
    return part


def _article_before(text: str, start: int) -> bool:
    return _ARTICLE_BEFORE.search(text, max(0, start - 8), start) is not None


_SENTENCE_END = re.compile(r"(?<![\w'’.-])([\w'’-]+)\.\s+")


def _sentence_end(match: re.Match) -> str:
    """A word of three letters or more then a full stop ends a sentence (a line break
    for :meth:`Names.trim`); not initials (« Ch. Martin ») nor a civility (« Mme. »)."""
    word = match[1]
    if sum(c.isalpha() for c in word) < 3 or not word[-1].isalpha() \
            or re.fullmatch(CIVILITY, word + "."):
        return match[0]
    return word + "\n"


_CALENDAR = frozenset(fold_keep_case(w) for w in (
    *MONTH_LABELS, *WEEKDAYS, *WORDS["calendar"]["holidays"]))
_PRESENT_RE = re.compile(r"(?i:\b(?:présent|participant|absent|excusé)(?:e|s|es|·es)?\s*:"
                         r"|\b(?:prises?|rédigée?s?|écrites?) par)\s*([^\n]+)")
PRESENT_SECTION = r"(?i)\s*(?:présent|particip|absent|excusé)"
_WITH_RE = re.compile(r"\b(?:avec|chez|par)\s+(" + _NAME + r")")
_INSTITUTIONS = frozenset(WORDS["names"]["institution_words"])
NON_NAMES = frozenset([*WORDS["names"]["non_names"], *WORDS["names"]["chat_words"],
                       *_INSTITUTIONS])
KNOWN_ORGANISATIONS = frozenset(map(fold_lower, [*WORDS["names"]["known_organisations"],
                                                  *WORDS["names"]["tools"]]))
_EMAIL_WORDS = frozenset(WORDS["names"]["email_words"])


class Names:
    """Names found so far, in order, merged: "Lefèvre" is a form of "Camille Lefèvre"."""

    def __init__(self, *, lower_words=frozenset(), others=frozenset(),
                 model: NameModel | None = None,
                 lower_written: frozenset[str] | None = None) -> None:
        self.found: dict[str, str] = {}  # folded key -> name as first written
        self.lowercase: set[str] = set()  # folded first names also written in lower case
        self.aliases: dict[str, list[str]] = {}  # person -> nicknames ("Paco (F. Herrera)")
        self.listed_aliases: dict[str, list[str]] = {}  # the list's: "Gérard Castagnet (Gégé)"
        self.listed: frozenset[str] = frozenset()  # the keys of the list's people
        self.spellings: dict[str, list[str]] = {}  # person -> other spellings, set by names()
        self.trusted: set[str] = set()  # listed, interviewers, after a civility
        self.rejected: set[tuple[str, str, bool]] = set()  # (name, trust, initial) refused
        self.lower_words, self.others = lower_words, others
        self.lower_written = lower_written  # lower_words, accents kept (_as_lower_word)
        self.places: frozenset[str] = frozenset()  # one-word places and organisations
        self.lone_places: frozenset[str] = frozenset()  # the same, as the model tags them
        self.parts: frozenset[str] = frozenset()  # words of longer places, organisations
        self.entities: frozenset[str] = frozenset()  # those places and organisations whole
        self.located: frozenset[str] = frozenset()  # lone places after "à", "en"...
        self.spoken: frozenset[str] = frozenset()  # first names taken up by "il", aged
        self.towns: frozenset[str] = frozenset()  # words after "à", "en" that are no
        # first name: the model's lone person "Poitiers" is "à Poitiers" elsewhere
        self.model = model
        self._trimmed: dict[str, tuple[str, ...]] = {}  # span -> trim(span)

    @staticmethod
    def key(name: str) -> str:
        return " ".join(sorted(fold_keep_case(name).lower().split()))

    def add(self, name: str, *, trust: str = "plain", initial: bool = False) -> bool:
        """Add ``name`` if ``trust`` is "trusted" (listed, an interviewer, after a
        civility) or if it is plausible (see :meth:`plausible`). ``initial``: it opens a
        sentence, where a capital says nothing. Is it (now) found?"""
        name = " ".join(name.replace("’", "'").strip(" ,;:'-").split())
        name = name[:-1] if name.endswith(".") and not _is_initial(name.split()[-1]) else name
        while len(name.split()) > 1 and name.split()[-1].lower() in _PARTICLES \
                and not _particle_surname(name.split()):
            name = name.rsplit(" ", 1)[0]  # "Pierre-Yves Le" of "Pierre-Yves Le Gall" cut
        if not name or re.search(r"[@\d/_|–—]", _KER.sub("K", name)) or (  # "Calvi–Corte"
                trust != "trusted" and (_BRAND_RE.search(name)  # "Net'Pyrénées"; "Elior",
                                        or fold_lower(name) in KNOWN_ORGANISATIONS)):
            return False  # "Armand Colin"; but "M. Colas" is someone
        if self.key(name) in self.found:
            if trust == "trusted":  # "Axel David" of the model, then of the writing
                self.trusted.add(self.found[self.key(name)])
            return True
        if (name, trust, initial) in self.rejected:  # a word repeated 10,000 times
            return False
        if trust == "trusted" or self.plausible(name, initial=initial, trust=trust):
            self.found[self.key(name)] = name
            if trust == "trusted":
                self.trusted.add(name)
            return True
        self.rejected.add((name, trust, initial))
        return False

    def _foreign_pair(self, words: list[str]) -> bool:
        """Two capitalised words the model calls a person, neither a French word (nor a
        lemma), a place, an organisation's word or an acronym as the notes write them: a
        name the first-name list lacks ("Tavita Maraetaata", "Dhoifir Msaidié"); not a
        place or an organisation the model finds whole elsewhere (« Mlezi Maoré »). Its
        tags of a word alone elsewhere do not count: it called « Dumè » of « le neveu de
        Dumè » a place, and « Dumè Orsini » was kept."""
        folded = [fold_keep_case(w) for w in words]
        return len(words) == 2 and " ".join(folded) not in self.entities and all(
            self.written_as_name(w) and f not in self.towns and f not in self.places
            for w, f in zip(words, folded))

    def _apposed(self, words: list[str]) -> bool:
        """Two capitalised words beside a role in apposition (« Lolesio Hoatau, chef de
        village »): a person unless the first is no :meth:`written_as_name`, or the second
        is in capitals, a town, or a place or organisation's word here (it may be a French
        word: « Ansufiddine Hamada, ouvrier coffreur », a hamada is a desert's plateau).
        A common first name may be a word (« Romain Vaillant, acheteur »); a rarer one that
        is a word needs a second written as a name (« Prudence Cidalise, l'assistante »)."""
        if len(words) != 2:
            return False
        if not self.written_as_name(words[0]) and not common_first_name(words[0], COMMON_RANK):
            return is_first_name(words[0]) and self.written_as_name(words[1])
        last = fold_keep_case(words[1])
        return self.written_as_name(words[1]) or (
            not words[1].isupper() and not is_town(words[1]) and last not in self.located
            and last not in self.parts)

    def written_as_name(self, word: str) -> bool:
        """Is a capitalised ``word`` a name's by the notes' writing: no capitals, no French
        word nor lemma, no town, no place or organisation's word as written ("à
        Vailala", "Uvea Construction")? The model's tags elsewhere do not count (it
        called "Lolesio" of « Lolesio est un oncle » a place)."""
        folded = fold_keep_case(word)  # two lookups: no union of the sets per word
        return not word.isupper() and not self.word(word, initial=True, notes=False) \
            and not (self.model and self.model.is_lemma(word.lower())) and not is_town(word) \
            and folded not in self.located and folded not in self.parts

    def lower_case_name(self, name: str, trust: str) -> bool:
        """Is ``name``, in lower case where the writing shows a person (``trust``, see
        ``_LOWER_CASE_TRUSTS``), someone's? After a civility, no French word ("le dr
        mbarga", not "madame bonjour"); after a role, no inflected word unless a
        punctuation mark follows ("le tuteur kader", "tutrice rosa, 49 ans"); a first
        name and a surname: see :meth:`lower_pair`."""
        if trust == "lower civil":
            return not self.word(name, initial=True, notes=False)
        if trust == "lower pair":
            return self.lower_pair(name)
        return trust == "after role" or not self.word(name, notes=False)

    def lower_pair(self, pair: str) -> bool:
        """Is ``pair``, two lower-case words, a first name of the list that is no
        inflected French word ("aurélien", "hamza", not "marine") and a surname that is
        no French word at all nor a place ("rousselin", "tahiri"; not "aurélien pense",
        "karim aux")?

        >>> Names().lower_pair("hamza tahiri"), Names().lower_pair("le tuteur")
        (True, False)
        """
        first, last = pair.split()
        return not self.word(first, notes=False) \
            and not self.word(last, initial=True, notes=False) \
            and fold_lower(last) not in THREE_LETTER_WORDS.union(_PARTICLES) \
            and last not in STOP_WORDS and fold_keep_case(last.title()) not in self.located

    def placed(self, word: str) -> bool:
        """Is ``word`` a place or an organisation's word somewhere in the notes, as the
        model tags it or the writing shows it ("à Bastia", "Bastia Réseaux Services")?"""
        folded = fold_keep_case(word)
        return any(folded in kept for kept in (self.located, self.towns, self.parts,
                                                self.places, self.lone_places, self.others))

    def word(self, word: str, *, initial: bool = False, notes: bool = True) -> bool:
        """Does ``word`` read as a French word rather than a name? A lemma such as
        "Martin" or "Julien" counts as a word only where it opens a sentence.
        ``notes``: a word the notes write in lower case counts too."""
        folded, lower = fold_keep_case(word).lower(), word.lower()
        return (folded in NON_NAMES or (notes and self.written_lower(word))
                or (self.model is not None and (self.model.is_inflected(lower)
                                                or (initial and self.model.is_lemma(lower)))))

    def written_lower(self, word: str) -> bool:
        """Do the notes write ``word`` in lower case, with its accents but the first
        letter's? « Mere » is no « mère »."""
        return fold_lower(word) in self.lower_words and (
            self.lower_written is None or _as_lower_word(word) in self.lower_written)

    def accented_twin(self, word: str) -> bool:
        """Do the notes write in lower case a word that folds as ``word`` does but with
        other accents? « mère » of the first name Mere: a replacement of folded text
        would take it for her."""
        return self.lower_written is not None and fold_lower(word) in self.lower_words \
            and _as_lower_word(word) not in self.lower_written

    def lemma(self, word: str) -> bool:
        return self.model is not None and self.model.is_lemma(word.lower())

    def infinitive(self, word: str) -> bool:
        return self.model is not None and self.model.is_infinitive(word.lower())

    def plausible(self, name: str, *, initial: bool = False, trust: str = "plain") -> bool:
        """Is ``name`` a person's? ``trust``: "plain" (an entity of the model), "strict"
        (two capitalised words), "first" / "lower" (a lone word of the first-name list,
        capitalised or not), "upper" (a first name and capitals), "apposed" (two
        capitalised words before a role: :meth:`_apposed`), "elder" (after « le vieux »,
        « la petite »...: no French word nor place), "called" (a word after
        « s'appelle », a family word or « pasteur »: a first name, or no French word nor
        place)."""
        joined = re.sub(r"(?<=\w)-(" + _UP + r")-(?=" + _UP + ")", r"\1", name)  # "HoASim"
        words = [_ELIDED_PARTICLE.sub("", w) for w in re.split(r"[\s-]+", joined)
                 if w and w.lower() not in ("de", "du", "des", "van", "von", "le", "la")]
        elided = [w[2:] for w in name.split() if _ELIDED_PARTICLE.match(w)]
        if elided and (not is_first_name(name.split()[0]) or any(map(is_place, elided))):
            return False  # « Apprentis d'Auteuil », « Marie d'Angers » (from Angers);
            # « Patricia d'Hondt » stays
        if not words or len(words) > 4 or any(not w[0].isupper() or any(c.isdigit() for c in w)
                                             for w in words):
            return False
        if trust == "upper":
            return self._upper_pair(name)
        if any(w in CAPITAL_WORDS for w in words) or (len(words) > 1 and (
                words[0] in ACRONYMS or (len(words) == 2 and words[-1] in ACRONYMS))):
            return False  # "Airtable ET le tableau", "ML Corte", "Rossignol ML" (Lunel)
        if all(w.isupper() and len(w) <= 6 for w in words):
            return False  # acronyms: DGESCO, DNE
        if any(len(w) == 1 for w in words):
            return False  # "40K Euros": a lone capital is no initial without its dot
        if any(_is_initial(w) for w in words) and all(
                _is_initial(w) or w.lower() in STOP_WORDS for w in words):
            return False  # "la ligne E. Il gagne sa vie": a pronoun is no surname
        if any(w[1:2] in ("'", "’") and (w[2:3].islower() or self.word(
                w[2:], initial=True, notes=False)) for w in words):
            return False  # "L'assurance : qui couvre le jeune ?", a chat's "cédric c'est
            # qui ?" title-cased "Cédric C'Est"; "N'Diaye", "L'Hostis" stay names
        if any(w.isupper() and len(w) > 2 for w in words) and any(
                self.lemma(w) for w in words):
            return False  # "Prochain COPIL"; "Camille LEFÈVRE" stays a name
        if trust in ("first", "lower"):
            return " " not in name and self._first_name(name, initial=initial,
                                                         lower=trust == "lower")
        if trust == "apposed":
            return self._apposed(words)
        if trust == "elder":  # « le vieux Marcadé »; not « le père Noël »
            return self.written_as_name(name)
        if trust == "called":  # « s'appelait Gasc », « s'appelle Prudence »; not « Mme »
            return not re.fullmatch(CIVILITY, name) and fold_lower(name) not in NON_NAMES \
                and (self.written_as_name(name) or is_first_name(name))
        if len(words) == 1 and fold_keep_case(words[0]) in self.others:
            return False  # part of an organisation or a place elsewhere
        given = first_name_rank(name.split()[0])
        given = given if given is not None and given < _LOWER_FIRST_NAMES else None
        if len(words) > 1 and given is not None and given >= COMMON_RANK \
                and fold_keep_case(words[0]) in self.located \
                and all(len(w) > 2 and self.word(w, initial=True) for w in words[1:]):
            return False  # "Grand Paris Sud : ...": a rare first name, "à Paris" here,
            # and a word; not "Idriss Mbaye" nor "Aïssatou Bâ" ("sur Aïssatou": a place)
        if len(words) > 1 and given is None and not any(_is_initial(w) for w in name.split()) \
                and not (trust == "plain" and len(name.split()) == 2
                         and self._foreign_pair(words)):  # not « Brives-Charensac »
            return False  # "Toulouse Métropole", "Clermont Métropole" (a rare "first name"
            # of the list), "Vinci Energies": no first name
        if len(words) == 1 and (fold_keep_case(words[0]) in self.located or (
                trust == "plain" and fold_keep_case(words[0]) in self.towns)):
            return False  # "Clermont", for the model a person here, "à Clermont" there
        if " " not in name and is_place(name) and not_common(name):
            return False  # "| Mulhouse, les Coteaux |", "dans la Drôme"; not "Nancy", a
            # first name first
        if trust == "strict" and len(words) < 2:
            return False  # "Coralie Le" of "Coralie Le Gall" cut by a line's end
        if trust == "strict":  # the first is a first name; no word of it a French word,
            # or the first neither a word nor a place ("Sandra Aubin", "Dorian Pages":
            # surnames are often words, first names seldom), or the last no word
            # ("Pierre Durand")
            return not any(self.word(w, initial=True) for w in words) or (
                len(words) == 2 and not self.word(words[0], initial=True)
                and fold_keep_case(words[0]) not in self.lone_places) or (
                len(words) == 2 and not self.word(words[1], initial=True))
        return not all(self.word(w, initial=initial and i == 0) for i, w in enumerate(words))

    def _first_name(self, name: str, *, initial: bool, lower: bool) -> bool:
        """"Le jeune, Gwendal, a attendu", "diego et Lucie": a word of the first-name list
        that is no French word (but a common first name with its capital mid-sentence:
        "Pierre", "Claire"), no month, nor a word of a longer organisation or place
        ("Boulangerie Martin"), nor a place or an organisation alone mid-sentence or
        after "à", "en"...; not a rarer name of the list that is a town, a country or a
        region ("Annecy", "Provence"). A word taken up by "il", "elle" is a name ("Au
        début Lamine il m'emmenait": ``spoken``)."""
        given, folded = first_name_rank(name), fold_keep_case(name)
        if given is None or len(name) < 3 or set(fold_lower(name).split("-")) & _CALENDAR:
            return False
        common = given < COMMON_RANK
        if not common and is_place(name):
            return False  # "emploi Nouméa" (21,622th first name): the town; "Dauphiné";
            # not "Nancy". The model tags many a lone first name a place ("Le jeune,
            # Gwendal, a attendu", "Oksana m'a rappelé"): the lists know better.
        if folded in self.parts | self.located or (folded in self.places and not common):
            return False
        if lower:  # "done", "dev" are in the list too
            return given < _LOWER_FIRST_NAMES and not self.word(name, initial=True, notes=False)
        if folded in self.spoken:  # "Au début Lamine il m'emmenait": a word, yet someone
            return True
        # a common one that is a word too ("Pierre", "Ambre") opening a sentence: a
        # name unless the notes use the word ("la pierre", "claire")
        return not (self.word(name, initial=True, notes=False) and (
            not common or (initial and self.written_lower(name))))

    def knows(self, item: str, words: set[str]) -> bool:
        """Is ``item`` a name found, or a word (of ``words``, those of the names
        found) or a first name and initial of one?"""
        if self.key(item) in self.found:
            return True
        core = name_core(item)
        return fold_lower(core[0]) in words and (len(core) == 1 or fold_lower(core[-1]) in words
                                             or _is_initial(core[-1]))

    def beside_names(self, item: str) -> bool:
        """May ``item``, among names, be one? No French word, acronym of the field or
        place (initials of two or three capitals are someone's there)."""
        words = [w for w in re.split(r"[\s.-]+", item) if len(w) > 1]
        if (parts := item.split())[0].lower() in _PARTICLES and len(parts) == 3:
            surname, first = " ".join(parts[:2]), parts[2]  # "Le Roux Solenn": a surname
            given = first_name_rank(first)  # with its particle (a word, "roux", after it)
            return given is not None and given < _GIVEN_FIRST_NAMES and not (
                is_town(surname) or is_place(surname) or self.placed(surname))
        if re.fullmatch(_UPPER_FIRST, item):  # "MBOMA Grâce" among names: the first name
            upper = " ".join(w for w in item.split() if w.isupper())  # may be a word, and
            first = item.split()[-1]  # the surname too before a common first name
            alone = " ".join(fold_keep_case(item).split()) in self.entities  # the model's
            # organisation is the cell itself (« | TEIPO Hotu | »): no other one's word
            return upper not in ACRONYMS and fold_keep_case(upper) not in self.located and (
                alone or fold_keep_case(upper) not in self.parts) and (
                not self.word(upper.title(), notes=False)
                or common_first_name(first, COMMON_RANK))  # "MARQUANT Enzo"
        if len(item.split()) > 1 and re.fullmatch(r"[A-Z]{2,4}", item.split()[0]) \
                and not self._upper_pair(item):
            return False  # "ML Corte", "CCI Marseille Provence": an acronym and a place
        if " " not in item and not self.word(item, notes=False) and (
                (given := first_name_rank(item)) is not None and given < _LOWER_FIRST_NAMES):
            return fold_keep_case(item) not in self.located | self.parts  # "Lina, Samba,
            # Nour, Jessica": a given first name that is a noun too (a dance), not a verb's
            # form; not the rare "Espoir" of "Ressentis : Fatigue, Colère, Espoir"
        if item.isupper() and fold_keep_case(item) in self.parts:
            return False  # « OIT » of « Standard OIT »: an organisation's, no one's initials
        return item.strip(".") not in ACRONYMS and not any(
            self.word(w, initial=True) or fold_keep_case(w) in
            self.located | self.parts | self.places for w in words
            if not w.isupper())  # the model tags many a lone surname as a place

    def _upper_pair(self, name: str) -> bool:
        """"IVANOVA Sylvain", "Nolwenn NG": the capitals no acronym of the field nor
        an organisation's; two or three capitals (initials) start as the first name."""
        first = next((w for w in name.split() if not w.isupper()), "")
        upper = " ".join(w for w in name.split() if w.isupper())
        if not first or not upper or upper in ACRONYMS or fold_keep_case(upper) in self.parts \
                or upper in CAPITAL_WORDS:  # "Airtable ET le tableau"
            return False
        if len(upper) <= 3:  # initials; not "CIO Caen", a structure of a town
            return upper[0] == first[0] and not is_town(first)
        return not self.word(upper, notes=False) and not (
            (self.word(first, initial=True, notes=False)  # "SOCOTRA Wallis": a firm of
             or fold_keep_case(first) in self.located)  # the place ("à Wallis"), a rare
            and not_common(first))  # first name too

    def trim(self, span: str) -> list[str]:
        """The names in an entity: cut at punctuation, leading words and civilities off
        ("Réponse de S. Derouet" -> "S. Derouet", "Chloé Vincent | A. Perrin" -> both,
        "Laure Marais — Bordeaux" -> "Laure Marais": what follows a dash says where or
        what the person is)."""
        if span not in self._trimmed:  # a list's names come back line after line
            self._trimmed[span] = tuple(self._trim(span))
        return list(self._trimmed[span])

    def _trim(self, span: str) -> list[str]:
        names = []
        span = re.split(r"\s[—–-]+\s", span)[0]  # "Laure Marais — Bordeaux": a place
        span = _SENTENCE_END.sub(_sentence_end, span)  # "à Faa'a. HT :": two
        for part in re.split(r"[|,;()\[\]\n«»\"~]|(?<!(?<![\w/])K)/", span):  # no \s*
            # around: linear; « K/Bidi » is one word (_KER)
            words = part.split()
            if words and fold_lower(words[0]) in _INSTITUTIONS:
                continue  # "Agglomération Montargoise": a public body's name
            inner = [i for i, w in enumerate(words) if i and re.fullmatch(CIVILITY, w)]
            words = words[inner[-1]:] if inner else words  # "Prévenir M. Renard-Petit"
            skip = 0  # an index, not words[1:] again and again: linear on a huge span
            while skip < len(words) and self._leading(words[skip], last=skip == len(words) - 1):
                skip += 1
            back = skip
            while back > 0 and words[back - 1].lower() in _PARTICLES:
                back -= 1
            if back < skip and back > 0 and re.fullmatch(CIVILITY, words[back - 1]):
                skip = back  # "Mme de La Tour": the particles are her surname's
            words = words[skip:]
            if len(words) > 2 and words[-2] in _PARTICLES and (words[-1] in ACRONYMS or (
                    words[-1].isupper() and len(words[-1]) > 2 and words[-2] != "de")):
                words = words[:-1]  # "Marie-Odile de la MLDS", "Osmont du PLIE": where
                while len(words) > 1 and words[-1] in _PARTICLES:  # they work, no surname
                    words = words[:-1]  # (lower-case particles: not "Clémence Le Van";
                    # "Marie de VILLIERS" is a sign-up sheet's surname)
            words = words[:next((i for i, w in enumerate(words) if i and fold_lower(w) in
                                 NON_NAMES), None)]  # "kylian jsuis chaud", "Paul Merci"
            cut = next((i for i in range(2, len(words) - 1) if re.fullmatch(
                r"[A-Z]{2,4}", words[i]) and words[i].lower() not in _PARTICLES
                and words[i + 1][:1].isupper() and not words[i + 1].isupper()), len(words))
            if words[:cut]:  # "J. Rossignol ML Lunel": an acronym and a place follow
                names.append(" ".join(words[:cut]))
        return names

    def _leading(self, word: str, *, last: bool) -> bool:
        """Is ``word``, opening an entity, no part of the name? A civility, a particle,
        a lower-case word (not "d'Aubigny"), or a word when more follow ("Réponse"); not
        a first name the notes also write in lower case ("via fabrice" in a chat: "Fabrice
        Hoareau" stays whole)."""
        return bool(re.fullmatch(CIVILITY, word) or word.lower() in _PARTICLES
                    or (not word[:1].isupper() and not re.match(r"d['’]" + _UP, word))
                    or (not last and (fold_lower(word) in NON_NAMES or (
                        self.written_lower(word) and not self._chat_name(word)))))

    def _chat_name(self, word: str) -> bool:
        """A first name of the list that is no French word, though written in lower case."""
        return is_first_name(word) and not self.word(word, initial=True, notes=False)

    def names(self) -> list[str]:
        """Full names, then the other forms that name none of them: a single name
        ("Lefèvre"), initials ("S. Derouet", "Aya D."), an e-mail's name."""
        full = [n for n in self.found.values() if is_full_name(n)]
        full = [n for n in full if n in self.trusted or not any(  # "Thi Hoa" of "Thi Hoa Nguyen"
            len(o.split()) > len(n.split()) and set(_folded_words(n)) <= set(_folded_words(o))
            for o in full)]
        firsts = {fold_lower(name_core(n)[0]) for n in full}
        dropped = {n for n in full if n not in self.trusted and (  # "Remarque Elsa"
            len(name_core(n)) == 2 and fold_lower(name_core(n)[1]) in firsts
            and self.lemma(name_core(n)[0]))}
        full = [n for n in full if n not in dropped]
        words = {w for name in full for w in _folded_words(name)}
        words |= {"".join(w[0] for w in name_core(n)).lower() for n in full}  # "PC"
        forms = {fold_lower(f) for n in full for f in name_forms(n)}  # what replacing them takes
        nicknames = [(owner, nick) for aliases in (self.aliases, self.listed_aliases)
                     for owner, nicks in aliases.items() for nick in nicks]
        nicks = {fold_lower(nick) for _, nick in nicknames}  # "Kader", "F.-X. D.": theirs
        forms |= nicks
        surnames = {fold_lower(" ".join(name_core(n)[1:])) for n in full}
        initialled = Counter(fold_lower(name_core(n)[1]) for n in self.found.values()
                             if is_initialled(n))
        initials = {(fold_lower(name_core(n)[0]), fold_lower(name_core(n)[-1])[:1]) for n in full}
        single = [(owner, nick) for owner, nick in nicknames  # a one-word nickname of
                  if " " not in nick and is_full_name(owner)]  # someone's full name
        initials |= {(fold_lower(nick), fold_lower(name_core(owner)[-1])[:1])  # "Ludo F."
                     for owner, nick in single}
        called = {(fold_lower(nick), fold_lower(split_name(owner)[1])): owner
                  for owner, nick in single}
        kept, squashed, self.spellings = [], {}, {}
        for name in self.found.values():
            core = name_core(name)
            first, last = split_name(name)
            owner = called.get((fold_lower(first), fold_lower(last)))  # "Jo Bellony" of
            if name in full and owner in full and owner != name:  # Joëlle Bellony (Jo)
                self.spellings.setdefault(owner, []).append(name)
            elif name in full:
                if _squash(name) not in squashed:  # "Helene Delatour" is "Hélène de La Tour"
                    squashed[_squash(name)] = name
                    kept.append(name)
                else:  # the other spelling names them too: "Yann Guivarc'h" of "Guivarch"
                    self.spellings.setdefault(squashed[_squash(name)], []).append(name)
            elif name not in dropped and fold_lower(name) not in nicks and not (
                      (fold_lower(name) in forms or initialled[fold_lower(name)] == 1
                       if len(core) == 1  # not "Sophie" of "Anne-Sophie"; "Jeandel" of "A. Jeandel"
                       else set(_folded_words(name)) <= words)
                      or (_is_initial(core[0]) and fold_lower(" ".join(core[1:])) in surnames)
                      or (len(core) == 2
                          and (fold_lower(core[0]), fold_lower(core[1])) in initials)):
                kept.append(name)
        return kept


def is_initialled(name: str) -> bool:
    """Is ``name`` initials and a surname: "A. Jeandel", "J-M Coste"?"""
    core = name_core(name)
    return len(core) == 2 and _is_initial(core[0])


def _is_initial(word: str) -> bool:
    """"S.", "M.-C.", "J-M": initials of first names."""
    return re.fullmatch(_UP + r"\.?(?:-?" + _UP + r"\.?)?", word) is not None


def is_full_name(name: str) -> bool:
    core = name_core(name)
    return len(core) > 1 and len(core[-1]) > 1 and not _is_initial(core[0])


_PARTICLES = tuple(WORDS["names"]["particles_of_unlisted"])
_KIN_WORDS = frozenset(fold_lower(word) for word in WORDS["names"]["kin_words"])


def _particle_surname(words: list[str]) -> bool:
    """Do ``words`` end in a surname made of particles alone, each with its capital
    ("Clémence Le Van", "Le Du")? Not "Pierre-Yves Le" cut of "Pierre-Yves Le Gall"."""
    tail = list(itertools.takewhile(lambda w: w.lower() in _PARTICLES, reversed(words)))
    return len(tail) >= 2 and all(w[:1].isupper() for w in tail)


def name_core(name: str) -> list[str]:
    """The words of a name without particles, a trailing initial's dot dropped."""
    return [w.rstrip(".") for w in name.split() if w.lower() not in _PARTICLES] or [name]


def _folded_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", fold_lower(name)) if w] + \
        [w for w in re.split(r"[\s.-]+", fold_lower(name)) if w]


def _squash(name: str) -> str:
    return re.sub(r"[^a-z]", "", fold_lower(name))


def _lower_words(texts: Iterable[str], form: Callable[[str], str] = fold_keep_case
                 ) -> frozenset[str]:
    """Words written in lower case somewhere in the notes (folded, or in another
    ``form``): no names; but not a word written only as a speaker label ("sacha : ...")."""
    words: set[str] = set()
    labels: set[str] = set()
    for text in texts:
        text = EMAIL_RE.sub(" ", re.sub(r"(?<!\S)\S*(?:/|www\.)\S*", " ", text))
        words.update(form(w) for w in re.findall(r"(?<![\w-])" + _LOW + r"[\w-]+", text))
        labels.update(map(form, _label_words(text)))
    return frozenset(words - labels)


def _as_lower_word(word: str) -> str:
    """``word`` as the notes write it in lower case, its first letter's accent aside
    (« Ecole » is « école »; « Mere », a Polynesian first name, is no « mère »)."""
    return fold_lower(word[:1]) + word[1:].lower()


def _written_as_names(lower_words: frozenset[str], texts: list[str],
                      model: NameModel | None) -> frozenset[str]:
    """The commonly given first names among ``lower_words`` that the notes write in lower
    case only bare, where a name stands (« mardi 16 : guillaume, stagiaire », not « la
    pierre »; no adjective, so not « julien » either): names in lower case, not words
    that would make « Guillaume Chevrier » opening a sentence someone's « Chevrier » only
    (see :mod:`.word_use`)."""
    if model is None:
        return frozenset()
    firsts = {word for word in lower_words
              if len(word) >= 4 and common_first_name(word, among=BARE_FIRST_NAMES)}
    return frozenset(bare_only(firsts, texts, is_adjective=model.is_adjective))


def _label_words(text: str) -> list[str]:
    """Lone lower-case words used as a speaker label ("sacha : ..."): written as names;
    not before a number ("atelier : 27 54 18", a list of phones: no one speaks there)."""
    return re.findall(r"(?m)^[ \t*_•-]*(" + _LOW + r"[\w-]+)[ \t]*:(?![ \t]*[\d+(])", text)


def _address_parts(text: str) -> list[list[str]]:
    """The words of the local part of each e-mail address in ``text``, in lower case:
    ``camille.lefevre@...`` -> ``["camille", "lefevre"]``."""
    return [[p for p in re.split(r"[._-]+", address.split("@")[0].lower()) if p]
            for address in EMAIL_RE.findall(text)]


def _email_names(text: str, names: Names) -> list[str]:
    """"Camille Lefevre" of camille.lefevre@...; not "Cci Formation" of
    cci-formation@...: no word of the address may be a French word."""
    found = []
    for parts in _address_parts(text):
        if len(parts) == 2 and all(p.isalpha() and len(p) > 1 for p in parts) \
                and not _EMAIL_WORDS.intersection(parts) \
                and (not any(names.word(p, initial=True) for p in parts)
                     or (names.plausible(parts[0].title(), trust="lower")  # sylvain.ivanova@
                         and not names.word(parts[1], initial=True))):
            found.append(" ".join(p.capitalize() for p in parts))
    return found


_ADDRESSED_RE = re.compile(
    r"(?<![\w-])([A-Z][a-z'-]+)\s+([A-Z][a-z'-]+|[A-Z]{2,}(?:-[A-Z]+)?)(?![\w-])")


def _addressed(texts: list[str], names: Names) -> list[str]:
    """Two capitalised words that an e-mail address of the notes spells ("Assani
    Hamada" beside assani.hamada@..., "Zalifa Mchangama" beside z.mchangama@...): a
    person even when the first name is in no list; not when the surname is a word."""
    pairs = {(fold_keep_case(parts[0]), fold_keep_case(parts[1]))
             for text in texts for parts in _address_parts(text)
             if len(parts) == 2 and all(p.isalpha() for p in parts) and len(parts[1]) >= 3
             and not _EMAIL_WORDS.intersection(parts) and not names.word(parts[1])}
    if not pairs:
        return []
    found = []
    for text in texts:
        folded = fold_keep_case(text)
        for match in _ADDRESSED_RE.finditer(folded):
            first, last = match.group(1).lower(), match.group(2).lower()
            if (first, last) in pairs or (first[0], last) in pairs:
                found.append(text[match.start():match.end()])
    return found


def _rule_names(text: str, *, heading: bool) -> list[tuple[str, str, int]]:
    """(name, trust, where) the writing shows: after a civility (trusted), as a
    speaker label, after "avec" or "chez" in a heading, two capitalised words
    that are no French word ("Agnès Perrin": strict), or before a role in
    apposition (« Lolesio Hoatau, chef de village »: apposed)."""
    # the civility kept: trim drops it, and keeps the particles it stands before
    found = [(m.group(), "trusted", m.start()) for m in _CIVILITY_RE.finditer(text)]
    label = _LABEL_RE.match(text)
    if label and not speaker_of_label(label.group(1)) and not category_of_label(label.group(1)):
        found.append((label.group(1), "plain", label.start(1)))
    if initial := _INITIAL_LABEL_RE.match(text) or _SIGNATURE_RE.match(text):
        found.append((initial.group(1), "trusted", initial.start(1)))
    found += [(m.group(), "trusted", m.start()) for m in _DOTTED_RE.finditer(text)
              if re.sub(r"[.\s-]", "", m.group()) not in _NOT_INITIALS]
    found += [(m.group(), "plain", m.start()) for m in _INITIAL_NAME_RE.finditer(text)
              if not re.fullmatch(CIVILITY, m.group(1))  # "A. Petitjean", not "B. Mission
              and fold_lower(m.group().split()[-1]) not in NON_NAMES]  # locale" (outline)
    if heading:
        found += [(m.group(1), "plain", m.start(1)) for m in _WITH_RE.finditer(text)]
    found += [(m.group(), "strict", m.start()) for m in _pairs(text)]
    found += [(m.group(), "strict", m.start()) for m in _PARTICLE_PAIR_RE.finditer(text)
              if is_first_name(m.group("first")) and not is_place(m.group("surname"))]
    folded = fold_keep_case(text)
    found += [(text[m.start("name"):m.end("name")], "apposed", m.start("name"))
              for pattern in (_APPOSED_RE, _ROLE_APPOSED_RE) for m in pattern.finditer(folded)]
    found += [(m.group("name"), "called", m.start("name")) for m in _CALLED_RE.finditer(text)]
    found += [(m.group("name"), "elder", m.start("name")) for m in _ELDER_RE.finditer(text)]
    found += [(f"{m.group('initials').replace(' ', '')} {_title(m.group('name'))}",
               "apa" if _apa(text, m) else "author",
               m.start()) for m in _AUTHOR_RE.finditer(text)]
    found += [(f"{m.group('first')} {_title(m.group('name'))}", "author", m.start())
              for m in _AUTHOR_FULL_RE.finditer(text)]
    found += [(m.group(part), "author", m.start(part)) for m in _AUTHORS_PAIR_RE.finditer(text)
              if not any(is_place(m.group(p)) or is_first_name(m.group(p))
                         or fold_lower(m.group(p)) in KNOWN_ORGANISATIONS for p in "ab")
              for part in "ab"]  # not « Paris et Lyon, deux villes (2020) »
    found += [(f"{m.group('initials')} {_title(m.group('name'))}", "author", m.start())
              for m in _UPPER_INITIAL_RE.finditer(text)
              if m.group("name") not in ACRONYMS | CAPITAL_WORDS]
    found += [(m.group(), "first", m.start()) for m in _WORD_RE.finditer(text)
              if is_first_name(m.group()) and not _article_before(text, m.start())]
    found += [(m.group(), "upper", m.start()) for pattern in _UPPER_PAIRS
              for m in pattern.finditer(text) if is_first_name(m.group("first"))]
    found += [(f"{m.group('first')} {m.group('last')}", "lower pair", m.start())
              for m in _LOWER_PAIR_RE.finditer(text)
              if common_first_name(m.group("first"), among=_LOWER_PAIR_FIRST_NAMES)]
    found += [(text[m.start("first"):m.end("first")], "after role" if m.group("stop")
               else "after role, no stop", m.start("first"))
              for m in _ROLE_BEFORE_RE.finditer(fold_keep_case(text))
              if text[m.start("first")].islower() and common_first_name(m.group("first"))]
    found += [(m.group("name"), "lower civil", m.start("name"))
              for m in _LOWER_CIVIL_RE.finditer(text) if m.group("name") not in STOP_WORDS]
    found += [(m.group(), "lower", m.start()) for m in _LOWER_RE.finditer(text)
              if len(m.group()) >= 4 and is_first_name(m.group())  # "diego, Lucie et Mehdi"
              and not _article_before(text, m.start())]
    return found


def _pairs(text: str) -> Iterator[re.Match]:
    """Two capitalised words (:data:`_PAIR_RE`), and, where the first is no first name,
    the pair from the second word on too: « Croisé Cyril Pastorino (éducateur) », the
    participle that opens a telegraphic note before a name."""
    for match in _PAIR_RE.finditer(text):
        first = match.group().split()[0]
        given = is_first_name(first)
        if given and _CAPITALS_OPENING.search(text, max(0, match.start() - 40), match.start()):
            continue  # "LAPORTE Noé⏎Allier : ...": the capitals' first name, then a word
            # of the next line (the reader joins the lines of a paragraph)
        yield match
        if not given:
            second = text.find(match.group().split()[1], match.start() + len(first))
            if (after := _PAIR_RE.match(text, second)) is not None:
                yield after


def _handles(authors: Iterable[str], names: Names) -> list[str]:
    """The initials a chat export gives as a message's author (« 17:58 - jb: »), in
    lower case: a person's, whatever the notes write beside (« ok merci jb »); not a
    word (« on », « ok »), a role (« rh ») nor an organisation's acronym (« ml »). A
    longer author (« Bak », « yas ») is a name the other rules read as written."""
    return [author for author in dict.fromkeys(a.strip().lower() for a in authors)
            if re.fullmatch(r"[a-z]{2}", author) and author not in STOP_WORDS
            and author not in TWO_LETTER_WORDS
            and not speaker_of_label(author) and not category_of_label(author)
            and author.upper() not in _NOT_INITIALS | CAPITAL_WORDS
            and not names.word(author, initial=True, notes=False)]


def _outline(name: str, text: str, start: int, names: Names) -> bool:
    """Is ``name``, opening a heading, an outline's letter and a French word or a place:
    "A. Chantier Eiffage, Quetigny (matin)", "E. Bastia — oubli du 7/02", not "A. Petitjean :
    bilan" (nor "H. Causse (CCI)" opening a list item: the check is for headings, and
    for statements where the notes number their points with letters, :func:`_outlined`;
    nor "Wiśniewski, T. (2018)", an author found as "T. Wiśniewski"; nor "M. Ravaux", a
    civility, where an outline would count thirteen points)?"""
    words = name.split()
    return start == 0 and len(words) > 1 and text.startswith(words[0]) \
        and re.fullmatch(r"[A-Z]\.", words[0]) is not None and words[0] != "M." \
        and (names.word(words[1], initial=True) or names.placed(words[1]))


# A statement opening with an outline's letter and a word: "A. Appariement : le jeune".
_OUTLINE_START_RE = re.compile(r"([A-H])\.\s+(" + _UP + r"[\w'’-]+)")


def _outlined(texts: list[str], names: Names) -> bool:
    """Do the notes number their points with letters (« - **A. Appariement** : ... »,
    « - **B. Transport** », « - **D. Vie du jeune** »): statements opening with A., B.
    and a third letter, each before a French word? Then such an opening is no person
    anywhere, as in headings (:func:`_outline`)."""
    letters = {m.group(1) for text in texts if (m := _OUTLINE_START_RE.match(text))
               and names.word(m.group(2), initial=True)}
    return {"A", "B"} <= letters and len(letters) >= 3


_WORD_REST_RE = re.compile(r"(?:(?<=['’])|['’])" + _LOW + r"+")


def _whole_word(name: str, text: str, start: int) -> str:
    """The model's entity ``name`` at ``start``, with the rest of its last word when the
    tokenizer cut it at an apostrophe: "Yvon Guivarc'" of "Yvon Guivarc'h"."""
    rest = _WORD_REST_RE.match(text, start + len(name))
    return name + rest.group() if rest and text[start:start + len(name)] == name else name


def _listed_names(text: str) -> list[str]:
    """Names listed after "présents :", "notes prises par"..., lower case or not."""
    names = []
    for match in _PRESENT_RE.finditer(text):
        line = re.sub(r"\([^)]*\)?|_|\*", " ", match.group(1))
        for part in re.split(r"\s*(?:[,;+&/]|\bet\b)\s*", line):
            words = part.split()
            if 0 < len(words) <= 3 and all(re.fullmatch(r"[^\W\d_][\w-]+", w) for w in words) \
                    and (len(words) == 1 or all(w[0].isupper() for w in words)
                         or (part.islower() and common_first_name(words[0]))) \
                    and fold_lower(part) not in NON_NAMES and not re.fullmatch(CIVILITY, part):
                names.append(part.strip())
    return names


def common_first_name(word: str, among: int = _LOWER_FIRST_NAMES) -> bool:
    """"ophélie" of "présents : ophélie lamarque"; not "la" of "la tutrice"."""
    given = first_name_rank(word)
    return given is not None and given < among and len(word) >= 3 \
        and word not in _PARTICLES and fold_lower(word) not in NON_NAMES


def _initial(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence (where any word has a capital), after
    any opening bracket or quote ("[Contexte : rendez-vous obtenu par ...]")? Not after
    a colon: "conseiller : Jean Barré" names someone."""
    before = text[:start].rstrip(" *_-–•>\t\"«([")
    return not before or before[-1] in ".!?;\n"


def find_people(texts: list[str], *, headings: Iterable[str] = (),
                interviewers: Iterable[str] = (), listing: PseudonymList | None = None,
                use_model: bool = True, cache_dir: str | Path | None = None) -> list[str]:
    """The people named in ``texts`` (and ``headings``): listed ones first, merged.

    >>> find_people(["Mme Lefèvre a appelé.", "Camille Lefèvre : oui"], use_model=False)
    ['Camille Lefèvre']
    """
    model = NameModel(cache_dir=cache_dir) if use_model else None
    names = discover(texts, headings=headings, interviewers=interviewers, listing=listing,
                      model=model).names()
    if model is not None:
        model.save()
    return names


def discover(texts: list[str], *, headings: Iterable[str] = (),
              interviewers: Iterable[str] = (), listing: PseudonymList | None = None,
              model: NameModel | None = None, handles: Iterable[str] = (),
              places: Iterable[str] = ()) -> Names:
    """Every name the list, the writing and the model show in the texts, as Names.
    ``handles``: the authors of a chat export's messages (see :func:`_handles`).
    ``places``: texts among ``texts`` that name places (a front matter's « lieu: »),
    where the model's people are not taken, only the writing's."""
    listing = listing or PseudonymList()
    texts = list(dict.fromkeys(t for t in texts if t))
    headings = list(dict.fromkeys(h for h in headings if h))
    everything = texts + headings
    entities, others = model.entities([t.replace("~", " ") for t in everything]) \
        if model and everything else ([], set())
    placed = set(places)
    entities = [[] if text in placed else found for text, found in zip(everything, entities)]
    # A word the model tags as a place somewhere but that is a speaker label elsewhere
    # ("Mathéo : ...") is a name: "Amine, Eva, Mathéo" is no list of places.
    alone = {fold_keep_case(m.group(1)) for text in everything
             if (m := _LABEL_RE.match(text)) and " " not in m.group(1)}
    spoken = {fold_keep_case(m.group(1)) for text in everything
              for m in _SPOKEN_OF_RE.finditer(text) if is_first_name(m.group(1))
              and not _place_before(text, m.start(), m.group(1))}
    alone |= spoken | {fold_keep_case(m.group(1)) for text in everything
                       for m in _NOUN_BEFORE_RE.finditer(fold_keep_case(text))
                       if is_first_name(m.group(1))}
    labels = {fold_lower(w) for text in everything for w in _label_words(text)}
    lower_words = _lower_words(everything)
    names = Names(lower_words=lower_words - _written_as_names(lower_words, everything, model),
                  lower_written=_lower_words(everything, _as_lower_word),
                   others=frozenset(map(fold_keep_case, others)) - alone, model=model)
    names.listed_aliases = listing.aliases  # the team's nicknames are no one else
    names.listed = frozenset(map(Names.key, listing.people))
    names.spoken = _taken_up(everything)
    # A place or an organisation on its own ("c'est Paris qui décide", "Renault l'entreprise")
    # that is never a person on its own nor a speaker label. The model tags many lone
    # surnames LOC or ORG ("Rault connaît bien la MLDS", "le portefeuille de Mbemba"): one
    # counts only if it is an inflected French word too (the towns that are also words:
    # Paris, Tours...), so a firm named after a surname (Renault) goes with the person
    # unless the team exempts it; and only mid-sentence, where its capital says it is a
    # proper noun ("Marques a repris": the capital of a sentence's first word says nothing).
    # A place, a word too, must be one the lists know: « on a vu Bouchez une fois »
    # (Xavier Bouchez; « bouchez », a verb's form) is no town.
    people_alone = {fold_keep_case(n) for found in entities for n, _, _ in found if " " not in n}
    lone = [(text, *entity) for text, found in zip(everything, model.places if model else [])
            for entity in found]
    names.parts = _parts(model.long_entities, names) - alone if model else frozenset()
    names.entities = frozenset(" ".join(fold_keep_case(e).split())
                               for e in (model.long_entities if model else ()))
    names.located = frozenset(fold_keep_case(word) for text, word, _, start in lone
                              if _place_before(text, start, word)) - spoken
    names.towns = frozenset(fold_keep_case(m.group(1)) for text in everything
                            for m in _AFTER_PLACE.finditer(text) if not is_first_name(m.group(1))
                            and not _said_to(text, m.start(1)))
    names.lone_places = frozenset(fold_keep_case(word) for _, word, _, _ in lone) \
        - alone - people_alone
    names.places = frozenset(
        fold_keep_case(word) for text, word, label, start in lone
        if not _initial(text, start) and model is not None and model.is_inflected(word.lower())
        and (label == "ORG" or is_place(word))) - alone - people_alone
    for name in listing.people:
        names.add(name, trust="trusted")
    for name in interviewers:  # "Debrief (Bénédicte seule)": her name, not "seule"
        capitals = [w for w in name.split() if w[:1].isupper() or w.lower() in _PARTICLES]
        name = " ".join(capitals) if capitals and capitals[0][:1].isupper() else name
        if name not in ACRONYMS and fold_lower(name) not in NON_NAMES and not (
                name.islower() and not is_first_name(name.split()[0])):
            names.add(name, trust="trusted")  # not "équipe CSF", "moi"
    for handle in _handles(handles, names):  # "12/12/2024 17:58 - jb: je note"
        names.add(handle.upper(), trust="trusted")
        names.lowercase.add(handle)
    guard = Replacer({}, exempt=listing.exempt, protect=[  # "Armand Colin" holds no one;
        *listing.organisations, *(o for o in WORDS["names"]["known_organisations"]  # "M.
                                   if " " in o)])  # Colas" is someone, "Colas" no one alone
    outlined = _outlined(texts, names)
    protected = [guard.protected(text) for text in everything]
    namesakes = _namesakes(everything, protected)
    namesake = words_pattern(namesakes)
    keys = {Names.key(n) for n in namesakes}
    for i, (text, kept) in enumerate(zip(everything, protected)):
        borne = [m.span() for m in namesake.finditer(text)] if namesake else []
        found = _rule_names(text, heading=i >= len(texts))
        found += [(_whole_word(n, text, start), "plain", start)
                  for n, start, _ in (entities[i] if entities else [])]
        found = [(n, trust, start) for n, trust, start in found
                 if not overlaps(start, start + len(n), kept)]
        for name in _listed_names(text):
            if guard.protected(name) or fold_lower(name) in KNOWN_ORGANISATIONS:
                continue  # "Stéphane Le Goff, France Travail Bretagne"; "présents : Elior"
            if is_first_name(name.split()[0]):  # "présents : hugo, Alexis Bertrand"
                if name.split()[0].islower() or " " not in name:  # "hugo", "Marine": a
                    # team's first name, in lower case elsewhere too; not "Rose Diallo"'s
                    names.lowercase.add(fold_lower(name.split()[0]))
                names.add(name.title() if name.islower() else name, trust="trusted")
            elif " " not in name and not name.isupper():  # a surname; not "DAJ", "Région"
                names.add(name, trust="plain", initial=True)
        for name, trust, start in found:
            if (i >= len(texts) or outlined) and _outline(name, text, start, names):
                continue
            if trust in ("plain", "strict", "first") and (Names.key(name) in keys or overlaps(
                    start, start + len(name), borne) or (
                    fold_lower(name) in _CALENDAR and _article_before(text, start))):
                continue  # "Mme Hollebecque à Jean Moulin": the lycée Jean Moulin; "à la
                # Toussaint", a holiday
            cited = trust in ("author", "apa")
            if cited:  # "Palheta U. (2012)"; not "Annexe B. (2019)"
                if trust == "author" and not _author(name, names):
                    continue
                trust = "trusted"
            if trust in _LOWER_CASE_TRUSTS:  # "le dr mbarga", "tutrice rosa,"
                if names.lower_case_name(name, trust):  # "aurélien rousselin": then
                    names.add(name.title(), trust="trusted")  # "aurélien" alone too
                    names.lowercase.add(fold_lower(name.split()[0]))
                continue
            if trust == "lower":  # "diego": a name also in lower case, not "marine"
                if names.plausible(name.title(), trust=trust):
                    names.add(name.title(), trust=trust)
                    names.lowercase.add(fold_lower(name))
                continue
            if name.islower():  # "hugo : ..." read as a name by the model
                names.lowercase.add(fold_lower(name))
                name = name.title()
            whole = trust == "apposed" and is_first_name(name.split()[0])  # « Prudence
            for part in [name] if whole else names.trim(name):  # Cidalise, l'assistante »
                within = text.find(part, start)
                part = _label_off(part, text, within, names)
                if not any(a <= within and within + len(part) <= b for a, b in kept) \
                        and not guard.protected(part, places=False):
                    last = part.split()[-1]
                    if trust == "trusted" and not cited and (
                            fold_lower(last) in NON_NAMES or speaker_of_label(last)
                            or category_of_label(last)):
                        trust = "plain"  # "M. le Directeur"; not "M. Hue", "VO Liêm (2018)"
                    names.add(part, trust=trust, initial=_initial(text, max(within, start)))
        for name in _email_names(text, names):
            names.add(name, initial=False)
    for name in _addressed(everything, names):
        names.add(name, trust="trusted")
    columns = _table_columns(texts)
    _beside_names(names, texts, columns)
    _surname_first_columns(names, columns)
    for name in _bracketed_surnames(everything, names, guard):
        names.add(name)
    _complete(names, everything, guard)
    names.lowercase.update(fold_lower(n) for n in names.found.values() if fold_lower(n) in labels)
    names.lowercase.update(_lower_after_noun(everything, names))
    names.aliases = _nicknames(everything, names, guard)
    for owner, nick in _little_nicknames(everything, names, protected):
        if not owner:
            names.add(nick, trust="trusted")
        elif nick not in names.aliases.setdefault(owner, []):
            names.aliases[owner].append(nick)
    return names


# A nickname, then the person it stands for in brackets: "Paco (F. Herrera)", "Krimo
# (Abdelkrim Saadi, chef d'équipe)".
_NICKNAME_RE = re.compile(r"(?<![\w.'’-])(?<!\b[A-Z]{2} )(?<!\b[A-Z]{3} )(?<!\b[A-Z]{4} )"
                          r"(?P<nick>" + _FIRST + r")\s*\((?P<inside>[^()\n]{3,80})\)")
# ... but a place or a service is often written so too: "foyer de Montpellier (Heimana
# Tehei)", "MLDS Lille (T. Delannoy)", "avec Guyane (Lætitia Jolivet, acheteuse)",
# "5. Nouvelle-Calédonie (L. Chaverot)" (a region of the lists, wherever it is); not
# a « Ti- » nickname: « Passage de Ti-Roro (Rosaire Bellemare, technicien) ».
_NOT_NICKNAME_BEFORE = re.compile(r"(?i)(?:^|[\s'’(])(?:de|du|des|d|à|a|au|aux|en|avec|sur|"
                                  r"vers|pour|chez|la|le|les|l)['’]?\s*$")


def _namesakes(texts: list[str], protected: list[list[tuple[int, int]]]) -> set[str]:
    """The names that places bear in ``texts`` (their ``protected`` spans): "Jean
    Moulin" of "lycée Jean Moulin" (two capitalised words or more ending the place).
    The rules' and the model's names are no one where the notes write them so
    (« Mme Crépin, à Édouard Gand, » of the LP Édouard Gand): neither the pair, nor
    its first name alone."""
    found: set[str] = set()
    for text, spans in zip(texts, protected):
        for start, stop in spans:
            words = text[start:stop].split()
            run = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(words)))
            found.update(" ".join(reversed(run[:k])) for k in range(2, len(run) + 1))
    return found


def _nicknames(texts: list[str], names: Names, guard: Replacer) -> dict[str, list[str]]:
    """Person -> the nicknames the notes give them before their name in brackets; not a
    French word, a word of another person's name, a place or an organisation (the
    model's, or after "de", "à", an acronym...)."""
    people = [n for n in names.names() if " " in n]
    forms = sorted(((f, n) for n in people for f in name_forms(n) if " " in f),
                   key=lambda pair: -len(pair[0]))
    words = {n: {fold_lower(w) for w in n.split()} for n in people}
    places = names.located | names.towns | names.parts  # "à Lille" elsewhere: a town
    tagged = names.others | names.places | names.lone_places  # the model's: "Lille", but
    # "Paco" and "Krimo" too, so a first name of the list counts whatever it says
    aliases: dict[str, list[str]] = {}
    for text in texts:
        for m in _NICKNAME_RE.finditer(text):
            nick, inside = m.group("nick"), m.group("inside")
            owner = next((n for f, n in forms if inside.startswith(f)), "")
            if not owner or any(fold_lower(nick) in w for n, w in words.items() if n != owner) \
                    or names.word(nick, initial=False) or fold_keep_case(nick) in places \
                    or is_place(nick) \
                    or (fold_keep_case(nick) in tagged and not is_first_name(nick)) \
                    or (_NOT_NICKNAME_BEFORE.search(text[max(0, m.start() - 8):m.start()])
                        and not _LITTLE_RE.fullmatch(nick)) \
                    or guard.protected(nick) or re.fullmatch(CIVILITY, nick):
                continue
            if nick not in aliases.setdefault(owner, []):
                aliases[owner].append(nick)
    for owner, nick in [*_short_forms_after(texts, names), *_legend_initials(texts, names),
                        *_bracket_initials(texts, names), *_mixed_initials(texts, names),
                        *_declared_nicknames(texts, names)]:
        if nick not in aliases.setdefault(owner, []):
            aliases[owner].append(nick)
    return aliases


# A nickname the notes declare: « Patou = surnom de Patrick V. », « Patrick, dit « Patou » »,
# « Patrick, surnommé Patou », « il appelle Patrick « Patou » ».
_OWNER = _FIRST + r"(?:[ \t]+(?:" + _FIRST + r"|" + _UP + r"\.))?"
_DECLARED_RE = (
    re.compile(r"(?<![\w-])(?P<nick>" + _FIRST + r")\s*=\s*(?:le\s+|son\s+)?surnom\s+d(?:e\s+|['’])"
               r"(?P<owner>" + _OWNER + r")"),
    re.compile(r"(?<![\w-])(?P<owner>" + _OWNER + r")(?:,\s*(?:surnommée?|dite?)\s+«?|\s+"
               r"surnommée?\s+«?|\s+dite?\s+«)\s*(?P<nick>" + _FIRST + r")(?![\w-])"),  # not
    # « Julie dit Marc est là »
    re.compile(r"(?<![\w-])appel(?:le|lent|ait|aient)\s+(?P<owner>" + _OWNER + r")\s+«\s*(?P<nick>"
               + _FIRST + r")\s*»"),
    re.compile(r"(?<![\w-])(?P<owner>" + _OWNER + r")\s*\([^()]{0,40}?\bl['’]appel(?:le|lent|ait"
               r"|aient)\s+[«\"“]\s*(?P<nick>" + _FIRST + r")\s*[»\"”]"),  # « Kévin (les
    # collègues l'appellent "Kéké") »
    # « le surnom « Vai » = Vaiana »
    re.compile(r"(?<![\w-])surnom\s+«\s*(?P<nick>" + _FIRST + r")\s*»\s*(?:=|:|pour|c['’]est"
               r"|désigne)\s*(?P<owner>" + _OWNER + r")(?![\w-])"))


def _declared_nicknames(texts: list[str], names: Names) -> list[tuple[str, str]]:
    """(person, nickname) for each nickname the notes declare (``_DECLARED_RE``) of a
    person found, by their name or a form of it that is theirs alone; the nickname no
    French word, no place, no one else's form."""
    matches = [m for text in texts if "surnom" in text or "dit" in text or "appel" in text
               for pattern in _DECLARED_RE for m in pattern.finditer(text)]
    if not matches:
        return []
    owners: dict[str, set[str]] = {}
    for name in names.names():
        for form in (name, *name_forms(name)):
            owners.setdefault(fold_lower(form), set()).add(name)
    pairs = []
    for m in matches:
        owner, nick = owners.get(fold_lower(m.group("owner")), set()), m.group("nick")
        if len(owner) == 1 and fold_lower(nick) not in owners \
                and not names.word(nick, initial=True) \
                and fold_keep_case(nick) not in names.located \
                and fold_keep_case(nick) not in names.towns:  # the writing's places, not the
            # model's tags (« Patou » is an organisation for it)
            pairs.append((next(iter(owner)), nick))
    return pairs


# The « Ti- » of the Antilles and Guyane (« petit ») before a first name or its start:
# « Ti-Paul », « Ti-Rod »; not « ti-punch », « ti-moun » in lower case.
_LITTLE_RE = re.compile(r"(?<![\w-])Ti-(?P<given>" + _UP + _LOW + r"+)(?![\w-])")


def _little_nicknames(texts: list[str], names: Names,
                      protected: list[list[tuple[int, int]]]) -> list[tuple[str, str]]:
    """(person, nickname) for each « Ti-Paul », « Ti-Rod » of the notes whose first name
    is one of the list or the start (3 letters and more) of a found person's: that
    person when only one has it (« Ti-Rod » of Rodrigue Tarcy), else "" (the nickname
    is someone of its own: « Ti-Jo »). Not in a place's name (``protected``: the
    texts' protected spans)."""
    matches = [(m.group(), m.group("given")) for text, kept in zip(texts, protected)
               if "Ti-" in text for m in _LITTLE_RE.finditer(text)
               if not overlaps(m.start(), m.end(), kept)]
    if not matches:
        return []
    pieces = {name: [fold_lower(p) for p in split_name(name)[0].split("-") if p]
              for name in names.names() if is_full_name(name)}
    found = []
    for nick, given in dict.fromkeys(matches):
        start = fold_lower(given)
        owners = [name for name, firsts in pieces.items()
                  if any(p == start or (len(start) >= 3 and p.startswith(start))
                         for p in firsts)]
        if owners or is_first_name(given):
            found.append((owners[0] if len(owners) == 1 else "", nick))
    return found


# A legend of the initials the team signs with: "(SCD = Sylvie, TM = Tatiana, MaT =
# Maëlle)".
_LEGEND_RE = re.compile(r"(?<![\w-])(?P<initials>" + _UP + r"[A-Za-z]{0,2}" + _UP
                        + r")\s*=\s*(?P<first>" + _FIRST + r")(?![\w-])")


# ... or initials in brackets right after the full name, a role before them maybe:
# « **Christophe Lefèvre** (ChL), passé 15 min », « Christophe Lebrun (gérant, CLe) »,
# then « ChL : » as the speaker's label.
_BRACKET_INITIALS_RE = re.compile(r"(?<![\w-])(?P<name>" + _FIRST + r"\s+" + _SURNAME
                                  + r")\**\s*\((?:[^(),\n]{1,40},\s*)?(?P<initials>" + _UP
                                  + r"[A-Za-z]{0,2}" + _UP + r"[a-z]?)\s*[,;)]")


def _initials_of(name: str, initials: str) -> bool:
    """Do the capitals of ``initials`` open with the first letter of ``name`` and end
    with its surname's (« MaT » of Maëlle Tanguy, « ChL » of Christophe Lefèvre, « CLe »
    of Christophe Lebrun)? No acronym (« RH »)."""
    surname = re.split(r"[\s-]+", fold_keep_case(split_name(name)[1]))
    capitals = [c for c in initials if c.isupper()]
    return initials not in ACRONYMS and capitals[0] == fold_keep_case(name)[0] \
        and capitals[-1] in {word[0] for word in surname if word}


def _bracket_initials(texts: list[str], names: Names) -> list[tuple[str, str]]:
    """(person, initials) for initials in brackets after a person's full name found."""
    matches = [m for text in texts if "(" in text for m in _BRACKET_INITIALS_RE.finditer(text)]
    found = {Names.key(name): name for name in names.names()} if matches else {}
    return [(found[key], m.group("initials")) for m in matches
            if (key := Names.key(m.group("name"))) in found
            and _initials_of(found[key], m.group("initials"))]


# Initials with a letter in lower case, as a team tells two people apart: « OLe » of
# Olivier Lemaire, « ChL » of Christophe Lefèvre.
_MIXED_INITIALS_RE = re.compile(r"(?<![\w'’&-])(?:" + _UP + _LOW + _UP + "|" + _UP + _UP
                                + _LOW + r")(?![\w'’&-])")  # « OLe », « STé », « AnM »


def _mixed_initials(texts: list[str], names: Names) -> list[tuple[str, str]]:
    """(person, initials) for three letters written so (:data:`_MIXED_INITIALS_RE`)
    that are the first letter of one person's first name and the two of the surname,
    or the two of the first name and the surname's first: « fiches HV / OLe / KD »
    (Olivier Lemaire). Two people who share them: the listed one's, if one only is
    (« Debrief AnM / OA » of the team's Anziza Madi, not Anli Mchangama); else, or
    an acronym, no one's."""
    seen = {fold_keep_case(m.group()): m.group() for text in texts
            for m in _MIXED_INITIALS_RE.finditer(text)}  # folded: as written
    if not seen:  # most folders: no need to list the people found
        return []
    owners: dict[str, list[str]] = {}
    for name in names.names():
        first, last = (fold_keep_case(part.strip()) for part in split_name(name))
        if len(first) > 1 and len(last) > 1 and first[1].isalpha() and last[1].isalpha():
            for form in {first[0].upper() + last[0].upper() + last[1].lower(),
                         first[0].upper() + first[1].lower() + last[0].upper()}:
                owners.setdefault(form, []).append(name)
    owned = {form: people if len(people) == 1 else
             [n for n in people if Names.key(n) in names.listed]
             for form, people in owners.items() if form in seen and form not in ACRONYMS}
    return [(people[0], seen[form]) for form, people in sorted(owned.items())
            if len(people) == 1]


def _legend_initials(texts: list[str], names: Names) -> list[tuple[str, str]]:
    """(person, initials) for each legend "MaT = Maëlle" whose first name is one person
    found's alone, the initials opening with its first letter and ending with the
    surname's; no acronym ("RH = Karim" is a role)."""
    legends = [m for text in texts for m in _LEGEND_RE.finditer(text)]
    if not legends:  # most folders: no need to list the people found
        return []
    people: dict[str, list[str]] = {}
    for name in names.names():
        first, last = split_name(name)
        if first and last:
            people.setdefault(fold_lower(first), []).append(name)
    pairs = []
    for m in legends:
        initials, owners = m.group("initials"), people.get(fold_lower(m.group("first")), [])
        if len(owners) == 1 and _initials_of(owners[0], initials):
            pairs.append((owners[0], initials))
    return pairs


# A full name, then in brackets the short form the notes call the person by: "Florian
# Meyer (Flo)", "Sébastien Collignon (Séb)".
_SHORT_AFTER_RE = re.compile(r"(?<![\w-])(?P<full>" + _FIRST + r"(?:[ \t]+" + _FIRST
                             + r"){1,2})[ \t]*\((?P<nick>" + _FIRST + r")\)")


def _short_forms_after(texts: list[str], names: Names) -> list[tuple[str, str]]:
    """(person, short form) for each full name found followed by a short form of its
    first name in brackets: its beginning ("Flo" of Florian) or a diminutive the
    lexicon knows ("Séb"); not a French word."""
    pairs = []
    for text in texts:
        for m in _SHORT_AFTER_RE.finditer(text):
            owner, nick = names.found.get(Names.key(m.group("full"))), m.group("nick")
            first = owner.split()[0] if owner else ""
            if not owner or nick == first or not is_first_name(first) \
                    or names.word(nick, initial=False):
                continue
            if fold_lower(first).startswith(fold_lower(nick)) or fold_lower(nick) in {
                    fold_lower(short) for short in diminutives(first)}:
                pairs.append((owner, nick))
    return pairs


_SURNAME_IN_BRACKETS_RE = re.compile(  # « Maxime [Teyssier ?] »: a surname not sure
    r"(?<![\w.'’-])(?P<first>" + _FIRST + r")\s*(?:\((?P<last>" + _UP + r"[\w'’]+(?:-" + _UP
    + r"[\w'’]+)?)(?=\s*[,)])|\[(?P<unsure>" + _UP + r"[\w'’]+(?:-" + _UP
    + r"[\w'’]+)?)(?=\s*\??\s*\]))")


def _bracketed_surnames(texts: list[str], names: Names, guard: Replacer) -> list[str]:
    """A first name the notes name someone by, then the surname in brackets: "Hamza
    (Aït-Kaci, animateur de la Cité éducative)", "Fabrice (Hoareau)", "Nuno (Ferreira)"
    (the model's tag of a lone surname as a place does not count: it tags many); not a
    word, a town, a place or an organisation's word as the notes write them ("à X",
    "X Services"; nor a word or a place in a compound: "Ouest-France"), nor a first
    name ("Paco (Francisco Herrera)": a nickname), nor capitals closing an acronym
    ("Samia Haddad (PsyEN, CIO)");
    nor after "de", "à", "avec"... ("foyer de Montpellier (Tehei)") unless a first name
    that is no place comes first ("avec Antonio (Ribeiro), le chef de site"); nor a word the
    notes write without that first name too ("Mathis (Ris-Orangis)", "| Ris-Orangis |")."""
    pairs: dict[str, tuple[str, str]] = {}  # each pair once: a note may repeat it
    for text in texts:
        for m in _SURNAME_IN_BRACKETS_RE.finditer(text):
            first, last = m.group("first"), m.group("last") or m.group("unsure")
            if f"{first} {last}" in pairs or names.key(first) not in names.found \
                    or is_first_name(last) \
                    or any(len(p) >= 4 and names.word(p, initial=True) or is_place(p)
                           for p in last.split("-")) \
                    or last.isupper() or re.search(r"[a-z][A-Z]{2}", last) or is_town(last) \
                    or fold_keep_case(last) in names.located | names.towns | names.parts \
                    or (_NOT_NICKNAME_BEFORE.search(text[max(0, m.start() - 8):m.start()])
                        and not _someone_by_first_name(first)) \
                    or guard.protected(last):
                continue
            pairs[f"{first} {last}"] = (first, last)
    where = _holding(texts) if pairs else {}
    return [pair for pair, (first, last) in pairs.items()
            if not _written_alone(last, first, where.get(last, texts))]


def _someone_by_first_name(word: str) -> bool:
    """Is ``word`` a first name of the list and no town or place (not « Florence »)?"""
    return is_first_name(word) and not is_town(word) and not is_place(word)


def _holding(texts: list[str]) -> dict[str, list[str]]:
    """Each capitalised word of ``texts`` -> the texts holding it."""
    where: dict[str, list[str]] = {}
    for text in texts:
        for word in dict.fromkeys(re.findall(_UP + r"[\w'’-]*", text)):
            where.setdefault(word, []).append(text)
    return where


def _written_alone(word: str, first: str, texts: list[str]) -> bool:
    """Do the notes write ``word`` once at least other than after ``first``? (No regular
    expression: compiling one per word costs more than the search.)"""
    def inside(char: str) -> bool:
        return char.isalnum() or char in "_'’-"
    for text in texts:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not (start and inside(text[start - 1])) \
                    and not (end < len(text) and inside(text[end])) \
                    and not text[max(0, start - len(first) - 3):start].rstrip(" ([") \
                    .endswith(first):
                return True
            start = text.find(word, end)
    return False


# The words that open a spoken sentence, never an organisation's or a place's name.
_SPEECH_OPENINGS = frozenset({"moi", "je", "j", "il", "elle", "on", "nous", "vous", "ils",
                              "elles", "et", "mais", "donc", "alors", "puis", "ensuite",
                              "bon", "ben", "oui", "non", "voila"})


def _parts(entities: Iterable[str], names: Names) -> frozenset[str]:
    """The words of the organisations and places of two words or more that hold a French
    word ("Martin" of "Boulangerie Martin", "Mission locale de Toulouse"), joined to
    another word between the same punctuation marks; not of those the model tags so for
    want of context ("Nolwenn NG", a table's cell; "Présents : Thuy", "Participants :
    ANCELIN Thibault", "Thuy (16) - vient": punctuation between), nor of those a common
    first name opens ("Loïc Meunier")."""
    parts: set[str] = set()
    for entity in entities:
        words = re.findall(r"[\w'’-]+", entity)
        if _given_name(words):
            continue  # "(Loïc Meunier, AEMO)": a given first name opens a person's name
        if fold_lower(re.split(r"[\s'’]", entity.strip(), maxsplit=1)[0]) in _SPEECH_OPENINGS:
            continue  # « Moi j'ai mis Kalepo avec lui »: a sentence, no organisation
        if _verb_then_name(words, names) or (
                len(words) >= 3 and words[0][:1].isupper() and names.model is not None
                and names.model.is_verb_form(words[0].lower())):
            continue  # « (demander Josiane) »: a to-do's verb, then someone; « Rejoint
            # Kavita Govindin (CIO Saint-Paul) »: a sentence opening with its verb
        # the words joined between two punctuation marks, where one is a French word:
        # « Participants : ANCELIN Thibault » holds a word, but not beside the name; nor
        # a table's cell that is a surname in capitals and a first name (« POMMIER Léa |
        # Périgueux »; but « Colas Mayotte », « Océane Propreté » are firms)
        for stretch in re.split(r"[^\w\s'’-]+", entity):
            tokens = re.findall(r"[\w'’-]+", stretch)
            if (tokens and tokens[0].isupper() and _given_name(tokens)) or _pair(tokens):
                continue
            if any(not w[:1].isupper() or (names.word(w, initial=True, notes=False)
                                           and not is_first_name(w))
                   for w in tokens if len(w) > 1 and w.lower() not in _PARTICLES):
                parts.update(fold_keep_case(token) for i, token in enumerate(tokens)
                             if (i or (len(tokens) > 1 and tokens[1][:1].isupper()))
                             and not (i and fold_lower(tokens[i - 1]) in _KIN_WORDS))
    return frozenset(parts)


def _verb_then_name(tokens: list[str], names: Names) -> bool:
    """Are an entity's ``tokens`` a verb's infinitive, then a given first name and
    capitalised words: « demander Josiane », « rappeler Sabrina Benali », which the
    model tags as an organisation? Not « plateau Roy », a place."""
    if not 2 <= len(tokens) <= 4 or not tokens[0].islower() or not names.infinitive(tokens[0]):
        return False
    given = first_name_rank(tokens[1])
    return given is not None and given < _GIVEN_FIRST_NAMES \
        and all(w[:1].isupper() for w in tokens[1:])


def _taken_up(texts: list[str]) -> frozenset[str]:
    """The first names ``texts`` take up with "il" or give an age, after no preposition
    (:data:`_TAKEN_UP_RE`), folded: someone's even where the word is a French word."""
    return frozenset(
        fold_keep_case(m.group(1)) for text in texts for m in _TAKEN_UP_RE.finditer(text)
        if is_first_name(m.group(1))
        and not _PREPOSITION_BEFORE.search(text, max(0, m.start() - 12), m.start()))


def _pair(words: list[str]) -> bool:
    """Are ``words`` two first names of the list joined by « et » or « ou »: two people
    (« Kenzo et Enzo », which the model tagged as one thing), no organisation?

    >>> _pair(["Kenzo", "et", "Enzo"]), _pair(["Bouygues", "et", "Fils"])
    (True, False)
    """
    return len(words) == 3 and words[1] in ("et", "ou") and all(
        w[:1].isupper() and not w.isupper() and first_name_rank(w) is not None
        for w in words[::2])


def _given_name(words: list[str]) -> bool:
    """Are ``words`` a person's name: two or three capitalised words (particles aside,
    "Gwendal Le Moal") that a given first name opens, or follows a surname in capitals
    as sign-up sheets write it ("MARQUANT Enzo"; "BARRY Mamadou⏎Haute-Loire", the next
    line's word joined by the reader); not "CCI France"."""
    words = [w for w in words if len(w) > 1 and w.lower() not in _PARTICLES]
    if len(words) not in (2, 3) or not all(w[:1].isupper() for w in words) \
            or words[0] in ACRONYMS:
        return False
    given = first_name_rank(words[1] if words[0].isupper() else words[0])
    return given is not None and given < _GIVEN_FIRST_NAMES


# An item of a list or a table's cell shaped as a name: a capitalised word or two,
# initials and a surname, a first name and an initial, or initials alone; a first name
# and a surname in capitals ("Seleone TELAI"); a surname with its particle before the
# first name, as meeting tools list people ("Le Roux Solenn").
_NAMELIKE = re.compile(r"(?:" + _UP + r"\.(?:-?" + _UP + r"\.)?\s?|(?:Le|La|Du|Des|De|Van|Von)\s+)?"
                       + _FIRST + r"(?:\s+" + _FIRST
                       + r"|\s+[A-Z]\.?|\s+" + _UP + r"{2,}(?:[ -]" + _UP + r"{2,})?)?"
                       + r"|[A-Z]{2,3}|(?:[A-Z]\.){2,3}|" + _UPPER_FIRST)


# A tracking table's « Nom, prénom » cell: "Uhila, Iosefo".
_SURNAME_FIRST = re.compile(r"(" + _FIRST + r"),\s+(" + _FIRST + r")")


def _surname_first_columns(names: Names, columns: list[list[str]]) -> None:
    """A table's « Nom, prénom » column ("| Waheo, Warren |", "| Uhila, Iosefo |"): where
    most cells are so written, and most of them end with a first name of the list, each
    is someone ("Iosefo Uhila"), unless a French word or a place. Not "| Nouméa, Ducos |"."""
    for column in columns:  # of _table_columns
        pairs = [m for cell in column if (m := _SURNAME_FIRST.fullmatch(cell))]
        if len(pairs) < 3 or len(pairs) * 5 < len(column) * 3 or \
                sum(is_first_name(m[2]) for m in pairs) * 5 < len(pairs) * 3:
            continue
        for match in pairs:
            if names.beside_names(f"{match[2]} {match[1]}"):
                names.add(f"{match[2]} {match[1]}", trust="trusted")


def _beside_names(names: Names, texts: list[str], columns: list[list[str]]) -> None:
    """Items of a list and cells of a table's column that look like the names found
    beside them are names too: "Tutrices : Ferrand-Jolivet, Amrani, Nowak, Wattrelot"
    where most are found, "| SN | 16 |" in the column of "| Emma C. |" and
    "| Justine P. |". Not a French word, an acronym of the field, or a place."""
    lists = [items for text in texts for items in _list_items(text)]
    words = {w for name in names.found.values() for w in _folded_words(name)}
    for items in [*lists, *columns]:  # the texts' tables' (_table_columns)
        shaped = [i for i in items if _NAMELIKE.fullmatch(i)]
        if len(items) < 3 or len(shaped) * 5 < len(items) * 3:
            continue  # at least 3 items, 60 % of them shaped as names
        known = [i for i in items if names.knows(i, words)]
        if not (known and len(shaped) == len(items)) and (
                len(known) < 2 or len(known) * 5 < len(items) * 2):
            continue  # all shaped as names and one found, or 2 and 40 % found
        for item in shaped:
            if item not in known and not re.fullmatch(CIVILITY, item) \
                    and fold_lower(item) not in KNOWN_ORGANISATIONS \
                    and names.beside_names(item):  # "Présents : BPD, Elior (Mme Soulas)"
                names.add(item, trust="trusted")


def _list_items(text: str) -> list[list[str]]:
    """The items of each list after a label ("Acheteurs : Castelnau, Deconinck (Lille)",
    "achats : Quéméner (rectorat), Tessier, Raffin"): a list ends at the next label."""
    if CELL_SEP in text:  # a table's row: its columns are read apart
        return []
    lists = []
    bodies = re.sub(r"\([^)]*\)", " ", text).split(":")[1:]
    for n, body in enumerate(bodies, 1):
        items = [i.strip(" .*_") for i in re.split(r"[,;/]|\bet\b|&", body)
                 if len(i.strip(" .*_")) > 1 and not re.fullmatch(CIVILITY, i.strip(" *_"))]
        if items and " " in items[-1] and len(re.split(r"[,;]", body)) > 1 and \
                n < len(bodies):  # "Messaoudi Coordination MLDS" before a label;
            items[-1] = items[-1].split()[0]  # not "Cne Marchand" ending the list
        lists.append(items)
    return lists


_LETTER = re.compile(r"[^\W\d_]")


def _table_columns(texts: list[str]) -> list[list[str]]:
    """The columns of the tables (rows as "a |  | c |  |", one after another, as many
    cells: the reader keeps a row's empty cells); an empty cell or its mark ("—", "?")
    is no item of its column."""
    columns: list[list[str]] = []
    rows: list[list[str]] = []
    for text in [*texts, ""]:
        cells = [c.strip(" *_") for c in row_cells(text)]
        if rows and len(cells) != len(rows[-1]):
            columns += [[row[i] for row in rows if _LETTER.search(row[i])]
                        for i in range(len(rows[0]))]
            rows = []
        if cells:
            rows.append(cells)
    return columns


def _complete(names: Names, texts: list[str], guard: Replacer) -> None:
    """A surname found alone ("Mme Roux") makes a name of what stands before it
    elsewhere: initials ("B. Le Roux") or a first name that is no word nor a town; a
    capital mid-sentence makes no first name of a word of no list (« Sud Rénov' 974 »).
    The model's places after "à" count as towns only when on the list of towns: it tags
    first names of no list so too (« proposée à Ahamada », then « Ahamada Soilihi »)."""
    singles = sorted((n for n in names.found.values() if " " not in n and len(n) > 2
                      and n[0].isupper()), key=len, reverse=True)
    if not singles:
        return
    pattern = re.compile(r"(?<![\w-])(" + INITIALS + r"|" + _FIRST + r")"
                         r"\s+((?:(?:Le|La|De|Du|Da|Van|Von|d')\s?)?(?:"
                         + "|".join(map(re.escape, singles)) + r"))(?![\w-])")
    protected = [guard.protected(text) for text in texts]  # for both passes
    for text, kept in zip(texts, protected):
        for match in pattern.finditer(text):
            first, (start, stop) = match.group(1), match.span()
            if overlaps(start, stop, kept) or re.fullmatch(CIVILITY, first) \
                    or (not _is_initial(first.rstrip(".")) and (names.word(
                    first, initial=_initial(text, match.start())) or fold_keep_case(first)
                    in names.towns or (fold_keep_case(first) in names.located
                                       and is_town(first)) or (
                    not is_first_name(first) and names.word(first, initial=True)))):
                continue  # "Marseille Provence": a town, not a first name
            names.add(f"{first} {match.group(2)}", trust="trusted")
    _complete_after(names, texts, protected, singles)
    _complete_particles(names, texts)


def _complete_particles(names: Names, texts: list[str]) -> None:
    """A surname with its small particle found after a civility (« Mme de Saint-Aubin »)
    makes a name of a first name right before it elsewhere (« l'élue, Diane de
    Saint-Aubin, ... »), though the surname has a place's shape: a first name before
    « de » and a town is someone of the town only when the town is no one's surname."""
    particled = sorted((n for n in names.trusted if re.fullmatch(
        r"(?:de|du|d['’])\s?" + _UP + r"\S+", n)), key=len, reverse=True)
    if not particled:
        return
    pattern = re.compile(r"(?<![\w-])(" + _FIRST + r")\s+(" + "|".join(map(re.escape, particled))
                         + r")(?![\w-])")
    for text in texts:
        for match in pattern.finditer(text):
            if is_first_name(match.group(1)) and not names.word(
                    match.group(1), initial=_initial(text, match.start())):  # « Diane »
                names.add(f"{match.group(1)} {match.group(2)}", trust="trusted")


def _complete_after(names: Names, texts: list[str], protected: list[list[tuple[int, int]]],
                    singles: list[str]) -> None:
    """A name found alone (« Silino : », a speaker) makes a name of the capitalised word
    after it (« le chef de village (Silino Mulitalo) ») when that word is no French word
    nor lemma, no first name of its own, no town, nor a place or an organisation's word
    by the notes' writing (not "Karim Sophie", "Silino Construction", "Léa Calvi"); the
    model's tags elsewhere do not veto it (:meth:`Names.written_as_name`). Not a first
    name in brackets after a civility and a surname (« M. Lataifeui (Iosefo) »): notes
    write « Mme Courtois (Constructys) », « M. Cornu (Eiffage) » as often. A rare first
    name of the list counts as a name found alone (« Matahi Tavaearii », which the model
    called an organisation); a common one is the strict pairs' (« Karim Sophie »)."""
    def surname_like(word: str) -> bool:
        return names.written_as_name(word) and not is_first_name(word) \
            and names.key(word) not in names.found
    after = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, singles)) + r")\s+("
                       + _SURNAME + r")(?![\w'’-])")
    for text, kept in zip(texts, protected):  # kept: the guard's spans of each text
        for match in after.finditer(text):
            if not overlaps(match.start(), match.end(), kept) \
                    and surname_like(match.group(2)) and not common_first_name(match.group(1)) \
                    and not names.word(match.group(1), initial=True, notes=False):
                names.add(f"{match.group(1)} {match.group(2)}", trust="trusted")
