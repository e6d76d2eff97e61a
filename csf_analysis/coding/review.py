"""Reviewing the coding in a notebook: what each statement got and why, then correct it.

Example:
    >>> from csf_analysis import load_corpus
    >>> from csf_analysis.coding.review import Coder, coded_statements
    >>> corpus = load_corpus("interviews")                      # doctest: +SKIP
    >>> coded_statements(corpus,                                  # doctest: +SKIP
    ...                  interview="entretien-entreprises:300h-6-plone-dgesco-dne")
    >>> categories_to_check(corpus, limit=20)                   # doctest: +SKIP
    >>> moi = Coder("interviews", "yannick", corpus=corpus)      # doctest: +SKIP
    >>> moi.add("s1a2b3c4d5e6f", "outillage")                    # doctest: +SKIP
    >>> moi.category("s1a2b3c4d5e6f", "ressentis")               # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..reading.vocabulary import code_id
from . import manual
from .agreement import AUTO, agreement, coder_view
from .checks import Checked, check_decision
from .codings import uncoded
from .queue import review_queue
from .theme_model import MODEL_PREFIX


def _why(codings: pd.DataFrame) -> pd.Series:
    """One readable line per (statement, code): who coded it and on which words."""
    how = codings["origin"].where(codings["origin"] != "manual",
                                  "manuel (" + codings["coder"] + ")")
    how = how.where(~codings["pattern"].str.startswith(MODEL_PREFIX), codings["pattern"])
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
    out; ``limit`` keeps the first rows only. The order is the coding panel's queue
    (:func:`~csf_analysis.coding.queue.review_queue`).
    """
    queue = review_queue(corpus.statements, corpus.interviews, corpus.codings)
    keep = queue["category_origin"] == "inferred"
    if interview is not None:
        keep &= queue["interview_id"] == interview
    columns = ["statement_id", "source_file", "line", "speaker", "category",
               "category_confidence", "category_rule", "text"]
    view = queue.loc[keep, columns]
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
    """A researcher coding by hand; every call is checked against the notes, then
    stored in the notes' CSV at once, with the statement's text.

    ``corpus`` is the notes' :class:`~csf_analysis.corpus.Corpus` the decisions are
    checked against (:func:`~csf_analysis.coding.checks.check_decision`); by default
    the notes folder is read at the first decision.
    """

    notes_dir: str | Path
    name: str
    corpus: Any = None

    def add(self, statement_id: str, code: str, *, note: str = "",
            new: bool = False) -> pd.Series:
        """Give ``code`` to the statement; a code not in the codebook needs ``new=True``."""
        return self._record(statement_id, "add", code, note=note, new=new)

    def remove(self, statement_id: str, code: str, *, note: str = "") -> pd.Series:
        """Take ``code`` (auto, inline or earlier manual) off the statement."""
        return self._record(statement_id, "remove", code, note=note)

    def category(self, statement_id: str, category: str, *, note: str = "") -> pd.Series:
        """Set the statement's category (origin manual); French names work (« ressentis »)."""
        return self._record(statement_id, "category", category, note=note)

    def apply(self, corrections, *, new_codes=()) -> int:
        """Record a list of ``(statement_id, action, value)`` corrections, each once: run
        again (a notebook's Run All), it writes nothing and never undoes a decision taken
        since. All are checked first: one wrong correction writes none of them, and the
        error lists every wrong one; a code not in the codebook must be in ``new_codes``
        (created on purpose). Returns how many were written."""
        new = {code_id(str(code)) for code in new_codes}
        checked, errors = [], []
        for n, (statement_id, action, value) in enumerate(corrections, start=1):
            try:
                checked.append(self._check(statement_id, action, value,
                                           new=code_id(str(value)) in new))
            except manual.DecisionError as error:
                errors.append(f"correction {n} ({statement_id}, {action}, {value}) : {error}")
        if errors:
            raise manual.DecisionError("rien n'a été enregistré :\n" + "\n".join(errors))
        done = manual.record_many(self.notes_dir, [
            {"statement_id": c.statement_id, "action": c.action, "code": c.value,
             "coder": self.name, "text": c.text} for c in checked], once=True)
        return int(done["recorded"].sum())

    def decisions(self) -> pd.DataFrame:
        """This coder's decisions so far."""
        table = manual.load_decisions(self.notes_dir)
        return table[table["coder"] == self.name]

    def _check(self, statement_id: str, action: str, value: str, *,
               new: bool = False) -> Checked:
        if self.corpus is None:
            from ..corpus import load_corpus
            self.corpus = load_corpus(self.notes_dir, progress=False)
        return check_decision(self.corpus, statement_id, action, value, new=new)

    def _record(self, statement_id: str, action: str, value: str, *, note: str,
                new: bool = False) -> pd.Series:
        checked = self._check(statement_id, action, value, new=new)
        return manual.record(self.notes_dir, checked.statement_id, checked.action,
                             checked.value, coder=self.name, note=note, text=checked.text)


__all__ = ["AUTO", "Coder", "coded_statements", "coder_agreement", "uncoded_statements"]
