"""The category model adapted to one notes folder, from the categories its team checked.

Issue 14, part 3: the researchers' checked and corrected categories retrain the
category model for their folder, in seconds, and the review queue re-ranks after it.
The shipped model (:func:`csf_analysis.coding.category_model.load_default`) was
trained on notes that are not shipped, so it cannot be refitted from scratch here.
:func:`adapt` moves its weights toward the team's labels instead, with a Gaussian
prior centred on the shipped weights (Chelba & Acero, 2006: « adaptation of maximum
entropy capitalizer: little data can help a lot »): it minimises the weighted
cross-entropy on the team's statements plus ``||W - W0||² / (2C)``. Only the features
the team's statements carry move (the others keep the shipped weight: the prior's
gradient is zero there), so a fit touches a few thousand weights and takes well under
a second. Features the shipped model never saw (the folder's own words) start at 0.

The prior's precision on each weight is the evidence the shipped training rows gave
it (:func:`evidence`, stored with the shipped model): the weights of common features
barely move, those of rare ones do, as if the model were retrained on its training
data plus the team's labels, each counted :data:`TEAM_WEIGHT` times. Measured by
``benchmarks/category_learning.py`` (a researcher checks the least sure first, the
model adapted every 10): chosen on the fourteen training sets (each reviewed with a
model trained without it: 73.3 % of all inferred categories right after 20 %
reviewed without adapting, 75.6 % adapted), then measured once on the blind sets:
``category_blind2`` 81.3 -> 82.7 % and ``category_blind3`` 67.4 -> 71.9 % after 20 %
reviewed, as good as or better than retraining on everything (82.7 and 71.2 %), in
0.02 s a fit instead of 4-7 s.

Flow, one way: the coding stage keeps each silent statement's rule and model
features (:data:`ROWS_KEY` of the per-note coding result) -> the decisions in force
(:func:`labelled`) -> :func:`folder_model` (``None`` under :data:`MIN_LABELS`) ->
:func:`reinfer` gives every still-inferred statement its category and confidence
from the adapted model, as :func:`csf_analysis.coding.categories.infer_categories`
does from the shipped one.

Example:
    >>> from csf_analysis.coding.category_model import CategoryModel
    >>> base = CategoryModel().fit_features(
    ...     [["w:a"], ["w:b"], ["w:a", "w:c"], ["w:b", "w:c"]],
    ...     ["facts", "feelings", "facts", "feelings"])
    >>> base.predict_features([["w:c", "w:d"]])[0][0] in ("facts", "feelings")
    True
    >>> team = adapt(base, [["w:c", "w:d"]] * 3, ["feelings"] * 3)
    >>> team.predict_features([["w:d"]])[0][0]
    'feelings'
"""
from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # spaCy and the models load only when a model is adapted
    from .category_model import CategoryModel

__all__ = ["MIN_LABELS", "PRIOR_C", "ROWS_KEY", "TEAM_WEIGHT", "adapt", "evidence",
           "folder_model", "labelled", "reinfer"]

# The per-note coding result's key: {statement_id: [rule id, [feature, ...]]}.
ROWS_KEY = "model_rows"
# The prior's variance on every weight of a model that carries no evidence (one
# trained elsewhere); the best of 0.1-10 on the training sets
# (benchmarks/category_learning.py --tune), a little under the evidence's prior.
PRIOR_C = 0.3
# How many times a team's label counts against one of the shipped training statements
# (1, 3 and 10 within 0.6 point on the training sets; 3 as the retraining had).
TEAM_WEIGHT = 3.0
# Fewer checked categories than this: the shipped model is kept as is.
MIN_LABELS = 10


