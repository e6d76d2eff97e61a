"""Keep the part of the corpus a researcher asks for: actors, clause sizes, dates, kinds.

:func:`filter_tables` takes the tables of ``load_corpus`` (``corpus.tables()``)
and returns the same tables restricted to the interviews of the chosen actors,
clause sizes, date range and kinds, with everything that hangs from them: their
statements, the codings of those statements, the codebook counts. Documents
(kind ``document``) and copied interviews (``duplicate_of``) are always left
out: they are kept in the tables, never counted. It is pure: the input tables
are never changed. :func:`describe_filters` says in French what was kept.

Example:
    >>> from csf_analysis.schema import frame
    >>> interviews = frame("interviews", [
    ...     {"interview_id": "a", "actor": "entreprise", "clause_hours": 300, "date": "2020-02-03"},
    ...     {"interview_id": "b", "actor": "acheteur", "date": "2020-05-26"}])
    >>> kept = filter_tables({"interviews": interviews}, clauses=["300h", "900h"])
    >>> kept["interviews"]["interview_id"].tolist()
    ['a']
    >>> describe_filters(actors=["acheteur"], date_from="2020-01")
    'Filtres : acteurs acheteur ; entretiens à partir du 2020-01.'
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import pandas as pd

from .labels import CLAUSE_ORDER, actor_group, clause_sizes
from .schema import ACTORS, SESSION_KINDS, counted_rows

NO_FILTER = "Aucun filtre : tout le corpus."

__all__ = ["NO_FILTER", "describe_filters", "filter_tables", "normalise_actors",
           "normalise_clauses", "normalise_kinds", "statements_per_code"]

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _values(values: Iterable | str | int | None) -> list[str]:
    """A list of stripped, lower-case, non-empty strings (one string is a list of one)."""
    if values is None:
        return []
    if isinstance(values, (str, int)):
        values = [values]
    return [str(value).strip().lower() for value in values if str(value).strip()]


def normalise_actors(actors: Iterable[str] | str | None) -> list[str]:
    """The actors asked for, checked against the vocabulary (``[]`` = every actor).

    Raises:
        ValueError: An actor is not one of ``entreprise, acheteur, mlds,
            partenaire, jeune, autre``.
    """
    chosen = _values(actors)
    unknown = [actor for actor in chosen if actor not in ACTORS]
    if unknown:
        raise ValueError(f"unknown actor(s) {unknown}: expected some of {list(ACTORS)}. "
                         "Fix the ACTORS filter (an empty list keeps every actor).")
    return list(dict.fromkeys(chosen))


def normalise_kinds(kinds: Iterable[str] | str | None) -> list[str]:
    """The kinds of session asked for (``[]`` = every kind but ``document``).

    Raises:
        ValueError: A kind is not one of ``entretien, test-utilisateur,
            observation, atelier``.
    """
    chosen = _values(kinds)
    unknown = [kind for kind in chosen if kind not in SESSION_KINDS]
    if unknown:
        raise ValueError(f"unknown kind(s) {unknown}: expected some of {list(SESSION_KINDS)} "
                         "(documents are never counted). Fix the KINDS filter (an empty list "
                         "keeps every kind of session).")
    return list(dict.fromkeys(chosen))


def normalise_clauses(clauses: Iterable[str | int] | str | int | None) -> list[str]:
    """The clause sizes asked for, as ``"300h"`` or ``"autre"`` (``[]`` = every size).

    ``300``, ``"300"`` and ``"300H"`` all mean ``"300h"``.

    Raises:
        ValueError: A size is not one of ``150h, 300h, 450h, 900h, autre``.
    """
    chosen = [f"{value}h" if value.isdigit() else value for value in _values(clauses)]
    unknown = [clause for clause in chosen if clause not in CLAUSE_ORDER]
    if unknown:
        raise ValueError(f"unknown clause size(s) {unknown}: expected some of "
                         f"{list(CLAUSE_ORDER)}. Fix the CLAUSES filter "
                         "(an empty list keeps every size).")
    return list(dict.fromkeys(chosen))


def _check_date(value: str | None, name: str) -> str:
    """``value`` stripped, checked as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (``""`` if none)."""
    text = (value or "").strip()
    if not text:
        return ""
    parts = text.split("-")
    try:
        if not _ISO.match(text):
            raise ValueError
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY); "
                         f"found {value!r}. Write e.g. '2020-02-03'.") from None
    return text


def _text(series: pd.Series) -> pd.Series:
    return series.astype(object).where(series.notna(), "").astype(str)


def _kept_interviews(interviews: pd.DataFrame, *, actors: list[str], clauses: list[str],
                     date_from: str, date_to: str, keep_undated: bool) -> pd.Series:
    """Boolean mask of the interviews that pass every filter."""
    keep = pd.Series(True, index=interviews.index)
    if actors:
        actor = _text(interviews["actor"]).str.strip().str.lower()
        keep &= actor_group(actor).isin(actors)
    if clauses:
        keep &= clause_sizes(interviews).isin(clauses)
    if date_from or date_to:
        date = _text(interviews["date"]).str.strip()
        # ISO strings compare as dates; a bound "2020-02" covers the whole month.
        inside = pd.Series(True, index=interviews.index)
        if date_from:
            inside &= date >= date_from
        if date_to:
            inside &= date.str.slice(0, len(date_to)) <= date_to
        keep &= inside.where(date != "", keep_undated)
    return keep


def _counted(interviews: pd.DataFrame, kinds: list[str]) -> pd.Series:
    """Boolean mask of the sessions of ``kinds`` (all but documents) that copy no other."""
    if not kinds:
        return counted_rows(interviews)
    kind = _text(interviews["kind"]) if "kind" in interviews else pd.Series(
        "", index=interviews.index)
    return counted_rows(interviews) & kind.replace("", "entretien").isin(kinds)


def _promote_copies(statements: pd.DataFrame, left_out: set[str]) -> pd.DataFrame:
    """Copies whose original was filtered out: the first kept one becomes the original."""
    copy_of = _text(statements["duplicate_of"])
    orphans = copy_of.isin(left_out)
    if not orphans.any():
        return statements
    ids = _text(statements.loc[orphans, "statement_id"])
    first = ids.groupby(copy_of[orphans], sort=False).transform("first")
    statements = statements.copy()
    statements.loc[orphans, "duplicate_of"] = first.where(first != ids, "")
    return statements


def statements_per_code(codings: pd.DataFrame, counted: set[str]) -> pd.Series:
    """Number of distinct statements per code among the ``counted`` statement ids: the
    codebook's ``n_statements``, at load (:mod:`csf_analysis.corpus`) and after a filter."""
    coded = codings[_text(codings["statement_id"]).isin(counted)]
    return coded.drop_duplicates(["statement_id", "code"]).groupby("code").size()


