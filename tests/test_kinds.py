"""Tests for csf_analysis.reading.kinds: the words, the evidence, and how it is weighed."""
from __future__ import annotations

import doctest

import pytest

from csf_analysis.reading import kinds
from csf_analysis.reading.kinds import (
    Content,
    Evidence,
    content_evidence,
    decide,
    file_name_evidence,
    folder_evidence,
    heading_evidence,
    kind_of_front_matter,
    kind_of_words,
    measure,
    title_evidence,
)


def test_docstring_examples_hold():
    assert doctest.testmod(kinds).failed == 0


@pytest.mark.parametrize("text, kind", [
    ("entretiens", "entretien"), ("Entretiens acheteurs", "entretien"),
    ("tests-utilisateurs", "test-utilisateur"), ("test_utilisateurs", "test-utilisateur"),
    ("Test acheteur du 26/05/2020", "test-utilisateur"), ("ux tests", "test-utilisateur"),
    ("observations", "observation"), ("obs_jury_mlds", "observation"), ("ateliers", "atelier"),
    ("Atelier co-construction", "atelier"), ("Réunion collective du 13 mars", "atelier"),
    ("Réunion d'équipe du 24 mars", "document"), ("point-equipe-24-03", "document"),
    ("Point d'étape juin 2020", "document"), ("Liens utiles", "document"),
    ("Bon de commande n° 2020-118", "document"), ("BDC facture", "document"),
    ("feuille-de-route", "document"), ("README", "document"), ("modele-entretien", "document"),
    ("Échange avec la coordinatrice", "entretien"), ("Appel du mardi 10 décembre", "entretien"),
    ("appel-offre-2020", "document"), ("Visite de l'atelier de menuiserie", "entretien"),
    ("20200615_visite_atelier", "entretien"), ("observation-point-hebdo", "observation"),
    ("Questions prévues", ""), ("Debrief (Léa & Tom)", ""), ("2020-03", ""), ("vrac", ""),
])
def test_kind_words_first_word_wins(text, kind):
    assert kind_of_words(text) == kind


@pytest.mark.parametrize("text, kind", [
    ("Test du site", "test-utilisateur"), ("Le 2e atelier des acheteurs", "atelier"),
    ("Retour sur le test du guide", ""), ("Les deux messages à retenir (03/02/2020)", ""),
])
def test_a_heading_names_its_kind_with_its_first_word(text, kind):
    assert kind_of_words(text, leading=True) == kind


@pytest.mark.parametrize("value, kind", [
    ("entretien", "entretien"), ("Test utilisateur", "test-utilisateur"),
    ("tests-utilisateurs", "test-utilisateur"), ("test", "test-utilisateur"),
    ("Observation", "observation"), ("workshop", "atelier"), ("doc", "document"),
])
def test_front_matter_kind_aliases(value, kind):
    assert kind_of_front_matter(value) == (kind, "")


def test_unknown_front_matter_kind_says_the_values():
    kind, error = kind_of_front_matter("interview de groupe")
    assert kind == "" and "interview de groupe" in error and "test-utilisateur" in error


def test_the_nearest_folder_that_names_a_kind_counts():
    assert folder_evidence("entretiens/acheteurs/lyon.md").kind == "entretien"
    assert folder_evidence("equipe/tests-utilisateurs/a.md").kind == "test-utilisateur"
    assert folder_evidence("2020-03/a.md") is None and folder_evidence("a.md") is None


def test_file_names_ignore_dates_and_separators():
    assert file_name_evidence("x/20200526_test_acheteur.md").kind == "test-utilisateur"
    assert file_name_evidence("x/20200526.md") is None


def test_a_dated_heading_weighs_as_much_as_a_folder():
    assert heading_evidence("Test du site").weight == kinds.HEADING
    assert heading_evidence("Test 16/12/2019 : tutrice", dated=True).weight == kinds.FOLDER
    assert title_evidence("Où en est-on ? – point d'étape juin 2020").kind == "document"


def test_think_aloud_content_is_a_test():
    content = measure(["- 15:42 : début", "- 15:48 : je clique sur l'annexe",
                       "- 15:49 : je vais sur la page acheteur", "- 15:51 : je reviens"],
                      times=4, speakers=0, labels=0, dated=True)
    assert [e.kind for e in content_evidence(content)] == ["test-utilisateur"]


