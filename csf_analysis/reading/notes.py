"""One Markdown note -> interviews, text segments, contacts and problems.

The parser walks the blocks of :mod:`csf_analysis.reading.blocks` once, in order,
keeping the heading stack, the current interview and the current label
(``Représentation :`` + list). Every paragraph, list item, code or table line
becomes a :class:`Segment` (later split into sentences) or a contact row;
what cannot be read becomes a problem. Interviews start at dated, keyword or
clause-marker headings, or cover the file (front matter or no such heading).

Example:
    >>> note = parse_note("### (300h) 6 : Plone\\n\\nRessentis :\\n- Un échec.\\n", "a.md")
    >>> [(i["interview_id"], i["company_ref"]) for i in note.interviews]
    [('a:300h-6-plone', '6')]
    >>> [(s.section, s.category, s.text) for s in note.segments]
    [('Ressentis', 'feelings', 'Un échec.')]

A statement's ``section`` is the heading or label right above it; its ``heading``
keeps every Markdown heading above it inside its interview, the interview's own
title aside, so a label under a heading loses neither:

    >>> note = parse_note("# Lectures\\n\\n## Dupont (2019)\\n\\nNotes SCD :\\n- Utile.\\n", "b.md")
    >>> [(s.heading, s.section, s.text) for s in note.segments]
    [('Dupont (2019)', 'Notes SCD', 'Utile.')]
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from . import dates
from . import interviews as interview_rules
from .blocks import MAX_PREFIX, Block, flatten_deep_lines, parse_blocks, plain_heading_spaces
from .contacts import parse_contact_line
from .lines import (
    ENDS_SENTENCE,
    STARTS_WITH_ARROW,
    is_chat_message,
    split_label,
    split_marker,
    split_time,
)
from .note_kinds import classify
from .sources import Problem
from .vocabulary import (
    actor_of_text,
    category_of_label,
    is_label_word,
    name_of_label,
    normalize,
    speaker_of_label,
)


@dataclass
class Segment:
    """A paragraph, list item, code or table row of a note, before sentence splitting."""

    interview: int                      # index in ParsedNote.interviews, -1 = file level
    lines: list[tuple[int, str]]
    block: str
    section: str = ""
    category: str = ""
    speaker: str = ""
    time: str = ""
    marker: str = ""
    label: str = ""           # the role label taken off the first line as its speaker
    speaker_from: str = ""    # "label", "heading" (## Tutrice pilote) or "name"
    heading: str = ""         # the Markdown headings above it, outermost first (HEADING_SEP)

    @property
    def text(self) -> str:
        return " ".join(t for _, t in self.lines if t).strip()


@dataclass
class ParsedNote:
    source_file: str
    interviews: list[dict] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    contacts: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Label:
    block: Block
    text: str
    category: str
    list_id: int | None = None
    pending: bool = True
    used: bool = False


# Between the headings of a statement's ``heading`` path: "Lectures › Dupont (2019)".
HEADING_SEP = " › "
# A short line without a colon is a label only for the researchers' own parts.
_BARE_LABEL_CATEGORIES = ("debrief", "takeaway")
# An unmapped "label :" longer than this is also a statement ("Un souci majeur est ... :").
_LABEL_STATEMENT_WORDS = 4
# "Q : ... ?" and "Question : ... ?" mark a question asked in the interview.
_QUESTION_LABELS = frozenset({"q", "question"})


def slugify(text: str, *, width: int = 48) -> str:
    """``"(300h) 6 : Plone"`` -> ``"300h-6-plone"``."""
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-")[:width].strip("-")


def _is_label_line(text: str) -> bool:
    """``Représentation :`` alone on its line: a label for what follows."""
    return text.endswith(":") and 0 < len(text) <= 100


def _is_pseudo_heading(block: Block) -> bool:
    if block.kind != "paragraph" or len(block.lines) != 1:
        return False
    text = block.text
    if _is_label_line(text):
        return True
    words = text.split()
    return (0 < len(words) <= 8 and text[-1] not in ".!?;"
            and category_of_label(text) in _BARE_LABEL_CATEGORIES)


INTERVIEWER = "enqueteur"  # the speaker of a turn labelled with an interviewer's name


def _starts_label(text: str, names: frozenset[str] = frozenset()) -> bool:
    """Does this line open with a speaker or category label (``Acheteur : ...``)?"""
    label, _ = split_label(split_time(text)[1])
    return bool(label) and bool(category_of_label(label, max_words=6, anchored=True)
                                or speaker_of_label(label) or normalize(label) in names)


def _chat_author(label: str) -> bool:
    """Is the label of a chat message its author: a name, a login or initials
    (``bastien``, ``Greg E.``, ``maelle.legoff``, ``Solène LG``), not a label word
    (``Info``) nor a phrase (``Point chantier``)?"""
    words = label.split()
    if len(words) == 1:
        return not is_label_word(label) and len(label) <= 30
    return len(words) <= 4 and all(word[:1].isupper() for word in words)


def _starts_entry(text: str) -> bool:
    """Is this line a log entry of its own: a time of day (``15:48 : ...`` or
    ``... => 15:49``) or an arrow (``=> revoir le titre``)?"""
    return bool(split_time(text)[0] or STARTS_WITH_ARROW.match(text))


def _title_of(blocks: list[Block]) -> str:
    """What heads the file: its first heading, or a short line alone at its top
    (``Réunion d'équipe — 10/02/2020``, written without ``#``), or ``""``."""
    heading = next((b.text for b in blocks if b.kind == "heading"), "")
    first = next((b for b in blocks if b.kind != "front_matter"), None)
    if first is None or first.kind != "paragraph" or len(first.lines) != 1:
        return heading
    text = first.text
    return text if 0 < len(text.split()) <= 15 and text[-1] not in ".:;!?…" else heading


# spaCy refuses a text over nlp.max_length (1,000,000 characters, error E088) and
# its memory grows with each text's length: longer paragraphs or lines are cut.
MAX_SEGMENT_CHARS = 100_000


def cut_segment(segment: Segment, limit: int = MAX_SEGMENT_CHARS) -> list[Segment]:
    """``segment`` as pieces of at most ``limit`` characters: between lines, and a
    longer line at a space (or anywhere, if it has none) keeping its line number.

    >>> parts = cut_segment(Segment(-1, [(3, "un deux trois")], "paragraph"), limit=8)
    >>> [p.lines for p in parts]
    [[(3, 'un deux')], [(3, 'trois')]]
    """
    if len(segment.text) <= limit:
        return [segment]
    pieces: list[list[tuple[int, str]]] = []
    lines: list[tuple[int, str]] = []
    size = 0
    for number, text in segment.lines:
        for part in _cut_line(text, limit):
            if lines and size + len(part) + 1 > limit:
                pieces.append(lines)
                lines, size = [], 0
            lines.append((number, part))
            size += len(part) + 1
    pieces.append(lines)
    return [dataclasses.replace(segment, lines=piece) for piece in pieces]


def _cut_line(text: str, limit: int) -> list[str]:
    """A line in parts of at most ``limit`` characters, cut at the last space of each."""
    parts = []
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit + 1)
        cut = cut if cut > 0 else limit
        parts.append(text[:cut].strip())
        text = text[cut:]
    return parts + [text.strip()]


