"""French towns and larger places: is a capitalised word a place rather than a name?

spaCy's small French model calls many a lone town a person, above all where it opens
a table's cell or a line (« | Mulhouse, les Coteaux | », « Béziers (La Devèze) »),
and the pseudonymisation then replaced every « Mulhouse » of the report. The list in
``data/communes.txt`` holds the towns of about 15,000 inhabitants and more, the
préfectures and sous-préfectures and the communes of the overseas departments and
collectivities (« Punaauia », « Dumbéa »; public facts, written down for this project),
read once. ``data/pays-regions.txt`` holds the larger places: countries, regions,
departments, historical provinces and pays, islands of France and of its overseas
territories (« Moorea »), which the model tags as places as it does many a rare first
name (« Oksana », « Krzysztof »).

Example:
    >>> is_town("Mulhouse"), is_town("BÉZIERS"), is_town("Lefèvre")
    (True, True, False)
    >>> is_region("Géorgie"), is_region("Provence"), is_region("Oksana")
    (True, True, False)
"""
from __future__ import annotations

import functools

from ..text import fold
from ..words import data_list

__all__ = ["is_place", "is_region", "is_town", "regions", "towns", "with_article"]


@functools.lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """Every town of the list, lower case, without accents."""
    return frozenset(map(_key, data_list("communes.txt")))


def is_town(word: str) -> bool:
    """Is ``word`` (any case, accents or not) one of the towns of the list?"""
    return _key(word) in towns()


@functools.lru_cache(maxsize=1)
def with_article() -> dict[str, tuple[str, ...]]:
    """The towns of the list named with an article and one word, by article (« le »:
    « Robert », « Marin », « Port »; « les »: « Abymes »), as written.

    >>> "Robert" in with_article()["le"], "Trinité" in with_article()["la"]
    (True, True)
    """
    found: dict[str, set[str]] = {"le": set(), "la": set(), "les": set()}
    for town in data_list("communes.txt"):
        article, _, rest = town.partition(" ")
        if article.lower() in found and rest and " " not in rest and "-" not in rest:
            found[article.lower()].add(rest)
    return {article: tuple(sorted(names)) for article, names in found.items()}


@functools.lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Every country, region, department, province and island of the list, as
    :func:`towns`."""
    return frozenset(map(_key, data_list("pays-regions.txt")))


def is_region(word: str) -> bool:
    """Is ``word`` (any case, accents or not) a country, a region, a department, a
    province or an island of the list?"""
    return _key(word) in regions()


def is_place(word: str) -> bool:
    """Is ``word`` a town, a country, a region, a department, a province or an island?"""
    return is_town(word) or is_region(word)


def _key(word: str) -> str:
    """How both lists are compared: lower case, no accents, one apostrophe."""
    return fold(word.strip()).replace("’", "'")
