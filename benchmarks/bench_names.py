"""Seconds to pseudonymise one hostile 50 KB line, pattern by pattern.

Each unit (spaces, dashes, ``+1``, ``M. `` civilities, labels, addresses,
lower-case initials, family words before a name...) is repeated into a 50 KB line, then found
(:func:`csf_analysis.privacy.people.discover`, without the model), replaced
(:meth:`csf_analysis.privacy.replacer.Replacer.text`, with a listed person, so the
listed, misspelling and initials passes run) and searched by the leak check
(``forms_in``, ``found``). The goal: no case over 0.5 s; the tests only guard
against a hang (5 s), since a loaded machine doubles these figures.

Example:
    $ .venv/bin/python -m benchmarks.bench_names
"""
from __future__ import annotations

import time

GOAL_SECONDS = 0.5
UNITS = [" ", "-", "+1", "00", "a:", "a-b@", "~~", "a ", "Aa ", "a.b@c.d ", "M. ", "Aa - ",
         "sacha : ", "www.", "+262 ", "ab, ", "(ab) ", "Abcdefgh ", "mme giordanno ",
         "tata Jo "]


def seconds(unit: str, size: int = 50_000) -> float:
    """Seconds to find, replace and search the names of ``unit`` repeated to ``size``."""
    from csf_analysis.privacy.people import discover
    from csf_analysis.privacy.replacer import Replacer
    line = (unit * (size // len(unit) + 1))[:size]
    replacer = Replacer({"Julie Paris": "Personne A", "Pierre-Yves Delacroix": "Personne B",
                         "Lucia Giordano": "Personne C"},
                        context_only=["Paris"], lowercase=["Julie Paris"],
                        listed=["Julie Paris", "Lucia Giordano"], is_word=lambda w: False)
    start = time.perf_counter()
    discover([line], headings=[line[:5000]], model=None).names()
    replacer.text(line), replacer.forms_in(line), replacer.found(line, ids=True)
    return time.perf_counter() - start


def main() -> int:
    worst = 0.0
    for unit in UNITS:
        took = seconds(unit)
        worst = max(worst, took)
        print(f"{unit!r:>18}  {took:6.3f} s{'  over the goal' if took > GOAL_SECONDS else ''}")
    print(f"worst {worst:.3f} s (goal {GOAL_SECONDS} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
