"""Seconds of CPU to find the dates and durations of 1 MB of notes.

A paragraph in the team's style (a clause heading, a stay "de 2 ou 3 semaines",
"le 11 Février 2019", a weekday date, a phone number that is no date...) is
repeated to 1 MB, then read by :func:`csf_analysis.reading.dates.find_dates`
and :func:`~csf_analysis.reading.dates.find_durations`. The goal: under 3 s
of CPU; the test only guards against a hang (30 s), since a loaded machine
doubles these figures.

Example:
    $ .venv/bin/python -m benchmarks.bench_dates
"""
from __future__ import annotations

import time

GOAL_SECONDS = 3.0
PARAGRAPH = (
    "### (450h) Visite du 5/03/2020\n- Stage de 2 ou 3 semaines, attribué "
    "le 11 Février 2019. En 2019 : 450h. 10:15 : jeudi 12 décembre, compter "
    "un mois et demi, 300 personnes, 06 98 76 54 32, en novembre.\n"
)


def megabyte() -> str:
    """1 MB of :data:`PARAGRAPH`, cut where the megabyte ends."""
    return (PARAGRAPH * (1_000_000 // len(PARAGRAPH) + 1))[:1_000_000]


def seconds(text: str) -> tuple[float, int, int]:
    """CPU seconds to read ``text``'s dates and durations, and how many of each."""
    from csf_analysis.reading.dates import find_dates, find_durations
    started = time.process_time()  # CPU time: other jobs on the machine do not count
    dates = find_dates(text, default_year=2019)
    durations = find_durations(text)
    return time.process_time() - started, len(dates), len(durations)


def main() -> int:
    elapsed, dates, durations = seconds(megabyte())
    verdict = "met" if elapsed < GOAL_SECONDS else "MISSED"
    print(f"1 MB: {elapsed:.2f} s CPU, {dates:,} dates, {durations:,} durations "
          f"(goal < {GOAL_SECONDS:.0f} s: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
