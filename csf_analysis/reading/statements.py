"""Segments -> statements: one row per sentence (per row of a table), with a stable id.

Each segment of a note is split into sentences with spaCy's French sentence
segmenter (a table's row stays whole: a record); each sentence keeps the source
line it starts on, its section, speaker and structural category, and takes the
``#tags`` written at its end.
``statement_id`` hashes the file, the interview and the normalised text, with
an occurrence counter, so editing another interview never changes it.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("fr"); _ = nlp.add_pipe("sentencizer")
    >>> from csf_analysis.reading.notes import parse_note
    >>> rows = statement_rows(parse_note("- Un. Deux #relance\\n", "a.md"), nlp)
    >>> [(r["text"], r["tags"], r["line"]) for r in rows]
    [('Un.', '', 1), ('Deux', 'relance', 1)]
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import re
import unicodedata
from collections import Counter

from .lines import ENDS_SENTENCE, split_tags
from .notes import ParsedNote, Segment

_ALNUM = re.compile(r"\w")
# Abbreviations after which a note goes on ("env. 300 marchés", "cf. le guide").
_ABBREVIATION = re.compile(r"(?:^|\s)(?:env|cf|ex|resp|approx|hab|tél|tel|nb|cad)\.$",
                           re.IGNORECASE)
# A line that ends on one of these goes on below ("... pour la" / "suite").
_DANGLING = re.compile(
    r"(?:(?:^|\s)(?:et|ou|mais|de|des|du|à|au|aux|en|pour|par|avec|sans|sur|dans|le|la|les"
    r"|un|une|qui|que|ce|cette|ces|son|sa|ses|leur|leurs|mon|ma|mes|très|plus|moins|pas|ne)"
    r"|(?:^|\s)[dlnjcqs]'|[,;:(\-–—/&+])$", re.IGNORECASE)
# A line that opens on one of these continues the line above ("restés" / "jusqu'au bout").
_CONTINUES = re.compile(
    r"^(?:et|ou|mais|donc|car|puis|ni|or|de|des|du|d'|à|au|aux|en|pour|par|avec|sans|sur"
    r"|sous|dans|chez|vers|entre|qui|que|qu'|dont|où|comme|quand|lorsqu|parce|afin|jusqu"
    r"|selon|malgré|après|avant|si)\b")
# Words that open a sentence at the start of a line: a new thought even after a long
# line (a wrapped line goes on in lower case, or with a proper noun). Subject pronouns
# open one in lower case too ("... enlevez-la" / "il manque un tableau").
_OPENS = re.compile(
    r"^(?:(?i:je|j'|il|elle|on|nous|vous|ils|elles)|Le|La|Les|L'|Un|Une|Des|Ce|Cette|Ces|C'"
    r"|Ça|Ca|Cela|Mon|Ma|Mes|Son|Sa|Ses|Notre|Nos|Leur|Leurs|Pas|Mais|Et|Donc|Puis|Alors"
    r"|Depuis|Pour|Avec|Sans|Quand|Si|Tout|Tous|Très|Beaucoup|Personne|Rien|Aucun|Aucune"
    r"|Y|Oui|Non|Peut-être)\b")
_EMPTY_CELLS = re.compile(r"^(?:\| ?)+|(?<=\|)(?: \|)+(?= )|(?: \|)+$")  # "| x", "a | | c |"
SHORT_LINE = 60  # characters: shorter lines are thoughts; an editor wraps prose at 72-80


@functools.lru_cache(maxsize=1 << 17)
def text_key(text: str) -> str:
    """Normalised text used for ids and duplicate detection (remembered: a corpus
    loaded again in a notebook keys its texts once). A table row's empty cells do not
    count: its id is the one it had when the reader dropped them.

    >>> text_key("Léa |  | Appel |  |"), text_key("|  | Lundi")
    ('léa | appel', 'lundi')
    """
    key = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return _EMPTY_CELLS.sub("", key) if "|" in key else key


def statement_id(source_file: str, interview_id: str, text: str, occurrence: int) -> str:
    digest = hashlib.sha1(
        f"{source_file}\x1f{interview_id}\x1f{text_key(text)}".encode()).hexdigest()[:12]
    return f"s{digest}" if occurrence == 1 else f"s{digest}-{occurrence}"


def _joined(segment: Segment) -> tuple[str, list[int], list[int]]:
    """Segment text joined by spaces, with line starts (offsets) and numbers."""
    parts, starts, numbers, offset = [], [], [], 0
    for number, text in segment.lines:
        if not text:
            continue
        starts.append(offset)
        numbers.append(number)
        parts.append(text)
        offset += len(text) + 1
    return " ".join(parts), starts, numbers


def new_thought(previous: str, line: str) -> bool:
    """Does a line break between two lines of a paragraph part two thoughts, although
    no punctuation ends the first? A short line does, unless it dangles (``... pour
    la``) or the next line goes on (``jusqu'au bout``); a long one only before a
    sentence opener (``Je``, ``Le``..., or a subject pronoun in lower case).

    >>> new_thought("Général", "très intéressant : la page est claire")
    True
    >>> new_thought("et trois sont restés", "jusqu'au bout.")
    False
    """
    previous, line = previous.rstrip(), line.lstrip()
    if not previous or not line or ENDS_SENTENCE.search(previous) \
            or _DANGLING.search(previous) or _CONTINUES.match(line):
        return False
    return len(previous) < SHORT_LINE or bool(_OPENS.match(line))


def _spans(doc, starts: list[int], text: str) -> list[tuple[int, str]]:
    """Sentence spans (start offset, text): spaCy's sentences, adjusted to the notes.

    A cut is kept where the previous piece ends with terminal punctuation (not
    an abbreviation such as "env.", nor inside a quotation: « pourquoi moi ? »
    dit-elle) or the next one starts a source line: the statistical splitter
    sometimes cuts after a bare number ("19 | Février 2018 : ..."). A source
    line starts a sentence even where spaCy did not cut when the line before
    ends with terminal punctuation (``... avec eux."`` + new line) or is a
    thought of its own (:func:`new_thought`). ``text`` is ``doc.text`` (which
    spaCy rebuilds at each call): every test looks at a bounded tail, and quotes
    are counted piece by piece, so a long paragraph costs linear time.
    """
    line_starts = set(starts)
    spans: list[list] = []  # [start, end, open quotes]
    for start, end in _cuts(doc, starts, text):
        piece = text[start:end]
        if not piece.strip():
            continue
        if spans and start not in line_starts and _goes_on(text, spans[-1]):
            spans[-1][1] = end
            spans[-1][2] = [a + b for a, b in zip(spans[-1][2], _quotes(piece))]
        else:
            spans.append([start, end, _quotes(piece)])
    return [(start, text[start:end].strip()) for start, end, _ in spans]


_TAIL = 200  # characters enough to see how a text ends


def _goes_on(text: str, span: list) -> bool:
    """Does the sentence ``span`` go on in the next piece: no terminal punctuation,
    an abbreviation, or a quotation still open?"""
    start, end, (guillemets, quotes, doubles) = span
    tail = text[max(start, end - _TAIL):end].strip()
    return (not ENDS_SENTENCE.search(tail) or bool(_ABBREVIATION.search(tail))
            or guillemets > 0 or quotes > 0 or doubles % 2 == 1)


def _quotes(text: str) -> tuple[int, int, int]:
    """Quotations a piece opens: « minus », “ minus ”, and its straight quotes."""
    return (text.count("«") - text.count("»"), text.count("“") - text.count("”"),
            text.count('"'))


def _cuts(doc, starts: list[int], text: str) -> list[tuple[int, int]]:
    """spaCy's sentence boundaries, plus the line starts that follow terminal
    punctuation or part two thoughts."""
    bounds = []
    for sent in doc.sents:
        start = sent.start_char
        k = bisect.bisect_right(starts, start)  # the line starts inside this sentence
        while k < len(starts) and starts[k] < sent.end_char:
            before, line_start = starts[k - 1], starts[k]
            if (ENDS_SENTENCE.search(text[max(start, line_start - _TAIL):line_start].rstrip())
                    or new_thought(text[before:line_start], text[line_start:line_start + 40])):
                bounds.append((start, line_start))
                start = line_start
            k += 1
        bounds.append((start, sent.end_char))
    return bounds


def _sentences(doc, starts: list[int], numbers: list[int]) -> list[tuple[int, str, list[str]]]:
    """(line, text, tags) per sentence; tag-only or symbol-only bits join the previous one."""
    whole = doc.text
    out: list[tuple[int, list[str], list[str]]] = []
    for start, raw in _spans(doc, starts, whole):
        tags, text = split_tags(raw)
        line = numbers[max(0, bisect.bisect_right(starts, start) - 1)]
        if out and not _ALNUM.search(text):  # glued to the previous one as written: «moi ?»
            space = " " if start and whole[start - 1].isspace() else ""
            if text:
                out[-1][1].append(space + text)
            out[-1][2].extend(tags)
        elif text or tags:
            out.append((line, [text], tags))
    joined = [(line, "".join(parts).strip(), tags) for line, parts, tags in out]
    return [s for s in joined if s[1]]


def _rows(segment: Segment) -> list[tuple[int, str, list[str]]]:
    """(line, text, tags) per row of a table: a row is one record, whatever its cells
    hold ("RUGGIERI Enzo | 18 | ? | (Eiffage) | ? | 300" is not three sentences)."""
    rows = []
    for number, raw in segment.lines:
        tags, text = split_tags(raw)
        if text.strip():
            rows.append((number, text.strip(), tags))
    return rows


def statement_rows(note: ParsedNote, nlp, *, batch_size: int = 64) -> list[dict]:
    """All statements of a parsed note, in document order."""
    joined = [_joined(segment) for segment in note.segments]
    docs = nlp.pipe(("" if segment.block == "table" else text  # a row is no sentences
                     for segment, (text, _, _) in zip(note.segments, joined)),
                    batch_size=batch_size)
    seen: Counter = Counter()
    rows = []
    for segment, (_, starts, numbers), doc in zip(note.segments, joined, docs):
        interview_id = (note.interviews[segment.interview]["interview_id"]
                        if segment.interview >= 0 else "")
        pieces = _rows(segment) if segment.block == "table" else _sentences(doc, starts, numbers)
        for line, text, tags in pieces:
            seen[(interview_id, text_key(text))] += 1
            rows.append({
                "statement_id": statement_id(note.source_file, interview_id, text,
                                             seen[(interview_id, text_key(text))]),
                "interview_id": interview_id, "source_file": note.source_file, "line": line,
                "section": segment.section, "heading": segment.heading,
                "category": segment.category or "facts",
                "category_origin": "structure" if segment.category else "inferred",
                "speaker": segment.speaker, "text": text, "tags": "; ".join(tags),
                "block": segment.block, "time": segment.time, "marker": segment.marker,
                "duplicate_of": "",
            })
    return rows
