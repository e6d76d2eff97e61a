"""Tests for csf_analysis.filters: actors, clause sizes and dates, on small tables."""
from __future__ import annotations

import pandas as pd
import pytest

from csf_analysis.filters import (
    describe_filters,
    filter_tables,
    normalise_actors,
    normalise_clauses,
)
from csf_analysis.labels import CLAUSE_ORDER
from csf_analysis.report import charts
from csf_analysis.schema import frame

INTERVIEWS = [
    {"interview_id": "ent-300", "actor": "entreprise", "company_ref": "6", "clause_hours": 300,
     "clause_label": "300h", "date": "2020-02-03"},
    {"interview_id": "ent-autre", "actor": "entreprise", "company_ref": "16",
     "clause_label": "autre", "date": "2020-02-27"},
    {"interview_id": "ent-900", "actor": "entreprise", "clause_hours": 900,
     "clause_label": "900h", "date": ""},
    {"interview_id": "ach", "actor": "acheteur", "date": "2020-05-26"},
    {"interview_id": "tut", "actor": "mlds", "date": "2019-12-17"},
    {"interview_id": "obs", "actor": "", "date": "2020-03-02"},
]
# (statement_id, interview_id, duplicate_of, text)
STATEMENTS = [
    ("s-guide", "", "", "Comment avez-vous connu la clause ?"),
    ("s-300-a", "ent-300", "", "On a reçu le jeune en mars."),
    ("s-300-b", "ent-300", "", "Le tuteur est resté 2 ou 3 semaines."),
    ("s-autre-a", "ent-autre", "", "Nous attendons toujours un profil."),
    ("s-900-a", "ent-900", "", "La clause est passée inaperçue chez nous."),
    ("s-ach-a", "ach", "", "Les entreprises ne lisent pas la clause en entier."),
    ("s-tut-a", "tut", "", "Trouver une entreprise prend du temps."),
    ("s-tut-copy", "tut", "s-guide", "Comment avez-vous connu la clause ?"),
    ("s-300-copy", "ent-300", "s-ach-a", "Les entreprises ne lisent pas la clause en entier."),
    ("s-900-copy", "ent-900", "s-ach-a", "Les entreprises ne lisent pas la clause en entier."),
    ("s-obs-a", "obs", "", "Le run a duré une heure."),
]
CODINGS = [("s-guide", "information-cadre"), ("s-300-a", "accueil-jeune"),
           ("s-300-b", "accueil-jeune"), ("s-300-b", "duree"), ("s-autre-a", "attente"),
           ("s-900-a", "information-cadre"), ("s-ach-a", "information-cadre"),
           ("s-300-copy", "information-cadre"), ("s-tut-a", "attente"), ("s-obs-a", "duree")]
CONTACTS = [("6", 300, "300h"), ("16", None, "autre"), ("41", 900, "900h"), ("69", 150, "150h")]


@pytest.fixture()
def tables() -> dict[str, pd.DataFrame]:
    statements = frame("statements", [
        {"statement_id": s, "interview_id": i, "duplicate_of": d, "text": t, "source_file": "n.md"}
        for s, i, d, t in STATEMENTS])
    codings = frame("codings", [{"statement_id": s, "code": c, "origin": "auto"}
                                for s, c in CODINGS])
    codebook = frame("codebook", [{"code": c, "label": c.capitalize()} for c in
                                  ("information-cadre", "accueil-jeune", "duree", "attente")])
    contacts = frame("contacts", [{"company_ref": r, "clause_hours": h, "clause_label": c,
                                   "status": "replied"} for r, h, c in CONTACTS])
    problems = frame("problems", [{"source_file": "n.md", "line": 3, "severity": "warning",
                                   "message": "date impossible"}])
    return {"interviews": frame("interviews", INTERVIEWS), "statements": statements,
            "contacts": contacts, "problems": problems, "codings": codings,
            "codebook": codebook}


def _ids(table: pd.DataFrame, column: str = "interview_id") -> list[str]:
    return table[column].tolist()


def test_no_filter_returns_equal_copies(tables):
    out = filter_tables(tables, actors=[], clauses=[], date_from="", date_to=None)
    assert set(out) == set(tables)
    for name, table in tables.items():
        pd.testing.assert_frame_equal(out[name], table)
        assert out[name] is not table


