"""The team's words: headings, labels, speakers and actors, matched loosely.

Researchers write ``Ressentis``, ``Ressenti :``, ``Apprécié``, ``Suggestions
d'améliorations`` or ``Actions à faire``; this module maps such labels to the
category vocabulary of DESIGN.md, accent- and case-insensitively, and
recognises speaker labels (``Acheteur :``, ``Tutrice pilote :``) and actors.

Example:
    >>> category_of_label("Suggestions d'améliorations")
    'suggestions'
    >>> category_of_label("Ressenti")
    'feelings'
    >>> speaker_of_label("Le commercial")
    'commercial'
    >>> actor_of_text("Entretien avec la tutrice pilote")
    'mlds'
"""
from __future__ import annotations

import functools
import re

from ..text import ANY_LOWER as _LOW
from ..text import ANY_UPPER as _UP
from ..text import normalize
from ..words import WORDS

# Keyword phrases (normalised: lowercase, no accents), matched at word starts.
CATEGORY_KEYWORDS: dict[str, tuple[str, ...]] = {
    category: tuple(keys) for category, keys in WORDS["labels"].items()}

# Speaker roles a label may start with, after an optional article.
SPEAKER_ROLES = tuple(WORDS["speakers"]["roles"])
# "La coordinatrice confirme : ..." reports speech: a sentence, not a speaker label.
REPORTING_VERBS = frozenset(WORDS["speakers"]["reporting_verbs"])

ACTOR_KEYWORDS: dict[str, tuple[str, ...]] = {
    actor: tuple(keys) for actor, keys in WORDS["actors"].items()}

_ARTICLE = (r"(?:(?:le|la|les|l'|un|une|notre|nos|mon|ma|sa|son|ses|leur|leurs"
            r"|autre|autres)\s*)?")
_ANCHORED_CATEGORIES = frozenset({"question"})  # their keywords open the label
_KEYWORD_RES = {
    category: re.compile(
        r"(?:^|[^a-z0-9])(?:" + "|".join(re.escape(k).replace(r"\$", "$") for k in keys) + r")"
    )
    for category, keys in CATEGORY_KEYWORDS.items()
}
_SPEAKER_RE = re.compile(
    r"^" + _ARTICLE + r"(" + "|".join(SPEAKER_ROLES) + r")\b(?:\s+[\w'-]+){0,2}$"
)


@functools.lru_cache(maxsize=4096)  # a name or label comes back line after line
def category_of_label(label: str, *, max_words: int = 12, anchored: bool = False) -> str:
    """Return the category a heading or label names, or ``""``.

    Keywords are searched in order of specificity (guides and takeaways
    before facts), so ``Questions prévues`` is a guide, not a fact. With
    ``anchored``, the keyword must open the label (after an article), as in
    an inline label: ``Méta : ...`` is one, ``Sortir des représentations :
    ...`` is a sentence. A guide's keywords always open the label: ``Test du
    nouveau guide des acheteurs`` is no guide.

    >>> category_of_label("Sortir des représentations", anchored=True)
    ''
    >>> category_of_label("Test du nouveau guide des acheteurs"), category_of_label("Guide")
    ('', 'question')
    """
    key = normalize(label).strip(" :*_#-")
    if not key or len(key.split()) > max_words:
        return ""
    bare = re.sub(r"^" + _ARTICLE, "", key)
    for category, pattern in _KEYWORD_RES.items():
        at_start = anchored or category in _ANCHORED_CATEGORIES
        match = pattern.search(bare if at_start else key)
        if match and (not at_start or match.start() == 0):
            return category
    return ""


# Words that open a "Word : ..." line without being anybody's first name.
_NOT_NAMES = frozenset(WORDS["speakers"]["not_names"])
_NAME_RE = re.compile(r"^" + _UP + _LOW + r"+(?:-" + _UP + _LOW + r"+)?$")


def is_label_word(word: str) -> bool:
    """Does ``word`` open a "Word : ..." line as a label's own word ("Date", "Objet"),
    never as anybody's name?"""
    return normalize(word) in _NOT_NAMES


def name_of_label(label: str) -> str:
    """The first name a label is (``Claire`` -> ``claire``), or ``""`` (``Attention``)."""
    label = label.strip(" :*_")
    if not _NAME_RE.match(label) or not 3 <= len(label) <= 20:
        return ""
    key = normalize(label)
    return "" if is_label_word(key) or category_of_label(label) else key


@functools.lru_cache(maxsize=4096)  # a name or label comes back line after line
def speaker_of_label(label: str) -> str:
    """Return the speaker a short label names (``Le commercial`` -> ``commercial``)."""
    key = " ".join(re.sub(r"\([^)]*\)", " ", normalize(label)).strip(" :*_").split())
    if len(key.split()) > 4 or not _SPEAKER_RE.match(key):
        return ""
    if REPORTING_VERBS.intersection(key.split()[1:]):
        return ""
    return re.sub(r"^" + _ARTICLE, "", key).strip()


def actors_of_text(text: str) -> list[str]:
    """Every actor a title or file name names, most specific first.

    >>> actors_of_text("Atelier acheteurs + tuteurs MLDS")
    ['acheteur', 'mlds']
    """
    key = normalize(re.sub(r"[_\-.]+", " ", text))
    return [actor for actor, stems in ACTOR_KEYWORDS.items()
            if any(re.search(r"(?:^|[^a-z])" + stem, key) for stem in stems)]


def actor_of_text(text: str) -> str:
    """Return the actor a title or file name points to, or ``""``."""
    return next(iter(actors_of_text(text)), "")


def code_id(tag: str) -> str:
    """A code id from a tag or a name: ``"Délais école"`` -> ``"delais-ecole"``."""
    return re.sub(r"[^a-z0-9]+", "-", normalize(tag)).strip("-")


def within_one_edit(word: str, target: str) -> bool:
    """Tell whether one insertion, deletion, substitution or swap turns one into the other
    (or none).

    >>> within_one_edit("setembre", "septembre"), within_one_edit("giordanno", "giordano")
    (True, True)
    """
    if abs(len(word) - len(target)) > 1 or word == target:
        return word == target
    if len(word) == len(target):
        diffs = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        if len(diffs) == 1:
            return True
        i = diffs[0]
        return diffs == [i, i + 1] and word[i] == target[i + 1] and word[i + 1] == target[i]
    short, long = sorted((word, target), key=len)
    i = next((k for k, (a, b) in enumerate(zip(short, long)) if a != b), len(short))
    return short[i:] == long[i + 1:]
