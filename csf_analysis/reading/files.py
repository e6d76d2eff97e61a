"""Find and read the note files of a notes folder, whatever the folder holds.

:func:`scan_notes` lists every ``*.md`` below the folder (hidden folders and the
team's findings, ``synthese.md`` at the top, left out) without ever leaving it:
a symbolic link whose target is outside the folder is not followed, a link loop
is walked once, and a FIFO, socket or device named ``x.md`` is never opened;
each of these is a problem row.
:func:`read_note` reads one note's bytes, refusing a note over
:data:`MAX_NOTE_BYTES` (one file per interview is the rule) and anything that
turned into something else than a regular file since the scan.
:func:`display_name` gives a name that can be written anywhere (CSV, JSON),
even where the file name is not valid UTF-8.

Example:
    >>> display_name("caf\\udce9.md")
    'caf\\ufffd.md'
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .sources import Problem

# Markdown files of the notes folder's top that are no notes: the team's findings.
FINDINGS_FILE = "synthese.md"
RESERVED = frozenset({FINDINGS_FILE})
MAX_NOTE_BYTES = 3_000_000  # about 500,000 words (a note is ~10,000): under 2 GB to read


def display_name(name: str) -> str:
    """``name`` with bytes that are not UTF-8 (surrogate escapes) shown as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def scan_notes(notes_dir: Path) -> tuple[list[Path], list[Problem]]:
    """Every ``*.md`` below ``notes_dir`` (hidden folders left out, links inside the
    folder followed once), in a stable order, and the problems met on the way."""
    root = Path(os.path.realpath(notes_dir))
    found: list[Path] = []
    problems: list[Problem] = []
    seen_dirs: set[Path] = set()
    todo, links = [Path(notes_dir)], list[Path]()  # folders linked to come last: a note's own
    while todo or links:                 # path is its name, not the link's
        folder = todo.pop() if todo else links.pop()
        real = Path(os.path.realpath(folder))
        if real in seen_dirs:  # a link loop, or a folder linked twice: once
            continue
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            problems.append(_problem(notes_dir, folder, f"dossier illisible ({error.strerror}) : "
                                                       "vérifiez ses droits de lecture"))
            continue
        for entry in entries:
            if entry.name.startswith(".") or (folder == Path(notes_dir)
                                                and entry.name in RESERVED):
                continue
            path = Path(entry.path)
            kind, problem = _kind(notes_dir, root, path, entry)
            if problem:
                problems.append(problem)
            elif kind == "dir":
                (links if entry.is_symlink() else todo).append(path)
            elif kind == "file":
                found.append(path)
    found.sort(key=lambda p: p.relative_to(notes_dir).as_posix())
    return found, problems


def _kind(notes_dir: Path, root: Path, path: Path, entry: os.DirEntry):
    """``("dir" | "file" | "", problem or None)`` for one folder entry."""
    is_note = entry.name.endswith(".md")
    if entry.is_symlink():
        real = Path(os.path.realpath(path))
        if not real.is_relative_to(root):
            if not (is_note or real.is_dir()):
                return "", None
            # The target is not named: an absolute path of this machine in problems.csv
            # would carry a login name into what the team shares (``ls -l`` shows it).
            return "", _problem(notes_dir, path, "lien symbolique qui sort du dossier des "
                                                 "notes : non suivi ; copiez la note dans le "
                                                 "dossier si elle en fait partie")
        if not real.exists():
            return "", (_problem(notes_dir, path, "lien symbolique cassé : sa cible n'existe "
                                                  "pas ; supprimez-le ou corrigez-le")
                        if is_note else None)
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return "", _problem(notes_dir, path, f"fichier illisible ({error.strerror}) : "
                                             "vérifiez ses droits de lecture")
    if stat.S_ISDIR(mode):
        return "dir", None
    if not is_note:
        return "", None
    if not stat.S_ISREG(mode):
        return "", _problem(notes_dir, path, "pas un fichier ordinaire (tube, socket ou "
                                             "périphérique) : ignoré, jamais ouvert ; retirez-le "
                                             "du dossier des notes")
    return "file", None


def _problem(notes_dir: Path, path: Path, message: str) -> Problem:
    name = display_name(path.relative_to(notes_dir).as_posix())
    return Problem(name, 1, "error" if "illisible" in message else "warning", message)


def read_note(path: Path, source_file: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of the note at ``path`` (opened read-only, never blocking), or None
    and the problem: unreadable, not a regular file, or over :data:`MAX_NOTE_BYTES`."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return None, Problem(source_file, 1, "error", f"note illisible ({error.strerror}) : "
                                                      "vérifiez ses droits de lecture")
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(source_file, 1, "warning",
                                 "pas un fichier ordinaire : ignoré ; retirez-le du dossier")
        if info.st_size > MAX_NOTE_BYTES:
            return None, too_big(source_file, info.st_size)
        data = handle.read(MAX_NOTE_BYTES + 1)
    if len(data) > MAX_NOTE_BYTES:  # it grew since fstat
        return None, too_big(source_file, len(data))
    return data, None


def too_big(source_file: str, size: int) -> Problem:
    """The error row of a note over :data:`MAX_NOTE_BYTES`."""
    return Problem(source_file, 1, "error",
                   f"note de {size / 1e6:.1f} Mo, plus que les {MAX_NOTE_BYTES / 1e6:.0f} Mo "
                   "lus par note : non lue ; scindez-la en un fichier par entretien (ou "
                   "retirez-en les pièces jointes collées dans le texte)")
