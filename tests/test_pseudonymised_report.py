"""End to end: ``--pseudonymise`` on a small notes folder and on the reference note.

The report is built, its PDF read back with pypdf: no name is left, the
pseudonyms are there, and the correspondence is only next to the notes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from csf_analysis import cli
from csf_analysis.privacy.leaks import output_text
from csf_analysis.privacy.pseudonymise import MAPPING_FILE, load_mapping

pytestmark = pytest.mark.slow

FOLDER = Path(__file__).resolve().parent / "fixtures" / "pseudonymes"
NAMES = ("Camille", "Lefèvre", "Lefevre", "lefevre", "Marchand", "Vasseur", "vasseur",
         "Bertrand", "Sophie", "Renaud", "06 12 34 56 78", "01 45 32 77 10", "@ac-exemple.fr")


def _build_all(notes: Path, out: Path) -> None:
    for command, folder in (("tables", "tables"), ("charts", "figures"), ("report", "report")):
        assert cli.main([command, str(notes), "--out", str(out / folder), "--cache",
                         str(out / "cache"), "--pseudonymise"]) == 0


def _outputs(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): output_text(p) for p in out.rglob("*")
            if p.is_file() and "cache" not in p.parts and p.suffix in
            (".pdf", ".html", ".csv", ".ipynb", ".svg", ".json")}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petit")
    shutil.copytree(FOLDER, folder / "notes")
    _build_all(folder / "notes", folder / "out")
    return folder


def test_pdf_has_pseudonyms_and_no_name(small):
    pdf = small / "out" / "report" / "synthese.pdf"
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages).split())
    assert [name for name in NAMES if name in text] == []
    assert "Personne A" in text and "Enquêteur 1" in text and "[téléphone]" in text
    assert "collège Jules Ferry" in text and "tutrice pilote" in text


def test_no_output_holds_a_name(small):
    outputs = _outputs(small / "out")
    assert {"report/synthese.pdf", "report/synthese.html", "report/synthese.ipynb",
            "tables/statements.csv", "figures/chronologie.svg"} <= set(outputs)
    leaks = [(file, name) for file, text in outputs.items() for name in NAMES if name in text]
    assert leaks == []


def test_mapping_only_next_to_the_notes(small):
    assert {row["nom"] for row in load_mapping(small / "notes")} >= {
        "Camille Lefèvre", "Hugo Marchand", "Bertrand Vasseur", "Sophie Renaud"}
    assert not list((small / "out").rglob(MAPPING_FILE))
    assert not [text for text in _outputs(small / "out").values() if "Camille Lefèvre" in text]


def test_reference_note_has_no_interviewer_or_speaker_name(tmp_path, reference_note):
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(reference_note, notes / reference_note.name)
    _build_all(notes, tmp_path / "out")
    names = {row["nom"] for row in load_mapping(notes)}
    assert {"Yannick", "Philippe"} <= names
    outputs = _outputs(tmp_path / "out")
    assert "report/synthese.pdf" in outputs
    leaks = [(file, name) for file, text in outputs.items() for name in names
             for form in (name, name.lower(), name.upper()) if form in text]
    assert leaks == []
    assert "Personne A" in outputs["report/synthese.pdf"]
