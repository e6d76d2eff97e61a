"""Hostile notes: one bad note never stops the run, and costs a bounded time.

Each test builds a notes folder in ``tmp_path`` with a good note beside one
hostile file, and checks that the good note's statements are all there and
that the hostile one gives a problem row (in French, naming its line).
"""
from __future__ import annotations

import pytest

import csf_analysis.coding.codings as coding_module
import csf_analysis.workers as workers_module
from csf_analysis.corpus import load_corpus

GOOD = "bonne.md"
GOOD_NOTE = ("# Entretien du 3/02/2020\n\n- La tutrice a rappelé l'entreprise deux fois.\n"
             "- Le jeune a fini son stage.\n")
GOOD_TEXTS = {"La tutrice a rappelé l'entreprise deux fois.", "Le jeune a fini son stage."}


def folder_with(tmp_path, hostile: dict[str, str | bytes]):
    """A notes folder holding the good note and the ``hostile`` files."""
    notes = tmp_path / "notes"
    notes.mkdir(exist_ok=True)
    (notes / GOOD).write_text(GOOD_NOTE, encoding="utf-8")
    for name, content in hostile.items():
        path = notes / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    return notes


def parse(notes, **options):
    options.setdefault("cache_dir", None)
    options.setdefault("code", False)
    return load_corpus(notes, progress=False, **options)


def assert_good_note_read(corpus) -> None:
    good = corpus.statements.query("source_file == @GOOD")
    assert set(good["text"]) == GOOD_TEXTS
    assert not (corpus.problems["source_file"] == GOOD).any()


def problems_of(corpus, name: str):
    return corpus.problems.query("source_file == @name")


# -- 1. an exception inside one note ---------------------------------------------
@pytest.fixture
def in_process(monkeypatch):
    monkeypatch.setenv("CSF_WORKERS", "0")  # the monkeypatched functions run here


def test_a_parser_exception_is_an_error_row_for_that_note_only(tmp_path, monkeypatch,
                                                               in_process):
    notes = folder_with(tmp_path, {"piege.md": "# Entretien\n\n- ok\n\nPIÈGE ici\n"})
    real = workers_module.parse_note.__globals__["_NoteParser"].on_content

    def explode(self, block):
        if "PIÈGE" in block.text:
            raise ValueError("boum")
        return real(self, block)

    monkeypatch.setattr(workers_module.parse_note.__globals__["_NoteParser"], "on_content",
                        explode)
    corpus = parse(notes)
    assert_good_note_read(corpus)
    rows = problems_of(corpus, "piege.md")
    assert rows[["line", "severity"]].values.tolist() == [[5, "error"]]
    assert "note non lue" in rows["message"].iloc[0] and "ValueError" in rows["message"].iloc[0]


def test_an_exception_while_splitting_sentences_is_an_error_row(tmp_path, monkeypatch,
                                                                in_process):
    notes = folder_with(tmp_path, {"piege.md": "- PIÈGE\n"})
    real = workers_module.statement_rows

    def explode(note, nlp, **kwargs):
        if note.source_file == "piege.md":
            raise RuntimeError("spaCy a cassé")
        return real(note, nlp, **kwargs)

    monkeypatch.setattr(workers_module, "statement_rows", explode)
    corpus = parse(notes)
    assert_good_note_read(corpus)
    assert problems_of(corpus, "piege.md")["message"].str.contains("RuntimeError").all()
    assert len(problems_of(corpus, "piege.md")) == 1


