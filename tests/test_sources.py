"""Tests for csf_analysis.reading.sources: a note's bytes -> text, whatever wrote it."""
from __future__ import annotations

import codecs
import doctest

import pytest

from csf_analysis.reading import sources
from csf_analysis.reading.sources import Problem, decode_note
from csf_analysis.schema import COLUMNS

NOTE = "# Entretien du 3/02/2020\n\n- La tutrice a rappelé l'élève à 15:42.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def test_docstring_examples_hold():
    assert doctest.testmod(sources).failed == 0


def test_utf8_is_read_as_is_without_problem():
    assert decode_note(NOTE.encode("utf-8"), "a.md") == (NOTE, [])


def test_utf8_bom_is_dropped_without_warning_and_first_heading_kept():
    text, problems = decode_note(codecs.BOM_UTF8 + NOTE.encode("utf-8"), "a.md")
    assert problems == []
    assert text == NOTE
    assert text.startswith("# Entretien")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_read(encoding):
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    text, problems = decode_note(bom[encoding] + NOTE.encode(encoding), "a.md")
    assert (text, problems) == (NOTE, [])


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning_on_the_right_line():
    data = "# Entretien\n\n- Ça s'est bien passé, élève ravie.\n".encode("cp1252")
    text, problems = decode_note(data, "notes/windows.md")
    assert text == "# Entretien\n\n- Ça s'est bien passé, élève ravie.\n"
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.source_file, problem.line, problem.severity) == (
        "notes/windows.md", 3, "warning")
    assert "UTF-8" in problem.message and "cp1252" in problem.message


def test_cp1252_typographic_quotes_are_decoded():
    quoted = "Elle a dit \u201cjamais\u201d \u2013 voil\u00e0."
    text, _ = decode_note(quoted.encode("cp1252"), "a.md")
    assert text == quoted


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_become_newlines(newline):
    text, _ = decode_note(NOTE.replace("\n", newline).encode(), "a.md")
    assert text == NOTE


def test_binary_file_is_an_error_not_a_note():
    text, problems = decode_note(PNG + bytes(range(256)) * 4, "image.md")
    assert text is None
    assert [(p.source_file, p.line, p.severity) for p in problems] == [("image.md", 1, "error")]
    assert "binaire" in problems[0].message


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\n", codecs.BOM_UTF8])
def test_empty_note_is_a_warning(data):
    text, problems = decode_note(data, "vide.md")
    assert text is not None and not text.strip()
    assert [(p.line, p.severity) for p in problems] == [(1, "warning")]
    assert "vide" in problems[0].message


def test_problem_row_has_the_problems_columns():
    row = Problem("a.md", 3, "warning", "message").row()
    assert tuple(row) == COLUMNS["problems"]
    assert row == {"source_file": "a.md", "line": 3, "severity": "warning", "message": "message"}
