"""Tests for csf_analysis.filesets: a set of files replaced together, even after a kill."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from csf_analysis.filesets import PREFIX, Staging, recover

NAMES = ["a.pdf", "a.html", "a.ipynb", "manifest.json"]


def write_set(folder, version: str) -> None:
    with Staging(folder) as stage:
        for name in NAMES:
            (stage.path / name).write_text(f"{version} {name}")
        stage.commit(NAMES)


def versions(folder) -> set[str]:
    return {(folder / name).read_text().split()[0] for name in NAMES}


def test_commit_replaces_every_file_and_leaves_nothing_behind(tmp_path):
    write_set(tmp_path, "v1")
    write_set(tmp_path, "v2")
    assert versions(tmp_path) == {"v2"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(NAMES)


def test_a_failed_build_leaves_the_previous_set(tmp_path):
    write_set(tmp_path, "v1")
    with pytest.raises(OSError), Staging(tmp_path) as stage:
        (stage.path / "a.pdf").write_text("v2 a.pdf")
        raise OSError(28, "No space left on device")
    assert versions(tmp_path) == {"v1"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(NAMES)


@pytest.mark.parametrize("renamed", [0, 1, 2, 3])
def test_a_kill_between_renames_is_finished_by_the_next_run(tmp_path, monkeypatch, renamed):
    """The process dies after ``renamed`` of the four renames: the set is mixed until the
    next run, which rolls the journal forward (all new) and removes the staging folder."""
    write_set(tmp_path, "v1")
    real_replace, calls = os.replace, []

    def dying_replace(src, dst):
        if len(calls) == renamed:
            raise SystemExit("killed")  # nothing after this point runs: like kill -9
        calls.append(dst)
        real_replace(src, dst)

    stage = Staging(tmp_path).__enter__()
    for name in NAMES:
        (stage.path / name).write_text(f"v2 {name}")
    monkeypatch.setattr(os, "replace", dying_replace)
    with pytest.raises(SystemExit):
        stage.commit(NAMES)
    monkeypatch.setattr(os, "replace", real_replace)
    os.close(stage._fd)  # the killed process's lock goes with it
    recover(tmp_path)
    assert versions(tmp_path) == {"v2"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(NAMES)


def test_a_build_killed_before_its_commit_is_cleared_by_the_next_run(tmp_path):
    write_set(tmp_path, "v1")
    script = textwrap.dedent(f"""
        import os, sys
        from csf_analysis.filesets import Staging
        stage = Staging({str(tmp_path)!r}).__enter__()
        (stage.path / "a.pdf").write_text("half")
        os.kill(os.getpid(), 9)
    """)
    subprocess.run([sys.executable, "-c", script], check=False)
    assert any(p.name.startswith(PREFIX) for p in tmp_path.iterdir())
    write_set(tmp_path, "v2")
    assert versions(tmp_path) == {"v2"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(NAMES)


def test_a_running_build_is_never_cleared_by_another(tmp_path):
    with Staging(tmp_path) as running:
        (running.path / "a.pdf").write_text("in progress")
        assert recover(tmp_path) == []
        write_set(tmp_path, "v2")  # a second build at the same time
        assert (running.path / "a.pdf").read_text() == "in progress"
    assert versions(tmp_path) == {"v2"}


def test_a_torn_journal_means_the_renames_never_began(tmp_path):
    write_set(tmp_path, "v1")
    (tmp_path / f"{PREFIX}x.swap.json").write_text('{"names": ["a.p')
    (tmp_path / f"{PREFIX}x").mkdir()
    recover(tmp_path)
    assert versions(tmp_path) == {"v1"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(NAMES)
