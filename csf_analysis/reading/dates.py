"""French dates and durations found in the free text of interview notes.

Notes are written fast and loosely: ``3/02/2020``, ``mardi 17 décembre``,
``19 Février 2018``, ``Septembre 2017``, ``En 2018``, ``2-3 mois``,
``un mois et demi``. The regular expressions below run on an accent-folded,
lower-cased copy of the text that keeps every offset, so each match points
back at the text exactly as written. Nothing here raises on odd input: an
impossible date comes back with an empty ``iso`` and a ``problem`` that says
what to write instead.

Example:
    >>> [d.iso for d in find_dates("Entretien du 3/02/2020, notifié le 19 Février 2018")]
    ['2020-02-03', '2018-02-19']
    >>> first_date("Entretien du mardi 17 décembre", default_year=2019).iso
    '2019-12-17'
    >>> find_dates("le 09/15/2020")[0].problem
    'date impossible « 09/15/2020 » (mois 15) : écrivez-la jj/mm/aaaa (15/09/2020 ?)'
    >>> date_from_filename("entretien_tutrice_pilote_20191216.md")
    '2019-12-16'
    >>> [(d.text, d.days_min, d.days_max) for d in find_durations("2-3 mois, puis 6 semaines")]
    [('2-3 mois', 60.0, 90.0), ('6 semaines', 42.0, 42.0)]
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Callable

from ..text import fold_same_length, strip_accents
from ..words import WORDS
from .vocabulary import within_one_edit

__all__ = [
    "FoundDate", "FoundDuration", "MONTH_LABELS", "find_dates", "first_date", "personal_span",
    "date_from_filename", "find_durations",
]

MIN_YEAR, MAX_YEAR = 1900, 2099           # a day date outside is a problem
MIN_BARE_YEAR, MAX_BARE_YEAR = 1990, 2099  # a lone "2018" is a year only here


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text.

    Attributes:
        text: The matched text as written, e.g. ``"19 Février 2018"``.
        start: Offset of the first character in the searched text.
        end: Offset just after the last character.
        iso: ``"2018-02-19"`` (day), ``"2018-02"`` (month), ``"2018"``
            (year), or ``""`` when the date cannot be resolved.
        precision: ``"day"``, ``"month"`` or ``"year"``.
        problem: ``""``, or what is wrong and what to write instead. A
            problem with a non-empty ``iso`` (weekday that does not match)
            means "resolved, but check it".
    """

    text: str
    start: int
    end: int
    iso: str
    precision: str
    problem: str


@dataclass(frozen=True)
class FoundDuration:
    """A duration found in a text.

    Attributes:
        text: The matched text as written, e.g. ``"2-3 mois"``.
        start: Offset of the first character in the searched text.
        end: Offset just after the last character.
        days_min: Lower bound in days (a month is 30 days, a year 365).
        days_max: Upper bound in days (equal to ``days_min`` if not a range).
        unit: ``"jour"``, ``"semaine"``, ``"mois"``, ``"an"``, ``"heure"``
            or ``"minute"``.
    """

    text: str
    start: int
    end: int
    days_min: float
    days_max: float
    unit: str


# --- Folding: lower case, no accents, one character for one character ------


# --- Month and weekday names -------------------------------------------------

_MONTH_NAMES = tuple(strip_accents(month) for month in WORDS["calendar"]["months"])
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH_ABBREVIATIONS = dict(WORDS["calendar"]["month_abbreviations"])
MONTH_LABELS = tuple(WORDS["calendar"]["months"])  # as written: "février"
WEEKDAYS = tuple(WORDS["calendar"]["weekdays"])


@functools.lru_cache(maxsize=4096)
def _month_number(word: str) -> int | None:
    """Return the month of a folded word (``"fevrier"``, ``"févr"``, ``"setembre"``)."""
    if word in _MONTHS:
        return _MONTHS[word]
    if word in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[word]
    if len(word) >= 6:  # one typo allowed in long names only: "fevier", "decmbre"
        for name, number in _MONTHS.items():
            if len(name) >= 5 and within_one_edit(word, name):
                return number
    return None


