"""Tests of csf_analysis.report.charts: the data behind each figure, its labels, its order.

The tables are small and hand-made, so every expected number is known; the
figures are inspected as objects (tick labels, texts, legends), not pixels.
"""
from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from csf_analysis.reading.events import EVENT_COLUMNS
from csf_analysis.report import charts

LONG_LABEL = ("Un thème au libellé très long qui doit être replié sur deux lignes "
              "et raccourci proprement à la fin")


def _interviews() -> pd.DataFrame:
    rows = [  # interview_id, company_ref, clause_hours, clause_label, actor, date
        ("i1", "6", 300, "300h", "entreprise", ""),
        ("i2", "16", None, "autre", "entreprise", ""),
        ("i3", "", 900, "900h", "entreprise", "2020-02-03"),
        ("i4", "", None, "", "acheteur", "2020-05-26"),
        ("i5", "30", 300, "300h", "entreprise", ""),
    ]
    table = pd.DataFrame(rows, columns=["interview_id", "company_ref", "clause_hours",
                                        "clause_label", "actor", "date"])
    table["clause_hours"] = table["clause_hours"].astype("Int64")
    table["title"] = "Entretien " + table["interview_id"]
    return table


def _statements() -> pd.DataFrame:
    rows = [("s1", "i1", "facts"), ("s2", "i1", "facts"), ("s3", "i1", "feelings"),
            ("s4", "i1", "suggestions"), ("s5", "i2", "facts"), ("s6", "i2", "representation"),
            ("s7", "i3", "facts"), ("s8", "i4", "context")]
    rows += [(f"t{k}", "i5", "facts" if k < 6 else "takeaway") for k in range(10)]
    table = pd.DataFrame(rows, columns=["statement_id", "interview_id", "category"])
    table["duplicate_of"] = ""
    copies = pd.DataFrame({"statement_id": ["d1", "g1"], "interview_id": ["i1", ""],
                           "category": ["feelings", "question"], "duplicate_of": ["s1", ""]})
    table = pd.concat([table, copies], ignore_index=True)
    table["text"] = "Une phrase des notes."
    return table


def _codebook() -> pd.DataFrame:
    return pd.DataFrame({"code": ["beta", "alpha", "gamma"],
                         "label": [LONG_LABEL, "Premier thème", "Jamais utilisé"],
                         "parent": ["", "", "alpha"]})


def _corpus(**tables) -> dict[str, pd.DataFrame]:
    """The test tables as a chart takes them (a mapping, like ``corpus.tables()``)."""
    return {"statements": _statements(), "codings": _codings(), "interviews": _interviews(),
            "codebook": _codebook(), **tables}


def _codings() -> pd.DataFrame:
    pairs = [("s1", "alpha"), ("s1", "alpha"),  # auto and manual: counts once
             ("t0", "alpha"), ("t1", "alpha"), ("t2", "alpha"), ("t3", "alpha"), ("t4", "alpha"),
             ("s5", "beta"), ("s7", "beta"), ("s6", "delta"),
             ("d1", "alpha"), ("g1", "alpha")]  # a copy and a file-level note: left out
    return pd.DataFrame(pairs, columns=["statement_id", "code"]).assign(origin="auto")


def _no_data(figure: Figure) -> bool:
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    return isinstance(figure, Figure) and any(charts.NO_DATA in t for t in texts)


def test_interview_labels_carry_company_clause_and_date():
    labels = charts.interview_labels(_interviews())
    assert labels.to_dict() == {
        "i1": "6 · 300h", "i2": "16 · autre", "i3": "— · 900h (3/02/2020)",
        "i4": "Acheteur (26/05/2020)", "i5": "30 · 300h"}
    twice = pd.concat([_interviews().iloc[:1], _interviews().iloc[:1].assign(interview_id="x")])
    assert charts.interview_labels(twice).tolist() == ["6 · 300h", "6 · 300h #2"]


def test_wrap_label_keeps_short_labels_and_shortens_long_ones():
    assert charts.wrap_label("Calendrier scolaire") == "Calendrier scolaire"
    wrapped = charts.wrap_label(LONG_LABEL, width=30, max_lines=2)
    lines = wrapped.split("\n")
    assert len(lines) == 2 and all(len(line) <= 30 for line in lines)
    assert wrapped.endswith("…") and wrapped.startswith("Un thème au libellé")


