"""Agreement between two coders: Cohen's kappa per code, Krippendorff's alpha.

A coder's view is the set of (statement, code) pairs they gave and the
statements they coded. A researcher's view comes from their ``add``
decisions (independent coding, as in QDA software); the special coder
``auto`` is the toolkit's own coding (auto and inline codes), which covers
every statement. Agreement is computed on the statements both coded: per
code, a yes/no per statement for each coder (Cohen's kappa); over all codes,
every (statement, code) unit (Krippendorff's alpha, nominal).

Example:
    >>> a = CoderView("a", {("s1", "x"), ("s2", "y")}, {"s1", "s2", "s3"})
    >>> b = CoderView("b", {("s1", "x"), ("s2", "x")}, {"s1", "s2", "s3"})
    >>> per_code, summary = agreement(a, b)
    >>> summary["n_statements"], list(per_code["code"])
    (3, ['x', 'y'])
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

AUTO = "auto"
# Below this many statements coded by both, kappa and alpha are given but said to be
# not yet meaningful: a handful of statements makes them swing from -1 to 1.
MIN_STATEMENTS = 30


@dataclass(frozen=True)
class CoderView:
    coder: str
    pairs: set[tuple[str, str]]   # (statement_id, code)
    statements: set[str]          # statements this coder coded (yes or no)


def coder_view(coder: str, *, auto_codings: pd.DataFrame, decisions: pd.DataFrame,
               statement_ids) -> CoderView:
    """Build the view of ``coder`` ("auto" for the toolkit's own coding)."""
    if coder == AUTO:
        return CoderView(AUTO, set(zip(auto_codings["statement_id"], auto_codings["code"])),
                         set(statement_ids))
    mine = decisions[(decisions["coder"] == coder) & decisions["action"].isin(["add", "remove"])]
    if mine.empty:
        raise ValueError(f"coder {coder!r} has no coding decision: known coders are "
                         f"{', '.join(sorted(set(decisions['coder']))) or 'none yet'} and 'auto'")
    adds = mine[mine["action"] == "add"]
    return CoderView(coder, set(zip(adds["statement_id"], adds["code"])),
                     set(mine["statement_id"]) & set(statement_ids))


def agreement(a: CoderView, b: CoderView) -> tuple[pd.DataFrame, dict]:
    """Per-code kappa table and a summary with alpha, on statements both coded."""
    from sklearn.metrics import cohen_kappa_score  # heavy, only when agreement is asked for

    common = sorted(a.statements & b.statements)
    codes = sorted({c for s, c in a.pairs | b.pairs if s in set(common)})
    rows, units = [], []
    for code in codes:
        ya = np.array([(s, code) in a.pairs for s in common], dtype=int)
        yb = np.array([(s, code) in b.pairs for s in common], dtype=int)
        units.append(np.vstack([ya, yb]))
        same = (ya == yb).mean() if len(common) else float("nan")
        kappa = (cohen_kappa_score(ya, yb) if len(set(ya) | set(yb)) > 1
                 else float("nan"))
        rows.append({"code": code, "kappa": kappa, "percent_agreement": same,
                     f"n_{a.coder}": int(ya.sum()), f"n_{b.coder}": int(yb.sum()),
                     "n_both": int((ya & yb).sum()), "n_statements": len(common)})
    alpha = nominal_alpha(np.hstack(units)) if units else float("nan")
    table = pd.DataFrame(rows, columns=["code", "kappa", "percent_agreement", f"n_{a.coder}",
                                        f"n_{b.coder}", "n_both", "n_statements"])
    summary = {"coders": (a.coder, b.coder), "n_statements": len(common),
               "n_codes": len(codes), "alpha": alpha,
               "meaningful": len(common) >= MIN_STATEMENTS}
    return table, {**summary, "caveat": caveat(summary)}


def caveat(summary: dict) -> str:
    """What the figures are worth, in French: "" from :data:`MIN_STATEMENTS` statements
    coded by both, else that they are not yet meaningful.

    >>> caveat({"n_statements": 12, "meaningful": False})
    'pas encore significatif : 12 énoncés codés par les deux, il en faut au moins 30'
    """
    if summary["meaningful"]:
        return ""
    return (f"pas encore significatif : {summary['n_statements']} énoncés codés par les deux, "
            f"il en faut au moins {MIN_STATEMENTS}")


def nominal_alpha(reliability_data) -> float:
    """Krippendorff's alpha at the nominal level (codes are categories, not numbers):
    one row per coder, one column per unit, NaN where a coder did not code it; NaN
    when every value is the same (alpha is undefined).

    >>> round(nominal_alpha([[1, 2, 1, 2], [1, 2, 1, 1]]), 3)
    0.533
    """
    import krippendorff  # heavy, only when agreement is asked for
    data = np.asarray(reliability_data, dtype=float)
    if len(np.unique(data[~np.isnan(data)])) < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
