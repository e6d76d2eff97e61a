"""Tests for csf_analysis.workers: the same tables whether notes are parsed here or
in worker processes, how many workers a job gets, and a broken pool's fallback."""
from __future__ import annotations

import doctest
import shutil
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pandas as pd
import pytest

from csf_analysis import workers
from csf_analysis.corpus import load_corpus
from csf_analysis.workers import Task, Workers, tasks_of, worker_count

FIXTURE_NOTES = Path(__file__).parent / "fixtures" / "notes"


def test_docstring_examples_hold(monkeypatch):
    monkeypatch.delenv("CSF_WORKERS", raising=False)
    monkeypatch.setattr(workers, "model_loaded", lambda: False)
    assert doctest.testmod(workers).failed == 0


@pytest.mark.parametrize(("size", "overlap", "cores", "loaded", "expected"), [
    (0, True, 2, False, 0),                          # nothing to do
    (5_000, True, 1, False, 0),                      # one core: nothing to overlap
    (5_000, True, 2, False, 1),                      # CLI: load spaCy beside the cache
    (5_000, True, 2, True, 0),                       # model already here: use it
    (5_000, False, 2, False, 0),                     # a notebook keeps its model
    (workers.BIG_JOB_BYTES, False, 2, True, 2),      # big job: every core
    (workers.BIG_JOB_BYTES, False, 16, False, workers.MAX_WORKERS),
])
def test_worker_count(monkeypatch, size, overlap, cores, loaded, expected):
    monkeypatch.delenv("CSF_WORKERS", raising=False)
    monkeypatch.setattr(workers, "model_loaded", lambda: loaded)
    assert worker_count(size, overlap=overlap, cores=cores) == expected


def test_worker_count_from_the_environment(monkeypatch):
    monkeypatch.setenv("CSF_WORKERS", "3")
    assert worker_count(10, overlap=False, cores=1) == 3
    assert worker_count(0, overlap=False, cores=1) == 0
    monkeypatch.setenv("CSF_WORKERS", "deux")
    with pytest.raises(ValueError, match="CSF_WORKERS='deux'"):
        worker_count(10, overlap=False)


def test_tasks_cover_every_note_once_in_bounded_sizes(monkeypatch):
    monkeypatch.setattr(workers, "TASK_BYTES", 100)
    parse = [(i, f"n{i}.md", b"x" * 40) for i in range(7)]
    code = [(7, {"statements": [{"text": "y" * 150}]}), (8, {"statements": []})]
    tasks = tasks_of(parse, code, code_parsed=True)
    assert [i for t in tasks for i, *_ in t.parse] == list(range(7))
    assert [i for t in tasks for i, _ in t.code] == [7, 8]
    assert all(t.size < 100 + 150 for t in tasks) and len(tasks) == 4
    assert all(t.code_parsed for t in tasks)


def _tables(folder: Path, cache: Path | None, monkeypatch, n: str) -> dict[str, pd.DataFrame]:
    monkeypatch.setenv("CSF_WORKERS", n)
    return load_corpus(folder, cache_dir=cache, progress=False).tables()


def test_workers_give_the_same_tables_as_this_process(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "TASK_BYTES", 2_000)  # several tasks per worker
    here = _tables(FIXTURE_NOTES, None, monkeypatch, "0")
    there = _tables(FIXTURE_NOTES, tmp_path / "cache", monkeypatch, "2")
    for name, table in here.items():
        pd.testing.assert_frame_equal(table, there[name], obj=name)
    again = _tables(FIXTURE_NOTES, tmp_path / "cache", monkeypatch, "2")  # from the cache
    pd.testing.assert_frame_equal(here["codings"], again["codings"])


def test_a_new_codebook_recodes_cached_notes_in_workers(tmp_path, monkeypatch):
    notes = tmp_path / "notes"
    shutil.copytree(FIXTURE_NOTES, notes)
    first = _tables(notes, tmp_path / "cache", monkeypatch, "0")
    (notes / "codebook.yml").write_text(
        "codes:\n  - id: atelier-jeune\n    label: Atelier\n    patterns: [atelier]\n", "utf-8")
    monkeypatch.setenv("CSF_WORKERS", "1")
    corpus = load_corpus(notes, cache_dir=tmp_path / "cache", progress=False)
    assert corpus.stats["parsed"] == 0 and corpus.stats["coded"] == corpus.stats["notes"]
    assert "atelier-jeune" in set(corpus.codings["code"])
    pd.testing.assert_frame_equal(first["statements"].drop(columns=["category_rule"]),
                                  corpus.statements.drop(columns=["category_rule"]))


def test_a_broken_pool_runs_the_rest_here(monkeypatch):
    task = Task(parse=[(0, "a.md", "- Un jeune est venu.\n".encode())])
    with Workers(0) as pool:
        expected = pool.result(pool.submit(task))

    class Broken:
        def submit(self, *args):
            raise BrokenProcessPool("killed")

        def shutdown(self, **kwargs):
            pass

    with Workers(0) as pool:
        pool.pool = Broken()
        assert pool.result(pool.submit(task)) == expected
        assert pool.pool is None


def test_with_other_threads_running_workers_are_spawned_not_forked(monkeypatch):
    import threading
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        assert workers.start_method() == "spawn"
        here = _tables(FIXTURE_NOTES, None, monkeypatch, "0")
        there = _tables(FIXTURE_NOTES, None, monkeypatch, "1")
    finally:
        stop.set()
    pd.testing.assert_frame_equal(here["statements"], there["statements"])
    pd.testing.assert_frame_equal(here["codings"], there["codings"])
