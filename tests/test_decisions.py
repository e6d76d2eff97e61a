"""The researchers' decisions over the automatic coding: a removal removes, the
latest decision wins, a decision whose statement is gone is reported and kept,
and an unknown #tag is reported. Each test fails if that rule breaks."""
from __future__ import annotations

import pandas as pd

from csf_analysis.coding.codebook import load_codebook
from csf_analysis.coding.codings import apply_decisions, inline_codings
from csf_analysis.coding.themes import CODINGS_COLUMNS


def _statements(*ids: str) -> pd.DataFrame:
    return pd.DataFrame({"statement_id": list(ids), "category": ["autre"] * len(ids),
                         "source_file": ["a.md"] * len(ids), "line": range(3, 3 + len(ids)),
                         "tags": [""] * len(ids)})


def _codings(*pairs: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"statement_id": s, "code": c, "origin": "auto", "coder": "auto",
                          "matched": "", "pattern": ""} for s, c in pairs],
                        columns=list(CODINGS_COLUMNS))


def _decisions(*rows: tuple[str, str, str]) -> pd.DataFrame:
    """(statement, action, code) in the order they were made, by one coder."""
    return pd.DataFrame([{"statement_id": s, "action": a, "code": c, "coder": "ana",
                          "note": "", "time": f"2026-01-0{i + 1}T10:00:00", "text": "texte",
                          "line": i + 2} for i, (s, a, c) in enumerate(rows)])


def _applied(decisions: pd.DataFrame, statements=None, codings=None):
    statements = _statements("s1", "s2") if statements is None else statements
    codings = _codings(("s1", "outillage"), ("s2", "outillage")) if codings is None else codings
    return apply_decisions(statements, codings, decisions, load_codebook(), source="codage.csv")


def _pairs(codings: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(codings["statement_id"], codings["code"]))


def test_a_remove_decision_takes_the_automatic_code_off():
    _, codings, problems = _applied(_decisions(("s1", "remove", "outillage")))
    assert _pairs(codings) == {("s2", "outillage")} and problems == []


def test_the_latest_decision_wins_over_an_older_one():
    _, codings, _ = _applied(_decisions(("s1", "add", "delais"), ("s1", "remove", "delais")))
    assert ("s1", "delais") not in _pairs(codings)  # added, then taken back
    _, codings, _ = _applied(_decisions(("s1", "remove", "outillage"),
                                        ("s1", "add", "outillage")))
    assert ("s1", "outillage") in _pairs(codings)  # removed, then put back
    statements, _, _ = _applied(_decisions(("s1", "category", "ressenti"),
                                           ("s1", "category", "suggestion")))
    assert statements.set_index("statement_id").loc["s1", "category"] == "suggestion"


def test_a_decision_whose_statement_is_gone_is_a_problem_not_a_silent_loss():
    decisions = _decisions(("gone", "add", "delais"), ("s1", "add", "delais"))
    _, codings, problems = _applied(decisions)
    assert ("s1", "delais") in _pairs(codings)
    assert len(problems) == 1
    problem = problems[0]
    assert problem["source_file"] == "codage.csv" and problem["line"] == 2
    assert "gone" in problem["message"] and "gardée" in problem["message"]


def test_an_unknown_tag_is_reported_with_its_note_and_line():
    statements = _statements("s1")
    statements["tags"] = ["theme-inconnu-xyz"]
    book = load_codebook()
    rows, problems = inline_codings(statements, book)
    assert [(r["code"], r["origin"]) for r in rows] == [("theme-inconnu-xyz", "inline")]
    assert len(problems) == 1
    assert problems[0]["source_file"] == "a.md" and problems[0]["line"] == 3
    assert "#theme-inconnu-xyz" in problems[0]["message"]
