"""Saving a project notebook in JupyterLab writes it as committed: no outputs, no
personal values.

``make install`` runs ``python -m csf_analysis.notebook_hygiene``, which sets
``ContentsManager.pre_save_hook`` in ``<environment>/etc/jupyter/jupyter_server_config.json``
(other settings there are kept; the ``.d`` folders only enable extensions): any
``jupyter lab`` of that environment then calls :func:`pre_save` on every save (conda
users run the same command once):
every notebook whose metadata says ``"csf_analysis": {"clean_on_save": true}`` (the
project's notebooks) is saved without outputs nor execution counts, and the
parameters its metadata lists as ``personal`` (``CODER``) are saved empty. What the
researcher sees in JupyterLab keeps its outputs; the file keeps none, so Ctrl+S never
breaks ``make test`` nor commits a name. Other notebooks are saved untouched.

Example:
    >>> model = {"type": "notebook", "content": {
    ...     "metadata": {"csf_analysis": {"clean_on_save": True, "personal": ["CODER"]}},
    ...     "cells": [{"cell_type": "code", "execution_count": 3, "metadata": {
    ...         "tags": ["parameters"]}, "outputs": [{"output_type": "stream"}],
    ...         "source": 'CODER = "yannick"  # votre nom'}]}}
    >>> pre_save(model, "notebooks/1.0-codage.ipynb")
    >>> cell = model["content"]["cells"][0]
    >>> cell["source"], cell["outputs"], cell["execution_count"]
    ('CODER = ""  # votre nom', [], None)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

__all__ = ["clean_notebook", "install", "pre_save"]

MARK = "csf_analysis"  # the notebook metadata key
HOOK = "csf_analysis.notebook_hygiene.pre_save"
CONFIG = Path("etc", "jupyter", "jupyter_server_config.json")


def install(prefix: str | Path = sys.prefix) -> Path:
    """Set the hook in the server configuration of the environment ``prefix``, keeping
    what else the file says (nothing is written when it is set already)."""
    path = Path(prefix) / CONFIG
    settings = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    if settings.get("ContentsManager", {}).get("pre_save_hook") != HOOK:
        settings.setdefault("ContentsManager", {})["pre_save_hook"] = HOOK
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return path


def pre_save(model: dict, path: str = "", contents_manager=None, **kwargs) -> None:
    """The server's pre-save hook: clean ``model`` in place if it is a project notebook."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    clean_notebook(model["content"])


def clean_notebook(notebook: dict) -> None:
    """Strip outputs and execution counts and empty the personal parameters of a
    notebook marked ``clean_on_save`` (a dict as in the ``.ipynb`` file)."""
    settings = notebook.get("metadata", {}).get(MARK, {})
    if not isinstance(settings, dict) or not settings.get("clean_on_save"):
        return
    personal = [str(name) for name in settings.get("personal", [])]
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        cell["outputs"], cell["execution_count"] = [], None
        if personal and "parameters" in cell.get("metadata", {}).get("tags", []):
            cell["source"] = _emptied(cell.get("source", ""), personal)


def _emptied(source: str | list[str], names: list[str]) -> str | list[str]:
    """``CODER = "yannick"  # ...`` -> ``CODER = ""  # ...`` (the comment kept)."""
    pattern = re.compile(r"(?m)^(\s*(?:" + "|".join(map(re.escape, names)) + r")\s*=\s*)"
                         r"(?:\"[^\"\n]*\"|'[^'\n]*')")
    if isinstance(source, list):
        return [pattern.sub(r'\1""', line) for line in source]
    return pattern.sub(r'\1""', source)


if __name__ == "__main__":
    print(f"JupyterLab : les carnets du projet seront enregistrés sans sorties ({install()})")
