"""CSV cells a spreadsheet cannot run: the OWASP "CSV injection" defence.

Excel and LibreOffice read a cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula (``=HYPERLINK(...)``, ``@SUM(...)``,
``=cmd|' /C calc'!A0``). Every text cell the toolkit writes to CSV goes through
:func:`escape_cell`: such a cell gets a leading apostrophe, which both
spreadsheets show as plain text. A cell that already starts with an apostrophe
gets one more, so :func:`unescape_cell` gives back the raw text exactly; the
Python API (``corpus.statements`` ...) always holds the raw text.

Example:
    >>> escape_cell("=1+1"), escape_cell("- 5 jeunes"), escape_cell("Bonjour")
    ("'=1+1", "'- 5 jeunes", 'Bonjour')
    >>> unescape_cell(escape_cell("'=déjà échappé"))
    "'=déjà échappé"
"""
from __future__ import annotations

import io

import pandas as pd

__all__ = ["FORMULA_STARTS", "escape_cell", "escape_frame", "to_csv_text", "unescape_cell",
           "unescape_frame"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS = (*FORMULA_STARTS, "'")


def escape_cell(value):
    """``value`` with a leading ``'`` if a spreadsheet could read it as a formula
    (or if it starts with ``'``, to stay reversible); non-strings are returned as is."""
    if isinstance(value, str) and value.startswith(_ESCAPED_STARTS):
        return "'" + value
    return value


def unescape_cell(value):
    """The raw text of a cell written by :func:`escape_cell`."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(
            _ESCAPED_STARTS):
        return value[1:]
    return value


def _text_columns(table: pd.DataFrame) -> list:
    return [c for c in table.columns
            if table[c].dtype == object or pd.api.types.is_string_dtype(table[c].dtype)]


def escape_frame(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells (and column names) are escaped."""
    out = table.copy()
    for column in _text_columns(out):
        out[column] = out[column].map(escape_cell)
    return out.rename(columns=escape_cell)


def unescape_frame(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` read back from an escaped CSV, with the raw text in every text cell."""
    out = table.copy()
    for column in _text_columns(out):
        out[column] = out[column].map(unescape_cell)
    return out.rename(columns=unescape_cell)


def to_csv_text(table: pd.DataFrame) -> str:
    """``table`` as CSV text (no index) with every text cell escaped.

    Lines end with ``\n``; a table holding a carriage return in a cell is written with
    ``\r\n`` line ends instead, the only way the CSV writer quotes that cell (a bare
    ``\r`` left unquoted would start a new row in every reader)."""
    escaped = escape_frame(table)
    has_cr = any(escaped[c].astype(str).str.contains("\r", regex=False).any()
                 for c in _text_columns(escaped))
    buffer = io.StringIO()
    escaped.to_csv(buffer, index=False, lineterminator="\r\n" if has_cr else "\n")
    return buffer.getvalue()