def test_a_coding_exception_costs_only_that_note_its_coding(tmp_path, monkeypatch,
                                                            in_process):
    notes = folder_with(tmp_path, {"piege.md": "- PIÈGE dans le codage.\n"})
    real = coding_module.auto_code

    def explode(statements, **kwargs):
        if statements["text"].str.contains("PIÈGE").any():
            raise ValueError("codage impossible")
        return real(statements, **kwargs)

    monkeypatch.setattr(coding_module, "auto_code", explode)
    corpus = parse(notes, code=True)
    assert_good_note_read(corpus)
    rules = corpus.statements.set_index("text")["category_rule"]
    assert all(rules[text] for text in GOOD_TEXTS)      # inferred: coded
    assert not rules["PIÈGE dans le codage."]            # read, not coded
    rows = problems_of(corpus, "piege.md").query("severity == 'error'")
    assert len(rows) == 1 and "note non codée" in rows["message"].iloc[0]


def test_a_worker_result_that_cannot_come_back_is_redone_here(monkeypatch):
    from concurrent.futures import Future
    future: Future = Future()
    future.set_exception(TypeError("cannot pickle"))
    workers = workers_module.Workers(0)
    workers._tasks[future] = workers_module.Task()  # as submit() records it
    monkeypatch.setattr(workers_module, "run_task", lambda task, codebook=None: ["redone"])
    assert workers.result(future) == ["redone"]


# -- 2. front matter values off the contract -------------------------------------
@pytest.mark.parametrize("front_matter, words", [
    ("date: 2020-13-45\ntitle: Entretien RH", "2020-13-45"),
    ("date: 2020-02-30\ntitle: Entretien RH", "2020-02-30"),
    ("title: " + "[" * 400 + "]" * 400, "imbriqués"),
    ("title: Entretien RH\nactor: {role: {nom: [1, 2]}}", "dictionnaire"),
    ("title: Entretien RH\ncompany: [6, 16]", "liste de 2"),
    ("title: Entretien RH\ninterviewers: [" + ", ".join(["Ana"] * 1000) + "]", "1000"),
    ("title: Entretien RH\ninterviewers: [[Ana], [Léo]]", "liste de 2"),
    ("title: Entretien RH\nkind: {a: 1}", "« kind: » : un dictionnaire"),
    ("title: " + "x" * 600, "600 caractères"),
])
def test_front_matter_off_the_contract_is_a_problem_row_and_the_note_is_read(
        tmp_path, front_matter, words):
    note = f"---\n{front_matter}\n---\n\n- Le jeune est venu trois jours.\n"
    corpus = parse(folder_with(tmp_path, {"fm.md": note}))
    assert_good_note_read(corpus)
    rows = problems_of(corpus, "fm.md")
    assert rows["message"].str.contains(words, regex=False).any(), rows["message"].tolist()
    assert (rows["line"] == 1).all()
    assert "Le jeune est venu trois jours." in set(corpus.statements["text"])
    interview = corpus.interviews.query("source_file == 'fm.md'").iloc[0]
    assert interview["date"] == "" and interview["company_ref"] == ""
    assert interview["actor"] in ("", "autre") and len(interview["interviewers"]) < 100


def test_a_valid_front_matter_date_is_still_read(tmp_path):
    corpus = parse(folder_with(tmp_path, {"fm.md": "---\ndate: 2020-03-12\n---\n\n- Oui.\n"}))
    assert corpus.interviews.query("source_file == 'fm.md'")["date"].tolist() == ["2020-03-12"]
    assert problems_of(corpus, "fm.md").empty


# -- 9. cache entries of the wrong shape -----------------------------------------
@pytest.mark.parametrize("entry", ["[]", "{}", '{"statements": [1, 2]}', "null", "3",
                                   '{"interviews": [], "statements": [], "contacts": [], '
                                   '"problems": {}}',
                                   '{"categories": {}, "codings": [], "vetoed": "x"}'])
