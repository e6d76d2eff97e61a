"""Rebuild when notes change: ``csf-analysis report --watch``.

The notes folder is watched with watchfiles. Each batch of changes to notes,
codebook or manual codes triggers one rebuild; a rebuild that fails (a note
that breaks the notebook, say) prints one line and the watch goes on. Every
second the watch also checks that the folder is still the one it watches: a
``git checkout`` or ``git stash`` deletes and recreates it, and a watcher on
the old folder would never see another change. When that happens the watch
says so, waits for the folder to come back, rebuilds and watches the new one.
A rebuild is redone until the notes did not change while it ran, so the last
report always matches the last edit.

Example:
    >>> watch_notes("interviews", lambda: print("rebuilt"))   # doctest: +SKIP
"""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from . import config

WATCHED_SUFFIXES = (".md", ".csv", ".yml")
CHECK_SECONDS = 1.0  # how often the folder's identity is checked


def _relevant(change, path: str) -> bool:
    name = Path(path).name
    return name.endswith(WATCHED_SUFFIXES) and not name.startswith(".") and (
        not name.endswith(".csv") or name == config.MANUAL_CODES_FILE)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _identity(folder: Path) -> tuple[int, int] | None:
    """The folder's (device, inode), or None when it is not there."""
    try:
        stat = os.stat(folder)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino) if Path(folder).is_dir() else None


def fingerprint(folder: Path) -> tuple:
    """What the rebuild reads: every watched file below ``folder``, its size and time."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if _relevant(None, str(path)):
                try:
                    stat = path.stat()
                except OSError:
                    continue
                found.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def _rebuild(folder: Path, rebuild) -> None:
    """Rebuild until the notes stop changing under it; an error is printed, not raised."""
    while True:
        before = fingerprint(folder)
        try:
            rebuild()
        except Exception as error:  # keep watching: the next save may fix it
            _say(f"csf-analysis: error: {error}")
        if fingerprint(folder) == before:
            return
        _say("notes changed during the rebuild: rebuilding again")


def _wait_for(folder: Path, stop: threading.Event) -> bool:
    """Wait until ``folder`` exists again; False if asked to stop first."""
    _say(f"notes folder {folder} is gone (a git checkout or stash?): waiting for it "
         "to come back")
    while _identity(folder) is None:
        if stop.wait(CHECK_SECONDS):
            return False
    _say(f"notes folder {folder} is back: rebuilding")
    return True


def watch_notes(notes_dir: str | Path, rebuild, *, stop_event=None) -> None:
    """Call ``rebuild()`` after each batch of changes to notes, codebook or manual codes,
    until ``stop_event`` is set (or Ctrl-C)."""
    from watchfiles import watch

    folder, stop = Path(notes_dir), stop_event or threading.Event()
    _say(f"watching {folder} (Ctrl-C to stop)")
    while not stop.is_set():
        identity = _identity(folder)
        if identity is None:
            if not _wait_for(folder, stop):
                return
            _rebuild(folder, rebuild)
            continue
        for changes in watch(folder, watch_filter=_relevant, stop_event=stop,
                             rust_timeout=int(CHECK_SECONDS * 1000), yield_on_timeout=True,
                             raise_interrupt=False):
            if _identity(folder) != identity:
                break  # deleted or replaced: watch the folder that is there now
            if changes:
                names = sorted({Path(path).name for _, path in changes})
                _say(f"changed: {', '.join(names)}: rebuilding")
                _rebuild(folder, rebuild)
                _say(f"watching {folder}")
        else:
            return
