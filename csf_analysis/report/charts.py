"""Charts of the study: tidy tables in, a matplotlib ``Figure`` out, no side effects.

Each chart comes as a pair: a pure ``*_data`` function returning the tidy
DataFrame behind the figure (tested on data, labels and order, not pixels)
and a drawing function returning a :class:`matplotlib.figure.Figure` built
directly (never pyplot's global state), A4-wide (7 in), with
``constrained_layout``. Labels and titles are in French; colours are
colour-blind safe (Okabe–Ito, ``cividis``) and every bar segment carries a
hatch or a value so the figure reads in grey-scale print; the number of
statements behind each cell or bar is written on it. Copies of another
statement (``duplicate_of``) are left out of every count, and file-level
notes (empty ``interview_id``) out of per-interview charts. An empty input
gives a figure saying "Aucune donnée à afficher", never an exception.

Every chart takes the corpus first (a :class:`~csf_analysis.corpus.Corpus`,
filtered or not, or a mapping of its tables such as ``corpus.tables()``) and
its options as keywords: ``themes_by_clause(corpus.filter(kinds="entretien"))``,
``durations(corpus, max_rows=20)``. A missing ``events`` table is read from
the statements.

Example:
    >>> import pandas as pd
    >>> contacts = pd.DataFrame({
    ...     "clause_hours": [300, 300, 900], "clause_label": ["300h", "300h", "900h"],
    ...     "status": ["replied", "no_reply", "error"], "interviewed": [True, False, False]})
    >>> data = contact_funnel_data({"contacts": contacts})
    >>> data.groupby("stage_label", sort=False)["n_companies"].sum().to_dict()
    {'Contactées': 3, 'Réponses': 1, 'Entretiens': 1, 'Erreurs': 1}
    >>> figure = contact_funnel({"contacts": contacts})  # a matplotlib Figure, 7 in wide
    >>> float(figure.get_size_inches()[0])
    7.0
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..labels import (
    ACTOR_LABELS,
    CATEGORY_LABELS,
    CLAUSE_ORDER,
    NO_CLAUSE,
    actor_group,
    clause_group,
    clause_sizes,
    short_date,
)
from ..reading.dates import personal_span
from ..reading.events import EVENT_COLUMNS, events_table
from ..schema import ACTORS, CATEGORIES
from .cuts import shorten, snippet, wrap_label

__all__ = [
    "NO_DATA",
    "categories_by_interview", "categories_by_interview_data",
    "code_cooccurrence", "code_cooccurrence_data",
    "contact_funnel", "contact_funnel_data",
    "durations", "durations_data", "empty_figure", "interview_labels",
    "themes_by_actor", "themes_by_actor_data",
    "themes_by_clause", "themes_by_clause_data",
    "themes_by_interview", "themes_by_interview_data",
    "timeline", "timeline_data", "wrap_label",
]

WIDTH = 7.0        # inches: an A4 page less its margins
MAX_HEIGHT = 10.0  # inches: an A4 page less its margins and a caption
NO_DATA = "Aucune donnée à afficher"
MIN_GROUP = 3  # interviews a group needs to be compared with another: fewer get a "*"
# Okabe & Ito (2008), without black (hatches and text must stay visible on it).
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2",
             "#D55E00", "#CC79A7", "#999999", "#DDDDDD")
HATCHES = ("", "//", "..", "xx", "\\\\", "--", "oo", "++", "**")
HEATMAP = "cividis_r"  # light for low shares, dark for high: readable in grey-scale

STAGES = (("contacted", "Contactées"), ("replied", "Réponses"),
          ("interviewed", "Entretiens"), ("error", "Erreurs"))
DURATION_UNITS = ("jour", "semaine", "mois", "an")
# The durations axis's ticks, most useful first: a tick is drawn only when no tick
# before it in this order is closer than _TICK_GAP of the axis (log scale).
_DURATION_TICKS = ((365, "1 an"), (30, "1 mois"), (1, "1 j"), (3650, "10 ans"), (7, "1 sem."),
                   (91, "3 mois"), (1825, "5 ans"), (730, "2 ans"))
_TICK_GAP = 0.15  # a label's width, as a share of the axis (about half the page wide)


# --- Shared helpers ----------------------------------------------------------

def _figure(height: float) -> Figure:
    """A new A4-wide figure with constrained layout."""
    return Figure(figsize=(WIDTH, min(max(height, 2.0), MAX_HEIGHT)), layout="constrained")


def empty_figure(title: str, reason: str = "") -> Figure:
    """Return a small figure titled ``title`` that says there is nothing to show.

    Args:
        title: The chart's French title.
        reason: Why, in French (``"aucun énoncé codé"``); optional.
    """
    fig = _figure(2.0)
    ax = fig.add_subplot()
    ax.set_axis_off()
    fig.suptitle(title, fontsize=10)
    message = f"{NO_DATA} : {reason}." if reason else f"{NO_DATA}."
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes,
            fontsize=11, color="0.3")
    return fig


def _pct(value: float, *, decimals: int = 0) -> str:
    """French percentage: ``0.125`` -> ``"12 %"``, ``"12,5 %"`` with one decimal."""
    number = f"{value * 100:.{decimals}f}".replace(".", ",")
    if "," in number:
        number = number.rstrip("0").rstrip(",")
    return f"{number}\u00a0%"


def _text_colour(rgb) -> str:
    """Black or white, whichever reads better on the colour ``rgb``."""
    red, green, blue = to_rgb(rgb)
    return "white" if 0.299 * red + 0.587 * green + 0.114 * blue < 0.5 else "black"


def _strings(series: pd.Series) -> pd.Series:
    """A column as plain strings, missing values as ``""``."""
    return series.astype(object).where(series.notna(), "").astype(str)


def _table(corpus, name: str) -> pd.DataFrame:
    """Table ``name`` of ``corpus`` (a Corpus or a mapping of its tables); ``events``
    is read from the statements when absent; a missing table is an error."""
    found = _optional_table(corpus, name)
    if found is None:
        raise TypeError(f"this chart needs the corpus' {name!r} table; pass the Corpus of "
                        "load_corpus() or a mapping of its tables (corpus.tables())")
    return found


def _optional_table(corpus, name: str) -> pd.DataFrame | None:
    """Table ``name`` of ``corpus``, or None (see :func:`_table`)."""
    if isinstance(corpus, pd.DataFrame):
        raise TypeError("the charts take the corpus first, then keyword options: "
                        "charts.themes_by_clause(corpus), not its tables one by one; "
                        "pass the Corpus of load_corpus(), or corpus.tables()")
    found = corpus.get(name) if isinstance(corpus, Mapping) else getattr(corpus, name, None)
    if found is None and name == "events":
        found = events_table(*_tables(corpus, "statements", "interviews"))
    return found


def _tables(corpus, *names: str) -> list[pd.DataFrame]:
    return [_table(corpus, name) for name in names]


def _theme_tables(corpus) -> list:
    return _tables(corpus, "statements", "codings", "interviews", "codebook")


def _codebook_frame(codebook) -> pd.DataFrame:
    """The codebook table from a :class:`~csf_analysis.coding.codebook.Codebook` or a DataFrame."""
    table = getattr(codebook, "table", codebook)
    if table is None or "code" not in getattr(table, "columns", ()):
        raise ValueError(
            "expected the codebook table (columns code, label, ...) or a Codebook; "
            f"found {type(codebook).__name__}. Pass load_codebook() or its .table."
        )
    return table


def _theme_labels(codebook, codes) -> dict[str, str]:
    """Code -> French label, for the codebook's codes then any other code of ``codes``."""
    table = _codebook_frame(codebook)
    labels = dict(zip(_strings(table["code"]),
                      _strings(table["label"]) if "label" in table else _strings(table["code"])))
    ordered = {code: labels[code] or code for code in labels if code in set(codes)}
    ordered.update({code: code for code in sorted(set(codes) - set(ordered))})
    return ordered


