"""Tests for csf_analysis.reading.copies: repeated statements and copied interviews."""
from __future__ import annotations

import doctest

import pytest

from csf_analysis.reading import copies

LINES = [
    "La tutrice a relancé l'entreprise trois fois sans réponse.",
    "Le jeune est parti au bout de trois jours de stage.",
    "Personne ne savait qui appeler au rectorat pour le suivi.",
    "La convention est arrivée deux semaines après le début.",
    "Le tuteur aurait voulu connaître le parcours du jeune.",
]


def write_notes(folder, notes: dict[str, str]):
    for name, text in notes.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def interview(title: str, lines: list[str]) -> str:
    return f"# {title}\n\n" + "".join(f"- {line}\n" for line in lines)


def test_docstring_examples_hold():
    assert doctest.testmod(copies).failed == 0


def test_a_half_edited_copy_is_marked_and_left_out_of_counts(tmp_path, parse_folder):
    notes = write_notes(tmp_path / "notes", {
        # the copy comes first in reading order, but is dated later and lost a line
        "a/copie.md": interview("Entretien avec la CCI du 2/04/2020",
                                LINES[:4] + ["Une ligne nouvelle, propre à la CCI."]),
        "b/original.md": interview("Entretien avec la mission locale du 9/03/2020", LINES)})
    corpus = parse_folder(notes)
    rows = corpus.interviews.set_index("source_file")
    assert rows.at["a/copie.md", "duplicate_of"] == rows.at["b/original.md", "interview_id"]
    assert rows.at["b/original.md", "duplicate_of"] == ""
    statements = corpus.statements.set_index(["source_file", "text"])
    assert statements.loc[("b/original.md", LINES[0]), "duplicate_of"] == ""
    assert statements.loc[("a/copie.md", LINES[0]), "duplicate_of"] != ""
    [message] = corpus.problems["message"]
    assert "copie de l'entretien" in message and "b/original.md:1" in message
    assert corpus.problems.at[0, "source_file"] == "a/copie.md"
    counted = corpus.counted()
    assert counted.interviews["source_file"].tolist() == ["b/original.md"]
    assert set(counted.statements["source_file"]) == {"b/original.md"}


def test_short_common_lines_do_not_make_a_copy(tmp_path, parse_folder):
    short = ["Oui.", "Ministère ?", "Pas encore.", "D'accord."]
    notes = write_notes(tmp_path / "notes", {
        "a.md": interview("Entretien avec Léa", short + [LINES[0]]),
        "b.md": interview("Entretien avec Tom", short + [LINES[1]])})
    corpus = parse_folder(notes)
    assert (corpus.interviews["duplicate_of"] == "").all()


def test_sharing_less_than_sixty_percent_is_no_copy(tmp_path, parse_folder):
    own = [f"Une phrase propre à Tom, la numéro {n} de son entretien." for n in range(3)]
    hers = [f"Une phrase propre à Léa, la numéro {n} de son entretien." for n in range(3)]
    notes = write_notes(tmp_path / "notes", {  # 3 shared: half of each
        "a.md": interview("Entretien avec Léa", LINES[:3] + hers),
        "b.md": interview("Entretien avec Tom", LINES[:3] + own)})
    corpus = parse_folder(notes)
    assert (corpus.interviews["duplicate_of"] == "").all()
    assert corpus.problems["message"].str.startswith("3 énoncé(s) répètent").all()


@pytest.mark.parametrize("first, second, copy", [
    # same day, same lines: the later in reading order is the copy
    (("a.md", LINES), ("b.md", LINES), "b.md"),
    # the one made more of the other (it lost lines) is the copy
    (("a.md", LINES[:4]), ("b.md", LINES), "a.md"),
])
def test_which_of_two_is_the_copy(tmp_path, parse_folder, first, second, copy):
    notes = write_notes(tmp_path / "notes", {
        name: interview("Entretien avec Léa", lines) for name, lines in (first, second)})
    corpus = parse_folder(notes)
    copied = corpus.interviews.loc[corpus.interviews["duplicate_of"] != "", "source_file"]
    assert copied.tolist() == [copy]


def test_a_file_filed_twice_in_one_folder_is_one_copy_of_each_interview(tmp_path,
                                                                        parse_folder):
    text = (interview("Entretien avec Léa du 3/02/2020", LINES[:3])
            + "\n" + interview("Entretien avec Tom du 4/02/2020", LINES[2:]))
    notes = write_notes(tmp_path / "notes", {"a.md": text, "b.md": text})
    corpus = parse_folder(notes)
    rows = corpus.interviews
    assert rows.loc[rows["source_file"] == "b.md", "duplicate_of"].str.startswith("a:").all()
    assert len(corpus.counted().interviews) == 2


def test_copies_of_interviews_sharing_a_front_matter_id_are_found(tmp_path, parse_folder):
    head = "---\nid: drh-22\ndate: {}\n---\n\n"
    notes = write_notes(tmp_path / "notes", {
        "a.md": head.format("2020-03-09") + "".join(f"- {line}\n" for line in LINES),
        "b.md": head.format("2020-04-02") + "".join(f"- {line}\n" for line in LINES)})
    corpus = parse_folder(notes)
    assert corpus.interviews["duplicate_of"].tolist() == ["", "drh-22"]
    assert len(corpus.problems) == 1
