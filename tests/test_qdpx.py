"""REFI-QDA exchange (issue 15): the .qdpx project validates against the standard's
schema, its references resolve, its selections are the statements' texts, another
reader (pyrefiqda) reads it back, an import of our own export changes nothing, and a
hand-made foreign project imports as documented."""
from __future__ import annotations

import hashlib
import shutil
import xml.etree.ElementTree as ET
import zipfile
from importlib import resources
from pathlib import Path

import pytest
import xmlschema
from pyrefiqda import RefiCodebook, RefiProject

from csf_analysis import cli, load_corpus
from csf_analysis.coding import manual
from csf_analysis.exchange import export_qdc, export_qdpx, import_qdpx
from csf_analysis.exchange.plain_text import interview_texts
from csf_analysis.exchange.qdpx_import import QdpxError
from csf_analysis.exchange.refi import AUTO_USER, PROJECT_NS

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "refi"
# The REFI-QDA Project schema (Project-mrt2019.xsd) as the qualitative-coding package
# ships it, pinned: another file under that name fails the test, not the check.
SCHEMA_SHA256 = "c702cc4a3e73b81dde722321331d9efc422a29b5866bbeea81a1e3b0e39a414b"
NS = {"q": PROJECT_NS}
NOW = "2026-12-05T10:00:00Z"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    path = resources.files("qualitative_coding") / "refi_qda" / "schema.xsd"
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SCHEMA_SHA256
    return xmlschema.XMLSchema(data.decode("utf-8"))


def _notes(tmp_path: Path, source: Path) -> Path:
    notes = tmp_path / "notes"
    shutil.copytree(source, notes)
    return notes


def _members(path: Path) -> tuple[ET.Element, dict[str, str], bytes]:
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde")
        texts = {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                 if name.startswith("sources/")}
    return ET.fromstring(qde), texts, qde


@pytest.mark.parametrize("folder", [FIXTURE / "notes", ROOT / "interviews"],
                         ids=["accents-crlf-emoji", "reference"])
def test_the_project_is_valid_every_guid_resolves_every_span_is_its_statement(
        tmp_path, schema, folder):
    notes = _notes(tmp_path, folder)
    manual.add_code(notes, _first_statement(notes), "delais", coder="yannick")
    corpus = load_corpus(notes, cache_dir=None)
    root, texts, qde = _members(export_qdpx(corpus, tmp_path / "p.qdpx", now=NOW))
    schema.validate(qde.decode("utf-8"))
    guids = {e.get("guid") for e in root.iter() if e.get("guid")}
    refs = [e.get("targetGUID") for e in root.iter() if e.get("targetGUID")]
    refs += [e.get("creatingUser") for e in root.iter() if e.get("creatingUser")]
    assert refs and set(refs) <= guids
    statements = corpus.statements.set_index("statement_id")["text"]
    selections = 0
    for source in root.iterfind("q:Sources/q:TextSource", NS):
        name = source.get("plainTextPath").removeprefix("internal://")
        text = texts[f"sources/{name}"]
        assert "\r" not in text and not text.startswith("\ufeff")
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == statements[selection.get("name")]
            selections += 1
    counted = corpus.counted().statements
    assert selections == (counted["interview_id"] != "").sum() > 0


def _first_statement(notes: Path) -> str:
    statements = load_corpus(notes, cache_dir=None).statements
    return statements.loc[statements["interview_id"] != "", "statement_id"].iloc[0]


def test_nfd_accents_curly_quotes_emoji_tags_and_two_lines_keep_their_spans():
    corpus = load_corpus(FIXTURE / "notes", cache_dir=None)
    source = interview_texts(corpus.interviews, corpus.statements)["entretien-port"]
    spans = [source.text[a:b] for a, b in source.spans.values()]
    assert "Le tuteur a e\u0301te\u0301 tre\u0300s pre\u0301sent, il a accompagne\u0301 le " \
        "jeune." in spans  # decomposed accents, as the note has them
    assert "C’est « compliqué » de trouver un tuteur disponible 😅" in spans
    assert "le marché, personne ne nous avait prévenus." in spans


def test_pyrefiqda_reads_back_the_sources_codes_selections_and_cases(tmp_path):
    notes = _notes(tmp_path, ROOT / "interviews")
    corpus = load_corpus(notes, cache_dir=None)
    path = export_qdpx(corpus, tmp_path / "p.qdpx", now=NOW)
    project = RefiProject.load(path, extract_dir=str(tmp_path / "extracted"))
    counted = corpus.counted()
    interviews = counted.interviews[counted.interviews["interview_id"] != ""]
    assert sorted(s.name for s in project.sources.text_source) == sorted(
        interviews["interview_id"])
    assert sorted(c.name for c in project.cases.case) == sorted(interviews["interview_id"])
    assert all(c.source_ref for c in project.cases.case)
    codes = []

    def walk(items):
        for code in items:
            codes.append(code.name)
            walk(code.code)
    walk(project.code_book.codes.code)
    assert set(corpus.codebook["label"]) <= set(codes)
    coded = {(sel.name, c.code_ref.target_guid)
             for source in project.sources.text_source
             for sel in source.plain_text_selection for c in sel.coding}
    statements = counted.statements[counted.statements["interview_id"] != ""]
    # every code of every statement, and its category
    assert len(coded) == len(counted.codings[counted.codings["statement_id"].isin(
        statements["statement_id"])].drop_duplicates(["statement_id", "code"])) + len(statements)
    values = {v.text_value for case in project.cases.case for v in case.variable_value}
    assert {"entreprise", "entretien", "300h"} <= values


