"""The allow-list that the notebook's HTML goes through before it reaches the report.

Everything a notebook contributes to the report (cells, Markdown, outputs) keeps
only the elements and attributes the report's own markup uses: the lab
template's cells, Markdown, ``DataFrame.to_html`` and the report sections. No
script, event attribute, form, inline SVG or MathML, frame, remote image or
style (but a table cell's ``text-align``) survives, whatever its spelling;
``<script>``, ``<style>``, ``<svg>`` and the like go with their content. Links
stay links when they point inside the report, at a local file, a web page or
an e-mail address (a reader follows them; printing never fetches them).

Example:
    >>> sanitise_notebook_html('<p onclick="x()">Texte <script>x()</script><b>gras</b></p>')
    '<p>Texte <b>gras</b></p>'
    >>> sanitise_notebook_html('<img src="https://example.org/pixel.png" alt="suivi">')
    '<img alt="suivi">'
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

__all__ = ["sanitise_notebook_html"]

LOGGER = logging.getLogger(__name__)

# The allow-list for the notebook's part of the page (<main>): the markup of
# nbconvert's lab cells, of Markdown (mistune, markdown-it), of
# DataFrame.to_html and of the report sections (synthesis.py); nothing that
# runs, fetches, submits or styles. Anything else is removed, keeping its text.
_NOTEBOOK_TAGS = frozenset({
    "div", "span", "p", "br", "hr", "wbr", "nav", "figure", "figcaption", "img",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "b", "i", "small",
    "q", "code", "pre", "blockquote", "del", "sup", "sub", "ul", "ol", "li",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
})
_NOTEBOOK_ATTRIBUTES = {
    "*": {"class", "id", "title"},  # class: the stylesheet's hooks (jp-*, csf-*, celltag_*)
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "div": {"data-mime-type"},  # nbconvert's output divs
    "table": {"border"},  # DataFrame.to_html; WeasyPrint ignores it (no presentational hints)
    "ol": {"start"},
    "tr": {"style"}, "th": {"colspan", "rowspan", "style"}, "td": {"colspan", "rowspan", "style"},
}
# Removed with their content: code, CSS, drawings and frames are no text to show.
_DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "svg", "math", "iframe", "object", "template", "noscript",
})
# Narrowed per attribute by _filter_attribute; relative URLs pass through nh3.
_URL_SCHEMES = frozenset({"data", "file", "http", "https", "mailto"})
# A link the reader may follow from the PDF (never fetched while printing).
_WEB_LINK = re.compile(r"(https?://[^/\\\s]|mailto:)", re.IGNORECASE)
_IMAGE_DATA_URL = re.compile(r"data:image/(png|jpeg|gif|webp|svg\+xml)[;,]", re.IGNORECASE)
# The only style kept: column alignment (DataFrame.to_html headers, Markdown tables).
_TEXT_ALIGN = re.compile(r"\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*",
                         re.IGNORECASE)


def sanitise_notebook_html(fragment: str) -> str:
    """Keep only the allow-listed markup of an HTML fragment written by the notebook.

    Elements outside the allow-list are removed and their text kept (``<script>``,
    ``<style>``, ``<svg>``, ``<math>``, frames and templates go with their content);
    attributes outside it are removed, as are URLs other than ``data:image/...``
    and relative ones on ``img src``, and other than ``#fragment``, relative,
    local ``file:``, ``http(s):`` and ``mailto:`` ones on ``a href``, and any
    ``style`` but a lone ``text-align`` on table rows and cells (column alignment).
    Comments are removed. A warning names what was removed: start tags and
    attributes are counted before and after (a stray ``<tr>`` outside a table,
    dropped by the HTML parser, counts too; a comment does not).
    """
    cleaned = nh3.clean(
        fragment, tags=set(_NOTEBOOK_TAGS), clean_content_tags=set(_DROPPED_WITH_CONTENT),
        attributes=_NOTEBOOK_ATTRIBUTES, attribute_filter=_filter_attribute,
        url_schemes=set(_URL_SCHEMES), link_rel=None, strip_comments=True)
    removed = _markup_counts(fragment) - _markup_counts(cleaned)
    if removed:
        LOGGER.warning(
            "Left out of the report %d element(s) or attribute(s) of the notebook that are "
            "not on the allow-list (scripts, styles, forms, remote URLs...): %s.",
            removed.total(), ", ".join(f"{name} ×{n}" for name, n in sorted(removed.items())))
    return cleaned


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's per-attribute check: URLs and styles that may stay (``None`` removes).

    >>> _filter_attribute("img", "src", "data:image/png;base64,AAAA")[:15]
    'data:image/png;'
    >>> _filter_attribute("a", "href", "data:text/html,x"), _filter_attribute("a", "href", "#s1")
    (None, '#s1')
    >>> _filter_attribute("a", "href", "https://travail-emploi.gouv.fr/")
    'https://travail-emploi.gouv.fr/'
    """
    if name == "href":
        local = _is_local_url(value, schemes=("", "file"))
        return value if local or (tag == "a" and _WEB_LINK.match(value.strip())) else None
    if name == "src":
        return value if _IMAGE_DATA_URL.match(value) or _is_local_url(value) else None
    if name == "style":
        return value if _TEXT_ALIGN.fullmatch(value) else None
    return value


def _is_local_url(url: str, *, schemes: tuple[str, ...] = ("",)) -> bool:
    """A relative URL (or one of ``schemes``) naming no host: ``//host/x`` is remote."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return (parts.scheme.lower() in schemes and parts.netloc in ("", "localhost")
            and not url.replace("\\", "/").startswith("//"))


class _MarkupCounter(HTMLParser):
    """Counts start tags (``"tag"``) and their attributes (``"tag[attr]"``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.counts: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] += 1
        self.counts.update(f"{tag}[{name}]" for name, _ in attrs)


def _markup_counts(html: str) -> Counter[str]:
    counter = _MarkupCounter()
    counter.feed(html)
    counter.close()
    return counter.counts