def test_a_cache_entry_of_the_wrong_shape_is_ignored_and_the_note_read_again(
        tmp_path, entry):
    from csf_analysis.corpus import CacheWarning, _NoteCache
    notes, cache = folder_with(tmp_path, {}), tmp_path / "cache"
    first = parse(notes, cache_dir=cache, code=True)
    entries = list(cache.rglob("*.json"))
    assert {p.parent.parent.name for p in entries} >= {"notes", "codings"}
    for path in entries:
        if path.parent.parent.name in ("notes", "codings"):
            path.write_text(entry, encoding="utf-8")
    _NoteCache.forget()  # the next run is another process: it reads the files
    with pytest.warns(CacheWarning, match="read again"):
        again = parse(notes, cache_dir=cache, code=True)
    assert set(again.statements["text"]) == GOOD_TEXTS
    assert again.stats["parsed"] == 1
    assert again.codings.sort_values(["statement_id", "code"]).reset_index(drop=True).equals(
        first.codings.sort_values(["statement_id", "code"]).reset_index(drop=True))


# -- 5. one invalid byte in a UTF-8 note -----------------------------------------
def test_one_invalid_byte_in_a_utf8_note_is_replaced_alone_with_a_warning(tmp_path):
    note = ("# Entretien du 4/02/2020\n\n- Elle a été très claire.\n"
            "- Le café \xff était froid.\n").encode("utf-8").replace(b"\xc3\xbf", b"\xff")
    corpus = parse(folder_with(tmp_path, {"octet.md": note}))
    assert_good_note_read(corpus)
    texts = set(corpus.statements.query("source_file == 'octet.md'")["text"])
    assert texts == {"Elle a été très claire.", "Le café \ufffd était froid."}
    rows = problems_of(corpus, "octet.md")
    assert rows[["line", "severity"]].values.tolist() == [[4, "warning"]]
    assert "ligne 4" in rows["message"].iloc[0]


def test_many_invalid_bytes_give_a_bounded_number_of_rows(tmp_path):
    note = "- été\n".encode() + b"- x\xff\n" * 50
    corpus = parse(folder_with(tmp_path, {"octets.md": note}))
    rows = problems_of(corpus, "octets.md").query("message.str.contains('UTF-8')")
    assert rows["line"].tolist() == [2, 3, 4, 5, 6, 7]
    assert "45 autre(s) ligne(s)" in rows["message"].iloc[-1]


def test_a_windows_1252_note_is_still_read_as_cp1252(tmp_path):
    note = "# Entretien du 4/02/2020\n\n- Elle a été très claire… “oui”.\n".encode("cp1252")
    corpus = parse(folder_with(tmp_path, {"windows.md": note}))
    assert "Elle a été très claire… “oui”." in set(corpus.statements["text"])
    assert "Windows-1252" in problems_of(corpus, "windows.md")["message"].iloc[0]


# -- 4. a file name that is not UTF-8 --------------------------------------------
def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_a_replacement_char(tmp_path):
    import os
    notes = folder_with(tmp_path, {})
    with open(os.fsencode(notes) + b"/caf\xe9.md", "wb") as handle:
        handle.write("# Entretien du 5/02/2020\n\n- Le café était noir.\n".encode())
    cache = tmp_path / "cache"
    corpus = parse(notes, cache_dir=cache, code=True)
    assert_good_note_read(corpus)
    assert corpus.statements.query("text == 'Le café était noir.'")["source_file"].tolist() \
        == ["caf\ufffd.md"]
    assert "UTF-8" in problems_of(corpus, "caf\ufffd.md")["message"].iloc[0]
    corpus.write(tmp_path / "tables")                       # CSV: no UnicodeEncodeError
    again = parse(notes, cache_dir=cache, code=True)      # JSON cache written, then read
    assert again.stats["cached"] == 2


# -- 10. links, loops and special files in the notes folder ----------------------
@pytest.fixture
def odd_folder(tmp_path):
    import os
    notes = folder_with(tmp_path, {})
    outside = tmp_path / "dehors"
    outside.mkdir()
    (outside / "secret.md").write_text("- Un secret hors du dossier.\n", encoding="utf-8")
    os.symlink("/etc/passwd", notes / "p.md")
    os.symlink(outside, notes / "lien-dehors")
    os.symlink(outside / "secret.md", notes / "secret.md")
    os.mkfifo(notes / "tube.md")
    os.symlink(notes, notes / "boucle")
    os.symlink("loop.md", notes / "loop.md")
    (notes / "sous").mkdir()
    (notes / "sous" / "dedans.md").write_text("- Une note rangée.\n", encoding="utf-8")
    (notes / "rangees").mkdir()
    os.symlink(notes / "sous", notes / "rangees" / "vers-sous")
    return notes


