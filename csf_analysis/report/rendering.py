"""The report's HTML fragments, rendered from Jinja2 templates with autoescape.

Every section of the synthesis is a template of ``templates/sections``: the
Python side computes the words and numbers, the template lays them out. Text
from the notes is data: autoescape escapes whatever a template prints, so a
``<script>`` written in a note is shown as text. The only markup passed in is
made here or by libraries that escape it themselves: tables from
``DataFrame.to_html(escape=True)`` (:func:`frame_html`), the team's findings from
markdown-it with raw HTML off, and other rendered templates.

Example:
    >>> import pandas as pd
    >>> render("paragraph.html.j2", text="<b>gras</b>", css="csf-where")
    Markup('<p class="csf-where">&lt;b&gt;gras&lt;/b&gt;</p>')
    >>> "<td>&lt;i&gt;</td>" in frame_html(pd.DataFrame({"a": ["<i>"]}))
    True
"""
from __future__ import annotations

from functools import cache

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

__all__ = ["Markup", "frame_html", "paragraph", "render"]


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("csf_analysis.report", "templates/sections"),
                       autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def render(name: str, **context) -> Markup:
    """Render the section template ``name`` (autoescaped) with ``context``."""
    return Markup(_environment().get_template(name).render(**context).strip())


def paragraph(text: str, css: str = "") -> Markup:
    """One escaped paragraph, with a class when ``css`` is given."""
    return render("paragraph.html.j2", text=text, css=css)


def frame_html(frame: pd.DataFrame, *, css: str = "") -> Markup:
    """A display table, its cells escaped by pandas (``to_html(escape=True)``)."""
    return Markup(frame.to_html(index=False, escape=True, na_rep="", border=0,
                                classes=["csf-table", css] if css else ["csf-table"]))
