"""Copies: statements repeated from another interview, interviews copied from another.

A text of :data:`MIN_DUPLICATE_CHARS` characters or more found in two
interviews (or files) is a duplicate of its first occurrence
(``statements.duplicate_of``). An interview whose statements are mostly the
same as another's (:data:`COPY_SHARE` of them, :data:`MIN_COPIED` at least)
is a copy of it (``interviews.duplicate_of``): a note copied as a template and
half edited, or filed twice. Of two such interviews, the copy is the later
one: by date where both are dated on different days, else the one made more of
the other (a copy loses lines as it is edited), else the later in reading order. A copy's
statements are the duplicates, never its original's, so the original counts
in full, and one warning names both files. Short common lines ("Oui.",
"Ministère ?") never make a copy.

Example:
    >>> import pandas as pd
    >>> lines = ["La tutrice a relancé l'entreprise trois fois.",
    ...          "Le jeune est parti au bout de trois jours.",
    ...          "Personne ne savait qui appeler au rectorat."]
    >>> statements = pd.DataFrame({
    ...     "statement_id": ["a1", "a2", "a3", "b1", "b2", "b3", "b4"],
    ...     "interview_id": ["a", "a", "a", "b", "b", "b", "b"],
    ...     "source_file": ["a.md"] * 3 + ["b.md"] * 4, "line": [3, 4, 5, 3, 4, 5, 6],
    ...     "text": lines + lines + ["Une ligne ajoutée dans la copie."],
    ...     "duplicate_of": [""] * 7})
    >>> interviews = pd.DataFrame({"interview_id": ["a", "b"], "source_file": ["a.md", "b.md"],
    ...                            "line": [1, 1], "date": ["2020-03-09", "2020-04-02"],
    ...                            "duplicate_of": ["", ""]})
    >>> problems = mark_copies(interviews, statements)
    >>> interviews["duplicate_of"].tolist(), statements["duplicate_of"].tolist()
    (['', 'a'], ['', '', '', 'a1', 'a2', 'a3', ''])
    >>> problems[0]["message"][:52]
    "copie de l'entretien a (a.md:1) : 3 de ses 4 énoncés"
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .sources import Problem
from .statements import text_key

MIN_DUPLICATE_CHARS = 20  # shorter texts ("Oui.", "(done)") repeat by chance
COPY_SHARE = 0.6          # of an interview's statements found in another: a copy
MIN_COPIED = 3            # statements, at least, for a copy
COMMON_TEXT = 10          # a text in more interviews than this is boilerplate, not a copy


def mark_copies(interviews: pd.DataFrame, statements: pd.DataFrame) -> list[dict]:
    """Fill ``duplicate_of`` of both tables (in place); return the warnings."""
    keys = _keys(statements)
    rows = interviews.set_index(_scope(interviews))  # two files may give one id: in front matter
    copied = copied_interviews(statements, keys, dates=rows["date"])
    interviews["duplicate_of"] = [rows.at[copied[s][0], "interview_id"] if s in copied else ""
                                  for s in rows.index]
    problems = [_copy_warning(rows, copy, *found) for copy, found in copied.items()]
    return problems + mark_duplicates(statements, keys, copies=copied)


def _scope(table: pd.DataFrame) -> pd.Series:
    """Where a row belongs: its file and interview (ids are unique within a file)."""
    return table["source_file"] + "\x1f" + table["interview_id"]


def _keys(statements: pd.DataFrame) -> pd.Series:
    """Normalised texts long enough to count as repeats (shorter ones dropped)."""
    keys = statements["text"].map(text_key)
    return keys[keys.str.len() >= MIN_DUPLICATE_CHARS]


def copied_interviews(statements: pd.DataFrame, keys: pd.Series, *,
                      dates: pd.Series) -> dict[str, tuple[str, int, int]]:
    """Copy interview -> (original, statements shared, statements of the copy), each
    interview named by its scope (file and id); ``dates`` holds each scope's ISO date
    (``""`` if unknown)."""
    ids = _scope(statements).reindex(keys.index)
    table = pd.DataFrame({"interview": ids, "key": keys})
    table = table[~table["interview"].str.endswith("\x1f")].drop_duplicates()  # no file-level
    sizes = table.groupby("interview").size()
    spread = table.groupby("key")["interview"].transform("size")
    shared = table[(spread > 1) & (spread <= COMMON_TEXT)]
    pairs = shared.merge(shared, on="key")
    pairs = pairs[pairs["interview_x"] != pairs["interview_y"]]
    counts = pairs.groupby(["interview_x", "interview_y"]).size()
    order = {interview: n for n, interview in enumerate(dict.fromkeys(ids.tolist()))}
    dates = dates.to_dict()
    copied: dict[str, tuple[str, int, int]] = {}
    for (copy, original), n in counts.items():
        share, back = n / sizes[copy], n / sizes[original]
        later = (_day(dates, copy, original), share, order[copy]) > \
            (_day(dates, original, copy), back, order[original])
        if n >= MIN_COPIED and share >= COPY_SHARE and later and \
                n > copied.get(copy, ("", 0, 0))[1]:
            copied[copy] = (original, int(n), int(sizes[copy]))
    return copied


def _day(dates: dict, interview: str, other: str) -> str:
    """The interview's day, where both it and ``other`` have one, else ``""``."""
    day, other_day = str(dates.get(interview, "")), str(dates.get(other, ""))
    return day if len(day) == len(other_day) == 10 else ""