@pytest.mark.parametrize("lines, why", [
    (["- https://a.fr", "- https://b.fr : le site", "- [guide](https://c.fr)"], "liens"),
    (["Prestation UX : 4 500 € HT", "Développement : 12 000 € HT", "Total TTC : 19 800 €"],
     "montants"),
])
def test_links_and_amounts_make_a_document(lines, why):
    [evidence] = content_evidence(measure(lines, times=0, speakers=0, labels=0, dated=True))
    assert (evidence.kind, why in evidence.why) == ("document", True)


def test_silent_content_is_a_weak_document():
    silent = measure(["On a fait le point sur le budget.", "Prochaine réunion en juin."],
                     times=0, speakers=0, labels=0, dated=False)
    [evidence] = content_evidence(silent)
    assert (evidence.kind, evidence.weight) == ("document", kinds.SILENT)
    speaking = measure(["Je suis seule sur ce poste."], times=0, speakers=0, labels=0,
                       dated=False)
    assert content_evidence(speaking) == []


def test_a_chat_export_is_a_document_even_with_its_authors_and_actions():
    lines = ["**[16/03/2020 09:12] nadia** : bonjour, je passe à la MLDS",
             "- [16/03/2020 09:15] tgarnier : ok, je cherche le contact",
             "> 16/03/2020 09:16 - Yves L.: je clique sur le lien",
             "suite du message d'Yves"]
    content = measure(lines, times=3, speakers=3, labels=0, dated=True)
    [evidence] = content_evidence(content)
    assert (content.messages, evidence.kind, "3 messages" in evidence.why) == (
        3, "document", True)


def test_chat_messages_quoted_in_minutes_do_not_make_an_interview():
    lines = ["Réunion du copil, 12 participants, tour de table puis restitution."] * 6 + [
        "> [14h22] Sidi : à Thionville c'est pareil", "> [15h02] Joana : super portraits"]
    content = measure(lines, times=2, speakers=2, labels=0, dated=True)
    assert [e.kind for e in content_evidence(content)] == ["atelier"]


def test_speakers_and_labels_are_an_interview():
    content = Content(lines=5, speakers=2, labels=1, answers=2, dated=True)
    assert [e.kind for e in content_evidence(content)] == ["entretien"]


def ev(source, kind, weight):
    return Evidence(source, kind, weight, f"{source} {kind}")


def test_front_matter_wins_without_a_problem():
    decision = decide([ev("front-matter", "document", kinds.FRONT_MATTER),
                       ev("folder", "entretien", kinds.FOLDER)])
    assert (decision.kind, decision.problem) == ("document", "")


def test_a_folder_beats_a_heading_and_the_conflict_is_reported():
    decision = decide([ev("folder", "entretien", kinds.FOLDER),
                       ev("heading", "test-utilisateur", kinds.HEADING)])
    assert decision.kind == "entretien"
    assert "indices contradictoires" in decision.problem
    assert "« kind: test-utilisateur »" in decision.problem


def test_a_heading_and_content_together_beat_a_folder():
    decision = decide([ev("folder", "entretien", kinds.FOLDER),
                       ev("heading", "test-utilisateur", kinds.HEADING),
                       ev("content", "test-utilisateur", 2.0)])
    assert decision.kind == "test-utilisateur" and "« kind: entretien »" in decision.problem


def test_agreeing_evidence_makes_no_problem():
    decision = decide([ev("folder", "atelier", kinds.FOLDER), ev("heading", "atelier", 2.0),
                       ev("content", "entretien", 1.0)])
    assert (decision.kind, decision.problem) == ("atelier", "")
    assert decision.evidence == "folder:atelier; heading:atelier; content:entretien"


def test_content_alone_is_reported_with_the_line_that_fixes_it():
    decision = decide([ev("content", "document", kinds.SILENT)])
    assert decision.kind == "document"
    assert "déduit du contenu seul" in decision.problem
    assert "« kind: entretien »" in decision.problem


def test_no_evidence_is_an_interview_reported_as_uncertain():
    decision = decide([])
    assert decision.kind == "entretien" and "aucun indice" in decision.problem


def test_silence_never_beats_a_file_name_nor_makes_a_conflict():
    decision = decide([ev("file-name", "entretien", kinds.FILE_NAME),
                       ev("content", "document", kinds.SILENT)])
    assert (decision.kind, decision.problem) == ("entretien", "")


def test_a_kind_named_further_in_a_heading_weighs_less():
    mention = heading_evidence("État du projet – point d'étape de mars")
    assert (mention.kind, mention.weight) == ("document", kinds.MENTION)
    assert heading_evidence("Synthèse des entretiens acheteurs").kind == "document"
    # words that also name a company's market are no evidence there
    assert heading_evidence("(300h) 6 : Fourniture de documents et gestion du parc") is None
