"""Tests for csf_analysis.coding.manual: the decisions log survives concurrent writers,
replays, kills and folders that cannot be written."""
from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pandas as pd
import pytest

from csf_analysis.coding import manual
from csf_analysis.coding.manual import (
    DecisionError,
    add_code,
    decisions_path,
    load_decisions,
    remove_code,
)
from csf_analysis.coding.review import Coder

SID = "s0123456789ab"


def _corpus() -> SimpleNamespace:
    """What the decisions are checked against: two statements, a codebook, a coding."""
    return SimpleNamespace(
        statements=pd.DataFrame({"statement_id": [SID, "s99"], "text": ["Un.", "Deux."]}),
        codings=pd.DataFrame({"statement_id": ["s99"], "code": ["echec"]}),
        codebook=pd.DataFrame({"code": ["outillage", "echec"],
                               "label": ["Outillage", "Échec"]}))


def _record_many(args) -> None:
    folder, worker, count, barrier = args
    barrier.wait()
    for n in range(count):
        add_code(folder, f"s{worker:02d}{n:02d}", f"code-{worker}-{n}", coder=f"coder{worker}")


def test_forty_concurrent_decisions_are_all_kept(tmp_path):
    """20 pairs of writers at once (the issue: 5 of 40 were lost, read-append-rename)."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(40)
    processes = [context.Process(target=_record_many, args=((tmp_path, w, 1, barrier),))
                 for w in range(40)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0] * 40
    decisions = load_decisions(tmp_path)
    assert len(decisions) == 40 and decisions["coder"].nunique() == 40


def test_the_same_decision_twice_is_written_once(tmp_path):
    first = add_code(tmp_path, SID, "outillage", coder="ana")
    again = add_code(tmp_path, SID, "outillage", coder="ana")
    assert first["recorded"] and not again["recorded"]
    assert len(load_decisions(tmp_path)) == 1
    assert add_code(tmp_path, SID, "outillage", coder="bob")["recorded"]  # another coder


def test_a_decision_can_be_undone_and_redone_by_hand(tmp_path):
    add_code(tmp_path, SID, "outillage", coder="ana")
    remove_code(tmp_path, SID, "outillage", coder="ana")
    assert add_code(tmp_path, SID, "outillage", coder="ana")["recorded"]
    assert load_decisions(tmp_path)["action"].tolist() == ["add", "remove", "add"]


def test_corrections_run_again_never_undo_a_newer_decision(tmp_path):
    """The coding notebook's Run All, twice, with a command-line decision in between."""
    corrections = [(SID, "add", "outillage"), (SID, "category", "feelings"),
                   ("s99", "remove", "echec")]
    coder = Coder(tmp_path, "ana", corpus=_corpus())
    assert coder.apply(corrections) == 3
    remove_code(tmp_path, SID, "outillage", coder="ana")  # taken since, from the CLI
    assert coder.apply(corrections) == 0
    decisions = load_decisions(tmp_path)
    assert len(decisions) == 4
    assert manual.latest(decisions).query("code == 'outillage'")["action"].tolist() == [
        "remove"]


def test_unknown_action_in_corrections_is_a_clear_error(tmp_path):
    with pytest.raises(DecisionError, match="action inconnue « ajoutr » ; vouliez-vous dire"):
        Coder(tmp_path, "ana", corpus=_corpus()).apply([(SID, "ajoutr", "outillage")])
    assert not decisions_path(tmp_path).exists()


def test_cells_a_spreadsheet_would_run_are_escaped_and_read_back_raw(tmp_path):
    text = "=HYPERLINK(\"http://evil\",\"clic\")"
    add_code(tmp_path, SID, "outillage", coder="@ana", text=text)
    raw = decisions_path(tmp_path).read_text("utf-8")
    written = pd.read_csv(decisions_path(tmp_path), dtype=str, keep_default_na=False)
    assert not written[["coder", "text"]].stack().str.startswith(("=", "@")).any(), raw
    assert load_decisions(tmp_path)[["coder", "text"]].values.tolist() == [["@ana", text]]


