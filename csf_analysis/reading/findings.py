"""The team's own findings: ``synthese.md`` in the notes folder, with its citations.

Researchers write what they conclude in Markdown, in the file
:data:`FINDINGS_FILE` at the top of the notes folder (the notes scan leaves
it out: it is no interview). A citation points at what a note says:

- ``[@s9e25af9cfea4]``: a statement, by the id the coding notebook shows;
- ``[@entretien-entreprises.md:57]``: a note's file and line: every
  statement that starts on that line.

:func:`read_findings` reads the file and resolves each citation against the
statements. A citation that no longer resolves (the note changed, an id
mistyped) keeps its place in the text, and becomes a problem row that names
the file, the line and what to do: nothing is dropped. The report shows the
quote and its provenance in place of each citation.

Example:
    >>> import pandas as pd
    >>> statements = pd.DataFrame({"statement_id": ["s0123456789ab", "sba9876543210"],
    ...                            "source_file": ["n.md", "n.md"], "line": [3, 3]})
    >>> found = resolve_findings("Un constat [@n.md:3].\\n\\nUn autre [@s999999999999].",
    ...                          statements)
    >>> [(c.key, c.line, c.statement_ids) for c in found.citations]
    [('n.md:3', 1, ['s0123456789ab', 'sba9876543210']), ('s999999999999', 3, [])]
    >>> found.problems[0].line, found.problems[0].message.split(" (")[0]
    (3, 'la citation [@s999999999999] ne renvoie à aucun énoncé des notes')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .files import FINDINGS_FILE, read_note
from .sources import Problem, decode_note

__all__ = ["CITATION_RE", "FINDINGS_FILE", "Citation", "Findings", "read_findings",
           "resolve_findings"]

CITATION_RE = re.compile(r"\[@([^\[\]\s]+)\]")
_FILE_LINE = re.compile(r"^(?P<file>.+\.md):(?P<line>\d+)$")


@dataclass
class Citation:
    """One ``[@...]`` of the findings: as written, where, and what it resolves to."""

    key: str  # "s9e25af9cfea4" or "entretien-entreprises.md:57"
    line: int  # its line in the findings file
    statement_ids: list[str] = field(default_factory=list)  # [] when it no longer resolves


@dataclass
class Findings:
    """The findings file's Markdown, its citations in the order written, and the
    problem rows of those that no longer resolve. ``source_file`` "" : no file."""

    source_file: str = ""
    text: str = ""
    citations: list[Citation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_findings(notes_dir: str | Path, statements: pd.DataFrame) -> Findings:
    """The findings of ``notes_dir/synthese.md`` resolved against ``statements``, or
    empty :class:`Findings` when the team has not written the file."""
    path = Path(notes_dir) / FINDINGS_FILE
    if not path.is_file():
        return Findings()
    data, problem = read_note(path, FINDINGS_FILE)
    if data is None:
        return Findings(FINDINGS_FILE, problems=[problem] if problem else [])
    text, problems = decode_note(data, FINDINGS_FILE)
    found = resolve_findings(text or "", statements)
    found.problems[:0] = problems
    return found


def resolve_findings(text: str, statements: pd.DataFrame, *,
                     source_file: str = FINDINGS_FILE) -> Findings:
    """Resolve every citation of ``text`` (the findings' Markdown) against
    ``statements`` (``statement_id``, ``source_file``, ``line``)."""
    ids = set(statements["statement_id"])
    by_line: dict[tuple[str, int], list[str]] = {}
    for sid, file, line in zip(statements["statement_id"], statements["source_file"],
                               statements["line"]):
        by_line.setdefault((file, int(line)), []).append(sid)
    files = set(statements["source_file"])
    citations, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in CITATION_RE.finditer(line):
            citation = Citation(match.group(1), number)
            citation.statement_ids, why = _resolve(citation.key, ids, by_line, files)
            if why:
                problems.append(Problem(source_file, number, "warning",
                                        f"la citation [@{citation.key}] {why}"))
            citations.append(citation)
    return Findings(source_file, text, citations, problems)


def _resolve(key: str, ids: set[str], by_line: dict, files: set[str]) -> tuple[list[str], str]:
    """The statements ``key`` cites, or [] and why not (the end of a problem message)."""
    at = _FILE_LINE.match(key)
    if at is None:
        if key in ids:
            return [key], ""
        return [], ("ne renvoie à aucun énoncé des notes (la note a changé, ou l'identifiant "
                    "est mal recopié) : recopiez la citation depuis le carnet de codage, "
                    "ou citez fichier.md:ligne ; elle est montrée comme introuvable")
    file, line = at.group("file"), int(at.group("line"))
    if file not in files:
        return [], (f"cite {file}, qui n'est pas une note du dossier : corrigez le nom du "
                    "fichier ; elle est montrée comme introuvable")
    found = by_line.get((file, line), [])
    if not found:
        return [], (f"cite la ligne {line} de {file}, où ne commence aucun énoncé (la note a "
                    "changé ?) : corrigez le numéro de ligne ; elle est montrée comme "
                    "introuvable")
    return list(found), ""

