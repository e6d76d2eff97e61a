"""Tests for csf_analysis.corpus: a folder of notes -> tidy tables, cached, incremental.

The reference note (``interviews/entretien-entreprises.md``) and the team's
real notes (``../shared/notes``, skipped when absent) have known expected
output; everything else runs on small notes written into ``tmp_path``.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

import pandas as pd
import pytest

import csf_analysis.reading.nlp as nlp_module
import csf_analysis.workers as workers_module
from csf_analysis.corpus import (
    MIN_DUPLICATE_CHARS,
    NotesDirError,
    _NoteCache,
    load_corpus,
    note_files,
)
from csf_analysis.schema import COLUMNS

REFERENCE = "entretien-entreprises.md"
GOOD_NOTE = "# Entretien du 3/02/2020\n\n- La tutrice a rappelé l'entreprise deux fois.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi"))


def write_notes(folder, notes: dict[str, str | bytes]):
    """Write ``{relative path: text or bytes}`` under ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in notes.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return folder


def snapshot(folder) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder`` with its bytes and modification time."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def by_section(statements: pd.DataFrame) -> dict[str, set[str]]:
    return statements.groupby("section")["category"].agg(set).to_dict()


def refuse_spacy(monkeypatch) -> None:
    """Make any attempt to load a spaCy pipeline fail the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("spaCy was loaded although no note changed")
    monkeypatch.setattr(workers_module, "_nlp_factory", refuse)
    monkeypatch.setattr(nlp_module, "load_nlp", refuse)
    monkeypatch.setattr("spacy.load", refuse)


# -- the reference note ---------------------------------------------------------

def test_reference_gives_exactly_three_interviews(reference_corpus):
    interviews = reference_corpus.interviews
    found = interviews[["company_ref", "clause_label", "date", "actor", "interviewers"]]
    assert found.to_dict("records") == [
        {"company_ref": "6", "clause_label": "300h", "date": "", "actor": "entreprise",
         "interviewers": "Yannick; Philippe"},
        {"company_ref": "16", "clause_label": "autre", "date": "", "actor": "entreprise",
         "interviewers": "Yannick; Philippe"},
        {"company_ref": "", "clause_label": "900h", "date": "2020-02-03", "actor": "entreprise",
         "interviewers": ""},
    ]
    assert interviews["clause_hours"].tolist()[0::2] == [300, 900]
    assert pd.isna(interviews["clause_hours"].iloc[1])
    assert set(interviews["source_file"]) == {REFERENCE}
    assert interviews["interview_id"].is_unique


def test_reference_contacts(reference_corpus):
    contacts = reference_corpus.contacts.set_index("company_ref")
    assert len(contacts) == 11
    assert contacts["status"].to_dict() == {
        "41": "no_reply", "69": "no_reply", "34": "no_reply", "8": "no_reply", "51": "no_reply",
        "6": "replied", "16": "replied", "7": "replied", "30": "replied",
        "14": "error", "68": "error"}
    assert contacts.loc["30", "note"] == "réponse rapide"
    assert contacts.loc["6", "note"] == "réponses dans l'heure, jeudi 16"
    assert contacts.loc["16", "note"].startswith("réponse dans l'heure")
    assert contacts.loc["14", "note"] == "Contact parti de l'entreprise"
    assert contacts.loc["68", "note"] == "mauvaise adresse email"
    assert contacts.loc[["41", "69", "34", "8", "51"], "note"].eq("").all()
    assert contacts.index[contacts["interviewed"]].tolist() == ["6", "16"]
    assert contacts.loc["16", "clause_label"] == "autre"
    assert contacts.loc["68", "clause_hours"] == 450


@pytest.mark.parametrize("section, category", [
    ("Représentation", "representation"),
    ("Ressentis", "feelings"),
    ("Contexte professionnel de l'interviewvée", "context"),
    ("Suggestions d'améliorations", "suggestions"),
    ("Méta", "meta"),
    ("Debrief (Yannick & Philippe, après l'entretien)", "debrief"),
    ("On retient :", "takeaway"),
    ("Questions prévues", "question"),
])
def test_reference_structure_categories(reference_corpus, section, category):
    rows = reference_corpus.statements.query("section == @section")
    assert len(rows) and set(rows["category"]) == {category}
    assert set(rows["category_origin"]) == {"structure"}


def test_reference_meta_label_is_removed_from_the_text(reference_corpus):
    [row] = reference_corpus.statements.query("section == 'Méta'").to_dict("records")
    assert (row["category"], row["text"]) == (
        "meta", "J'ai apprécié les questions, les plus précises possibles.")


def test_reference_guide_is_file_level(reference_corpus):
    questions = reference_corpus.statements.query("section == 'Questions prévues'")
    assert len(questions) == 8
    assert set(questions["interview_id"]) == {""} and set(questions["category"]) == {"question"}


@pytest.mark.parametrize("speaker, text", [
    ("acheteur", "on va vous reproposer un nouveau profil."),
    ("acheteur", "on va revenir vers vous avec un profil."),
    ("entreprise", "Confirme nature des tâches, lieu et responsable."),
    ("tutrice pilote", "L'axe marketing est moins présent."),
    ("commercial", "tous les 3 mois j'évoque cette clause en commité de pilotage du MEN."),
])
def test_reference_speakers(reference_corpus, speaker, text):
    rows = reference_corpus.statements.query("text == @text")
    assert rows["speaker"].tolist() == [speaker]


def test_reference_statements_never_contain_markdown(reference_corpus):
    for text in reference_corpus.statements["text"]:
        assert text == text.strip() and text
        assert not re.match(r"^(#|[-*+] |> |\d+\. |---|```)", text), text
        assert not re.search(r"\*\*|`|\]\(|(?<!_)__[^\W_]", text), text
        assert not re.search(r"(?i)(?:^|\s)(?:acheteur|entreprise|m[ée]ta) :", text), text


def test_reference_has_no_problem_and_every_statement_is_placed(reference_corpus):
    assert reference_corpus.problems.empty
    statements = reference_corpus.statements
    assert statements["statement_id"].is_unique
    assert statements["line"].between(1, 158).all()
    assert statements["duplicate_of"].eq("").all()
    ids = reference_corpus.interviews["interview_id"]
    assert reference_corpus.interviews["n_statements"].tolist() == [
        (statements["interview_id"] == i).sum() for i in ids]


def test_tables_have_the_schema_columns(reference_corpus):
    for name in ("interviews", "statements", "contacts", "problems"):
        assert list(getattr(reference_corpus, name).columns) == list(COLUMNS[name]), name


# -- the fixture notes ------------------------------------------------------------------

def test_fixture_notes_parse_with_only_the_impossible_date_reported(fixture_notes,
                                                                     parse_folder):
    corpus = parse_folder(fixture_notes)
    assert corpus.problems[["source_file", "line", "severity"]].values.tolist() == [
        ["date-impossible.md", 1, "warning"]]
    assert corpus.interviews.groupby("source_file").size().to_dict() == {
        "20200615_visite_atelier.md": 1, "date-impossible.md": 1,
        "entretiens-partenaires.md": 4, "visite-menuiserie.md": 1}
    assert corpus.statements["duplicate_of"].eq("").all()
    contacts = corpus.contacts.set_index("company_ref")["interviewed"].to_dict()
    assert contacts == {"22": True, "45": False, "31": True}


# -- the team's real notes ------------------------------------------------------------

def test_real_notes_give_seven_interviews(shared_corpus):
    interviews = shared_corpus.interviews
    assert len(interviews) == 7
    dates = interviews.groupby("source_file")["date"].agg(list).to_dict()
    assert dates["entretien_tutrice_pilote_20191216.md"] == ["2019-12-17", "2019-12-27"]
    assert dates["observation-run-20200302.md"] == ["2020-03-02"]
    buyer = interviews.query("source_file == '20200526_acheteur_accademie_montpellier.md'")
    assert buyer[["date", "actor"]].values.tolist() == [["2020-05-26", "acheteur"]]


def test_real_notes_have_no_error(shared_corpus):
    assert shared_corpus.problems.query("severity == 'error'").empty


def test_real_notes_timestamps_and_done_markers(shared_corpus):
    statements = shared_corpus.statements
    assert "15:42" in set(statements["time"])
    assert not statements["text"].str.match(r"^\d{1,2}:\d{2}").any()
    done = statements.query("marker == 'done'")
    assert len(done) >= 4
    assert not statements["text"].str.contains("(done)", regex=False).any()


# -- statement ids -----------------------------------------------------------------------

def test_adding_another_note_keeps_every_statement_id(tmp_path, reference_note, parse_folder):
    notes = write_notes(tmp_path / "notes", {REFERENCE: reference_note.read_bytes()})
    before = parse_folder(notes).statements
    write_notes(notes, {"autre.md": GOOD_NOTE,
                        "a-avant.md": "# Échange avec Léa\n\n- Bonjour.\n"})
    after = parse_folder(notes).statements
    mine = after[after["source_file"] == REFERENCE]
    assert mine["statement_id"].tolist() == before["statement_id"].tolist()
    assert mine["text"].tolist() == before["text"].tolist()


def test_editing_another_interview_keeps_the_other_ids(tmp_path, reference_note, parse_folder):
    text = reference_note.read_text("utf-8")
    notes = write_notes(tmp_path / "notes", {REFERENCE: text})
    before = parse_folder(notes).statements
    edited = text.replace("- On comptait sur elle.", "- Une phrase ajoutée au début.\n"
                          "- On comptait beaucoup sur elle.")
    assert edited != text
    write_notes(notes, {REFERENCE: edited})
    after = parse_folder(notes).statements
    other = ~before["interview_id"].str.contains("900h")
    kept = after[~after["interview_id"].str.contains("900h")]
    assert kept["statement_id"].tolist() == before[other]["statement_id"].tolist()
    assert (kept["line"].tolist() == before[other]["line"].tolist())  # edit is below them
    assert len(after) == len(before) + 1


# -- duplicates ----------------------------------------------------------------------------

def test_same_statement_in_two_files_is_a_duplicate_of_the_first(tmp_path, parse_folder):
    repeated = "La tutrice a relancé l'entreprise trois fois sans réponse."
    short = "Oui, tout à fait."
    assert len(short) < MIN_DUPLICATE_CHARS <= len(repeated)
    notes = write_notes(tmp_path / "notes", {
        "a.md": f"# Entretien avec Léa\n\n- {repeated}\n- {short}\n- Autre chose dite par Léa.\n",
        "b.md": f"# Entretien avec Tom\n\n- {short}\n- {repeated}\n- Une phrase bien à lui.\n",
        "c.md": f"# Échange avec Ana\n\n- {repeated}\n- Encore une fois la même.\n",
    })
    corpus = parse_folder(notes)
    statements = corpus.statements.set_index(["source_file", "text"])
    original = statements.loc[("a.md", repeated), "statement_id"]
    assert statements.loc[("a.md", repeated), "duplicate_of"] == ""
    assert statements.loc[("b.md", repeated), "duplicate_of"] == original
    assert statements.loc[("c.md", repeated), "duplicate_of"] == original
    assert (statements.xs(short, level="text")["duplicate_of"] == "").all()
    warnings = corpus.problems.query("severity == 'warning'")
    assert sorted(warnings["source_file"]) == ["b.md", "c.md"]
    assert warnings["message"].str.contains("a.md").all()
    assert corpus.interviews.set_index("source_file")["n_statements"].to_dict() == {
        "a.md": 3, "b.md": 2, "c.md": 1}


def test_one_warning_per_copied_interview_not_per_statement(tmp_path, parse_folder):
    body = ("- La jeune est arrivée à l'heure ce matin.\n"
            "- Le tuteur était absent toute la journée.\n")
    notes = write_notes(tmp_path / "notes", {
        "a.md": "# Entretien avec Léa\n\n" + body, "b.md": "# Entretien avec Léa\n\n" + body})
    corpus = parse_folder(notes)
    assert corpus.statements.query("source_file == 'b.md'")["duplicate_of"].ne("").all()
    [message] = corpus.problems["message"]
    assert message.startswith("2 énoncé(s) répètent l'entretien")


# -- bad input ---------------------------------------------------------------------------------

BAD_NOTES = {
    "bonne.md": GOOD_NOTE,
    "windows.md": "# Entretien avec la DRH\n\n- L'élève était ravie.\n".encode("cp1252"),
    "bom.md": codecs.BOM_UTF8 + "# Entretien avec Léa\n\n- Elle revient lundi.\n".encode(),
    "utf16.md": "# Entretien avec Tom\n\n- Il a signé la convention.\n".encode("utf-16"),
    "image.md": PNG + bytes(range(256)) * 8,
    "vide.md": b"",
    "yaml-invalide.md": "---\ndate: [2020\n---\n# Entretien avec Ana\n\n- Ana a appelé.\n",
    "yaml-hostile.md": '---\ntitle: !!python/object/apply:os.system ["echo hi"]\n---\n'
                       "# Entretien avec Zoé\n\n- Zoé a écrit.\n",
    "yaml-bombe.md": f"---\n{BILLION_LAUGHS}---\n# Entretien avec Max\n\n- Max a répondu.\n",
    "sous-dossier/rangee.md": "# Échange avec Inès\n\n- Inès a rangé ses notes.\n",
}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory, parse_folder):
    notes = write_notes(tmp_path_factory.mktemp("bad") / "notes", BAD_NOTES)
    before = snapshot(notes)
    corpus = parse_folder(notes, cache_dir=notes.parent / "cache")
    return notes, before, corpus


@pytest.mark.parametrize("name, line, severity, words", [
    ("windows.md", 3, "warning", "UTF-8"),
    ("image.md", 1, "error", "binaire"),
    ("vide.md", 1, "warning", "vide"),
    ("yaml-invalide.md", 1, "error", "YAML"),
    ("yaml-hostile.md", 1, "error", "python"),
    ("yaml-bombe.md", 1, "error", "alias"),
])
def test_bad_input_is_one_problem_row_naming_file_and_line(bad_folder, name, line, severity,
                                                           words):
    problems = bad_folder[2].problems.query("source_file == @name")
    assert problems[["line", "severity"]].values.tolist() == [[line, severity]]
    assert words in problems["message"].iloc[0]


def test_every_other_note_is_still_parsed(bad_folder):
    corpus = bad_folder[2]
    assert sorted(corpus.interviews["title"]) == sorted([
        "Entretien du 3/02/2020", "Entretien avec la DRH", "Entretien avec Léa",
        "Entretien avec Tom", "Entretien avec Ana", "Entretien avec Zoé", "Entretien avec Max",
        "Échange avec Inès"])
    texts = set(corpus.statements["text"])
    assert {"L'élève était ravie.", "Elle revient lundi.", "Il a signé la convention.",
            "Inès a rangé ses notes."} <= texts
    assert corpus.stats["notes"] == len(BAD_NOTES)


def test_clean_encodings_give_no_problem(bad_folder):
    problems = bad_folder[2].problems
    assert not problems["source_file"].isin(["bonne.md", "bom.md", "utf16.md"]).any()


def test_notes_in_subfolders_have_relative_paths(bad_folder):
    assert "sous-dossier/rangee.md" in set(bad_folder[2].interviews["source_file"])


def test_notes_are_never_modified(bad_folder):
    notes, before, _ = bad_folder
    assert snapshot(notes) == before


def test_hidden_folders_and_other_files_are_not_notes(tmp_path):
    notes = write_notes(tmp_path, {"a.md": "x", ".brouillons/b.md": "y", "c.txt": "z",
                                   "d/e.md": "w"})
    assert [p.relative_to(notes).as_posix() for p in note_files(notes)] == ["a.md", "d/e.md"]


@pytest.mark.parametrize("make", [lambda tmp: tmp / "absent", lambda tmp: write_notes(
    tmp, {"fichier.md": "x"}) / "fichier.md"])
def test_missing_notes_folder_is_a_clear_error(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(NotesDirError, match=re.escape(str(path))):
        load_corpus(path, cache_dir=None, progress=False, code=False)


# -- cache and incremental reruns ----------------------------------------------------------------

@pytest.fixture
def cached_folder(tmp_path, parse_folder):
    notes = write_notes(tmp_path / "notes", {
        "a.md": GOOD_NOTE, "b.md": "# Entretien avec Léa\n\n- Elle revient lundi.\n",
        "c.md": "Une note sans titre.\n"})
    cache = tmp_path / "cache"
    first = parse_folder(notes, cache_dir=cache)
    return notes, cache, first


def test_first_run_parses_every_note(cached_folder):
    stats = cached_folder[2].stats
    assert (stats["notes"], stats["parsed"], stats["cached"]) == (3, 3, 0)


def test_rerun_with_nothing_changed_parses_nothing_and_loads_no_spacy(
        cached_folder, parse_folder, monkeypatch):
    notes, cache, first = cached_folder
    refuse_spacy(monkeypatch)
    again = parse_folder(notes, cache_dir=cache)
    assert (again.stats["parsed"], again.stats["cached"]) == (0, 3)
    for name, table in first.tables().items():
        pd.testing.assert_frame_equal(again.tables()[name], table, obj=name)


def test_rerun_with_coding_and_nothing_changed_loads_no_spacy(tmp_path, monkeypatch):
    notes = write_notes(tmp_path / "notes", {"a.md": GOOD_NOTE})
    load_corpus(notes, cache_dir=tmp_path / "cache", progress=False)
    refuse_spacy(monkeypatch)
    again = load_corpus(notes, cache_dir=tmp_path / "cache", progress=False)
    assert again.stats["parsed"] == 0


def test_changing_one_note_reparses_only_it(cached_folder, parse_folder):
    notes, cache, _ = cached_folder
    write_notes(notes, {"b.md": "# Entretien avec Léa\n\n- Elle revient mardi.\n"})
    again = parse_folder(notes, cache_dir=cache)
    assert (again.stats["parsed"], again.stats["cached"]) == (1, 2)
    assert "Elle revient mardi." in set(again.statements["text"])
    assert "Elle revient lundi." not in set(again.statements["text"])


def test_renaming_a_note_reparses_it_under_its_new_name(cached_folder, parse_folder):
    notes, cache, _ = cached_folder
    (notes / "b.md").rename(notes / "b2.md")
    again = parse_folder(notes, cache_dir=cache)
    assert again.stats["parsed"] == 1
    assert set(again.statements["source_file"]) == {"a.md", "b2.md", "c.md"}


def test_corrupt_cache_is_ignored(cached_folder, parse_folder):
    notes, cache, first = cached_folder
    for path in cache.rglob("*.json"):
        path.write_text("{ pas du json", encoding="utf-8")
    _NoteCache.forget()  # the next run is another process: it reads the files
    again = parse_folder(notes, cache_dir=cache)
    assert again.stats["parsed"] == 3
    pd.testing.assert_frame_equal(again.statements, first.statements)


def test_unwritable_cache_place_runs_without_cache(tmp_path, parse_folder):
    notes = write_notes(tmp_path / "notes", {"a.md": GOOD_NOTE})
    blocker = write_notes(tmp_path, {"cache": "un fichier, pas un dossier"}) / "cache"
    corpus = parse_folder(notes, cache_dir=blocker)
    assert corpus.stats["parsed"] == 1 and len(corpus.statements) == 1


def test_default_cache_is_outside_the_notes_folder(tmp_path, parse_folder, monkeypatch):
    notes = write_notes(tmp_path / "notes", {"a.md": GOOD_NOTE})
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = snapshot(notes)
    load_corpus(notes, progress=False, code=False)
    assert snapshot(notes) == before
    assert list((work / ".csf-cache").rglob("*.json"))
    second = load_corpus(notes, progress=False, code=False)
    assert second.stats["cached"] == 1


def test_the_reading_cache_key_hashes_every_module_the_reading_package_imports():
    """A parsed note is cached by the code of ``config.READING_CODE``: a module outside
    the reading package that it imports, left out of the key, would leave stale notes."""
    import ast

    from csf_analysis import config
    package = Path(config.__file__).parent
    outside = set()
    for path in (package / "reading").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                outside |= {f"{node.module}.py"} if node.module else {
                    f"{alias.name}.py" for alias in node.names}
    assert outside, "the walk found the reading package's imports"
    assert outside <= set(config.READING_CODE), outside - set(config.READING_CODE)


def test_the_cache_keys_follow_their_package_and_the_model(tmp_path, monkeypatch):
    """Editing any module of ``reading`` (or the worker) changes the parsed notes' key
    and not the codings' salt; any module of ``coding``, the codings' and not the notes'."""
    import shutil

    from csf_analysis import config, corpus
    package = tmp_path / "csf_analysis"
    shutil.copytree(Path(corpus.__file__).parent, package)

    def versions():  # a new process: the versions are computed once per process
        corpus.code_version.cache_clear()
        return (corpus.code_version(config.READING_CODE, package),
                corpus.code_version(config.CODING_CODE, package))

    def edit(module):
        with open(package / module, "a", encoding="utf-8") as handle:
            handle.write("\n# edited\n")

    for module in ("reading/nlp.py", "reading/lines.py", "workers.py", "schema.py"):
        before = versions()
        edit(module)
        assert versions()[0] != before[0] and versions()[1] == before[1], module
    for module in ("coding/categories.py", "coding/agreement.py"):
        before = versions()
        edit(module)
        assert versions()[0] == before[0] and versions()[1] != before[1], module
    before = versions()
    edit("data/words.yml")  # the word lists: both stages read them
    assert versions()[0] != before[0] and versions()[1] != before[1]
    before = versions()
    (package / "reading" / "new_rule.py").write_text("RULE = 1\n", encoding="utf-8")
    assert versions()[0] != before[0]  # a new module of the package counts too
    before = versions()
    for module in ("report/charts.py", "privacy/people.py", "cli.py"):
        edit(module)
    assert versions() == before  # neither parses nor codes
    monkeypatch.setattr(corpus, "library_versions", lambda: "spacy 9.9; fr_core_news_sm 9.9")
    assert versions()[0] != before[0]  # a new model
    monkeypatch.undo()
    corpus.code_version.cache_clear()


