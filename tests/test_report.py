"""End-to-end tests for csf_analysis.report.build: notes -> notebook -> HTML and PDF.

Three reports are built once for the whole module from a copy of
``interviews/`` (a fixed build date, a cache of their own): the first report,
a rebuild after adding a note (whose text holds markup), and a rebuild with
nothing changed. The tests read the PDFs with pypdf and the HTML with
BeautifulSoup.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbconvert.exporters import get_export_names
from pypdf import PdfReader

from csf_analysis import config
from csf_analysis.report import build as report
from csf_analysis.report import exporter
from csf_analysis.report.manifest import FILE_NAME, load_manifest

pytestmark = pytest.mark.slow

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
NEW_NOTE_NAME = "2020-03-12-test.md"
# Written for these tests in the team's style (not taken from the team's notes).
NEW_NOTE = f"""\
### (450h) 23 : Test avec la blanchisserie {SCRIPT}

Ce qui s'est passé jusqu'à présent :
- Le marché a été notifié en janvier 2020. Personne ne nous a parlé de la clause avant mars.

Représentation :
- On pensait que la clause était une formalité {SCRIPT} du marché.
- Le tuteur {IMG} n'avait aucune information sur le jeune.

Ressentis :
- On s'est senti un peu seuls au début, sans interlocuteur.

#### On retient :
- prévoir un point avec la tutrice MLDS avant l'arrivée du jeune
"""


# The team's findings, written for these tests: a citation by line, one whose note changed.
FINDINGS = f"""\
# Ce que nous avons compris

La clause arrive tard dans le marché [@entretien-entreprises.md:57].

Un constat dont la note a changé depuis [@s000000000000].

{SCRIPT} reste du texte.
"""


@dataclass
class Build:
    text: str          # the PDF's text, whitespace collapsed
    pages: int
    html: str
    pdf: bytes
    manifest: bytes


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too) and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(notes: Path, out: Path, cache: Path, date: str) -> Build:
    before = _snapshot(notes)
    result = report.build_report(notes, out, cache_dir=cache, build_date=date)
    assert _snapshot(notes) == before, "the build wrote into the notes folder"
    reader = PdfReader(result.pdf)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    text = text.replace("\u2010 ", "")  # words the PDF hyphenated at a line's end
    return Build(text, len(reader.pages), result.html.read_text("utf-8"),
                 result.pdf.read_bytes(), (out / FILE_NAME).read_bytes())


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(first report, rebuild after adding a note, rebuild unchanged) and the folders."""
    root = tmp_path_factory.mktemp("report")
    notes, out, cache = root / "notes", root / "out", root / "cache"
    shutil.copytree(config.PROJECT_ROOT / "interviews", notes)
    first = _build(notes, out, cache, "2020-03-01")
    (notes / NEW_NOTE_NAME).write_text(NEW_NOTE, encoding="utf-8")
    (notes / "synthese.md").write_text(FINDINGS, encoding="utf-8")
    second = _build(notes, out, cache, "2020-03-12")
    third = _build(notes, out, cache, "2020-03-12")
    return {"first": first, "second": second, "third": third, "notes": notes, "out": out}


def _section(text: str, heading: str, next_heading: str) -> str:
    """The body of a section (its last occurrence: the first ones are in the contents)."""
    start = text.rindex(heading) + len(heading)
    return text[start:text.index(next_heading, start)]


def test_first_report_shows_the_three_interviews(builds):
    text = builds["first"].text
    assert "Entreprise 6 300h (300h) 6 : Plone DGESCO & DNE" in text
    assert "Entreprise 16 autre 16 (autre) Province" in text
    assert "3/02/2020 Entreprise — 900h (900h) Entretien du 3/02/2020" in text


def test_without_findings_the_report_says_where_to_write_them(builds):
    findings = _section(builds["first"].text, "Nos constats", "Le corpus en un coup d'œil")
    assert "pas encore écrit ses constats" in findings and "notes/synthese.md" in findings


def test_the_teams_findings_come_first_with_their_citations_quoted(builds):
    text = builds["second"].text
    assert text.rindex("Nos constats") < text.rindex("Le corpus en un coup d'œil")
    findings = _section(text, "Nos constats", "Le corpus en un coup d'œil")
    assert "Ce que nous avons compris" in findings
    assert ("La clause date de 2017 : la moitié des 150h a été effectué. La jeune est partie "
            "avant la fin. Elle a fait moins de 70h." in findings)  # every statement of line 57
    assert "(300h) 6 : Plone DGESCO & DNE — entreprise 6, clause 300h — " \
        "entretien-entreprises.md:57" in findings
    assert "[citation introuvable : @s000000000000]" in findings
    assert "1 citation introuvable" in findings
    assert SCRIPT in findings  # shown as text
    problems = text[text.rindex("Problèmes trouvés dans les notes"):]
    assert "synthese.md" in problems and "[@s000000000000]" in problems


