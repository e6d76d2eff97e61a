"""A trained check on the codebook's patterns: it vetoes unlikely themes and adds sure ones.

The patterns of :mod:`csf_analysis.coding.themes` match words, not meaning: a
statement that names « la tutrice » in passing gets *accompagnement*, « le marché
de maintenance » gets *marché public*. :class:`ThemeModel` holds one logistic
regression per theme, trained on statements that helper coders coded from the
codebook's labels and descriptions alone (``benchmarks/train_theme_model.py``). Its
features, read from the Doc the coding already made (:func:`features`): the
statement's folded lemmas and lemma bigrams (stop words left out), the words of its
section heading, and the themes the patterns gave (``auto:<code>``).

:func:`revise_codings` applies it to the patterns' codings:

* a pattern's theme whose probability is under :data:`VETO` is dropped, and kept
  apart (:attr:`Revision.vetoed`) so the coding panel can show it struck through,
  « écarté par le modèle », for the researcher to put back in one click;
* a theme the patterns missed whose probability is at least :data:`ADD` is added,
  with origin ``auto`` and ``pattern`` ``modèle 0.93`` (the probability), so the
  panel can say why;
* a code the model does not know (a code the team added), or one the team's
  ``codebook.yml`` redefines, keeps its patterns' answer.

Measured on two blind sets never trained on, 939 statements (``benchmarks/theme_eval.py``):
precision 42.5 -> 49.0 %, recall 19.3 -> 22.7 %. Far from the issue's goals (90 % /
75 %), but better on both counts, on each set.

The weights live in a plain JSON file (:meth:`ThemeModel.save`, no pickle):
``csf_analysis/data/theme_model.json``, read once by :func:`load_default`.

Example:
    >>> from csf_analysis.reading.nlp import LEMMAS, load_nlp
    >>> doc = load_nlp(components=LEMMAS)("Le tuteur accompagne le jeune.")
    >>> features(doc, "Tutorat", {"accompagnement"})  # doctest: +NORMALIZE_WHITESPACE
    ['w:tuteur', 'w:accompagner', 'w:jeune', 'b:tuteur_accompagner', 'b:accompagner_jeune',
     'h:tutorat', 'auto:accompagnement']
    >>> model = load_default()
    >>> "accompagnement" in model.codes
    True
"""
from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from .. import config
from ..text import fold
from . import weights
from .themes import AUTO

DEFAULT_PATH = config.DATA_DIR / "theme_model.json"
FORMAT = "csf-theme-model/1"
# A pattern's theme under this probability is dropped; a theme over ADD is added.
# Chosen among 12 pairs (0.2-0.5 x none, 0.8, 0.9) measured on blind2; it raised both
# figures there and on blind3, coded later (benchmarks/train_theme_model.py).
VETO = 0.3
ADD = 0.9
MODEL_PREFIX = "modèle"


def features(doc: Doc, section: str, auto: Iterable[str]) -> list[str]:
    """The model's features of one statement: ``w:`` lemmas, ``b:`` lemma bigrams,
    ``h:`` heading words, ``auto:`` the patterns' themes."""
    lemmas = [fold(t.lemma_) for t in doc if t.is_alpha and not t.is_stop]
    return [*(f"w:{w}" for w in lemmas),
            *(f"b:{a}_{b}" for a, b in zip(lemmas, lemmas[1:])),
            *(f"h:{fold(w)}" for w in str(section).split() if w.isalpha()),
            *(f"auto:{code}" for code in sorted(auto))]


