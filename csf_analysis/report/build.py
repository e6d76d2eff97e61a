"""Build the synthesis: run ``notebooks/synthese.ipynb``, export HTML and PDF.

The notebook is executed with papermill (its cell tagged ``parameters``
receives the notes folder, the output folder, the cache and the manifest),
then exported through the package's nbconvert exporters. Everything is
written to a staging folder inside the output folder and moved into place,
as one set, only once both exports succeeded (:mod:`csf_analysis.filesets`):
a failed or killed build leaves the previous report (PDF, HTML, notebook and
manifest) whole, and the next build clears what it left.

Example:
    >>> build_report("interviews", "reports")          # doctest: +SKIP
    ReportResult(pdf=PosixPath('reports/synthese.pdf'), ...)
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from .. import config
from ..filesets import Staging
from .manifest import FILE_NAME

NOTEBOOK = config.PROJECT_ROOT / "notebooks" / "synthese.ipynb"
KERNEL = "python3"


class ReportError(RuntimeError):
    """The synthesis notebook failed: the message says which cell and why."""


@dataclass(frozen=True)
class ReportResult:
    pdf: Path
    html: Path
    notebook: Path
    seconds: float


def _kernel_env() -> None:
    """Make the 'python3' kernel this interpreter, whatever PATH says."""
    here = str(Path(sys.executable).parent)
    if not os.environ.get("PATH", "").startswith(here + os.pathsep):
        os.environ["PATH"] = here + os.pathsep + os.environ.get("PATH", "")


def execute(notebook: Path, parameters: dict, out_path: Path):
    """Run the notebook with papermill; return the executed notebook node."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    _kernel_env()
    try:
        return papermill.execute_notebook(
            str(notebook), str(out_path), parameters=parameters, kernel_name=KERNEL,
            cwd=str(notebook.parent), progress_bar=False, log_output=False)
    except PapermillExecutionError as error:
        raise ReportError(f"{notebook.name}, cell {error.exec_count}: {error.ename}: "
                          f"{error.evalue}") from None


def shown_path(path: Path) -> str:
    """How an output names a folder of this machine: relative to the current folder when
    inside it, else by its own name; never an absolute path (it holds a login name).

    >>> shown_path(Path.cwd() / "interviews"), shown_path(Path("/home/ana/notes"))
    ('interviews', 'notes')
    """
    path = Path(path).resolve()
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        return path.name or "."


def relative_paths(node, folders: dict[Path, str]):
    """The executed notebook with every absolute path of ``folders`` (papermill's metadata,
    the injected parameters, any output) replaced by its shown name."""
    import nbformat
    text = nbformat.writes(node)
    for folder, shown in sorted(folders.items(), key=lambda item: -len(str(item[0]))):
        for form in {str(folder), folder.as_posix()}:
            text = text.replace(json.dumps(form)[1:-1], shown)
    return nbformat.reads(text, as_version=4)


def build_report(notes_dir: str | Path = config.DEFAULT_NOTES_DIR,
                 out_dir: str | Path = config.DEFAULT_REPORTS_DIR, *,
                 notebook: str | Path | None = None,
                 cache_dir: str | Path | None = config.CACHE_DIR_NAME,
                 build_date: str | None = None,
                 pseudonymise: dict | None = None) -> ReportResult:
    """Build ``out_dir/synthese.pdf`` and ``synthese.html`` from the notes.

    ``pseudonymise`` (a dict, ``{"organisations": False}``) replaces names in the
    report (see :mod:`csf_analysis.privacy.pseudonymise`) and checks every file of the build
    for names before it replaces the previous report."""
    from ..privacy.leaks import leak_check
    from .exporter import export_html, export_pdf
    from .synthesis import today

    start = time.perf_counter()
    notes_dir, out_dir = Path(notes_dir).resolve(), Path(out_dir).resolve()
    shown = {Path.home(): "~", config.PROJECT_ROOT: ".", notes_dir: shown_path(notes_dir),
             out_dir: ".",
             **({Path(cache_dir).resolve(): shown_path(Path(cache_dir))} if cache_dir else {})}
    notebook = Path(notebook or NOTEBOOK).resolve()
    if not notebook.is_file():
        raise ReportError(f"synthesis notebook {notebook} not found: pass --notebook PATH")
    out_dir.mkdir(parents=True, exist_ok=True)
    executed_path = out_dir / "synthese.ipynb"
    parameters: dict[str, Any] = {
        "NOTES_DIR": str(notes_dir), "OUT_DIR": str(out_dir),
        "CACHE_DIR": str(Path(cache_dir).resolve()) if cache_dir else "",
        "MANIFEST": str(out_dir / FILE_NAME), "BUILD_DATE": build_date or today(),
    }
    if pseudonymise is not None:
        parameters.update(PSEUDONYMISE=True, PSEUDONYMISE_ORGANISATIONS=bool(
            pseudonymise.get("organisations")))
    with Staging(out_dir) as stage:
        work = stage.staged
        parameters["NEXT_MANIFEST"] = str(work / FILE_NAME)
        parameters["ANNEX_CSV"] = str(work / config.ANNEX_FILE)
        node = execute(notebook, parameters, work / "synthese.ipynb")
        node = relative_paths(node, {work: ".", **shown})  # no path of this machine
        nbformat.write(node, work / "synthese.ipynb")
        export_html(node, work / "synthese.html", base_dir=out_dir)
        export_pdf(node, work / "synthese.pdf", base_dir=out_dir)
        # Only now that both exports succeeded (and, pseudonymised, no name is left in
        # them) do they, the executed notebook and the manifest replace the previous
        # report, together (see filesets).
        names = ["synthese.pdf", "synthese.html", "synthese.ipynb"]
        names += [name for name in (FILE_NAME, config.ANNEX_FILE)  # a notebook of the user's
                  if (work / name).is_file()]                # may write neither
        stage.commit(names, check=leak_check(notes_dir, pseudonymise))
    return ReportResult(out_dir / "synthese.pdf", out_dir / "synthese.html", executed_path,
                        time.perf_counter() - start)