def _clause_groups(interviews: pd.DataFrame) -> pd.Series:
    """interview_id -> clause size (``"300h"``, ``"autre"``, ``""``)."""
    return clause_sizes(interviews).set_axis(_strings(interviews["interview_id"]).tolist())


def interview_labels(interviews: pd.DataFrame) -> pd.Series:
    """Short display labels of the interviews, indexed by ``interview_id``.

    ``"6 · 300h"``, ``"16 · autre"``, ``"— · 900h (3/02/2020)"``: company
    reference and clause size, then the date when known. An interview with
    neither company nor clause is named by its actor (``"Acheteur
    (26/05/2020)"``). Repeated labels get ``" #2"``, ``" #3"``.
    """
    def text(row, column: str) -> str:
        value = getattr(row, column, "")
        return "" if value is None or pd.isna(value) else str(value).strip()

    labels = []
    for row in interviews.itertuples(index=False):
        company = text(row, "company_ref")
        clause = clause_group(getattr(row, "clause_hours", pd.NA), text(row, "clause_label"))
        if company or clause:
            label = f"{company or '—'} · {clause or '—'}"
        else:
            label = ACTOR_LABELS.get(text(row, "actor")) or shorten(
                text(row, "title") or "Entretien", 24, placeholder="…")
        date = text(row, "date")
        labels.append(f"{label} ({short_date(date)})" if date else label)
    series = pd.Series(labels, index=_strings(interviews["interview_id"]).tolist(), dtype=object)
    rank = series.groupby(series).cumcount()
    return series.where(rank == 0, series + " #" + (rank + 1).astype(str))


def _interview_statements(statements: pd.DataFrame, interviews: pd.DataFrame) -> pd.DataFrame:
    """Statements of known interviews, without copies (``duplicate_of``)."""
    ids = _strings(statements["interview_id"])
    keep = (ids != "") & ids.isin(set(_strings(interviews["interview_id"])))
    if "duplicate_of" in statements.columns:
        keep &= _strings(statements["duplicate_of"]) == ""
    kept = statements.loc[keep].copy()
    kept["interview_id"] = ids[keep]
    kept["statement_id"] = _strings(kept["statement_id"])
    return kept


def _y_labels(ax: Axes, labels, *, fontsize: float = 8) -> None:
    """Put ``labels`` on the y axis, one per row, first row on top."""
    ax.set_yticks(range(len(labels)), labels, fontsize=fontsize)


# --- Themes: per interview, per clause size, per actor --------------------------

def _theme_shares(statements, codings, interviews, codebook) -> pd.DataFrame:
    """Per (theme, interview): coded statements, the interview's statements, share.

    A complete grid over the themes used at least once and the interviews
    with at least one statement, in codebook and interviews order.
    """
    kept = _interview_statements(statements, interviews)
    totals = kept.groupby("interview_id").size()
    pairs = pd.DataFrame({"statement_id": _strings(codings["statement_id"]),
                          "code": _strings(codings["code"])}).drop_duplicates()
    coded = pairs.merge(kept[["statement_id", "interview_id"]], on="statement_id")
    labels = _theme_labels(codebook, coded["code"].unique())
    ids = [i for i in _strings(interviews["interview_id"]) if i in totals.index]
    grid = pd.MultiIndex.from_product([list(labels), ids], names=["code", "interview_id"])
    counts = coded.groupby(["code", "interview_id"]).size().reindex(grid, fill_value=0)
    table = counts.rename("n_statements").reset_index()
    table.insert(1, "label", table["code"].map(labels))
    table["n_total"] = table["interview_id"].map(totals).astype(int)
    table["share"] = table["n_statements"] / table["n_total"]
    return table