def test_the_findings_file_is_no_interview(builds):
    overview = _section(builds["second"].text, "Le corpus en un coup d'œil",
                        "Nouveau depuis le dernier rapport")
    assert "synthese" not in overview and "Ce que nous avons compris" not in overview
    new = _section(builds["second"].text, "Nouveau depuis le dernier rapport",
                   "Les contacts avec les entreprises")
    assert "1 nouvel entretien" in new


def test_title_page(builds):
    first_page = builds["first"].text.split("Page 1 / ")[0]
    assert "Synthèse des entretiens" in first_page
    assert "CLAUSE SOCIALE DE FORMATION" in first_page
    assert "Période couverte le 3 février 2020 (1 entretien daté sur 3)" in first_page
    assert "par acteur Entreprise : 3" in first_page
    assert "Rapport construit le 1er mars 2020" in first_page
    assert "Table des matières" not in first_page


def test_quotes_are_attributed(builds):
    text = builds["first"].text
    assert re.search(r"« Je ne connaissais pas le principe\. » \(300h\) 6 : Plone DGESCO & "
                     r"DNE — entreprise 6, clause 300h — entretien-entreprises\.md:\d+", text)
    assert len(re.findall(r"entretien-entreprises\.md:\d+", text)) >= 20


def test_funnel_figures(builds):
    assert ("11 entreprises contactées : 4 ont répondu, 5 sans réponse, 2 en erreur ; "
            "2 entretiens réalisés.") in builds["first"].text


def test_first_report_says_so(builds):
    section = _section(builds["first"].text, "Nouveau depuis le dernier rapport",
                       "Les contacts avec les entreprises")
    assert "Premier rapport : tout est nouveau." in section


def test_contents_and_annexes(builds):
    text = builds["first"].text
    assert "Table des matières" in text
    for heading in ("Le corpus en un coup d'œil", "Ce que disent les entretiens, par catégorie",
                    "Les thèmes un par un", "Ce que nous retenons", "Annexe A — Méthode",
                    "Annexe B — Tous les énoncés"):
        assert text.count(heading) >= 2, heading  # in the contents and in the body


def test_new_interview_is_new_since_the_last_report(builds):
    section = _section(builds["second"].text, "Nouveau depuis le dernier rapport",
                       "Les contacts avec les entreprises")
    assert section.lstrip().startswith("Ce qui a été ajouté")
    assert ("Depuis le rapport du 1er mars 2020 : 1 nouvel entretien, 6 nouveaux énoncés, "
            "0 énoncé retiré ou modifié.") in section
    assert "Test avec la blanchisserie" in section
    assert f"On pensait que la clause était une formalité {SCRIPT} du marché." in section
    assert f"{NEW_NOTE_NAME}:" in section
    assert "Plone" not in section


def test_markup_from_the_notes_is_literal_text_in_the_pdf(builds):
    text = builds["second"].text
    assert f"Le tuteur {IMG} n'avait aucune information sur le jeune." in text
    assert text.count(SCRIPT) >= 3