def test_links_leaving_the_folder_are_not_followed_and_named(odd_folder):
    corpus = parse(odd_folder)
    assert_good_note_read(corpus)
    assert "Un secret hors du dossier." not in set(corpus.statements["text"])
    assert not corpus.statements["text"].str.contains("root:").any()
    for name in ("p.md", "lien-dehors", "secret.md"):
        message = problems_of(corpus, name)["message"].iloc[0]
        assert "sort du dossier des notes" in message and "non suivi" in message
        assert str(odd_folder.parent) not in message and "/etc" not in message  # no path


def test_a_fifo_named_like_a_note_is_never_opened(odd_folder):
    corpus = parse(odd_folder)          # opening the FIFO would block here forever
    assert "jamais ouvert" in problems_of(corpus, "tube.md")["message"].iloc[0]


def test_links_inside_the_folder_are_read_once_and_loops_end(odd_folder):
    corpus = parse(odd_folder)
    assert corpus.statements.query("text == 'Une note rangée.'")["source_file"].tolist() \
        == ["sous/dedans.md"]
    assert "cassé" in problems_of(corpus, "loop.md")["message"].iloc[0]


def test_a_folder_linked_from_inside_is_read(tmp_path):
    import os
    notes = folder_with(tmp_path, {})
    (tmp_path / "notes" / ".archives").mkdir()
    (notes / ".archives" / "vieille.md").write_text("- Une vieille note.\n", encoding="utf-8")
    os.symlink(notes / ".archives", notes / "archives")
    corpus = parse(notes)
    assert corpus.statements.query("text == 'Une vieille note.'")["source_file"].tolist() \
        == ["archives/vieille.md"]


# -- 3. notes too big to read ----------------------------------------------------
def test_a_note_over_the_size_limit_is_refused_with_how_to_split_it(tmp_path, monkeypatch):
    import csf_analysis.reading.files as files_module
    monkeypatch.setattr(files_module, "MAX_NOTE_BYTES", 10_000)
    corpus = parse(folder_with(tmp_path, {"enorme.md": "- Une phrase de plus.\n" * 1000}))
    assert_good_note_read(corpus)
    rows = problems_of(corpus, "enorme.md")
    assert rows["severity"].tolist() == ["error"]
    assert "un fichier par entretien" in rows["message"].iloc[0]
    assert not (corpus.statements["source_file"] == "enorme.md").any()


# -- 6. lists and quotes nested past markdown-it's limit --------------------------
DEEP_LIST = "".join("  " * i + f"- niveau {i}\n" for i in range(10))
DEEP_QUOTE = "".join("> " * i + f"citation {i}\n" for i in range(1, 21))


@pytest.mark.parametrize("deep, last", [(DEEP_LIST, "niveau 9"), (DEEP_QUOTE, "citation 20")])
def test_deep_nesting_keeps_every_line_and_every_later_interview(tmp_path, deep, last):
    note = (f"# Entretien du 3/02/2020\n\n{deep}\nAprès la liste.\n\n"
            "# Entretien du 4/02/2020\n\n- Le second entretien.\n")
    corpus = parse(folder_with(tmp_path, {"profond.md": note}))
    assert_good_note_read(corpus)
    texts = " ".join(corpus.statements.query("source_file == 'profond.md'")["text"])
    for word in (last, "Après la liste.", "Le second entretien."):
        assert word in texts
    assert len(corpus.interviews.query("source_file == 'profond.md'")) == 2
    rows = problems_of(corpus, "profond.md").query("message.str.contains('imbriquée')")
    assert rows["severity"].tolist() == ["warning"] and "ligne" in rows["message"].iloc[0]


