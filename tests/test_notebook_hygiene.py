"""Saving a project notebook in JupyterLab writes it as committed (issue 14, part 6)."""
from __future__ import annotations

import json
import warnings

import nbformat
import pytest
from jupyter_server.services.contents.filemanager import FileContentsManager

from csf_analysis import config
from csf_analysis.notebook_hygiene import HOOK, clean_notebook, install, pre_save

NOTEBOOKS = sorted((config.PROJECT_ROOT / "notebooks").glob("*.ipynb"))


def executed(*, marked: bool = True) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('NOTES_DIR = "../interviews"\nCODER = "yannick"  # nom',
                                           metadata={"tags": ["parameters"]})
    body = nbformat.v4.new_code_cell("print(1)", execution_count=2, outputs=[
        nbformat.v4.new_output("stream", text="1\n")])
    nb.cells = [parameters, body]
    if marked:
        nb.metadata["csf_analysis"] = {"clean_on_save": True, "personal": ["CODER"]}
    return nb


def test_a_marked_notebook_loses_outputs_and_personal_values():
    nb = executed()
    clean_notebook(nb)
    assert nb.cells[1].outputs == [] and nb.cells[1].execution_count is None
    assert nb.cells[0].source == 'NOTES_DIR = "../interviews"\nCODER = ""  # nom'


def test_any_other_notebook_is_saved_as_it_is():
    nb = executed(marked=False)
    clean_notebook(nb)
    assert nb.cells[1].outputs and 'CODER = "yannick"' in nb.cells[0].source


def test_the_contents_manager_saves_a_project_notebook_clean(tmp_path):
    """The server's own save (what Ctrl+S calls), with the hook as configured."""
    with warnings.catch_warnings():  # "overriding": an earlier test's app set it already
        warnings.simplefilter("ignore", UserWarning)
        manager = FileContentsManager(root_dir=str(tmp_path), pre_save_hook=pre_save)
    manager.save({"type": "notebook", "format": "json", "content": executed()}, "codage.ipynb")
    saved = nbformat.read(tmp_path / "codage.ipynb", as_version=4)
    assert saved.cells[1].outputs == [] and 'CODER = ""' in saved.cells[0].source


def test_install_sets_the_hook_and_keeps_the_other_settings(tmp_path):
    config_file = tmp_path / "etc" / "jupyter" / "jupyter_server_config.json"
    config_file.parent.mkdir(parents=True)
    config_file.write_text('{"ServerApp": {"port": 9999}}')
    path = install(tmp_path)
    assert path == config_file and json.loads(path.read_text()) == {
        "ServerApp": {"port": 9999}, "ContentsManager": {"pre_save_hook": HOOK}}
    stamp = path.stat().st_mtime_ns
    install(tmp_path)
    assert path.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_project_notebooks_are_marked_and_keep_no_personal_value(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["csf_analysis"]["clean_on_save"] is True
    before = nbformat.writes(nb)
    clean_notebook(nb)
    assert nbformat.writes(nb) == before, f"{path.name} holds outputs or personal values"
    if path.name == "1.0-codage.ipynb":
        assert nb.metadata["csf_analysis"]["personal"] == ["CODER"]
