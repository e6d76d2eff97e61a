"""The category model adapted to a folder's checked categories (issue 14, part 3): the
fit, which decisions it learns from, and the corpus and the review using it."""
from __future__ import annotations

import copy

import numpy as np
import pandas as pd
import pytest

from csf_analysis import load_corpus
from csf_analysis.cli import main
from csf_analysis.coding import manual
from csf_analysis.coding.category_model import CategoryModel
from csf_analysis.coding.folder_model import (
    MIN_LABELS,
    adapt,
    evidence,
    folder_model,
    labelled,
    reinfer,
)
from csf_analysis.coding.session import RELEARN_EVERY, ReviewSession


@pytest.fixture(scope="module")
def base() -> CategoryModel:
    return CategoryModel().fit_features(
        [["w:a"], ["w:b"], ["w:a", "w:c"], ["w:b", "w:c"], ["w:e"]],
        ["facts", "feelings", "facts", "feelings", "suggestions"])


def test_adapt_moves_the_labelled_features_only(base):
    team = adapt(base, [["w:a", "w:new"]] * 5, ["feelings"] * 5)
    assert team.predict_features([["w:a"]])[0][0] == "feelings"
    assert base.predict_features([["w:a"]])[0][0] == "facts"  # the shipped model unchanged
    untouched = [base.vocabulary[name] for name in ("w:b", "w:c", "w:e")]
    assert np.array_equal(team.coef[:, [team.vocabulary[n] for n in ("w:b", "w:c", "w:e")]],
                          base.coef[:, untouched])
    assert "w:new" in team.vocabulary and team.info["adapted_on"] == 5


def test_a_stronger_prior_moves_less(base):
    def p_feelings(C: float) -> float:
        model = adapt(base, [["w:a"]] * 3, ["feelings"] * 3, C=C)
        return float(model.probabilities([["w:a"]])[0][model.classes.index("feelings")])
    assert p_feelings(0.01) < p_feelings(1.0) < p_feelings(100.0)


def test_the_training_evidence_pins_the_weights_it_knew(base):
    rows = [["w:a"], ["w:b"], ["w:a", "w:c"], ["w:b", "w:c"], ["w:e"]]
    held = evidence(base, rows, ["facts", "feelings", "facts", "feelings", "suggestions"])
    assert held["w:a"] > 0 and held["w:c"] > 0 and held[""] > held["w:a"]
    assert "w:zzz" not in held

    def moved(weight_of_a: float) -> float:
        pinned = copy.copy(base)
        pinned.evidence = {**held, "w:a": weight_of_a}
        team = adapt(pinned, [["w:a"]] * 3, ["feelings"] * 3)
        column = base.vocabulary["w:a"]
        return float(np.abs(team.coef[:, column] - base.coef[:, column]).sum())
    assert moved(1000.0) < moved(held["w:a"]) / 10


def test_the_evidence_is_saved_with_the_model(base, tmp_path):
    model = copy.copy(base)
    model.evidence = {"": 12.3456, "w:a": 0.123456, "w:rare": 0.0001}
    model.save(tmp_path / "model.json")
    again = CategoryModel.load(tmp_path / "model.json")
    assert again.evidence == {"": 12.3, "w:a": 0.123}
    base.save(tmp_path / "plain.json")
    assert CategoryModel.load(tmp_path / "plain.json").evidence is None


def test_labels_the_model_cannot_give_are_left_out(base):
    team = adapt(base, [["w:a"], ["w:b"]], ["debrief", "takeaway"])
    assert np.array_equal(team.coef, base.coef) and team.classes == base.classes


def decisions(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["statement_id", "action", "code"])


def test_labelled_takes_the_last_category_of_each_kept_statement():
    rows = {"s2": ["facts:default", ["w:b"]], "s1": ["facts:default", ["w:a"]]}
    features, labels = labelled(rows, decisions(
        ("s2", "category", "facts"), ("s1", "add", "delais"), ("s2", "category", "feelings"),
        ("s1", "category", "suggestions"), ("s9", "category", "facts")))
    assert (features, labels) == ([["w:a"], ["w:b"]], ["suggestions", "feelings"])


def test_no_folder_model_under_the_minimum(base):
    rows = {f"s{i}": ["facts:default", ["w:a"]] for i in range(MIN_LABELS)}
    few = decisions(*((f"s{i}", "category", "feelings") for i in range(MIN_LABELS - 1)))
    assert folder_model(rows, few, base=base) is None
    enough = decisions(*((f"s{i}", "category", "feelings") for i in range(MIN_LABELS)))
    assert folder_model(rows, enough, base=base).info["adapted_on"] == MIN_LABELS


def test_the_same_decisions_adapt_once_in_a_process(base):
    rows = {f"s{i}": ["facts:default", ["w:a"]] for i in range(MIN_LABELS + 1)}
    same = decisions(*((f"s{i}", "category", "feelings") for i in range(MIN_LABELS)))
    first = folder_model(rows, same, base=base)
    assert folder_model(rows, same.copy(), base=base) is first
    more = pd.concat([same, decisions((f"s{MIN_LABELS}", "category", "facts"))])
    assert folder_model(rows, more, base=base) is not first


