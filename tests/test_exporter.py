"""Tests for csf_analysis.report.exporter: the nbconvert exporters of the report."""
from __future__ import annotations

import base64
import io
import re
import socket
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from matplotlib.figure import Figure
from nbconvert.exporters import get_export_names, get_exporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pypdf import PdfReader
from traitlets.config import Config

from csf_analysis.report import exporter, sanitiser
from csf_analysis.report.exporter import (
    SyntheseHTMLExporter,
    SynthesePDFExporter,
    export_html,
    export_pdf,
    finish_report_html,
)

TITLE = "Synthèse des entretiens CSF"
ACCENTS = "Représentation, été, à"
SCRIPT = "<script>alert(1)</script>"
CODE_MARKER = "secret_variable_name = 42"
# No break opportunity at all (unlike URLs, which break after "/" and "-").
TOKEN = "MARCHE2020DGESCOLOT{}CLAUSESOCIALEIMMERSION300HEURES"


def _png_bytes() -> str:
    fig = Figure(figsize=(4, 2.5))
    ax = fig.subplots()
    ax.bar(["150h", "300h", "900h"], [3, 5, 1])
    ax.set_title("Entretiens par taille de clause")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=60)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _table_html(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        '<table border="1" class="dataframe"><thead><tr>'
        f"{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _wide_table_html() -> str:
    """Eight columns of unbreakable tokens: wider than A4 unless broken."""
    return _table_html(
        [f"marché {i}" for i in range(8)], [[TOKEN.format(i) for i in range(8)]] * 4
    )


def _long_table_html() -> str:
    """Many short rows: the table must continue on the next pages."""
    return _table_html(
        ["identifiant", "entreprise", "extrait"],
        [[f"S{i:03d}", str(i % 17), "le tuteur a accueilli le jeune"] for i in range(110)],
    )


def build_notebook() -> nbformat.NotebookNode:
    """A small synthesis notebook: title page, sections, table, figure, text."""
    table = (
        '<table border="1" class="dataframe"><thead><tr><th>entreprise</th>'
        "<th>citation</th></tr></thead><tbody><tr><td>6</td>"
        "<td>&lt;b&gt;gras&lt;/b&gt; &amp; l&#x27;été</td></tr>"
        "</tbody></table>"
    )
    cells = [
        new_markdown_cell(f"# {TITLE}\n\nÉquipe de recherche, rapport intermédiaire"),
        new_code_cell("notes_dir = 'interviews'", metadata={"tags": ["parameters"]}),
        new_markdown_cell("## Le corpus en un coup d'œil\n\nTexte d'introduction."),
        new_code_cell(
            f"{CODE_MARKER}\ndisplay(table)",
            execution_count=3,
            outputs=[
                new_output("display_data", data={"text/html": table, "text/plain": "table"}),
                new_output("display_data", data={"image/png": _png_bytes(), "text/plain": "Fig"}),
                new_output(
                    "execute_result", data={"text/plain": f"{SCRIPT} {ACCENTS}"}, execution_count=3
                ),
                new_output("stream", name="stderr", text="FutureWarning: bruit technique\n"),
            ],
        ),
        new_markdown_cell("### Représentations des entreprises\n\nDétails."),
        new_code_cell(
            "tables",
            execution_count=4,
            outputs=[
                new_output("display_data", data={"text/html": _wide_table_html()}),
                new_output("display_data", data={"text/html": _long_table_html()}),
            ],
        ),
        new_markdown_cell("## Annexe méthodologique\n\nDernière section."),
    ]
    nb = new_notebook(cells=cells)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


@pytest.fixture(scope="module")
def notebook_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("nb") / "synthese.ipynb"
    nbformat.write(build_notebook(), path)
    return path


@pytest.fixture(scope="module")
def html(notebook_file) -> str:
    output, _ = SyntheseHTMLExporter().from_filename(str(notebook_file))
    return output


@pytest.fixture(scope="module")
def pdf_file(notebook_file, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "synthese.pdf"
    return export_pdf(notebook_file, out)


@pytest.fixture(scope="module")
def pdf_pages(pdf_file) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf_file).pages]


def test_exporters_are_registered_entry_points():
    names = get_export_names()
    assert "csf_pdf" in names and "csf_html" in names
    assert get_exporter("csf_pdf") is SynthesePDFExporter
    assert get_exporter("csf_html") is SyntheseHTMLExporter
    assert SynthesePDFExporter.export_from_notebook == "Synthèse CSF (PDF)"
    assert SyntheseHTMLExporter.export_from_notebook == "Synthèse CSF (HTML)"


