"""Tests for benchmarks/synthetic.py: deterministic notes that the parser reads."""
from __future__ import annotations

import codecs
import re
import statistics

import pytest

from benchmarks.synthetic import generate_corpus, generate_note
from csf_analysis.corpus import load_corpus

SMALL = 120  # words per note: enough for every part of a note, fast to parse


@pytest.fixture(scope="module")
def sample():
    """300 tiny notes of seed 0, generated in memory (no parsing)."""
    return [generate_note(i, seed=0, words_per_note=60) for i in range(300)]


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    first = generate_corpus(tmp_path / "a", 6, seed=3, words_per_note=SMALL)
    again = generate_corpus(tmp_path / "b", 6, seed=3, words_per_note=SMALL)
    other = generate_corpus(tmp_path / "c", 6, seed=4, words_per_note=SMALL)
    assert [p.name for p in first] == [p.name for p in again]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]


def test_adding_notes_with_start_leaves_the_others_unchanged(tmp_path):
    whole = generate_corpus(tmp_path / "whole", 5, seed=1, words_per_note=SMALL)
    part = generate_corpus(tmp_path / "grown", 4, seed=1, words_per_note=SMALL)
    added = generate_corpus(tmp_path / "grown", 1, seed=1, words_per_note=SMALL, start=4)
    assert [p.name for p in part + added] == [p.name for p in whole]
    assert [p.read_bytes() for p in part + added] == [p.read_bytes() for p in whole]
    assert len({p.name for p in generate_corpus(tmp_path / "many", 60, words_per_note=40)}) == 60


def test_length_follows_words_per_note():
    for target, tolerance in ((1000, 0.1), (300, 0.2)):  # a note's skeleton is ~150 words
        words = [generate_note(i, seed=2, words_per_note=target).words for i in range(60)]
        assert abs(statistics.mean(words) - target) < tolerance * target
        assert min(words) < target < max(words)  # notes vary in length


def test_kinds_encodings_and_team_habits_all_occur(sample):
    assert {n.kind for n in sample} == {"multi", "single", "front_matter", "journal"}
    assert {n.encoding for n in sample} == {"utf-8", "utf-8-sig", "cp1252"}
    text = "\n".join(n.data.decode(n.encoding) for n in sample)
    for habit in (r"^### \((?:150|300|450|900)h\) \d+ : ", r"^### \d+ \(autre\) ",
                  r"^# Entretien du \d{1,2}/\d\d/20\d\d", r"^---\ntitle: ",
                  r"^#### Debrief \(\w+ & \w+, après l'entretien\)", r"^Représentations? :$",
                  r"^Ressentis? :$", r"^Suggestions d'améliorations :$", r"^Méta : ",
                  r"^- (?:Acheteur|Tutrice pilote|Le commercial) : ", r"^- \d{1,2}:\d\d ?: ",
                  r"\(done\)\.$", r"^----$", r"\*\*[^*]+\*\*", r" #[a-z-]+$",
                  r"^- \[[^\]]+\] \d+ \(\d+h\) : .+", r" -- [a-z]", r"^On retient :$",
                  r"\b(?:janvier|mars|mai|septembre) 20\d\d\b", r"\b\d+ semaines\b",
                  r"\b\d-\d mois\b"):
        assert re.search(habit, text, re.MULTILINE), f"no note has {habit!r}"
    dated = [n.name for n in sample if n.kind == "single"]
    assert all(re.match(r"20\d{6}_[a-z]+_", name) for name in dated)


def test_encodings_are_what_they_claim(sample):
    for note in sample:
        if note.encoding == "cp1252":
            with pytest.raises(UnicodeDecodeError):
                note.data.decode("utf-8")
            assert b"\r\n" in note.data
        elif note.encoding == "utf-8-sig":
            assert note.data.startswith(codecs.BOM_UTF8)
        else:
            assert not note.data.startswith(codecs.BOM_UTF8)
            note.data.decode("utf-8")


def test_notes_parse_into_the_expected_interviews(tmp_path, sample):
    wanted = {"cp1252", "utf-8-sig", "multi", "single", "front_matter", "journal"}
    picked = []
    for index, note in enumerate(sample):
        if wanted & {note.encoding, note.kind}:
            wanted -= {note.encoding, note.kind}
            picked.append(index)
    assert not wanted
    notes = [generate_note(i, seed=0, words_per_note=SMALL) for i in picked]
    for note in notes:
        (tmp_path / note.name).write_bytes(note.data)
    corpus = load_corpus(tmp_path, cache_dir=None, progress=False)
    assert len(corpus.interviews) == sum(n.interviews for n in notes)
    assert set(corpus.interviews["source_file"]) == {n.name for n in notes}
    assert corpus.problems[corpus.problems["severity"] == "error"].empty
    assert len(corpus.statements) > 5 * len(notes)
    assert (corpus.interviews["company_ref"] != "").any()
    texts = "\n".join(n.data.decode(n.encoding) for n in notes)
    logged = set(re.findall(r"^- (?:\[[^\]]*\] )?(\d+) \((?:\d+h|autre)\) : ", texts, re.MULTILINE))
    assert set(corpus.contacts["company_ref"]) == logged
