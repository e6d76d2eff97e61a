"""After the parse: what each interview of a note is, and what follows from it.

:func:`classify` weighs the evidence of :mod:`csf_analysis.reading.kinds` for every
interview of a parsed note (front matter, folder, heading, file name, and the
interview's own lines) and sets ``kind`` and ``kind_evidence``; where the
evidence is weak or contested, a problem row says which kind was chosen and
the front-matter line that fixes it. Then:

- a workshop or an observation whose title or file name names several actors
  is a mixed group: its actor is ``autre``;
- a file whose interviews are all documents becomes one row of kind
  ``document`` that holds every line of the file: kept, never counted;
- in a usability test, a role label other than the tester's (``Le jeune : lui
  redonner confiance`` under a heading about a page) is a comment on the page,
  not a young person's turn: the label goes back into the text.

Example:
    >>> from csf_analysis.reading.notes import parse_note
    >>> note = parse_note("# Liens utiles\\n\\n- https://a.fr\\n- https://b.fr\\n",
    ...                   "equipe/liens.md")
    >>> [(i["interview_id"], i["kind"], i["actor"]) for i in note.interviews]
    [('equipe/liens', 'document', '')]
    >>> note.interviews[0]["kind_evidence"]
    'folder:document; heading:document; file-name:document; content:document'
"""
from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath

from . import kinds
from .sources import Problem
from .vocabulary import actor_of_text, actors_of_text

# Labels of the interviewee's own words ("Représentation :", "Ressentis :", "Contexte").
_INTERVIEW_LABELS = frozenset({"representation", "feelings", "context"})
_GROUPS = frozenset({"atelier", "observation"})  # sessions with several people


def classify(note, text: str, hints: list[dict], *, title: str = "") -> None:
    """Set each interview's kind (in place); merge a document file; free page comments.

    ``hints`` are what each interview's heading or front matter said; ``title`` is
    what heads the file (its first heading, or a short line alone at its top).
    """
    lines = text.split("\n")
    segments: dict[int, list] = {}
    for segment in note.segments:
        segments.setdefault(segment.interview, []).append(segment)
    for index, (interview, hint) in enumerate(zip(note.interviews, hints)):
        content = _content(note, index, segments.get(index, []), lines)
        decision = kinds.decide(_evidence(note.source_file, hint, title,
                                          several=len(note.interviews) > 1) +
                                kinds.content_evidence(content))
        interview["kind"], interview["kind_evidence"] = decision.kind, decision.evidence
        if decision.kind == "document":
            interview["actor"] = ""  # nobody was interviewed
        elif decision.kind in _GROUPS and _mixed(interview["title"], note.source_file):
            interview["actor"] = "autre"  # a mixed group: buyers and tutors
        if decision.problem:
            note.problems.append(Problem(note.source_file, interview["line"], "warning",
                                         decision.problem))
    if note.interviews and all(i["kind"] == "document" for i in note.interviews):
        _one_document(note)
    for index, interview in enumerate(note.interviews):
        if interview["kind"] == "test-utilisateur":
            _page_comments(segments.get(index, []), interview["actor"])


def _mixed(title: str, source_file: str) -> bool:
    """Do the title and file name name several actors (``atelier-acheteurs-tuteurs``)?"""
    stem = PurePosixPath(source_file).stem
    return len({*actors_of_text(title), *actors_of_text(stem)}) > 1


def _evidence(source_file: str, hint: dict, title: str, *,
              several: bool) -> list[kinds.Evidence]:
    """What the front matter, folder, heading, file title and file name say.

    In a file of several interviews, one whose heading opens with its kind
    (``# Test du site (même jour)`` after an interview) is read by its heading:
    what describes the whole file (folder, file name, title) weighs half.
    """
    heading = hint.get("heading", "")
    named = kinds.heading_evidence(heading, dated=bool(hint.get("date_text"))) \
        if heading else None
    whole = [kinds.folder_evidence(source_file),
             kinds.title_evidence(title) if title and title != heading else None,
             kinds.file_name_evidence(source_file)]
    if several and named and named.weight >= kinds.HEADING:
        whole = [dataclasses.replace(e, weight=e.weight / 2) if e else None for e in whole]
    folder, file_title, file_name = whole
    found = [kinds.front_matter_evidence(hint.get("kind", ""),
                                         described=hint.get("front_matter", False)),
             folder, named, kinds.clause_evidence(hint.get("cue") == "marker"), file_title,
             file_name]  # strongest first, as kind_evidence lists them
    return [e for e in found if e]


def _content(note, index: int, segments: list, lines: list[str]) -> kinds.Content:
    """What the interview's lines hold (its segments, and its raw lines for links)."""
    interview = note.interviews[index]
    whole = len(note.interviews) == 1 and interview["line"] == 1  # the file is the interview
    first, last = (1, len(lines)) if whole else (interview["line"], interview["end_line"])
    return kinds.measure(
        lines[first - 1:last], times=sum(bool(s.time) for s in segments),
        speakers=sum(bool(s.speaker) for s in segments),
        labels=sum(s.category in _INTERVIEW_LABELS for s in segments),
        dated=len(interview["date"]) == 10)


def _one_document(note) -> None:
    """A file of documents only is one document row holding all its lines."""
    first, last = note.interviews[0], note.interviews[-1]
    if len(note.interviews) == 1 and first["line"] == 1:
        return  # already the file's row (its id may come from the front matter)
    people = [p for i in note.interviews for p in i["interviewers"]]
    note.interviews[:] = [{
        **first, "interview_id": str(PurePosixPath(note.source_file).with_suffix("")),
        "line": 1, "end_line": max(first["end_line"], last["end_line"]),
        "interviewers": list(dict.fromkeys(people))}]
    for segment in note.segments:
        segment.interview = 0


def _page_comments(segments: list, tester: str) -> None:
    """In a test, a role label or heading of another actor than the tester's is part
    of what the page says (``Le jeune : lui redonner confiance``), not a turn."""
    for segment in segments:
        if segment.speaker_from not in ("label", "heading"):
            continue
        actor = actor_of_text(segment.speaker)
        if not actor or actor == tester:
            continue
        if segment.speaker_from == "label":
            line, text = segment.lines[0]
            segment.lines[0] = (line, f"{segment.label} : {text}")
        segment.speaker = segment.speaker_from = segment.label = ""