def test_themes_by_interview_data_values_and_order():
    data = charts.themes_by_interview_data(_corpus())
    assert list(dict.fromkeys(data["code"])) == ["beta", "alpha", "delta"]  # codebook, then others
    assert list(dict.fromkeys(data["interview_id"])) == ["i1", "i2", "i3", "i4", "i5"]
    assert len(data) == 15
    cell = data.set_index(["code", "interview_id"])
    assert cell.loc[("alpha", "i1"), ["n_statements", "n_total"]].tolist() == [1, 4]
    assert cell.loc[("alpha", "i1"), "share"] == pytest.approx(0.25)
    assert cell.loc[("alpha", "i5"), "share"] == pytest.approx(0.5)
    assert cell.loc[("beta", "i2"), "share"] == pytest.approx(0.5)
    assert cell.loc[("delta", "i2"), "label"] == "delta"  # not in the codebook: its id
    assert cell.loc[("beta", "i3"), "interview"] == "— · 900h (3/02/2020)"
    assert data["n_statements"].sum() == 9


def test_themes_by_interview_figure_labels_and_counts():
    figure = charts.themes_by_interview(_corpus())
    ax = figure.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == [charts.wrap_label(LONG_LABEL, width=38), "Premier thème", "delta"]
    columns = [t.get_text() for t in ax.get_xticklabels()]
    # More than four interviews: the date goes on its own line, to keep columns narrow.
    assert columns[0] == "6 · 300h\nn = 4" and columns[2] == "— · 900h\n(3/02/2020)\nn = 1"
    few = charts.themes_by_interview(_corpus(interviews=_interviews().iloc[:3]))
    assert few.axes[0].get_xticklabels()[0].get_text() == "6 · 300h\n4 énoncés"
    assert sorted(t.get_text() for t in ax.texts) == sorted(["1", "1", "1", "1", "5"])
    assert tuple(figure.get_size_inches())[0] == charts.WIDTH
    assert figure.get_layout_engine() is not None


def test_themes_by_clause_is_normalised_per_interview():
    data = charts.themes_by_clause_data(_corpus())
    assert list(dict.fromkeys(data["clause"])) == ["300h", "900h", "autre"]
    assert list(dict.fromkeys(data["code"])) == ["beta", "alpha", "delta"]
    alpha = data[(data["code"] == "alpha") & (data["clause"] == "300h")].iloc[0]
    # i1: 1 of 4 statements, i5: 5 of 10 -> mean 0.375 (pooled would give 6/14).
    assert alpha["mean_share"] == pytest.approx(0.375)
    assert (alpha["n_interviews"], alpha["n_statements"]) == (2, 6)
    assert "i4" not in set(data.columns)  # no clause size: left out, and said on the figure
    figure = charts.themes_by_clause(_corpus())
    columns = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    # groups of fewer than 3 interviews carry a "*": too few to compare
    assert columns == ["300h\n2 entretiens*", "900h\n1 entretien*", "autre\n1 entretien*"]
    assert "38\u00a0% (6)" in {t.get_text() for t in figure.axes[0].texts}
    assert any("1 entretien(s) sans taille de clause" in t.get_text() for t in figure.texts)


def test_themes_by_actor_order_and_unknown_actor():
    interviews = _interviews()
    interviews.loc[interviews["interview_id"] == "i2", "actor"] = "inconnu"
    data = charts.themes_by_actor_data(_corpus(interviews=interviews))
    assert list(dict.fromkeys(data["actor"])) == ["entreprise", "acheteur", "autre"]
    beta = data[data["code"] == "beta"].set_index("actor")
    assert beta.loc["autre", "mean_share"] == pytest.approx(0.5)
    assert beta.loc["entreprise", "n_interviews"] == 3
    figure = charts.themes_by_actor(_corpus(interviews=interviews))
    assert [t.get_text().split("\n")[0] for t in figure.axes[0].get_xticklabels()] == \
        ["Entreprise", "Acheteur", "Autre"]


def test_group_charts_draw_the_themes_asked_for_in_their_order():
    for draw in (charts.themes_by_clause, charts.themes_by_actor):
        every = [t.get_text() for t in draw(_corpus()).axes[0].get_yticklabels()]
        assert len(every) == 3
        chosen = draw(_corpus(), themes=["delta", "beta"])
        rows = [t.get_text() for t in chosen.axes[0].get_yticklabels()]
        assert rows == [every[2], every[0]]  # delta, beta: the order given, alpha left out


