"""The notebook API: what ``csf_analysis`` exports, ``Corpus.filter``, and the charts'
calling convention (the corpus first, options by keyword)."""
import inspect
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import csf_analysis
from csf_analysis import Corpus, charts, coded_statements

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CHARTS = ("themes_by_interview", "themes_by_clause", "themes_by_actor", "categories_by_interview",
          "code_cooccurrence", "contact_funnel", "timeline", "durations")


def _imports(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return [line.strip() for line in code.splitlines()
            if "import" in line and "csf_analysis" in line]


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_the_notebooks_import_from_the_package_root_only(notebook):
    imports = _imports(notebook)
    assert imports, "each notebook uses the package"
    assert all(line.startswith("from csf_analysis import ") for line in imports), imports


def test_every_exported_name_resolves_and_the_root_stays_light():
    for name in csf_analysis.__all__:
        assert getattr(csf_analysis, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'chart'"):
        csf_analysis.chart  # noqa: B018 (a typo gets Python's own error)
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, csf_analysis; print('matplotlib' in sys.modules)"],
        capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "False"  # the command line reads notes without matplotlib


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_takes_the_corpus_first_and_its_options_by_keyword(name):
    for function in (getattr(charts, name), getattr(charts, f"{name}_data")):
        first, *rest = inspect.signature(function).parameters.values()
        assert first.name == "corpus" and first.kind is first.POSITIONAL_OR_KEYWORD
        assert all(p.kind is p.KEYWORD_ONLY for p in rest), function.__name__


def test_a_chart_given_a_table_first_says_how_to_call_it(reference_corpus):
    with pytest.raises(TypeError, match=r"corpus first.*themes_by_clause\(corpus\)"):
        charts.themes_by_clause_data(reference_corpus.statements)
    with pytest.raises(TypeError, match="needs the corpus' 'contacts' table"):
        charts.contact_funnel_data({"interviews": reference_corpus.interviews})


def test_filter_gives_a_corpus_the_charts_and_the_review_take(reference_corpus):
    kept = reference_corpus.filter(clauses="300h")
    assert isinstance(kept, Corpus) and len(kept.interviews) == 1
    only = kept.interviews["interview_id"].iloc[0]
    assert set(kept.statements["interview_id"]) == {only}
    assert set(kept.codings["statement_id"]) <= set(kept.statements["statement_id"])
    assert set(charts.themes_by_clause_data(kept)["clause"]) == {"300h"}
    review = coded_statements(kept, interview=only)
    assert len(review) == int((kept.statements["duplicate_of"] == "").sum()) > 0
    assert kept.selection == "Filtres : clauses 300h."
    assert len(reference_corpus.interviews) == 3  # the original is unchanged


def test_filters_chain_and_say_all_they_kept(reference_corpus):
    both = reference_corpus.filter(clauses=["300h", "900h"]).filter(actors="entreprise")
    assert both.selection == "Filtres : clauses 300h, 900h. Filtres : acteurs entreprise."
    assert set(both.interviews["actor"]) <= {"entreprise"}
    assert reference_corpus.counted().selection == "Aucun filtre : tout le corpus."
    with pytest.raises(ValueError, match="unknown clause size"):
        reference_corpus.filter(clauses="1000h")


def test_the_corpus_events_follow_its_filter(reference_corpus):
    events = reference_corpus.events
    assert events is reference_corpus.events  # read once
    assert {"date", "duration"} <= set(events["kind"])
    kept = reference_corpus.filter(clauses="900h")
    assert set(kept.events["interview_id"]) <= set(kept.interviews["interview_id"])
    assert len(kept.events) < len(events)
    pd.testing.assert_frame_equal(charts.timeline_data(reference_corpus),
                                  charts.timeline_data(reference_corpus.tables() | {
                                      "events": events}))
