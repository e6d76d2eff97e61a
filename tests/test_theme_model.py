"""csf_analysis.coding.theme_model: the trained check on the patterns' themes."""
from __future__ import annotations

import doctest

import pandas as pd
import pytest

from csf_analysis.coding import theme_model
from csf_analysis.coding.codebook import load_codebook
from csf_analysis.coding.codings import auto_code
from csf_analysis.coding.session import _why
from csf_analysis.coding.theme_model import ThemeModel, features, load_default, revise_codings
from csf_analysis.reading.nlp import LEMMAS, load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(components=LEMMAS)


def test_the_module_examples_hold():
    assert doctest.testmod(theme_model).failed == 0


def toy_model() -> ThemeModel:
    """Two themes learnt from words: "retard" is about delays, "tuteur" about support."""
    rows = [["w:retard"], ["w:retard", "w:chantier"], ["w:tuteur"], ["w:tuteur", "w:jeune"],
            ["w:chantier"], ["w:jeune"]] * 5
    labels = [{"delais"}, {"delais"}, {"accompagnement"}, {"accompagnement"}, set(), set()] * 5
    return ThemeModel(C=10.0, min_count=1).fit(rows, labels)


def test_features_are_lemmas_bigrams_heading_words_and_the_patterns_themes(nlp):
    found = features(nlp("Le tuteur accompagne le jeune."), "Le tutorat", {"accompagnement"})
    assert {"w:tuteur", "w:accompagner", "b:tuteur_accompagner", "h:tutorat",
            "auto:accompagnement"} <= set(found)
    assert "w:le" not in found  # stop words left out


def test_revise_drops_unlikely_pattern_themes_adds_sure_ones_and_keeps_unknown_codes():
    model = toy_model()
    [(kept, added)] = model.revise([["w:retard"]], [{"accompagnement", "code-de-l-equipe"}],
                                   known={"delais", "accompagnement", "code-de-l-equipe"})
    assert kept == {"code-de-l-equipe"}  # the model does not know it: the patterns decide
    assert set(added) == {"delais"} and added["delais"] >= theme_model.ADD
    [(_, added)] = model.revise([["w:retard"]], [set()], known={"accompagnement"})
    assert added == {}  # a code the codebook no longer has is never added


def test_a_saved_model_reads_back_the_same(tmp_path):
    model = toy_model()
    model.save(tmp_path / "m.json")
    again = ThemeModel.load(tmp_path / "m.json")
    rows = [["w:retard"], ["w:tuteur", "w:inconnu"], []]
    assert again.codes == model.codes
    assert again.probabilities(rows) == pytest.approx(model.probabilities(rows), abs=1e-3)


def test_a_file_that_is_not_a_theme_model_is_refused(tmp_path):
    (tmp_path / "m.json").write_text('{"format": "csf-category-model/1"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a theme model"):
        ThemeModel.load(tmp_path / "m.json")


def test_revised_codings_say_why_a_theme_was_added(nlp):
    codings = pd.DataFrame([{"statement_id": "s1", "code": "accompagnement", "origin": "auto",
                             "coder": "auto", "matched": "tuteur", "pattern": "accompagnement#0"}])
    docs = [nlp("Encore du retard."), nlp("Le tuteur est là.")]
    out, vetoed = revise_codings(codings, ["s0", "s1"], docs, ["", ""],
                                 known={"delais", "accompagnement"}, model=toy_model())
    assert vetoed.empty
    added = out[out["statement_id"] == "s0"].iloc[0]
    assert (added["code"], added["origin"], added["matched"]) == ("delais", "auto", "")
    assert added["pattern"].startswith("modèle 0.")
    assert _why(added, False) == f"modèle, sûr à {float(added['pattern'].split()[-1]):.0%}" \
        .replace("%", " %")
    assert out[out["statement_id"] == "s1"]["code"].tolist() == ["accompagnement"]


def test_a_vetoed_theme_is_kept_apart_with_the_probability_the_model_gave(nlp):
    codings = pd.DataFrame([{"statement_id": "s0", "code": "accompagnement", "origin": "auto",
                             "coder": "auto", "matched": "tuteur", "pattern": "accompagnement#0"}])
    out, vetoed = revise_codings(codings, ["s0"], [nlp("Encore du retard.")], [""],
                                 known={"delais", "accompagnement"}, model=toy_model())
    assert "accompagnement" not in set(out["code"])
    row = vetoed.iloc[0]
    assert (row["code"], row["matched"]) == ("accompagnement", "tuteur")
    assert row["pattern"].startswith("accompagnement#0; modèle 0.")
    assert float(row["pattern"].split()[-1]) < 0.3


def test_the_shipped_model_drops_a_theme_a_word_gave_out_of_its_sense(nlp):
    """"explique" gives information-cadre (what the clause is); a tutor explaining the
    safety rules is not about it. The codebook's patterns give it, the product does not."""
    text = ("Le tuteur explique chaque matin les consignes de sécurité au jeune et fait "
            "un point le soir.")
    statements = pd.DataFrame({"statement_id": ["s0"], "text": [text], "speaker": [""],
                               "section": [""], "source_file": ["a.md"],
                               "category_origin": [""]})
    result = auto_code(statements, codebook=load_codebook(), nlp=nlp)
    coded = {row["code"] for row in result["codings"]}
    assert "information-cadre" not in coded and "accompagnement" in coded
    assert [row["code"] for row in result["vetoed"]] == ["information-cadre"]
    assert load_default().info["revised"][0] > load_default().info["patterns"][0]


def test_a_shipped_code_the_team_redefines_is_left_to_its_patterns(nlp, tmp_path):
    """The model learnt the shipped sense of information-cadre; a team whose
    codebook.yml gives it another (the safety rules explained to the youth) keeps
    what its patterns give."""
    (tmp_path / "codebook.yml").write_text(
        'version: "equipe-1"\ncodes:\n  - id: information-cadre\n'
        '    label: Consignes expliquées\n    parent: manque-information\n'
        '    patterns: [expliquer, consigne]\n', encoding="utf-8")
    text = ("Le tuteur explique chaque matin les consignes de sécurité au jeune et fait "
            "un point le soir.")
    statements = pd.DataFrame({"statement_id": ["s0"], "text": [text], "speaker": [""],
                               "section": [""], "source_file": ["a.md"],
                               "category_origin": [""]})
    coded = {row["code"] for row in auto_code(statements, codebook=load_codebook(tmp_path),
                                              nlp=nlp)["codings"]}
    assert "information-cadre" in coded and "accompagnement" in coded


def test_the_weights_module_examples_hold():
    from csf_analysis.coding import weights
    assert doctest.testmod(weights).failed == 0
