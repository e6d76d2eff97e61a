"""REFI-QDA exchange on the 1,000-note synthetic corpus: the seconds and size of
``export_qdpx``, and of ``import_qdpx`` of that export (which records nothing: the
codings are the toolkit's own or already in the decisions file).

Measured on 2026-12-05 (48,985 statements, 54,679 codings): export 7.2 s, 7.6 MB;
import 3.9 s (7.5 s before the decisions were checked against an index of the log).

Run from the project root (the first load parses the notes, a few minutes)::

    .venv/bin/python -m benchmarks.bench_qdpx [--notes 1000]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate_corpus
from csf_analysis import load_corpus
from csf_analysis.coding import manual
from csf_analysis.exchange import export_qdpx, import_qdpx


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=1000)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        notes = Path(work, "notes")
        generate_corpus(notes, options.notes, seed=0)
        corpus = load_corpus(notes, cache_dir=Path(work, "cache"), progress=False)
        ids = corpus.statements.loc[corpus.statements["interview_id"] != "", "statement_id"]
        for statement_id in ids.iloc[:200:2]:  # 100 decisions of a researcher
            manual.add_code(notes, statement_id, "delais", coder="yannick")
        corpus = corpus.refresh()
        start = time.perf_counter()
        path = export_qdpx(corpus, Path(work, "projet.qdpx"))
        exported = time.perf_counter() - start
        print(f"{options.notes} notes, {len(corpus.statements)} statements, "
              f"{len(corpus.codings)} codings: export {exported:.1f} s, "
              f"{path.stat().st_size / 2**20:.1f} MB")
        start = time.perf_counter()
        result = import_qdpx(path, notes, corpus=corpus)
        print(f"import of that export: {time.perf_counter() - start:.1f} s, "
              f"{result.recorded} recorded, {result.already} already there, "
              f"{len(result.problems)} problems")


if __name__ == "__main__":
    main()
