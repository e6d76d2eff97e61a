"""Atomic file writes: a reader sees the old file or the new one, never half of one.

The data goes to a temporary file in the destination folder, is flushed and
fsynced, then moved over the destination with ``os.replace`` (atomic on
POSIX and Windows when both are on the same file system). If anything fails,
the temporary file is removed and the destination is left untouched.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = write_text_atomic(folder / "synthese.html", "<p>été</p>")
    >>> (folder / "synthese.html").read_text(encoding="utf-8")
    '<p>été</p>'
    >>> with open_atomic(folder / "table.csv", "w") as handle:
    ...     _ = handle.write("code;label\\n")
    >>> sorted(p.name for p in folder.iterdir())
    ['synthese.html', 'table.csv']
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["open_atomic", "write_bytes_atomic", "write_text_atomic"]


def _read_umask() -> int:
    # os.umask can only be read by setting it; do it once, at import time,
    # so that threads creating files later never see a zero umask.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _final_mode(path: Path) -> int:
    """Mode for the new file: the old file's mode, else what open() would give."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_UMASK


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX only; best effort)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def open_atomic(
    path: str | os.PathLike[str], mode: str = "wb", *, encoding: str = "utf-8"
) -> Iterator[IO]:
    """Open a temporary file that replaces ``path`` when the block ends cleanly.

    Args:
        path: Destination file. Its folder must exist.
        mode: ``"wb"`` (bytes) or ``"w"`` (text).
        encoding: Text encoding, used only with ``mode="w"``.

    Yields:
        The open temporary file. If the block raises, the temporary file is
        deleted, the destination is unchanged and the exception propagates.

    Raises:
        ValueError: If ``mode`` is not ``"w"`` or ``"wb"``.
        FileNotFoundError: If the destination folder does not exist.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"open_atomic: expected mode 'w' or 'wb', got {mode!r}.")
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise FileNotFoundError(
            f"Cannot write {path}: the folder {folder} does not exist. "
            "Create it first (for example with Path.mkdir(parents=True))."
        )
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=encoding if mode == "w" else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _final_mode(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically.

    Args:
        path: Destination file. Its folder must exist.
        data: The bytes to write.

    Returns:
        The destination as a ``Path``.

    Raises:
        TypeError: If ``data`` is not bytes-like.
        FileNotFoundError: If the destination folder does not exist.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"write_bytes_atomic: expected bytes, got {type(data).__name__}; "
            "use write_text_atomic for text."
        )
    with open_atomic(path, "wb") as handle:
        handle.write(data)
    return Path(path)


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8"
) -> Path:
    """Write ``text`` to ``path`` atomically.

    Args:
        path: Destination file. Its folder must exist.
        text: The text to write (newlines are written as given on POSIX).
        encoding: Text encoding, UTF-8 by default.

    Returns:
        The destination as a ``Path``.

    Raises:
        TypeError: If ``text`` is not a string.
        FileNotFoundError: If the destination folder does not exist.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"write_text_atomic: expected str, got {type(text).__name__}; "
            "use write_bytes_atomic for bytes."
        )
    with open_atomic(path, "w", encoding=encoding) as handle:
        handle.write(text)
    return Path(path)
