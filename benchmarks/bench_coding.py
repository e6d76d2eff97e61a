"""Coding throughput: tokens/s of the auto coding (lemmas, categories, themes).

Generates the synthetic corpus (or copies NOTES_DIR), parses it once, then times
the coding stage alone: one spaCy lemma pass (tagger, lemmatizer; no parser,
no NER, no sentence splitter), the category rules and the theme matcher, in the
chunks the corpus uses; then the category rules alone (the goal a unit test
used to assert). Also times a rerun after one manual decision, which must
recode nothing.

    .venv/bin/python -m benchmarks.bench_coding [--notes 1000] [NOTES_DIR]
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate_corpus
from csf_analysis.coding import manual
from csf_analysis.coding.codebook import load_codebook
from csf_analysis.coding.codings import auto_code
from csf_analysis.coding.rules import infer_category
from csf_analysis.coding.themes import ThemeMatcher
from csf_analysis.corpus import load_corpus
from csf_analysis.reading.nlp import LEMMAS, load_nlp
from csf_analysis.workers import CODING_CHUNK


def measure(notes_dir: Path, cache_dir: Path) -> None:
    parsed = load_corpus(notes_dir, cache_dir=cache_dir, code=False).statements
    nlp, codebook = load_nlp(components=LEMMAS), load_codebook()
    matcher = ThemeMatcher(codebook, nlp)
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(parsed["text"].tolist()))
    start = time.perf_counter()
    for first in range(0, len(parsed), CODING_CHUNK):
        auto_code(parsed.iloc[first:first + CODING_CHUNK], codebook=codebook, nlp=nlp,
                  matcher=matcher)
    seconds = time.perf_counter() - start
    print(f"coding: {len(parsed):,} statements, {tokens:,} tokens in {seconds:.1f} s "
          f"= {tokens / seconds:,.0f} tokens/s (goal >= 10,000)")
    rules_throughput(parsed["text"].tolist()[:5000], nlp)
    load_corpus(notes_dir, cache_dir=cache_dir)  # fill the coding cache
    manual.add_code(notes_dir, parsed["statement_id"].iloc[0], "bench-code", coder="bench")
    start = time.perf_counter()
    corpus = load_corpus(notes_dir, cache_dir=cache_dir)
    print(f"rerun after one manual decision: {time.perf_counter() - start:.1f} s, "
          f"{corpus.stats['coded']} note(s) recoded (goal: 0)")
    manual.decisions_path(notes_dir).unlink()


def rules_throughput(texts: list[str], nlp) -> None:
    """Tokens/s of the category rules alone on already-parsed docs (best of 3)."""
    docs = list(nlp.pipe(texts))
    tokens = sum(len(doc) for doc in docs)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for doc in docs:
            infer_category(doc)
        best = min(best, time.perf_counter() - start)
    print(f"category rules alone: {tokens:,} tokens in {best:.2f} s = {tokens / best:,.0f} "
          "tokens/s (goal >= 15,000 under load; about 50,000 idle)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes_dir", nargs="?", help="notes folder (default: synthetic corpus)")
    parser.add_argument("--notes", type=int, default=1000, help="synthetic notes to generate")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        notes = Path(work) / "notes"  # a copy: the manual decision is written there
        if args.notes_dir:
            shutil.copytree(args.notes_dir, notes)
        else:
            generate_corpus(notes, args.notes, seed=0)
        measure(notes, Path(work) / "cache")


if __name__ == "__main__":
    main()
