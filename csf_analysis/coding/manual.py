"""Researchers' coding decisions, kept in one CSV next to the notes.

``codage-manuel.csv`` is, with ``--pseudonymise``'s correspondence table, the only
file the toolkit writes in the notes folder.
It is a log, one decision per row, readable and editable in a spreadsheet:
add a code to a statement, remove a code (an auto one, say), set the
statement's category, or write a memo on it (in ``note``), with the coder's name
and the time; or define a new code with its label (in ``text``) and parent code (in
``note``), no statement (what a codebook imported from another tool brings). Rows are keyed by
``statement_id``, which survives reruns; the latest decision of a coder on a
(statement, code) wins. A decision is never dropped: one whose statement has
disappeared from the notes is reported as a problem.

Example:
    >>> import tempfile; folder = tempfile.mkdtemp()
    >>> _ = add_code(folder, "s0123456789ab", "outillage", coder="yannick")
    >>> load_decisions(folder)[["statement_id", "action", "code", "coder"]].values.tolist()
    [['s0123456789ab', 'add', 'outillage', 'yannick']]
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .. import config
from ..atomic import write_text_atomic
from ..cells import to_csv_text, unescape_frame
from ..filesets import folder_lock
from ..reading.vocabulary import code_id
from ..schema import CATEGORIES

COLUMNS = ("statement_id", "action", "code", "coder", "time", "note", "text")
ACTIONS = ("add", "remove", "category", "memo", "define")


class DecisionError(ValueError):
    """A decision that cannot be recorded (unknown action, empty coder...)."""


def decisions_path(notes_dir: str | Path) -> Path:
    return Path(notes_dir) / config.MANUAL_CODES_FILE


def load_decisions(notes_dir: str | Path) -> pd.DataFrame:
    """All decisions, in the order they were taken (empty table if none)."""
    path = decisions_path(notes_dir)
    if not path.exists():
        return pd.DataFrame(columns=list(COLUMNS))
    text = _csv_text(path)
    header = text.split("\n", 1)[0]
    sep = ";" if ";" in header and "," not in header else ","  # Excel in French: ";"
    table = unescape_frame(pd.read_csv(io.StringIO(text), sep=sep, dtype=str,
                                       keep_default_na=False))
    missing = [c for c in ("statement_id", "action", "code", "coder") if c not in table]
    if missing:
        raise DecisionError(f"{path}: missing column(s) {', '.join(missing)}: the header "
                            f"must be {','.join(COLUMNS)}")
    for column in COLUMNS:
        if column not in table:
            table[column] = ""
    table["line"] = range(2, len(table) + 2)  # spreadsheet line, header is line 1
    return table


def _csv_text(path: Path) -> str:
    """The decisions file's text: UTF-8 as written here, or Windows-1252 as Excel in
    French saves a CSV (with ``;``, which :func:`load_decisions` reads from the header)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise DecisionError(
            f"{path}: ni UTF-8 ni Windows-1252 ; dans le tableur, enregistrez-le en « CSV UTF-8 "
            "(délimité par des virgules) »") from None


def record(notes_dir: str | Path, statement_id: str, action: str, code: str, *,
           coder: str, note: str = "", text: str = "", once: bool = False,
           time: str = "") -> pd.Series:
    """Append one decision to the CSV and return it (see :func:`record_many`).

    ``time`` (ISO) is when it was decided, if not now (a decision imported from
    another tool keeps its time). The returned row's ``recorded`` says whether it
    was written.

    Raises:
        DecisionError: an invalid decision, or a notes folder that cannot be written.
    """
    return record_many(notes_dir, [{"statement_id": statement_id, "action": action,
                                    "code": code, "coder": coder, "note": note,
                                    "text": text, "time": time}], once=once).iloc[0]


def record_many(notes_dir: str | Path, decisions: Iterable[dict], *,
                once: bool = False) -> pd.DataFrame:
    """Append ``decisions`` (dicts of ``statement_id``, ``action``, ``code``, ``coder``
    and optionally ``note``, ``text``, ``time``) to the CSV, in one read and one write.

    Every decision is checked before any is written. The read, append and atomic
    rewrite happen under a lock on the notes folder, so decisions recorded at the
    same time by several processes are all kept. A decision that is already the one
    in force for this coder (same statement, action and code), in the file or earlier
    in ``decisions``, is not written again; with ``once``, neither is one the log
    already holds at all (a list of corrections run again must not undo a newer
    decision). Returns the decisions, ``recorded`` saying which were written.

    Raises:
        DecisionError: an invalid decision, or a notes folder that cannot be written.
    """
    rows = []
    for decision in decisions:
        row = _decision_row(decision["statement_id"], decision["action"], decision["code"],
                            coder=decision["coder"], note=decision.get("note", ""),
                            text=decision.get("text", ""))
        rows.append({**row, "time": decision.get("time") or row["time"]})
    path = decisions_path(notes_dir)
    written = []
    try:
        with _locked(Path(notes_dir)):
            table = load_decisions(notes_dir).drop(columns="line", errors="ignore")
            history = _history(table)
            for row in rows:
                written.append(not _already(history, row, once=once))
                if written[-1]:
                    history.setdefault(_key(row), []).append(_decided(row))
            if any(written):
                new = pd.DataFrame([r for r, keep in zip(rows, written) if keep])
                table = pd.concat([table, new], ignore_index=True)
                write_text_atomic(path, to_csv_text(table[list(COLUMNS)]))
    except OSError as error:
        raise DecisionError(
            f"cannot write {path}: {error.strerror or error}; the decision was not "
            "recorded (make the notes folder writable, or free disk space, then run "
            "the command again)") from None
    return pd.DataFrame(rows, columns=list(COLUMNS)).assign(recorded=written)


