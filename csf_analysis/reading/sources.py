"""Read a note's bytes as text, whatever editor wrote it.

UTF-8 (with or without BOM) is read as is; UTF-16 with a BOM too; a UTF-8
note with a few invalid bytes has only those replaced (U+FFFD), with a warning
per line; a note with no valid UTF-8 multibyte character but bytes that are
not UTF-8 is read as Windows-1252 with a warning; binary and
empty files are reported, never parsed. Files are only ever opened for
reading.

Example:
    >>> decode_note("Entretien du 3/02/2020".encode("cp1252") + b" \\xe9t\\xe9", "a.md")[0]
    'Entretien du 3/02/2020 été'
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .blocks import line_numbers


@dataclass(frozen=True)
class Problem:
    """One row of the ``problems`` table."""

    source_file: str
    line: int
    severity: str  # "warning" | "error"
    message: str

    def row(self) -> dict:
        return {
            "source_file": self.source_file, "line": self.line,
            "severity": self.severity, "message": self.message,
        }


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def decode_note(data: bytes, source_file: str) -> tuple[str | None, list[Problem]]:
    """Return the note's text with ``\\n`` line ends (None if unreadable) and problems."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _clean(data.decode("utf-16")), []
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        return None, [Problem(source_file, 1, "error",
                              "fichier binaire, pas une note Markdown : retirez-le du dossier "
                              "des notes ou enregistrez-le en texte (UTF-8)")]
    try:
        text = data.decode("utf-8-sig")
        problems: list[Problem] = []
    except UnicodeDecodeError as error:
        mixed, problems = _decode_mixed(data, source_file)
        text = mixed if mixed is not None else data.decode("cp1252", errors="replace")
        if mixed is None:
            problems = [Problem(
                source_file, _line_of(data, error.start), "warning",
                f"pas en UTF-8 valide (octet 0x{data[error.start]:02x} à la ligne "
                f"{_line_of(data, error.start)}) : lu en Windows-1252 (cp1252) ; "
                "réenregistrez le fichier en UTF-8 pour faire taire cet avertissement")]
    text = _clean(text)
    if not text.strip():
        problems.append(Problem(source_file, 1, "warning",
                                "note vide : rien à lire ; écrivez l'entretien ou retirez le "
                                "fichier"))
    return text, problems


_INVALID_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
MAX_BYTE_PROBLEMS = 5  # rows for stray bytes; more lines are counted in the last one


def _decode_mixed(data: bytes, source_file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 with a few stray bytes: each replaced by U+FFFD, with a warning per line.
    None when the note has no valid UTF-8 multibyte character (then it is cp1252:
    ``été`` written as single bytes)."""
    text = data.decode("utf-8-sig", errors="surrogateescape")
    if not _NON_ASCII.search(text):
        return None, []
    lines = sorted(set(line_numbers(text, [m.start() for m in _INVALID_BYTE.finditer(text)])))
    problems = [Problem(source_file, line, "warning",
                        f"octet invalide en UTF-8 à la ligne {line} : remplacé par « \ufffd » ; "
                        "corrigez le caractère à cette ligne (ou réenregistrez la note en "
                        "UTF-8)") for line in lines[:MAX_BYTE_PROBLEMS]]
    if len(lines) > MAX_BYTE_PROBLEMS:
        problems.append(Problem(
            source_file, lines[MAX_BYTE_PROBLEMS], "warning",
            f"octets invalides en UTF-8 sur {len(lines) - MAX_BYTE_PROBLEMS} autre(s) "
            f"ligne(s), à partir de la ligne {lines[MAX_BYTE_PROBLEMS]} : remplacés par "
            "« \ufffd » ; réenregistrez la note en UTF-8"))
    return _INVALID_BYTE.sub("\ufffd", text), problems


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
