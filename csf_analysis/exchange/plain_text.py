"""The plain text of an interview as other qualitative tools receive it, with the
span of every statement recorded while the text is written (never searched for).

A source is the interview's title, then its statements in note order, each on its
own paragraph, a section's name before its first statement and the speaker before
the statement (outside its span). Lines end in LF, the text has no BOM; a span is
``(start, end)`` in code points from 0, the end excluded, as REFI-QDA counts them:
``text[start:end]`` is the statement's text, whatever its accents (NFC or NFD),
quotes, emoji or tags.

Example:
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"statement_id": ["s1", "s2"], "section": ["Accueil", "Accueil"],
    ...                      "speaker": ["Tutrice", ""], "text": ["C'est « dur ».", "Suite"]})
    >>> source = derived_text("Entreprise 6", rows)
    >>> print(source.text)
    Entreprise 6
    <BLANKLINE>
    Accueil
    <BLANKLINE>
    Tutrice : C'est « dur ».
    <BLANKLINE>
    Suite
    <BLANKLINE>
    <BLANKLINE>
    >>> start, end = source.spans["s1"]; source.text[start:end]
    "C'est « dur »."
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["DerivedText", "derived_text", "interview_texts"]


@dataclass
class DerivedText:
    """A source's text and the span of each statement in it (statement_id -> span)."""

    text: str
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


def _one_line(value: object) -> str:
    """A title, section or speaker on one line (a line break would start a paragraph)."""
    return " ".join(str(value or "").split())


def derived_text(title: str, statements: pd.DataFrame) -> DerivedText:
    """The source of one interview: ``title``, then ``statements`` (statement_id,
    section, speaker, text) in the order given."""
    parts: list[str] = []
    size = 0
    spans: dict[str, tuple[int, int]] = {}

    def write(piece: str) -> None:
        nonlocal size
        parts.append(piece)
        size += len(piece)

    write(_one_line(title) + "\n\n")
    section = None
    for row in statements.itertuples(index=False):
        if _one_line(row.section) and row.section != section:
            write(_one_line(row.section) + "\n\n")
        section = row.section
        speaker = _one_line(row.speaker)
        if speaker:
            write(f"{speaker} : ")
        text = str(row.text).replace("\r\n", "\n").replace("\r", "\n")
        spans[str(row.statement_id)] = (size, size + len(text))
        write(text + "\n\n")
    return DerivedText("".join(parts), spans)


def interview_texts(interviews: pd.DataFrame, statements: pd.DataFrame) -> dict[str, DerivedText]:
    """interview_id -> its :class:`DerivedText`, statements in (file, line) order."""
    ordered = statements.sort_values(["source_file", "line"], kind="stable")
    by_interview = dict(tuple(ordered.groupby("interview_id", sort=False)))
    return {row.interview_id: derived_text(row.title or row.interview_id,
                                           by_interview.get(row.interview_id,
                                                            statements.iloc[0:0]))
            for row in interviews.itertuples(index=False)}
