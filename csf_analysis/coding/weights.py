"""The trained models' weights as plain JSON: one feature a line, no pickle.

Both :mod:`csf_analysis.coding.category_model` and :mod:`csf_analysis.coding.theme_model`
keep a linear model over binary features as ``{feature: [one weight per class]}``
beside their settings; :class:`Stored` is what they share.

Example:
    >>> import numpy as np
    >>> weights = rounded({"w:retard": 0, "w:rien": 1}, np.array([[0.12345, 0.0]]), digits=2)
    >>> weights
    {'w:retard': [0.12]}
    >>> vocabulary, coef = matrix(weights, classes=1)
    >>> vocabulary, coef.tolist()
    ({'w:retard': 0}, [[0.12]])
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Self

import numpy as np


def rounded(vocabulary: dict[str, int], coef: np.ndarray, *, digits: int) -> dict[str, list]:
    """``{feature: weights}`` of a ``classes x features`` matrix, rounded to ``digits``;
    a feature whose weights all round to zero is left out."""
    weights = {}
    for name, column in vocabulary.items():
        values = [round(float(v), digits) for v in coef[:, column]]
        if any(values):
            weights[name] = values
    return weights


def matrix(weights: dict[str, list], *, classes: int) -> tuple[dict[str, int], np.ndarray]:
    """The vocabulary and the ``classes x features`` matrix :func:`rounded` described."""
    names = sorted(weights)
    coef = np.array([weights[n] for n in names], dtype=float).reshape(len(names), classes).T
    return {name: i for i, name in enumerate(names)}, coef


PER_FEATURE = ("evidence", "weights")  # written one feature a line, in this order


def save(path: str | Path, data: dict) -> None:
    """Write a model's ``data`` as JSON, its ``weights`` (and ``evidence``, if any) one
    feature a line (readable diffs)."""
    data = dict(data)
    blocks = {key: data.pop(key) for key in PER_FEATURE if key in data}
    head = json.dumps(data, ensure_ascii=False, sort_keys=True)[:-1]
    parts = []
    for key, values in blocks.items():
        lines = [f"  {json.dumps(name, ensure_ascii=False)}: {json.dumps(value)}"
                 for name, value in sorted(values.items())]
        parts.append(f'"{key}": {{\n' + ",\n".join(lines) + "\n}")
    Path(path).write_text(f"{head}, " + ", ".join(parts) + "}\n", encoding="utf-8")


def load(path: str | Path) -> dict:
    """What :func:`save` wrote."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


class Stored:
    """``save`` and ``load`` for a linear model that has ``to_dict`` and ``from_dict``,
    and the parts of those both models share."""

    min_count: int
    vocabulary: dict[str, int]
    coef: np.ndarray
    intercept: np.ndarray
    info: dict

    def _learn_vocabulary(self, rows: Sequence[list[str]]) -> None:
        """Keep the features seen in at least ``min_count`` training statements."""
        counts: dict[str, int] = {}
        for row in rows:
            for name in set(row):
                counts[name] = counts.get(name, 0) + 1
        kept = sorted(name for name, n in counts.items() if n >= self.min_count)
        self.vocabulary = {name: i for i, name in enumerate(kept)}

    def _matrix(self, rows: Sequence[list[str]]):
        """Binary features -> a sparse ``statements x vocabulary`` matrix."""
        from scipy.sparse import csr_matrix

        indices, indptr = [], [0]
        for row in rows:
            indices.extend(sorted({self.vocabulary[n] for n in row if n in self.vocabulary}))
            indptr.append(len(indices))
        return csr_matrix((np.ones(len(indices)), indices, indptr),
                          shape=(len(rows), len(self.vocabulary)))

    def _linear(self, digits: int) -> dict:
        """The intercept, info and weights of :meth:`to_dict`."""
        return {"intercept": [round(float(v), digits) for v in self.intercept],
                "info": dict(self.info),
                "weights": rounded(self.vocabulary, self.coef, digits=digits)}

    def _restore(self, data: dict, *, classes: int) -> Self:
        """Set what :meth:`_linear` wrote; ``self`` for chaining."""
        self.vocabulary, self.coef = matrix(data["weights"], classes=classes)
        self.intercept = np.array(data["intercept"], dtype=float)
        self.info = dict(data.get("info", {}))
        return self

    @staticmethod
    def check_format(data: dict, expected: str, what: str) -> None:
        """A clear error when ``data`` is not the model it should be."""
        if data.get("format") != expected:
            raise ValueError(f"not a {what}: format {data.get('format')!r}, "
                             f"expected {expected!r}")

    def to_dict(self) -> dict:
        raise NotImplementedError

    @classmethod
    def from_dict(cls, data: dict) -> Self:
        raise NotImplementedError

    def save(self, path: str | Path) -> None:
        """Write :meth:`to_dict` as JSON, one feature a line (readable diffs)."""
        save(path, self.to_dict())

    @classmethod
    def load(cls, path: str | Path) -> Self:
        """Read a model written by :meth:`save`."""
        return cls.from_dict(load(path))

    @classmethod
    def shipped(cls, path: Path, trainer: str) -> Self:
        """The model shipped at ``path``; a clear error naming ``trainer`` if missing."""
        if not path.is_file():
            raise FileNotFoundError(f"no trained model at {path}: run `{trainer}` to train "
                                    "and write it")
        return cls.load(path)
