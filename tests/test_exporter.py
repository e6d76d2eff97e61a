"""Tests for csf_analysis.exporter: the nbconvert exporters of the report."""
from __future__ import annotations

import base64
import io
import socket
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pytest  # noqa: E402
from nbconvert.exporters import get_export_names, get_exporter  # noqa: E402
from nbformat.v4 import (  # noqa: E402
    new_code_cell,
    new_markdown_cell,
    new_notebook,
    new_output,
)
from pypdf import PdfReader  # noqa: E402

from csf_analysis import exporter  # noqa: E402
from csf_analysis.exporter import (  # noqa: E402
    SyntheseHTMLExporter,
    SynthesePDFExporter,
    css_string,
    export_html,
    export_pdf,
    finish_report_html,
)

TITLE = "Synthèse des entretiens CSF"
ACCENTS = "Représentation, été, à"
SCRIPT = "<script>alert(1)</script>"
CODE_MARKER = "secret_variable_name = 42"
LONG_WORD = "tutoratdelentrepriseavecundecrocheur" * 3


def _png_bytes() -> str:
    fig, ax = plt.subplots(figsize=(4, 2.5))
    ax.bar(["150h", "300h", "900h"], [3, 5, 1])
    ax.set_title("Entretiens par taille de clause")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=60)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _wide_table_html() -> str:
    header = "".join(f"<th>colonne {i}</th>" for i in range(9))
    row = "".join(f"<td>{LONG_WORD} {i}</td>" for i in range(9))
    rows = "".join(f"<tr>{row}</tr>" for _ in range(60))
    return (
        '<table border="1" class="dataframe"><thead><tr>'
        f"{header}</tr></thead><tbody>{rows}</tbody></table>"
    )


def build_notebook() -> nbformat.NotebookNode:
    """A small synthesis notebook: title page, sections, table, figure, text."""
    table = (
        '<table border="1" class="dataframe"><thead><tr><th>entreprise</th>'
        "<th>citation</th></tr></thead><tbody><tr><td>6</td>"
        "<td>&lt;script&gt;alert(1)&lt;/script&gt; et l&#x27;été</td></tr>"
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
                new_output("display_data", data={"image/png": _png_bytes(), "text/plain": "<Figure>"}),
                new_output("execute_result", data={"text/plain": f"{SCRIPT} {ACCENTS}"}, execution_count=3),
                new_output("stream", name="stderr", text="FutureWarning: bruit technique\n"),
            ],
        ),
        new_markdown_cell("### Représentations des entreprises\n\nDétails."),
        new_code_cell(
            "wide",
            execution_count=4,
            outputs=[new_output("display_data", data={"text/html": _wide_table_html()})],
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


def test_template_files_ship_with_the_package():
    folder = Path(exporter.__file__).parent / "templates" / "csf_synthese"
    assert {"conf.json", "index.html.j2", "csf_synthese.css"} <= {p.name for p in folder.iterdir()}


def test_html_has_no_code_no_prompts_and_is_french(html):
    assert '<html lang="fr">' in html
    assert CODE_MARKER not in html
    assert "In&nbsp;[" not in html and "In [" not in html and "Out[" not in html
    assert "jp-InputArea-editor" not in html
    assert "bruit technique" not in html  # stderr is not part of the report


def test_html_is_self_contained_without_javascript(html):
    assert "<script" not in html
    assert "<link" not in html
    assert "http://" not in html and "https://" not in html
    assert "@page" in html and "size: A4" in html


def test_html_keeps_escaped_text_escaped(html):
    assert "<script>" not in html
    # text/plain output and the escaped cell of the HTML table both show the characters.
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2
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
    assert "Table des matières" in text
    assert CODE_MARKER not in text


def test_pdf_running_header_and_toc_page_numbers(pdf_pages):
    toc_page = next(p for p in pdf_pages if "Table des matières" in p)
    # Leaders then the page number of each section.
    assert any(line.rstrip().endswith(tuple("0123456789")) for line in toc_page.splitlines()
               if "Annexe méthodologique" in line)
    assert TITLE in pdf_pages[-1]  # running header on later pages


def test_pdf_wide_table_stays_inside_the_page(notebook_file):
    import weasyprint

    html_text, _ = SyntheseHTMLExporter().from_filename(str(notebook_file))
    document = weasyprint.HTML(string=html_text, url_fetcher=exporter.local_url_fetcher()).render()
    assert len(document.pages) >= 4  # 60 long rows are split across pages
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


def test_pdf_makes_no_network_request(tmp_path, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise AssertionError("the exporter tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    nb = build_notebook()
    nb.cells.append(new_markdown_cell('![distant](https://example.org/image.png)'))
    nb.cells.append(new_code_cell("", outputs=[new_output(
        "display_data", data={"text/html": '<img src="http://example.org/x.png" alt="x">'})]))
    out = export_pdf(nb, tmp_path / "rapport.pdf")
    assert out.read_bytes().startswith(b"%PDF")


def test_local_fetcher_refuses_http_and_reads_data_urls():
    fetcher = exporter.local_url_fetcher()
    with pytest.raises(ValueError, match="disallowed protocol"):
        fetcher("https://example.org/style.css")
    assert fetcher("data:text/plain;base64,w6l0w6k=").read() == "été".encode()


def test_relative_markdown_image_is_embedded(tmp_path):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "carte.png").write_bytes(base64.b64decode(_png_bytes()))
    nb = new_notebook(cells=[new_markdown_cell("# Titre\n\n![carte](figures/carte.png)")])
    out = export_html(nb, tmp_path / "rapport.html", base_dir=tmp_path)
    assert 'src="data:image/png;base64,' in out.read_text(encoding="utf-8")


def test_script_elements_and_event_attributes_are_removed():
    html = (
        "<html><head><title>t</title></head><body><main>"
        '<div class="jp-MarkdownCell"><h1>Titre</h1></div>'
        '<script>alert(1)</script><img src="x.png" onerror="alert(2)">'
        '<a href="javascript:alert(3)">lien</a></main></body></html>'
    )
    result = finish_report_html(html)
    assert "alert" not in result
    assert "<img" in result and "lien</a>" in result


def test_running_title_comes_from_metadata_and_is_css_escaped():
    nb = build_notebook()
    nb.metadata["title"] = 'Rapport "final" </style>'
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(nb)
    assert css_string('Rapport "final" </style>') in html_text
    assert "<title>Rapport \"final\" &lt;/style&gt;</title>" in html_text
    assert html_text.count("</style>") == html_text.count("<style")


def test_toc_ids_are_unique_and_linkable():
    nb = new_notebook(cells=[
        new_markdown_cell("# Titre"),
        new_markdown_cell("## Synthèse\n\n## Synthèse\n\n### Étape n°1"),
    ])
    html_text, _ = SyntheseHTMLExporter().from_notebook_node(nb)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_text, "html.parser")
    targets = [a["href"][1:] for a in soup.select("nav.csf-toc a")]
    assert len(targets) == 3 and len(set(targets)) == 3
    for target in targets:
        assert len(soup.find_all(id=target)) == 1


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