def themes_by_interview_data(corpus) -> pd.DataFrame:
    """Share of each interview's statements coded with each theme.

    Args:
        statements: The ``statements`` table.
        codings: The ``codings`` table (``statement_id``, ``code``); a
            statement coded twice with the same code (auto and manual)
            counts once.
        interviews: The ``interviews`` table.
        codebook: The codebook (``Codebook`` or its table) giving labels and order.

    Returns:
        ``code, label, interview_id, interview, n_statements, n_total,
        share``: one row per (theme used, interview with statements), themes
        in codebook order, interviews in table order; ``interview`` is the
        display label (:func:`interview_labels`).
    """
    statements, codings, interviews, codebook = _theme_tables(corpus)
    table = _theme_shares(statements, codings, interviews, codebook)
    table.insert(3, "interview", table["interview_id"].map(interview_labels(interviews)))
    return table


def _group_shares(table: pd.DataFrame, groups: pd.Series, order: tuple[str, ...],
                  column: str) -> pd.DataFrame:
    """Mean over interviews of each interview's share, per theme and group."""
    table = table.assign(**{column: table["interview_id"].map(groups)})
    table = table[table[column].isin(order)]
    grouped = table.groupby(["code", column], sort=False).agg(
        label=("label", "first"), n_interviews=("interview_id", "nunique"),
        n_statements=("n_statements", "sum"), mean_share=("share", "mean")).reset_index()
    rank = {value: index for index, value in enumerate(order)}
    codes = {code: index for index, code in enumerate(dict.fromkeys(table["code"]))}
    keys = grouped["code"].map(codes) * len(order) + grouped[column].map(rank)
    ordered = grouped.assign(_key=keys).sort_values("_key").drop(columns="_key")
    return ordered[["code", "label", column, "n_interviews", "n_statements", "mean_share"]] \
        .reset_index(drop=True)


def themes_by_clause_data(corpus) -> pd.DataFrame:
    """Themes by clause size, each interview weighing the same.

    Returns:
        ``code, label, clause, n_interviews, n_statements, mean_share``: for
        each theme and clause size (150h, 300h, 450h, 900h, autre, in that
        order, only sizes with interviews), ``mean_share`` is the mean over
        the size's interviews of the share of the interview's statements
        coded with the theme, so one long interview does not dominate;
        ``n_statements`` is the number of coded statements behind it.
        Interviews with no clause size are left out.
    """
    statements, codings, interviews, codebook = _theme_tables(corpus)
    table = _theme_shares(statements, codings, interviews, codebook)
    return _group_shares(table, _clause_groups(interviews), CLAUSE_ORDER, "clause")


def themes_by_actor_data(corpus) -> pd.DataFrame:
    """Themes by actor (entreprise, acheteur, mlds, partenaire, jeune, autre).

    Returns:
        ``code, label, actor, n_interviews, n_statements, mean_share``, as
        :func:`themes_by_clause_data` with the interview's actor (an unknown
        actor counts as ``autre``).
    """
    statements, codings, interviews, codebook = _theme_tables(corpus)
    table = _theme_shares(statements, codings, interviews, codebook)
    actors = actor_group(_strings(interviews["actor"]))
    groups = pd.Series(actors.tolist(), index=_strings(interviews["interview_id"]).tolist())
    return _group_shares(table, groups, ACTORS, "actor")


def _heatmap(fig: Figure, values: pd.DataFrame, texts: pd.DataFrame, *,
             colorbar_label: str) -> Axes:
    """Draw ``values`` (rows x columns, 0 = blank cell) with ``texts`` written in the cells."""
    ax = fig.add_subplot()
    data = values.to_numpy(dtype=float)
    cmap = matplotlib.colormaps[HEATMAP].with_extremes(bad="white")
    image = ax.imshow(np.ma.masked_equal(data, 0.0), cmap=cmap, aspect="auto",
                      vmin=0.0, vmax=max(float(data.max()), 1e-9), interpolation="nearest")
    rows, columns = data.shape
    fontsize = 7 if rows <= 30 else 6
    for (i, j), text in np.ndenumerate(texts.to_numpy(dtype=object)):
        if text:
            colour = _text_colour(image.cmap(image.norm(data[i, j])))
            ax.text(j, i, text, ha="center", va="center", fontsize=fontsize, color=colour,
                    in_layout=False)  # inside its cell: no need to measure it for the layout
    _y_labels(ax, [wrap_label(label, width=38) for label in values.index], fontsize=fontsize + 1)
    upright = columns <= 8  # beyond, vertical labels are the only ones that fit
    ax.set_xticks(range(columns), list(values.columns), fontsize=8 if columns <= 5 else 7,
                  rotation=0 if upright else 90, va="bottom")
    ax.xaxis.tick_top()
    ax.hlines(np.arange(rows + 1) - 0.5, -0.5, columns - 0.5, color="0.85", linewidth=0.5)
    ax.vlines(np.arange(columns + 1) - 0.5, -0.5, rows - 0.5, color="0.85", linewidth=0.5)
    ax.tick_params(length=0)
    _colorbar(fig, image, ax, colorbar_label,
              format=FuncFormatter(lambda value, _: _pct(value, decimals=1)))
    return ax


def _colorbar(fig: Figure, image, ax: Axes, label: str, **options) -> None:
    """A horizontal colour bar under ``ax``: the matrix keeps the page's width."""
    bar = fig.colorbar(image, ax=ax, location="bottom", shrink=0.6, aspect=40, pad=0.01,
                       **options)
    bar.set_label(label, fontsize=8)
    bar.ax.tick_params(labelsize=7)


