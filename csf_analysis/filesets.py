"""Replace a set of files together (a report, the tables): all new or all old.

A build writes its files into a staging folder ``.build-*`` inside the
destination folder, then :meth:`Staging.commit` moves them into place. The
moves are renames inside one file system, so they cannot fail for want of
space; before the first one, a journal (``.build-XXXX.swap.json``) names the
files. If the process is killed between two renames,
the next run finds the journal and finishes the moves (roll forward), so the
set is whole again: all new. If the build fails or is killed before the
journal is written, the destination was never touched: all old; the next run
removes the staging folder it left. A staging folder is locked (``flock``) by
its build while it runs, so a second build running at the same time never
removes it.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> out = Path(tempfile.mkdtemp())
    >>> with Staging(out) as stage:
    ...     _ = (stage.path / "a.csv").write_text("x\\n")
    ...     _ = (stage.path / "b.csv").write_text("y\\n")
    ...     stage.commit(["a.csv", "b.csv"])
    >>> sorted(p.name for p in out.iterdir())
    ['a.csv', 'b.csv']
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, stale folders kept
    fcntl = None  # type: ignore[assignment]

__all__ = ["PREFIX", "Staging", "folder_lock", "recover"]

PREFIX = ".build-"
_JOURNAL = ".swap.json"  # "<staging folder name>.swap.json", beside the staging folder


def _open_dir(path: Path) -> int | None:
    try:
        return os.open(path, os.O_RDONLY)
    except OSError:
        return None


def _try_lock(path: Path) -> int | None:
    """An fd holding an exclusive lock on the folder ``path``, or None if another
    process holds it (or the folder is gone, or this system has no flock)."""
    fd = _open_dir(path) if fcntl is not None else None
    if fd is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


@contextlib.contextmanager
def folder_lock(folder: Path):
    """Hold an exclusive lock on ``folder`` itself (``flock`` on the folder, so no lock
    file is left behind): one commit, recovery or decision write at a time. Raises
    OSError when the folder cannot be opened."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _write_journal(path: Path, entry: dict) -> None:
    """Write the journal in place (a torn journal only means: the renames never began)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(entry))
        handle.flush()
        os.fsync(handle.fileno())


def _roll_forward(journal: Path) -> None:
    """Finish the moves a killed commit left half done, then forget the journal."""
    folder = journal.parent
    try:
        names = list(json.loads(journal.read_text("utf-8"))["names"])
    except (OSError, ValueError, KeyError, TypeError):
        names = []  # torn or unreadable: written before the first rename
    staging = folder / journal.name[: -len(_JOURNAL)]
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            os.replace(staging / Path(name).name, folder / Path(name).name)
    journal.unlink(missing_ok=True)


def recover(folder: str | os.PathLike) -> list[str]:
    """Finish or clear what killed builds left in ``folder``; return the names removed.

    A staging folder locked by a running build is left alone."""
    folder, removed = Path(folder), []
    with folder_lock(folder):
        for journal in sorted(folder.glob(PREFIX + "*" + _JOURNAL)):
            _roll_forward(journal)
            removed.append(journal.name)
        for path in sorted(folder.glob(PREFIX + "*")):
            if not path.is_dir():
                continue
            fd = _try_lock(path)
            if fd is None:
                continue  # a build running now: leave it
            try:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
            finally:
                os.close(fd)
    return removed


class Staging(contextlib.AbstractContextManager):
    """A locked staging folder in ``folder``; removed on exit whatever happens."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.path: Path | None = None
        self._fd: int | None = None

    def __enter__(self) -> Staging:
        self.folder.mkdir(parents=True, exist_ok=True)
        recover(self.folder)
        self.path = Path(tempfile.mkdtemp(dir=self.folder, prefix=PREFIX))
        self._fd = _try_lock(self.path)
        return self

    @property
    def staged(self) -> Path:
        """The staging folder, once entered (``with Staging(folder) as stage``)."""
        if self.path is None:
            raise RuntimeError("Staging is used in a with block: with Staging(folder) as stage")
        return self.path

    def commit(self, names: list[str], *, check=None) -> None:
        """Move ``names`` from the staging folder into place, journalled (see module).
        ``check(paths)`` sees the staged files first: if it raises, nothing moves."""
        staged = self.staged
        missing = [name for name in names if not (staged / name).is_file()]
        if missing:
            raise FileNotFoundError(f"nothing to commit for {', '.join(missing)}")
        if check is not None:
            check([staged / name for name in names])
        journal = self.folder / (staged.name + _JOURNAL)
        with folder_lock(self.folder):
            _write_journal(journal, {"names": list(names)})
            for name in names:
                os.replace(staged / name, self.folder / name)
            journal.unlink()

    def __exit__(self, *exc) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
        if self._fd is not None:
            os.close(self._fd)
