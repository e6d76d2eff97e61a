"""Shorter text for the report's tables and charts' labels, never a name cut in two.

A cut inside a proper noun leaves half of it: « salle Anne de Bretagne » shortened
to « salle Anne … », « siège Saint-Brieuc » wrapped to « Saint- » / « Brieuc ». A
reader is misled (who is Anne?), and the pseudonymised build's leak check rightly
finds a listed person's first name there. So a cut never falls inside a run of
capitalised words (with the particles between them: « Anne de Bretagne »), the
run goes with the words cut, and a line never breaks at a hyphen.

Example:
    >>> shorten("Rennes, rectorat, salle Anne de Bretagne", 32)
    'Rennes, rectorat, salle …'
    >>> wrap_label("Armor Propreté, siège Saint-Brieuc", width=28)
    'Armor Propreté, siège\\nSaint-Brieuc'
"""
from __future__ import annotations

import re
import textwrap

__all__ = ["shorten", "snippet", "wrap_label"]

# The small words inside a proper noun: « Anne de Bretagne », « Jean de La Fontaine »,
# « Pierre-Mendès-France », « Vincent van Gogh ».
_INSIDE = {"de", "d'", "d’", "du", "des", "la", "le", "les", "van", "von", "der", "den",
           "di", "da", "dos", "y"}


def _capitalised(word: str) -> bool:
    """Is ``word`` a proper noun's, no punctuation closing it (« Anne », not « Anne, »)?"""
    return word[:1].isupper() and word[-1:].isalnum()


def _continues(word: str) -> bool:
    """Does ``word``, right after a capitalised one, carry the same name on?"""
    return word[:1].isupper() or word.lower() in _INSIDE \
        or re.match(r"[dD]['’]\w", word) is not None


def _kept(words: list[str], count: int) -> int:
    """How many of ``words`` to keep where ``count`` would fit: fewer when the cut
    falls inside a name (« salle Anne | de Bretagne » keeps « salle »). A text that is
    one name up to the cut is cut where it must."""
    if not 0 < count < len(words) or not _continues(words[count]):
        return count
    keep = count
    while keep > 0 and (_capitalised(words[keep - 1]) or words[keep - 1].lower() in _INSIDE):
        keep -= 1
    if keep == 0 or not any(map(_capitalised, words[keep:count])):
        return count  # « le chef de | Bretagne »: no name cut
    return keep


def _cut(text: str, short: str, placeholder: str) -> str:
    """``short`` (``textwrap``'s cut of ``text``, placeholder ending it) backed off
    out of a name."""
    words = text.split()
    kept = short[:-len(placeholder)].split() if short.endswith(placeholder) else []
    if not kept or words[:len(kept)] != kept:  # a long word cut: as it is
        return short
    keep = _kept(words, len(kept))
    return short if keep == len(kept) else " ".join(words[:keep]) + placeholder


def shorten(text: str, width: int, placeholder: str = " …") -> str:
    """``text`` in ``width`` characters at most (whole words, ``placeholder`` where cut)."""
    return _cut(text, textwrap.shorten(text, width, placeholder=placeholder), placeholder)


def wrap_label(label: str, *, width: int = 30, max_lines: int = 2) -> str:
    """Wrap a long label on ``max_lines`` lines of ``width`` characters, ending with "…"
    (no hyphen breaks a line: « Saint-Brieuc » stays whole)."""
    label = str(label)
    wrapper = textwrap.TextWrapper(width=width, break_on_hyphens=False)
    lines = wrapper.wrap(label)
    if len(lines) <= max_lines:
        return "\n".join(lines)
    short = textwrap.fill(label, width=width, max_lines=max_lines, placeholder=" …",
                          break_on_hyphens=False)
    flat = " ".join(short.split())
    cut = _cut(" ".join(label.split()), flat, " …")
    return short if cut == flat else wrapper.fill(cut)


def snippet(sentence: str, text: str, *, width: int = 60) -> str:
    """About ``width`` characters of ``sentence`` around ``text``, with "…" where cut,
    never inside a name (whole words only)."""
    words = sentence.split()
    sentence = " ".join(words)
    if len(sentence) <= width:
        return sentence
    at = max(sentence.find(text), 0)
    start = max(0, min(at + len(text) // 2 - width // 2, len(sentence) - width))
    piece = sentence[start:start + width]
    if " " not in piece:  # one long word: cut as it falls
        return ("…" if start > 0 else "") + piece + ("…" if start + width < len(sentence) else "")
    if start > 0:
        start += piece.find(" ") + 1
        piece = piece[piece.find(" ") + 1:]
    if start + len(piece) < len(sentence):
        piece = piece[:piece.rfind(" ")] if " " in piece else ""
    first = len(sentence[:start].split())
    last = _kept(words, first + len(piece.split()))
    first = len(words) - _kept(words[::-1], len(words) - first)
    return ("…" if first > 0 else "") + " ".join(words[first:last]) + (
        "…" if last < len(words) else "")