def _copy_warning(rows: pd.DataFrame, copy: str, original: str, shared: int,
                  size: int) -> dict:
    where = f"{rows.at[original, 'source_file']}:{rows.at[original, 'line']}"
    return Problem(
        rows.at[copy, "source_file"], int(rows.at[copy, "line"]), "warning",
        f"copie de l'entretien {rows.at[original, 'interview_id']} ({where}) : {shared} de ses "
        f"{size} énoncés y "
        "sont déjà ; marqué duplicate_of et laissé hors des comptes. Si c'est un autre "
        "entretien, réécrivez ce qui a été recopié ; sinon, retirez la copie").row()


def mark_duplicates(statements: pd.DataFrame, keys: pd.Series | None = None, *,
                    copies: dict | None = None) -> list[dict]:
    """Fill ``statements.duplicate_of`` (in place) for texts repeated in another
    interview or file: the first occurrence is the original, a copied interview's
    coming last (``copies``, from :func:`copied_interviews`).

    Returns one warning per pair (copy interview, original interview) that is not
    a known interview copy.
    """
    keys = _keys(statements) if keys is None else keys
    copies = copies or {}
    scope = _scope(statements).to_numpy()
    index = keys.index.to_numpy()
    late = pd.Series(scope[index]).isin(copies).to_numpy()
    ranked = np.lexsort((index, late))  # originals first, then copies, in reading order
    first = (pd.Series(index[ranked], index=index[ranked])
             .groupby(keys.to_numpy()[ranked]).transform("first").reindex(index).to_numpy())
    copy = (first != index) & (scope[index] != scope[first])
    copy_rows, original_rows = index[copy], first[copy]
    ids = statements["statement_id"].to_numpy()
    statements.loc[copy_rows, "duplicate_of"] = ids[original_rows]
    pairs = pd.DataFrame({"copy": copy_rows, "original": original_rows,
                          "scope": scope[copy_rows], "of": scope[original_rows]})
    grouped = pairs.groupby(["scope", "of"], sort=False).agg(
        copy=("copy", "first"), original=("original", "first"), n=("copy", "size"))
    columns = {c: statements[c].to_numpy() for c in ("source_file", "line", "interview_id")}
    known = {(c, o) for c, (o, _, _) in copies.items()}
    return [_duplicate_warning({c: v[g.copy] for c, v in columns.items()},
                               {c: v[g.original] for c, v in columns.items()}, g.n)
            for g in grouped.itertuples() if g.Index not in known]


def _duplicate_warning(row, original, count: int) -> dict:
    where = (f"l'entretien {original['interview_id']}" if original["interview_id"]
             else "les notes hors entretien")
    return Problem(
        row["source_file"], int(row["line"]), "warning",
        f"{count} énoncé(s) répètent {where} ({original['source_file']}:{original['line']}) : "
        "marqués duplicate_of et laissés hors des comptes ; retirez la copie si la note a été "
        "classée deux fois").row()
