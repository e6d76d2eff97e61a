"""Seconds to read one hostile 50 KB line, pattern by pattern.

Each pattern (long runs of labels, ``#tags``, done-markers, contact shapes,
``!?``, spaces, colons, parentheses, digits, dates...) is written as a 50 KB
line in three places of a note (a paragraph, a list item, a heading) and read
as a run reads it: :func:`csf_analysis.reading.notes.parse_note` then
:func:`csf_analysis.reading.statements.statement_rows` with the project's spaCy
sentence pipeline (loaded before the timing). Each case runs in a
child process stopped after ``--timeout`` seconds (shown as ``>T``), so a
catastrophic pattern cannot stall the benchmark. The goal: no case over 1 s.

Example:
    $ .venv/bin/python -m benchmarks.bench_hostile
    $ .venv/bin/python -m benchmarks.bench_hostile --size 20000 --only '!?' --profile
"""
from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import pstats
import time

GOAL_SECONDS = 1.0

# name -> unit repeated to fill the line
PATTERNS = {
    "labels": "A : ",
    "labels-nospace": "A:",
    "colons": ":",
    "colon-spaces": " : ",
    "tags": "#tag ",
    "tags-glued": "#a#b",
    "hash": "#",
    "done": "(done) ",
    "fait-arrow": "=> Fait ",
    "arrows": "=> ",
    "dashes": "-",
    "checkbox": "[x] ",
    "contact": "14 (900h) : ",
    "contact-status": "[réponse rapide] 30 (150h) : market -- ",
    "clause": "(300h) ",
    "ellipsis": "...",
    "ellipsis-spaced": ". . ",
    "bang": "!",
    "bang-question": "!?",
    "question": "?",
    "spaces": " ",
    "tabs-spaces": " \t",
    "parens": "(",
    "parens-closed": "(a) ",
    "parens-nested": "((",
    "brackets": "[",
    "quotes": '"',
    "guillemets": "« ",
    "digits": "1",
    "digits-spaced": "12 ",
    "dates": "3/02/2020 ",
    "dates-glued": "12/",
    "dates-words": "mardi 17 décembre ",
    "months": "mars ",
    "times": "15:42 ",
    "times-glued": "15h",
    "hours": "300h ",
    "urls": "http://a.b/ ",
    "words": "entretien ",
    "speaker": "Acheteur : ",
    "apostrophes": "l'",
    "underscores": "_",
    "stars": "*",
    "mixed": "A : #t (done) 3/02 !? ",
}
PLACES = {
    "paragraph": "{line}\n",
    "item": "- {line}\n",
    "heading": "## {line}\n",
}


def note_of(unit: str, place: str, size: int) -> str:
    """A note holding one line of ``size`` characters made of ``unit``, in ``place``."""
    line = (unit * (size // len(unit) + 1))[:size]
    body = PLACES[place].format(line=line)
    if unit == "...":  # "..." over two lines too
        body += line[: size // 2] + "\n" + line[: size // 2] + "\n"
    return "# Entretien du 3/02/2020\n\n- Un début.\n\n" + body + "\n- Une fin.\n"


def read(text: str) -> int:
    """Parse and split ``text`` as a run does; return the number of statements."""
    from csf_analysis.reading.notes import parse_note
    from csf_analysis.reading.statements import statement_rows
    from csf_analysis.workers import _nlp_factory
    return len(statement_rows(parse_note(text, "hostile.md"), _nlp_factory()))


def _child(text: str, queue) -> None:
    read("- chauffe.\n")  # imports and first calls out of the timing
    start = time.perf_counter()
    read(text)
    queue.put(time.perf_counter() - start)


def time_case(text: str, timeout: float) -> float | None:
    """Seconds to read ``text`` in a child process, or None past ``timeout``."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child, args=(text, queue))
    child.start()
    child.join(timeout + 1)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return queue.get() if not queue.empty() else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="characters per line")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    parser.add_argument("--only", nargs="*", help="pattern names or units to run")
    parser.add_argument("--places", nargs="*", default=list(PLACES))
    parser.add_argument("--profile", action="store_true",
                        help="profile the cases over the goal (in this process)")
    args = parser.parse_args(argv)
    read("- chauffe.\n")  # the children fork with spaCy and the parser imported
    chosen = {name: unit for name, unit in PATTERNS.items()
              if not args.only or name in args.only or unit in args.only}
    print(f"| pattern | unit | {' | '.join(args.places)} |")
    print(f"|---|---|{'---|' * len(args.places)}")
    slow, worst = [], 0.0
    for name, unit in chosen.items():
        cells = []
        for place in args.places:
            seconds = time_case(note_of(unit, place, args.size), args.timeout)
            if seconds is None or seconds > GOAL_SECONDS:
                slow.append((name, place))
            worst = max(worst, args.timeout if seconds is None else seconds)
            cells.append(f">{args.timeout:.0f}" if seconds is None else f"{seconds:.3f}")
        print(f"| {name} | `{unit!r}` | {' | '.join(cells)} |", flush=True)
    print(f"\nworst: {worst:.3f} s (goal {GOAL_SECONDS} s); over the goal: "
          f"{', '.join(f'{n}/{p}' for n, p in slow) or 'none'}")
    if args.profile:
        for name, place in slow:
            print(f"\n## {name} / {place}")
            profile = cProfile.Profile()
            profile.runcall(read, note_of(chosen[name], place, args.size))
            pstats.Stats(profile).sort_stats("tottime").print_stats(8)
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
