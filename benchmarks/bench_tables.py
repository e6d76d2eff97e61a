"""Benchmark ``csf-analysis tables`` on synthetic corpora of 100 and 1,000 notes.

For each size, a corpus is generated (:mod:`benchmarks.synthetic`) in a
temporary folder and ``tables`` runs three times, each in a fresh
subprocess: cold (empty cache), warm (nothing changed), and, on the largest
corpus, after adding one note. Wall time, notes/s, statements/s, words and
the peak memory of the child and its workers (summed, sampled) are printed as a
Markdown table next to the goals. The children run a frozen copy of the
``csf_analysis`` package, so that edits made to the working tree during a
long run neither mix versions nor invalidate the cache (its keys hash the
parser's source). ``--profile`` reruns the scenarios that missed their goal
under cProfile and prints where the time goes.

Example:
    $ .venv/bin/python -m benchmarks.bench_tables --sizes 100 1000
    $ .venv/bin/python -m benchmarks.bench_tables --sizes 50 --profile
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from benchmarks.synthetic import generate_corpus

GOAL_COLD_SECONDS = 90.0      # 1,000 notes, empty cache
GOAL_COLD_NOTES = 1000
GOAL_RERUN_SECONDS = 5.0      # one note added to the 1,000-note corpus
GOAL_MEMORY_MB = 1.5 * 1024   # peak RSS of any run


@dataclass
class Run:
    """One measured ``tables`` run."""

    scenario: str
    notes: int
    words: int
    seconds: float
    cpu_seconds: float  # user + system time of the child: less sensitive to a busy machine
    peak_mb: float
    statements: int
    parsed: str  # notes parsed (not from cache), as the CLI reports it; "?" if it does not

    @property
    def notes_per_s(self) -> float:
        return self.notes / self.seconds

    @property
    def statements_per_s(self) -> float:
        return self.statements / self.seconds


def tables_command(notes: Path, out: Path, cache: Path, *,
                   profile: Path | None = None) -> list[str]:
    """The CLI call, run with this interpreter (optionally under cProfile)."""
    prefix = [sys.executable] + (["-m", "cProfile", "-o", str(profile)] if profile else [])
    return prefix + ["-m", "csf_analysis.cli", "tables", str(notes),
                     "--out", str(out), "--cache", str(cache)]


def run_child(command: list[str], *, cwd: Path) -> tuple[float, float, float, str]:
    """Run ``command`` in ``cwd``; return (wall s, CPU s, peak RSS in MB, stdout).

    ``cwd`` must not hold a ``csf_analysis`` folder: ``python -m`` puts the
    working directory first on ``sys.path``, before the frozen copy.

    The peak memory is that of the whole process tree (the CLI and its
    workers, summed), sampled every 20 ms with psutil; the CPU time is the
    child's and its workers' (``os.wait4`` counts the descendants it waited for).

    Raises:
        RuntimeError: the command failed (its stderr is included).
    """
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=cwd,
                                 env={**os.environ, "PYTHONWARNINGS": "ignore"})
        sampler = TreeMemory(child.pid)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop()
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            stderr.seek(0)
            raise RuntimeError(f"{' '.join(command)} exited with {child.returncode}:\n"
                               f"{stderr.read().decode(errors='replace')[-3000:]}")
        stdout.seek(0)
        output = stdout.read().decode(errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    peak = max(sampler.peak, usage.ru_maxrss * 1024)  # Linux: ru_maxrss in kilobytes
    return seconds, cpu, peak / 2**20, output


class TreeMemory(threading.Thread):
    """Peak resident memory of a process and its descendants, summed, sampled."""

    def __init__(self, pid: int, *, every: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.process, self.every, self.peak = psutil.Process(pid), every, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:  # a process ended between the listing and the reading
                pass
            self.done.wait(self.every)

    def stop(self) -> None:
        self.done.set()
        self.join()


def count_rows(path: Path) -> int:
    """Data rows of a CSV file written by ``tables``."""
    with open(path, newline="", encoding="utf-8") as handle:
        return max(0, sum(1 for _ in csv.reader(handle)) - 1)


def corpus_words(notes: Path) -> int:
    return sum(len(path.read_bytes().split()) for path in notes.glob("*.md"))


def measure(scenario: str, notes: Path, work: Path) -> Run:
    """Run ``tables`` on ``notes`` with the cache of ``work``; return the figures."""
    out = work / "tables"
    seconds, cpu, peak, output = run_child(tables_command(notes, out, work / "cache"),
                                           cwd=notes.parent)
    n_notes = sum(1 for _ in notes.glob("*.md"))
    parsed = re.search(r"\((\d+) note\(s\) parsed", output)
    return Run(scenario, n_notes, corpus_words(notes), seconds, cpu, peak,
               count_rows(out / "statements.csv"), parsed.group(1) if parsed else "?")


def bench_size(size: int, root: Path, *, seed: int, words_per_note: int,
               add_one: bool) -> tuple[list[Run], Path]:
    """Cold and warm runs on a new corpus of ``size`` notes (plus one note if asked)."""
    notes, work = root / f"notes-{size}", root / f"work-{size}"
    started = time.perf_counter()
    generate_corpus(notes, size, seed=seed, words_per_note=words_per_note)
    print(f"generated {size} notes in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    runs = [measure(f"cold, {size} notes", notes, work),
            measure(f"warm, {size} notes (nothing changed)", notes, work)]
    if add_one:
        generate_corpus(notes, 1, seed=seed, words_per_note=words_per_note, start=size)
        runs.append(measure(f"rerun, {size} notes + 1 new", notes, work))
    return runs, notes


def goal_of(run: Run) -> tuple[str, bool]:
    """The goals a run is held to, as text ("< 5 s MISSED, ..."), and whether all are met."""
    checks = []
    if run.scenario.startswith("cold") and run.notes >= GOAL_COLD_NOTES:
        checks.append((f"< {GOAL_COLD_SECONDS:.0f} s", run.seconds < GOAL_COLD_SECONDS))
    if run.scenario.startswith("rerun"):
        checks.append((f"< {GOAL_RERUN_SECONDS:.0f} s", run.seconds < GOAL_RERUN_SECONDS))
    checks.append((f"< {GOAL_MEMORY_MB / 1024:.1f} GB", run.peak_mb < GOAL_MEMORY_MB))
    text = ", ".join(f"{goal} {'met' if ok else 'MISSED'}" for goal, ok in checks)
    return text, all(ok for _, ok in checks)


def report(runs: list[Run]) -> str:
    """The figures as a Markdown table, with the goals."""
    lines = ["| scenario | notes | parsed | words | wall (s) | CPU (s) | notes/s | statements "
             "| statements/s | peak RSS (MB) | goal |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for run in runs:
        lines.append(
            f"| {run.scenario} | {run.notes:,} | {run.parsed} | {run.words:,} | {run.seconds:.1f} "
            f"| {run.cpu_seconds:.1f} "
            f"| {run.notes_per_s:,.1f} | {run.statements:,} | {run.statements_per_s:,.0f} "
            f"| {run.peak_mb:,.0f} | {goal_of(run)[0]} |")
    return "\n".join(lines)


def freeze_package(root: Path) -> str:
    """Copy the ``csf_analysis`` package under ``root``; return where it came from.

    The copy goes first on ``PYTHONPATH`` of this process, so every child
    imports it instead of the (editable) working tree.
    """
    import csf_analysis
    source = Path(csf_analysis.__file__).resolve().parent
    shutil.copytree(source, root / "code" / "csf_analysis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(root / "code"), os.environ.get("PYTHONPATH")]))
    return describe_code(source)


def describe_code(package: Path) -> str:
    """``csf_analysis`` at commit abc1234 (+ uncommitted changes), from read-only git."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=package, capture_output=True,
                                  text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--", ".")
    if not commit:
        return f"csf_analysis from {package}"
    return f"csf_analysis at commit {commit}" + (" + uncommitted changes" if dirty else "")


def machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{dt.date.today().isoformat()}, {platform.platform()}, {os.cpu_count()} CPU, "
            f"Python {platform.python_version()}, load average {load}")


def profile_run(notes: Path, work: Path, *, top: int = 15) -> str:
    """Run ``tables`` under cProfile with the cache of ``work``; return the top
    functions by own time and by cumulative time."""
    stats_file = work / "tables.prof"
    run_child(tables_command(notes, work / "tables", work / "cache", profile=stats_file),
              cwd=notes.parent)
    text = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=text)
    for key, restriction in (("tottime", ()), ("cumulative", ("csf_analysis",))):
        text.write(f"\n--- top {top} by {key} {' '.join(restriction)} ---\n")
        stats.sort_stats(key).print_stats(*restriction, top)
    return text.getvalue()


def profile_missed(runs: list[Run], notes: Path, *, seed: int, words_per_note: int) -> None:
    """Profile the cold run and the one-note rerun of the largest corpus if they missed."""
    missed = {run.scenario.split(",")[0] for run in runs if not goal_of(run)[1]}
    work = notes.parent / "work-profile"  # its own cache, empty at first
    if "cold" in missed:
        print("\n## Profile: cold run\n", profile_run(notes, work))
    if "rerun" in missed:
        if "cold" not in missed:
            profile_run(notes, work)  # fills the cache for the whole corpus
        start = sum(1 for _ in notes.glob("*.md"))  # index of a note never seen
        generate_corpus(notes, 1, seed=seed, words_per_note=words_per_note, start=start)
        print("\n## Profile: rerun with one new note\n", profile_run(notes, work))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_tables",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000],
                        help="corpus sizes in notes (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (%(default)s)")
    parser.add_argument("--words-per-note", type=int, default=1000,
                        help="average words per note (%(default)s)")
    parser.add_argument("--profile", action="store_true",
                        help="profile the scenarios that missed their goal (cProfile)")
    args = parser.parse_args(argv)
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="csf-bench-") as tmp:
        code = freeze_package(Path(tmp))
        print(f"machine: {machine()}\ncode: {code} (frozen copy)", file=sys.stderr)
        largest = max(args.sizes)
        for size in sorted(set(args.sizes)):
            size_runs, notes = bench_size(size, Path(tmp), seed=args.seed,
                                          words_per_note=args.words_per_note,
                                          add_one=size == largest)
            runs += size_runs
            for line in report(size_runs).splitlines()[2:]:
                print(line, file=sys.stderr)
        print(f"\n{machine()}\n{code}\n\n{report(runs)}")
        if args.profile:  # the last corpus is the largest
            profile_missed(runs, notes, seed=args.seed, words_per_note=args.words_per_note)
    return 0 if all(goal_of(run)[1] for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
