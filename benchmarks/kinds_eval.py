"""Measure the kinds of notes against a folder labelled by hand, file by file.

A labelled folder holds notes in subfolders and an ``expected.tsv`` beside
them, with one row per ``.md`` file: ``file`` (path from the folder),
``kind`` (the kinds of its sessions in order, comma-separated, or
``document``), ``sessions`` (interviews, tests, observations and workshops it
records; 0 for a document), ``actors`` (one per session), ``copy_of`` (the
file it mostly copies) and a ``note``. The labels were written by helper
coders who never saw the rules nor their output (see the README).

Three folders are labelled:

- ``tests/fixtures/dossier-equipe/``: 23 notes of a team's whole folder,
  the set the rules were written against (its test asserts every file);
- ``benchmarks/data/kinds_blind/``: 24 notes written and labelled by two
  other helpers: 19 of 24 files right when first measured; the rules were
  then mended from its misses, so it is spent;
- ``benchmarks/data/kinds_blind3/``: 25 notes of two more helpers, measured
  once the rules were done and never tuned on (the held-out figure).

Run from the project root::

    .venv/bin/python -m benchmarks.kinds_eval                    # the three folders
    .venv/bin/python -m benchmarks.kinds_eval FOLDER [--errors]  # one, with its misses

It prints, per folder, how many files get the expected kind, the expected
number of sessions, both, the expected copy, and the expected actors, and
(``--errors``) the files that do not.
"""
from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "tests" / "fixtures" / "dossier-equipe",
           ROOT / "benchmarks" / "data" / "kinds_blind",
           ROOT / "benchmarks" / "data" / "kinds_blind3")
LABELS = "expected.tsv"


@dataclass(frozen=True)
class FileReading:
    """What a file holds, as labelled or as read: kinds in order, sessions, actors, copy."""

    kind: str
    sessions: int
    actors: str
    copy_of: str


def expected(folder: Path) -> dict[str, FileReading]:
    """The labels of ``folder/expected.tsv``, by file."""
    with open(folder / LABELS, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {row["file"]: FileReading(row["kind"], int(row["sessions"]), row["actors"] or "",
                                     row["copy_of"] or "") for row in rows}


def read(interviews: pd.DataFrame) -> dict[str, FileReading]:
    """What the toolkit read, file by file, in the labels' terms."""
    files = {}
    by_id = interviews.set_index("interview_id")["source_file"].to_dict()
    for source, rows in interviews.groupby("source_file", sort=False):
        sessions = rows[rows["kind"] != "document"]
        kinds = list(dict.fromkeys(sessions["kind"])) or ["document"]
        copies = [by_id.get(original, "") for original in sessions["duplicate_of"] if original]
        files[source] = FileReading(",".join(kinds), len(sessions),
                                    ",".join(sessions["actor"]), copies[0] if copies else "")
    return files


def compare(folder: Path) -> pd.DataFrame:
    """One row per labelled file: expected and read values, and whether they agree."""
    from csf_analysis.corpus import load_corpus
    corpus = load_corpus(folder, cache_dir=None, code=False, progress=False)
    found = read(corpus.interviews)
    rows = []
    for name, want in expected(folder).items():
        got = found.get(name, FileReading("(absent)", 0, "", ""))
        rows.append({"file": name, "kind": want.kind, "read_kind": got.kind,
                     "sessions": want.sessions, "read_sessions": got.sessions,
                     "actors": want.actors, "read_actors": got.actors,
                     "copy_of": want.copy_of, "read_copy_of": got.copy_of})
    table = pd.DataFrame(rows)
    table["kind_ok"] = table["kind"] == table["read_kind"]
    table["sessions_ok"] = table["sessions"] == table["read_sessions"]
    table["copy_ok"] = table["copy_of"] == table["read_copy_of"]
    table["actors_ok"] = table["actors"] == table["read_actors"]
    table["file_ok"] = table["kind_ok"] & table["sessions_ok"] & table["copy_ok"]
    return table


def summary(table: pd.DataFrame) -> str:
    """``kind 23/23, sessions 22/23, ...`` for one folder."""
    n = len(table)
    parts = [f"{label} {int(table[column].sum())}/{n}" for label, column in (
        ("kind", "kind_ok"), ("sessions", "sessions_ok"), ("copy", "copy_ok"),
        ("kind+sessions+copy", "file_ok"), ("actors", "actors_ok"))]
    counted = int(table["sessions"].sum())
    read_counted = int(table["read_sessions"].sum())
    return ", ".join(parts) + f"; sessions in all: {read_counted} read, {counted} expected"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS),
                        help="labelled folders (default: the three)")
    parser.add_argument("--errors", action="store_true", help="list the files read wrong")
    args = parser.parse_args(argv)
    for folder in args.folders:
        table = compare(folder)
        print(f"{folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}: "
              f"{len(table)} files; {summary(table)}")
        if args.errors:
            wrong = table[~(table["file_ok"] & table["actors_ok"])]
            shown = wrong.drop(columns=[c for c in table if c.endswith("_ok")])
            print(shown.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
