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
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_text_atomic

FILE_NAME = "synthese-manifest.json"


@dataclass(frozen=True)
class Manifest:
    current: dict | None = None
    previous: dict | None = None
    extra: dict = field(default_factory=dict)

    def baseline(self, statements: set[str]) -> dict | None:
        """The build to compare with, or None when this is the first report."""
        if self.current is None:
            return None
        if set(self.current["statements"]) == set(statements):
            return self.previous
        return self.current

    def updated(self, *, statements: set[str], interviews: set[str], date: str) -> "Manifest":
        """The manifest after a successful build of this content."""
        build = {"date": date, "statements": sorted(statements),
                 "interviews": sorted(interviews)}
        if self.current is not None and set(self.current["statements"]) == set(statements):
            return Manifest(build, self.previous)
        return Manifest(build, self.current)


def load_manifest(path: str | Path) -> Manifest:
    """Read the manifest; a missing or unreadable one means "first report"."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        return Manifest(data.get("current"), data.get("previous"))
    except (OSError, ValueError, AttributeError):
        return Manifest()


def save_manifest(manifest: Manifest, path: str | Path) -> Path:
    data = {"current": manifest.current, "previous": manifest.previous}
    return write_text_atomic(Path(path), json.dumps(data, ensure_ascii=False, indent=1))
