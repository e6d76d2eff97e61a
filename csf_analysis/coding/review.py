"""Reviewing the coding in a notebook: what each statement got and why, then correct it.

Example:
    >>> from csf_analysis import load_corpus
    >>> from csf_analysis.coding.review import Coder, coded_statements
    >>> corpus = load_corpus("interviews")                      # doctest: +SKIP
    >>> coded_statements(corpus,                                  # doctest: +SKIP
    ...                  interview="entretien-entreprises:300h-6-plone-dgesco-dne")
    >>> categories_to_check(corpus, limit=20)                   # doctest: +SKIP
    >>> moi = Coder("interviews", "yannick")                     # doctest: +SKIP
    >>> moi.add("s1a2b3c4d5e6f", "outillage")                    # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import manual
from .agreement import AUTO, agreement, coder_view
from .codings import uncoded


def _why(codings: pd.DataFrame) -> pd.Series:
    """One readable line per (statement, code): who coded it and on which words."""
    how = codings["origin"].where(codings["origin"] != "manual",
                                  "manuel (" + codings["coder"] + ")")
    words = codings["matched"].where(codings["matched"] == "", " « " + codings["matched"] + " »")
    return codings["code"] + " [" + how + words + "]"


def coded_statements(corpus, *, interview: str | None = None,
                     include_duplicates: bool = False) -> pd.DataFrame:
    """Statements with their category and codes, and why each code was given.

    Columns: statement_id, source_file, line, section, speaker, category,
    category_origin, category_rule, category_confidence, text, codes ("; "-joined),
    why (code [origin « words »]), citation (``[@s9e25af9cfea4]``, ready to paste
    into the team's ``synthese.md``).
    """
    statements = corpus.statements
    if interview is not None:
        statements = statements[statements["interview_id"] == interview]
    if not include_duplicates:
        statements = statements[statements["duplicate_of"] == ""]
    codings = corpus.codings.assign(why=_why(corpus.codings))
    grouped = codings.groupby("statement_id").agg(
        codes=("code", lambda c: "; ".join(dict.fromkeys(c))), why=("why", "; ".join))
    columns = ["statement_id", "source_file", "line", "section", "speaker", "category",
               "category_origin", "category_rule", "category_confidence", "text"]
    view = statements[columns].merge(grouped, how="left", left_on="statement_id",
                                     right_index=True)
    view = view.fillna({"codes": "", "why": ""}).reset_index(drop=True)
    return view.assign(citation="[@" + view["statement_id"] + "]")


def categories_to_check(corpus, *, interview: str | None = None,
                        limit: int | None = None) -> pd.DataFrame:
    """The inferred categories, the least sure first: the ones to check before quoting.

    ``category_confidence`` is the probability the trained model gives the category
    chosen (see :func:`csf_analysis.coding.categories.infer_categories`). Copies are left
    out; ``limit`` keeps the first rows only.
    """
    statements = corpus.statements
    keep = (statements["category_origin"] == "inferred") & (statements["duplicate_of"] == "")
    if interview is not None:
        keep &= statements["interview_id"] == interview
    columns = ["statement_id", "source_file", "line", "speaker", "category",
               "category_confidence", "category_rule", "text"]
    view = statements.loc[keep, columns].sort_values(
        ["category_confidence", "source_file", "line"], kind="stable", na_position="first")
    return view.head(limit).reset_index(drop=True) if limit else view.reset_index(drop=True)


def uncoded_statements(corpus) -> pd.DataFrame:
    """Statements without any code (copies left out): where the codebook grows."""
    return uncoded(corpus.statements, corpus.codings)[
        ["statement_id", "interview_id", "source_file", "line", "category", "text"]]


def coder_agreement(corpus, coder_a: str, coder_b: str) -> tuple[pd.DataFrame, dict]:
    """Cohen's kappa per code and Krippendorff's alpha between two coders ('auto' allowed)."""
    decisions = manual.load_decisions(corpus.notes_dir)
    ids = corpus.statements.loc[corpus.statements["duplicate_of"] == "", "statement_id"]
    auto = corpus.auto_codings
    views = [coder_view(c, auto_codings=auto, decisions=decisions, statement_ids=ids)
             for c in (coder_a, coder_b)]
    return agreement(*views)


@dataclass
class Coder:
    """A researcher coding by hand; every call is stored in the notes' CSV at once."""

    notes_dir: str | Path
    name: str

    def add(self, statement_id: str, code: str, *, note: str = "") -> pd.Series:
        """Give ``code`` to the statement (a new code is created in the codebook)."""
        return manual.add_code(self.notes_dir, statement_id, code, coder=self.name, note=note)

    def remove(self, statement_id: str, code: str, *, note: str = "") -> pd.Series:
        """Take ``code`` (auto, inline or earlier manual) off the statement."""
        return manual.remove_code(self.notes_dir, statement_id, code, coder=self.name, note=note)

    def category(self, statement_id: str, category: str, *, note: str = "") -> pd.Series:
        """Set the statement's category (origin manual)."""
        return manual.set_category(self.notes_dir, statement_id, category, coder=self.name,
                                   note=note)

    def apply(self, corrections) -> int:
        """Record a list of ``(statement_id, action, value)`` corrections, each once: run
        again (a notebook's Run All), it writes nothing and never undoes a decision taken
        since. Returns how many were written."""
        methods = {"add": manual.add_code, "remove": manual.remove_code,
                   "category": manual.set_category}
        written = 0
        for statement_id, action, value in corrections:
            if action not in methods:
                raise manual.DecisionError(f"unknown action {action!r} in the corrections: "
                                           f"expected one of {', '.join(methods)}")
            written += bool(methods[action](self.notes_dir, statement_id, value,
                                            coder=self.name, once=True)["recorded"])
        return written

    def decisions(self) -> pd.DataFrame:
        """This coder's decisions so far."""
        table = manual.load_decisions(self.notes_dir)
        return table[table["coder"] == self.name]


__all__ = ["AUTO", "Coder", "coded_statements", "coder_agreement", "uncoded_statements"]
