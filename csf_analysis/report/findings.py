"""The team's findings (``synthese.md``) as the report's first section, citations quoted.

The Markdown the team wrote is rendered with markdown-it, raw HTML off (a
``<script>`` written in the file is shown as text), its headings moved under
the section's own (``#`` becomes ``h3``). Each citation becomes the quote it
points at, with its provenance (interview, company or actor, clause, date,
``file:line``); one that no longer resolves is shown in place as such, and
the problems annex says why (:mod:`csf_analysis.reading.findings`).

Example:
    >>> import pandas as pd
    >>> from csf_analysis.reading.findings import resolve_findings
    >>> statements = pd.DataFrame({"statement_id": ["s0123456789ab"], "interview_id": [""],
    ...                            "source_file": ["n.md"], "line": [3],
    ...                            "text": ["Trop de papiers <b>."]})
    >>> found = resolve_findings("# Constat\\n\\nLa charge [@n.md:3] ; [@n.md:9].", statements)
    >>> html = findings_html(found, statements, pd.DataFrame(columns=["interview_id"]))
    >>> str(html).splitlines()[0]
    '<h3>Constat</h3>'
    >>> '<q class="csf-cited">Trop de papiers &lt;b&gt;.</q>' in html, "n.md:3</span>" in html
    (True, True)
    >>> "[citation introuvable : @n.md:9]" in html
    True
"""
from __future__ import annotations

import pandas as pd
from markdown_it import MarkdownIt

from ..reading.findings import CITATION_RE, Citation, Findings
from .provenance import attribution_parts
from .rendering import Markup, render

__all__ = ["findings_html"]

_MARK = "CSFCITE{}END"  # a placeholder Markdown leaves alone, replaced after rendering


def findings_html(findings: Findings, statements: pd.DataFrame,
                  interviews: pd.DataFrame) -> Markup:
    """The findings' Markdown as HTML, each citation replaced by its quote (see module)."""
    counter = iter(range(len(findings.citations)))  # resolve_findings met them in this order
    marked = CITATION_RE.sub(lambda _: _MARK.format(next(counter)), findings.text)
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(marked)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"
    html = md.renderer.render(tokens, md.options, {})
    by_id = statements.set_index("statement_id", drop=False)
    for n, citation in enumerate(findings.citations):
        html = html.replace(_MARK.format(n), _quote(citation, by_id, interviews), 1)
    return Markup(html.rstrip("\n"))  # markdown-it escaped the text (raw HTML off)


def _quote(citation: Citation, by_id: pd.DataFrame, interviews: pd.DataFrame) -> Markup:
    rows = [by_id.loc[sid] for sid in citation.statement_ids if sid in by_id.index]
    if not rows:
        return render("citation.html.j2", key=citation.key, text=None)
    who, where = attribution_parts(rows[0], interviews)
    return render("citation.html.j2", key=citation.key, who=who, where=where,
                  text=" ".join(str(row["text"]) for row in rows))