class ThemeModel(weights.Stored):
    """One binary logistic regression per theme over sparse binary features.

    Args:
        C: Inverse regularisation strength.
        min_count: Keep only features seen in at least this many training statements.
        min_examples: A theme with fewer positive examples is not modelled.
    """

    def __init__(self, *, C: float = 1.0, min_count: int = 2, min_examples: int = 5) -> None:
        self.C, self.min_count, self.min_examples = C, min_count, min_examples
        self.codes: list[str] = []
        self.vocabulary: dict[str, int] = {}
        self.coef = np.zeros((0, 0))
        self.intercept = np.zeros(0)
        self.info: dict = {}

    def fit(self, rows: Sequence[list[str]], labels: Sequence[set[str]]) -> ThemeModel:
        """Learn one regression per theme with at least ``min_examples`` statements."""
        from sklearn.linear_model import LogisticRegression

        self._learn_vocabulary(rows)
        matrix = self._matrix(rows)
        found = sorted({code for codes in labels for code in codes})
        self.codes, coefs, intercepts = [], [], []
        for code in found:
            y = np.array([code in codes for codes in labels])
            if y.sum() < self.min_examples:
                continue
            clf = LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000)
            clf.fit(matrix, y)
            self.codes.append(code)
            coefs.append(clf.coef_[0])
            intercepts.append(clf.intercept_[0])
        self.coef = np.vstack(coefs) if coefs else np.zeros((0, len(self.vocabulary)))
        self.intercept = np.array(intercepts)
        return self

    def probabilities(self, rows: Sequence[list[str]]) -> np.ndarray:
        """P(theme) of each feature list: one row per statement, columns in
        :attr:`codes` order."""
        scores = self._matrix(rows) @ self.coef.T + self.intercept
        return 1.0 / (1.0 + np.exp(-np.asarray(scores)))

    def revise(self, rows: Sequence[list[str]], auto: Sequence[set[str]], known: set[str],
               *, veto: float = VETO, add: float = ADD, own: Collection[str] = (),
               probs: np.ndarray | None = None) -> list[tuple[set[str], dict[str, float]]]:
        """For each statement: the patterns' themes kept (those at least ``veto``
        likely), and the themes added with their probability (at least ``add``; only
        codes in ``known``, the codebook's). The codes in ``own`` (those the team's
        codebook defines, a shipped code redefined too) are left to their patterns:
        the model learnt the shipped sense. ``probs``: :meth:`probabilities` of
        ``rows``, when already computed."""
        if not rows:
            return []
        probs = self.probabilities(rows) if probs is None else probs
        column = {code: j for j, code in enumerate(self.codes) if code not in own}
        out = []
        for p, found in zip(probs, auto):
            kept = {c for c in found if c not in column or p[column[c]] >= veto}
            added = {c: float(p[j]) for c, j in column.items()
                     if p[j] >= add and c in known and c not in found}
            out.append((kept, added))
        return out

    def to_dict(self, *, digits: int = 3) -> dict:
        """A JSON-friendly copy (weights rounded; features all zero left out)."""
        return {"format": FORMAT, "C": self.C, "min_count": self.min_count,
                "min_examples": self.min_examples, "codes": list(self.codes),
                **self._linear(digits)}

    @classmethod
    def from_dict(cls, data: dict) -> ThemeModel:
        """The model :meth:`to_dict` described."""
        cls.check_format(data, FORMAT, "theme model")
        model = cls(C=data["C"], min_count=data["min_count"],
                    min_examples=data["min_examples"])
        model.codes = list(data["codes"])
        return model._restore(data, classes=len(model.codes))


@functools.lru_cache(maxsize=1)
def load_default() -> ThemeModel:
    """The shipped model (``csf_analysis/data/theme_model.json``), loaded once."""
    return ThemeModel.shipped(DEFAULT_PATH, "python -m benchmarks.train_theme_model")


class Revision(NamedTuple):
    """The patterns' codings once revised, and the rows the model vetoed (their
    ``pattern`` ends with ``modèle 0.12``, the probability it gave), for the review."""

    codings: pd.DataFrame
    vetoed: pd.DataFrame


def revise_codings(codings: pd.DataFrame, statement_ids: Sequence[str], docs: Sequence[Doc],
                   sections: Sequence[str], known: set[str],
                   model: ThemeModel | None = None, own: Collection[str] = ()) -> Revision:
    """The patterns' ``codings`` rows, revised by the model (see the module's doc):
    rows vetoed are set apart, rows added follow each statement's kept rows; the codes
    in ``own`` (the team's) as the patterns give them."""
    model = model or load_default()
    by_statement: dict[str, list[dict]] = {}
    for row in codings.to_dict("records"):
        by_statement.setdefault(row["statement_id"], []).append(row)
    auto = [{r["code"] for r in by_statement.get(sid, [])} for sid in statement_ids]
    rows = [features(doc, section, found) for doc, section, found
            in zip(docs, sections, auto)]
    probs = model.probabilities(rows) if rows else np.zeros((0, len(model.codes)))
    column = {code: j for j, code in enumerate(model.codes)}
    out: list[dict] = []
    vetoed: list[dict] = []
    for i, (sid, (kept, added)) in enumerate(zip(statement_ids, model.revise(
            rows, auto, known, own=own, probs=probs))):
        for row in by_statement.get(sid, []):
            if row["code"] in kept:
                out.append(row)
            else:
                sure = probs[i, column[row["code"]]]  # "marche-public#0; modèle 0.18"
                vetoed.append({**row, "pattern": f"{row['pattern']}; {MODEL_PREFIX} {sure:.2f}"})
        out.extend({"statement_id": sid, "code": code, "origin": AUTO, "coder": AUTO,
                    "matched": "", "pattern": f"{MODEL_PREFIX} {p:.2f}"}
                   for code, p in sorted(added.items()))
    return Revision(*(pd.DataFrame(table, columns=list(codings.columns)).astype(str)
                      for table in (out, vetoed)))


__all__ = ["ADD", "VETO", "Revision", "ThemeModel", "features", "load_default",
           "revise_codings"]
