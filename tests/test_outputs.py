"""Outputs are inert and whole: the tables a researcher opens in a spreadsheet run
nothing, and a write that fails (full disk, read-only folder) changes nothing."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pandas as pd
import pytest

from csf_analysis import corpus as corpus_module
from csf_analysis.cells import unescape_frame
from csf_analysis.cli import main
from csf_analysis.corpus import TABLES, load_corpus

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NOTE = ("# Entretien du 3/02/2020\n\nEntreprise : =HYPERLINK(\"http://x\",\"clic\") est ce "
        "qu'il a écrit.\n\n- +33 6 12 34 56 78, son numéro.\n- @tous : relancer.\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    notes = tmp_path_factory.mktemp("notes")
    (notes / "=cmd|x.md").write_text(NOTE, encoding="utf-8")
    (notes / "-rapport.md").write_text(NOTE.replace("3/02", "4/02"), encoding="utf-8")
    corpus = load_corpus(notes, cache_dir=None, progress=False)
    out = tmp_path_factory.mktemp("out")
    corpus.write(out)
    return corpus, out


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_no_cell_of_any_table_starts_like_a_formula(hostile):
    corpus, out = hostile
    assert corpus.statements["text"].str.startswith(("=", "+", "@")).any()  # the raw API
    for name in TABLES:
        cells = read(out / f"{name}.csv").stack()
        assert not cells.str.startswith(FORMULA_STARTS).any(), name


def test_the_raw_text_is_read_back_from_the_escaped_tables(hostile):
    corpus, out = hostile
    back = unescape_frame(read(out / "statements.csv"))
    assert back["text"].tolist() == corpus.statements["text"].tolist()
    assert set(unescape_frame(read(out / "interviews.csv"))["source_file"]) == {
        "=cmd|x.md", "-rapport.md"}


def test_a_full_disk_leaves_every_table_as_it_was(hostile, tmp_path, monkeypatch):
    corpus, _ = hostile
    corpus.write(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real, written = Path.write_text, []

    def fill_disk(self, *args, **kwargs):
        if len(written) == 2:
            raise OSError(28, "No space left on device", str(self))
        written.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", fill_disk)
    changed = corpus.__class__(**{**corpus.__dict__, "problems": corpus.problems.head(0)})
    with pytest.raises(OSError):
        changed.write(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_command_line_says_what_failed_and_that_nothing_changed(hostile, tmp_path,
                                                                    monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "out"))

    monkeypatch.setattr(corpus_module.Corpus, "write", refuse)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(["tables", str(hostile[0].notes_dir), "--no-cache",
                       "--out", str(tmp_path / "out")])
    assert status == 2
    assert "Permission denied; the previous outputs are unchanged" in stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()
