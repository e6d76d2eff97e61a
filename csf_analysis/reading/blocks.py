"""Markdown -> a flat list of blocks with plain text and source line numbers.

markdown-it-py (CommonMark + tables + front matter) gives the structure; this
module flattens its tokens into :class:`Block` objects: headings, paragraphs,
list items, code, tables, HTML and rules, each with the plain text of every
source line it covers (emphasis, links and other markup removed).

Example:
    >>> [(b.kind, b.line, b.text) for b in parse_blocks("# Titre\\n\\n- **un** point\\n")]
    [('heading', 1, 'Titre'), ('item', 3, 'un point')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

# markdown-it stops reading a note past ``maxNesting`` open blocks (20 in CommonMark:
# a list 10 deep), silently dropping the rest of it. Lines are flattened to
# MAX_PREFIX pieces of indentation and markers (see flatten_deep_lines: a list 8
# deep), so no block nests deeper than about MAX_PREFIX + 2 levels, under
# MAX_NESTING (each level costs a few Python frames: far below the recursion limit).
MAX_PREFIX = 16
MAX_NESTING = 40
_OPTIONS = {"maxNesting": MAX_NESTING}
# markdown-it looks for the "]" of every "[" (a link label) to the end of the
# paragraph: quadratic on a line of thousands of "[" (1 s for 50 KB, 4 s for 100).
# A note with a line of more than MAX_BRACKETS "[" is read without links (their
# text stays as written, "[texte](url)").
MAX_BRACKETS = 64
# A table's row is one block, its cells joined so, empty ones kept: "Léa |  | Brest |".
CELL_SEP = " | "
_CELL_SPLIT = re.compile(r" ?\| ?")  # "| Lundi | Mardi |": empty first and last cells


def _parser(*, front_matter: bool, links: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", _OPTIONS).enable("table")
    if front_matter:
        md.use(front_matter_plugin)
    return md if links else md.disable(["link", "image"])


_PARSERS = {(fm, links): _parser(front_matter=fm, links=links)
            for fm in (True, False) for links in (True, False)}


@dataclass
class Block:
    """A piece of a note: ``kind`` is heading, paragraph, item, code, table,
    html, quote, rule or front_matter; ``lines`` pairs source line numbers
    (1-based) with their plain text."""

    kind: str
    lines: list[tuple[int, str]] = field(default_factory=list)
    level: int = 0       # heading level
    list_id: int = -1    # top-level list an item belongs to
    raw: str = ""        # front matter source

    @property
    def line(self) -> int:
        return self.lines[0][0] if self.lines else 0

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.lines if t).strip()


def inline_lines(token: Token) -> list[tuple[int, str]]:
    """Plain text of an inline token, one entry per source line."""
    start = token.map[0] + 1 if token.map else 0
    lines: list[str] = []
    current: list[str] = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            lines.append("".join(current))
            current = []
        elif child.type in ("text", "code_inline", "html_inline"):
            current.append(child.content)
        elif child.type == "image":
            current.append(child.content or "")
    lines.append("".join(current))
    return [(start + i, text.strip()) for i, text in enumerate(lines)]


def _code_lines(token: Token) -> list[tuple[int, str]]:
    first = (token.map or [0])[0] + (1 if token.type == "fence" else 0) + 1
    return [(first + i, text.rstrip()) for i, text in enumerate(token.content.split("\n"))
            if text.strip()]


class _Walker:
    """Turns the token stream into blocks; keeps list and quote nesting."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.list_depth = 0
        self.quote_depth = 0
        self.list_count = 0
        self.row: list[tuple[int, str]] = []

    def walk(self, tokens: list[Token]) -> list[Block]:
        for i, token in enumerate(tokens):
            handler = getattr(self, "on_" + token.type, None)
            if handler:
                handler(token, tokens, i)
        return self.blocks

    def on_front_matter(self, token, tokens, i):
        self.blocks.append(Block("front_matter", [(token.map[0] + 1, "")], raw=token.content))

    def on_bullet_list_open(self, token, tokens, i):
        if self.list_depth == 0:
            self.list_count += 1
        self.list_depth += 1

    on_ordered_list_open = on_bullet_list_open

    def on_bullet_list_close(self, token, tokens, i):
        self.list_depth -= 1

    on_ordered_list_close = on_bullet_list_close

    def on_blockquote_open(self, token, tokens, i):
        self.quote_depth += 1

    def on_blockquote_close(self, token, tokens, i):
        self.quote_depth -= 1

    def on_heading_open(self, token, tokens, i):
        lines = inline_lines(tokens[i + 1])
        if token.markup == "-" or (token.markup == "=" and len(lines) > 1):
            # Setext "----" under text: the team means a rule, not a heading.
            self.blocks.append(Block("paragraph", lines))
            self.blocks.append(Block("rule", [(token.map[1], "")]))
            return
        self.blocks.append(Block("heading", lines, level=int(token.tag[1])))

    def on_paragraph_open(self, token, tokens, i):
        if tokens[i + 1].type != "inline":
            return
        kind = "item" if self.list_depth else ("quote" if self.quote_depth else "paragraph")
        block = Block(kind, inline_lines(tokens[i + 1]))
        block.list_id = self.list_count if self.list_depth else -1
        self.blocks.append(block)

    def on_fence(self, token, tokens, i):
        self.blocks.append(Block("code", _code_lines(token)))

    on_code_block = on_fence

    def on_html_block(self, token, tokens, i):
        first = token.map[0] + 1
        lines = [(first + n, t.strip()) for n, t in enumerate(token.content.split("\n"))
                 if t.strip()]
        self.blocks.append(Block("html", lines))

    def on_hr(self, token, tokens, i):
        self.blocks.append(Block("rule", [(token.map[0] + 1, "")]))

    def on_tr_open(self, token, tokens, i):
        self.row = []

    def on_inline(self, token, tokens, i):
        if tokens[i - 1].type in ("th_open", "td_open"):
            text = " ".join(t for _, t in inline_lines(token) if t)
            self.row.append((token.map[0] + 1 if token.map else 0, text))

    def on_tr_close(self, token, tokens, i):
        """A row as "a |  | c |  |": every cell keeps its place, so each stays in its
        column ("TINORUA Ariitea |  | 300" is no "TINORUA Ariitea | 300") and a row has
        as many as its table's header."""
        cells = [text for _, text in self.row]
        line = token.map[0] + 1 if token.map else (self.row[0][0] if self.row else 0)
        if any(cells):
            self.blocks.append(Block("table", [(line, CELL_SEP.join(cells).strip())]))


