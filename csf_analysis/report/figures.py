"""Every chart of the study from the tidy tables, and writing them as SVG and PNG.

:func:`all_figures` draws each chart of :mod:`csf_analysis.report.charts` under a
stable French name; :func:`write_figures` writes each figure as
``<name>.svg`` and ``<name>.png`` (150 dpi), atomically, with no date in
the SVG so that unchanged figures give unchanged files.

Example:
    >>> from csf_analysis.corpus import load_corpus          # doctest: +SKIP
    >>> corpus = load_corpus("interviews")                     # doctest: +SKIP
    >>> figures = all_figures(corpus.tables())                 # doctest: +SKIP
    >>> write_figures(figures, "reports/figures")              # doctest: +SKIP
    [PosixPath('reports/figures/themes_par_entretien.svg'), ...]
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any, cast

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from ..filesets import Staging
from ..reading.events import events_table
from . import charts

__all__ = ["FIGURE_NAMES", "all_figures", "render", "write_figures"]

FIGURE_NAMES = (
    "themes_par_entretien", "themes_par_clause", "themes_par_acteur",
    "categories_par_entretien", "cooccurrences", "entonnoir_contacts",
    "chronologie", "durees",
)
REQUIRED_TABLES = ("interviews", "statements", "contacts", "codings", "codebook")
FORMATS = ("svg", "png")
DPI = 150
# Fixed ids and no date in SVG files: the same figure gives the same bytes.
_STABLE_SVG = {"svg.hashsalt": "csf-analysis"}


def all_figures(tables: dict[str, pd.DataFrame], *,
                per_interview: pd.DataFrame | None = None,
                timeline_interviews: pd.DataFrame | None = None,
                durations_rows: int = 40,
                group_themes: list[str] | None = None) -> dict[str, Figure]:
    """Draw every chart from the tables.

    Args:
        tables: ``interviews``, ``statements``, ``contacts``, ``codings`` and
            ``codebook`` (the table or a ``Codebook``); ``events`` is
            computed from the statements when absent.
        per_interview: The interviews drawn in the charts with one row or
            column per interview (default: all of them).
        timeline_interviews: The interviews drawn in the timeline (default: all).
        durations_rows: The most durations the durations chart lists.
        group_themes: The themes (codes, in order) of the charts by clause size
            and by actor (default: every coded theme).

    Returns:
        Name -> Figure, in the order of :data:`FIGURE_NAMES`.

    Raises:
        ValueError: A required table is missing.
    """
    missing = [name for name in REQUIRED_TABLES if tables.get(name) is None]
    if missing:
        raise ValueError(
            f"all_figures needs the tables {list(REQUIRED_TABLES)}; missing {missing} "
            f"(found {sorted(tables)}). Pass the tables of load_corpus() with the "
            "codings and the codebook of the coding step."
        )
    interviews, statements = tables["interviews"], tables["statements"]
    events = tables.get("events")
    if events is None:
        events = events_table(statements, interviews)
    tables = {**tables, "events": events}
    shown = {**tables, "interviews": interviews if per_interview is None else per_interview}
    dated = interviews if timeline_interviews is None else timeline_interviews
    return {
        "themes_par_entretien": charts.themes_by_interview(shown),
        "themes_par_clause": charts.themes_by_clause(tables, themes=group_themes),
        "themes_par_acteur": charts.themes_by_actor(tables, themes=group_themes),
        "categories_par_entretien": charts.categories_by_interview(shown),
        "cooccurrences": charts.code_cooccurrence(tables),
        "entonnoir_contacts": charts.contact_funnel(tables),
        "chronologie": charts.timeline({**tables, "interviews": dated}),
        "durees": charts.durations(tables, max_rows=durations_rows),
    }


def render(figure: Figure, fmt: str, *, dpi: int = DPI) -> bytes:
    """Return the bytes of ``figure`` in the format ``fmt`` (``"svg"``, ``"png"``, ``"pdf"``)."""
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt in ("svg", "pdf") else None
    with matplotlib.rc_context(cast(Any, _STABLE_SVG)):
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata)
    return buffer.getvalue()


def write_figures(figures: dict[str, Figure], out_dir: str | Path, *,
                  formats: tuple[str, ...] = FORMATS, dpi: int = DPI,
                  check=None) -> list[Path]:
    """Write each figure as ``out_dir/<name>.<format>``, all together (all new, or all
    old if one cannot be written: see :mod:`csf_analysis.filesets`).

    Args:
        figures: Name -> Figure (see :func:`all_figures`).
        out_dir: Destination folder, created if needed.
        formats: File formats, SVG and PNG by default.
        dpi: Resolution of the bitmap formats.
        check: Called with the new files' paths before they replace the old ones
            (a leak check); if it raises, nothing is replaced.

    Returns:
        The paths written, figure by figure, in the order of ``formats``.
    """
    out = Path(out_dir)
    names = [f"{name}.{fmt}" for name in figures for fmt in formats]
    with Staging(out) as stage:
        for name, figure in figures.items():
            for fmt in formats:
                (stage.staged / f"{name}.{fmt}").write_bytes(render(figure, fmt, dpi=dpi))
        stage.commit(names, check=check)
    return [out / name for name in names]