def _decision_row(statement_id: str, action: str, code: str, *, coder: str, note: str,
                  text: str) -> dict:
    if action not in ACTIONS:
        raise DecisionError(f"unknown action {action!r}: expected one of {', '.join(ACTIONS)}")
    if not coder.strip():
        raise DecisionError("a decision needs a coder name: pass --coder NAME (or coder=...)")
    if not (statement_id.strip() or action == "define") or not (code.strip()
                                                                 or action == "memo"):
        raise DecisionError("a decision needs a statement_id and a code")
    if action == "category" and code not in CATEGORIES:
        raise DecisionError(f"unknown category {code!r}: expected one of {', '.join(CATEGORIES)}")
    if action in ("add", "remove", "define"):
        code = code_id(code)
    if action == "define":  # the parent's id in ``note``, the label in ``text``
        note = code_id(note) if note else ""
    return {"statement_id": statement_id.strip(), "action": action, "code": code.strip(),
            "coder": coder.strip(), "time": dt.datetime.now().isoformat(timespec="seconds"),
            "note": note, "text": text[:200]}


def _history(table: pd.DataFrame) -> dict[tuple, list[tuple]]:
    """What each coder decided about each topic of each statement, oldest first (see
    :func:`_key`): one pass, so checking a decision no longer filters the whole log."""
    history: dict[tuple, list[tuple]] = {}
    for row in table[["statement_id", "coder", "action", "code", "note"]].to_dict("records"):
        history.setdefault(_key(row), []).append(_decided(row))
    return history


# Actions about the statement as a whole: their topic is the action, not one code.
_WHOLE_STATEMENT = ("category", "memo")


def _key(row: dict) -> tuple:
    """(statement, coder, topic), the topic as :func:`_topic` gives it, for one row."""
    topic = "\x00" + row["action"] if row["action"] in _WHOLE_STATEMENT else row["code"]
    return row["statement_id"], row["coder"], topic


def _decided(row: dict) -> tuple:
    """What a decision says about its topic (a memo's text too)."""
    return row["action"], row["code"], row["note"] if row["action"] == "memo" else ""


def _topic(decisions: pd.DataFrame) -> pd.Series:
    """What each decision is about, for one coder and statement: its category, its
    memo, or one code (added or removed)."""
    return decisions["code"].where(~decisions["action"].isin(_WHOLE_STATEMENT),
                                   "\x00" + decisions["action"])


def _already(history: dict[tuple, list[tuple]], row: dict, *, once: bool) -> bool:
    """Is ``row`` the decision in force (or, with ``once``, anywhere in the log)?"""
    before = history.get(_key(row), [])
    if once and _decided(row) in before:
        return True
    return bool(before) and before[-1] == _decided(row)


@contextlib.contextmanager
def _locked(folder: Path):
    """Hold the notes folder's lock (:func:`csf_analysis.filesets.folder_lock`); clear
    the temporary file of a write killed half way."""
    with folder_lock(folder):
        for tmp in folder.glob(f".{config.MANUAL_CODES_FILE}.*.tmp"):
            tmp.unlink(missing_ok=True)
        yield


def withdraw(notes_dir: str | Path, decision: dict | pd.Series) -> bool:
    """Take back ``decision`` (an undo): the last row of the log equal to it on every
    column is deleted, under the folder's lock. Returns whether one was found."""
    path = decisions_path(notes_dir)
    try:
        with _locked(Path(notes_dir)):
            table = load_decisions(notes_dir).drop(columns="line", errors="ignore")
            same = (table[list(COLUMNS)] == pd.Series(
                {c: str(decision[c]) for c in COLUMNS})).all(axis=1)
            if not same.any():
                return False
            table = table.drop(index=same[same].index[-1])
            write_text_atomic(path, to_csv_text(table[list(COLUMNS)]))
    except OSError as error:
        raise DecisionError(
            f"cannot write {path}: {error.strerror or error}; the decision was not taken "
            "back (make the notes folder writable, then undo again)") from None
    return True


def add_code(notes_dir, statement_id: str, code: str, *, coder: str, note: str = "",
             text: str = "", once: bool = False) -> pd.Series:
    """Code ``statement_id`` with ``code`` (created in the codebook if new)."""
    return record(notes_dir, statement_id, "add", code, coder=coder, note=note, text=text,
                  once=once)


def remove_code(notes_dir, statement_id: str, code: str, *, coder: str, note: str = "",
                text: str = "", once: bool = False) -> pd.Series:
    """Remove ``code`` from ``statement_id`` (an auto or inline code, or an earlier add)."""
    return record(notes_dir, statement_id, "remove", code, coder=coder, note=note, text=text,
                  once=once)


def set_category(notes_dir, statement_id: str, category: str, *, coder: str, note: str = "",
                 text: str = "", once: bool = False) -> pd.Series:
    """Set the category of ``statement_id`` (origin ``manual``)."""
    return record(notes_dir, statement_id, "category", category, coder=coder, note=note,
                  text=text, once=once)


def define_code(notes_dir, code: str, *, label: str, parent: str = "", coder: str,
                time: str = "") -> pd.Series:
    """Define a new code ``code`` (an id or a name), its ``label`` and ``parent`` code,
    once: coding with it creates it under its parent."""
    return record(notes_dir, "", "define", code, coder=coder, note=parent, text=label,
                  once=True, time=time)


def latest(decisions: pd.DataFrame) -> pd.DataFrame:
    """The decisions in force: per coder, the last one on each (statement, code);
    for categories and memos, the last one per (coder, statement)."""
    if decisions.empty:
        return decisions
    keyed = decisions.assign(_key=_topic(decisions))
    return keyed.drop_duplicates(["statement_id", "coder", "_key"], keep="last").drop(
        columns="_key")
