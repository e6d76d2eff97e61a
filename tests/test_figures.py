"""Tests of csf_analysis.report.figures: every chart of the reference file, as SVG and PNG."""
from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from matplotlib.figure import Figure

from csf_analysis.report import charts
from csf_analysis.report.figures import FIGURE_NAMES, all_figures, render, write_figures
from csf_analysis.schema import frame


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _says_no_data(figure: Figure) -> bool:
    return any(charts.NO_DATA in t.get_text() for ax in figure.axes for t in ax.texts)


@pytest.fixture(scope="module")
def reference_figures(reference_corpus) -> dict[str, Figure]:
    return all_figures(reference_corpus.tables())


def test_every_figure_of_the_reference_file_has_data(reference_figures):
    assert tuple(reference_figures) == FIGURE_NAMES
    assert all(isinstance(f, Figure) for f in reference_figures.values())
    assert [name for name, f in reference_figures.items() if _says_no_data(f)] == []
    assert {f.get_size_inches()[0] for f in reference_figures.values()} == {charts.WIDTH}
    titles = {name: f.get_suptitle() for name, f in reference_figures.items()}
    assert titles["themes_par_entretien"].startswith("Thèmes par entretien")
    assert titles["entonnoir_contacts"].startswith("Entonnoir des contacts")
    assert titles["chronologie"].startswith("Chronologie")
    assert all(titles.values())


def test_write_figures_writes_svg_and_png_atomically(reference_figures, tmp_path):
    out = tmp_path / "figures"  # created by write_figures
    funnel = {"entonnoir_contacts": reference_figures["entonnoir_contacts"]}
    paths = write_figures(funnel, out)
    assert [p.name for p in paths] == ["entonnoir_contacts.svg", "entonnoir_contacts.png"]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)  # no temp file
    assert ET.fromstring(paths[0].read_bytes()).tag.endswith("svg")
    assert _png_size(paths[1].read_bytes())[0] == round(charts.WIDTH * 150)


def test_every_reference_figure_renders_to_png(reference_figures, tmp_path):
    paths = write_figures(reference_figures, tmp_path, formats=("png",))
    assert [p.name for p in paths] == [f"{name}.png" for name in FIGURE_NAMES]
    for path in paths:
        width, height = _png_size(path.read_bytes())
        assert width == round(charts.WIDTH * 150) and 300 <= height <= 10 * 150


def test_svg_bytes_are_the_same_from_one_run_to_the_next(reference_corpus):
    # Each run draws fresh figures: the same tables must give the same file.
    first, second = (render(charts.contact_funnel(reference_corpus), "svg")
                     for _ in range(2))
    assert b"<dc:date>" not in first and first == second


def test_events_are_computed_when_not_given(reference_corpus, reference_figures):
    from csf_analysis.reading.events import events_table
    events = events_table(reference_corpus.statements, reference_corpus.interviews)
    with_events = all_figures({**reference_corpus.tables(), "events": events.iloc[:0]})
    assert _says_no_data(with_events["chronologie"]) is False  # the interview date remains
    assert _says_no_data(with_events["durees"])
    assert not _says_no_data(reference_figures["durees"])


def test_empty_tables_give_empty_figures_that_render(tmp_path):
    tables = {name: frame(name) for name in ("interviews", "statements", "contacts")}
    tables["codings"] = pd.DataFrame(columns=["statement_id", "code", "origin", "coder"])
    tables["codebook"] = pd.DataFrame(columns=["code", "label", "parent", "description"])
    figures = all_figures(tables)
    assert all(_says_no_data(f) for f in figures.values())
    paths = write_figures(figures, tmp_path, formats=("png",))
    assert len(paths) == len(FIGURE_NAMES) and all(p.stat().st_size > 0 for p in paths)


def test_missing_table_is_an_error_that_names_it():
    with pytest.raises(ValueError, match=r"missing \['codings', 'codebook'\]"):
        all_figures({name: frame(name) for name in ("interviews", "statements", "contacts")})