def test_filters_never_change_the_input(tables):
    before = {name: table.copy() for name, table in tables.items()}
    filter_tables(tables, actors=["entreprise"], clauses=["900h"], date_from="2020")
    for name, table in tables.items():
        pd.testing.assert_frame_equal(table, before[name])


def test_actor_filter_keeps_their_interviews_and_only_their_statements(tables):
    out = filter_tables(tables, actors=["mlds", "acheteur"])
    assert _ids(out["interviews"]) == ["ach", "tut"]
    assert set(out["statements"]["interview_id"]) == {"ach", "tut"}
    assert "s-guide" not in set(out["statements"]["statement_id"])  # file-level note
    assert set(out["codings"]["statement_id"]) == {"s-ach-a", "s-tut-a"}


def test_unknown_actor_counts_as_autre(tables):
    assert _ids(filter_tables(tables, actors="autre")["interviews"]) == ["obs"]


def test_clause_filter_accepts_hours_in_any_spelling(tables):
    for clauses in (["300h", "autre"], [300, "Autre"], ("300", "AUTRE")):
        out = filter_tables(tables, clauses=clauses)
        assert _ids(out["interviews"]) == ["ent-300", "ent-autre"], clauses
    assert _ids(filter_tables(tables, clauses="900h")["interviews"]) == ["ent-900"]


def test_clause_filter_leaves_out_interviews_without_a_clause(tables):
    kept = _ids(filter_tables(tables, clauses=list(CLAUSE_ORDER))["interviews"])
    assert kept == ["ent-300", "ent-autre", "ent-900"]


def test_date_bounds_are_inclusive_and_undated_interviews_left_out(tables):
    out = filter_tables(tables, date_from="2020-02-03", date_to="2020-03-02")
    assert _ids(out["interviews"]) == ["ent-300", "ent-autre", "obs"]


def test_month_and_year_bounds_cover_the_whole_period(tables):
    assert _ids(filter_tables(tables, date_to="2020-02")["interviews"]) == [
        "ent-300", "ent-autre", "tut"]
    assert _ids(filter_tables(tables, date_from="2020", date_to="2020")["interviews"]) == [
        "ent-300", "ent-autre", "ach", "obs"]
    assert _ids(filter_tables(tables, date_from="2020-03")["interviews"]) == ["ach", "obs"]


def test_keep_undated_keeps_interviews_without_a_date(tables):
    out = filter_tables(tables, date_from="2020-05-01", keep_undated=True)
    assert _ids(out["interviews"]) == ["ent-900", "ach"]


def test_filters_combine(tables):
    out = filter_tables(tables, actors=["entreprise"], clauses=["300h", "900h"],
                        date_from="2020-01-01")
    assert _ids(out["interviews"]) == ["ent-300"]


def test_copy_of_a_left_out_statement_becomes_the_original(tables):
    out = filter_tables(tables, actors=["entreprise"])
    copies = out["statements"].set_index("statement_id")["duplicate_of"]
    assert copies["s-300-copy"] == ""            # first kept copy: now the original
    assert copies["s-900-copy"] == "s-300-copy"  # the next one repeats it
    assert tables["statements"].set_index("statement_id").loc["s-300-copy", "duplicate_of"] \
        == "s-ach-a"


def test_copy_of_a_file_level_note_stays_a_copy(tables):
    out = filter_tables(tables, actors=["mlds"])
    assert out["statements"].set_index("statement_id").loc["s-tut-copy", "duplicate_of"] \
        == "s-guide"


def test_counts_are_recounted_on_the_kept_statements(tables):
    out = filter_tables(tables, actors=["entreprise"])
    counts = out["interviews"].set_index("interview_id")["n_statements"].to_dict()
    assert counts == {"ent-300": 3, "ent-autre": 1, "ent-900": 1}  # s-900-copy is a copy
    book = out["codebook"].set_index("code")["n_statements"].to_dict()
    assert book == {"information-cadre": 2, "accueil-jeune": 2, "duree": 1, "attente": 1}
    assert str(out["codebook"]["n_statements"].dtype) == "Int64"


def test_contacts_follow_the_clause_filter_and_the_entreprise_actor(tables):
    assert _ids(filter_tables(tables, clauses=["300h", "150h"])["contacts"], "company_ref") \
        == ["6", "69"]
    assert filter_tables(tables, actors=["acheteur"])["contacts"].empty
    assert len(filter_tables(tables, date_from="2020")["contacts"]) == len(CONTACTS)