def _theme_height(n_rows: int) -> float:
    return 1.6 + 0.3 * n_rows


def themes_by_interview(corpus, *, title: str = "Thèmes par entretien") -> Figure:
    """Heatmap: share of each interview's statements coded with each theme.

    Columns are interviews (``"6 · 300h"`` and their number of statements),
    rows themes (codebook labels); each cell shows the number of coded
    statements, its colour the share. See :func:`themes_by_interview_data`.
    """
    data = themes_by_interview_data(corpus)
    if data.empty or data["n_statements"].sum() == 0:
        return empty_figure(title, "aucun énoncé codé dans un entretien")
    heads = data.drop_duplicates("interview_id")
    columns = [f"{label}\nn = {n}".replace(" (", "\n(") if len(heads) > 4 else
               f"{label}\n{n} énoncés" for label, n in zip(heads["interview"], heads["n_total"])]
    codes = list(dict.fromkeys(data["code"]))
    order = (codes, list(dict.fromkeys(data["interview_id"])))
    labels = data.drop_duplicates("code")["label"].tolist()
    shares = data.pivot(index="code", columns="interview_id", values="share").loc[order]
    counts = data.pivot(index="code", columns="interview_id", values="n_statements").loc[order]
    shares = shares.set_axis(labels, axis=0).set_axis(columns, axis=1)
    texts = counts.map(lambda n: str(n) if n else "")
    fig = _figure(_theme_height(len(codes)))
    _heatmap(fig, shares, texts,
             colorbar_label="Part des énoncés de l'entretien codés avec le thème")
    fig.suptitle(f"{title} (nombre d'énoncés codés dans chaque case)", fontsize=10)
    return fig


def _themes_by_group(data: pd.DataFrame, column: str, names: dict[str, str],
                     title: str, *, note: str = "") -> Figure:
    """Heatmap of mean shares by group, cells reading "12 % (3)"; ``note`` under it."""
    if data.empty or data["n_statements"].sum() == 0:
        return empty_figure(title, "aucun énoncé codé dans un entretien")
    codes = list(dict.fromkeys(data["code"]))
    groups = [g for g in names if g in set(data[column])]
    size = data.drop_duplicates(column).set_index(column)["n_interviews"]
    shares = data.pivot(index="code", columns=column, values="mean_share").loc[codes, groups]
    counts = data.pivot(index="code", columns=column, values="n_statements").loc[codes, groups]
    texts = pd.DataFrame([[f"{_pct(s)} ({n})" if n else "" for s, n in zip(srow, nrow)]
                          for srow, nrow in zip(shares.to_numpy(), counts.to_numpy())])
    rows = data.drop_duplicates("code")["label"].tolist()
    columns = [f"{names[g]}\n{size[g]} entretien{'s' if size[g] > 1 else ''}"
               + ("*" if size[g] < MIN_GROUP else "") for g in groups]
    fig = _figure(_theme_height(len(codes)) + (0.3 if note else 0))
    _heatmap(fig, shares.set_axis(rows, axis=0).set_axis(columns, axis=1), texts,
             colorbar_label="Part moyenne des énoncés d'un entretien")
    fig.suptitle(f"{title}\n(moyenne par entretien ; nombre d'énoncés codés entre parenthèses)",
                 fontsize=10)
    if note:
        fig.text(0.01, 0.005, note, fontsize=7, color="0.3")
    return fig


def _only(data: pd.DataFrame, themes: list[str] | None) -> pd.DataFrame:
    """The rows of the ``themes`` codes, in that order (all rows when None)."""
    if themes is None:
        return data
    rank = {code: k for k, code in enumerate(themes)}
    kept = data[data["code"].isin(rank)]
    return kept.iloc[kept["code"].map(rank).argsort(kind="stable")]


def themes_by_clause(corpus, *, themes: list[str] | None = None) -> Figure:
    """Heatmap of themes by clause size, normalised per interview (see the ``_data`` function).

    ``themes``: the codes drawn, in this order (default: every coded theme).
    """
    data = _only(themes_by_clause_data(corpus), themes)
    statements, interviews = _tables(corpus, "statements", "interviews")
    with_statements = set(_interview_statements(statements, interviews)["interview_id"])
    groups = _clause_groups(interviews)
    left_out = int((groups[groups.index.isin(with_statements)] == "").sum())
    note = f"{left_out} entretien(s) sans taille de clause non représenté(s)." if left_out else ""
    return _themes_by_group(data, "clause", {c: c for c in CLAUSE_ORDER},
                            "Thèmes par taille de clause", note=note)


def themes_by_actor(corpus, *, themes: list[str] | None = None) -> Figure:
    """Heatmap of themes by actor, normalised per interview (see the ``_data`` function).

    ``themes``: the codes drawn, in this order (default: every coded theme).
    """
    data = _only(themes_by_actor_data(corpus), themes)
    return _themes_by_group(data, "actor", ACTOR_LABELS, "Thèmes par acteur")


# --- Categories per interview -------------------------------------------------

def categories_by_interview_data(corpus) -> pd.DataFrame:
    """Number of statements of each category in each interview.

    Returns:
        ``interview_id, interview, category, label, n_statements, share``:
        a complete grid over the interviews with statements (table order)
        and the categories used (vocabulary order: facts, representation,
        feelings, context, suggestions, meta, debrief, takeaway, question,
        then any other); ``label`` is French (Faits, Représentations...),
        ``share`` the part of the interview's statements.
    """
    statements, interviews = _tables(corpus, "statements", "interviews")
    kept = _interview_statements(statements, interviews)
    kept["category"] = _strings(kept["category"])
    used = set(kept["category"])
    categories = [c for c in CATEGORIES if c in used] + sorted(used - set(CATEGORIES))
    ids = [i for i in _strings(interviews["interview_id"]) if i in set(kept["interview_id"])]
    grid = pd.MultiIndex.from_product([ids, categories], names=["interview_id", "category"])
    counts = kept.groupby(["interview_id", "category"]).size().reindex(grid, fill_value=0)
    table = counts.rename("n_statements").reset_index()
    table.insert(1, "interview", table["interview_id"].map(interview_labels(interviews)))
    table.insert(3, "label", table["category"].map(
        lambda c: CATEGORY_LABELS.get(c) or c or "Sans catégorie"))
    totals = table.groupby("interview_id")["n_statements"].transform("sum")
    table["share"] = table["n_statements"] / totals
    return table