def test_refresh_reads_a_new_note_with_the_same_options(cached_folder):
    notes, cache, first = cached_folder
    loaded = load_corpus(notes, cache_dir=cache, progress=False, code=False)
    write_notes(notes, {"d.md": "# Entretien avec Zoé\n\n- Elle a signé la convention.\n"})
    again = loaded.refresh()
    assert again.options == loaded.options and again.options["code"] is False
    assert "Elle a signé la convention." in set(again.statements["text"])
    assert (again.stats["parsed"], again.stats["cached"]) == (1, 3)


def test_a_refresh_takes_the_other_notes_from_memory(cached_folder, monkeypatch):
    """In a running kernel the unchanged notes are not read from the cache files again."""
    notes, cache, _ = cached_folder
    loaded = load_corpus(notes, cache_dir=cache, progress=False, code=False)
    for path in cache.rglob("*.json"):
        path.unlink()
    refuse_spacy(monkeypatch)
    again = loaded.refresh()
    assert (again.stats["parsed"], again.stats["cached"]) == (0, 3)
    pd.testing.assert_frame_equal(again.statements, loaded.statements)
    other = load_corpus(notes, cache_dir=cache.parent / "other-cache", progress=False,
                        code=False)  # another cache folder shares nothing
    assert other.stats["cached"] == 0