# --- Date patterns (run on folded text) --------------------------------------

# Counted nouns: "2000 personnes" or "2000 euros" is not the year 2000.
_NOT_A_YEAR_AFTER = (
    r"(?!\s*(?:[%€$£]|(?:k|m|h|km|kg|mn|min|m2|eur|euros?|personnes?|salaries?|"
    r"eleves?|jeunes|heures?|jours?|semaines?|mois|ans|places?|postes?|habitants?|"
    r"entreprises?|candidats?|dossiers?|exemplaires?|agents?|collaborateurs?|"
    r"etudiants?|pages?)\b))"
)
_NO_NUMBER_BEFORE = r"(?<![0-9])(?<![0-9][/.\-])"
_NO_NUMBER_AFTER = r"(?![0-9]|[/.\-][0-9])"

_SLASH_DATE = re.compile(
    _NO_NUMBER_BEFORE
    + r"(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})"
    + _NO_NUMBER_AFTER
)
_DOT_DASH_DATE = re.compile(
    _NO_NUMBER_BEFORE
    + r"(?P<d>[0-9]{1,2})(?P<sep>[.\-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})"
    + _NO_NUMBER_AFTER
)
_ISO_DATE = re.compile(
    _NO_NUMBER_BEFORE + r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})" + _NO_NUMBER_AFTER
)
_TEXT_DATE = re.compile(
    r"(?=[0-9lmjvsdp])"  # cheap first-character filter: a weekday, a digit or "premier"
    r"(?:\b(?P<wd>" + "|".join(WEEKDAYS) + r")\.?,?\s+)?"
    r"(?:(?<![0-9])(?<![0-9][/.,])(?P<d>[0-9]{1,2})(?:\s*er\b)?|\b(?P<first>premier))"
    r"\s*(?P<mon>[a-z]{3,10})\b(?P<dot>\.)?"
    r"(?:,?\s+(?P<y>[0-9]{4})(?![0-9]|[.,][0-9])" + _NOT_A_YEAR_AFTER + r")?"
)
_MONTH_YEAR = re.compile(
    r"\b(?P<mon>[a-z]{3,10})\b\.?,?\s+(?P<y>[0-9]{4})(?![0-9]|[.,][0-9])" + _NOT_A_YEAR_AFTER
)
_YEAR_CUES = (
    "en", "depuis", "des", "avant", "apres", "jusqu'en", "vers", "fin", "debut",
    "mi", "courant", "annee", "annees", "rentree", "printemps", "ete", "automne",
    "hiver", "de", "d'", "l'an",
)
_BARE_YEAR = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(cue) for cue in _YEAR_CUES) + r")"
    r"|^[ \t]*(?:[-*+>#]+[ \t]*)?(?=[0-9]{4}[ \t]*:))"   # "- 2018 : notifiés"
    r"[\s\-']*(?P<y>[0-9]{4})(?![0-9]|[.,:/][0-9])" + _NOT_A_YEAR_AFTER,
    re.MULTILINE,
)
_BARE_MONTH = re.compile(r"\b(?P<mon>" + "|".join(_MONTH_NAMES) + r")\b")


_LAYOUTS = {"dd/mm/yyyy": "jj/mm/aaaa", "yyyy-mm-dd": "aaaa-mm-jj", "dd mois yyyy": "jj mois aaaa",
            "yyyymmdd": "aaaammjj"}


def _swap_hint(year: int, month: int, day: int, *, layout: str) -> str:
    """Say how to write a date whose month is impossible, with the swapped reading if valid."""
    hint = f"écrivez-la {_LAYOUTS[layout]}"
    swapped_ok = MIN_YEAR <= year <= MAX_YEAR and 1 <= day <= 12
    if swapped_ok and 1 <= month <= calendar.monthrange(year, day)[1]:
        if layout == "dd/mm/yyyy":
            hint += f" ({month:02d}/{day:02d}/{year} ?)"
        elif layout == "yyyy-mm-dd":
            hint += f" ({year}-{day:02d}-{month:02d} ?)"
    return hint