def test_the_codebook_alone_as_qdc(tmp_path, schema):
    """Read by pyrefiqda's bindings of the Codebook schema; its codes, set in a project,
    are valid against the Project schema (both schemas share the code's type)."""
    corpus = load_corpus(ROOT / "interviews", cache_dir=None)
    path = export_qdc(corpus, tmp_path / "codes.qdc")
    root = ET.parse(path).getroot()
    assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
    codes = ET.tostring(root.find("{urn:QDA-XML:codebook:1.0}Codes"), encoding="unicode")
    schema.validate(f'<Project xmlns="{PROJECT_NS}" name="x"><CodeBook>'
                    + codes.replace("urn:QDA-XML:codebook:1.0", PROJECT_NS).replace(
                        "ns0:", "").replace(":ns0", "") + "</CodeBook></Project>")
    book = RefiCodebook.load(path)
    names, parents = [], {}

    def walk(items, parent):
        for code in items:
            names.append(code.name)
            parents[code.name] = parent
            walk(code.code, code.name)
    walk(book.codes.code, "")
    assert sorted(names) == sorted(corpus.codebook["label"])
    labels = dict(zip(corpus.codebook["code"], corpus.codebook["label"]))
    for row in corpus.codebook.itertuples():
        assert parents[row.label] == labels.get(row.parent, "")


def test_export_then_import_changes_no_coding_nor_the_codebook(tmp_path):
    notes = _notes(tmp_path, ROOT / "interviews")
    sid = _first_statement(notes)
    manual.add_code(notes, sid, "delais", coder="yannick")
    manual.set_category(notes, sid, "feelings", coder="yannick")
    manual.add_code(notes, sid, "un-code-nouveau", coder="claire")
    manual.record(notes, sid, "memo", "", coder="claire", note="à citer")
    corpus = load_corpus(notes, cache_dir=None)
    before = manual.load_decisions(notes)
    result = import_qdpx(export_qdpx(corpus, tmp_path / "p.qdpx", now=NOW), notes)
    assert (result.recorded, result.already) == (0, 3) and result.problems.empty
    assert manual.load_decisions(notes).equals(before)
    again = load_corpus(notes, cache_dir=None)
    key = ["statement_id", "code", "coder"]
    assert again.codings[key].sort_values(key).values.tolist() == \
        corpus.codings[key].sort_values(key).values.tolist()
    assert again.codebook.equals(corpus.codebook)


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "foreign.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        for member in sorted((FIXTURE / "foreign").rglob("*")):
            if member.is_file():
                archive.write(member, member.relative_to(FIXTURE / "foreign").as_posix())
    return path


def test_a_foreign_project_with_bom_crlf_two_statements_and_a_new_sub_code(tmp_path):
    notes = _notes(tmp_path, FIXTURE / "notes")
    result = import_qdpx(_foreign(tmp_path), notes)
    assert result.recorded == 9  # 4 codes, 2 definitions, 1 category, 2 memos
    warnings = result.problems["message"].tolist()
    assert len(warnings) == 2 and "document entier" in warnings[0]
    assert "sélection 320-336 ne couvre la moitié d'aucun énoncé" in warnings[1]
    corpus = load_corpus(notes, cache_dir=None)
    ids = dict(zip(corpus.statements["text"].str[:9], corpus.statements["statement_id"]))
    manual_codings = corpus.codings[corpus.codings["origin"] == "manual"]
    assert sorted(zip(manual_codings["statement_id"], manual_codings["code"],
                      manual_codings["coder"])) == sorted([
        (ids["Le tuteur"], "accompagnement", "camille"),  # by name: the code's id
        (ids["La clause"], "relations-avec-l-ecole", "camille"),
        (ids["le marché"], "relations-avec-l-ecole", "camille"),  # half of the selection
        (ids["Prévoir u"], "calendrier-partage", "camille")])
    book = corpus.codebook.set_index("code")
    assert book.loc["calendrier-partage", ["label", "parent"]].tolist() == \
        ["Calendrier partagé", "relations-avec-l-ecole"]
    assert book.loc["relations-avec-l-ecole", "label"] == "Relations avec l'école"
    category = corpus.statements.set_index("statement_id").loc[ids["C’est « c"]]
    assert (category["category"], category["category_origin"]) == ("representation", "manual")
    decisions = manual.load_decisions(notes)
    assert decisions.loc[decisions["action"] == "add", "time"].iloc[0] == "2026-11-20T14:05:00"
    memos = decisions[decisions["action"] == "memo"]
    assert sorted(memos["statement_id"]) == sorted([ids["La clause"], ids["le marché"]])
    assert set(memos["note"]) == {"À citer : la clause découverte à la signature."}
    assert import_qdpx(_foreign(tmp_path), notes).recorded == 0  # imported twice: once


