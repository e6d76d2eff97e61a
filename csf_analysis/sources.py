"""Read a note's bytes as text, whatever editor wrote it.

UTF-8 (with or without BOM) is read as is; UTF-16 with a BOM too; bytes that
are not valid UTF-8 fall back to Windows-1252 with a warning; binary and
empty files are reported, never parsed. Files are only ever opened for
reading.

Example:
    >>> decode_note("Entretien du 3/02/2020".encode("cp1252") + b" \\xe9t\\xe9", "a.md")[0]
    'Entretien du 3/02/2020 été'
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass


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
        problems = []
    except UnicodeDecodeError as error:
        text = data.decode("cp1252", errors="replace")
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


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