def test_a_read_only_folder_gives_a_clear_error_and_keeps_the_file(tmp_path, monkeypatch):
    add_code(tmp_path, SID, "outillage", coder="ana")
    before = decisions_path(tmp_path).read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(manual, "write_text_atomic", refuse)
    with pytest.raises(DecisionError, match="Permission denied.*not recorded"):
        add_code(tmp_path, SID, "echec", coder="ana")
    assert decisions_path(tmp_path).read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_a_truly_read_only_folder_gives_a_clear_error(tmp_path):
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(DecisionError, match="cannot write"):
            add_code(tmp_path, SID, "outillage", coder="ana")
    finally:
        tmp_path.chmod(0o755)


def test_a_write_killed_half_way_leaves_the_log_whole_and_no_temporary_file(tmp_path):
    add_code(tmp_path, SID, "outillage", coder="ana")
    before = decisions_path(tmp_path).read_bytes()
    script = textwrap.dedent(f"""
        import os
        from csf_analysis.coding import manual
        def die(path, text):
            with open(os.path.join(os.path.dirname(path), ".codage-manuel.csv.x.tmp"), "w") as f:
                f.write(text[:10])
            os.kill(os.getpid(), 9)
        manual.write_text_atomic = die
        manual.add_code({str(tmp_path)!r}, "s1", "echec", coder="ana")
    """)
    subprocess.run([sys.executable, "-c", script], check=False)
    assert decisions_path(tmp_path).read_bytes() == before
    add_code(tmp_path, "s2", "echec", coder="ana")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["codage-manuel.csv"]
    assert len(load_decisions(tmp_path)) == 2


def test_a_defined_code_lands_under_its_parent_defined_later(tmp_path):
    """A codebook imported from another tool: codes defined (label, parent) with no
    statement; a child written before its parent still lands under it."""
    from csf_analysis import load_corpus
    (tmp_path / "n.md").write_text("# (300h) 1 : Menuiserie\n\n- Le tuteur est parti.\n",
                                   encoding="utf-8")
    manual.define_code(tmp_path, "Calendrier partagé", label="Calendrier partagé",
                       parent="relations-ecole", coder="camille")
    manual.define_code(tmp_path, "relations-ecole", label="Relations avec l'école",
                       coder="camille")
    assert not manual.define_code(tmp_path, "relations-ecole", label="Relations",
                                  coder="camille")["recorded"]  # once
    corpus = load_corpus(tmp_path, cache_dir=None)
    book = corpus.codebook.set_index("code")
    assert book.loc["calendrier-partage", ["label", "parent"]].tolist() == \
        ["Calendrier partagé", "relations-ecole"]
    assert book.loc["relations-ecole", "label"] == "Relations avec l'école"
    assert corpus.problems[corpus.problems["source_file"] == "codage-manuel.csv"].empty


def test_many_decisions_in_one_write_check_each_other(tmp_path):
    """An import brings hundreds of decisions: one read and one write of the file, a
    repeat inside the batch or of the file not written again, nothing written when one
    is invalid."""
    manual.add_code(tmp_path, "s0123456789ab", "delais", coder="camille")
    rows = [{"statement_id": "s0123456789ab", "action": "add", "code": "delais",
             "coder": "camille"},
            {"statement_id": "s1123456789ab", "action": "add", "code": "outillage",
             "coder": "camille", "time": "2026-11-20T14:05:00"},
            {"statement_id": "s1123456789ab", "action": "add", "code": "outillage",
             "coder": "camille"}]
    done = manual.record_many(tmp_path, rows, once=True)
    assert done["recorded"].tolist() == [False, True, False]
    table = manual.load_decisions(tmp_path)
    assert len(table) == 2 and table["time"].iloc[1] == "2026-11-20T14:05:00"
    with pytest.raises(manual.DecisionError):
        manual.record_many(tmp_path, [{**rows[1], "statement_id": "s2"},
                                      {**rows[1], "action": "rename"}])
    assert len(manual.load_decisions(tmp_path)) == 2
