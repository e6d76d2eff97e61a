"""Train the theme model the product ships, measure it on the blind set it never saw,
write its weights (issue 14, part 4).

Training data: every coded theme set but ``blind2`` (see
:func:`benchmarks.theme_model.training_data`: the category training notes and the
names folders 18-21, each coded by one helper coder, and the first blind set, codes
both its coders gave), 2,725 statements. Features: :func:`csf_analysis.coding.theme_model.features`
of each statement, the patterns' themes included. Then the model revises the
patterns' themes of ``blind2`` (:meth:`~csf_analysis.coding.theme_model.ThemeModel.revise`:
a pattern's theme under ``VETO`` dropped, a theme at least ``ADD`` sure added), and
the script prints precision and recall of the patterns alone and revised, against
the two coders' consensus, for each pair of thresholds tried. The weights are written
to ``csf_analysis/data/theme_model.json`` with the figures in ``info``.

``blind2`` stays out of the training so that it stays a fair test of the product;
``benchmarks/theme_eval.py`` measures the product on it.

Measured on 2026-12-05: patterns 48.0 % / 20.2 %; revised with the shipped
thresholds (veto 0.3, add 0.9) 57.8 % / 24.4 %; every pair tried raises precision
(53.7-61.8 %). Training takes about 3 s.

Run from the project root::

    .venv/bin/python -m benchmarks.train_theme_model [--no-write]
"""
from __future__ import annotations

import argparse
import time

from benchmarks.theme_eval import HELD_OUT, coded_set, scores
from benchmarks.theme_model import training_data
from csf_analysis.coding import theme_model
from csf_analysis.coding.theme_model import DEFAULT_PATH, ThemeModel, features
from csf_analysis.reading.nlp import LEMMAS, lemmas_only, load_nlp

TEST_SET = HELD_OUT
PAIRS = [(veto, add) for veto in (0.2, 0.3, 0.4, 0.5) for add in (None, 0.8, 0.9)]


def rows_of(table, nlp) -> list[list[str]]:
    docs = lemmas_only(nlp).pipe(table["text"].tolist(), batch_size=256)
    return [features(doc, section, found)
            for doc, section, found in zip(docs, table["section"], table["patterns"])]


def micro(ids, coders, found, codes) -> tuple[float, float]:
    table = scores(ids, coders, dict(zip(ids, found)), codes, lambda code: {code})
    tp, fp, fn = table["tp"].sum(), table["fp"].sum(), table["fn"].sum()
    return tp / (tp + fp), tp / (tp + fn)


def revised(model: ThemeModel, rows, patterns, known, veto: float, add: float | None):
    theme_model.VETO, theme_model.ADD = veto, add if add is not None else 2.0
    try:
        return [kept | set(added) for kept, added in model.revise(rows, patterns, known)]
    finally:
        theme_model.VETO, theme_model.ADD = SHIPPED


SHIPPED = (theme_model.VETO, theme_model.ADD)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true")
    options = parser.parse_args(argv)
    nlp = load_nlp(components=LEMMAS)
    train, labels = training_data(TEST_SET)
    start = time.perf_counter()
    model = ThemeModel().fit(rows_of(train, nlp),
                             [labels.get(s, set()) for s in train["statement_id"]])
    seconds = time.perf_counter() - start
    test, coders = coded_set(TEST_SET)
    ids, rows, patterns = list(test["statement_id"]), rows_of(test, nlp), list(test["patterns"])
    known = set().union(*labels.values(), *patterns)
    codes = sorted(known)
    base = micro(ids, coders, patterns, codes)
    print(f"{len(train)} training statements, {len(model.codes)} themes modelled, "
          f"trained in {seconds:.1f} s; {len(ids)} statements of {TEST_SET}")
    print(f"patterns alone: precision {base[0]:.1%}, recall {base[1]:.1%}")
    for veto, add in PAIRS:
        p, r = micro(ids, coders, revised(model, rows, patterns, known, veto, add), codes)
        mark = "  <- shipped" if (veto, add) == SHIPPED else ""
        print(f"veto < {veto}, add >= {add}: precision {p:.1%}, recall {r:.1%}{mark}")
    shipped = micro(ids, coders, revised(model, rows, patterns, known, *SHIPPED), codes)
    model.info = {"trained_on": len(train), "tested_on": f"{TEST_SET} ({len(ids)} statements)",
                  "patterns": [round(v, 3) for v in base],
                  "revised": [round(v, 3) for v in shipped], "veto": SHIPPED[0],
                  "add": SHIPPED[1]}
    if not options.no_write:
        model.save(DEFAULT_PATH)
        print(f"written {DEFAULT_PATH} ({DEFAULT_PATH.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
