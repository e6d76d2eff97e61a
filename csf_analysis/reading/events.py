"""Dated events and reported durations found in the statements: the ``events`` table.

Each statement's text is searched with :func:`csf_analysis.reading.dates.find_dates`
and :func:`csf_analysis.reading.dates.find_durations`; every date and every duration
becomes one row (tidy: one row per mention). A day and month written without
a year (``mardi 17 décembre``) take the year of the interview's date. Copies
of another statement (``duplicate_of`` not empty) are left out, and so are
dates that cannot be resolved (empty ``iso``: the parser reports those).

Example:
    >>> import pandas as pd
    >>> statements = pd.DataFrame({
    ...     "statement_id": ["s1", "s2"], "interview_id": ["i1", "i1"],
    ...     "text": ["Notifiés le 19 Février 2018.", "Elle est restée 2 ou 3 semaines."],
    ...     "duplicate_of": ["", ""]})
    >>> interviews = pd.DataFrame({"interview_id": ["i1"], "date": ["2020-02-03"]})
    >>> events = events_table(statements, interviews)
    >>> events[["kind", "date", "precision", "days_min", "days_max", "text"]].values.tolist()
    [['date', '2018-02-19', 'day', nan, nan, '19 Février 2018'], \
['duration', '', '', 14.0, 21.0, '2 ou 3 semaines']]
"""
from __future__ import annotations

import pandas as pd

from .dates import find_dates, find_durations

__all__ = ["EVENT_COLUMNS", "events_table"]

EVENT_COLUMNS = (
    "statement_id", "interview_id", "kind", "date", "precision",
    "days_min", "days_max", "unit", "text", "sentence",
)
_NEEDED = {
    "statements": ("statement_id", "interview_id", "text"),
    "interviews": ("interview_id", "date"),
}


def _check_columns(table: pd.DataFrame, name: str) -> None:
    """Raise a ValueError naming the columns of ``name`` that ``table`` lacks."""
    missing = [column for column in _NEEDED[name] if column not in table.columns]
    if missing:
        raise ValueError(
            f"events_table expects a {name} table with columns {list(_NEEDED[name])}; "
            f"missing {missing} (found {list(table.columns)}). "
            f"Pass the '{name}' table of load_corpus()."
        )


def _interview_years(interviews: pd.DataFrame) -> dict[str, int]:
    """Map interview_id -> year of its ISO date, for interviews that have one."""
    dates = interviews.set_index("interview_id")["date"].fillna("").astype(str)
    years = pd.to_numeric(dates.str.slice(0, 4).where(dates.str.match(r"^\d{4}")),
                          errors="coerce").dropna()
    return {str(key): int(year) for key, year in years.items()}


def _statement_events(statement_id: str, interview_id: str, text: str,
                      default_year: int | None) -> list[tuple[int, dict]]:
    """Rows for the dates and durations of one statement, with their offsets."""
    base = {"statement_id": statement_id, "interview_id": interview_id, "sentence": text}
    found = [
        (date.start, {**base, "kind": "date", "date": date.iso, "precision": date.precision,
                      "days_min": float("nan"), "days_max": float("nan"), "unit": "",
                      "text": date.text})
        for date in find_dates(text, default_year=default_year) if date.iso
    ]
    found += [
        (span.start, {**base, "kind": "duration", "date": "", "precision": "",
                      "days_min": span.days_min, "days_max": span.days_max,
                      "unit": span.unit, "text": span.text})
        for span in find_durations(text)
    ]
    return sorted(found, key=lambda item: item[0])


def events_table(statements: pd.DataFrame, interviews: pd.DataFrame) -> pd.DataFrame:
    """Return the dates and durations mentioned in the statements.

    Args:
        statements: The ``statements`` table (``statement_id``,
            ``interview_id``, ``text``; ``duplicate_of`` if present).
        interviews: The ``interviews`` table (``interview_id``, ``date``).

    Returns:
        One row per mention, in statement order then text order, with the
        columns of :data:`EVENT_COLUMNS`: ``kind`` is ``"date"`` or
        ``"duration"``; for a date, ``date`` is ISO (``"2018-02-19"``,
        ``"2018-02"`` or ``"2018"``) and ``precision`` is ``day``, ``month``
        or ``year``; for a duration, ``days_min``/``days_max`` is the range in
        days and ``unit`` the unit as written (``semaine``, ``mois``...).
        ``text`` holds the matched words, ``sentence`` the statement's text.

    Raises:
        ValueError: A table lacks a column listed above.
    """
    _check_columns(statements, "statements")
    _check_columns(interviews, "interviews")
    kept = statements
    if "duplicate_of" in statements.columns:
        kept = statements[statements["duplicate_of"].fillna("").astype(str) == ""]
    years = _interview_years(interviews)
    rows: list[dict] = []
    for row in kept[["statement_id", "interview_id", "text"]].itertuples(index=False):
        interview_id = "" if pd.isna(row.interview_id) else str(row.interview_id)
        text = "" if pd.isna(row.text) else str(row.text)
        rows += [event for _, event in _statement_events(
            str(row.statement_id), interview_id, text, years.get(interview_id))]
    events = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    events[["days_min", "days_max"]] = events[["days_min", "days_max"]].astype(float)
    return events
