"""The review queue: every counted statement, the least sure category first.

The coding panel (:mod:`csf_analysis.coding.panel`) walks this table one row at
a time. Order: the inferred categories by the model's confidence, lowest first
(no confidence at all first of them), then the categories the notes' structure
gave, then those a researcher already set; within each, the notes' order. The
queue can be narrowed to one interview, kind of session, actor, category or
code (French category names accepted).

Example:
    >>> import pandas as pd
    >>> statements = pd.DataFrame({
    ...     "statement_id": ["s1", "s2", "s3"], "interview_id": ["a", "a", "b"],
    ...     "source_file": ["n.md"] * 3, "line": [3, 5, 9], "duplicate_of": ["", "", ""],
    ...     "category": ["facts", "feelings", "facts"],
    ...     "category_origin": ["structure", "inferred", "inferred"],
    ...     "category_confidence": [float("nan"), 0.9, 0.4]})
    >>> interviews = pd.DataFrame({"interview_id": ["a", "b"], "source_file": ["n.md"] * 2,
    ...                            "kind": ["entretien"] * 2, "actor": ["mlds", "acheteur"]})
    >>> codings = pd.DataFrame({"statement_id": ["s1"], "code": ["delais"]})
    >>> review_queue(statements, interviews, codings)["statement_id"].tolist()
    ['s3', 's2', 's1']
    >>> review_queue(statements, interviews, codings, code="delais")["statement_id"].tolist()
    ['s1']
"""
from __future__ import annotations

import pandas as pd

from ..labels import ACTOR_LABELS, CATEGORY_LABELS, KIND_LABEL
from ..schema import CATEGORIES
from .checks import category_name

__all__ = ["FILTERS", "filter_options", "neighbours", "review_queue"]

FILTERS = ("interview", "kind", "actor", "category", "code")
# Least sure first: what the model guessed, then what the notes said, then checked.
_ORIGIN_RANK = {"inferred": 0, "structure": 1, "manual": 2}


def review_queue(statements: pd.DataFrame, interviews: pd.DataFrame,
                 codings: pd.DataFrame, **filters: str) -> pd.DataFrame:
    """The statements to review (copies left out), in queue order, with the ``kind``
    and ``actor`` of their interview; ``filters`` are :data:`FILTERS` ("" = all)."""
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ValueError(f"filtre inconnu : {', '.join(sorted(unknown))} (attendu : "
                         f"{', '.join(FILTERS)})")
    scope = ["interview_id", "source_file"]  # two files may give one id (front matter)
    table = statements[statements["duplicate_of"] == ""].merge(
        interviews[[*scope, "kind", "actor"]], on=scope, how="left")
    table = table[_kept(table, codings, filters)]
    rank = table["category_origin"].map(_ORIGIN_RANK).fillna(3)
    ordered = table.assign(_rank=rank).sort_values(
        ["_rank", "category_confidence", "source_file", "line"], kind="stable",
        na_position="first")
    return ordered.drop(columns="_rank").reset_index(drop=True)


def _kept(table: pd.DataFrame, codings: pd.DataFrame, filters: dict) -> pd.Series:
    keep = pd.Series(True, index=table.index)
    for name, value in filters.items():
        if not value:
            continue
        if name == "code":
            coded = set(codings.loc[codings["code"] == value, "statement_id"])
            keep &= table["statement_id"].isin(coded)
        elif name == "category":
            keep &= table["category"] == category_name(value)
        else:
            column = "interview_id" if name == "interview" else name
            keep &= table[column].fillna("") == value
    return keep


def filter_options(statements: pd.DataFrame, interviews: pd.DataFrame,
                   codebook: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """For each filter, its (value, French label) choices, "" (all) first."""
    interview_ids = interviews.loc[interviews["interview_id"].isin(
        set(statements["interview_id"])), "interview_id"]
    kinds = [k for k in KIND_LABEL if k in set(interviews["kind"])]
    actors = [a for a in ACTOR_LABELS if a in set(interviews["actor"])]
    return {
        "interview": [("", "tous les entretiens"), *((i, i) for i in interview_ids)],
        "kind": [("", "tous les types"), *((k, KIND_LABEL[k]) for k in kinds)],
        "actor": [("", "tous les acteurs"), *((a, ACTOR_LABELS[a]) for a in actors)],
        "category": [("", "toutes les catégories"),
                     *((c, CATEGORY_LABELS[c]) for c in CATEGORIES)],
        "code": [("", "tous les codes"),
                 *((c, f"{label} ({c})") for c, label in zip(codebook["code"],
                                                             codebook["label"]))],
    }


def neighbours(statements: pd.DataFrame, statement_id: str, *,
               around: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``around`` statements before and after ``statement_id`` in its interview,
    in the notes' order (copies included: they are what the note says)."""
    row = statements.loc[statements["statement_id"] == statement_id]
    if row.empty:
        return statements.iloc[0:0], statements.iloc[0:0]
    same = statements[statements["interview_id"] == row["interview_id"].iloc[0]]
    same = same.sort_values(["source_file", "line"], kind="stable").reset_index(drop=True)
    at = int(same.index[same["statement_id"] == statement_id][0])
    return same.iloc[max(at - around, 0):at], same.iloc[at + 1:at + 1 + around]
