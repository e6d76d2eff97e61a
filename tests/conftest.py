"""Shared fixtures: the notes folders and spaCy pipelines, each loaded once.

``../shared/notes`` beside the project (the team's real notes, read-only;
``CSF_SHARED_NOTES`` overrides the path) is used when it exists; tests that need it
are skipped otherwise. The real spaCy pipeline is loaded at most once per session:
``csf_analysis.reading.nlp.load_nlp`` caches it, and ``load_corpus`` asks for the same
cached object.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from csf_analysis import config

TESTS_DIR = Path(__file__).resolve().parent
FIXTURE_NOTES = TESTS_DIR / "fixtures" / "notes"
REFERENCE_NOTE = config.PROJECT_ROOT / "interviews" / "entretien-entreprises.md"
SHARED_NOTES = Path(os.environ.get("CSF_SHARED_NOTES",
                                   config.PROJECT_ROOT.parent / "shared" / "notes"))


@pytest.fixture(scope="session")
def reference_note() -> Path:
    """``interviews/entretien-entreprises.md``, the project's reference note."""
    assert REFERENCE_NOTE.is_file(), f"missing reference note {REFERENCE_NOTE}"
    return REFERENCE_NOTE


@pytest.fixture(scope="session")
def fixture_notes() -> Path:
    """``tests/fixtures/notes``: notes written for the tests, in the team's style."""
    return FIXTURE_NOTES


@pytest.fixture(scope="session")
def nlp():
    """The real sentence pipeline (``fr_core_news_sm`` senter), loaded once."""
    from csf_analysis.reading.nlp import SENTENCES, load_nlp
    return load_nlp(components=SENTENCES)


@pytest.fixture(scope="session")
def blank_nlp():
    """A fast rule-based French sentence splitter for tests that need no model."""
    import spacy
    pipeline = spacy.blank("fr")
    pipeline.add_pipe("sentencizer")
    return pipeline


@pytest.fixture(scope="session")
def shared_notes_dir() -> Path:
    """The team's real notes, or skip when the folder is absent."""
    if not SHARED_NOTES.is_dir() or not any(SHARED_NOTES.glob("*.md")):
        pytest.skip(f"real notes folder {SHARED_NOTES} is absent")
    return SHARED_NOTES


def _parse_folder(notes_dir, **options):
    from csf_analysis.corpus import load_corpus
    options.setdefault("cache_dir", None)
    return load_corpus(notes_dir, progress=False, code=False, **options)


@pytest.fixture(scope="session")
def parse_folder(nlp):
    """``load_corpus`` for parser tests: no coding stage, quiet, no cache unless given."""
    return _parse_folder


@pytest.fixture(scope="session")
def shared_corpus(shared_notes_dir, parse_folder):
    """The real notes parsed once, without cache (the folder is read-only)."""
    return parse_folder(shared_notes_dir)


@pytest.fixture(scope="session")
def reference_corpus(reference_note, nlp, tmp_path_factory):
    """The reference note alone (copied to a folder of its own), parsed and coded once.

    This is what a user gets from ``load_corpus``: the coding stage runs too, so
    categories the structure leaves open are inferred and themes are matched.
    """
    from csf_analysis.corpus import load_corpus
    folder = tmp_path_factory.mktemp("reference")
    (folder / reference_note.name).write_bytes(reference_note.read_bytes())
    return load_corpus(folder, cache_dir=None, progress=False)


@pytest.fixture(autouse=True)
def _fresh_process_memory():
    """Each test starts as a new process would: no note results kept in memory by an
    earlier test (``csf_analysis.corpus._NoteCache``), so cache files are read again."""
    from csf_analysis.coding import folder_model
    from csf_analysis.corpus import _NoteCache
    _NoteCache.forget()
    folder_model._LAST.clear()  # nor the category model adapted to an earlier folder