def test_categories_by_interview_data_and_french_legend():
    data = charts.categories_by_interview_data(_corpus())
    assert list(dict.fromkeys(data["category"])) == [
        "facts", "representation", "feelings", "context", "suggestions", "takeaway"]
    assert list(dict.fromkeys(data["label"])) == [
        "Faits", "Représentations", "Ressentis", "Contexte", "Suggestions", "À retenir"]
    i1 = data[data["interview_id"] == "i1"].set_index("category")["n_statements"]
    assert i1.to_dict() == {"facts": 2, "representation": 0, "feelings": 1, "context": 0,
                            "suggestions": 1, "takeaway": 0}  # the copy d1 is left out
    assert data.groupby("interview_id")["share"].sum().round(9).eq(1).all()
    figure = charts.categories_by_interview(_corpus())
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend == list(dict.fromkeys(data["label"]))
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "6 · 300h"
    assert {"4", "2", "10", "6"} <= {t.get_text() for t in ax.texts}  # totals and segments


def test_code_cooccurrence_counts_statements_with_both_codes():
    codings = pd.DataFrame([("s1", "a"), ("s1", "b"), ("s2", "a"), ("s2", "b"), ("s2", "c"),
                            ("s3", "a"), ("d1", "a"), ("d1", "b")],
                           columns=["statement_id", "code"])
    codebook = pd.DataFrame({"code": ["c", "b", "a"], "label": ["Cé", "Bé", "A"]})
    statements = pd.DataFrame({"statement_id": ["s1", "s2", "s3", "d1"],
                               "duplicate_of": ["", "", "", "s1"]})
    data = charts.code_cooccurrence_data(
        {"codings": codings, "codebook": codebook, "statements": statements}, top=None)
    matrix = data.pivot(index="code_a", columns="code_b", values="n_statements")
    assert list(dict.fromkeys(data["code_a"])) == ["c", "b", "a"]
    assert matrix.loc["a", "a"] == 3 and matrix.loc["b", "b"] == 2 and matrix.loc["c", "c"] == 1
    assert matrix.loc["a", "b"] == matrix.loc["b", "a"] == 2 and matrix.loc["c", "a"] == 1
    top = charts.code_cooccurrence_data(
        {"codings": codings, "codebook": codebook, "statements": statements}, top=2)
    assert list(dict.fromkeys(top["code_a"])) == ["b", "a"]
    with_copies = charts.code_cooccurrence_data({"codings": codings, "codebook": codebook},
                                                top=None)
    assert with_copies.set_index(["code_a", "code_b"]).loc[("a", "a"), "n_statements"] == 4
    figure = charts.code_cooccurrence(
        {"codings": codings, "codebook": codebook, "statements": statements}, top=None)
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["1. Cé", "2. Bé", "3. A"]


def test_contact_funnel_data_by_clause():
    contacts = pd.DataFrame({
        "clause_hours": pd.array([150, 300, 300, None, None], dtype="Int64"),
        "clause_label": ["150h", "300h", "300h", "autre", ""],
        "status": ["no_reply", "replied", "error", "replied", "no_reply"],
        "interviewed": [False, True, False, False, False]})
    data = charts.contact_funnel_data({"contacts": contacts})
    assert list(dict.fromkeys(data["stage_label"])) == [
        "Contactées", "Réponses", "Entretiens", "Erreurs"]
    assert list(dict.fromkeys(data["clause"])) == ["150h", "300h", "autre", "non précisée"]
    table = data.pivot(index="stage", columns="clause", values="n_companies")
    assert table.loc["contacted"].to_dict() == {"150h": 1, "300h": 2, "autre": 1,
                                                "non précisée": 1}
    assert table.loc["replied", "300h"] == 1 and table.loc["replied", "autre"] == 1
    assert table.loc["interviewed"].sum() == 1 and table.loc["error", "300h"] == 1


def test_contact_funnel_of_the_reference_file(reference_corpus):
    data = charts.contact_funnel_data(reference_corpus)
    totals = data.groupby("stage_label", sort=False)["n_companies"].sum()
    assert totals.to_dict() == {"Contactées": 11, "Réponses": 4, "Entretiens": 2, "Erreurs": 2}
    contacted = data[data["stage"] == "contacted"].set_index("clause")["n_companies"]
    assert contacted.to_dict() == {"150h": 2, "300h": 4, "450h": 1, "900h": 3, "autre": 1}
    figure = charts.contact_funnel(reference_corpus)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(totals.index)
    assert {"11", "4", "2"} <= {t.get_text() for t in ax.texts}


def _events(*rows: dict) -> pd.DataFrame:
    base = {"statement_id": "s", "interview_id": "i1", "kind": "date", "date": "",
            "precision": "", "days_min": float("nan"), "days_max": float("nan"), "unit": "",
            "text": "", "sentence": ""}
    return pd.DataFrame([{**base, **row} for row in rows], columns=list(EVENT_COLUMNS))


