"""The leak check: a name left in an output stops the build, naming file and name,
and the previous outputs stay."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from csf_analysis import cli
from csf_analysis.privacy import replacer
from csf_analysis.privacy.leaks import LeakError, check_outputs, find_leaks, output_text

FOLDER = Path(__file__).resolve().parent / "fixtures" / "pseudonymes"


@pytest.fixture()
def notes(tmp_path):
    shutil.copytree(FOLDER, tmp_path / "notes")
    return tmp_path / "notes"


def test_finds_listed_names_in_every_kind_of_output(notes, tmp_path):
    files = {"a.csv": "id,text\n1,Mme Lefèvre a dit\n",
             "b.html": "<p>l&#x27;appui de Camille</p><img src=\"data:image/png;base64,CLxx\">",
             "c.svg": "<svg><!-- Lefevre --></svg>",
             "d.ipynb": json.dumps({"cells": [{"source": ["entretien-camille-lefevre"]}]}),
             "e.csv": "id,text\n1,collège Jules Ferry et Personne A\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    leaks = find_leaks(sorted(tmp_path.glob("*.*")), notes)
    assert {(path.name, form) for path, _, form in leaks} == {
        ("a.csv", "Lefèvre"), ("b.html", "Camille"), ("c.svg", "Lefevre"),
        ("d.ipynb", "camille-lefevre")}
    assert "CL" not in output_text(tmp_path / "b.html")  # images are no text


def test_check_names_the_file_and_the_name(notes, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "statements.csv").write_text("text\nHugo Marchand a relu\n", encoding="utf-8")
    with pytest.raises(LeakError) as error:
        check_outputs([out], notes)
    assert "statements.csv" in str(error.value) and "Hugo Marchand" in str(error.value)


def test_a_name_the_replacer_misses_stops_the_tables(notes, tmp_path, monkeypatch, capsys):
    out = tmp_path / "tables"
    out.mkdir()
    (out / "statements.csv").write_text("previous\n", encoding="utf-8")
    monkeypatch.setattr(replacer.Replacer, "_names_in", lambda self, text: text)  # the bug
    status = cli.main(["tables", str(notes), "--out", str(out), "--no-cache", "--pseudonymise"])
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" not in err
    assert "pseudonymisation incomplète" in err and ".csv contient encore « " in err
    assert (out / "statements.csv").read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in out.iterdir()) == ["statements.csv"]


@pytest.mark.slow
def test_a_leaking_report_does_not_replace_the_previous_one(notes, tmp_path):
    from csf_analysis.report.build import build_report
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('NOTES_DIR = ""', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell('from IPython.display import HTML, display\n'
                                  'display(HTML("<p>Entretien de Camille Lefèvre</p>"))')],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}, "language_info": {"name": "python"}})
    path = tmp_path / "fuite.ipynb"
    nbformat.write(notebook, path)
    out = tmp_path / "reports"
    out.mkdir()
    (out / "synthese.pdf").write_bytes(b"previous")
    with pytest.raises(LeakError) as error:
        build_report(notes, out, notebook=path, cache_dir=None, pseudonymise={})
    assert "synthese" in str(error.value) and "Camille Lefèvre" in str(error.value)
    assert (out / "synthese.pdf").read_bytes() == b"previous"
    assert not (out / "synthese.html").exists() and not list(out.glob(".build-*"))


def test_a_listed_person_is_searched_in_every_form_whatever_the_mapping(notes, tmp_path):
    (notes / "pseudonymes.yml").write_text(
        "personnes:\n  - Solène Garnier-Vidal\n  - Clémence Vasseur\n  - Rose Martin\n"
        "exemptes:\n  - Jules Ferry\n", encoding="utf-8")
    (notes / "pseudonymes-correspondance.csv").write_text(
        "type,nom,pseudonyme,formes\npersonne,Clémence Vasseur,Personne A,Vasseur\n",
        encoding="utf-8")  # the mapping says nothing of the lower-case forms
    out = tmp_path / "out.csv"
    out.write_text("text\nvu avec clemence et S.G.-V. (entreprise_2_Vasseur.md)\n"
                   "la rose du collège Jules Ferry\n", encoding="utf-8")
    forms = {form for _, _, form in find_leaks([out], notes)}
    assert forms == {"clemence", "S.G.-V.", "Vasseur"}  # "rose" is a word: no leak
    out.write_text("text\nRose a dit\n", encoding="utf-8")
    assert [name for _, name, _ in find_leaks([out], notes)] == ["Rose Martin"]


def test_the_other_names_of_a_listed_person_are_searched(notes, tmp_path):
    listing = notes / "pseudonymes.yml"
    listing.write_text(listing.read_text(encoding="utf-8").replace(
        "Camille Lefèvre", "Camille Lefèvre (Cam, la Grande)"), encoding="utf-8")
    (tmp_path / "a.csv").write_text("id,text\n1,vu avec Cam et la Grande\n", encoding="utf-8")
    leaks = find_leaks([tmp_path / "a.csv"], notes)
    assert {form for _, _, form in leaks} == {"Cam", "la Grande"}


def test_a_word_cut_by_wbr_in_the_report_is_searched_whole(tmp_path):
    """The exporter cuts long words of tables with <wbr>: "notes/tran<wbr/>scription" held
    "tran" of a listed Linh Trần for the leak check (names_blind19)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Linh Trần\n", encoding="utf-8")
    page = tmp_path / "synthese.html"
    page.write_text("<td>notes/tran<wbr/>scription_<wbr/>carnet.md</td>", encoding="utf-8")
    assert find_leaks([page], notes) == []
    page.write_text("<td>avec Linh Tr<wbr/>ần</td>", encoding="utf-8")
    assert find_leaks([page], notes)