def adapt(base: CategoryModel, rows: Sequence[list[str]], labels: Sequence[str], *,
          sample_weight: Sequence[float] | None = None, C: float = PRIOR_C,
          weight: float = TEAM_WEIGHT) -> CategoryModel:
    """A copy of ``base`` whose weights fit ``rows`` labelled ``labels`` (each counted
    ``weight`` times), held near ``base`` by a Gaussian prior; labels ``base`` cannot
    give are left out.

    The prior's precision on a weight is what the shipped training data said of it
    (``base.evidence``, :func:`evidence`: the diagonal of the training loss's Hessian,
    a Laplace approximation), so that adapting comes close to retraining on the
    shipped data plus the team's; a model without it gets ``1 / C`` everywhere."""
    from scipy.optimize import minimize

    keep = [i for i, label in enumerate(labels) if label in base.classes]
    rows = [rows[i] for i in keep]
    weights = weight * (np.ones(len(keep)) if sample_weight is None
                        else np.asarray(sample_weight, dtype=float)[keep])
    if not rows:
        return copy.copy(base)
    names = sorted({name for row in rows for name in row})
    local = {name: j for j, name in enumerate(names)}
    x = _binary([[local[n] for n in set(row)] for row in rows], len(names))
    k = len(base.classes)
    w0 = np.zeros((k, len(names)))
    known = [(j, base.vocabulary[n]) for j, n in enumerate(names) if n in base.vocabulary]
    if known:
        w0[:, [j for j, _ in known]] = base.coef[:, [c for _, c in known]]
    y = np.zeros((len(rows), k))
    y[np.arange(len(rows)), [base.classes.index(labels[i]) for i in keep]] = 1.0
    start = np.concatenate([w0.ravel(), base.intercept])
    loss = _Loss(x, y, weights, start, _precision(base, names, C), k)
    fitted = minimize(loss, start, jac=True, method="L-BFGS-B",
                      options={"maxiter": 500}).x
    model = _with_weights(base, names, fitted[:-k].reshape(k, -1), fitted[-k:])
    model.info = {**base.info, "adapted_on": len(rows)}  # the folder's labelled statements
    return model


def _precision(base: CategoryModel, names: list[str], C: float) -> np.ndarray:
    """The prior's precision on each of the flat parameters (``names``' weights, class
    by class, then the intercepts)."""
    k = len(base.classes)
    held = base.evidence
    if held is None:
        return np.full(k * (len(names) + 1), 1.0 / C)
    column = [held.get(n, 0.0) + 1.0 / base.C for n in names]
    return np.concatenate([np.tile(column, k), np.full(k, held.get("", 1.0 / base.C))])


def evidence(model: CategoryModel, rows: Sequence[list[str]], labels: Sequence[str],
             sample_weight: Sequence[float] | None = None) -> dict[str, float]:
    """How much the training data pins each weight of ``model`` (trained on ``rows``):
    ``sum_i w_i p_i x_ij``, ``p_i`` the mean of ``p(1 - p)`` over the classes, the
    weights ``w_i`` balanced by class as the fit did; ``""``: the intercepts'."""
    labels = list(labels)
    w = np.ones(len(rows)) if sample_weight is None else np.asarray(sample_weight, float)
    if model.class_weight == "balanced":
        counts = pd.Series(labels).value_counts()
        w = w * np.array([len(labels) / (len(counts) * counts[label]) for label in labels])
    probs = model.probabilities(rows)
    spread = w * (probs * (1 - probs)).mean(axis=1)
    per_feature = model._matrix(rows).T @ spread
    names = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
    return {"": float(spread.sum()),
            **{n: float(v) for n, v in zip(names, per_feature) if v > 0}}


class _Loss:
    """Weighted cross-entropy plus the prior, and its gradient, of flat parameters."""

    def __init__(self, x, y: np.ndarray, weights: np.ndarray, prior: np.ndarray,
                 precision: np.ndarray, k: int) -> None:
        self.x, self.y, self.w, self.prior, self.k = x, y, weights, prior, k
        self.precision = precision

    def __call__(self, theta: np.ndarray) -> tuple[float, np.ndarray]:
        k = self.k
        coef, intercept = theta[:-k].reshape(k, -1), theta[-k:]
        scores = self.x @ coef.T + intercept
        scores -= scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(scores).sum(axis=1, keepdims=True))
        probs = np.exp(scores - log_norm)
        data = float((self.w * -(self.y * (scores - log_norm)).sum(axis=1)).sum())
        shift = theta - self.prior
        residual = self.w[:, None] * (probs - self.y)
        grad = np.concatenate([(self.x.T @ residual).T.ravel(), residual.sum(axis=0)])
        return (data + float(shift @ (self.precision * shift)) / 2,
                grad + self.precision * shift)


