"""Tests for csf_analysis.reading.vocabulary: labels -> categories, speakers and actors."""
from __future__ import annotations

import doctest

import pytest

from csf_analysis.reading import vocabulary
from csf_analysis.reading.vocabulary import actor_of_text, category_of_label, speaker_of_label
from csf_analysis.schema import ACTORS, CATEGORIES
from csf_analysis.text import normalize


def test_docstring_examples_hold():
    assert doctest.testmod(vocabulary).failed == 0


def test_normalize_folds_case_accents_apostrophes_and_spaces():
    assert normalize("  Ce QU’ON   retient  Élève ") == "ce qu'on retient eleve"


@pytest.mark.parametrize("label, category", [
    ("Représentation", "representation"),
    ("Représentation :", "representation"),
    ("REPRÉSENTATION", "representation"),
    ("representation", "representation"),
    ("Ressentis", "feelings"),
    ("Ressenti :", "feelings"),
    ("Apprécié", "feelings"),
    ("Contexte professionnel de l'interviewvée", "context"),
    ("Suggestions d'améliorations", "suggestions"),
    ("Actions à faire", "suggestions"),
    ("Méta", "meta"),
    ("Email de contact envoyé", "meta"),
    ("Debrief (Yannick & Philippe, après l'entretien)", "debrief"),
    ("Débrief", "debrief"),
    ("On retient :", "takeaway"),
    ("A retenir", "takeaway"),
    ("À retenir", "takeaway"),
    ("Ce que nous avons appris", "takeaway"),
    ("Questions prévues", "question"),
    ("Questions prévues pour le 1er entretien", "question"),
    ("Ce qui s'est passé jusqu'à présent", "facts"),
])
def test_labels_map_to_categories_loosely(label, category):
    assert category_of_label(label) == category
    assert category in CATEGORIES


@pytest.mark.parametrize("label", [
    "Retours", "Turnover", "Entretiens", "Référence des entreprises contactées", "",
    "Une phrase bien trop longue pour être un titre, même si elle parle de ressenti et de tout",
])
def test_other_labels_have_no_category(label):
    assert category_of_label(label) == ""


@pytest.mark.parametrize("label, speaker", [
    ("Acheteur", "acheteur"),
    ("Entreprise", "entreprise"),
    ("Tutrice pilote", "tutrice pilote"),
    ("Le commercial", "commercial"),
    ("La tutrice", "tutrice"),
    ("DRH", "drh"),
    ("Conseillère", "conseillere"),
    ("Sa femme", "femme"),
    ("Coordinatrice (à la fin)", "coordinatrice"),
    ("Chef d'équipe", "chef d'equipe"),
])
def test_speaker_labels(label, speaker):
    assert speaker_of_label(label) == speaker


@pytest.mark.parametrize("label", ["Méta", "Ce qui s'est passé", "Elle a dit que",
                                   "Un souci majeur remonté", "Gros problème",
                                   "La coordinatrice confirme", "Le gérant nous explique"])
def test_other_labels_are_no_speaker(label):
    assert speaker_of_label(label) == ""


@pytest.mark.parametrize("text, actor", [
    ("Entretien avec la tutrice pilote", "mlds"),
    ("Échange avec la coordinatrice du bassin", "mlds"),
    ("20200526_acheteur_accademie_montpellier", "acheteur"),
    ("Test acheteur du 26/05/2020", "acheteur"),
    ("Entretien avec un jeune", "jeune"),
    ("Rencontre partenaire", "partenaire"),
    ("Entretien avec la DRH de l'entreprise", "entreprise"),
    ("Observation du RUN", ""),
])
def test_actor_of_a_title_or_file_name(text, actor):
    assert actor_of_text(text) == actor
    assert actor == "" or actor in ACTORS


@pytest.mark.parametrize("label, category", [
    ("Questions prévues pour le 1er entretien", "question"), ("Guide d'entretien", "question"),
    ("Guide", "question"), ("Trame", "question"), ("Nos questions prévues", "question"),
    ("Test du nouveau guide des acheteurs", ""),   # it mentions a guide, it is none
    ("Retour sur le questionnaire", ""), ("Le guide des acheteurs", ""),
])
def test_only_a_heading_that_is_a_guide_makes_questions(label, category):
    assert category_of_label(label) == category


@pytest.mark.parametrize("text, actor", [
    ("Échange avec la mission locale du Pays de Morlaix", "partenaire"),
    ("Rencontre CCI Orléans", "partenaire"), ("Test site facilitateur clauses", "partenaire"),
])
def test_partner_organisations_are_partners(text, actor):
    assert actor_of_text(text) == actor
