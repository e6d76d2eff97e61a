"""Carry hand labels over a parser change that rewrote some statements' text.

The labelled sets (``category_blind2.csv`` and its second coder's, ``category_train/<set>.csv``
and ``<set>_coder2.csv``) key
each label by ``source_file``, ``line`` and ``text``. When the parser learns
to take a speaker label off a line (``Conseillère : Le stage ...`` becomes
``Le stage ...``) or to cut a sentence elsewhere, the old key no longer
matches. This script keeps every label whose key still matches, rewrites the
key of a label whose statement on the same line now holds a part of its old
text (one candidate only, the category is never changed), and lists the
labels it could not carry over, to label again by hand. Statements left
without a label are listed too.

Example:
    $ .venv/bin/python benchmarks/rekey_labels.py benchmarks/data/category_train/t2 \\
          benchmarks/data/category_train/t2.csv            # --write to save
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from csf_analysis.corpus import load_corpus  # noqa: E402

KEY = ["source_file", "line", "text"]


def rekey(statements: pd.DataFrame, labels: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """(labels with updated keys, messages about what could not be carried over)."""
    current = set(map(tuple, statements[KEY].to_numpy()))
    by_line = statements.groupby(["source_file", "line"])["text"].agg(list).to_dict()
    taken = {tuple(k) for k in labels[KEY].to_numpy() if tuple(k) in current}
    rows, messages = [], []
    for row in labels.to_dict("records"):
        key = (row["source_file"], row["line"], row["text"])
        if key in current:
            rows.append(row)
            continue
        candidates = [text for text in by_line.get((row["source_file"], row["line"]), [])
                      if (text in row["text"] or row["text"] in text)
                      and (row["source_file"], row["line"], text) not in taken]
        if len(candidates) == 1:
            taken.add((row["source_file"], row["line"], candidates[0]))
            rows.append({**row, "text": candidates[0]})
        else:
            messages.append(f"{row['source_file']}:{row['line']}: label '{row['category']}' "
                            f"no longer matches ({len(candidates)} candidates): {row['text'][:70]}")
    out = pd.DataFrame(rows, columns=labels.columns)
    keys = set(map(tuple, out[KEY].to_numpy()))
    for key in statements[KEY].itertuples(index=False):
        if tuple(key) not in keys:
            messages.append(f"{key.source_file}:{key.line}: statement without a label: "
                            f"{key.text[:70]}")
    return out, messages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notes", type=Path)
    parser.add_argument("labels", type=Path)
    parser.add_argument("--write", action="store_true", help="save the carried-over labels")
    args = parser.parse_args(argv)
    statements = load_corpus(args.notes, cache_dir=None, code=False, progress=False).statements
    statements = statements.assign(line=statements["line"].astype(int))
    labels = pd.read_csv(args.labels, dtype=str, keep_default_na=False)
    labels = labels.assign(line=labels["line"].astype(int))
    out, messages = rekey(statements, labels)
    moved = int((out["text"].to_numpy() != labels.loc[out.index, "text"].to_numpy()).sum()) \
        if len(out) == len(labels) else "some"
    print(f"{args.labels}: {len(labels)} labels, {len(out)} carried over, {moved} with a new key")
    for message in messages:
        print("  " + message)
    if args.write:  # keep the file's line ends, so that the diff shows only new keys
        crlf = b"\r\n" in args.labels.read_bytes().split(b"\n", 1)[0] + b"\n"
        out.to_csv(args.labels, index=False, lineterminator="\r\n" if crlf else "\n")
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main())
