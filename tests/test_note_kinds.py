"""Tests for csf_analysis.reading.note_kinds: each interview's kind, document files, tests.

Then the labelled folder ``tests/fixtures/dossier-equipe``: 23 notes of a
team's whole notes folder (interviews, usability tests, observations,
workshops, team documents, a copy), written and labelled file by file by two
helper coders who never saw the rules; every file must get its expected kinds,
number of sessions and copy.
"""
from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from benchmarks.kinds_eval import compare, expected
from csf_analysis.reading import note_kinds
from csf_analysis.reading.notes import parse_note

DOSSIER = Path(__file__).resolve().parent / "fixtures" / "dossier-equipe"


def test_docstring_examples_hold():
    assert doctest.testmod(note_kinds).failed == 0


def kinds_of(text: str, name: str = "a.md") -> list[tuple[str, str]]:
    return [(i["kind"], i["actor"]) for i in parse_note(text, name).interviews]


def test_front_matter_kind_over_two_tests_keeps_both_tests():
    text = ("---\nkind: test-utilisateur\n---\n\n# Test 16/12/2019 : acheteuse\n\n"
            "- je clique sur l'accueil\n\n# Test 27/12/2019 : tutrice\n\n- je cherche la frise\n")
    note = parse_note(text, "tests.md")
    assert [(i["kind"], i["actor"], i["date"]) for i in note.interviews] == [
        ("test-utilisateur", "acheteur", "2019-12-16"),
        ("test-utilisateur", "mlds", "2019-12-27")]
    assert note.problems == []


def test_a_document_file_is_one_row_holding_every_line():
    text = ("# Réunion d'équipe du 3 mars 2020\n\nPrésents : Léa, Tom.\n\n- budget voté\n\n"
            "# Réunion d'équipe du 10 mars 2020\n\n- kit relu\n")
    note = parse_note(text, "equipe/points.md")
    assert [(i["interview_id"], i["kind"], i["actor"], i["line"]) for i in note.interviews] == [
        ("equipe/points", "document", "", 1)]
    assert {s.interview for s in note.segments} == {0}
    assert len(note.segments) == 3


def test_a_test_heading_inside_a_status_note_is_no_test():
    text = ("# Où en est-on ? – point d'étape juin 2020\n\n## Chiffres\n\n- 46 marchés\n\n"
            "## Test du nouveau guide des acheteurs\n\nLa V2 est partie en relecture.\n"
            "Le guide est jugé trop long.\n")
    note = parse_note(text, "ou-en-est-on.md")
    assert [(i["kind"], i["line"]) for i in note.interviews] == [("document", 1)]
    [problem] = note.problems
    assert "indices contradictoires" in problem.message


def test_a_role_label_in_a_website_test_is_a_comment_on_the_page():
    text = ("# Test acheteuse du 9/12/2019\n\n### Accueil\n\n- Le jeune : lui redonner confiance\n"
            "- Acheteuse : je ne trouve pas le modèle\n")
    note = parse_note(text, "test.md")
    assert [(s.speaker, s.text) for s in note.segments] == [
        ("", "Le jeune : lui redonner confiance"), ("acheteuse", "je ne trouve pas le modèle")]


def test_a_role_label_in_an_interview_stays_a_turn():
    note = parse_note("# Entretien du 9/12/2019\n\n- Le jeune : je voulais partir\n", "a.md")
    assert [(s.speaker, s.text) for s in note.segments] == [("jeune", "je voulais partir")]


def test_a_role_heading_in_a_debrief_gives_its_lines_a_speaker():
    text = ("# Test kit du 9/06/2020 avec la tutrice\n\n- 10:02 : je lis la page 1\n\n"
            "# Debrief\n\n## Tutrice pilote\n\n- elle veut un numéro de téléphone\n\n"
            "## Ce que nous avons appris\n\n- le kit est lu\n")
    note = parse_note(text, "a.md")
    assert [(s.speaker, s.text) for s in note.segments] == [
        ("", "je lis la page 1"), ("tutrice pilote", "elle veut un numéro de téléphone"),
        ("", "le kit est lu")]


def test_a_workshop_of_several_actors_is_a_mixed_group():
    assert kinds_of("# Atelier acheteurs et tuteurs du 6/10/2020\n\n- Groupe 1 : le kit.\n",
                    "ateliers/a.md") == [("atelier", "autre")]
    assert kinds_of("# Atelier du 6/10/2020\n\n- Groupe 1 : le kit.\n",
                    "ateliers/atelier-acheteurs.md") == [("atelier", "acheteur")]


def test_a_test_after_an_interview_of_the_same_file_keeps_its_actor():
    text = ("# Rencontre avec Sophie, tutrice MLDS – 5/11/2020\n\n- Je suis 18 jeunes.\n\n"
            "# Test du site (même jour)\n\n- 11:40 : je clique sur MLDS\n- 11:41 : je filtre\n"
            "- 11:43 : je regarde la fiche\n")
    assert kinds_of(text, "vrac/notes.md") == [("entretien", "mlds"),
                                              ("test-utilisateur", "mlds")]