def test_a_source_whose_text_no_longer_matches_the_notes_is_refused(tmp_path):
    notes = _notes(tmp_path, FIXTURE / "notes")
    note = notes / "entretien-port.md"
    note.write_bytes(note.read_bytes().replace("Prévoir".encode(), "Il faut prévoir".encode()))
    result = import_qdpx(_foreign(tmp_path), notes)
    assert result.recorded == 0 and not manual.decisions_path(notes).exists()
    message = result.problems["message"].iloc[0]
    assert "« entretien Port.txt »" in message and "jamais décalés" in message
    assert result.problems["severity"].iloc[0] == "error"


def test_our_own_export_after_an_edit_of_the_notes_names_its_first_different_line(tmp_path):
    notes = _notes(tmp_path, FIXTURE / "notes")
    path = export_qdpx(load_corpus(notes, cache_dir=None), tmp_path / "p.qdpx", now=NOW)
    note = notes / "entretien-port.md"
    note.write_bytes(note.read_bytes().replace("Prévoir".encode(), "Il faut prévoir".encode()))
    result = import_qdpx(path, notes)
    assert "première différence ligne 17 de la source : « Prévoir un calendrier" in \
        result.problems["message"].iloc[0]


@pytest.mark.parametrize("content, said", [
    (b"not a zip", "pas un projet REFI-QDA lisible"),
    ("zip:<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><Project/>", "DTD"),
    ("zip:<Projet/>", "n'est pas un projet REFI-QDA"),
    ("zip:<Project", "n'est pas du XML valide"),
])
def test_a_file_that_is_no_refi_project_gets_a_clear_error(tmp_path, content, said):
    path = tmp_path / "bad.qdpx"
    if isinstance(content, str):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("project.qde", content.removeprefix("zip:"))
    else:
        path.write_bytes(content)
    with pytest.raises(QdpxError, match=said):
        import_qdpx(path, FIXTURE / "notes")


def test_the_commands(tmp_path, capsys):
    notes = _notes(tmp_path, FIXTURE / "notes")
    out = tmp_path / "out" / "p.qdpx"
    assert cli.main(["export-qdpx", str(notes), "--out", str(out), "--no-cache"]) == 0
    assert "1 source(s)" in capsys.readouterr().out
    assert out.stat().st_mode & 0o644 == 0o644  # readable as any new file, not 0600
    assert not list(out.parent.glob(".*tmp"))
    assert cli.main(["export-qdc", str(notes), "--out", str(tmp_path / "c.qdc"),
                     "--no-cache"]) == 0
    assert cli.main(["import-qdpx", str(_foreign(tmp_path)), str(notes), "--no-cache"]) == 0
    assert "9 décision(s) enregistrée(s)" in capsys.readouterr().out
    (notes / "entretien-port.md").write_text("# autre chose\n\n- rien\n", encoding="utf-8")
    assert cli.main(["import-qdpx", str(_foreign(tmp_path)), str(notes), "--no-cache"]) == 1
    assert "ne correspond à aucun entretien" in capsys.readouterr().err
    assert cli.main(["import-qdpx", str(tmp_path / "c.qdc"), str(notes), "--no-cache"]) == 2
    assert "pas un projet REFI-QDA lisible" in capsys.readouterr().err


def test_the_toolkits_own_coding_is_the_auto_user(tmp_path):
    corpus = load_corpus(FIXTURE / "notes", cache_dir=None)
    root, _, _ = _members(export_qdpx(corpus, tmp_path / "p.qdpx", now=NOW))
    users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", NS)}
    coders = {users[c.get("creatingUser")] for c in root.iter(f"{{{PROJECT_NS}}}Coding")}
    assert coders == {AUTO_USER}


def test_a_pseudonymised_export_names_no_one(tmp_path):
    notes = _notes(tmp_path, ROOT / "tests" / "fixtures" / "pseudonymes")
    out = tmp_path / "p.qdpx"
    assert cli.main(["export-qdpx", str(notes), "--out", str(out), "--pseudonymise",
                     "--no-cache"]) == 0
    _, texts, qde = _members(out)
    every = qde.decode("utf-8") + "".join(texts.values())
    assert "Personne" in every
    for name in ("Vasseur", "Lefèvre", "Camille", "Bertrand", "b.vasseur@"):
        assert name not in every