def _stacked_bars(ax: Axes, counts: pd.DataFrame, *, horizontal: bool) -> None:
    """Stack the columns of ``counts`` (rows = bars), hatched and labelled with counts."""
    base = np.zeros(len(counts))
    total = counts.to_numpy().sum(axis=1)
    smallest = max(total.max(), 1) * 0.018  # narrower segments are too small to label
    for k, column in enumerate(counts.columns):
        values = counts[column].to_numpy(dtype=float)
        colour = OKABE_ITO[k % len(OKABE_ITO)]
        draw = ax.barh if horizontal else ax.bar
        draw(range(len(counts)), values, 0.7, base, label=str(column), color=colour,
             hatch=HATCHES[k % len(HATCHES)], edgecolor="0.25", linewidth=0.5)
        for index, (value, start) in enumerate(zip(values, base)):
            if value >= smallest:
                x, y = (start + value / 2, index) if horizontal else (index, start + value / 2)
                ax.text(x, y, f"{value:.0f}", ha="center", va="center", fontsize=7,
                        in_layout=False,
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none",
                              "alpha": 0.85})
        base = base + values
    for index, value in enumerate(total):
        x, y = (value, index) if horizontal else (index, value)
        ax.annotate(f"{value:.0f}", (x, y), xytext=(4, 0) if horizontal else (0, 3),
                    textcoords="offset points", ha="left" if horizontal else "center",
                    va="center" if horizontal else "bottom", fontsize=8, fontweight="bold")
    # Explicit limits: zero-width segments are sticky edges that would cancel the margins.
    room = (0, max(total.max(), 1) * 1.1)
    ax.set_xlim(*room) if horizontal else ax.set_ylim(*room)


def categories_by_interview(corpus, *, title: str = "Catégories d'énoncés par entretien"
                            ) -> Figure:
    """Stacked bars: the categories of each interview's statements, with counts."""
    data = categories_by_interview_data(corpus)
    if data.empty:
        return empty_figure(title, "aucun énoncé dans un entretien")
    counts = data.pivot(index="interview_id", columns="label", values="n_statements")
    counts = counts.loc[list(dict.fromkeys(data["interview_id"])),
                        list(dict.fromkeys(data["label"]))]
    labels = data.drop_duplicates("interview_id")["interview"].tolist()
    fig = _figure(1.9 + 0.45 * len(counts))
    ax = fig.add_subplot()
    _stacked_bars(ax, counts, horizontal=True)
    _y_labels(ax, labels)
    ax.invert_yaxis()
    ax.set_xlabel("Nombre d'énoncés")
    fig.suptitle(title, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    fig.legend(loc="outside lower center", ncol=min(5, counts.shape[1]), fontsize=7,
               frameon=False)
    return fig


# --- Co-occurrence of codes ----------------------------------------------------

def code_cooccurrence_data(corpus, *, top: int | None = 20) -> pd.DataFrame:
    """Number of statements coded with both codes, for each pair of codes.

    Args:
        corpus: Its ``codings`` (``statement_id``, ``code``) and ``codebook``
            (labels and order); with its ``statements``, codings of copies
            (``duplicate_of``) and of file-level notes (no interview) are left out.
        top: Keep the ``top`` codes with the most statements (``None``: all).

    Returns:
        ``code_a, label_a, code_b, label_b, n_statements``: a complete grid
        over the kept codes in codebook order (the diagonal holds the number
        of statements coded with the code).
    """
    codings, codebook = _tables(corpus, "codings", "codebook")
    statements = _optional_table(corpus, "statements")
    pairs = pd.DataFrame({"statement_id": _strings(codings["statement_id"]),
                          "code": _strings(codings["code"])}).drop_duplicates()
    if statements is not None and "duplicate_of" in statements.columns:
        # As in the per-interview charts: no copies, no file-level notes (guides).
        left_out = _strings(statements["duplicate_of"]) != ""
        if "interview_id" in statements.columns:
            left_out |= _strings(statements["interview_id"]) == ""
        copies = set(_strings(statements["statement_id"])[left_out])
        pairs = pairs[~pairs["statement_id"].isin(copies)]
    sizes = pairs["code"].value_counts()
    if top is not None:
        sizes = sizes.sort_values(ascending=False, kind="stable").head(top)
    labels = _theme_labels(codebook, sizes.index)
    incidence = pd.crosstab(pairs["statement_id"], pairs["code"]).reindex(columns=list(labels))
    matrix = incidence.T @ incidence if len(labels) else pd.DataFrame()
    table = matrix.rename_axis(index="code_a", columns="code_b").stack().rename("n_statements")
    table = table.reset_index().astype({"n_statements": int})
    table.insert(1, "label_a", table["code_a"].map(labels))
    table.insert(3, "label_b", table["code_b"].map(labels))
    return table


def code_cooccurrence(corpus, *, top: int | None = 20) -> Figure:
    """Lower-triangle matrix of statements coded with both codes (see the ``_data`` function).

    Rows carry "1. label", columns the number only; the diagonal (bold, on
    grey) is each code's number of statements, the colour of the other
    cells the number of statements coded with both.
    """
    title = "Co-occurrences des thèmes"
    data = code_cooccurrence_data(corpus, top=top)
    if data.empty:
        return empty_figure(title, "aucun énoncé codé")
    codes = list(dict.fromkeys(data["code_a"]))
    labels = data.drop_duplicates("code_a")["label_a"].tolist()
    matrix = data.pivot(index="code_a", columns="code_b", values="n_statements").loc[codes, codes]
    values = matrix.to_numpy(dtype=float)
    n = len(codes)
    lower = np.tril(np.ones((n, n), dtype=bool), k=-1)
    fig = _figure(1.8 + 0.3 * n)
    ax = fig.add_subplot()
    cmap = matplotlib.colormaps[HEATMAP].with_extremes(bad="white")
    shown = np.ma.masked_where(~lower | (values == 0), values)
    vmax = max(float(values[lower].max()) if lower.any() else 1.0, 1.0)
    image = ax.imshow(shown, cmap=cmap, vmin=0, vmax=vmax, aspect="auto", interpolation="nearest")
    for i in range(n):
        for j in range(i):  # faint borders, to follow a row or a column by eye
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="0.9",
                                   linewidth=0.5))
        ax.add_patch(Rectangle((i - 0.5, i - 0.5), 1, 1, color="0.88"))
        ax.text(i, i, f"{values[i, i]:.0f}", ha="center", va="center", fontsize=7,
                fontweight="bold", in_layout=False)
        for j in range(i):
            if values[i, j]:
                ax.text(j, i, f"{values[i, j]:.0f}", ha="center", va="center", fontsize=7,
                        in_layout=False,
                        color=_text_colour(image.cmap(image.norm(values[i, j]))))
    _y_labels(ax, [wrap_label(f"{k}. {label}", width=40) for k, label in enumerate(labels, 1)],
              fontsize=7)
    ax.set_xticks(range(n), [str(k) for k in range(1, n + 1)], fontsize=7)
    ax.spines[:].set_visible(False)
    ax.tick_params(length=0)
    more = f" ({n} thèmes les plus fréquents)" if top is not None and n == top else ""
    fig.suptitle(f"{title}{more}\nnombre d'énoncés codés avec les deux thèmes ; "
                 "en gras : énoncés du thème", fontsize=10)
    _colorbar(fig, image, ax, "Énoncés codés avec les deux thèmes",
              ticks=MaxNLocator(integer=True))
    return fig