def _day_iso(text: str, year: int, month: int, day: int, *, layout: str) -> tuple[str, str]:
    """Return ``(iso, problem)`` for a day-precision date."""
    if not 1 <= month <= 12:
        hint = _swap_hint(year, month, day, layout=layout)
        return "", f"date impossible « {text} » (mois {month}) : {hint}"
    if not MIN_YEAR <= year <= MAX_YEAR:
        return "", (f"année invraisemblable dans la date « {text} » ({year}) : attendu une "
                    f"année entre {MIN_YEAR} et {MAX_YEAR}, corrigez la faute de frappe")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return "", (f"date impossible « {text} » (jour {day} ; {MONTH_LABELS[month - 1]} "
                    f"{year} a {last} jours) : écrivez un jour entre 1 et {last}")
    return f"{year:04d}-{month:02d}-{day:02d}", ""


def _full_year(digits: str) -> int:
    """Return a four-digit year: ``"20"`` -> 2020, ``"95"`` -> 1995."""
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _numeric(match: re.Match, text: str, default_year: int | None) -> FoundDate | None:
    """Resolve ``3/2/20``, ``31.12.2019``, ``03-02-2020`` and ``2020-03-12``."""
    written = text[match.start():match.end()]
    layout = "yyyy-mm-dd" if match.re is _ISO_DATE else "dd/mm/yyyy"
    year, month, day = _full_year(match["y"]), int(match["m"]), int(match["d"])
    iso, problem = _day_iso(written, year, month, day, layout=layout)
    return FoundDate(written, match.start(), match.end(), iso, "day", problem)


def _weekday_year(day: int, month: int, weekday: int, default_year: int) -> int:
    """Pick the year near ``default_year`` where this day falls on ``weekday``."""
    for year in (default_year, default_year + 1, default_year - 1):
        if MIN_YEAR <= year <= MAX_YEAR and day <= calendar.monthrange(year, month)[1]:
            if dt.date(year, month, day).weekday() == weekday:
                return year
    return default_year


def _text_day(match: re.Match, text: str, default_year: int | None) -> FoundDate | None:
    """Resolve ``[mardi] 17 décembre [2019]`` and ``1er mars 2020``."""
    month = _month_number(match["mon"])
    day = 1 if match["first"] else int(match["d"])
    if month is None or not 1 <= day <= 31:  # "45 mai" is a count, not a day
        return None
    end = match.end("y") if match["y"] else match.end("mon")
    if not match["y"] and match["dot"] and match["mon"] in _MONTH_ABBREVIATIONS:
        end = match.end("dot")
    written = text[match.start():end]
    weekday = WEEKDAYS.index(match["wd"]) if match["wd"] else None
    if match["y"]:
        year = int(match["y"])
    elif default_year is not None:
        year = default_year if weekday is None else _weekday_year(day, month, weekday, default_year)
    else:
        problem = (f"date « {written} » sans année : écrivez « {written} aaaa », ou datez "
                   f"l'entretien (un titre daté ou un nom de fichier aaaammjj)")
        return FoundDate(written, match.start(), end, "", "day", problem)
    iso, problem = _day_iso(written, year, month, day, layout="dd mois yyyy")
    if iso and weekday is not None and dt.date.fromisoformat(iso).weekday() != weekday:
        actual = WEEKDAYS[dt.date.fromisoformat(iso).weekday()]
        problem = (f"date « {written} » : le {iso} est un {actual}, pas un {match['wd']} : "
                   f"vérifiez le jour et l'année")
    return FoundDate(written, match.start(), end, iso, "day", problem)


def _month_year(match: re.Match, text: str, default_year: int | None) -> FoundDate | None:
    """Resolve ``Septembre 2017``, ``févr. 2020``, ``mai 2019``."""
    month = _month_number(match["mon"])
    year = int(match["y"])
    if month is None or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    written = text[match.start():match.end()]
    return FoundDate(written, match.start(), match.end(), f"{year:04d}-{month:02d}", "month", "")