def test_problems_and_other_tables_pass_through(tables):
    out = filter_tables(tables, actors=["acheteur"])
    pd.testing.assert_frame_equal(out["problems"], tables["problems"])


def test_events_and_auto_codings_follow_the_statements(tables):
    from csf_analysis.reading.events import events_table
    more = {**tables, "auto_codings": tables["codings"],
            "events": events_table(tables["statements"], tables["interviews"])}
    assert set(more["events"]["interview_id"]) == {"ent-300", "obs"}
    out = filter_tables(more, actors=["mlds"])
    assert out["events"].empty
    assert set(out["auto_codings"]["statement_id"]) == {"s-tut-a"}


def test_filtered_tables_feed_the_charts(tables):
    out = filter_tables(tables, clauses=["300h", "900h"])
    data = charts.themes_by_clause_data(out)
    assert set(data["clause"]) == {"300h", "900h"}
    empty = filter_tables(tables, clauses=["450h"])
    figure = charts.themes_by_interview(empty)
    assert charts.NO_DATA in figure.axes[0].texts[0].get_text()


@pytest.mark.parametrize("options, message", [
    ({"actors": ["entreprises"]}, "unknown actor"),
    ({"clauses": ["200h"]}, "unknown clause size"),
    ({"date_from": "03/02/2020"}, "date_from must be an ISO date"),
    ({"date_to": "2020-13"}, "date_to must be an ISO date"),
    ({"date_to": "2020-02-30"}, "date_to must be an ISO date"),
])
def test_bad_filters_say_what_was_expected(tables, options, message):
    with pytest.raises(ValueError, match=message):
        filter_tables(tables, **options)


def test_missing_interviews_table_is_an_error(tables):
    with pytest.raises(ValueError, match="needs the 'interviews' table"):
        filter_tables({"statements": tables["statements"]}, actors=["mlds"])


def test_normalisers_deduplicate_and_keep_order():
    assert normalise_actors([" MLDS", "jeune", "mlds", ""]) == ["mlds", "jeune"]
    assert normalise_clauses(["900", "300h", 900]) == ["900h", "300h"]
    assert normalise_clauses(None) == []


def test_describe_filters_in_french():
    assert describe_filters() == "Aucun filtre : tout le corpus."
    assert describe_filters(actors=["entreprise"], clauses=["300", "900h"],
                            date_from="2020-01-01", date_to="2020-06-30") == (
        "Filtres : acteurs entreprise ; clauses 300h, 900h ; "
        "entretiens du 2020-01-01 au 2020-06-30.")
    assert describe_filters(date_to="2020", keep_undated=True) == (
        "Filtres : entretiens jusqu'au 2020 ; entretiens sans date gardés.")


# -- kinds: documents and copies are never counted ---------------------------------------

@pytest.fixture()
def kinded(tables):
    interviews = tables["interviews"].copy()
    interviews["kind"] = ["entretien", "entretien", "entretien", "test-utilisateur",
                          "entretien", "document"]
    interviews.loc[interviews["interview_id"] == "ent-autre", "duplicate_of"] = "ent-300"
    return {**tables, "interviews": interviews}


def test_documents_and_copies_are_left_out_even_without_filters(kinded):
    out = filter_tables(kinded)
    assert _ids(out["interviews"]) == ["ent-300", "ent-900", "ach", "tut"]
    kept = set(_ids(out["statements"], "statement_id"))
    assert "s-obs-a" not in kept and "s-autre-a" not in kept
    assert "s-guide" in kept  # file-level notes stay when no actor, clause or date is asked
    assert "s-obs-a" not in set(_ids(out["codings"], "statement_id"))
    counts = out["codebook"].set_index("code")["n_statements"]
    assert (counts["duree"], counts["attente"]) == (1, 1)  # the document's and copy's gone


def test_kinds_filter_keeps_the_kinds_asked_for(kinded):
    out = filter_tables(kinded, kinds=["test-utilisateur"])
    assert _ids(out["interviews"]) == ["ach"]
    assert describe_filters(kinds="test-utilisateur") == "Filtres : types test-utilisateur."


@pytest.mark.parametrize("kinds", [["document"], ["interview"]])
def test_a_kind_that_is_no_session_is_an_error(kinded, kinds):
    with pytest.raises(ValueError, match="unknown kind"):
        filter_tables(kinded, kinds=kinds)