def _has_turns(block: Block) -> bool:
    """Can the block hold speakers' turns: prose, or a chat export pasted as code?"""
    return block.kind in ("paragraph", "item", "quote") or (
        block.kind == "code" and any(is_chat_message(text) for _, text in block.lines))


def split_block(block: Block, names: frozenset[str] = frozenset()) -> list[Block]:
    """Split a paragraph, item or pasted chat where a line starts a new speaker, label or entry.

    ``Acheteur : ...`` / ``Entreprise : ...`` on consecutive lines are two
    statements, and so are ``15:48 : ...`` / ``15:49 : ...`` or ``=> ...``
    lines; a first line ``Ressentis :`` over prose lines is a label.
    ``names`` are the folded first names of the people speaking in the note
    (interviewers, and names that open two lines or more): ``Yannick : ...`` is a turn.
    """
    if not _has_turns(block) or len(block.lines) < 2:
        return [block]
    starts = [_starts_label(text, names) for _, text in block.lines]
    entries = [_starts_entry(text) for _, text in block.lines]
    dialogue = sum(starts) >= 2  # one line per turn: a plain line after a full stop is
    groups = [[block.lines[0]]]  # the narrator's ("Il dit que ..."), not the last speaker's
    for line, starts_label, entry in zip(block.lines[1:], starts[1:], entries[1:]):
        ended = ENDS_SENTENCE.search(groups[-1][-1][1])
        if starts_label or entry or (dialogue and ended):
            groups.append([line])
        else:
            groups[-1].append(line)
    first = groups[0]
    if block.kind == "paragraph" and len(first) > 1 and _is_label_line(first[0][1]):
        groups[0:1] = [first[:1], first[1:]]
    return [Block(block.kind, lines, list_id=block.list_id) for lines in groups]