def test_user_template_folders_do_not_hide_the_package_template(tmp_path):
    config = Config({"TemplateExporter": {"extra_template_basedirs": [str(tmp_path)]}})
    nb = new_notebook(cells=[new_markdown_cell("# Titre")])
    html_text, _ = SyntheseHTMLExporter(config=config).from_notebook_node(nb)
    assert "csf-title-page" in html_text


def test_template_files_ship_with_the_package():
    folder = Path(exporter.__file__).parent / "templates" / "csf_synthese"
    assert {"conf.json", "index.html.j2", "csf_synthese.css"} <= {p.name for p in folder.iterdir()}


def test_html_has_no_code_no_prompts_and_is_french(html):
    assert '<html lang="fr">' in html
    assert CODE_MARKER not in html
    assert "In&nbsp;[" not in html and "In [" not in html and "Out[" not in html
    assert "jp-CodeMirrorEditor" not in html and "cm-editor" not in html
    assert "bruit technique" not in html  # stderr is not part of the report


def test_html_is_self_contained_without_javascript(html):
    assert "<script" not in html
    assert "<link" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"""(@import|url\()\s*["']?(https?:)?//""", html)
    assert "@page" in html and "size: A4" in html


def test_html_keeps_escaped_text_escaped(html):
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # text/plain output
    assert "&lt;b&gt;gras&lt;/b&gt; &amp; l'été" in html  # escaped inside text/html
    assert ACCENTS in html


def test_html_has_title_page_and_table_of_contents(html):
    assert "csf-title-page" in html
    assert "Table des matières" in html
    toc = html[html.index('class="csf-toc"'):]
    toc = toc[: toc.index("</nav>")]
    assert "Le corpus en un coup d" in toc
    assert "Représentations des entreprises" in toc
    assert "Annexe méthodologique" in toc
    assert TITLE not in toc


def test_pdf_pages_text_and_escaping(pdf_pages):
    assert len(pdf_pages) >= 2
    text = "\n".join(pdf_pages)
    assert TITLE in pdf_pages[0]
    assert "Page 1 / " in pdf_pages[0]
    assert ACCENTS in text
    assert SCRIPT in text
    assert "<b>gras</b> & l'été" in text
    assert "Table des matières" in text
    assert CODE_MARKER not in text


def test_pdf_running_header_and_toc_page_numbers(pdf_pages):
    toc_page = next(p for p in pdf_pages if "Table des matières" in p)
    # Leaders then the page number of each section.
    assert any(line.rstrip().endswith(tuple("0123456789")) for line in toc_page.splitlines()
               if "Annexe méthodologique" in line)
    assert TITLE in pdf_pages[-1]  # running header on later pages


def test_long_table_continues_with_its_header(pdf_pages):
    pages = [p for p in pdf_pages if re.search(r"\bS\d{3}\b", p)]
    assert len(pages) >= 2
    assert "S000" in pages[0] and "S109" in pages[-1]
    assert all("identifiant" in p and "extrait" in p for p in pages)


def test_tables_and_images_stay_inside_the_page(html):
    import weasyprint

    document = weasyprint.HTML(string=html, url_fetcher=exporter.local_url_fetcher()).render()
    for page in document.pages:
        box = page._page_box
        right = box.margin_width() - box.margin_right
        for child in _descendants(box):
            if child.element_tag in {"table", "td", "th", "img"}:
                assert child.position_x + child.margin_width() <= right + 0.5


def _descendants(box):
    for child in getattr(box, "children", []):
        yield child
        yield from _descendants(child)