def test_timeline_data_rows_spans_and_interview_dates():
    events = _events(
        {"statement_id": "a", "date": "2018-02", "precision": "month", "text": "février 2018",
         "sentence": "En février 2018 on a signé."},
        {"statement_id": "b", "date": "2017", "precision": "year", "text": "2017",
         "sentence": "La clause date de 2017."},
        {"statement_id": "c", "interview_id": "i3", "date": "2019-12-17", "precision": "day",
         "text": "17 décembre", "sentence": "Revu le 17 décembre."},
        {"statement_id": "g", "interview_id": "", "date": "2016", "precision": "year"},
        {"statement_id": "d", "kind": "duration", "days_min": 7.0, "days_max": 7.0},
    )
    data = charts.timeline_data({"events": events, "interviews": _interviews()})
    assert data["statement_id"].tolist() == ["b", "a", "c", "", ""]
    assert data["interview"].tolist() == ["6 · 300h", "6 · 300h", "— · 900h (3/02/2020)",
                                          "— · 900h (3/02/2020)", "Acheteur (26/05/2020)"]
    assert data["kind"].tolist() == ["événement"] * 3 + ["entretien"] * 2
    year, month = data.iloc[0], data.iloc[1]
    assert (year["start"], year["end"]) == (2017.0, 2018.0)
    assert month["start"] == pytest.approx(2018 + 31 / 365)
    assert month["end"] == pytest.approx(2018 + 59 / 365)
    assert data.iloc[3]["label"] == "Entretien du 3/02/2020"
    assert data.iloc[1]["label"] == "En février 2018 on a signé."
    figure = charts.timeline({"events": events, "interviews": _interviews()})
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(dict.fromkeys(data["interview"]))
    assert ax.get_xlim()[0] <= 2017 and ax.get_xlim()[1] >= 2021


def test_timeline_of_the_reference_file_spans_2017_to_2022(reference_corpus):
    from csf_analysis.reading.events import events_table
    events = events_table(reference_corpus.statements, reference_corpus.interviews)
    data = charts.timeline_data({"events": events, "interviews": reference_corpus.interviews})
    sixteen = data[data["interview"] == "16 · autre"]
    assert {"2017-09", "2018-02-19", "2018-05-14", "2022-02-18"} <= set(sixteen["date"])
    labels = " ".join(sixteen["label"])
    for written in ("Septembre 2017", "19 Février 2018", "14 mai 2018", "18 Février 2022"):
        assert written in labels
    figure = charts.timeline({"events": events, "interviews": reference_corpus.interviews})
    low, high = figure.axes[0].get_xlim()
    assert low <= 2017.67 and high >= 2022.13


def test_durations_leave_out_ages_and_years_in_post():
    events = _events(
        {"statement_id": "a", "kind": "duration", "days_min": 730.0, "days_max": 730.0,
         "unit": "an", "text": "2 ans", "sentence": "Il a fallu 2 ans pour signer."},
        {"statement_id": "b", "kind": "duration", "days_min": 6205.0, "days_max": 6205.0,
         "unit": "an", "text": "17 ans", "sentence": "La jeune a 17 ans."},
        {"statement_id": "c", "kind": "duration", "days_min": 2920.0, "days_max": 2920.0,
         "unit": "an", "text": "8 ans", "sentence": "Je suis acheteuse depuis 8 ans."},
        {"statement_id": "d", "kind": "duration", "days_min": 3650.0, "days_max": 3650.0,
         "unit": "an", "text": "10 ans", "sentence": "Il a 10 ans d'expérience dans le BTP."},
        {"statement_id": "e", "kind": "duration", "days_min": 2920.0, "days_max": 2920.0,
         "unit": "an", "text": "8 ans", "sentence": "acheteuse depuis 8 ans, avant à Chambéry"},
        {"statement_id": "f", "kind": "duration", "days_min": 5840.0, "days_max": 6570.0,
         "unit": "an", "text": "16-18 ans", "sentence": "le public de la mission : les 16-18 ans"},
    )
    data = charts.durations_data({"events": events, "interviews": _interviews()})
    assert data["text"].tolist() == ["2 ans"]