def _bare_year(match: re.Match, text: str, default_year: int | None) -> FoundDate | None:
    """Resolve ``En 2018``, ``depuis 2017``, ``date de 2017`` (the year only)."""
    year = int(match["y"])
    if not MIN_BARE_YEAR <= year <= MAX_BARE_YEAR:
        return None
    start, end = match.span("y")
    return FoundDate(text[start:end], start, end, f"{year:04d}", "year", "")


def _bare_month(match: re.Match, text: str, default_year: int | None) -> FoundDate | None:
    """Resolve ``en octobre`` with ``default_year``; skipped without one."""
    if default_year is None or not MIN_YEAR <= default_year <= MAX_YEAR:
        return None
    month = _MONTHS[match["mon"]]
    start, end = match.span("mon")
    return FoundDate(text[start:end], start, end, f"{default_year:04d}-{month:02d}", "month", "")


_Resolver = Callable[[re.Match, str, "int | None"], "FoundDate | None"]
_DATE_PATTERNS: tuple[tuple[re.Pattern, _Resolver], ...] = (
    (_SLASH_DATE, _numeric),
    (_DOT_DASH_DATE, _numeric),
    (_ISO_DATE, _numeric),
    (_TEXT_DATE, _text_day),
    (_MONTH_YEAR, _month_year),
    (_BARE_YEAR, _bare_year),
    (_BARE_MONTH, _bare_month),
)


def find_dates(text: str, *, default_year: int | None = None) -> list[FoundDate]:
    """Find the French dates of a text, in text order.

    Args:
        text: Any text (a heading, a statement, a whole note).
        default_year: Year given to a day and month written without one
            (``mardi 17 décembre``) and to a lone month (``en octobre``),
            e.g. the year of the interview. With a weekday, the year next to
            it where the weekday matches wins. Without it, a day and month
            get an empty ``iso`` and a problem, a lone month is skipped.

    Returns:
        Non-overlapping dates; where candidates overlap, the one that starts
        first and then the longest wins (``mardi 17 décembre 2019`` is one
        date, not three).
    """
    folded = fold_same_length(text)
    candidates: list[FoundDate] = []
    for pattern, resolve in _DATE_PATTERNS:
        for match in pattern.finditer(folded):
            found = resolve(match, text, default_year)
            if found is not None:
                candidates.append(found)
    candidates.sort(key=lambda found: (found.start, found.start - found.end))
    kept: list[FoundDate] = []
    for found in candidates:
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept


def first_date(text: str, *, default_year: int | None = None) -> FoundDate | None:
    """Return the first date of ``text`` in text order (see :func:`find_dates`), or None."""
    dates = find_dates(text, default_year=default_year)
    return dates[0] if dates else None


_FILENAME_DATES = (
    re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[-_.]?)(?P<m>[0-9]{2})(?P=sep)"
               r"(?P<d>[0-9]{2})(?![0-9])"),
    re.compile(r"(?<![0-9])(?P<d>[0-9]{2})(?P<sep>[-_.])(?P<m>[0-9]{2})(?P=sep)"
               r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])"),
)


def date_from_filename(name: str) -> str:
    """Return the ISO date written in a file name, or ``""``.

    Args:
        name: A file name or path: ``20200526_acheteur.md``,
            ``entretien_tutrice_pilote_20191216.md``,
            ``observation-run-20200302.md``, ``2020-03-12-test.md``,
            ``26-05-2020_test.md``.

    Returns:
        ``"yyyy-mm-dd"`` for the first valid date of the name (folders are
        ignored); ``""`` if there is none or it is impossible (``20201331``).
    """
    base = PurePath(name).name
    for pattern in _FILENAME_DATES:
        for match in pattern.finditer(base):
            year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
            iso, problem = _day_iso(match[0], year, month, day, layout="yyyymmdd")
            if iso:
                return iso
    return ""


# --- Durations -------------------------------------------------------------

