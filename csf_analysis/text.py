"""Folding text to compare words: the one home of every normalising helper.

The notes write "Élève", "eleve" and "ÉLÈVE"; the toolkit compares words
folded. Each helper here says what it keeps, because the callers need
different things: a key for loose matching (:func:`normalize`), folded words
(:func:`fold`), or a folded copy whose offsets are those of the original text,
to find something in the copy and cut it from the original
(:func:`fold_keep_case`, :func:`fold_lower`, :func:`fold_same_length`).

Example:
    >>> strip_accents("Élève"), fold("Élève"), normalize("  L’Élève  DES ")
    ('Eleve', 'eleve', "l'eleve des")
    >>> fold_keep_case("Lefèvre, Élodie"), fold_same_length("Jean–Pierre, 3 févr.")
    ('Lefevre, Elodie', 'jean-pierre, 3 fevr.')
"""
from __future__ import annotations

import unicodedata

__all__ = ["ANY_LOWER", "ANY_UPPER", "LOWER", "UPPER", "fold", "fold_keep_case", "fold_lower",
           "fold_same_length", "normalize", "strip_accents"]


def _latin_letters(test) -> str:
    """The Latin letters beyond ASCII that pass ``test``: Latin-1, Extended-A and -B
    (Polish, Turkish, Romanian, Czech) and Vietnamese (Latin Extended Additional)."""
    spans = ((0xC0, 0x24F), (0x1E00, 0x1EFF))
    return "".join(chr(c) for low, high in spans for c in range(low, high + 1)
                   if test(chr(c)))


# The bodies of regular-expression classes of capital and small letters, for the
# patterns that find names: "Đặng", "Şahin", "Yılmaz" and "Łukasz" are capitalised
# words as much as "Élodie" (``[A-ZÀ-Þ]`` knew only Latin-1); ``f"[{UPPER}][{LOWER}]+"``
# matches each of them.
UPPER = "A-Z" + _latin_letters(str.isupper)
LOWER = "a-z" + _latin_letters(str.islower)
ANY_UPPER = f"[{UPPER}]"  # a capital letter, "Đ" and "Ş" too
ANY_LOWER = f"[{LOWER}]"  # a small letter, "ı" and "ặ" too

# Letters Unicode does not decompose, though a reader sees an accent on them (Polish,
# Vietnamese, Turkish, Scandinavian names): "Łukasz" is written "Lukasz" too.
_UNDECOMPOSED = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ø": "o", "Ø": "O",
                 "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"}
_STRIPPED: dict[int, str] = {ord(k): v for k, v in _UNDECOMPOSED.items()}  # char -> no marks
_SEEN: set[str] = set(_UNDECOMPOSED)


def strip_accents(text: str) -> str:
    """``"Élève"`` -> ``"Eleve"`` (compatibility decomposition, marks dropped; the
    letters Unicode keeps whole lose their stroke too: ``"Łukasz Đặng"`` ->
    ``"Lukasz Dang"``).

    Character by character, which is what NFKD does, through a table that
    grows with the characters met: fast on long texts.
    """
    if text.isascii():
        return text
    for char in set(text) - _SEEN:
        decomposed = unicodedata.normalize("NFKD", char)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
        if stripped != char:
            _STRIPPED[ord(char)] = stripped
        _SEEN.add(char)
    return text.translate(_STRIPPED)


def fold(text: str) -> str:
    """Return ``text`` lowercased with accents removed ("Élève" -> "eleve").

    Ligatures such as "œ" are kept: both sides of a comparison are folded the
    same way, so that is harmless.
    """
    return strip_accents(text.lower())


def normalize(text: str) -> str:
    """Lowercase, strip accents, one apostrophe, collapse spaces: the key for loose
    matching of labels and headings.

    >>> normalize("  Représentation  DES jeunes ")
    'representation des jeunes'
    """
    return " ".join(strip_accents(text.replace("’", "'")).casefold().split())


def fold_keep_case(text: str) -> str:
    """Accents removed, case kept, one character for one: offsets stay valid.

    >>> fold_keep_case("Lefèvre, Élodie")
    'Lefevre, Elodie'
    """
    if text.isascii():
        return text
    return "".join(f if len(f := strip_accents(c)) == 1 else c for c in text)


def fold_lower(text: str) -> str:
    """:func:`fold_keep_case`, lower-cased: "Lefèvre" -> "lefevre"."""
    return fold_keep_case(text).lower()


# Apostrophes and dashes the notes type in several ways: one of each for the date
# patterns.
_SAME_LENGTH_SPECIAL = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
}
_same_length_table: dict[int, str] = {}
_same_length_seen: set[str] = set()


def _fold_char(char: str) -> str:
    """Return ``char`` lower-cased without accents, always one character."""
    if char in _SAME_LENGTH_SPECIAL:
        return _SAME_LENGTH_SPECIAL[char]
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    if len(base) == 1:
        return base
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold_same_length(text: str) -> str:
    """Lower case, no accents, one apostrophe and one dash, one character for one
    (offsets hold): what the date patterns read."""
    new = set(text) - _same_length_seen
    for char in new:
        folded = _fold_char(char)
        if folded != char:
            _same_length_table[ord(char)] = folded
    _same_length_seen.update(new)
    return text.translate(_same_length_table)