def filter_tables(tables: dict[str, pd.DataFrame], *,
                  actors: Iterable[str] | str | None = None,
                  clauses: Iterable[str | int] | str | int | None = None,
                  date_from: str | None = None, date_to: str | None = None,
                  keep_undated: bool = False,
                  kinds: Iterable[str] | str | None = None) -> dict[str, pd.DataFrame]:
    """Return the tables restricted to the counted interviews that pass the filters.

    Args:
        tables: Name -> table, as ``corpus.tables()``; ``interviews`` is
            required, ``statements``, ``codings``, ``auto_codings``,
            ``vetoed_codings``, ``events``, ``contacts``, ``codebook`` are
            filtered when present, any other table (``problems``) is passed through.
        actors: Actors kept (``["entreprise", "mlds"]``); an interview whose
            actor is unknown counts as ``autre``. Empty or ``None``: all.
        clauses: Clause sizes kept (``["300h", "900h"]``, ``"autre"``); an
            interview with no clause size is left out when this is given.
        date_from: First interview date kept, inclusive (``YYYY-MM-DD``,
            ``YYYY-MM`` or ``YYYY``).
        date_to: Last interview date kept, inclusive; ``"2020-02"`` keeps
            all of February.
        keep_undated: With a date bound, also keep interviews whose date is
            unknown (left out by default).
        kinds: Kinds of session kept (``["test-utilisateur"]``). Empty or
            ``None``: every kind but ``document``, which is never kept.

    Returns:
        The same names and columns: the kept interviews (never a document nor
        a copy of another interview); their statements only (file-level notes
        such as a guide belong to no interview and are left out when an actor,
        clause or date filter is given); codings and events of those
        statements; ``n_statements`` of interviews and codebook recounted; a
        copy (``duplicate_of``) whose original was left out becomes the
        original. Contacts (companies, undated) follow the clause filter, and
        are all left out when ``actors`` does not include ``entreprise``.

    Raises:
        ValueError: An unknown actor or clause size, a malformed date, or no
            ``interviews`` table.
    """
    actors, clauses = normalise_actors(actors), normalise_clauses(clauses)
    date_from, date_to = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    kinds = normalise_kinds(kinds)
    if tables.get("interviews") is None:
        raise ValueError(f"filter_tables needs the 'interviews' table; found {sorted(tables)}. "
                         "Pass corpus.tables() from load_corpus().")
    out = {name: table.copy() for name, table in tables.items()}
    interviews = tables["interviews"]
    narrowed = bool(actors or clauses or date_from or date_to)
    keep = _counted(interviews, kinds) & _kept_interviews(
        interviews, actors=actors, clauses=clauses, date_from=date_from, date_to=date_to,
        keep_undated=keep_undated)
    if keep.all() and not narrowed:
        return out
    kept = interviews[keep]
    kept_ids = set(_text(kept["interview_id"])) | (set() if narrowed else {""})
    out["interviews"] = kept.reset_index(drop=True)
    if "statements" in tables:
        _filter_statements(out, tables["statements"], kept_ids)
    if "contacts" in tables:
        out["contacts"] = _filter_contacts(tables["contacts"], actors=actors, clauses=clauses)
    return out