def test_reinfer_remembers_a_statement_while_its_features_are_the_same(base):
    pinned = copy.copy(base)
    pinned.evidence = {"": 1000.0}  # the intercepts held: only "w:a" learns
    rows = {f"s{i}": ["facts:default", ["w:a"]] for i in range(MIN_LABELS)}
    model = folder_model(rows, decisions(*((f"s{i}", "category", "feelings")
                                           for i in range(MIN_LABELS))), base=pinned)
    statements = pd.DataFrame({"statement_id": ["t1"], "category": ["facts"],
                               "category_origin": ["inferred"], "category_rule": ["x"],
                               "category_confidence": [0.5]})
    assert reinfer(statements, {"t1": ["facts:default", ["w:a"]]}, model).loc[
        0, "category"] == "feelings"
    again = reinfer(statements, {"t1": ["facts:default", ["w:e"]]}, model)  # note edited
    assert again.loc[0, "category"] == model.predict_features([["w:e"]])[0][0] \
        == "suggestions"


def test_reinfer_touches_the_inferred_categories_only(base):
    statements = pd.DataFrame({
        "statement_id": ["s1", "s2", "s3"], "category": ["facts", "facts", "facts"],
        "category_origin": ["inferred", "structure", "manual"],
        "category_rule": ["facts:default", "structure", "manual:ana"],
        "category_confidence": [0.5, np.nan, np.nan]})
    rows = {sid: ["facts:default", ["w:b"]] for sid in ("s1", "s2", "s3")}
    again = reinfer(statements, rows, base)
    assert again["category"].tolist() == ["feelings", "facts", "facts"]
    assert again.loc[0, "category_rule"] == "model:feelings"
    assert 0.3 < again.loc[0, "category_confidence"] <= 1
    assert statements["category"].tolist() == ["facts"] * 3  # the input is left alone


CRANES = [f"La grue numéro {n} était peinte en {colour} sur le chantier {place}."
          for n, (colour, place) in enumerate(zip(
              ["bleu", "rouge", "vert", "jaune", "noir", "blanc", "gris", "orange"] * 3,
              ["nord", "sud", "est", "ouest", "du port", "de la gare"] * 4), start=1)]


@pytest.fixture
def cranes(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    body = "\n".join(CRANES)
    (notes / "visite.md").write_text(f"# Visite du chantier, mars 2021\n\n{body}\n",
                                     encoding="utf-8")
    return notes


def crane_ids(corpus) -> list[str]:
    table = corpus.statements.set_index("text")
    return [table.loc[text, "statement_id"] for text in CRANES]


def test_the_tables_use_the_model_adapted_to_the_checked_categories(cranes, tmp_path):
    cache = tmp_path / "cache"
    first = load_corpus(cranes, cache_dir=cache, progress=False)
    ids = crane_ids(first)
    assert set(first.category_rows) >= set(ids) and first.stats["adapted_on"] == 0
    shipped = first.statements.set_index("statement_id").loc[ids[12:], "category"]
    assert (shipped != "representation").any()
    for sid in ids[:12]:
        manual.record(cranes, sid, "category", "representation", coder="ana")
    again = load_corpus(cranes, cache_dir=cache, progress=False)  # codings from the cache
    assert again.stats["coded"] == 0 and again.stats["adapted_on"] == 12
    table = again.statements.set_index("statement_id")
    assert (table.loc[ids[:12], "category_origin"] == "manual").all()
    assert (table.loc[ids[12:], "category"] == "representation").all()
    assert (table.loc[ids[12:], "category_rule"] == "model:representation").all()
    assert (table.loc[ids[12:], "category_origin"] == "inferred").all()


def test_the_tables_command_says_the_model_was_adapted(cranes, tmp_path, capsys):
    ids = crane_ids(load_corpus(cranes, cache_dir=None, progress=False))
    for sid in ids[:MIN_LABELS]:
        manual.record(cranes, sid, "category", "representation", coder="ana")
    assert main(["tables", str(cranes), "--out", str(tmp_path / "out"), "--cache",
                 str(tmp_path / "cache")]) == 0
    assert ("inferred categories: by the model adapted to the 10 categories the team "
            "checked") in capsys.readouterr().out
    table = pd.read_csv(tmp_path / "out" / "statements.csv", dtype=str).set_index(
        "statement_id")
    assert (table.loc[ids[MIN_LABELS:], "category"] == "representation").all()


def test_the_review_relearns_every_ten_checked_categories(cranes):
    session = ReviewSession(load_corpus(cranes, cache_dir=None, progress=False), "ana")
    done = []
    for _ in range(RELEARN_EVERY):
        done.append(session.current["statement_id"])
        session.handle({"do": "category", "value": "representation"})
        session.move(1)
    assert "modèle réappris sur 10 catégories vérifiées" in session.message
    waiting = session.statements[~session.statements["statement_id"].isin(done)
                                 & session.statements["text"].isin(CRANES)]
    assert (waiting["category"] == "representation").all()
    # re-ranked: the checked ones (first in the queue before) go last
    assert set(session.queue["statement_id"].tolist()[-RELEARN_EVERY:]) == set(done)


def test_relearning_on_request_says_when_there_is_too_little(cranes):
    session = ReviewSession(load_corpus(cranes, cache_dir=None, progress=False), "ana")
    session.handle({"do": "category", "value": "representation"})
    session.handle({"do": "relearn"})
    assert "au moins 10 catégories vérifiées" in session.message
