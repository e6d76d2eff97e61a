"""Rebuild when notes change: ``csf-analysis report --watch``.

Example:
    >>> watch_notes("interviews", lambda: print("rebuilt"))   # doctest: +SKIP
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import config

WATCHED_SUFFIXES = (".md", ".csv", ".yml")


def _relevant(change, path: str) -> bool:
    name = Path(path).name
    return name.endswith(WATCHED_SUFFIXES) and not name.startswith(".") and (
        not name.endswith(".csv") or name == config.MANUAL_CODES_FILE)


def watch_notes(notes_dir: str | Path, rebuild, *, stop_event=None) -> None:
    """Call ``rebuild()`` after each batch of changes to notes, codebook or manual codes."""
    from watchfiles import watch

    print(f"watching {notes_dir} (Ctrl-C to stop)", file=sys.stderr)
    for changes in watch(notes_dir, watch_filter=_relevant, stop_event=stop_event,
                         raise_interrupt=False):
        names = sorted({Path(path).name for _, path in changes})
        print(f"changed: {', '.join(names)}: rebuilding", file=sys.stderr)
        try:
            rebuild()
        except Exception as error:  # keep watching: the next save may fix it
            print(f"csf-analysis: error: {error}", file=sys.stderr)