def test_a_line_nested_thousands_deep_parses(tmp_path):
    note = "# Entretien du 3/02/2020\n\n" + "> - " * 5000 + "fin\n\n- Après.\n"
    corpus = parse(folder_with(tmp_path, {"abime.md": note}))
    texts = set(corpus.statements.query("source_file == 'abime.md'")["text"])
    assert {"fin", "Après."} <= texts


# -- 3. huge lines, paragraphs and front matter ----------------------------------
WORDS = "Le jeune est venu au chantier avec son tuteur et il a aimé "


def test_huge_lines_paragraphs_and_front_matter_are_cut_before_spacy(tmp_path):
    notes = folder_with(tmp_path, {
        "ligne.md": "# Entretien\n\n" + WORDS * (2_000_000 // len(WORDS)) + "\n",
        "paragraphe.md": "# Entretien\n\n" + (WORDS + "\n") * (1_100_000 // len(WORDS)),
        "front.md": "---\ntitle: x\nnotes: " + WORDS * (1_100_000 // len(WORDS))
                    + "\n---\n\n- Le jeune est revenu.\n",
    })
    corpus = parse(notes)
    assert_good_note_read(corpus)
    for name, line in (("ligne.md", 3), ("paragraphe.md", 3), ("front.md", 2)):
        rows = problems_of(corpus, name).query("message.str.contains('morceaux')")
        assert rows[["line", "severity"]].values.tolist() == [[line, "warning"]], name
        words = corpus.statements.query("source_file == @name")["text"].str.count("jeune")
        assert words.sum() >= 1_000_000 // len(WORDS), name  # every word kept
    assert "20 000" in problems_of(corpus, "front.md")["message"].iloc[0]
    assert "Le jeune est revenu." in set(corpus.statements["text"])


# -- 7. adversarial lines --------------------------------------------------------
def test_every_adversarial_line_is_read_in_bounded_time(nlp):
    """A catastrophic-case guard (the per-pattern figures are in
    benchmarks/bench_hostile.py): before, one 20 KB line of "!?" took a minute."""
    import time

    from benchmarks.bench_hostile import PATTERNS, PLACES
    from csf_analysis.reading.notes import parse_note
    from csf_analysis.reading.statements import statement_rows
    size = 20_000
    lines = "".join(PLACES[place].format(line=(unit * (size // len(unit) + 1))[:size]) + "\n"
                    for unit in PATTERNS.values() for place in PLACES)
    text = f"# Entretien du 3/02/2020\n\n{lines}\n- Une fin.\n"
    start = time.perf_counter()
    rows = statement_rows(parse_note(text, "hostile.md"), nlp)  # its tokenizer guarded
    assert time.perf_counter() - start < 60
    assert rows[-1]["text"] == "Une fin."


def test_long_texts_go_through_spacy_in_batches_of_bounded_size(monkeypatch):
    """Twenty 100,000-character statements in one batch took 7 GB in the model: the
    pipeline wrapper feeds spaCy batches of at most MAX_BATCH_CHARS characters."""
    import spacy

    from csf_analysis.reading import nlp as nlp_module
    blank = spacy.blank("fr")
    blank.add_pipe("sentencizer")
    batches, real_pipe = [], blank.pipe

    def recording_pipe(texts, **kwargs):
        texts = list(texts)
        batches.append(sum(map(len, texts)))
        return real_pipe(texts, **kwargs)

    monkeypatch.setattr(blank, "pipe", recording_pipe)
    texts = ["mot " * 15_000] * 5 + ["Une phrase."] * 300
    docs = list(nlp_module._Only(blank, enable=["sentencizer"]).pipe(texts, batch_size=256))
    assert [doc.text for doc in docs] == texts
    assert max(batches) <= nlp_module.MAX_BATCH_CHARS and len(batches) >= 6
