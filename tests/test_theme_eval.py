"""benchmarks/theme_eval.py: the scoring of auto themes against two coders."""
from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.theme_eval import SETS, coded_set, descendants, scores


def test_a_theme_stands_for_its_sub_themes():
    book = pd.DataFrame({"code": ["jeune", "profil-jeune", "abandon-jeune", "delais"],
                         "parent": ["", "jeune", "jeune", ""]})
    assert descendants(book)["jeune"] == {"jeune", "profil-jeune", "abandon-jeune"}
    assert descendants(book)["delais"] == {"delais"}


def test_precision_and_recall_count_only_where_the_coders_agree():
    ids = ["s1", "s2", "s3", "s4"]
    coder1 = {"s1": {"delais"}, "s2": {"delais"}, "s3": set(), "s4": {"delais"}}
    coder2 = {"s1": {"delais"}, "s2": set(), "s3": set(), "s4": {"delais"}}
    auto = {"s1": {"delais"}, "s2": {"delais"}, "s3": {"delais"}}
    row = scores(ids, [coder1, coder2], auto, ["delais"], lambda code: {code}).iloc[0]
    # s2: the coders disagree, it does not count; s3 a false alarm; s4 a miss.
    assert (row["tp"], row["fp"], row["fn"]) == (1, 1, 1)
    assert row["precision"] == 0.5 and row["recall"] == 0.5


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_coded_statement_is_still_in_the_notes(name):
    """A splitter change that moves a coded statement would silently shrink the set:
    coder_sets stops on it, and both coders coded every statement kept."""
    statements, coders = coded_set(name)
    assert len(statements) == len(coders[0]) == len(coders[1]) > 400
