"""Every names folder at once, tables only: the quick check before and after a change
to the pseudonymisation (issue 11, part 6).

For each ``benchmarks/data/names_*`` folder with its key, ``csf-analysis tables
--pseudonymise`` and the plain tables are built in a temporary copy (the parsed notes
cached in ``--cache``, so a rerun takes about 4 minutes on 2 cores for 31 folders), the
leak check recording what it would refuse instead of failing, and
:func:`benchmarks.names_eval.score` reads the tables. Printed: one line per folder
(listed and unlisted people removed, traps kept, name forms the leak check reports),
then the pooled figures and the folders under the goals (every listed person, 95 % of
the others). ``--out DIR`` also writes each folder's full report (its misses, traps
lost, leaks) to ``DIR/<folder>.txt`` as each folder is done, an older run's reports
there removed first: compare two runs with ``diff -r``.

The full measure of one folder (charts, report, PDF) stays ``benchmarks.names_eval``;
this one leaves the report out, where a few leaks (the PDF's hyphenation) can only
show, and takes 8 s a folder rather than 80.

Measured on 2026-12-06 (session 22, ``benchmarks/README.md``), 66 folders in about
11 min with the parsed notes cached, 13 min when a change of the reader parses them all
again: listed 100 % on 54, unlisted at least 95 % on 62; pooled 6,569/6,582 listed
(99.8 %), 6,421/6,575 unlisted (97.7 %); traps kept 8,699/9,068; leak check 0 on every
folder (before ``5267c62``, ``names_blind3`` and ``21`` refused).

Run from the project root::

    .venv/bin/python -m benchmarks.names_folders [FOLDER ...] [--out DIR] [--jobs 2]

A folder is a path or a name under ``benchmarks/data`` (``names_blind31``).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from benchmarks.names_eval import _outputs, copy_notes, leaks_recorded, score
from csf_analysis import cli

DATA = Path(__file__).resolve().parent / "data"
_FIGURE = re.compile(r"^(listed|unlisted) people removed: (\d+)/(\d+)")


def measure(folder: Path, cache: Path) -> list[str]:
    """The report lines of one folder: :func:`score`'s, then the leaks."""
    key = yaml.safe_load(folder.with_name(folder.name + ".key.yml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        notes = copy_notes(folder, work)
        quiet = io.StringIO()
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet), \
                leaks_recorded() as reported:
            for out, flag in (("out", ["--pseudonymise"]), ("plain", [])):
                cli.main(["tables", str(notes), "--out", str(work / out), "--cache",
                          str(cache / folder.name), *flag])
        lines = score(key, _outputs(work / "out"), _outputs(work / "plain"))
    return lines + [f"leaks: {len(reported)}"] + [
        f"  {path.name}: {form} ({name})" for path, name, form in reported]


def _summary(name: str, lines: list[str]) -> str:
    heads = [line.split("\n")[0] for line in lines if not line.startswith(" ")]
    short = [re.sub(r" people removed:| \(of .*| \(\d+\.\d %\)", "", line) for line in heads
             if line.split()[0] in ("listed", "unlisted", "traps", "leaks:")]
    return f"{name:15} " + "  ".join(short)


def _folder(name: str) -> Path:
    """A folder as given, or by its name under ``benchmarks/data`` ("names_blind31");
    one without its key is an error that says where the key is looked for."""
    folder = Path(name) if Path(name).is_dir() else DATA / name
    key = folder.with_name(folder.name + ".key.yml")
    if not folder.is_dir() or not key.is_file():
        raise SystemExit(f"{name}: no names folder with its key here ({folder}, {key})")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", help="names folders (default: every one)")
    parser.add_argument("--out", type=Path, help="write each folder's report here")
    parser.add_argument("--cache", type=Path, default=Path(".csf-cache") / "names-folders")
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args(argv)
    folders = [_folder(f) for f in options.folders] or sorted(
        (p for p in DATA.glob("names_*") if p.is_dir()),
        key=lambda p: [int(n) if n.isdigit() else n for n in re.split(r"(\d+)", p.name)])
    if options.out:  # an older run's reports would read as this one's until replaced
        options.out.mkdir(parents=True, exist_ok=True)
        for stale in options.out.glob("names_*.txt"):
            stale.unlink()
    totals = {"listed": [0, 0, 0], "unlisted": [0, 0, 0]}  # removed, people, folders at goal
    with ProcessPoolExecutor(options.jobs) as pool:  # each report as soon as it is ready
        for folder, lines in zip(folders, pool.map(
                measure, folders, [options.cache.resolve()] * len(folders))):
            print(_summary(folder.name, lines), flush=True)
            if options.out:
                (options.out / f"{folder.name}.txt").write_text("\n".join(lines) + "\n",
                                                               encoding="utf-8")
            for line in lines:
                if match := _FIGURE.match(line):
                    kind, removed, people = match.group(1), int(match.group(2)), int(match.group(3))
                    goal = removed == people if kind == "listed" else removed >= 0.95 * people
                    totals[kind] = [a + b for a, b in zip(totals[kind], (removed, people, goal))]
    for kind, (removed, people, at_goal) in totals.items():
        print(f"{kind}: {removed}/{people} ({100 * removed / max(people, 1):.1f} %), "
              f"{at_goal} of {len(folders)} folders at the goal")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
