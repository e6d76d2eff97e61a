"""Tests for csf_analysis.atomic: atomic file writes."""
from __future__ import annotations

import os
import stat

import pytest

from csf_analysis import atomic
from csf_analysis.atomic import open_atomic, write_bytes_atomic, write_text_atomic


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_text_creates_file_with_exact_content(tmp_path):
    target = tmp_path / "synthese.html"
    result = write_text_atomic(target, "<p>Représentation, été, à</p>\n")
    assert result == target
    assert target.read_bytes() == "<p>Représentation, été, à</p>\n".encode("utf-8")
    assert _leftovers(tmp_path) == []


def test_write_text_honours_encoding(tmp_path):
    target = tmp_path / "notes.txt"
    write_text_atomic(target, "été", encoding="cp1252")
    assert target.read_bytes() == "été".encode("cp1252")


def test_write_bytes_replaces_existing_file_and_keeps_its_mode(tmp_path):
    target = tmp_path / "synthese.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_bytes_atomic(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_file_gets_the_umask_mode_not_the_private_temp_mode(tmp_path):
    target = tmp_path / "new.pdf"
    write_bytes_atomic(target, b"data")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~atomic._UMASK


def test_error_inside_block_keeps_old_file_and_removes_temp(tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("ancien", encoding="utf-8")
    with pytest.raises(RuntimeError, match="boom"):
        with open_atomic(target, "w") as handle:
            handle.write("nouveau, à moitié écrit")
            raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "ancien"
    assert _leftovers(tmp_path) == []


def test_failed_replace_removes_temp(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_bytes_atomic(tmp_path / "x.pdf", b"data")
    assert list(tmp_path.iterdir()) == []


def test_temp_file_lives_in_destination_folder(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append((os.path.dirname(src), os.path.basename(src)))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", spy)
    write_text_atomic(tmp_path / "rapport.html", "x")
    assert seen[0][0] == str(tmp_path)
    assert seen[0][1].startswith(".rapport.html.") and seen[0][1].endswith(".tmp")


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        write_text_atomic(tmp_path / "absent" / "x.html", "x")


def test_wrong_types_and_modes_are_rejected_without_leftovers(tmp_path):
    with pytest.raises(TypeError, match="use write_text_atomic"):
        write_bytes_atomic(tmp_path / "x.pdf", "texte")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="use write_bytes_atomic"):
        write_text_atomic(tmp_path / "x.html", b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="expected mode"):
        with open_atomic(tmp_path / "x", "a"):
            pass
    assert list(tmp_path.iterdir()) == []
