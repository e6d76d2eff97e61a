"""Column names of every table: the data contract of DESIGN.md, in one place.

Every table the toolkit returns or writes has exactly these columns, in this
order; :func:`frame` builds an empty or filled DataFrame that respects it.

Example:
    >>> from csf_analysis.schema import frame
    >>> list(frame("problems").columns)
    ['source_file', 'line', 'severity', 'message']
"""
from __future__ import annotations

import pandas as pd

CATEGORIES = (
    "facts", "representation", "feelings", "context", "suggestions",
    "meta", "debrief", "takeaway", "question",
)
ACTORS = ("entreprise", "acheteur", "mlds", "partenaire", "jeune", "autre")
# What a note records (csf_analysis.reading.kinds); a document is kept, never counted.
KINDS = ("entretien", "test-utilisateur", "observation", "atelier", "document")
SESSION_KINDS = KINDS[:-1]
CLAUSE_HOURS = (150, 300, 450, 900)

COLUMNS: dict[str, tuple[str, ...]] = {
    "interviews": (
        "interview_id", "source_file", "line", "end_line", "title", "date",
        "date_text", "actor", "company_ref", "clause_hours", "clause_label",
        "interviewers", "other_fields", "kind", "kind_evidence", "duplicate_of",
        "n_statements",
    ),
    "statements": (
        "statement_id", "interview_id", "source_file", "line", "section", "heading",
        "category", "category_origin", "category_rule", "category_confidence", "speaker",
        "text", "tags", "block",
        "time", "marker", "duplicate_of",
    ),
    "contacts": (
        "company_ref", "clause_hours", "clause_label", "market", "status",
        "note", "interviewed", "source_file", "line",
    ),
    "problems": ("source_file", "line", "severity", "message"),
    "codings": ("statement_id", "code", "origin", "coder", "matched", "pattern"),
    "codebook": ("code", "label", "parent", "description", "source", "n_statements"),
}

# pandas dtypes: strings stay strings ("6" is a company, not a number).
_INT_COLUMNS = {"line", "end_line", "clause_hours", "n_statements"}
_BOOL_COLUMNS = {"interviewed"}
_FLOAT_COLUMNS = {"category_confidence"}  # empty (NaN) where it does not apply


def counted_rows(interviews: pd.DataFrame) -> pd.Series:
    """Boolean mask of the interview rows that count: sessions (any kind but
    ``document``; an empty kind is an interview) that copy no other interview."""
    kind = interviews["kind"] if "kind" in interviews else pd.Series("", index=interviews.index)
    keep = kind.fillna("").astype(str) != "document"
    if "duplicate_of" in interviews:
        keep &= interviews["duplicate_of"].fillna("").astype(str) == ""
    return keep


def frame(name: str, rows: list[dict] | pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the table ``name`` (from rows or a DataFrame) with its contract columns
    and dtypes."""
    columns = list(COLUMNS[name])
    df = pd.DataFrame(rows if rows is not None else [], columns=columns)
    for column in columns:
        if column in _INT_COLUMNS:
            df[column] = pd.to_numeric(df[column]).astype("Int64")
        elif column in _BOOL_COLUMNS:
            df[column] = df[column].astype(bool)
        elif column in _FLOAT_COLUMNS:
            df[column] = pd.to_numeric(df[column], errors="coerce").astype(float)
        else:
            df[column] = df[column].astype(object).where(df[column].notna(), "").astype(str)
    return df