def _filter_contacts(contacts: pd.DataFrame, *, actors: list[str],
                     clauses: list[str]) -> pd.DataFrame:
    """Contacts are companies: kept when ``entreprise`` is asked for, by clause size."""
    keep = pd.Series(not actors or "entreprise" in actors, index=contacts.index)
    if clauses:
        keep &= clause_sizes(contacts).isin(clauses)
    return contacts[keep].reset_index(drop=True)


def _filter_statements(out: dict[str, pd.DataFrame], statements: pd.DataFrame,
                       kept_ids: set[str]) -> None:
    """Statements of the kept interviews and what depends on them, into ``out``."""
    in_kept = _text(statements["interview_id"]).isin(kept_ids)
    left_out = set(_text(statements.loc[~in_kept & (_text(statements["interview_id"]) != ""),
                                        "statement_id"]))
    kept = _promote_copies(statements[in_kept], left_out).reset_index(drop=True)
    out["statements"] = kept
    ids = set(_text(kept["statement_id"]))
    for name in ("codings", "auto_codings", "vetoed_codings", "events"):
        if name in out:
            table = out[name]
            out[name] = table[_text(table["statement_id"]).isin(ids)].reset_index(drop=True)
    originals = kept[_text(kept["duplicate_of"]) == ""]
    if "n_statements" in out["interviews"]:
        counts = originals.groupby("interview_id").size()
        out["interviews"]["n_statements"] = (
            out["interviews"]["interview_id"].map(counts).fillna(0).astype("Int64"))
    if "codebook" in out and "codings" in out and "n_statements" in out["codebook"]:
        in_sessions = originals[_text(originals["interview_id"]) != ""]  # as the charts
        counts = statements_per_code(out["codings"], set(_text(in_sessions["statement_id"])))
        out["codebook"]["n_statements"] = (
            out["codebook"]["code"].map(counts).fillna(0).astype("Int64"))


def describe_filters(*, actors: Iterable[str] | str | None = None,
                     clauses: Iterable[str | int] | str | int | None = None,
                     date_from: str | None = None, date_to: str | None = None,
                     keep_undated: bool = False,
                     kinds: Iterable[str] | str | None = None) -> str:
    """The filters in one French sentence (``"Aucun filtre : tout le corpus."`` if none)."""
    actors, clauses = normalise_actors(actors), normalise_clauses(clauses)
    kinds = normalise_kinds(kinds)
    date_from, date_to = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    parts = []
    if actors:
        parts.append("acteurs " + ", ".join(actors))
    if clauses:
        parts.append("clauses " + ", ".join(clauses))
    if kinds:
        parts.append("types " + ", ".join(kinds))
    if date_from and date_to:
        parts.append(f"entretiens du {date_from} au {date_to}")
    elif date_from:
        parts.append(f"entretiens à partir du {date_from}")
    elif date_to:
        parts.append(f"entretiens jusqu'au {date_to}")
    if (date_from or date_to) and keep_undated:
        parts.append("entretiens sans date gardés")
    return "Filtres : " + " ; ".join(parts) + "." if parts else NO_FILTER