def test_a_clause_marker_is_an_interview_even_with_little_said():
    text = "## (300h) 6 : Plone\n\n- Un.\n\n## (150h) 7 : Autre\n\n- Deux.\n"
    assert kinds_of(text) == [("entretien", "entreprise"), ("entretien", "entreprise")]


def test_front_matter_describing_an_interview_is_one():
    note = parse_note("---\nid: drh-22\n---\n\n- Texte.\n", "a.md")
    assert [(i["interview_id"], i["kind"]) for i in note.interviews] == [("drh-22", "entretien")]


def test_a_title_line_without_hash_heads_the_file():
    text = ("Réunion d'équipe — 10/02/2020\n\nPrésents : Inès, Tristan.\n\n"
            "## Atelier Lille\n\n- 9 inscrits côté acheteurs\n- matériel : frises, feutres\n")
    assert kinds_of(text, "2020-02/notes.md") == [("document", "")]


def test_a_timed_programme_is_no_think_aloud_and_post_its_make_a_workshop():
    text = ("Matinale « clause sociale de formation » – jeudi 21 novembre 2019\n\n"
            "Programme :\n9h00 accueil café\n9h20 présentation de la CSF\n"
            "10h15 travail en 3 tables\n11h15 restitution\n\n**Table 1**\nPost-its :\n"
            "- les entreprises veulent connaître le jeune\n\n**Table 2**\nPost-its :\n"
            "- un binôme tutrice / tuteur\n")
    assert kinds_of(text, "vrac/matinale.md") == [("atelier", "autre")]


def test_an_empty_template_is_a_document():
    text = ("# Entretien du __/__/____ avec ______\n\nLieu / canal :\nQui mène :\n\n"
            "## Représentation\n\n- \n\n## Ressentis\n\n- \n")
    assert kinds_of(text, "Margaux/trame-entretien.md") == [("document", "")]


def test_a_test_inside_an_interview_file_is_read_by_its_heading():
    text = ("# Appel avec Nadia, facilitatrice – 9 mars 2020\n\n- Je gère 40 marchés.\n"
            "- Acheteur : on en parle peu.\n\n# Test rapide de la page partenaires\n\n"
            "- 10:02 : je clique sur partenaires\n- 10:04 : je cherche le contact\n"
            "- 10:05 : je reviens\n")
    assert [k for k, _ in kinds_of(text, "rencontres/appel-facilitateur.md")] == [
        "entretien", "test-utilisateur"]


def test_a_front_matter_title_is_evidence_like_a_heading():
    text = ("---\ntitle: Test utilisateur tutrice - liste des parcours\ndate: 2020-05-26\n"
            "actor: tutrice\n---\n\nTest de la page avec Sophie.\n")
    assert kinds_of(text, "x/a.md") == [("test-utilisateur", "mlds")]


# -- the labelled folder --------------------------------------------------------------

@pytest.fixture(scope="module")
def dossier():
    return compare(DOSSIER).set_index("file")


def test_the_labels_cover_every_note_of_the_folder():
    files = {p.relative_to(DOSSIER).as_posix() for p in DOSSIER.rglob("*.md")}
    assert set(expected(DOSSIER)) == files and len(files) >= 20


@pytest.mark.parametrize("name", sorted(expected(DOSSIER)))
def test_every_file_gets_its_expected_kind_sessions_and_copy(dossier, name):
    row = dossier.loc[name]
    assert (row["read_kind"], row["read_sessions"], row["read_copy_of"]) == (
        row["kind"], row["sessions"], row["copy_of"])


def test_the_folder_holds_every_kind_and_a_copy(dossier):
    kinds = {k for value in dossier["kind"] for k in value.split(",")}
    assert kinds == {"entretien", "test-utilisateur", "observation", "atelier", "document"}
    assert (dossier["copy_of"] != "").sum() == 1


def test_the_team_notes_read_as_their_kinds(shared_corpus):
    kinds = shared_corpus.interviews.groupby("source_file")["kind"].agg(list).to_dict()
    assert kinds == {
        "20200526_acheteur_accademie_montpellier.md": ["test-utilisateur"],
        "entretien-entreprises.md": ["entretien"] * 3,
        "entretien_tutrice_pilote_20191216.md": ["entretien"] * 2,
        "observation-run-20200302.md": ["observation"]}
    assert (shared_corpus.interviews["duplicate_of"] == "").all()
    assert shared_corpus.problems.empty
    test = shared_corpus.interviews.set_index("kind").loc["test-utilisateur"]
    assert test["actor"] == "acheteur"


def test_the_spent_blind_folder_still_reads_right():
    """``benchmarks/data/kinds_blind``: measured blind once (19 of 24 files right), then
    used to mend the rules; kept as a regression test."""
    table = compare(Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "kinds_blind")
    assert table["file_ok"].all(), table.loc[~table["file_ok"], ["file", "kind", "read_kind"]]


def test_the_blind_folder_reads_as_when_first_measured():
    """``benchmarks/data/kinds_blind3``, never tuned on: 23 of 25 files right when first
    measured (the two others are where its writer and labeller disagree)."""
    table = compare(Path(__file__).resolve().parent.parent / "benchmarks" / "data"
                    / "kinds_blind3")
    assert int(table["file_ok"].sum()) >= 23 and table["copy_ok"].all()
