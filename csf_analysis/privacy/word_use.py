"""How a folder uses a listed name that is a French word: as a word, or only as the name.

A listed name that is a French word ("Amine", "Lamine", "Pierre") is searched with its
capital only, for "la pierre angulaire" is no one. Yet a folder may write it in lower
case only where a name stands: bare, never after a determiner, a pronoun, or a
preposition that takes a bare noun ("de", "en", "avec"). French puts no bare singular
noun after a verb or at a clause's start, so "j'ai eu amine au tel", "il récupère lamine
tous les matins", "le petit amine il etait content", "rdv brasseur (reporté)" name the
person; but an attribute does ("fait chevalier de la Légion d'honneur", "devenu
brasseur"), and a shade follows its colour ("bleu céleste"). Such a word is replaced in
lower case too, in this folder only; an adjective never is ("un t-shirt rose" is bare
too).

"de" before the end of a sentence is a person's ("les dates de lamine ?"), as in
:meth:`csf_analysis.privacy.replacer.Replacer._in_context`.

Example:
    >>> sorted(bare_only({"amine", "pierre", "rose"},
    ...                  ["j'ai eu amine au tel", "un mur en pierre", "t-shirt rose"],
    ...                  is_adjective=lambda word: word == "rose"))
    ['amine']
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..text import fold_keep_case

__all__ = ["bare_only", "words_pattern"]

# Words after which a noun, an adjective or a verb form is used as such (folded).
_WORD_USE = frozenset("""
le la l les un une des du de d au aux ce cet cette ces mon ma mes ton ta tes son sa ses
notre nos votre vos leur leurs quel quelle quels quelles chaque aucun aucune tout toute
tous toutes quelque quelques
je j tu il elle on nous vous ils elles qui que qu ca se s ne n me m te t lui y
en avec sans par tres trop plus moins si assez aussi peu
fait faite faits devenu devenue devenus devient nomme nommee nommes elu elue elus
bleu bleus rouge rouges vert verts jaune jaunes blanc blancs noir noirs gris violet orange
""".split())  # the last two lines: an attribute ("fait chevalier"), a shade ("bleu céleste")
_BEFORE = re.compile(r"([^\W\d_]+)['’]?\s*$")
_SENTENCE_END = re.compile(r"\s*(?:[.?!]|$)")


def bare_only(words: Iterable[str], texts: Iterable[str], *,
              is_adjective: Callable[[str], bool]) -> set[str]:
    """The ``words`` (folded, lower case) that ``texts`` write in lower case, and only
    bare: never after a word of :data:`_WORD_USE`; no adjective."""
    candidates = {word for word in words if len(word) >= 3 and not is_adjective(word)}
    pattern = words_pattern(candidates)
    if pattern is None:
        return set()
    bare: set[str] = set()
    used: set[str] = set()
    for text in texts:
        folded = fold_keep_case(text)
        for match in pattern.finditer(folded):
            word = match.group()
            (used if _as_word(folded, match) else bare).add(word)
    return bare - used


def words_pattern(words: Iterable[str], *, flags: int = 0) -> re.Pattern | None:
    """One pattern for ``words`` as whole words (no letter, digit, "_" or "-" beside
    them), the longest first, compiled with ``flags``; None for no word.

    >>> words_pattern(["amine", "lamine"]).findall("lamine, amine, amines, mohamed-amine")
    ['lamine', 'amine']
    """
    words = sorted(set(words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])",
                      flags) if words else None


def _as_word(folded: str, match: re.Match) -> bool:
    """Is the word ``match`` found used as a word: after a determiner, a pronoun..."""
    before = _BEFORE.search(folded, max(0, match.start() - 30), match.start())
    if before is None:
        return False
    previous = before.group(1).lower()
    if previous in ("de", "d") and _SENTENCE_END.match(folded, match.end()):
        return False  # "les dates de lamine ?"
    return previous in _WORD_USE
