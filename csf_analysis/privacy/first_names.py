"""French first names: is a word someone's first name?

The list is INSEE's file of the first names given in France (public data),
shipped in ``data/prenoms.txt`` (33,478 names, most given first), read once.
Many of its names are also French words (``Pierre``, ``Claire``, ``Mars``):
the list says a word *can* be a first name; :mod:`csf_analysis.privacy.pseudonymise`
asks the pipeline's lexicon whether it is a word too.

Example:
    >>> is_first_name("Gwendal"), is_first_name("nolwenn"), is_first_name("Toulouse")
    (True, True, False)
    >>> is_first_name("Marie-Inès"), is_first_name("Jean-Toulouse")
    (True, False)
"""
from __future__ import annotations

import functools
import re

from ..text import fold
from ..words import WORDS, data_list

__all__ = ["COMMON_RANK", "DIMINUTIVES", "diminutives", "first_names", "is_first_name",
           "nicknames", "not_common", "rank"]

# The short forms French notes use for a first name ("Seb" for Sébastien), three
# letters and more: a listed person is replaced under them too.
DIMINUTIVES: dict[str, list[str]] = dict(WORDS["names"]["diminutives"])


def diminutives(first: str) -> list[str]:
    """The short forms of ``first`` ("Sébastien" -> ["Seb", "Séb"]), the first of a
    compound first name's too ("Mohamed-Amine" -> ["Momo"]).

    >>> diminutives("Sébastien"), diminutives("Mohamed-Amine")
    (['Seb', 'Séb'], ['Momo'])
    """
    key = fold(first.strip())
    shorts = DIMINUTIVES.get(key) or DIMINUTIVES.get(key.split("-")[0], [])
    accented = [first[:len(s)] for s in shorts if fold(first[:len(s)].strip()) == s.lower()
                and first[:len(s)] != s]  # "Séb" of "Sébastien"
    return list(dict.fromkeys([*shorts, *accented]))


_VOWELS = set("aeiouy")
# The most given first names (Pierre, Luc, Max): a word of them is likely someone's,
# and a short form that is one is likely someone else's.
COMMON_RANK = 1000


def nicknames(first: str) -> list[str]:
    """The short forms a hurried note makes of ``first`` beyond the table: its start cut
    after a consonant, 3 to 5 letters, two letters at least left ("Rod" and "Rodr" of
    Rodrigue), and its first syllable doubled ("Gégé" of Gérard, "Mimi" of Michel); a
    compound's first name and the start of the second ("Marie-Do" of Marie-Dominique).
    Neither is a common first name itself; the caller drops those that are words.

    >>> nicknames("Rodrigue"), nicknames("Gérard"), nicknames("Maxence")
    (['Rod', 'Rodr', 'Roro'], ['Gér', 'Gégé'], ['Maxen', 'Mama'])
    """
    parts = [p for p in first.split("-") if p]
    if len(parts) == 2 and parts[1][:1].isupper() and len(parts[1]) >= 4:  # "Marie-Do" of
        return [f"{parts[0]}-{parts[1][:n]}" for n in (2, 3)]  # Marie-Dominique, "Anne-So"
    head = first.split("-")[0]
    if not head[:1].isupper() or len(head) < 5:
        return []
    folded = fold(head.strip())
    cuts = [head[:n] for n in range(3, min(6, len(head) - 1))
            if folded[n - 1] not in _VOWELS and folded[n - 1].isalpha()
            and _VOWELS & set(folded[:n])]
    syllable = re.match(r"[^aeiouy]+[aeiouy]", folded)
    doubled = [head[:syllable.end()] + head[:syllable.end()].lower()] if syllable else []
    return [form for form in dict.fromkeys(cuts + doubled)
            if not_common(form)  # Luc of Lucas: another name
            and form.lower() not in {s.lower() for s in diminutives(first)}]


@functools.lru_cache(maxsize=1)
def first_names() -> dict[str, int]:
    """Every first name of the list, lower case, without accents -> its rank (0: the
    most given)."""
    names = [fold(line) for line in data_list("prenoms.txt")]
    return {name: rank for rank, name in reversed(list(enumerate(names)))}


@functools.lru_cache(maxsize=65536)
def rank(word: str) -> int | None:
    """The rank of ``word`` in the list (of its rarest part for a compound), None
    if it is no first name.

    >>> rank("Pierre") < 10 < rank("Clair"), rank("Anne-So") == rank("Anne")
    (True, True)
    >>> rank("Guy-Alain") == rank("Guy")  # 32,614th as a whole
    True
    """
    names = first_names()
    key = fold(word.strip()).replace("’", "'")
    parts = key.split("-")
    joined = max(names[p] for p in parts) if len(parts) > 1 and all(
        p in names for p in parts) else None  # a compound of first names: its rarest
    if key in names:  # a rare compound of common first names is as common as its parts
        return names[key] if joined is None else min(names[key], joined)
    if len(parts) > 1 and all(p in names for p in parts[:-1]) and parts[-1] in _clips():
        return max(names[p] for p in parts[:-1])  # "Anne-So", "Jean-Mi": as Anne, Jean
    return joined


# Particles that end a compound word but clip no first name ("Saint-Le", "Jean-De").
_NOT_CLIPS = frozenset({"le", "la", "de", "du", "di", "da", "el", "al", "les", "des", "van",
                        "von", "ben"})


@functools.lru_cache(maxsize=1)
def _clips() -> frozenset[str]:
    """The first two or three letters of the most given first names: the clipped end
    of a compound one ("So" of Anne-Sophie, "Mi" of Jean-Michel)."""
    common = [name for name, found in first_names().items() if found < COMMON_RANK]
    return frozenset(name[:size] for name in common for size in (2, 3)
                     if len(name) > size) - _NOT_CLIPS


def not_common(word: str) -> bool:
    """Is ``word`` no common first name: a rare one, or no first name at all?

    >>> not_common("Pierre"), not_common("Entreprise")
    (False, True)
    """
    found = rank(word)
    return found is None or found >= COMMON_RANK


def is_first_name(word: str) -> bool:
    """Is ``word`` (any case, accents optional) a first name, or a compound of first
    names (``Marie-Inès``, even when the list lacks the compound)?"""
    return rank(word) is not None
