"""Tests for notebooks/: committed clean, and each one runs top to bottom.

Every notebook is executed with papermill (parameters injected after the cell
tagged ``parameters``, cwd ``notebooks/``, kernel ``python3``) on a copy of
the notes in a temporary folder, with a temporary cache shared by the whole
session, so that nothing is ever written in the repository: a run on the
project's ``interviews/`` and, when the team's real notes are present, a run
on a copy of them. The synthesis notebook is executed once, on ``interviews/``.
"""
from __future__ import annotations

import base64
import os
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from csf_analysis import config
from csf_analysis.report import charts
from csf_analysis.report.figures import FIGURE_NAMES

NOTEBOOKS_DIR = config.PROJECT_ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
THEMES = NOTEBOOKS_DIR / "2.0-themes.ipynb"
CODING = NOTEBOOKS_DIR / "1.0-codage.ipynb"
SYNTHESIS = NOTEBOOKS_DIR / "synthese.ipynb"
PROJECT_NOTES = config.PROJECT_ROOT / "interviews"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# tqdm.auto warns on import in a kernel without ipywidgets (csf_analysis.corpus imports it).
KNOWN_STDERR = ("TqdmWarning: IProgress not found",)


# --- (a) committed without outputs ---------------------------------------------

def test_the_expected_notebooks_exist():
    names = {path.name for path in NOTEBOOKS}
    assert {THEMES.name, CODING.name, SYNTHESIS.name} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    dirty = [index for index, cell in enumerate(nb.cells) if cell.cell_type == "code"
             and (cell.outputs or cell.execution_count is not None)]
    assert not dirty, (f"{path.name}: code cells {dirty} carry outputs or execution counts; "
                       f"clear them (jupyter nbconvert --clear-output --inplace {path.name})")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_has_a_parameters_cell_first_and_the_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), path.name
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert "NOTES_DIR" in code[0].source and "CACHE_DIR" in code[0].source


def test_a_notebook_with_outputs_is_caught(tmp_path):
    nb = nbformat.read(THEMES, as_version=4)
    cell = next(cell for cell in nb.cells if cell.cell_type == "code")
    cell.execution_count = 1
    cell.outputs = [nbformat.v4.new_output("stream", text="bonjour")]
    nbformat.write(nb, tmp_path / THEMES.name)
    with pytest.raises(AssertionError, match="carry outputs"):
        test_notebook_is_committed_without_outputs(tmp_path / THEMES.name)


# --- (b) helpers to execute them ----------------------------------------------------

@pytest.fixture(autouse=True)
def kernel_is_this_python(monkeypatch):
    """The 'python3' kernelspec runs ``python`` from PATH: make it this interpreter's."""
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable) + os.pathsep
                       + os.environ.get("PATH", ""))


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    """One cache for every run: each notes folder is parsed by spaCy once."""
    return tmp_path_factory.mktemp("csf-cache")


