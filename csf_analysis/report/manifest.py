"""What the previous report contained, to say what is new in this one.

The manifest (``synthese-manifest.json`` beside the report) keeps the
statement and interview ids of the last build (``current``) and of the last
build whose content differed (``previous``). A rebuild from unchanged notes
compares with ``previous`` again, so the same notes always give the same
report; a build from changed notes compares with ``current``.

Example:
    >>> m = Manifest()
    >>> m.baseline({"s1"}) is None          # first report
    True
    >>> m = m.updated(statements={"s1"}, interviews={"i1"}, date="2020-03-01")
    >>> sorted(m.baseline({"s1", "s2"})["statements"])
    ['s1']
    >>> m.baseline({"s1"}) is None          # same notes: still the first report
    True
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_text_atomic

__all__ = ["FILE_NAME", "Manifest", "load_manifest", "save_manifest"]

FILE_NAME = "synthese-manifest.json"
_BUILD_KEYS = ("date", "statements", "interviews")


@dataclass(frozen=True)
class Manifest:
    """The last build (``current``) and the last one with other content (``previous``).

    Each build is ``{"date": ISO date, "statements": [ids], "interviews": [ids]}``
    or None.
    """

    current: dict | None = None
    previous: dict | None = None

    def baseline(self, statements: set[str]) -> dict | None:
        """The build to compare with, or None when this is the first report."""
        if self.current is None:
            return None
        if set(self.current["statements"]) == set(statements):
            return self.previous
        return self.current

    def updated(self, *, statements: set[str], interviews: set[str], date: str) -> Manifest:
        """The manifest after a successful build of this content."""
        build = {"date": date, "statements": sorted(statements),
                 "interviews": sorted(interviews)}
        if self.current is not None and set(self.current["statements"]) == set(statements):
            return Manifest(build, self.previous)
        return Manifest(build, self.current)


def _build(value) -> dict | None:
    """A build read from JSON, or None; raises ValueError when it is malformed."""
    if value is None:
        return None
    if not isinstance(value, dict) or not all(key in value for key in _BUILD_KEYS) \
            or not isinstance(value["date"], str) \
            or not all(isinstance(value[key], list) for key in _BUILD_KEYS[1:]):
        raise ValueError(f"expected a build with {_BUILD_KEYS}, found {value!r:.80}")
    return {key: value[key] for key in _BUILD_KEYS}


def load_manifest(path: str | Path) -> Manifest:
    """Read the manifest; a missing, unreadable or malformed one means "first report"."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        return Manifest(_build(data.get("current")), _build(data.get("previous")))
    except (OSError, ValueError, AttributeError):
        return Manifest()


def save_manifest(manifest: Manifest, path: str | Path) -> Path:
    """Write the manifest as JSON, atomically; return its path."""
    data = {"current": manifest.current, "previous": manifest.previous}
    return write_text_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=1))