class _NoteParser:
    """Single pass over the blocks of one note (see module docstring)."""

    def __init__(self, text: str, source_file: str) -> None:
        self.note = ParsedNote(source_file)
        self.text, nbsp_lines = plain_heading_spaces(text)
        for line in nbsp_lines:
            self.problem(line, "titre écrit « ## » + espace insécable : lu comme un titre ; "
                               "remplacez l'espace insécable par une espace ordinaire")
        self.text, deep_lines = flatten_deep_lines(self.text)
        if deep_lines:
            self.problem(deep_lines[0], self.deep_message(deep_lines))
        self.blocks = parse_blocks(self.text)
        self.stem = str(PurePosixPath(source_file).with_suffix(""))
        file_date = dates.date_from_filename(PurePosixPath(source_file).name)
        self.file_date = file_date
        self.default_year = int(file_date[:4]) if file_date else None
        self.headings: list[tuple[int, str, str, str]] = []  # (level, text, category, speaker)
        self.hints: list[dict] = []                       # per interview, as found
        self.file_hint: dict = {}                         # front matter of the whole file
        self.title = ""                                   # what heads the file
        self.starts: dict[int, dict] = {}                 # heading line -> interview hint
        self.names: frozenset[str] = frozenset()          # interviewers, folded
        self.people: frozenset[str] = frozenset()         # "Claire :" turns seen twice
        self.current = -1
        self.current_level = 0
        self.single = False
        self.label: _Label | None = None

    # -- problems -----------------------------------------------------------
    def problem(self, line: int, message: str, severity: str = "warning") -> None:
        self.note.problems.append(Problem(self.note.source_file, line, severity, message))

    @staticmethod
    def deep_message(lines: list[int]) -> str:
        more = f" (et {len(lines) - 1} autre(s) ligne(s))" if len(lines) > 1 else ""
        return (f"liste ou citation imbriquée sur plus de {MAX_PREFIX} niveaux d'indentation "
                f"à la ligne {lines[0]}{more} : lue au niveau {MAX_PREFIX}, rien n'est perdu ; "
                "réduisez l'indentation ou le nombre de « > »")

    # -- interviews ---------------------------------------------------------
    def start_interview(self, line: int, title: str, hint: dict, *, heading: str = "") -> None:
        hint = {**self.file_hint, **hint}
        slug = slugify(hint.get("title", title)) or "entretien"
        ident = hint.get("interview_id") or (self.stem if self.single else f"{self.stem}:{slug}")
        taken = {i["interview_id"] for i in self.note.interviews}
        base, n = ident, 2
        while ident in taken:
            ident, n = f"{base}-{n}", n + 1
        title = hint.get("title", title)
        clause_label = hint.get("clause_label", "")
        actor = hint.get("actor") or actor_of_text(title) or (
            "entreprise" if hint.get("company_ref") or clause_label else "") or self.actor_around()
        self.hints.append({**hint, "heading": heading})
        self.note.interviews.append({
            "interview_id": ident, "source_file": self.note.source_file, "line": line,
            "end_line": line, "title": title, "date": hint.get("date") or self.file_date,
            "date_text": hint.get("date_text", ""), "actor": actor,
            "company_ref": hint.get("company_ref", ""), "clause_hours": hint.get("clause_hours"),
            "clause_label": clause_label, "interviewers": list(hint.get("interviewers", [])),
            "other_fields": hint.get("other_fields", ""),
            "kind": "", "kind_evidence": "", "duplicate_of": "",
        })
        self.current = len(self.note.interviews) - 1
        if hint.get("date_problem"):
            self.problem(line, self.date_problem(hint))

    def actor_around(self) -> str:
        """The actor of an interview whose heading names none: the file name's, the
        previous interview's of the file (``# Test du site (même jour)``), a folder's."""
        path = PurePosixPath(self.note.source_file)
        previous = [self.note.interviews[-1]["actor"]] if self.note.interviews else []
        found = [actor_of_text(path.stem), *previous,
                 *map(actor_of_text, reversed(path.parts[:-1]))]
        return next((actor for actor in found if actor and actor != "autre"), "autre")

    def date_problem(self, hint: dict) -> str:
        """The heading's date problem; where the file name's date stands in for an
        impossible one, say so, and suggest no other date."""
        if hint.get("date") or not self.file_date:
            return hint["date_problem"]
        used = "/".join(reversed(self.file_date.split("-")))
        return (f"date impossible « {hint.get('date_text', '')} » dans le titre : la date du "
                f"nom du fichier, {used}, est retenue ; si ce n'est pas la bonne, corrigez le "
                "titre (jj/mm/aaaa)")

    def find_front_matter(self) -> dict | None:
        """Fields of the YAML front matter, or None (then its lines are read as text).

        Front matter that only says what the whole file is (``kind:``,
        ``interviewers:``) goes to ``file_hint`` and leaves the headings in charge:
        None is returned."""
        if not self.blocks or self.blocks[0].kind != "front_matter":
            return None
        block = self.blocks[0]
        fields, errors = interview_rules.read_front_matter(block.raw)
        hint, more = interview_rules.front_matter_hint(fields)
        for message in errors + more:
            self.problem(block.line, message, "error" if not fields else "warning")
        if not fields:  # a rule-delimited block, or broken YAML: nothing is dropped
            self.blocks = parse_blocks(self.text, front_matter=False)
            return None
        self.blocks.pop(0)
        if set(fields) <= interview_rules.FILE_KEYS:
            self.file_hint = hint
            return None
        return hint

    def plan_interviews(self) -> None:
        hint = self.find_front_matter()
        self.names = self.interviewer_names(hint or self.file_hint)
        self.people = self.named_speakers()
        headings = [(b.line, b.level, b.text) for b in self.blocks if b.kind == "heading"]
        self.starts = interview_rules.interview_starts(headings, default_year=self.default_year)
        self.title = _title_of(self.blocks)
        if hint is not None or not self.starts:
            self.single = True
            title = self.title or PurePosixPath(self.note.source_file).stem
            if hint is None:
                hint = interview_rules.heading_hint(title, default_year=self.default_year) or {}
            else:
                hint = {**hint, "front_matter": True}
            self.start_interview(1, title, hint, heading=hint.get("title") or self.title)

    def interviewer_names(self, hint: dict | None) -> frozenset[str]:
        """Folded names of the interviewers: front matter and debrief headings or labels."""
        names = list((hint or {}).get("interviewers", []))
        for block in self.blocks:
            if block.kind == "heading" or _is_pseudo_heading(block):
                text = block.text.rstrip(": ")
                if category_of_label(text) in _BARE_LABEL_CATEGORIES:
                    names += interview_rules.interviewers_of(text)
        return frozenset(normalize(name) for name in names if name.strip())

    def named_speakers(self) -> frozenset[str]:
        """First names that open two lines or more (``Claire : ...``): people speaking.
        Once only, ``Mécanisme : ...`` is more likely a word than a name."""
        seen: Counter[str] = Counter()
        for block in self.blocks:
            for _, text in block.lines:
                name = name_of_label(split_label(split_time(text)[1])[0])
                seen[name] += bool(name)
        return frozenset(name for name, count in seen.items() if count >= 2) | self.names

    # -- structure ----------------------------------------------------------
    def on_heading(self, block: Block) -> None:
        self.end_label()
        title = block.text
        hint = None if self.single else self.starts.get(block.line)
        if hint is not None and not self.subsection(block.level, hint):
            self.headings = []
            hint = self.absorb_container(block.level, hint)
            self.start_interview(block.line, title, hint, heading=title)
            self.current_level = block.level
            return
        category = category_of_label(title)
        if (self.current >= 0 and not self.single and block.level <= self.current_level
                and not self.closing_debrief(category)):
            self.current = -1
        self.headings = [h for h in self.headings if h[0] < block.level]
        self.headings.append((block.level, title, category, self.heading_speaker(title)))
        if category in ("debrief", "takeaway") and self.current >= 0:
            self.add_interviewers(title)

    def subsection(self, level: int, hint: dict) -> bool:
        """A keyword heading with no date nor clause below an interview that has begun,
        or that has a date or clause of its own, is a section of it (``## Test du nouveau
        guide`` under ``# Test acheteur du 26/05``)."""
        if self.current < 0 or level <= self.current_level or hint["cue"] != "keyword" \
                or hint.get("date_text"):
            return False
        above = self.hints[self.current]
        return bool(above.get("date_text") or above.get("cue") == "marker" or any(
            seg.interview == self.current for seg in self.note.segments))

    def heading_speaker(self, title: str) -> str:
        """The role a heading names inside a debrief (``## Tutrice pilote``): its lines' speaker."""
        in_debrief = any(c in _BARE_LABEL_CATEGORIES for _, _, c, _ in self.headings)
        return speaker_of_label(title) if in_debrief and len(title.split()) <= 4 else ""

    def absorb_container(self, level: int, hint: dict) -> dict:
        """An empty interview heading right above this one (``# Entretien du 19 février``
        over ``### (450h) 23 : ...``) is its title, not another interview: drop it and
        let this one inherit its date and interviewers."""
        if self.current < 0 or self.current != len(self.note.interviews) - 1:
            return hint
        if level <= self.current_level or any(
                seg.interview == self.current for seg in self.note.segments):
            return hint
        self.note.interviews.pop()
        container = self.hints.pop()
        self.current = -1
        inherited = {key: container[key] for key in ("date", "date_text", "interviewers")
                     if container.get(key) and not hint.get(key)}
        return {**hint, **inherited}

    def closing_debrief(self, category: str) -> bool:
        """A debrief or takeaway heading above the file's only interview still belongs to it."""
        return category in _BARE_LABEL_CATEGORIES and len(self.note.interviews) == 1

    def add_interviewers(self, title: str) -> None:
        people = self.note.interviews[self.current]["interviewers"]
        people.extend(n for n in interview_rules.interviewers_of(title) if n not in people)

    def on_pseudo_heading(self, block: Block) -> None:
        self.end_label()
        text = block.text.rstrip(": ").strip()
        label = _Label(block, text, category_of_label(text))
        if not label.category and len(text.split()) > _LABEL_STATEMENT_WORDS:
            self.add_label_statement(label)
        self.label = label
        if label.category in ("debrief", "takeaway") and self.current >= 0:
            self.add_interviewers(text)

    def end_label(self) -> None:
        """Close the current label; a label with nothing under it is a statement."""
        label, self.label = self.label, None
        if label and not label.used and (label.category or len(label.text.split())
                                         <= _LABEL_STATEMENT_WORDS):
            self.add_label_statement(label)

    def add_label_statement(self, label: _Label) -> None:
        section, category = self.context(label.block)
        self.add_segment(Segment(self.current, [(label.block.line, label.text)],
                                 "paragraph", section, category))

    def context(self, block: Block) -> tuple[str, str]:
        """Section and structural category for a content block."""
        label = self.label
        if label and label.pending:
            label.pending = False
            label.list_id = block.list_id if block.kind == "item" else None
        if label and label.list_id is not None and block.list_id != label.list_id:
            self.end_label()
            label = None
        section = self.headings[-1][1] if self.headings else ""
        category = next((c for _, _, c, _ in reversed(self.headings) if c), "")
        if label:
            label.used = True
            section = label.text
            category = label.category or category
        return section, category

    # -- content ------------------------------------------------------------
    def on_content(self, block: Block) -> None:
        section, category = self.context(block)
        if block.kind == "item":
            contact = parse_contact_line(block.text, heading=section)
            if contact:
                contact.update(source_file=self.note.source_file, line=block.line)
                self.note.contacts.append(contact)
                return
        segment = Segment(self.current, list(block.lines), block.kind, section, category)
        if _has_turns(block):
            self.read_first_line(segment)
        speaker = next((sp for _, _, _, sp in reversed(self.headings) if sp), "")
        if speaker and not segment.speaker:
            segment.speaker, segment.speaker_from = speaker, "heading"
        self.add_segment(segment)

    def add_segment(self, segment: Segment) -> None:
        if not segment.text:
            return
        segment.heading = self.heading_path()
        pieces = cut_segment(segment)
        if len(pieces) > 1:
            self.problem(segment.lines[0][0], self.long_message(segment, len(pieces)))
        self.note.segments += pieces
        if self.current >= 0:
            self.note.interviews[self.current]["end_line"] = segment.lines[-1][0]

    def heading_path(self) -> str:
        """The headings above the current block, outermost first, without the one that
        titles the current interview (its ``title`` in the interviews table)."""
        own = self.hints[self.current].get("heading") if self.current >= 0 else None
        return HEADING_SEP.join(text for _, text, _, _ in self.headings if text != own)

    @staticmethod
    def long_message(segment: Segment, pieces: int) -> str:
        first, last = segment.lines[0][0], segment.lines[-1][0]
        where = f"à la ligne {first}" if first == last else f"des lignes {first} à {last}"
        return (f"texte de {len(segment.text)} caractères d'un seul tenant {where} : lu en "
                f"{pieces} morceaux de {MAX_SEGMENT_CHARS} caractères au plus (une phrase "
                "peut y être coupée) ; ajoutez des retours à la ligne ou des lignes vides")

    def read_first_line(self, segment: Segment) -> None:
        """Take the time, marker and label off the segment's first line."""
        line, text = segment.lines[0]
        chat = is_chat_message(text)
        segment.time, text = split_time(text)
        segment.marker, text = split_marker(text)
        label, rest = split_label(text)
        if label:
            category = category_of_label(label, max_words=6, anchored=True)
            if normalize(label) in _QUESTION_LABELS and rest.rstrip().endswith("?"):
                category = "question"
            speaker = "" if category else speaker_of_label(label)
            if category and segment.category not in _BARE_LABEL_CATEGORIES:
                segment.category, segment.section, text = category, label, rest
            elif category:  # "Piste : ..." in a debrief stays the researchers' words
                pass
            elif speaker:
                segment.speaker, segment.label, text = speaker, label, rest
                segment.speaker_from = "label"
            elif normalize(label) in self.names:
                segment.speaker, segment.speaker_from, text = INTERVIEWER, "name", rest
                if rest.rstrip().endswith("?"):
                    segment.category = "question"
            elif normalize(label) in self.people or (chat and _chat_author(label)):
                # "Claire : ...", role unknown; "[12/03/2024 14:02] bastien : ..."
                segment.speaker, segment.speaker_from, text = normalize(label), "name", rest
        segment.lines[0] = (line, text.strip())
        for i, (number, other) in enumerate(segment.lines[1:], start=1):
            marker, other = split_marker(other)  # a timed line is a segment of its own
            segment.marker = segment.marker or marker
            segment.lines[i] = (number, other)

    def parse(self) -> ParsedNote:
        self.plan_interviews()
        for block in self.blocks:
            try:
                self.on_block(block)
            except Exception as error:
                # for the problem row
                setattr(error, "note_line", getattr(error, "note_line", block.line))  # noqa: B010
                raise
        self.end_label()
        classify(self.note, self.text, self.hints, title=self.title)
        return self.note

    def on_block(self, block: Block) -> None:
        """Read one block: a heading, a rule, a misplaced front matter or content."""
        if block.kind == "heading":
            self.on_heading(block)
        elif block.kind == "rule":
            self.end_label()
        elif block.kind == "front_matter":
            self.problem(block.line, "front matter ignoré : il n'est lu qu'en tout début de "
                                     "note ; déplacez-le en tête du fichier")
        else:
            for part in split_block(block, self.people):
                if _is_pseudo_heading(part):
                    self.on_pseudo_heading(part)
                else:
                    self.on_content(part)


def parse_note(text: str, source_file: str) -> ParsedNote:
    """Parse the Markdown ``text`` of the note at ``source_file`` (relative path)."""
    return _NoteParser(text, source_file).parse()
