"""Check pseudonymised outputs for names before they replace the previous ones.

Every file of a build (PDF text read back with pypdf, HTML, CSV, the executed
notebook, SVG chart labels, JSON) is searched for every name of the mapping
next to the notes and of ``pseudonymes.yml``, in the forms the replacer
(:mod:`csf_analysis.privacy.replacer`) replaces in the notes (the ``formes`` column of
the mapping, and the full names; every form it knows when the mapping has no
such column): a form the notes
never use as a name is no leak (``FORMATION`` of the report's title, ``Paris``
the town when Julie Paris is only mapped). The people of ``personnes`` are searched
in every form whatever the replacer did (:func:`csf_analysis.privacy.name_forms.listed_forms`:
full name, first name, surname, civility + surname, initials in every spelling,
lower case and without accents, inside file names too), a first name that is a
French word ("Rose") only with its capital; only ``exemptes`` keeps one. A name left anywhere raises
:class:`LeakError` naming the file and the name, and the previous outputs stay
as they were.

Example:
    >>> check_outputs(["reports/.build-x/synthese.pdf"], "interviews")  # doctest: +SKIP
    LeakError: synthese.pdf contient encore « Lefèvre » (Camille Lefèvre) ...
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path

from .. import config
from ..schema import COLUMNS
from .pseudonymise import name_checker

__all__ = ["LeakError", "check_outputs", "find_leaks", "leak_check", "output_files",
           "output_text"]

BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".parquet"}
# The style sheets and scripts of the report: no reader sees them, and no note's text
# goes there ("Page " counter(page) of the footer is no Sandrine Page).
_NO_STYLE = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_WORD_BREAK = re.compile(r"<wbr\s*/?>", re.IGNORECASE)
_NO_IMAGES = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+")
# The template's class and id attributes: "jp-Cell", "cell-id=6ec…" are no one's "jp"
# (a heading's id repeats its text, searched where the reader sees it).
_NO_CLASS = re.compile(r"""\s(?:class|id)\s*=\s*(?:"[^"<>]*"|'[^'<>]*')""", re.IGNORECASE)
# A tag of a page, read as its attributes' values: its name and its attributes' names
# are the template's ("lang" of <html lang="fr"> is no Sophie Lang); a value may hold
# the notes' words (a picture's alt). Comments stay text (a chart's labels in SVG).
_TAG = re.compile(r"<[/?]?[A-Za-z][^<>]*>")
_VALUE = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
# The hyphen the PDF's layout adds at a line's end (U+2010): "Li‐⏎moges" is "Limoges".
_HYPHENATED = re.compile("\u2010[ \t]*\n")
# A compound's own hyphen at a line's end: "lycée Jean-⏎Dupuy" is "lycée Jean-Dupuy",
# the school, not a « Dupuy » left beside it.
_COMPOUND_CUT = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")
# A chart's label drawn as glyphs: matplotlib names each of its lines in a comment, the
# glyphs' markup between them ("Le -->" <use .../> "<!-- Robert), ...": the town).
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


class LeakError(RuntimeError):
    """A pseudonymised output still holds a name: the message says which and where."""


def _strings(node) -> Iterable[str]:
    """The strings of a notebook, its images (base64) aside."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not (key.startswith("image/") and key != "image/svg+xml"):
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _tag_values(tag: re.Match) -> str:
    """``<img alt="x" src='y'>`` read as " x y "."""
    return " " + " ".join("".join(groups) for groups in _VALUE.findall(tag.group())) + " "


def notebook_text(notebook: dict) -> str:
    """The strings of a notebook (cells, outputs, metadata), unescaped, images aside."""
    strings = "\n".join(_strings(notebook))
    return html.unescape(_NO_CLASS.sub(" ", _NO_IMAGES.sub(" ", _NO_STYLE.sub(" ", strings))))


def output_text(path: str | Path) -> str:
    """The text a reader of ``path`` sees: PDF text, HTML/SVG unescaped with its tags'
    values only, notebook strings, the rows of a table the toolkit writes (its header
    holds the contract's column names)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader
        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        return _COMPOUND_CUT.sub("-", _HYPHENATED.sub("", text))  # its own "-" stays
    text = path.read_text(encoding="utf-8", errors="replace")
    if suffix == ".ipynb":
        return notebook_text(json.loads(text))
    if suffix == ".csv" and (path.stem in COLUMNS or path.name == config.ANNEX_FILE):
        return text.partition("\n")[2]  # its columns' names are ours: "line" is no Line's
    if suffix in (".html", ".htm", ".svg", ".xml"):  # embedded images are no text
        # <wbr> cuts long words in the report's tables ("notes/tran<wbr/>scription"):
        # the word is searched whole, as a reader reads it.
        labels = ""
        if suffix == ".svg":  # a chart's labels, line by line, read first and together
            labels = "\n".join(_COMMENT.findall(text)) + "\n"
            text = _COMMENT.sub(" ", text)
        return html.unescape(labels + _TAG.sub(_tag_values, _NO_CLASS.sub(" ", _NO_IMAGES.sub(
            " ", _WORD_BREAK.sub("", _NO_STYLE.sub(" ", text))))))
    return text


def find_leaks(paths: Iterable[str | Path], notes_dir: str | Path, *,
               organisations: bool = False) -> list[tuple[Path, str, str]]:
    """(file, name, form as written) of each mapped or listed name left in ``paths``."""
    checker = name_checker(notes_dir, organisations=organisations)
    leaks = []
    for path in map(Path, paths):
        if path.is_dir() or path.suffix.lower() in BINARY_SUFFIXES:
            continue
        text = output_text(path)
        seen = set()
        # Bare initials (CL) are replaced but not searched here: PDF text cuts words
        # ("IEN-\nIO") and a check that cries wolf would stop every build.
        flat = " ".join(text.split())
        for name, form in (checker.found(text, ids=True, initials=False)
                           + checker.found(flat, initials=False)
                           + checker.listed_found(text) + checker.listed_found(flat)):
            if (name, form) not in seen:
                seen.add((name, form))
                leaks.append((path, name, form))
    return leaks


def output_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files of ``paths`` (files, or folders searched through)."""
    return [f for p in map(Path, paths)
            for f in (sorted(p.rglob("*")) if p.is_dir() else [p]) if f.is_file()]


def check_outputs(paths: Iterable[str | Path], notes_dir: str | Path, *,
                  organisations: bool = False) -> None:
    """Raise :class:`LeakError` if a name is left in one of ``paths`` (files or folders)."""
    leaks = find_leaks(output_files(paths), notes_dir, organisations=organisations)
    if leaks:
        shown = "; ".join(f"{path.name} contient encore « {form} » ({name})"
                          for path, name, form in leaks[:5])
        more = f" et {len(leaks) - 5} autre(s)" if len(leaks) > 5 else ""
        raise LeakError(
            f"pseudonymisation incomplète, rien n'a été remplacé : {shown}{more}. Ajoutez "
            f"les formes manquées dans personnes de pseudonymes.yml ({notes_dir}).")


def leak_check(notes_dir: str | Path, options: dict | None):
    """The check new outputs pass before they replace the old ones (a ``check`` of
    :meth:`csf_analysis.filesets.Staging.commit`) when pseudonymising with ``options``
    (``{"organisations": ...}``); None when not pseudonymising."""
    if options is None:
        return None
    return lambda paths: check_outputs(paths, notes_dir, **options)
