"""Computed highlights: where each main theme appears, by actor and clause size.

Every figure is a count of interviews (« 4 sur 6 »), computed from the
codings; a comparison between groups is made only where each compared group
has at least :data:`~csf_analysis.report.charts.MIN_GROUP` interviews, and the
report says so otherwise. Nothing here is written by hand.

Example:
    >>> import pandas as pd
    >>> groups = pd.Series(["entreprise"] * 4 + ["acheteur"] * 3 + ["MLDS"],
    ...                    index=[f"i{k}" for k in range(8)])
    >>> spread({"i0", "i1", "i2", "i4"}, groups)
    ['entreprise 3 sur 4', 'acheteur 1 sur 3']
    >>> compared(groups)
    ['entreprise', 'acheteur']
    >>> shares({"i0", "i1", "i2", "i4"}, groups, ["entreprise", "acheteur"])
    'entreprise 75 %, acheteur 33 %'
"""
from __future__ import annotations

import pandas as pd

from ..labels import NO_CLAUSE, actor_group, actor_label, clause_sizes
from .charts import MIN_GROUP

__all__ = ["MAIN_THEMES", "compared", "comparison_note", "groupings", "shares", "spread",
           "theme_table"]

MAIN_THEMES = 8  # themes told one by one, in most interviews first; the others in a table


def theme_table(codings: pd.DataFrame, statements: pd.DataFrame,
                codebook: pd.DataFrame) -> pd.DataFrame:
    """One row per coded theme: code, label, n_statements (the codebook's count), the
    interviews it appears in (``interview_ids``, in the notes' order) and their number;
    in most interviews first, then most statements, then code."""
    coded = codings.drop_duplicates(["statement_id", "code"]).merge(
        statements[["statement_id", "interview_id"]], on="statement_id")
    coded = coded[coded["interview_id"] != ""]
    ids = coded.groupby("code", sort=False)["interview_id"].agg(
        lambda s: tuple(dict.fromkeys(s)))
    table = codebook.loc[codebook["n_statements"] > 0, ["code", "label", "n_statements"]]
    table = table.assign(interview_ids=table["code"].map(ids).map(
        lambda v: v if isinstance(v, tuple) else ()))
    table = table.assign(n_interviews=table["interview_ids"].map(len))
    return table.sort_values(["n_interviews", "n_statements", "code"],
                             ascending=[False, False, True], kind="stable").reset_index(drop=True)


def groupings(interviews: pd.DataFrame) -> dict[str, pd.Series]:
    """Each interview's actor and clause size, indexed by interview id."""
    index = interviews["interview_id"].to_numpy()
    return {"acteur": pd.Series(actor_group(interviews["actor"]).to_numpy(), index=index),
            "taille de clause": pd.Series(clause_sizes(interviews).replace("", NO_CLAUSE)
                                          .to_numpy(), index=index)}


def _name(group: str) -> str:
    return group if group[:1].isdigit() or group == NO_CLAUSE else actor_label(group, lower=True)


def spread(ids: set[str], groups: pd.Series) -> list[str]:
    """« entreprise 3 sur 4 » for each group the theme appears in, largest groups first."""
    totals = groups.value_counts()
    found = groups[groups.index.isin(ids)].value_counts()
    return [f"{_name(g)} {found[g]} sur {n}" for g, n in totals.items() if found.get(g, 0)]


def compared(groups: pd.Series) -> list[str]:
    """The groups of at least MIN_GROUP interviews (never « non précisée »), when there
    are two or more of them to compare; else none."""
    big = [g for g, n in groups.value_counts().items() if n >= MIN_GROUP and g != NO_CLAUSE]
    return big if len(big) >= 2 else []


def shares(ids: set[str], groups: pd.Series, which: list[str]) -> str:
    """The share of the interviews of each compared group where the theme appears."""
    totals = groups.value_counts()
    found = groups[groups.index.isin(ids)].value_counts()
    return ", ".join(f"{_name(g)} {found.get(g, 0) / totals[g] * 100:.0f} %" for g in which)


def comparison_note(what: str, groups: pd.Series) -> str:
    """What is compared for one grouping, said once for all themes."""
    which = compared(groups)
    if not which:
        return (f"Par {what} : trop peu d'entretiens par {what} pour comparer (il en faut "
                f"au moins {MIN_GROUP} dans chaque groupe) ; les nombres sont donnés tels quels.")
    sizes = groups.value_counts()
    kept = ", ".join(f"{_name(g)} ({sizes[g]} entretiens)" for g in which)
    rest = "" if len(which) == len(sizes) else \
        f" ; les autres, de moins de {MIN_GROUP} entretiens, sont comptés sans être comparés"
    return f"Par {what} : groupes comparés, {kept}{rest}."