def _number_words() -> dict[str, int]:
    """Return French number words from 1 to 69, and 100, as written in notes."""
    units = ("", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
             "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize")
    words = {word: value for value, word in enumerate(units) if word}
    words.update({"une": 1, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "cent": 100})
    for tens, value in (("vingt", 20), ("trente", 30), ("quarante", 40),
                        ("cinquante", 50), ("soixante", 60)):
        words[tens] = value
        for one in ("un", "une"):
            words[f"{tens} et {one}"] = words[f"{tens}-et-{one}"] = value + 1
        for unit in range(2, 10):
            words[f"{tens}-{units[unit]}"] = value + unit
    return words


_NUMBER_WORDS = _number_words()
_APPROX_WORDS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
                 "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "centaine": 100}
_UNITS = {
    "jour": "jour", "jours": "jour", "journee": "jour", "journees": "jour",
    "semaine": "semaine", "semaines": "semaine", "mois": "mois",
    "an": "an", "ans": "an", "annee": "an", "annees": "an",
    "heure": "heure", "heures": "heure", "h": "heure",
    "minute": "minute", "minutes": "minute", "min": "minute", "mn": "minute",
}
_DAYS_PER_UNIT = {"jour": 1.0, "semaine": 7.0, "mois": 30.0, "an": 365.0,
                  "heure": 1 / 24, "minute": 1 / 1440}

_NUMBER = (
    r"(?:[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])|[0-9]+(?:[.,][0-9]+)?|(?:"
    + "|".join(re.escape(w) for w in sorted([*_NUMBER_WORDS, "demi"], key=len, reverse=True))
    + r")\b)"
)
_DURATION = re.compile(
    r"(?=[0-9udtqcshnov])"  # cheap first-character filter: a digit or a number word
    r"(?<![\w.,/:°\-])"
    r"(?:(?P<approx>une\s+(?:" + "|".join(_APPROX_WORDS) + r")\s+(?:de\s+|d'))"
    r"|(?P<a>" + _NUMBER + r")(?:\s*(?:-|a|ou|et)\s*(?P<b>" + _NUMBER + r"))?\s*(?:-\s*)?)"
    r"(?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
    r"(?P<half>\s+et\s+demie?)?(?!\w)"
)
# "un jeune de 17 ans" is an age, not a duration.
_AGE_BEFORE = re.compile(
    r"(?:\bagee?s?|\bjeunes?|\beleves?|\bfilles?|\bgarcons?|\benfants?)\s+(?:de\s+)?"
    r"(?:moins\s+de\s+|plus\s+de\s+|entre\s+)?$"
)


def _number_value(written: str) -> float:
    """Return the value of a folded number: ``"2"``, ``"1,5"``, ``"1 000"``, ``"deux"``."""
    if written == "demi":
        return 0.5
    if written in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[written])
    digits = re.sub(r"[ \u00a0\u202f]", "", written).replace(",", ".")
    return float(digits)


def _duration(match: re.Match, folded: str, text: str) -> FoundDuration | None:
    """Build a duration from a match, or None for "un jour" and ages."""
    unit = _UNITS[match["unit"]]
    if match["approx"]:
        low = high = float(_APPROX_WORDS[match["approx"].split()[1]])
    else:
        low, high = sorted((_number_value(match["a"]), _number_value(match["b"] or match["a"])))
        if match["a"] in ("un", "une") and unit == "jour" and not (match["b"] or match["half"]):
            return None  # "un jour, elle n'est pas venue": once, not one day long
    if unit == "an" and _AGE_BEFORE.search(folded, max(0, match.start() - 40), match.start()):
        return None
    if match["half"]:
        low, high = low + 0.5, high + 0.5
    per_unit = _DAYS_PER_UNIT[unit]
    written = text[match.start():match.end()]
    return FoundDuration(written, match.start(), match.end(), low * per_unit, high * per_unit, unit)


