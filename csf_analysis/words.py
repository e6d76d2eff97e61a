"""The team's word lists, from ``data/words.yml``: one file, read once.

The parser (labels, speakers, actors, dates), the category rules and the
pseudonymisation all read their words from here, so a word is added in one
place. Lists keep their file order; the modules make sets of them where order
does not matter.

Example:
    >>> WORDS["calendar"]["months"][1]
    'février'
    >>> "eleve" in WORDS["speakers"]["roles"]
    True
"""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

from . import config

__all__ = ["WORDS", "WORDS_FILE", "WordsError", "data_list", "load_words"]

WORDS_FILE = config.DATA_DIR / "words.yml"


class WordsError(ValueError):
    """The word file is not lists of words: the message names the file and the key."""


def _is_word(value) -> bool:
    """A word, or a number (a month's); YAML's booleans (``no``, ``on``) are neither."""
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def _check(value, where: str, path: Path):
    if isinstance(value, dict):
        return {key: _check(item, f"{where}.{key}", path) for key, item in value.items()}
    if isinstance(value, list):
        bad = [item for item in value if not _is_word(item)]
        if bad:
            raise WordsError(f"{path}: {where} holds {bad[:3]!r}, not words; quote a word "
                             "YAML reads as something else ('no', 'on', 'null')")
        return value
    if _is_word(value):
        return value
    raise WordsError(f"{path}: {where} is {value!r}; expected a list of words")


def data_list(name: str) -> list[str]:
    """The lines of the shipped list ``data/<name>`` (first names, towns), in order,
    blank lines and ``#`` comments aside."""
    text = (config.DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@functools.cache
def load_words(path: Path = WORDS_FILE) -> dict:
    """The word lists of ``path``, checked: every leaf a word (or a month number)."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise WordsError(f"{path}: expected sections of word lists, found {type(data).__name__}")
    return _check(data, "words", path)


WORDS = load_words()