# --- Contact funnel ------------------------------------------------------------

def contact_funnel_data(corpus) -> pd.DataFrame:
    """Companies contacted, that replied, interviewed, and e-mails in error, by clause size.

    Returns:
        ``stage, stage_label, clause, n_companies``: stages in the order
        contacted, replied, interviewed, error (Contactées, Réponses,
        Entretiens, Erreurs), clause sizes in the order 150h, 300h, 450h,
        900h, autre, then "non précisée", only sizes that have contacts.
    """
    contacts = _table(corpus, "contacts")
    clauses = clause_sizes(contacts).replace("", NO_CLAUSE)
    status = _strings(contacts["status"])
    interviewed = contacts["interviewed"].astype(object).fillna(False).astype(bool)
    masks = {"contacted": pd.Series(True, index=contacts.index), "replied": status == "replied",
             "interviewed": interviewed, "error": status == "error"}
    order = [c for c in (*CLAUSE_ORDER, NO_CLAUSE) if c in set(clauses)]
    rows = [{"stage": stage, "stage_label": label, "clause": clause,
             "n_companies": int((masks[stage] & (clauses == clause)).sum())}
            for stage, label in STAGES for clause in order]
    return pd.DataFrame(rows, columns=["stage", "stage_label", "clause", "n_companies"])


