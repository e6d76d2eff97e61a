"""Tests for csf_analysis.cli: ``csf-analysis tables NOTES --out DIR``."""
from __future__ import annotations

import contextlib
import io
import subprocess
import sys

import pandas as pd
import pytest

from csf_analysis import config
from csf_analysis.cli import build_parser, main
from csf_analysis.schema import COLUMNS

PARSER_TABLES = ("interviews", "statements", "contacts", "problems")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def run_cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "csf_analysis.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def read_table(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def tables_run(tmp_path_factory, reference_note, nlp):
    """One in-process ``tables`` run on the reference note plus a binary file."""
    root = tmp_path_factory.mktemp("cli")
    notes = root / "notes"
    notes.mkdir()
    (notes / reference_note.name).write_bytes(reference_note.read_bytes())
    (notes / "image.md").write_bytes(PNG)
    out, cache = root / "out", root / "cache"
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["tables", str(notes), "--out", str(out), "--cache", str(cache)])
    return {"root": root, "notes": notes, "out": out, "cache": cache, "status": status,
            "stdout": stdout.getvalue(), "stderr": stderr.getvalue()}


def test_tables_writes_each_table_with_the_schema_columns(tables_run):
    assert tables_run["status"] == 0
    for name in PARSER_TABLES:
        table = read_table(tables_run["out"] / f"{name}.csv")
        assert list(table.columns) == list(COLUMNS[name]), name


def test_tables_content_matches_the_reference(tables_run):
    out = tables_run["out"]
    interviews = read_table(out / "interviews.csv")
    assert interviews["company_ref"].tolist() == ["6", "16", ""]
    contacts = read_table(out / "contacts.csv")
    assert len(contacts) == 11 and "8" in set(contacts["company_ref"])
    statements = read_table(out / "statements.csv")
    assert statements["statement_id"].is_unique and len(statements) > 100
    problems = read_table(out / "problems.csv")
    assert problems[["source_file", "line", "severity"]].values.tolist() == [
        ["image.md", "1", "error"]]


def test_tables_prints_a_summary_and_errors_on_stderr(tables_run):
    assert "interviews: 3" in tables_run["stdout"]
    assert tables_run["stderr"].startswith("image.md:1: error:")
    assert "Traceback" not in tables_run["stderr"]


def test_tables_leaves_the_notes_alone_and_caches_elsewhere(tables_run):
    names = sorted(p.name for p in tables_run["notes"].rglob("*"))
    assert names == ["entretien-entreprises.md", "image.md"]
    assert list(tables_run["cache"].rglob("*.json"))


def test_tables_in_a_new_process_reuses_the_cache(tables_run, tmp_path):
    result = run_cli("tables", str(tables_run["notes"]), "--out", str(tmp_path / "again"),
                     "--cache", str(tables_run["cache"]))
    assert result.returncode == 0, result.stderr
    assert "0 note(s) parsed" in result.stdout
    for name in PARSER_TABLES:
        first = read_table(tables_run["out"] / f"{name}.csv")
        pd.testing.assert_frame_equal(read_table(tmp_path / "again" / f"{name}.csv"), first)


def test_no_cache_writes_no_cache(tmp_path, capsys):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("# Entretien avec Léa\n\n- Elle revient lundi.\n", "utf-8")
    status = main(["tables", str(notes), "--out", str(tmp_path / "out"), "--no-cache",
                   "--cache", str(tmp_path / "cache")])
    assert status == 0
    assert not (tmp_path / "cache").exists()
    assert "Elle revient lundi." in read_table(tmp_path / "out" / "statements.csv")["text"].tolist()


def test_missing_notes_dir_is_one_line_on_stderr_and_a_non_zero_exit(tmp_path):
    missing = tmp_path / "pas-de-notes"
    result = run_cli("tables", str(missing), "--out", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]
    assert not (tmp_path / "out").exists()


def test_defaults_are_the_project_folders():
    args = build_parser().parse_args(["tables"])
    assert args.notes_dir == str(config.DEFAULT_NOTES_DIR)
    assert args.cache == config.CACHE_DIR_NAME and not args.no_cache


def test_tables_prints_the_sessions_counted_by_kind(tables_run):
    assert "sessions counted: 3 (entretien 3)" in tables_run["stdout"]


def test_code_without_a_coder_name_is_refused_never_the_login(tmp_path, monkeypatch, capsys):
    """The coder is whoever the researcher says: no --coder and no CSF_CODER is an error,
    not the login name written into a file the team shares."""
    monkeypatch.delenv("CSF_CODER", raising=False)
    status = main(["code", "s0123456789ab", "echec", "--notes", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 2 and "say who codes: --coder NAME (or set CSF_CODER" in err
    assert not (tmp_path / config.MANUAL_CODES_FILE).exists()


def test_code_takes_the_coder_from_csf_coder(tables_run, monkeypatch, capsys):
    import shutil
    notes = tables_run["root"] / "notes-code"
    shutil.copytree(tables_run["notes"], notes)
    statement = read_table(tables_run["out"] / "statements.csv")["statement_id"].iloc[0]
    monkeypatch.setenv("CSF_CODER", "ana")
    args = ["code", statement, "echec", "--notes", str(notes), "--cache",
            str(tables_run["cache"])]
    assert main(args) == 0 and "recorded in" in capsys.readouterr().out
    assert main(args) == 0 and "already recorded, unchanged" in capsys.readouterr().out
    decisions = read_table(notes / config.MANUAL_CODES_FILE)
    assert decisions[["statement_id", "code", "coder"]].values.tolist() == [
        [statement, "echec", "ana"]]


def test_a_bug_prints_one_line_and_keeps_its_traceback_in_a_file(tmp_path, monkeypatch,
                                                                  capsys):
    """A bug of the toolkit (here in the pseudonymisation) is no traceback on the
    researcher's screen: one line that says it is a bug and where its details are."""
    import csf_analysis.privacy.pseudonymise as pseudonymise

    def broken(*args, **kwargs):
        raise KeyError("Personne B")

    monkeypatch.setattr(pseudonymise, "pseudonymise", broken)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.delenv("CSF_DEBUG", raising=False)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("# Entretien\n\nLa tutrice est venue.\n", encoding="utf-8")
    out = tmp_path / "out"
    status = main(["tables", str(notes), "--out", str(out), "--no-cache", "--pseudonymise"])
    err = capsys.readouterr().err
    assert status == 3 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "internal error in 'tables' (KeyError: 'Personne B'): a bug of csf-analysis" in err
    saved = list(tmp_path.glob("csf-analysis-tables-*.txt"))
    assert len(saved) == 1 and str(saved[0]) in err
    assert "Traceback" in saved[0].read_text(encoding="utf-8") and "broken" in \
        saved[0].read_text(encoding="utf-8")
    assert not out.exists()  # nothing written unpseudonymised


def test_csf_debug_raises_a_bug_for_developers(tmp_path, monkeypatch):
    import csf_analysis.privacy.pseudonymise as pseudonymise

    def broken(*args, **kwargs):
        raise KeyError("Personne B")

    monkeypatch.setattr(pseudonymise, "pseudonymise", broken)
    monkeypatch.setenv("CSF_DEBUG", "1")
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("# Entretien\n\nLa tutrice est venue.\n", encoding="utf-8")
    with pytest.raises(KeyError):
        main(["tables", str(notes), "--out", str(tmp_path / "out"), "--no-cache",
              "--pseudonymise"])
