"""Tests for csf_analysis.report.manifest: what the previous report contained."""
from __future__ import annotations

import json

import pytest

from csf_analysis.report.manifest import FILE_NAME, Manifest, load_manifest, save_manifest

FIRST = {"s1", "s2"}
SECOND = {"s1", "s2", "s3"}


def _built(manifest: Manifest, statements: set[str], date: str) -> Manifest:
    interviews = {s.replace("s", "i") for s in statements}
    return manifest.updated(statements=statements, interviews=interviews, date=date)


def test_first_report_has_no_baseline():
    assert Manifest().baseline(FIRST) is None


def test_changed_notes_compare_with_the_last_build():
    manifest = _built(Manifest(), FIRST, "2020-03-01")
    baseline = manifest.baseline(SECOND)
    assert baseline["date"] == "2020-03-01"
    assert set(baseline["statements"]) == FIRST


def test_unchanged_rebuild_compares_with_the_same_build_as_before():
    first = _built(Manifest(), FIRST, "2020-03-01")
    second = _built(first, SECOND, "2020-03-12")
    assert second.baseline(SECOND) == first.current
    third = _built(second, SECOND, "2020-03-20")
    # Same notes as the second build: same baseline, so the same "new since" text.
    assert third.baseline(SECOND) == second.baseline(SECOND) == first.current
    assert third.current["date"] == "2020-03-20"


def test_unchanged_rebuild_of_the_first_report_is_still_the_first():
    first = _built(Manifest(), FIRST, "2020-03-01")
    assert _built(first, FIRST, "2020-03-02").baseline(FIRST) is None


def test_round_trip(tmp_path):
    manifest = _built(_built(Manifest(), FIRST, "2020-03-01"), SECOND, "2020-03-12")
    path = save_manifest(manifest, tmp_path / FILE_NAME)
    assert load_manifest(path) == manifest
    assert json.loads(path.read_text("utf-8"))["current"]["statements"] == ["s1", "s2", "s3"]


def test_round_trip_keeps_non_ascii_ids(tmp_path):
    manifest = _built(Manifest(), {"énoncé-1"}, "2020-03-01")
    path = save_manifest(manifest, tmp_path / FILE_NAME)
    assert "énoncé-1" in path.read_text("utf-8")
    assert load_manifest(path) == manifest


@pytest.mark.parametrize("content", [
    "", "{", "not json", "[]", "42", '"text"', '{"current": 3}',
    '{"current": {"date": "2020-03-01"}}',
    '{"current": {"date": "2020-03-01", "statements": "s1", "interviews": []}}',
    '{"current": null, "previous": {"statements": []}}',
])
def test_corrupt_manifest_means_first_report(tmp_path, content):
    path = tmp_path / FILE_NAME
    path.write_text(content, encoding="utf-8")
    manifest = load_manifest(path)
    assert manifest == Manifest()
    assert manifest.baseline(FIRST) is None


def test_undecodable_manifest_means_first_report(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert load_manifest(path) == Manifest()


def test_missing_manifest_means_first_report(tmp_path):
    assert load_manifest(tmp_path / "absent.json") == Manifest()


def test_save_replaces_atomically_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / FILE_NAME
    save_manifest(_built(Manifest(), FIRST, "2020-03-01"), path)
    save_manifest(_built(Manifest(), SECOND, "2020-03-12"), path)
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]
    assert load_manifest(path).current["date"] == "2020-03-12"