def copy_notes(source: Path, tmp_path: Path) -> Path:
    """A copy of the notes folder, so that nothing is written next to the originals."""
    return Path(shutil.copytree(source, tmp_path / "notes"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def execute(notebook: Path, out_path: Path, **parameters):
    """Run ``notebook`` with papermill as ``make report`` does; return the executed notebook."""
    import papermill
    return papermill.execute_notebook(
        str(notebook), str(out_path), parameters=parameters, kernel_name="python3",
        cwd=str(NOTEBOOKS_DIR), progress_bar=False, log_output=False)


def outputs(nb) -> list:
    return [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]


def texts(nb, mime: str) -> list[str]:
    """Every output of type ``mime`` (``text/markdown``, ``text/html``...) or stream text."""
    found = []
    for output in outputs(nb):
        if mime == "stream" and output.output_type == "stream":
            found.append(output.text)
        elif mime in output.get("data", {}):
            found.append(output.data[mime])
    return found


def assert_ran_cleanly(nb) -> None:
    """Every code cell ran, none failed, nothing unexpected on stderr."""
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), "a code cell was not executed"
    errors = [f"{o.ename}: {o.evalue}" for o in outputs(nb) if o.output_type == "error"]
    assert not errors, errors
    stderr = [o.text for o in outputs(nb) if o.output_type == "stream" and o.name == "stderr"
              and not any(known in o.text for known in KNOWN_STDERR)]
    assert not stderr, stderr


def pngs(nb) -> list[bytes]:
    return [base64.b64decode(output.data["image/png"]) for output in outputs(nb)
            if "image/png" in output.get("data", {})]


def figure_sizes(nb) -> list[str]:
    """The text form of each figure shown (``<Figure size 700x1000 with 2 Axes>``)."""
    return [output.data.get("text/plain", "") for output in outputs(nb)
            if "image/png" in output.get("data", {})]


# --- (b, c) 2.0-themes -----------------------------------------------------------------

def check_themes(nb) -> None:
    assert_ran_cleanly(nb)
    images = pngs(nb)
    assert len(images) >= len(FIGURE_NAMES), f"{len(images)} figures shown"
    assert all(image.startswith(PNG_MAGIC) and len(image) > 5_000 for image in images)
    headings = [cell.source.splitlines()[0] for cell in nb.cells
                if cell.cell_type == "markdown" and cell.source.startswith("## ")]
    for heading in ("## Les thèmes par entretien", "## Les thèmes par taille de clause",
                    "## Les thèmes par acteur", "## La chronologie", "## Les durées"):
        assert heading in headings


@pytest.mark.slow
def test_themes_notebook_runs_on_the_project_notes(tmp_path, cache_dir):
    notes = copy_notes(PROJECT_NOTES, tmp_path)
    before = snapshot(notes)
    nb = execute(THEMES, tmp_path / "themes.ipynb", NOTES_DIR=str(notes),
                 CACHE_DIR=str(cache_dir))
    check_themes(nb)
    summary = texts(nb, "text/markdown")[0]
    assert summary.startswith("**Aucun filtre : tout le corpus.**")
    # Every chart has data on the project's notes: none is the "Aucune donnée" figure.
    assert repr(charts.empty_figure("")) not in figure_sizes(nb)
    assert snapshot(notes) == before


@pytest.mark.slow
def test_themes_notebook_applies_the_filters(tmp_path, cache_dir):
    notes = copy_notes(PROJECT_NOTES, tmp_path)
    nb = execute(THEMES, tmp_path / "themes.ipynb", NOTES_DIR=str(notes),
                 CACHE_DIR=str(cache_dir), ACTORS=["entreprise"], CLAUSES=["300h", "900h"],
                 DATE_TO="2020-12-31", KEEP_UNDATED=True)
    check_themes(nb)
    summary = texts(nb, "text/markdown")[0]
    assert summary.startswith("**Filtres : acteurs entreprise ; clauses 300h, 900h ; "
                              "entretiens jusqu'au 2020-12-31 ; entretiens sans date gardés.**")
    assert "2 session(s) retenue(s) sur 3" in summary
    shown = "".join(texts(nb, "text/plain"))
    assert "6 · 300h" in shown and "16 · autre" not in shown  # labels of kept / left-out


@pytest.mark.slow
def test_themes_notebook_runs_on_the_shared_notes(tmp_path, cache_dir, shared_notes_dir):
    notes = copy_notes(shared_notes_dir, tmp_path)
    nb = execute(THEMES, tmp_path / "themes.ipynb", NOTES_DIR=str(notes),
                 CACHE_DIR=str(cache_dir), ACTORS=["mlds", "acheteur"])
    check_themes(nb)
    assert "Filtres : acteurs mlds, acheteur" in texts(nb, "text/markdown")[0]


# --- (b, c) 1.0-codage -------------------------------------------------------------------

def check_coding(nb) -> None:
    assert_ran_cleanly(nb)
    printed = "".join(texts(nb, "stream"))
    assert "nouvelle(s) enregistrée(s)." in printed
    assert "entretiens," in printed and "énoncés" in printed
    tables = texts(nb, "text/html")
    assert len(tables) >= 5, "expected the interviews, review, codebook and uncoded tables"
    assert any("statement_id" in table and "why" in table for table in tables)


@pytest.mark.slow
@pytest.mark.parametrize("source", ["project", "shared"])
def test_coding_notebook_runs_and_writes_nothing(source, tmp_path, cache_dir, request):
    folder = PROJECT_NOTES if source == "project" else request.getfixturevalue(
        "shared_notes_dir")
    notes = copy_notes(folder, tmp_path)
    before = snapshot(notes)
    nb = execute(CODING, tmp_path / "codage.ipynb", NOTES_DIR=str(notes),
                 CACHE_DIR=str(cache_dir), CODER="", CORRECTIONS=[])
    check_coding(nb)
    assert "0 correction(s), 0 nouvelle(s) enregistrée(s)." in "".join(texts(nb, "stream"))
    assert snapshot(notes) == before, "the coding notebook wrote in the notes folder"


@pytest.mark.slow
def test_coding_notebook_records_a_correction_in_the_copy(tmp_path, cache_dir):
    from csf_analysis import load_corpus
    from csf_analysis.coding.manual import decisions_path, load_decisions
    notes = copy_notes(PROJECT_NOTES, tmp_path)
    statement = load_corpus(notes, cache_dir=cache_dir, progress=False).statements.iloc[0]
    before = snapshot(notes)
    nb = execute(CODING, tmp_path / "codage.ipynb", NOTES_DIR=str(notes),
                 CACHE_DIR=str(cache_dir), CODER="testeur",
                 CORRECTIONS=[[statement["statement_id"], "add", "code-de-test"]],
                 NOUVEAUX_CODES=["code-de-test"])
    check_coding(nb)
    assert "1 correction(s), 1 nouvelle(s) enregistrée(s)." in "".join(texts(nb, "stream"))
    assert any(text.startswith("**testeur / auto** : alpha =")
               for text in texts(nb, "text/markdown"))
    decisions = load_decisions(notes)
    assert decisions[["statement_id", "action", "code", "coder"]].values.tolist() == [
        [statement["statement_id"], "add", "code-de-test", "testeur"]]
    after = snapshot(notes)
    assert set(after) - set(before) == {decisions_path(notes).name}
    assert {name: after[name] for name in before} == before


def test_coding_notebook_refuses_a_mistyped_code_and_writes_nothing(tmp_path, cache_dir):
    import papermill

    from csf_analysis import load_corpus
    from csf_analysis.coding.manual import decisions_path
    notes = copy_notes(PROJECT_NOTES, tmp_path)
    statement = load_corpus(notes, cache_dir=cache_dir, progress=False).statements.iloc[0]
    with pytest.raises(papermill.PapermillExecutionError) as error:
        execute(CODING, tmp_path / "codage.ipynb", NOTES_DIR=str(notes),
                CACHE_DIR=str(cache_dir), CODER="testeur",
                CORRECTIONS=[[statement["statement_id"], "add", "outilage"],
                             [statement["statement_id"], "categorie", "ressentis"]])
    assert "vouliez-vous dire outillage" in str(error.value)
    assert not decisions_path(notes).exists()


# --- (b, c) synthese ----------------------------------------------------------------------

@pytest.mark.slow
def test_synthesis_notebook_runs_on_the_project_notes(tmp_path, cache_dir):
    notes = copy_notes(PROJECT_NOTES, tmp_path)
    before = snapshot(notes)
    nb = execute(SYNTHESIS, tmp_path / "synthese.ipynb", NOTES_DIR=str(notes),
                 OUT_DIR=str(tmp_path / "reports"), CACHE_DIR=str(cache_dir),
                 MANIFEST=str(tmp_path / "absent-manifest.json"), NEXT_MANIFEST="",
                 BUILD_DATE="2020-06-30")
    assert_ran_cleanly(nb)
    html = "".join(texts(nb, "text/html"))
    assert html.count('<img src="data:image/png;base64,') >= len(FIGURE_NAMES)
    headings = "".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    for heading in ("## Le corpus en un coup d'œil", "## Les thèmes", "## Chronologie et délais",
                    "## Annexe A — Méthode", "## Annexe B — Tous les énoncés"):
        assert heading in headings
    assert snapshot(notes) == before
