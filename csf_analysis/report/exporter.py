"""nbconvert exporters that turn the synthesis notebook into the A4 report.

``SyntheseHTMLExporter`` renders a notebook with the package's own template
(``templates/csf_synthese``: the lab template's cell markup, a print
stylesheet, no code, no prompts, no JavaScript); ``SynthesePDFExporter``
passes that HTML to WeasyPrint. Both are registered under the
``nbconvert.exporters`` entry point as ``csf_html`` and ``csf_pdf``, so
``jupyter nbconvert --to csf_pdf synthese.ipynb`` and JupyterLab's
"Save and Export Notebook As" menu use them.

Layout of the report: the cell that outputs a ``.csf-title`` element, else the
notebook's first Markdown cell, is the title page; a table of contents of the
h2/h3 headings (with page numbers; not those of class ``csf-no-toc``) follows;
every page has the report title in its header and "Page n / N" in its footer. A
cell tagged ``saut-de-page`` starts on a new page.

Escaping: the notebook escapes note text itself (``DataFrame.to_html(escape=True)``,
escaped Markdown); text/plain outputs are escaped by nbconvert. nbconvert's
``sanitize_html`` stays off because its allow-list turns headings,
paragraphs, ``th``/``thead`` and images into literal text. Instead everything
the notebook contributes (the ``<main>`` element: cells, Markdown and outputs;
the ``<head>`` is the template's own) goes through an allow-list sanitiser,
nh3 (ammonia): only the elements and attributes the report's markup uses are
kept (:mod:`csf_analysis.report.sanitiser`). SVG outputs are unaffected:
nbconvert writes them as ``<img src="data:image/svg+xml;base64,...">``, where
nothing in them runs or fetches. The export never fetches anything over the
network, nor any local file outside the output folder and the package's
templates (WeasyPrint may only read ``data:`` URLs and ``file:`` URLs below
those: see :func:`local_url_fetcher`).

Example:
    >>> from csf_analysis.report.exporter import export_pdf
    >>> export_pdf("notebooks/synthese.ipynb", "reports/synthese.pdf")  # doctest: +SKIP
    PosixPath('reports/synthese.pdf')
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any, cast

import nbformat
from bs4 import BeautifulSoup, NavigableString, Tag
from nbconvert.exporters import HTMLExporter
from traitlets import default, validate
from traitlets.config import Config

from csf_analysis.atomic import write_bytes_atomic, write_text_atomic
from csf_analysis.report.sanitiser import sanitise_notebook_html

__all__ = [
    "SyntheseHTMLExporter",
    "SynthesePDFExporter",
    "executed",
    "export_html",
    "export_pdf",
    "html_to_pdf",
    "local_url_fetcher",
]

LOGGER = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "csf_synthese"
TOC_TITLE = "Table des matières"
NO_TOC = "csf-no-toc"  # class of the headings the table of contents leaves out

# nbconvert's HTML priority without JavaScript and widget views: those fall
# back to the next representation (HTML, image or plain text).
DISPLAY_PRIORITY = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/latex",
    "text/plain",
]

# The end of the template (index.html.j2 and the lab template it extends).
_DOCUMENT_END = "</main>\n</body>\n</html>"
_SAFE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# Tokens longer than this in a table cell (URLs, file names, identifiers) get
# a <wbr> every _TOKEN_CHUNK characters so that no column is wider than the page.
_LONG_TOKEN = re.compile(r"\S{21,}")
_TOKEN_CHUNK = 10


class SyntheseHTMLExporter(HTMLExporter):
    """HTML for the report: the csf_synthese template, no code, no prompts."""

    export_from_notebook = "Synthèse CSF (HTML)"

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self) -> list[str]:
        return [str(TEMPLATES_DIR), *super()._default_extra_template_basedirs()]

    @validate("extra_template_basedirs")
    def _keep_package_templates(self, proposal: Any) -> list[str]:
        # A user's --TemplateExporter.extra_template_basedirs must not hide ours.
        folders = list(proposal["value"])
        return folders if str(TEMPLATES_DIR) in folders else [*folders, str(TEMPLATES_DIR)]

    @default("template_name")
    def _template_name_default(self) -> str:
        return TEMPLATE_NAME

    @default("exclude_input")
    def _exclude_input_default(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self) -> bool:
        return True

    @default("exclude_anchor_links")
    def _exclude_anchor_links_default(self) -> bool:
        return True

    @default("embed_images")
    def _embed_images_default(self) -> bool:
        return True

    @default("language_code")
    def _language_code_default(self) -> str:
        return "fr"

    @property
    def default_config(self) -> Config:
        config = super().default_config.copy()
        config.merge(Config({"NbConvertBase": {"display_data_priority": DISPLAY_PRIORITY}}))
        return config

    def from_notebook_node(  # type: ignore[override]
        self, nb: nbformat.NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        """Render the notebook (run first if it never was: see :func:`executed`), then
        add title page, table of contents and header."""
        nb = executed(nb, resources)
        html, resources = super().from_notebook_node(nb, resources, **kw)
        return finish_report_html(html, title=nb.metadata.get("title")), resources


class SynthesePDFExporter(SyntheseHTMLExporter):
    """PDF for the report: the HTML of SyntheseHTMLExporter printed by WeasyPrint."""

    export_from_notebook = "Synthèse CSF (PDF)"
    output_mimetype = "application/pdf"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self) -> str:
        return ".html.j2"

    def from_notebook_node(  # type: ignore[override]
        self, nb: nbformat.NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        """Render the HTML and return the PDF bytes (nbconvert writes bytes as-is)."""
        html, resources = super().from_notebook_node(nb, resources, **kw)
        base_dir = resources.get("metadata", {}).get("path") or os.getcwd()
        self.log.info("Building PDF with WeasyPrint")
        pdf = html_to_pdf(html, base_dir=base_dir)
        resources["output_extension"] = ".pdf"
        return pdf, resources


def executed(nb: nbformat.NotebookNode,
             resources: dict[str, Any] | None = None) -> nbformat.NotebookNode:
    """``nb`` itself if any code cell has outputs; else a copy run from its folder
    (``resources["metadata"]["path"]``, as JupyterLab's export menu gives it). A project
    notebook is saved without outputs (:mod:`csf_analysis.notebook_hygiene`), so "Save
    and Export Notebook As" runs it on the notes as they are now, as ``make report``
    does; it takes the seconds of a run."""
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    if not code or any(cell.get("outputs") for cell in code):
        return nb
    from nbclient import NotebookClient
    path = ((resources or {}).get("metadata") or {}).get("path") or "."
    kernel = nb.metadata.get("kernelspec", {}).get("name", "python3")
    copy = nbformat.reads(nbformat.writes(nb), as_version=4)
    NotebookClient(copy, kernel_name=kernel, timeout=600,
                   resources={"metadata": {"path": path}}).execute()
    return copy


def local_url_fetcher(*roots: str | os.PathLike[str]):
    """A WeasyPrint URL fetcher that reads ``data:`` URLs and the files below ``roots``
    (the package's templates are always allowed), and nothing else.

    Any other URL (http, https, ftp, a ``file:`` outside the roots, reached through a
    symlink or ``..`` included) is refused before anything is opened; WeasyPrint logs
    a warning and renders the page without it.
    """
    from weasyprint.urls import URLFetcher  # lazy: the HTML exporter needs no WeasyPrint

    allowed = [Path(root).resolve() for root in (TEMPLATES_DIR, *roots)]

    class LocalURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not _allowed_url(url, allowed):
                raise ValueError(f"the report reads no file outside the project: {url[:80]}")
            return super().fetch(url, headers)

    return LocalURLFetcher(allowed_protocols={"file", "data"}, allow_redirects=False)


def _allowed_url(url: str, roots: list[Path]) -> bool:
    """Is ``url`` a ``data:`` URL, or a ``file:`` URL of a file below one of ``roots``?

    >>> _allowed_url("file:///etc/passwd", [Path("/tmp")]), _allowed_url("data:,x", [])
    (False, True)
    """
    from urllib.parse import unquote, urlsplit
    parts = urlsplit(url)
    if parts.scheme.lower() == "data":
        return True
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return any(path.is_relative_to(root) for root in roots)


def html_to_pdf(html: str, *, base_dir: str | os.PathLike[str]) -> bytes:
    """Print an HTML string to PDF with WeasyPrint, reading only ``base_dir`` (figures)
    and the package's templates: no network, no other local file.

    Args:
        html: The complete HTML document.
        base_dir: Folder that relative URLs (images) are resolved against.

    Returns:
        The PDF file as bytes.
    """
    import weasyprint

    document = weasyprint.HTML(
        string=html, base_url=f"{os.fspath(base_dir)}{os.sep}",
        url_fetcher=local_url_fetcher(base_dir))
    return document.write_pdf()


def finish_report_html(html: str, *, title: str | None = None) -> str:
    """Turn the template's HTML into the report's: sanitised, with title page and contents.

    Args:
        html: HTML rendered by the csf_synthese template.
        title: Report title for the page header and ``<title>``; by default
            the text of the first h1, else the template's ``<title>``.

    Returns:
        The finished HTML document.

    Raises:
        ValueError: ``html`` has no ``<main>`` element (not the csf_synthese template).
    """
    soup = BeautifulSoup(_sanitise_main(html), features="html.parser")
    _break_long_tokens_in_tables(soup)
    title_page = _mark_title_page(soup)
    _insert_table_of_contents(soup, after=title_page)
    _set_report_title(soup, title)
    return str(soup)


def _sanitise_main(html: str) -> str:
    """Sanitise everything after the template's ``<main>``: the notebook's part.

    The first ``<main>`` is the template's (the head before it holds only
    escaped text and our CSS). Everything after it is sanitised, not just what
    precedes a ``</main>``: nbconvert has already parsed the page, so a
    ``</main>`` written by a cell closed the element early, leaving the cells
    after it outside. The template's closing tags are written back.
    """
    start = html.find("<main>")
    if start < 0:
        raise ValueError("The report's HTML has no <main> element: the notebook content "
                         "cannot be told from the template's (is the template csf_synthese?).")
    start += len("<main>")
    content = html[start:].removesuffix(_DOCUMENT_END)
    return html[:start] + sanitise_notebook_html(content) + _DOCUMENT_END


def _break_long_tokens_in_tables(soup: BeautifulSoup) -> None:
    """Add break opportunities (<wbr>) inside overlong tokens of table cells.

    The text itself is unchanged (``<wbr>`` has no content); the browser or
    WeasyPrint may break the line there instead of widening the column.
    """
    for text in soup.find_all(string=_LONG_TOKEN):
        if type(text) is not NavigableString or text.find_parent(["td", "th"]) is None:
            continue
        pieces: list[str | Tag] = []
        position = 0
        for match in _LONG_TOKEN.finditer(text):
            pieces.append(text[position:match.start()])
            token = match.group()
            for start in range(0, len(token), _TOKEN_CHUNK):
                if start:
                    pieces.append(soup.new_tag("wbr"))
                pieces.append(token[start:start + _TOKEN_CHUNK])
            position = match.end()
        pieces.append(text[position:])
        text.replace_with(*[piece for piece in pieces if piece != ""])


def _mark_title_page(soup: BeautifulSoup) -> Tag | None:
    """Give the title page's cell its class and return it: the cell whose output
    holds a ``.csf-title`` element (a title page computed by the notebook), else
    the first Markdown cell."""
    title = soup.select_one("main .csf-title")
    cell = title.find_parent(class_="jp-Cell") if title is not None else None
    cell = cell or soup.select_one("main .jp-MarkdownCell")
    if cell is not None:
        cell["class"] = [*cell.get("class", []), "csf-title-page"]  # type: ignore[misc,assignment,arg-type]
    return cell


def _insert_table_of_contents(soup: BeautifulSoup, *, after: Tag | None) -> None:
    """Insert a list of links to the h2/h3 headings (page numbers come from CSS), but
    those of class ``csf-no-toc`` (one per theme or category: the list stays a page)."""
    main = soup.find("main")
    if main is None:
        return
    headings = [
        h for h in main.find_all(["h2", "h3"])
        if (after is None or after not in h.parents) and NO_TOC not in h.get_attribute_list("class")
    ]
    if not headings:
        return
    nav = soup.new_tag("nav", attrs={"class": "csf-toc"})
    heading = soup.new_tag("p", attrs={"class": "csf-toc-title"})
    heading.string = TOC_TITLE
    entries = soup.new_tag("ol")
    nav.extend([heading, entries])
    used_ids = {str(tag["id"]) for tag in soup.find_all(id=True)}
    linked: set[str] = set()
    for number, target in enumerate(headings, start=1):
        # nbconvert's ids are percent-encoded and repeat for repeated headings.
        anchor = target.get("id")
        if not (isinstance(anchor, str) and _SAFE_ID.match(anchor)) or anchor in linked:
            anchor = _unique_id(f"csf-section-{number}", used_ids)
            target["id"] = anchor
        linked.add(anchor)
        item = soup.new_tag("li", attrs={"class": f"csf-toc-{target.name}"})
        link = soup.new_tag("a", href=f"#{anchor}")
        link.string = target.get_text(" ", strip=True)
        item.append(link)
        entries.append(item)
    if after is not None:
        after.insert_after(nav)
    else:
        main.insert(0, nav)


def _unique_id(candidate: str, used: set[str]) -> str:
    result, suffix = candidate, 1
    while result in used:
        suffix += 1
        result = f"{candidate}-{suffix}"
    used.add(result)
    return result


def _set_report_title(soup: BeautifulSoup, title: str | None) -> None:
    """Use one title for ``<title>`` (PDF metadata) and the running page header."""
    if not title:
        first_h1 = soup.find("h1")
        title = first_h1.get_text(" ", strip=True) if first_h1 else None
    if not title:
        title = soup.title.get_text(strip=True) if soup.title else ""
    head = soup.head or soup
    if soup.title is not None:
        soup.title.string = title
    style = soup.new_tag("style")
    style.string = f"@page {{ @top-right {{ content: {css_string(title)}; }} }}"
    head.append(style)


def css_string(text: str) -> str:
    """Quote ``text`` as a CSS string that cannot close its rule or the <style> element.

    >>> css_string('Synthèse "CSF" </style>')
    '"Synthèse \\\\"CSF\\\\" \\\\3c /style\\\\3e "'
    """
    parts = []
    for char in text:
        if char in '"\\':
            parts.append("\\" + char)
        elif char in "<>&" or ord(char) < 0x20 or ord(char) == 0x7F:
            parts.append(f"\\{ord(char):x} ")
        else:
            parts.append(char)
    return '"' + "".join(parts) + '"'


def _convert(
    exporter: SyntheseHTMLExporter,
    notebook: str | os.PathLike[str] | nbformat.NotebookNode,
    *,
    out_path: Path,
    base_dir: str | os.PathLike[str] | None,
) -> str | bytes:
    if isinstance(notebook, nbformat.NotebookNode):
        folder = Path(base_dir) if base_dir is not None else Path.cwd()
        resources = {"metadata": {"name": out_path.stem, "path": str(folder)}}
        output, _ = exporter.from_notebook_node(notebook, resources)
        return output
    path = Path(notebook)
    if not path.is_file():
        raise FileNotFoundError(
            f"Cannot export {path}: no such notebook. Expected the path of an .ipynb "
            "file (for example notebooks/synthese.ipynb) or a NotebookNode."
        )
    output, _ = exporter.from_filename(str(path))
    return output


def export_html(
    notebook: str | os.PathLike[str] | nbformat.NotebookNode,
    out_path: str | os.PathLike[str],
    *,
    base_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """Export a notebook to the report's HTML, written atomically.

    Args:
        notebook: Path of an .ipynb file, or a notebook node.
        out_path: Destination .html file (its folder must exist).
        base_dir: For a notebook node, the folder relative image paths are
            resolved against (default: the current directory). A path's own
            folder is used otherwise.

    Returns:
        ``out_path`` as a ``Path``.
    """
    out_path = Path(out_path)
    html = _convert(SyntheseHTMLExporter(), notebook, out_path=out_path, base_dir=base_dir)
    return write_text_atomic(out_path, cast(str, html))


def export_pdf(
    notebook: str | os.PathLike[str] | nbformat.NotebookNode,
    out_path: str | os.PathLike[str],
    *,
    base_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """Export a notebook to the report's PDF, written atomically.

    Args:
        notebook: Path of an .ipynb file, or a notebook node.
        out_path: Destination .pdf file (its folder must exist).
        base_dir: As for :func:`export_html`.

    Returns:
        ``out_path`` as a ``Path``.
    """
    out_path = Path(out_path)
    pdf = _convert(SynthesePDFExporter(), notebook, out_path=out_path, base_dir=base_dir)
    return write_bytes_atomic(out_path, cast(bytes, pdf))
