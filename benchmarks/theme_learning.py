"""Would the theme model learn from a team's reviewed themes? (issue 14, part 4: "the
panel's rejections of auto themes are data for this"), simulated before any product
change.

Each held-out theme set (``blind2``, ``blind3`` of :mod:`benchmarks.theme_eval`) stands
for a team's notes folder. A researcher reviews its statements in reading order and
puts their themes right (the first coder's codes); after 10, 20, 30 and 50 % of them,
the shipped model is adapted to the reviewed statements: for each theme, a logistic
regression on them whose weights are pulled towards the shipped ones (an L2 penalty
``--strength`` x ||w - w_shipped||^2, features the folder adds starting at 0), so a few
dozen statements move it without undoing 2,725. The product's revision (patterns
vetoed under 0.3, themes added over 0.9) then runs with the adapted model on the
statements not yet reviewed, scored against both coders' consensus, beside the shipped
model on the same statements.

Measured on 2026-12-05 (strength 1): precision rises and recall falls on both sets at
every share reviewed; ``blind2`` after 20 %: 55.2 / 21.9 % -> 59.8 / 16.3 %, after 50 %:
58.3 / 19.4 -> 71.1 / 14.8 %; ``blind3`` after 20 %: 37.1 / 16.7 -> 44.3 / 13.6 %. A
weaker pull gains more precision and loses more recall (0.3, after 20 %: 61.7 / 14.8 %
and 46.2 / 11.6 %), a stronger one moves both less (5: 56.5 / 19.2 %, 42.4 / 15.1 %).
The reviewed statements mostly teach the model that a pattern's word was not the theme
(vetoes), rarely a theme no pattern found: the trade is not the goal (precision 90 %,
recall 75 %), so nothing of it is shipped. Adapting takes 0.1-2 s.

Run from the project root::

    .venv/bin/python -m benchmarks.theme_learning [--strength 1.0]
"""
from __future__ import annotations

import argparse
import time

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from benchmarks.theme_eval import HELD_OUT, coded_set
from benchmarks.train_theme_model import SHIPPED, micro, revised, rows_of
from csf_analysis.coding.theme_model import ThemeModel, load_default
from csf_analysis.reading.nlp import LEMMAS, load_nlp

SHARES = (0.1, 0.2, 0.3, 0.5)


def adapt(model: ThemeModel, rows: list[list[str]], labels: list[set[str]],
          strength: float) -> ThemeModel:
    """``model`` fitted to the reviewed ``rows``, each theme's weights kept near its own."""
    new = ThemeModel()
    new.codes, new.vocabulary = list(model.codes), dict(model.vocabulary)
    for row in rows:
        for name in row:
            new.vocabulary.setdefault(name, len(new.vocabulary))
    x = sparse.csr_matrix(new._matrix(rows))
    coef = np.zeros((len(new.codes), len(new.vocabulary)))
    coef[:, :len(model.vocabulary)] = model.coef
    intercept = model.intercept.copy()
    for k, code in enumerate(new.codes):
        y = np.array([code in codes for codes in labels], dtype=float)
        prior = np.append(coef[k], intercept[k])

        def loss(w, y=y, prior=prior):
            z = x @ w[:-1] + w[-1]
            p = 1 / (1 + np.exp(-z))
            value = np.sum(np.logaddexp(0, z) - y * z) + strength / 2 * np.sum((w - prior) ** 2)
            return value, np.append(x.T @ (p - y), np.sum(p - y)) + strength * (w - prior)

        found = minimize(loss, prior, jac=True, method="L-BFGS-B", options={"maxiter": 200})
        coef[k], intercept[k] = found.x[:-1], found.x[-1]
    new.coef, new.intercept = coef, intercept
    return new


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--strength", type=float, default=1.0)
    options = parser.parse_args(argv)
    nlp, shipped = load_nlp(components=LEMMAS), load_default()
    for name in HELD_OUT:
        table, coders = coded_set(name)
        ids, rows, found = list(table["statement_id"]), rows_of(table, nlp), list(table["patterns"])
        known = set(shipped.codes).union(*coders[0].values(), *coders[1].values())
        for share in SHARES:
            k = int(len(ids) * share)
            rest = range(k, len(ids))
            truth = ([ids[i] for i in rest],
                     [{ids[i]: c[ids[i]] for i in rest if ids[i] in c} for c in coders])
            start = time.perf_counter()
            adapted = adapt(shipped, rows[:k], [coders[0].get(i, set()) for i in ids[:k]],
                            options.strength)
            seconds = time.perf_counter() - start
            (p0, r0), (p1, r1) = (
                micro(*truth, revised(model, [rows[i] for i in rest], [found[i] for i in rest],
                                      known, *SHIPPED), sorted(known))
                for model in (shipped, adapted))
            print(f"{name}, {share:.0%} reviewed ({k}): the rest, shipped P {p0:.1%} R {r0:.1%}"
                  f" -> adapted P {p1:.1%} R {r1:.1%} ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