def test_html_has_no_live_markup_from_the_notes(builds):
    html = builds["second"].html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all(["script", "iframe", "object", "embed"]) == []
    assert not [name for tag in soup.find_all(True) for name in tag.attrs
                if name.lower().startswith("on")]
    assert not [img for img in soup.find_all("img") if img.get("src") == "x"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert IMG in soup.get_text()


def test_unchanged_rebuild_gives_the_same_text(builds):
    assert builds["third"].text == builds["second"].text
    assert builds["third"].pages == builds["second"].pages


def test_every_statement_is_in_the_annex_file_not_the_pdf(builds):
    import pandas as pd
    table = pd.read_csv(builds["out"] / "annexe-enonces.csv", dtype=str, keep_default_na=False)
    assert len(table) > 100 and "annexe-enonces.csv" in builds["second"].text
    quoted = [s for s in table["énoncé"] if len(s) > 40 and s in builds["second"].text]
    assert len(quoted) < len(table) / 2  # the quotes of the sections, not every line


def test_page_count_is_sane(builds):
    for name in ("first", "second", "third"):
        assert 12 <= builds[name].pages <= 60, (name, builds[name].pages)
    assert builds["second"].pages >= builds["first"].pages


def test_manifest_records_the_last_build(builds):
    manifest = load_manifest(builds["out"] / FILE_NAME)
    assert manifest.current["date"] == "2020-03-12"
    assert manifest.previous["date"] == "2020-03-01"
    assert any("2020-03-12-test" in i for i in manifest.current["interviews"])


def test_output_folder_holds_only_the_report(builds):
    assert sorted(p.name for p in builds["out"].iterdir()) == [
        "annexe-enonces.csv", FILE_NAME, "synthese.html", "synthese.ipynb", "synthese.pdf"]


def test_failed_export_leaves_the_previous_report(builds, monkeypatch):
    """The PDF export fails: the previous PDF, HTML and manifest stay as they were."""
    out = builds["out"]
    executed = (out / "synthese.ipynb").read_text("utf-8")
    before = {name: (out / name).read_bytes()
              for name in ("synthese.pdf", "synthese.html", "synthese.ipynb", FILE_NAME,
                           "annexe-enonces.csv")}

    def execute(notebook, parameters, out_path):
        # Stand-in for papermill: a notebook that differs from the last one, and its
        # manifest, without running the notebook again.
        node = nbformat.reads(executed, as_version=4)
        node.cells.append(nbformat.v4.new_markdown_cell("## Rapport interrompu"))
        nbformat.write(node, out_path)
        Path(parameters["NEXT_MANIFEST"]).write_text('{"current": null}', encoding="utf-8")
        return node

    def broken_export(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(report, "execute", execute)
    monkeypatch.setattr(exporter, "export_pdf", broken_export)
    with pytest.raises(OSError, match="disk full"):
        report.build_report(builds["notes"], out, cache_dir=None, build_date="2020-04-01")
    assert {name: (out / name).read_bytes() for name in before} == before
    assert sorted(p.name for p in out.iterdir()) == sorted(before)  # no temporary left


def test_csf_pdf_is_a_registered_exporter():
    assert {"csf_pdf", "csf_html"} <= set(get_export_names())


def _private_strings(*folders: Path) -> list[str]:
    """What no output may hold: this machine's absolute paths, login and host names."""
    import getpass
    import socket
    found = [str(f.resolve()) for f in folders] + [str(config.PROJECT_ROOT), str(Path.home())]
    names = [getpass.getuser(), socket.gethostname()]
    return found + [name for name in names if len(name) >= 4]


def test_no_absolute_path_login_or_host_name_in_any_output(builds):
    out, notes = builds["out"], builds["notes"]
    private = _private_strings(notes, out, out.parent / "cache")
    for path in out.iterdir():
        text = path.read_bytes().decode("utf-8", "replace")
        if path.suffix == ".pdf":
            text = " ".join(page.extract_text() for page in PdfReader(path).pages)
        leaks = [value for value in private if re.search(rf"(?<![\w.-]){re.escape(value)}"
                                                          r"(?![\w-])", text)]
        assert not leaks, f"{path.name} holds {leaks}"


def test_the_executed_notebook_names_folders_relatively(builds):
    node = nbformat.read(builds["out"] / "synthese.ipynb", as_version=4)
    parameters = node.metadata["papermill"]["parameters"]
    assert parameters["NOTES_DIR"] == "notes" and parameters["OUT_DIR"] == "."


def test_a_build_killed_at_any_moment_keeps_a_whole_report_set(builds, tmp_path):
    """kill -9 of a report build during the notebook run and during the file swap: the
    set on disk is the previous one (or, after the swap's journal is rolled forward by
    the next run, the new one), never a mix; no build folder is left by the next run."""
    import subprocess
    import sys
    import textwrap
    out = tmp_path / "out"
    shutil.copytree(builds["out"], out)
    names = ["synthese.pdf", "synthese.html", "synthese.ipynb", FILE_NAME, "annexe-enonces.csv"]
    before = {name: (out / name).read_bytes() for name in names}
    for moment in ("execute", "swap"):
        script = textwrap.dedent(f"""
            import os
            from pathlib import Path
            from csf_analysis import filesets
            from csf_analysis.report import build as report
            real_replace = os.replace
            def execute(notebook, parameters, out_path):
                for name in {names!r}:
                    (Path(out_path).parent / name).write_text("new " + name)
                if {moment!r} == "execute":
                    os.kill(os.getpid(), 9)
                import nbformat
                return nbformat.v4.new_notebook()
            def replace(src, dst, moved=[]):
                if len(moved) == 2:
                    os.kill(os.getpid(), 9)
                moved.append(dst)
                real_replace(src, dst)
            report.execute = execute
            os.replace = replace
            report.build_report({str(builds["notes"])!r}, {str(out)!r}, cache_dir=None)
        """)
        killed = subprocess.run([sys.executable, "-c", script], check=False, cwd=tmp_path)
        assert killed.returncode == -9
        from csf_analysis.filesets import recover
        recover(out)  # what the next run does first
        now = {name: (out / name).read_bytes() for name in names}
        fresh = {name: now[name] != before[name] for name in names}
        assert len(set(fresh.values())) == 1, f"a mixed set after a kill at {moment}: {fresh}"
        assert (now == before) == (moment == "execute")
        assert sorted(p.name for p in out.iterdir()) == sorted(names)
        before = now
