"""Tests for csf_analysis.coding.review: the inferred categories to check, the least sure first."""
from __future__ import annotations

import math

import pytest

from csf_analysis import load_corpus
from csf_analysis.coding.review import Coder, categories_to_check, coded_statements

NOTE = """# Entretien du 3 mars 2020 avec la gérante

Elle gère une boulangerie de douze salariés.
On a reçu le jeune le 4 mars, il est resté deux semaines.
Il faudrait un interlocuteur unique au lycée.
C'était vraiment frustrant d'attendre.
Est-ce que vous referiez l'expérience ?

Ressentis :

- Très contente de l'accueil.
"""


@pytest.fixture()
def notes(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "boulangerie.md").write_text(NOTE, encoding="utf-8")
    return folder


def test_inferred_categories_carry_a_confidence_and_the_least_sure_come_first(notes):
    corpus = load_corpus(notes, cache_dir=None, progress=False)
    st = corpus.statements
    inferred = st[st["category_origin"] == "inferred"]
    assert len(inferred) == 5 and inferred["category_confidence"].between(0, 1).all()
    assert st.loc[st["category_origin"] == "structure", "category_confidence"].isna().all()
    check = categories_to_check(corpus)
    assert list(check["statement_id"]) == list(
        inferred.sort_values("category_confidence", kind="stable")["statement_id"])
    assert check["category_confidence"].is_monotonic_increasing
    assert len(categories_to_check(corpus, limit=2)) == 2
    assert categories_to_check(corpus, interview="none").empty
    assert "category_confidence" in coded_statements(corpus).columns


def test_a_category_set_by_hand_has_no_confidence_and_leaves_the_list(notes):
    corpus = load_corpus(notes, cache_dir=None, progress=False)
    first = categories_to_check(corpus)["statement_id"].iloc[0]
    Coder(notes, "lea").category(first, "feelings")
    corpus = load_corpus(notes, cache_dir=None, progress=False)
    row = corpus.statements.set_index("statement_id").loc[first]
    assert row["category_origin"] == "manual" and math.isnan(row["category_confidence"])
    assert first not in set(categories_to_check(corpus)["statement_id"])
