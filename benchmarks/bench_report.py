"""Benchmark ``csf-analysis report`` on the reference note and on 1,000 notes.

Scenarios, each a fresh ``csf-analysis report`` subprocess (so each one
starts its own kernel and imports, as ``make report`` does):

- ``reference, cold``: ``interviews/`` copied to a temporary folder, empty
  cache, no previous report;
- ``reference, warm``: one synthetic note added, same cache and output
  folder (a rebuild after a new interview);
- ``1,000 notes, cold``: a synthetic corpus (:mod:`benchmarks.synthetic`),
  empty cache, no previous report;
- ``1,000 notes, warm``: one note added, same cache (``--no-large-warm``
  skips it).

For each run: wall time, the child's CPU time and peak memory, the number of
pages, and where the time went: the notebook cells, as papermill records
them in the executed notebook, and the rest (kernel start, HTML and PDF
export). Printed as Markdown tables, with the goals.

Example:
    $ .venv/bin/python -m benchmarks.bench_report
    $ .venv/bin/python -m benchmarks.bench_report --notes 200 --no-large-warm
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.synthetic import generate_corpus

PROJECT = Path(__file__).resolve().parents[1]
GOAL_WARM_REFERENCE_SECONDS = 20.0    # reference report rebuilt after adding a note
GOAL_LARGE_SECONDS = 180.0            # 1,000-note report, empty cache
GOAL_LARGE_NOTES = 1000


@dataclass
class Run:
    """One measured report build."""

    scenario: str
    notes: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    pages: int
    cells: list[tuple[str, float]] = field(default_factory=list)  # (first line, seconds)

    @property
    def notebook_seconds(self) -> float:
        return sum(seconds for _, seconds in self.cells)

    def goal(self) -> tuple[str, bool | None]:
        """The goal this run is held to (text, met?), or ("", None)."""
        if self.scenario.startswith("reference, warm"):
            limit = GOAL_WARM_REFERENCE_SECONDS
        elif self.scenario.endswith("cold") and self.notes >= GOAL_LARGE_NOTES:
            limit = GOAL_LARGE_SECONDS
        else:
            return "", None
        met = self.seconds < limit
        return f"< {limit:.0f} s {'met' if met else 'MISSED'}", met


def report_command(notes: Path, out: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "csf_analysis.cli", "report", str(notes),
            "--out", str(out), "--cache", str(cache)]


def run_child(command: list[str], *, cwd: Path) -> tuple[float, float, float]:
    """Run ``command``; return (wall s, CPU s, peak RSS MB), its kernel included.

    Raises:
        RuntimeError: the command failed (the end of its stderr is included).
    """
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, cwd=cwd,
                                 env={**os.environ, "PYTHONWARNINGS": "ignore"})
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            stderr.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed:\n"
                               f"{stderr.read().decode(errors='replace')[-3000:]}")
    # On Linux the child's usage includes the descendants it waited for (the kernel):
    # CPU time is added up, ru_maxrss is the largest of them (in kilobytes).
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def cell_times(executed: Path) -> list[tuple[str, float]]:
    """(first line of the source, seconds) of each code cell papermill ran."""
    notebook = json.loads(executed.read_text("utf-8"))
    times = []
    for cell in notebook["cells"]:
        duration = cell.get("metadata", {}).get("papermill", {}).get("duration")
        if cell["cell_type"] == "code" and duration is not None:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) \
                else cell["source"]
            first = next((line for line in source.splitlines()
                          if line.strip() and not line.startswith(("#", "from", "import"))), "")
            times.append((first.strip()[:60], float(duration)))
    return times


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(pdf).pages)


def measure(scenario: str, notes: Path, out: Path, cache: Path) -> Run:
    """Build the report of ``notes`` into ``out`` with ``cache``; return the figures."""
    seconds, cpu, peak = run_child(report_command(notes, out, cache), cwd=PROJECT)
    run = Run(scenario, sum(1 for _ in notes.rglob("*.md")), seconds, cpu, peak,
              page_count(out / "synthese.pdf"), cell_times(out / "synthese.ipynb"))
    print(f"{scenario}: {seconds:.1f} s, {run.pages} pages", file=sys.stderr)
    return run


def bench_reference(root: Path, *, seed: int) -> list[Run]:
    notes, out, cache = root / "reference", root / "reference-out", root / "reference-cache"
    shutil.copytree(PROJECT / "interviews", notes)
    runs = [measure("reference, cold", notes, out, cache)]
    generate_corpus(notes, 1, seed=seed, words_per_note=600, start=5000)
    runs.append(measure("reference, warm (1 note added)", notes, out, cache))
    return runs


def bench_large(root: Path, *, size: int, seed: int, warm: bool) -> list[Run]:
    notes, out, cache = root / "large", root / "large-out", root / "large-cache"
    started = time.perf_counter()
    generate_corpus(notes, size, seed=seed)
    print(f"generated {size} notes in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    runs = [measure(f"{size:,} notes, cold", notes, out, cache)]
    if warm:
        generate_corpus(notes, 1, seed=seed, start=size)
        runs.append(measure(f"{size:,} notes, warm (1 note added)", notes, out, cache))
    return runs


def summary(runs: list[Run]) -> str:
    lines = ["| scenario | notes | wall (s) | CPU (s) | notebook (s) | kernel + export (s) "
             "| pages | peak RSS (MB) | goal |", "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for run in runs:
        lines.append(f"| {run.scenario} | {run.notes:,} | {run.seconds:.1f} | "
                     f"{run.cpu_seconds:.1f} | {run.notebook_seconds:.1f} | "
                     f"{run.seconds - run.notebook_seconds:.1f} | {run.pages} | "
                     f"{run.peak_mb:,.0f} | {run.goal()[0]} |")
    return "\n".join(lines)


def cells_table(runs: list[Run], *, top: int = 5) -> str:
    """The slowest notebook cells of each run."""
    lines = ["| scenario | cell | seconds |", "|---|---|---:|"]
    for run in runs:
        for source, seconds in sorted(run.cells, key=lambda c: -c[1])[:top]:
            lines.append(f"| {run.scenario} | `{source}` | {seconds:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=GOAL_LARGE_NOTES,
                        help="size of the synthetic corpus (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-large-warm", action="store_true",
                        help="skip the rebuild of the large report after adding a note")
    parser.add_argument("--keep", type=Path, default=None,
                        help="work in this folder and keep the reports (default: a temporary one)")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-report-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        runs = bench_reference(root, seed=args.seed)
        runs += bench_large(root, size=args.notes, seed=args.seed,
                            warm=not args.no_large_warm)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{os.cpu_count()} CPU, Python {sys.version.split()[0]}, load average {load}\n")
    print(summary(runs), "\n\nSlowest notebook cells:\n", cells_table(runs), sep="\n")
    return 0 if all(run.goal()[1] is not False for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