def test_pdf_makes_no_network_request(tmp_path, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)  # WeasyPrint swallows fetch errors: record them.
        raise OSError("network access attempted during a test")

    for name in ("getaddrinfo", "create_connection"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    nb = new_notebook(cells=[
        new_markdown_cell("# Titre\n\n![distant](https://example.org/image.png)"),
        new_code_cell("", outputs=[new_output("display_data", data={"text/html": (
            '<link rel="stylesheet" href="https://example.org/s.css">'
            '<img src="http://example.org/x.png" alt="x">'
            '<p style="background: url(https://example.org/fond.png)">fond</p>')})]),
    ])
    out = export_pdf(nb, tmp_path / "rapport.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert attempts == []


def test_local_fetcher_refuses_http_and_reads_data_urls():
    fetcher = exporter.local_url_fetcher()
    with pytest.raises(ValueError, match="reads no file outside the project"):
        fetcher("https://example.org/style.css")
    assert fetcher("data:text/plain;base64,w6l0w6k=").read() == "été".encode()


def test_local_fetcher_reads_only_below_its_roots(tmp_path):
    inside, outside = tmp_path / "reports", tmp_path / "ailleurs"
    inside.mkdir(), outside.mkdir()
    (inside / "figure.svg").write_text("<svg/>")
    (outside / "secret.txt").write_text("secret")
    (inside / "lien.txt").symlink_to(outside / "secret.txt")
    fetcher = exporter.local_url_fetcher(inside)
    assert fetcher((inside / "figure.svg").as_uri()).read() == b"<svg/>"
    for url in [(outside / "secret.txt").as_uri(), (inside / "lien.txt").as_uri(),
                f"file://{inside}/../ailleurs/secret.txt", "file:///etc/passwd",
                "file://autre-machine/partage/x.png"]:
        with pytest.raises(ValueError, match="reads no file outside the project"):
            fetcher(url)


def test_a_local_image_outside_the_report_never_reaches_the_pdf(tmp_path):
    """A note's <img src="file:///..."> (or CSS url()) pointing outside the output folder
    is not read: the PDF holds no image; the same image inside the folder is embedded."""
    from pypdf import PdfReader
    png = base64.b64decode(_png_bytes())
    out, outside = tmp_path / "out", tmp_path / "prive"
    out.mkdir(), outside.mkdir()
    (outside / "photo.png").write_bytes(png)
    (out / "figure.png").write_bytes(png)

    def images_in_pdf(html: str) -> int:
        nb = new_notebook(cells=[new_markdown_cell("# Titre"), new_code_cell("", outputs=[
            new_output("display_data", data={"text/html": html})])])
        pdf = export_pdf(nb, tmp_path / "rapport.pdf", base_dir=out)
        return sum(len(page.images) for page in PdfReader(pdf).pages)

    hostile = (f'<img src="{(outside / "photo.png").as_uri()}" alt="x">'
               f'<div style="width:20px;height:20px;background:url('
               f'{(outside / "photo.png").as_uri()})">fond</div>')
    assert images_in_pdf(hostile) == 0
    assert images_in_pdf('<img src="figure.png" alt="ok">') > 0  # the check can fail


def test_relative_markdown_image_is_embedded(tmp_path):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "carte.png").write_bytes(base64.b64decode(_png_bytes()))
    nb = new_notebook(cells=[new_markdown_cell("# Titre\n\n![carte](figures/carte.png)")])
    out = export_html(nb, tmp_path / "rapport.html", base_dir=tmp_path)
    assert 'src="data:image/png;base64,' in out.read_text(encoding="utf-8")


def test_script_elements_and_event_attributes_are_removed():
    html = (
        '<html><head><meta charset="utf-8"/><title>t</title></head><body><main>'
        '<div class="jp-MarkdownCell"><h1>Titre</h1></div>'
        '<script>alert(1)</script><img src="x.png" onerror="alert(2)">'
        '<a href="javascript:alert(3)">lien</a><link rel="stylesheet" href="s.css">'
        '<meta http-equiv="refresh" content="0"></main></body></html>'
    )
    result = finish_report_html(html)
    assert "alert" not in result
    assert "<link" not in result and "refresh" not in result
    assert '<meta charset="utf-8"/>' in result
    assert "<img" in result and "lien</a>" in result


def _report_with_output(html_output: str) -> BeautifulSoup:
    """The reference notebook with one more cell: text, a raw HTML output, text."""
    nb = build_notebook()
    nb.cells.insert(3, new_code_cell("", outputs=[new_output("display_data", data={
        "text/html": f"<p>avant le contenu</p>{html_output}<p>après le contenu</p>"})]))
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(nb)
    return BeautifulSoup(html_text, "html.parser")


def _assert_report_structure(soup: BeautifulSoup) -> None:
    main = soup.find("main")
    assert soup.head.find("meta", charset="utf-8") is not None
    assert soup.head.style is not None and "size: A4" in soup.head.style.string
    assert "avant le contenu" in main.get_text() and "après le contenu" in main.get_text()
    assert main.select_one(".csf-title-page h1").get_text() == TITLE
    assert len(main.select("nav.csf-toc li a[href^='#']")) == 3
    assert [h.get_text() for h in main.find_all("h2")][0] == "Le corpus en un coup d'œil"
    assert main.find("img", src=re.compile(r"^data:image/png;base64,")) is not None
    assert main.select_one("table.dataframe thead th").get_text() == "entreprise"
    assert main.select_one(".celltag_parameters.jp-mod-noOutputs") is not None


def test_web_and_mail_links_stay_links_for_the_reader():
    soup = _report_with_output('<a href="https://travail-emploi.gouv.fr/">guide</a> '
                               '<a href="mailto:equipe@example.org">écrire</a>')
    hrefs = {a.get_text(): a.get("href") for a in soup.find("main").find_all("a")}
    assert hrefs["guide"] == "https://travail-emploi.gouv.fr/"
    assert hrefs["écrire"] == "mailto:equipe@example.org"


@pytest.mark.parametrize(("output", "forbidden"), [
    pytest.param('<form action="https://example.org/collecte"><input name="q" '
                 'formaction="javascript:alert(5)"><button>Envoyer</button></form>',
                 ["<form", "<input", "<button", "formaction", "javascript:", "example.org"],
                 id="form"),
    pytest.param('<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href='
                 '"javascript:alert(6)"><text y="20">cliquer</text></a></svg>',
                 ["<svg", "xlink", "javascript:", "cliquer"], id="svg-link"),
    pytest.param("<math><mi>x</mi><mo>+</mo><mn>1</mn></math>",
                 ["<math", "<mi>", "<mo>"], id="math"),
    pytest.param("<style>main { display: none } h2::before { content: 'piégé' }</style>",
                 ["<style>main", "display: none", "piégé"], id="style-element"),
    pytest.param('<img src="http://example.org/suivi.png" alt="pixel">'
                 '<img src="//example.org/suivi2.png" alt="pixel2">',
                 ["example.org"], id="remote-img"),
    pytest.param('<p style="background: url(https://example.org/fond.png)">fond</p>',
                 ["background", "example.org"], id="style-attribute"),
    pytest.param('<a href="javascript:alert(7)">j</a><a href="data:text/html,x">d</a>'
                 '<a href="file://autre-machine/partage/x">f</a>',
                 ["javascript:", "data:text/html", "autre-machine"], id="remote-links"),
    pytest.param('<div></main></body><base href="https://example.org/">'
                 '<meta http-equiv="refresh" content="0;url=https://example.org/"></div>',
                 ["<base", "refresh", "example.org"], id="closing-main"),
])
def test_allow_list_drops_what_the_report_does_not_use(output, forbidden, caplog):
    with caplog.at_level("WARNING", logger=sanitiser.__name__):
        soup = _report_with_output(output)
    _assert_report_structure(soup)
    notebook_part = str(soup).replace(str(soup.head), "")  # the head is the template's CSS
    for text in forbidden:
        assert text not in notebook_part
    assert "Left out of the report" in caplog.text


def test_allow_list_keeps_the_report_markup():
    fragment = (
        '<div class="jp-RenderedHTMLCommon jp-RenderedHTML" data-mime-type="text/html">'
        '<h3 id="constat">Constat</h3><p class="csf-where">Texte <em>a</em> <strong>b</strong>'
        ' <code>c</code> <del>d</del> x<sup>2</sup> H<sub>2</sub>O <q class="csf-cited">'
        'citation</q><span class="csf-source">n.md:3</span><br>fin</p>'
        '<figure class="csf-figure"><img src="data:image/png;base64,iVBORw0KGgo=" alt="carte">'
        '<figcaption>Légende</figcaption></figure><ol start="3"><li>un</li></ol>'
        '<ul class="csf-quotes"><li><a href="#constat">lien</a> <a href="annexe.csv">csv</a>'
        '</li></ul><blockquote><p>cité</p></blockquote><pre>texte</pre><hr>'
        '<table border="0" class="dataframe csf-table"><thead><tr style="text-align: right;">'
        '<th>Code</th><th style="text-align:left">Énoncés</th></tr></thead><tbody><tr>'
        '<td colspan="2">long<wbr>mot</td></tr></tbody></table>'
        '<img src="figures/carte.png" alt="locale" width="200" height="100"></div>'
    )
    assert sanitiser.sanitise_notebook_html(fragment) == fragment


def test_markdown_table_alignment_survives():
    nb = new_notebook(cells=[new_markdown_cell("# Titre\n\n| a | n |\n|:--|--:|\n| x | 2 |")])
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(nb)
    assert 'style="text-align:right"' in html_text


def test_reference_notebook_logs_no_removal(caplog):
    with caplog.at_level("WARNING", logger=sanitiser.__name__):
        SyntheseHTMLExporter().from_notebook_node(build_notebook())
    assert [r.getMessage() for r in caplog.records if r.name == sanitiser.__name__] == []


def test_svg_outputs_stay_as_images():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
           '<rect width="40" height="20" fill="#9bb7d4"/></svg>')
    nb = new_notebook(cells=[new_markdown_cell("# Titre"), new_code_cell("", outputs=[
        new_output("display_data", data={"image/svg+xml": svg, "text/plain": "repli"})])])
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(nb)
    soup = BeautifulSoup(html_text, "html.parser")
    image = soup.select_one("main .jp-RenderedSVG img")
    assert image["src"] == "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    assert soup.find("svg") is None and "repli" not in html_text


