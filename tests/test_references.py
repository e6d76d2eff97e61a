"""Tests for csf_analysis.reading.references: what a note would have a printer fetch is flagged."""
from __future__ import annotations

import time

import pytest

from csf_analysis.corpus import load_corpus
from csf_analysis.reading.references import external_references

FLAGGED = [
    "![plan](file:///etc/passwd)",
    "![photo](/home/ana/photo.jpg)",
    '<img src="file:///etc/passwd">',
    "<IMG SRC=http://example.org/x.png>",
    '<link rel=stylesheet href="https://example.org/s.css">',
    '<p style="background: url(file:///etc/hosts)">',
    "<iframe src=http://example.org></iframe>",
]
HARMLESS = ["voir https://example.org/guide", "![x](data:image/png;base64,AAAA)",
            "<img alt=rien>", "a < b et c > d", "[lien](https://example.org)"]


@pytest.mark.parametrize("line", FLAGGED)
def test_images_resources_and_css_urls_are_flagged_with_their_line(line):
    problems = external_references(f"# Notes\n\n{line}\n", "a.md")
    assert [(p.line, p.severity) for p in problems] == [(3, "warning")]
    assert "apparaît comme texte" in problems[0].message


@pytest.mark.parametrize("line", HARMLESS)
def test_links_and_data_images_are_not_flagged(line):
    assert external_references(line, "a.md") == []


@pytest.mark.parametrize("unit", ["![", "<img ", "url( ", "<img src=", "![a](", "<", "](",
                                  "<link href=x ", "url(\"", "<iframe"])
def test_hostile_50_kb_lines_stay_fast(unit):
    line = unit * (50_000 // len(unit))
    start = time.perf_counter()
    external_references(line, "a.md")
    assert time.perf_counter() - start < 5  # catastrophic backtracking takes minutes


def test_the_problem_row_reaches_the_tables_and_the_statement_stays(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Entretien du 3/02/2020\n\nLa tutrice a envoyé <img src=\"file:///etc/passwd\"> "
        "hier.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path, cache_dir=None, progress=False, code=False)
    assert corpus.problems[["source_file", "line", "severity"]].values.tolist() == [
        ["a.md", 3, "warning"]]
    assert corpus.statements["text"].str.contains("La tutrice a envoyé").any()