def test_duration_axis_labels_never_overlap():
    rows = [("une demi-journée", 0.5), ("3 jours", 3), ("une semaine", 7), ("15 jours", 15),
            ("3 mois", 91), ("6 mois", 182), ("4 ans", 1460), ("18 ans", 6570)]
    events = _events(*[{"statement_id": f"s{k}", "kind": "duration", "days_min": days,
                        "days_max": days, "unit": "jour", "text": text,
                        "sentence": f"Il a fallu {text} pour tout faire."}
                       for k, (text, days) in enumerate(rows)])
    figure = charts.durations({"events": events, "interviews": _interviews()})
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in figure.axes[0].get_xticklabels()
             if t.get_text()]
    assert len(boxes) >= 3
    assert all(a.x1 < b.x0 for a, b in zip(boxes, boxes[1:])), [b.x0 for b in boxes]


def test_durations_data_sorted_without_hours():
    events = _events(
        {"statement_id": "a", "kind": "duration", "days_min": 60.0, "days_max": 90.0,
         "unit": "mois", "text": "2-3 mois", "sentence": "Il faut 2-3 mois pour tout caler."},
        {"statement_id": "b", "kind": "duration", "days_min": 42.0, "days_max": 42.0,
         "unit": "semaine", "text": "6 semaines", "sentence": "Elle est restée 6 semaines.",
         "interview_id": "i3"},
        {"statement_id": "c", "kind": "duration", "days_min": 6.25, "days_max": 6.25,
         "unit": "heure", "text": "150h", "sentence": "La clause de 150h."},
    )
    data = charts.durations_data({"events": events, "interviews": _interviews()})
    assert data["text"].tolist() == ["6 semaines", "2-3 mois"]
    assert data["interview"].tolist() == ["— · 900h (3/02/2020)", "6 · 300h"]
    assert data[["days_min", "days_max"]].values.tolist() == [[42.0, 42.0], [60.0, 90.0]]
    assert data["snippet"].tolist()[1] == "Il faut 2-3 mois pour tout caler."
    figure = charts.durations({"events": events, "interviews": _interviews()})
    ax = figure.axes[0]
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.texts] == ["6 semaines", "2-3 mois"]
    assert figure.get_suptitle() == "Durées évoquées dans les entretiens (2 mentions)"


EMPTY_CASES = {
    "themes_by_interview": lambda s, c, i, b, e, k: charts.themes_by_interview(
        {"statements": s, "codings": c, "interviews": i, "codebook": b}),
    "themes_by_clause": lambda s, c, i, b, e, k: charts.themes_by_clause(
        {"statements": s, "codings": c, "interviews": i, "codebook": b}),
    "themes_by_actor": lambda s, c, i, b, e, k: charts.themes_by_actor(
        {"statements": s, "codings": c, "interviews": i, "codebook": b}),
    "categories_by_interview": lambda s, c, i, b, e, k: charts.categories_by_interview(
        {"statements": s, "interviews": i}),
    "code_cooccurrence": lambda s, c, i, b, e, k: charts.code_cooccurrence(
        {"codings": c, "codebook": b}),
    "contact_funnel": lambda s, c, i, b, e, k: charts.contact_funnel({"contacts": k}),
    "timeline": lambda s, c, i, b, e, k: charts.timeline({"events": e, "interviews": i}),
    "durations": lambda s, c, i, b, e, k: charts.durations({"events": e}),
}


@pytest.mark.parametrize("name", sorted(EMPTY_CASES))
def test_empty_tables_give_a_figure_that_says_so(name):
    contacts = pd.DataFrame(columns=["clause_hours", "clause_label", "status", "interviewed"])
    figure = EMPTY_CASES[name](_statements().iloc[:0], _codings().iloc[:0], _interviews().iloc[:0],
                               _codebook(), _events().iloc[:0], contacts)
    assert _no_data(figure)


@pytest.mark.parametrize("name", sorted(set(EMPTY_CASES) - {"contact_funnel"}))
def test_everything_filtered_out_gives_a_figure_that_says_so(name):
    statements = _statements()
    statements["duplicate_of"] = "x"  # every statement a copy
    only_hours = _events({"kind": "duration", "days_min": 1.0, "days_max": 1.0, "unit": "heure"})
    interviews = _interviews().assign(date="")  # no interview date, no dated event
    figure = EMPTY_CASES[name](statements, _codings()[_codings()["code"] == "nope"], interviews,
                               _codebook(), only_hours, None)
    assert _no_data(figure)


def test_two_codes_with_the_same_label_stay_two_rows():
    codebook = pd.DataFrame({"code": ["alpha", "beta"], "label": ["Même libellé"] * 2})
    for draw in (charts.themes_by_interview, charts.themes_by_clause):
        figure = draw(_corpus(codebook=codebook))
        rows = [t.get_text() for t in figure.axes[0].get_yticklabels()]
        assert rows == ["Même libellé", "Même libellé", "delta"]