def contact_funnel(corpus) -> Figure:
    """Stacked bars: companies at each stage of the contact log, split by clause size."""
    title = "Entonnoir des contacts avec les entreprises"
    data = contact_funnel_data(corpus)
    if data.empty:
        return empty_figure(title, "aucun contact dans les notes")
    counts = data.pivot(index="stage_label", columns="clause", values="n_companies")
    counts = counts.loc[[label for _, label in STAGES], list(dict.fromkeys(data["clause"]))]
    fig = _figure(3.6)
    ax = fig.add_subplot()
    _stacked_bars(ax, counts, horizontal=False)
    ax.set_xticks(range(len(counts)), counts.index)
    ax.set_ylabel("Nombre d'entreprises")
    fig.suptitle(f"{title} (par taille de clause)", fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    locator: Any = ax.yaxis.get_major_locator()  # an AutoLocator, which takes integer=
    locator.set_params(integer=True)
    ax.legend(title="Clause", fontsize=7, title_fontsize=8, frameon=False, reverse=True,
              loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


# --- Timeline of dated events ---------------------------------------------------

def _year_span(iso: str) -> tuple[float, float] | None:
    """``"2018-02-19"`` / ``"2018-02"`` / ``"2018"`` -> (start, end) in decimal years."""
    parts = iso.split("-")
    try:
        year = int(parts[0])
        first = dt.date(year, int(parts[1]) if len(parts) > 1 else 1,
                        int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None
    if len(parts) > 2:
        last = first + dt.timedelta(days=1)
    elif len(parts) > 1:
        last = dt.date(year + first.month // 12, first.month % 12 + 1, 1)
    else:
        last = dt.date(year + 1, 1, 1)

    def decimal(day: dt.date) -> float:
        length = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
        return day.year + (day.toordinal() - dt.date(day.year, 1, 1).toordinal()) / length
    return decimal(first), decimal(last)


TIMELINE_COLUMNS = ("interview_id", "interview", "kind", "date", "precision", "start", "end",
                    "label", "statement_id")


def _events(events: pd.DataFrame) -> pd.DataFrame:
    """The ``events`` table with every column as text (numbers kept), even when empty."""
    table = events.reindex(columns=list(EVENT_COLUMNS))
    for column in EVENT_COLUMNS:
        if column not in ("days_min", "days_max"):
            table[column] = _strings(table[column])
    return table


def timeline_data(corpus) -> pd.DataFrame:
    """The dated events of each interview, and the interview's own date.

    Args:
        corpus: Its ``interviews`` and ``events`` table
            (:func:`csf_analysis.reading.events.events_table`, read from the
            statements when absent); rows of kind ``date`` are used.

    Returns:
        ``interview_id, interview, kind, date, precision, start, end,
        label, statement_id``: ``kind`` is ``"événement"`` or ``"entretien"``
        (the interview's date); ``start``/``end`` the span of the date in
        decimal years (a day, a month or a whole year). Interviews in table
        order, each one's rows by date; interviews with no date at all are
        left out, and so are file-level notes.
    """
    events, interviews = _tables(corpus, "events", "interviews")
    names = interview_labels(interviews)
    own = pd.DataFrame({"interview_id": names.index, "kind": "entretien",
                        "date": _strings(interviews["date"]).tolist(), "precision": "day",
                        "statement_id": ""})
    own = own[own["date"] != ""]
    own = own.assign(label=[f"Entretien du {short_date(date)}" for date in own["date"]])
    dated = _events(events)
    dated = dated[dated["kind"] == "date"]
    found = pd.DataFrame({
        "interview_id": dated["interview_id"], "kind": "événement", "date": dated["date"],
        "precision": dated["precision"], "statement_id": dated["statement_id"],
        "label": [snippet(s, t, width=46) for s, t in zip(dated["sentence"], dated["text"])]})
    table = pd.concat([own, found], ignore_index=True)
    spans = table["date"].map(_year_span)
    table = table[table["interview_id"].isin(set(names.index)) & spans.notna()].assign(
        interview=lambda t: t["interview_id"].map(names),
        start=spans.str[0], end=spans.str[1],
        _rank=lambda t: t["interview_id"].map({i: k for k, i in enumerate(names.index)}))
    table = table.sort_values(["_rank", "start", "end"], kind="stable")
    return table[list(TIMELINE_COLUMNS)].reset_index(drop=True)


_PRECISION_STYLE = {  # marker, label: grey-scale readable without colour
    "day": ("o", "jour connu"), "month": ("s", "mois connu (trait : le mois)"),
    "year": ("^", "année seule (trait : l'année)"),
}


def _draw_interview_row(ax: Axes, rows: pd.DataFrame, top: float, middle: float) -> float:
    """Draw one interview's events on the line ``y = top``; labels below. Return the next top."""
    ax.axhline(top, color="0.6", linewidth=0.8, zorder=1)
    for level, row in enumerate(rows.itertuples(index=False), start=1):
        x = (row.start + row.end) / 2
        y_text = top - 0.9 * level
        is_interview = row.kind == "entretien"
        colour = OKABE_ITO[5] if is_interview else OKABE_ITO[4]
        if row.precision in ("month", "year") and not is_interview:
            gap = (row.end - row.start) * 0.03  # consecutive years stay apart
            ax.plot([row.start + gap, row.end - gap], [top, top], color=colour, linewidth=5,
                    alpha=0.4, solid_capstyle="butt", zorder=2)
        marker = "D" if is_interview else _PRECISION_STYLE.get(row.precision, ("o", ""))[0]
        ax.plot([x], [top], marker=marker, markersize=8 if is_interview else 6, color=colour,
                markeredgecolor="black", markeredgewidth=0.6, linestyle="none",
                zorder=3 if is_interview else 4)  # a small event stays visible over the diamond
        ax.plot([x, x], [top, y_text + 0.25], color="0.55", linewidth=0.5, zorder=1)
        right = x > middle
        ax.text(x, y_text, ("" if right else " ") + row.label + (" " if right else ""),
                ha="right" if right else "left", va="center", fontsize=7,
                fontweight="bold" if is_interview else "normal")
    return top - 0.9 * (len(rows) + 1.4)


def timeline(corpus) -> Figure:
    """Timeline: one line per interview, a point at each date its statements give.

    Month and year dates are drawn as a band over the month or year; the
    interview's own date is a diamond. Labels carry the date as written and
    the start of the statement. See :func:`timeline_data`.
    """
    title = "Chronologie des événements datés, par entretien"
    data = timeline_data(corpus)
    if data.empty:
        return empty_figure(title, "aucune date dans les énoncés ni les entretiens")
    low, high = np.floor(data["start"].min()), np.ceil(data["end"].max())
    groups = list(data.groupby("interview_id", sort=False))
    fig = _figure(1.4 + 0.19 * (len(data) + 1.4 * len(groups)))
    ax = fig.add_subplot()
    top, ticks = 0.0, []
    for index, (_, rows) in enumerate(groups):
        ticks.append((top, rows["interview"].iloc[0]))
        bottom = _draw_interview_row(ax, rows, top, (low + high) / 2)
        if index % 2 == 0:
            ax.axhspan(bottom + 0.45, top + 0.45, color="0.95", zorder=0)
        top = bottom
    ax.set_yticks([y for y, _ in ticks], [label for _, label in ticks], fontsize=8)
    ax.set_ylim(top + 0.45, 0.9)
    ax.set_xlim(low - 0.05, high + 0.05)
    ax.set_xticks(np.arange(low, high + 1), [f"{year:.0f}" for year in np.arange(low, high + 1)])
    ax.grid(axis="x", color="0.85", linewidth=0.5)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel("Année")
    fig.suptitle(title, fontsize=10)
    _timeline_legend(fig, ax)
    return fig


def _timeline_legend(fig: Figure, ax: Axes) -> None:
    handles = [ax.plot([], [], marker=m, color=OKABE_ITO[4], markeredgecolor="black",
                       linestyle="none", label=label)[0]
               for m, label in _PRECISION_STYLE.values()]
    handles.append(ax.plot([], [], marker="D", color=OKABE_ITO[5], markeredgecolor="black",
                           linestyle="none", label="date de l'entretien")[0])
    fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=7, frameon=False)


# --- Durations ----------------------------------------------------------------

DURATION_COLUMNS = ("statement_id", "interview_id", "interview", "text", "unit",
                    "days_min", "days_max", "snippet")


def durations_data(corpus, *, units: tuple[str, ...] = DURATION_UNITS) -> pd.DataFrame:
    """The durations reported in the statements, shortest first.

    Args:
        corpus: Its ``events`` table (rows of kind ``duration`` are used)
            and ``interviews``, to name interviews (``"6 · 300h"``); without
            interviews the ``interview_id`` is shown.
        units: Units kept. Hours and minutes are left out by default: in
            the notes they are clause sizes (``150h``) and meeting lengths,
            not how long things take. Years that are someone's age or years
            in post (:func:`csf_analysis.reading.dates.personal_span`) are left
            out too.

    File-level notes (an interview guide's questions) are left out.

    Returns:
        ``statement_id, interview_id, interview, text, unit, days_min,
        days_max, snippet``, sorted by ``days_max`` then ``days_min``;
        ``snippet`` is the sentence around the duration.
    """
    rows = _events(_table(corpus, "events"))
    interviews = _optional_table(corpus, "interviews")
    rows = rows[(rows["kind"] == "duration") & rows["unit"].isin(units)
                & (rows["interview_id"] != "")]
    personal = [unit == "an" and personal_span(sentence, text) for unit, sentence, text
                in zip(rows["unit"], rows["sentence"], rows["text"])]
    rows = rows[~pd.Series(personal, index=rows.index, dtype=bool)]  # ages, years in post
    names = interview_labels(interviews) if interviews is not None else pd.Series(dtype=object)
    table = rows.assign(
        interview=[names.get(i, i) for i in rows["interview_id"]],
        snippet=[snippet(s, t) for s, t in zip(rows["sentence"], rows["text"])])
    table = table.sort_values(["days_max", "days_min"], kind="stable")
    return table[list(DURATION_COLUMNS)].reset_index(drop=True)


def _spaced_ticks(left: float, right: float) -> list[tuple[float, str]]:
    """The ticks of :data:`_DURATION_TICKS` between ``left`` and ``right`` days whose labels
    cannot overlap: each at least :data:`_TICK_GAP` of the log axis from the others.

    >>> [t for _, t in _spaced_ticks(0.25, 20000)]
    ['1 j', '1 mois', '1 an', '10 ans']
    >>> [t for _, t in _spaced_ticks(2, 400)]
    ['1 sem.', '1 mois', '3 mois', '1 an']
    """
    span = np.log10(right / left)
    chosen: list[tuple[float, str]] = []
    for days, label in _DURATION_TICKS:
        if left <= days <= right and all(abs(np.log10(days / d)) >= _TICK_GAP * span
                                         for d, _ in chosen):
            chosen.append((days, label))
    return sorted(chosen)


def durations(corpus, *, units: tuple[str, ...] = DURATION_UNITS, max_rows: int = 40) -> Figure:
    """Ranges of the durations reported, in days on a log scale, shortest on top.

    Each row is one mention, labelled with the sentence around it and its
    interview; a range (``2 ou 3 semaines``) is a bar from its low to its
    high value, a single value a point. Beyond ``max_rows``, the longest
    are kept and the title says how many were left out.
    """
    title = "Durées évoquées dans les entretiens"
    data = durations_data(corpus, units=units)
    if data.empty:
        return empty_figure(title, "aucune durée en jours, semaines, mois ou années")
    total = len(data)
    data = data.tail(max_rows).reset_index(drop=True)
    fig = _figure(1.5 + 0.36 * len(data))
    ax = fig.add_subplot()
    y = np.arange(len(data))
    ax.hlines(y, data["days_min"], data["days_max"], color=OKABE_ITO[4], linewidth=6, alpha=0.5)
    ax.plot(data["days_min"], y, "|", color="black", markersize=9)
    ax.plot(data["days_max"], y, "|", color="black", markersize=9)
    ax.plot((data["days_min"] + data["days_max"]) / 2, y, "o", color=OKABE_ITO[4],
            markeredgecolor="black", markersize=4)
    for row_y, row in zip(y, data.itertuples(index=False)):
        ax.annotate(row.text, (row.days_max, row_y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=7, fontweight="bold")
    _y_labels(ax, [wrap_label(f"{i} : « {s} »", width=52) for s, i in
                   zip(data["snippet"], data["interview"])], fontsize=7)
    ax.invert_yaxis()
    ax.set_xscale("log")
    low, high = data["days_min"].min(), data["days_max"].max()
    left, right = low / 2.0, high * 3.0  # room for the value written after the bar
    ticks = _spaced_ticks(left, right) or [(low, f"{low:.0f} j")]
    ax.set_xticks([d for d, _ in ticks], [t for _, t in ticks], fontsize=8)
    ax.minorticks_off()
    ax.set_xlim(left, right)
    ax.grid(axis="x", color="0.85", linewidth=0.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("Durée (échelle logarithmique ; un mois = 30 jours)", fontsize=9)
    shown = (f" ({len(data)} plus longues sur {total} mentions)" if total > len(data)
             else f" ({total} mention{'s' if total > 1 else ''})")
    fig.suptitle(f"{title}{shown}", fontsize=10)
    return fig
