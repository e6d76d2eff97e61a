"""Tests of csf_analysis.reading.events: the dates and durations of the statements."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from csf_analysis.reading.events import EVENT_COLUMNS, events_table


def _statements(*rows: tuple) -> pd.DataFrame:
    """Statements from (statement_id, interview_id, text[, duplicate_of]) tuples."""
    return pd.DataFrame(
        [{"statement_id": r[0], "interview_id": r[1], "text": r[2],
          "duplicate_of": r[3] if len(r) > 3 else ""} for r in rows],
        columns=["statement_id", "interview_id", "text", "duplicate_of"])


INTERVIEWS = pd.DataFrame({"interview_id": ["dated", "undated"],
                           "date": ["2019-12-16", ""]})


def test_columns_and_one_row_per_mention_in_text_order():
    statements = _statements(
        ("s1", "dated", "Pendant 6 semaines, puis le 19 Février 2018 on a signé pour 2-3 mois."))
    events = events_table(statements, INTERVIEWS)
    assert list(events.columns) == list(EVENT_COLUMNS)
    assert events["text"].tolist() == ["6 semaines", "19 Février 2018", "2-3 mois"]
    assert events["kind"].tolist() == ["duration", "date", "duration"]
    date = events.iloc[1]
    assert (date["date"], date["precision"], date["unit"]) == ("2018-02-19", "day", "")
    assert math.isnan(date["days_min"]) and math.isnan(date["days_max"])
    weeks, months = events.iloc[0], events.iloc[2]
    assert (weeks["days_min"], weeks["days_max"], weeks["unit"]) == (42.0, 42.0, "semaine")
    assert (months["days_min"], months["days_max"], months["date"]) == (60.0, 90.0, "")
    assert set(events["sentence"]) == {statements.loc[0, "text"]}
    assert set(events["statement_id"]) == {"s1"} and set(events["interview_id"]) == {"dated"}


def test_month_and_year_precision():
    statements = _statements(("s1", "dated", "Septembre 2017 : fiche rédigée. En 2018 rien."))
    events = events_table(statements, INTERVIEWS)
    assert events[["date", "precision"]].values.tolist() == [["2017-09", "month"],
                                                             ["2018", "year"]]


def test_default_year_comes_from_the_interview_date():
    text = "Rendez-vous le mardi 17 décembre avec la coordinatrice."
    statements = _statements(("s1", "dated", text), ("s2", "undated", text))
    events = events_table(statements, INTERVIEWS)
    # Without an interview date the day has no year: a problem, so no event.
    assert events[["statement_id", "date"]].values.tolist() == [["s1", "2019-12-17"]]


def test_copies_and_unresolved_dates_are_left_out():
    statements = _statements(
        ("s1", "dated", "Elle est restée 15 jours."),
        ("s2", "undated", "Elle est restée 15 jours.", "s1"),
        ("s3", "dated", "Entretien le 09/15/2020."),
    )
    events = events_table(statements, INTERVIEWS)
    assert events["statement_id"].tolist() == ["s1"]
    assert events.loc[0, "days_min"] == 15.0


def test_file_level_notes_are_kept_with_an_empty_interview():
    statements = _statements(("g1", "", "Guide écrit en mars 2019."))
    events = events_table(statements, INTERVIEWS)
    assert events[["interview_id", "date"]].values.tolist() == [["", "2019-03"]]


def test_no_statement_gives_an_empty_table_with_the_columns():
    events = events_table(_statements(), INTERVIEWS.iloc[:0])
    assert events.empty and list(events.columns) == list(EVENT_COLUMNS)


def test_missing_column_is_an_error_naming_it():
    with pytest.raises(ValueError, match=r"missing \['text'\].*'statements' table"):
        events_table(pd.DataFrame({"statement_id": ["s"], "interview_id": ["i"]}), INTERVIEWS)


def test_company_16_of_the_reference_file(reference_corpus):
    interviews = reference_corpus.interviews
    events = events_table(reference_corpus.statements, interviews)
    company = interviews.loc[interviews["company_ref"] == "16", "interview_id"].item()
    dates = events[(events["interview_id"] == company) & (events["kind"] == "date")]
    assert {"2017-09", "2018-02-19", "2018-05-14", "2022-02-18"} <= set(dates["date"])
    found = dict(zip(dates["date"], dates["text"]))
    assert found["2017-09"] == "Septembre 2017" and found["2022-02-18"] == "18 Février 2022"
    # The 900h interview is dated 3/02/2020: its lone "décembre" is December 2020.
    dated = interviews.loc[interviews["date"] == "2020-02-03", "interview_id"].item()
    assert "2020-12" in set(events.loc[events["interview_id"] == dated, "date"])
