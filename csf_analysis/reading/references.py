"""What a note asks a browser or a PDF printer to fetch: flagged, never fetched.

A note may hold a Markdown image (``![plan](file:///etc/passwd)``), raw HTML
(``<img src=...>``, ``<link rel=stylesheet href=...>``, ``<iframe>``) or CSS
(``style="background: url(...)"``). The report shows the notes' text escaped
and its PDF printer reads nothing outside the project's templates and figures
(:func:`csf_analysis.report.exporter.local_url_fetcher`), so nothing is loaded; this
module only tells the researcher, with a problem row per reference, that the
image or resource will appear as text. Plain links (``https://...``) are notes'
ordinary content and are not flagged. Every pattern is linear in the line's
length (no nested quantifiers), so a hostile 50 KB line costs milliseconds.

Example:
    >>> [p.line for p in external_references("Voir\\n![plan](file:///etc/passwd)\\n", "a.md")]
    [2]
"""
from __future__ import annotations

import re

from .sources import Problem

__all__ = ["external_references"]

_REFERENCES = re.compile(
    r"!\[[^\]\n]{0,500}\]\(\s{0,20}<?(?P<image>[^)\s>]{1,2000})"      # ![alt](target)
    r"|<(?P<tag>img|link|iframe|object|embed|source|video|audio|input|image|use|script)\b"
    r"(?P<attrs>[^>\n]{0,2000})"                                       # <img ...>
    r"|\burl\(\s{0,20}[\"']?(?P<css>[^\"')\s]{1,2000})",              # url(target)
    re.IGNORECASE)
_ATTRIBUTE = re.compile(r"\b(?:src|href|data|srcset|poster|xlink:href)\s{0,5}=\s{0,5}"
                        r"[\"']?([^\"'\s>]{1,2000})", re.IGNORECASE)
_HARMLESS = ("data:", "#")
_SHOWN = 80


def external_references(text: str, source_file: str) -> list[Problem]:
    """One warning per image, embedded resource or CSS ``url()`` of the note."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        if "](" not in line and "<" not in line and "url(" not in line.lower():
            continue
        for match in _REFERENCES.finditer(line):
            attribute = _ATTRIBUTE.search(match["attrs"]) if match["tag"] else None
            target = match["image"] or match["css"] or (attribute[1] if attribute else "")
            if not target:
                continue
            if target.lower().startswith(_HARMLESS):
                continue
            what = (f"balise <{match['tag'].lower()}>" if match["tag"]
                    else "image" if match["image"] else "url() CSS")
            problems.append(Problem(source_file, number, "warning", (
                f"{what} qui pointe vers « {target[:_SHOWN]} » : le rapport ne charge "
                "rien hors du projet, elle y apparaît comme texte, sans son contenu ; "
                "joignez le fichier à part si l'équipe doit le voir")))
    return problems