def row_cells(text: str) -> list[str]:
    """The cells of a table row's text as the reader writes it; none for other text.

    >>> row_cells("Léa |  | Brest |"), row_cells("|  | Quimper"), row_cells("a | b")
    (['Léa', '', 'Brest', ''], ['', '', 'Quimper'], ['a', 'b'])
    >>> row_cells("Une phrase.")
    []
    """
    return _CELL_SPLIT.split(text) if CELL_SEP in text else []


def line_numbers(text: str, offsets: list[int]) -> list[int]:
    """The (1-based) line of each offset of ``text``, in one pass over its line ends.

    >>> line_numbers("a\\nb\\nc", [0, 2, 4])
    [1, 2, 3]
    """
    if not offsets:
        return []
    ends = [m.start() for m in re.finditer("\n", text)]
    return [bisect.bisect_left(ends, offset) + 1 for offset in offsets]


# "##" then a no-break space: a heading to whoever typed it (a French keyboard's
# Alt Gr + space, or a word processor), not to CommonMark.
_NBSP_HEADING = re.compile(r"^( {0,3}#{1,6})([\u00a0\u202f\u2007]+)", re.MULTILINE)


def plain_heading_spaces(text: str) -> tuple[str, list[int]]:
    """Give headings written ``##`` + no-break space a plain space; return the text
    and the (1-based) lines changed. Offsets and line numbers stay as they were.

    >>> plain_heading_spaces("##\u00a0Accueil")
    ('## Accueil', [1])
    """
    lines = line_numbers(text, [m.start() for m in _NBSP_HEADING.finditer(text)])
    if not lines:
        return text, []
    return _NBSP_HEADING.sub(lambda m: m[1] + " " * len(m[2]), text), lines


# One piece of a line's container prefix: indentation, a quote marker, a list marker.
_PIECE = r"(?:[ \t>]|[-*+](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$))"
_PREFIX_PART = re.compile(_PIECE, re.MULTILINE)
_DEEP_LINE = re.compile(r"^%s{%d}%s*(?=[^ \t\n])" % (_PIECE, MAX_PREFIX + 1, _PIECE),
                        re.MULTILINE)


def flatten_deep_lines(text: str) -> tuple[str, list[int]]:
    """Cut the container prefix (indentation, ``>``, list markers) of lines nested
    deeper than :data:`MAX_PREFIX` down to that depth: the line's text joins the
    deepest block kept, instead of markdown-it dropping the rest of the note.
    Return the text and the (1-based) lines flattened; line numbers stay.

    >>> flatten_deep_lines("> " * 30 + "fin")
    ('> > > > > > > > fin', [1])
    """
    lines = line_numbers(text, [m.start() for m in _DEEP_LINE.finditer(text)])
    if not lines:
        return text, []
    return _DEEP_LINE.sub(_flatten_prefix, text), lines


def _flatten_prefix(match: re.Match) -> str:
    """The first :data:`MAX_PREFIX` pieces of a prefix, the rest of it dropped."""
    kept = [part[0] for _, part in zip(range(MAX_PREFIX), _PREFIX_PART.finditer(match[0]))]
    return "".join(kept).rstrip() + " "


def parse_blocks(text: str, *, front_matter: bool = True) -> list[Block]:
    """Parse Markdown ``text`` into blocks, in document order.

    With ``front_matter=False`` a leading ``---`` block is read as Markdown
    (for notes that start with a rule rather than YAML). A note with a line
    of more than :data:`MAX_BRACKETS` ``[`` is read without links:

    >>> parse_blocks("[a](u) " + "[" * 65)[0].text[:8]
    '[a](u) ['
    """
    many_brackets = text.count("[") > MAX_BRACKETS and any(
        line.count("[") > MAX_BRACKETS for line in text.split("\n"))
    return _Walker().walk(_PARSERS[front_matter, not many_brackets].parse(text))