def _binary(columns: list[list[int]], width: int):
    from scipy.sparse import csr_matrix

    indices = [j for row in columns for j in sorted(row)]
    indptr = np.cumsum([0] + [len(row) for row in columns])
    return csr_matrix((np.ones(len(indices)), indices, indptr),
                      shape=(len(columns), width))


def _with_weights(base: CategoryModel, names: list[str], coef: np.ndarray,
                  intercept: np.ndarray) -> CategoryModel:
    """``base`` with the columns of ``names`` set to ``coef`` (new ones appended)."""
    model = copy.copy(base)
    model.vocabulary = dict(base.vocabulary)
    new = [n for n in names if n not in model.vocabulary]
    for n in new:
        model.vocabulary[n] = len(model.vocabulary)
    model.coef = np.hstack([base.coef, np.zeros((len(base.classes), len(new)))])
    model.coef[:, [model.vocabulary[n] for n in names]] = coef
    model.intercept = np.array(intercept, dtype=float)
    return model


def labelled(rows: Mapping[str, list], decisions: pd.DataFrame) -> tuple[list, list[str]]:
    """(features, category) of the statements whose category the decisions in force
    (``statement_id``, ``action``, ``code``; the latest per statement) set or checked,
    among those ``rows`` holds; in statement id order, so a fit never depends on the
    order decisions were taken in."""
    chosen = decisions[decisions["action"] == "category"].drop_duplicates(
        "statement_id", keep="last")
    pairs = sorted((sid, category) for sid, category in zip(chosen["statement_id"],
                                                            chosen["code"]) if sid in rows)
    return [rows[sid][1] for sid, _ in pairs], [category for _, category in pairs]


def folder_model(rows: Mapping[str, list], decisions: pd.DataFrame, *,
                 base: CategoryModel | None = None) -> CategoryModel | None:
    """The shipped model adapted to the decisions in force, or None when fewer than
    :data:`MIN_LABELS` of its categories were checked."""
    from .category_model import load_default

    features, categories = labelled(rows, decisions)
    if len(categories) < MIN_LABELS:  # too few whatever the classes: no model to load
        return None
    base = base or load_default()
    if sum(category in base.classes for category in categories) < MIN_LABELS:
        return None
    key = (id(base), tuple(categories), tuple(map(tuple, features)))
    if _LAST.get("key") != key:  # a refresh with the same decisions adapts nothing again
        _LAST.clear()
        _LAST.update(key=key, base=base, model=adapt(base, features, categories), found={})
    return _LAST["model"]


# This process's last adaptation: its key, the model, and what it inferred of each
# statement ({statement id: (its features list, Inferred)}), so that a refresh after a
# note is added infers the new statements only (benchmarks/bench_refresh.py --checked).
_LAST: dict = {}


def reinfer(statements: pd.DataFrame, rows: Mapping[str, list],
            model: CategoryModel) -> pd.DataFrame:
    """``statements`` whose ``inferred`` categories (and rule, confidence) ``model``
    gives again from their kept ``rows``, the rules overruled as
    :func:`csf_analysis.coding.categories.infer_categories` does."""
    hit = (statements["category_origin"] == "inferred") \
        & statements["statement_id"].isin(rows.keys())
    ids = statements.loc[hit, "statement_id"].tolist()
    if not ids:
        return statements
    found = _inferred(ids, rows, model)
    statements = statements.copy()
    statements.loc[hit, ["category", "category_rule"]] = [[f.category, f.rule] for f in found]
    statements.loc[hit, "category_confidence"] = [round(f.confidence, 3) for f in found]
    return statements


def _inferred(ids: list[str], rows: Mapping[str, list], model: CategoryModel) -> list:
    """The Inferred of each statement, those of the last adaptation's model remembered
    while their features are the same list (an unchanged note in a running kernel)."""
    from .categories import decide

    memo = _LAST["found"] if _LAST.get("model") is model else {}
    todo = [sid for sid in ids if memo.get(sid, (None,))[0] is not rows[sid][1]]
    if todo:
        probs = model.probabilities([rows[sid][1] for sid in todo])
        memo.update((sid, (rows[sid][1], decide(rows[sid][0], p, model.classes)))
                    for sid, p in zip(todo, probs))
    return [memo[sid][1] for sid in ids]