def test_html_without_main_is_refused():
    with pytest.raises(ValueError, match="no <main> element"):
        finish_report_html("<html><body><script>alert(1)</script></body></html>")


def test_a_style_element_in_an_output_cannot_hide_the_report(tmp_path):
    nb = new_notebook(cells=[
        new_markdown_cell("# Titre\n\nPage de titre."),
        new_markdown_cell("## Première section\n\nTexte visible."),
        new_code_cell("", outputs=[new_output("display_data", data={
            "text/html": "<style>main, h2, p { display: none }</style><p>sortie</p>"})]),
    ])
    pdf = export_pdf(nb, tmp_path / "rapport.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Première section" in text and "Texte visible." in text and "sortie" in text


def test_javascript_outputs_fall_back_to_text():
    nb = new_notebook(cells=[new_code_cell("", outputs=[new_output(
        "display_data",
        data={"application/javascript": "alert(4)", "text/plain": "repli texte"},
    )])])
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(nb)
    assert "repli texte" in html_text and "alert(4)" not in html_text


def test_running_title_comes_from_metadata_and_is_css_escaped():
    nb = build_notebook()
    nb.metadata["title"] = 'Rapport "final" </style>'
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(nb)
    soup = BeautifulSoup(html_text, "html.parser")
    assert soup.title.string == 'Rapport "final" </style>'
    running = soup.head.find_all("style")[-1].string
    assert running == '@page { @top-right { content: "Rapport \\"final\\" \\3c /style\\3e "; } }'
    assert soup.find("main") is not None  # the title did not close the style element


def test_toc_ids_are_unique_and_linkable():
    nb = new_notebook(cells=[
        new_markdown_cell("# Titre"),
        new_markdown_cell(
            "## Synthèse\n\n## Synthèse\n\n### Étape n°1\n\n## Annexe\n\n## Annexe"
        ),
    ])
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(nb)
    soup = BeautifulSoup(html_text, "html.parser")
    targets = [a["href"][1:] for a in soup.select("nav.csf-toc a")]
    assert len(targets) == 5 and len(set(targets)) == 5
    for target in targets:
        assert len(soup.find_all(id=target)) == 1


def test_toc_leaves_out_the_headings_marked_no_toc():
    nb = new_notebook(cells=[new_markdown_cell("# Titre"), new_markdown_cell("## Les thèmes"),
                             new_code_cell("", outputs=[new_output("display_data", data={
                                 "text/html": '<h3 class="csf-no-toc">Un thème (12)</h3>'
                                              "<h3>Les autres thèmes</h3>"})])])
    soup = BeautifulSoup(SyntheseHTMLExporter().from_notebook_node(nb)[0], "html.parser")
    assert [a.get_text() for a in soup.select("nav.csf-toc a")] == [
        "Les thèmes", "Les autres thèmes"]
    assert soup.find("h3", class_="csf-no-toc").get_text() == "Un thème (12)"  # still shown


def test_export_html_writes_file_and_reports_missing_notebook(tmp_path, notebook_file):
    out = export_html(notebook_file, tmp_path / "synthese.html")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(FileNotFoundError, match="no such notebook"):
        export_pdf(tmp_path / "absent.ipynb", tmp_path / "absent.pdf")
    assert not (tmp_path / "absent.pdf").exists()


@pytest.mark.slow
def test_jupyter_nbconvert_command_line(tmp_path, notebook_file):
    jupyter = Path(sys.executable).with_name("jupyter")
    if not jupyter.exists():
        pytest.skip("jupyter is not installed next to this Python")
    result = subprocess.run(
        [str(jupyter), "nbconvert", "--to", "csf_pdf", "--output-dir", str(tmp_path),
         str(notebook_file)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "synthese.pdf").read_bytes().startswith(b"%PDF")


def test_a_notebook_saved_without_outputs_is_run_before_export(tmp_path):
    """JupyterLab saves the project's notebooks without outputs (notebook_hygiene); its
    export menu exports the saved file: the exporter runs it first, from its folder."""
    (tmp_path / "titre.txt").write_text("Synthèse lue dans le dossier", encoding="utf-8")
    nb = new_notebook(cells=[new_code_cell(
        "from IPython.display import HTML\n"
        "HTML('<h2>' + open('titre.txt', encoding='utf-8').read() + '</h2>')")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(
        nb, resources={"metadata": {"path": str(tmp_path)}})
    assert "Synthèse lue dans le dossier" in html_text
    assert not nb.cells[0].outputs  # the notebook given is left as it was