def test_a_listed_name_that_is_a_word_kept_as_a_word_is_no_leak(tmp_path, capsys):
    """names_blind22: with Laetitia Petit listed, "un petit rappel" stays as it is; the
    leak check must not then call "petit" a leak and stop the tables."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Laetitia Petit\n", encoding="utf-8")
    (notes / "n.md").write_text("# (300h) 1 : Menuiserie\n\n- Mme Petit a envoyé un petit "
                                "rappel aux tuteurs.\n", encoding="utf-8")
    out = tmp_path / "tables"
    assert cli.main(["tables", str(notes), "--out", str(out), "--no-cache",
                     "--pseudonymise"]) == 0, capsys.readouterr().err
    text = (out / "statements.csv").read_text(encoding="utf-8")
    assert "un petit rappel" in text and "Petit a" not in text


def test_a_company_named_in_front_matter_is_pseudonymised_like_any_text(tmp_path, capsys):
    """names_blind22-24: a front matter's company ("Sauvage Paysages", "Restaurations
    Collectives Essonne") kept a name in interviews.csv and the charts, and the leak
    check then stopped every pseudonymised build."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Jérôme Sauvage\n", encoding="utf-8")
    (notes / "n.md").write_text("---\nentreprise: Sauvage Paysages\nclause: 300h\n---\n\n"
                                "# Entretien\n\n- Jérôme Sauvage a accueilli le jeune.\n",
                                encoding="utf-8")
    out = tmp_path / "tables"
    assert cli.main(["tables", str(notes), "--out", str(out), "--no-cache",
                     "--pseudonymise"]) == 0, capsys.readouterr().err
    interviews = (out / "interviews.csv").read_text(encoding="utf-8")
    assert "Sauvage" not in interviews and "Paysages" in interviews


def test_the_reports_style_sheet_is_no_text(notes, tmp_path):
    """names_blind23: 'content: "Page " counter(page)' of the report's print style, and
    '@page', were leaks of a listed Sandrine Page."""
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Sandrine Page\n", encoding="utf-8")
    page = tmp_path / "r.html"
    page.write_text('<style>@page { @bottom-center { content: "Page " counter(page) } }'
                    '</style><p>Personne S a relu.</p>', encoding="utf-8")
    book = tmp_path / "r.ipynb"
    book.write_text(json.dumps({"cells": [{"outputs": [{"data": {"text/html": [
        "<style>.x { break-after: page }</style>Personne S"]}}]}]}), encoding="utf-8")
    assert find_leaks([page, book], notes) == []
    page.write_text("<p>Sandrine Page a relu.</p>", encoding="utf-8")
    assert [form for _, _, form in find_leaks([page], notes)] == ["Sandrine Page"]


def test_the_templates_class_names_are_no_text(notes, tmp_path):
    """names_blind32: the team lists « Jean-Philippe Dumas (jp) »; every « jp » was
    replaced, then the check refused the report over JupyterLab's classes "jp-Cell"."""
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Jean-Philippe Dumas (jp)\n",
                                           encoding="utf-8")
    page = tmp_path / "r.html"
    page.write_text('<div class="jp-Cell jp-CodeCell" id="cell-id=6ec9">'
                    "<p>Personne B a relu.</p></div>", encoding="utf-8")
    assert find_leaks([page], notes) == []
    page.write_text('<div class="jp-Cell"><p>relu par Jean-Philippe Dumas</p></div>',
                    encoding="utf-8")
    assert [form for _, _, form in find_leaks([page], notes)] == ["Jean-Philippe Dumas"]


def test_the_markup_of_a_page_is_no_text(notes, tmp_path):
    """names_blind61: a listed Sophie Lang, and the check refused the report over
    ``<html lang="fr">``; a tag's or an attribute's name is the template's, its values
    may hold the notes' words (a picture's ``alt``, a link) and are still searched."""
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Sophie Lang\n  - Léa Span\n",
                                           encoding="utf-8")
    page = tmp_path / "r.html"
    page.write_text('<html lang="fr"><body><span>Personne B a relu.</span></body></html>',
                    encoding="utf-8")
    picture = tmp_path / "c.svg"
    picture.write_text('<svg xml:lang="fr"><text>Personne B</text></svg>', encoding="utf-8")
    assert find_leaks([page, picture], notes) == []
    page.write_text('<html lang="fr"><img alt="avec Sophie Lang"></html>', encoding="utf-8")
    assert [form for _, _, form in find_leaks([page], notes)] == ["Sophie Lang"]


