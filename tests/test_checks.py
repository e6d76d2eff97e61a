"""Tests for csf_analysis.coding.checks: every decision is checked before it is written
(issue 14, part 2), from the API, the coding notebook's corrections and the command line."""
from __future__ import annotations

import contextlib
import io
import shutil
from types import SimpleNamespace

import pandas as pd
import pytest

from csf_analysis import config
from csf_analysis.cli import main
from csf_analysis.coding.checks import category_name, check_decision
from csf_analysis.coding.manual import DecisionError, decisions_path, load_decisions
from csf_analysis.coding.review import Coder

SID = "s0123456789ab"


def _corpus() -> SimpleNamespace:
    return SimpleNamespace(
        statements=pd.DataFrame({"statement_id": [SID, "s1111111111aa"],
                                 "text": ["Le tuteur était débordé.", "Deux."]}),
        codings=pd.DataFrame({"statement_id": [SID], "code": ["tag-maison"]}),
        codebook=pd.DataFrame({"code": ["delais", "accompagnement"],
                               "label": ["Délais et lenteurs", "Accompagnement et tutorat"]}))


@pytest.mark.parametrize(("given", "category"), [
    ("feelings", "feelings"), ("Ressentis", "feelings"), ("ressenti", "feelings"),
    ("représentation", "representation"), ("REPRESENTATIONS", "representation"),
    ("faits", "facts"), ("À retenir", "takeaway"), ("debrief", "debrief")])
def test_categories_in_french_or_english(given, category):
    assert category_name(given) == category


def test_an_unknown_category_names_the_near_ones_and_all_of_them():
    with pytest.raises(DecisionError, match="catégorie inconnue « resentis »") as error:
        category_name("resentis")
    assert "vouliez-vous dire Ressentis" in str(error.value)
    with pytest.raises(DecisionError, match="Faits \\(facts\\)"):
        category_name("émotion")


def test_a_code_typo_is_refused_with_the_near_codes():
    with pytest.raises(DecisionError) as error:
        check_decision(_corpus(), SID, "add", "accompagnemnt")
    message = str(error.value)
    assert "« accompagnemnt » n'est pas dans le livre de codes" in message
    assert "vouliez-vous dire accompagnement (Accompagnement et tutorat) ?" in message
    assert "--new, ou new=True" in message


def test_a_new_code_only_on_purpose_and_labels_name_their_code():
    assert check_decision(_corpus(), SID, "add", "Peur du jeune", new=True).value == \
        "peur-du-jeune"
    assert check_decision(_corpus(), SID, "ajouter", "Délais et lenteurs").value == "delais"
    with pytest.raises(DecisionError, match="n'est pas dans le livre de codes"):
        check_decision(_corpus(), SID, "remove", "peur-du-jeune", new=True)


def test_removing_a_code_the_statement_has_works_even_outside_the_codebook():
    checked = check_decision(_corpus(), SID, "retirer", "tag-maison")
    assert (checked.action, checked.value) == ("remove", "tag-maison")


def test_an_unknown_statement_is_refused_with_the_near_id():
    with pytest.raises(DecisionError, match="aucun énoncé « s0123456789ac » dans les notes ; "
                                            f"vouliez-vous dire {SID} ?"):
        check_decision(_corpus(), "s0123456789ac", "add", "delais")


def test_the_coder_writes_the_statements_text_and_french_names(tmp_path):
    coder = Coder(tmp_path, "ana", corpus=_corpus())
    coder.category(SID, "ressentis")
    coder.add(SID, "Délais et lenteurs")
    rows = load_decisions(tmp_path)[["action", "code", "text"]].values.tolist()
    assert rows == [["category", "feelings", "Le tuteur était débordé."],
                    ["add", "delais", "Le tuteur était débordé."]]


def test_one_wrong_correction_writes_none_and_all_are_named(tmp_path):
    corrections = [(SID, "add", "delais"), (SID, "add", "delai"),
                   ("s0000000000zz", "categorie", "faits"), (SID, "cat", "émotion")]
    with pytest.raises(DecisionError) as error:
        Coder(tmp_path, "ana", corpus=_corpus()).apply(corrections)
    message = str(error.value)
    assert message.startswith("rien n'a été enregistré")
    assert all(f"correction {n} " in message for n in (2, 3, 4))
    assert "correction 1 " not in message
    assert not decisions_path(tmp_path).exists()


def test_decisions_saved_by_excel_in_french_are_read(tmp_path):
    """Excel (French) saves a CSV with ';' in Windows-1252."""
    text = ("statement_id;action;code;coder;time;note;text\r\n"
            f"{SID};add;delais;Hélène;2020-03-01T10:00:00;à revoir; le tuteur était débordé\r\n")
    decisions_path(tmp_path).write_bytes(text.encode("cp1252"))
    table = load_decisions(tmp_path)
    assert table[["code", "coder", "note"]].values.tolist() == [["delais", "Hélène", "à revoir"]]
    Coder(tmp_path, "ana", corpus=_corpus()).add(SID, "accompagnement")  # appends, in UTF-8
    assert load_decisions(tmp_path)["coder"].tolist() == ["Hélène", "ana"]


def test_a_decisions_file_in_no_known_encoding_says_how_to_save_it(tmp_path):
    decisions_path(tmp_path).write_bytes(b"statement_id,action,code,coder\n\x81\x8d,add,x,y\n")
    with pytest.raises(DecisionError, match="enregistrez-le en « CSV UTF-8"):
        load_decisions(tmp_path)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


def test_the_command_line_refuses_an_unknown_code_unless_new(tmp_path, reference_note, nlp):
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(reference_note, notes / reference_note.name)
    cache = tmp_path / "cache"
    from csf_analysis import load_corpus
    statement = load_corpus(notes, cache_dir=cache, progress=False).statements.iloc[3]
    base = ["--notes", str(notes), "--cache", str(cache), "--coder", "ana"]
    status, _, err = _run("code", statement["statement_id"], "acompagnement", *base)
    assert status != 0 and "vouliez-vous dire accompagnement" in err
    assert not (notes / config.MANUAL_CODES_FILE).exists()
    assert _run("code", statement["statement_id"], "peur-du-jeune", "--new", *base)[0] == 0
    assert _run("code", statement["statement_id"], "--category", "ressentis", *base)[0] == 0
    rows = load_decisions(notes)[["action", "code", "text"]].values.tolist()
    assert rows == [["add", "peur-du-jeune", statement["text"][:200]],
                    ["category", "feelings", statement["text"][:200]]]
