"""Tests for csf_analysis.cells: CSV cells a spreadsheet cannot run as formulas."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from csf_analysis.cells import escape_cell, to_csv_text, unescape_cell, unescape_frame

HOSTILE = ["=cmd|' /C calc'!A0", "+33 6 12", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
           "=HYPERLINK(\"http://x\")", "'=already", "'plain apostrophe", "''", "'"]


@pytest.mark.parametrize("raw", HOSTILE)
def test_formula_starts_are_neutralised_and_reversible(raw):
    escaped = escape_cell(raw)
    assert escaped.startswith("'") and unescape_cell(escaped) == raw


@pytest.mark.parametrize("raw", ["Bonjour", "été", "5 jeunes", "", "a=b", "x-y"])
def test_ordinary_text_is_unchanged(raw):
    assert escape_cell(raw) == raw == unescape_cell(raw)


def test_numbers_and_missing_values_are_not_touched():
    assert escape_cell(-3) == -3 and escape_cell(None) is None


def test_csv_text_has_no_cell_a_spreadsheet_reads_as_a_formula():
    table = pd.DataFrame({"text": HOSTILE, "line": range(len(HOSTILE))})
    written = pd.read_csv(io.StringIO(to_csv_text(table)), dtype=str, keep_default_na=False)
    assert not written["text"].str.startswith(("=", "+", "-", "@", "\t", "\r")).any()
    assert unescape_frame(written)["text"].tolist() == HOSTILE
    assert written["line"].tolist() == [str(i) for i in range(len(HOSTILE))]