# Years that are someone's age or years in post, not how long the process takes:
# "elle a 17 ans", "âgé de 16 ans", "10 ans d'expérience", "acheteuse depuis 8 ans".
_PERSON_HAS = re.compile(r"(?:(?<!\by )(?<!\by\s\s)\b(?:a|ai|as|avait|avais|ont|avaient)"
                         r"|\bagee?s?\s+de)\s+(?:plus\s+de\s+|moins\s+de\s+)?$")
_IN_POST_AFTER = re.compile(r"^\s*(?:d'experience|d'anciennete|de metier|de carriere|de maison"
                            r"|dans\s+(?:le|la|l'|ce|cette|son|sa|mon|ma)\s*(?:poste|metier"
                            r"|fonction|entreprise|boite|societe|service|structure|marche))")
_IN_POST = re.compile(r"\b(?:je suis|j'occupe|je travaille|je fais ce|en poste|a ce poste"
                      r"|dans le poste|j'exerce)\b")
# "acheteuse depuis 8 ans", "tutrice ici depuis 3 ans": a role, then "depuis".
_ROLE_SINCE = re.compile(
    r"\b(?:%s)s?\s+(?:\w+\s+)?depuis\s*$"
    % "|".join(sorted(set(WORDS["speakers"]["roles"]) - {"nous", "jeune", "eleve"})))
# "les 16-18 ans", "des 16 à 25 ans": an age group, not a span of time.
_AGE_GROUP = re.compile(r"\b(?:les|des|aux|public)\s+$")
_AGE_RANGE = re.compile(r"^(\d{2})\s*(?:-|–|a|à)\s*(\d{2})\s+ans$")


def personal_span(sentence: str, written: str) -> bool:
    """Is the duration ``written`` (in years) of ``sentence`` someone's age or years in
    post rather than how long something takes?

    >>> personal_span("La jeune a 17 ans et arrive lundi.", "17 ans")
    True
    >>> personal_span("Je suis acheteuse depuis 8 ans.", "8 ans")
    True
    >>> personal_span("Il a fallu 2 ans pour signer.", "2 ans")
    False
    >>> personal_span("Il y a 2 ans, le marché a été notifié.", "2 ans")
    False
    >>> personal_span("acheteuse depuis 8 ans, avant à la Ville", "8 ans")
    True
    >>> personal_span("le public : les 16-18 ans", "16-18 ans")
    True
    >>> personal_span("les 2-3 ans du marché", "2-3 ans")
    False
    """
    folded, key = fold_same_length(sentence), fold_same_length(written)
    at = folded.find(key)
    if at < 0 or not re.search(r"\ban?s?\b|\bannees?\b", key):
        return False
    before, after = folded[max(0, at - 40):at], folded[at + len(key):]
    return bool(_PERSON_HAS.search(before) or _IN_POST_AFTER.match(after)
                or (before.rstrip().endswith("depuis") and _IN_POST.search(folded))
                or _ROLE_SINCE.search(before) or (_AGE_GROUP.search(before)
                                                  and _is_age_range(key)))


def _is_age_range(written: str) -> bool:
    """``"16-18 ans"``: two ages of a young public (10 to 30), not a span of years."""
    match = _AGE_RANGE.match(written.strip())
    return match is not None and 10 <= int(match[1]) < int(match[2]) <= 30


def find_durations(text: str) -> list[FoundDuration]:
    """Find the durations of a text, in text order.

    Args:
        text: Any text. Understood: digits or French number words
            (``6 semaines``, ``deux ans``), ranges (``2-3 mois``,
            ``2 ou 3 semaines``, ``entre 2 et 3 mois``), halves
            (``1 mois et demi``, ``une demi-journée``), approximations
            (``une quinzaine de jours`` -> 15 days) and hours or minutes
            (``10h``, ``150h``, ``25 minutes``). Clock times (``15h30``,
            ``15:42``), ``un jour`` (once) and ages (``un jeune de 17 ans``)
            are not durations.

    Returns:
        Non-overlapping durations; days are counted with a month of 30 days
        and a year of 365.
    """
    folded = fold_same_length(text)
    found = (_duration(match, folded, text) for match in _DURATION.finditer(folded))
    return [duration for duration in found if duration is not None]