def test_a_word_the_pdf_hyphenates_is_read_whole(tmp_path):
    """names_blind27: the report's PDF cut "Limoges" as "Li‐⏎moges"; with a Li Wenjing
    mapped, the check read "Li" and refused the report."""
    from weasyprint import HTML
    HTML(string='<html lang="fr"><body><p style="width:2.2cm;hyphens:auto;font-size:12pt">'
                "avec l'acheteur de Limoges Métropole, Saint-Denis</p></body></html>"
         ).write_pdf(tmp_path / "r.pdf")
    text = output_text(tmp_path / "r.pdf")
    assert "Limoges" in text and "Li\u2010" not in text


def test_a_compound_the_pdf_cuts_at_its_hyphen_is_read_whole(notes, tmp_path):
    """names_blind88, measured untouched: the PDF cut « lycée Jean-Dupuy » as « lycée
    Jean-⏎Dupuy »; the school's name no longer held « Dupuy », read as the surname of a
    listed Franck Dupuy-Lagarrigue, and the check refused the report."""
    from weasyprint import HTML
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Franck Dupuy-Lagarrigue\n",
                                           encoding="utf-8")
    HTML(string='<html lang="fr"><body><p style="width:4.3cm;font-size:12pt">'
                "MLDS — antenne du lycée Jean-Dupuy, Tarbes</p></body></html>"
         ).write_pdf(tmp_path / "r.pdf")
    assert "Jean-\nDupuy" in "\n".join(
        page.extract_text() for page in __import__("pypdf").PdfReader(tmp_path / "r.pdf").pages)
    assert "lycée Jean-Dupuy" in output_text(tmp_path / "r.pdf")
    assert find_leaks([tmp_path / "r.pdf"], notes) == []
    HTML(string='<html lang="fr"><body><p style="width:4.3cm;font-size:12pt">'
                "vu avec Personne B et M. Jean-Dupuy, Tarbes</p></body></html>"
         ).write_pdf(tmp_path / "r.pdf")
    assert [form for _, _, form in find_leaks([tmp_path / "r.pdf"], notes)] == ["Dupuy"]


def test_the_column_names_of_the_toolkits_tables_are_no_one(notes, tmp_path):
    """names_blind77, measured untouched: a listed Line Cécilien, and the check refused
    every output over the « line » column of statements.csv (her first name, searched
    in lower case). Another table's header, and every row, are still searched."""
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Line Cécilien\n",
                                           encoding="utf-8")
    (tmp_path / "statements.csv").write_text("statement_id,line,text\ns1,3,Personne A\n",
                                             encoding="utf-8")
    (tmp_path / "annexe-enonces.csv").write_text("ligne,énoncé\n3,Personne A\n",
                                                 encoding="utf-8")
    assert find_leaks(sorted(tmp_path.glob("*.csv")), notes) == []
    (tmp_path / "statements.csv").write_text("statement_id,line,text\ns1,3,merci line\n",
                                             encoding="utf-8")
    (tmp_path / "autre.csv").write_text("line,x\n", encoding="utf-8")
    assert {(path.name, form) for path, _, form in find_leaks(
        sorted(tmp_path.glob("*.csv")), notes)} == {("statements.csv", "line"),
                                                    ("autre.csv", "line")}


def test_a_chart_label_cut_into_lines_is_read_whole(notes, tmp_path):
    """names_blind102, measured untouched: a chart's quote « (16 ans, Le Robert) » drawn
    on two lines, matplotlib naming each line in a comment with the glyphs between
    them; the check read « Robert » alone, the surname of a listed Lise Robert, and
    refused the charts. The town stays; the surname alone on a line is still a leak."""
    (notes / "pseudonymes.yml").write_text("personnes:\n  - Lise Robert\n", encoding="utf-8")
    glyphs = '<g><use xlink:href="#DejaVuSans-52" transform="translate(9.5 0)"/></g>'
    picture = tmp_path / "durees.svg"
    picture.write_text(f"<svg><!-- « Personne S5 (16 ans, Le -->{glyphs}"
                       f"<!-- Robert), orientée par la MLDS » -->{glyphs}</svg>",
                       encoding="utf-8")
    assert find_leaks([picture], notes) == []
    picture.write_text(f"<svg><!-- tutrice : -->{glyphs}<!-- Robert, médiathèque -->"
                       "</svg>", encoding="utf-8")
    assert [form for _, _, form in find_leaks([picture], notes)] == ["Robert"]
