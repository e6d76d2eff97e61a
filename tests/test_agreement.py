"""Agreement between coders, checked against textbook examples: Cohen's kappa
(not percent agreement) and Krippendorff's alpha at the nominal level (not
interval)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from csf_analysis.coding.agreement import CoderView, agreement, nominal_alpha


def _textbook_coders() -> tuple[CoderView, CoderView]:
    """Cohen's kappa's classic table: 50 items, both yes 20, A only 5, B only 10,
    both no 15. Agreement 0.70, chance 0.50, kappa 0.40."""
    ids = [f"s{i}" for i in range(50)]
    a_yes = ids[:20] + ids[20:25]
    b_yes = ids[:20] + ids[25:35]
    return (CoderView("a", {(s, "x") for s in a_yes}, set(ids)),
            CoderView("b", {(s, "x") for s in b_yes}, set(ids)))


def test_kappa_is_cohens_not_the_percent_agreement():
    per_code, summary = agreement(*_textbook_coders())
    row = per_code.set_index("code").loc["x"]
    assert row["kappa"] == pytest.approx(0.40)
    assert row["percent_agreement"] == pytest.approx(0.70)
    assert (row["n_a"], row["n_b"], row["n_both"], row["n_statements"]) == (25, 30, 20, 50)
    assert summary["n_statements"] == 50 and summary["n_codes"] == 1


def test_alpha_is_nominal_on_krippendorffs_own_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders, 12
    # units, missing values; nominal alpha 0.743 (interval would give 0.849)
    n = np.nan
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]]
    assert nominal_alpha(data) == pytest.approx(0.743, abs=1e-3)


def test_alpha_of_the_two_coders_and_undefined_when_all_agree_on_one_value():
    _, summary = agreement(*_textbook_coders())
    # by hand: 100 values, 55 ones, 45 zeros, 15 disagreeing units;
    # alpha = 1 - (100 - 1) * (2 * 15) / (2 * 55 * 45) = 0.40
    assert summary["alpha"] == pytest.approx(0.40)
    same = CoderView("a", set(), {"s1", "s2"}), CoderView("b", set(), {"s1", "s2"})
    assert math.isnan(agreement(*same)[1]["alpha"])


def test_under_thirty_common_statements_the_figures_are_said_not_yet_meaningful():
    from csf_analysis.coding.agreement import MIN_STATEMENTS, caveat
    a, b = _textbook_coders()
    _, summary = agreement(a, b)
    assert summary["meaningful"] and caveat(summary) == ""
    few = {f"s{i}" for i in range(MIN_STATEMENTS - 1)}
    # b checked only 29 statements: only those count, and the figure says so
    _, summary = agreement(a, CoderView("b", {p for p in b.pairs if p[0] in few}, few))
    assert summary["n_statements"] == MIN_STATEMENTS - 1 and not summary["meaningful"]
    assert caveat(summary).startswith("pas encore significatif : 29 énoncés codés par les deux")
    assert summary["caveat"] == caveat(summary)
