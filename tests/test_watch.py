"""Tests for csf_analysis.watch: ``report --watch`` follows the notes folder through
errors and through a delete and re-create (what git checkout and git stash do)."""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from csf_analysis import watch


class Recorder:
    """A rebuild that records what the notes held, and can fail on demand."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.seen, self.fail = folder, [], False

    def __call__(self) -> None:
        texts = sorted(p.read_text() for p in self.folder.glob("*.md"))
        self.seen.append(texts)
        if self.fail:
            raise ValueError("note cassée")


def wait_until(condition, seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def watching(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(watch, "CHECK_SECONDS", 0.3)
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text("v1")
    recorder, stop = Recorder(folder), threading.Event()
    thread = threading.Thread(target=watch.watch_notes, args=(folder, recorder),
                              kwargs={"stop_event": stop}, daemon=True)
    thread.start()
    time.sleep(1.0)  # let the watcher start
    yield folder, recorder
    stop.set()
    thread.join(10)
    assert not thread.is_alive(), "the watch did not stop"


def test_an_edit_rebuilds(watching):
    folder, recorder = watching
    (folder / "a.md").write_text("v2")
    assert wait_until(lambda: recorder.seen and recorder.seen[-1] == ["v2"])


def test_a_failing_rebuild_keeps_the_watch_alive(watching, capsys):
    folder, recorder = watching
    recorder.fail = True
    (folder / "a.md").write_text("cassé")
    assert wait_until(lambda: recorder.seen)
    recorder.fail = False
    (folder / "a.md").write_text("réparé")
    assert wait_until(lambda: recorder.seen[-1] == ["réparé"])
    assert "csf-analysis: error: note cassée" in capsys.readouterr().err


def test_a_deleted_and_recreated_folder_is_watched_again(watching, capsys):
    folder, recorder = watching
    shutil.rmtree(folder)
    time.sleep(1.0)
    folder.mkdir()
    (folder / "a.md").write_text("après checkout")
    assert wait_until(lambda: recorder.seen and recorder.seen[-1] == ["après checkout"])
    (folder / "a.md").write_text("modifiée ensuite")
    assert wait_until(lambda: recorder.seen[-1] == ["modifiée ensuite"])
    err = capsys.readouterr().err
    assert "is gone" in err and "is back: rebuilding" in err


def test_a_change_during_a_rebuild_is_rebuilt_again(tmp_path, capsys):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.md").write_text("v1")
    seen = []

    def slow_rebuild():
        seen.append((folder / "a.md").read_text())
        if len(seen) == 1:
            (folder / "a.md").write_text("v2, écrite pendant la reconstruction")

    watch._rebuild(folder, slow_rebuild)
    assert seen == ["v1", "v2, écrite pendant la reconstruction"]
