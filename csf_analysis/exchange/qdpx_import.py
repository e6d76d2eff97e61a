"""Import the codings of a REFI-QDA project (``.qdpx``) made in another tool as the
manual decisions of their coders, in ``codage-manuel.csv``: nothing else is
written next to the notes.

Flow: the zip (size-checked) -> ``project.qde`` (no DTD allowed) -> users, codes,
sources -> each source matched to an interview of the notes by its text -> each
selection's span -> the statements it covers -> one decision per (statement, code,
coder).

Rules (the README says them too):

- **Sources.** A source is the interview whose plain text (as
  :mod:`csf_analysis.exchange.plain_text` writes it) it is, ignoring a BOM and
  CRLF line ends; its name, when it is an interview id, must agree. A source whose
  text no longer matches the notes is refused with a problem naming it and its first
  differing line: its codings are never shifted onto other words.
- **Positions** count code points from 0, the end excluded, in the text without
  its BOM. In a text with CRLF, a CRLF counts as two characters (QualCoder, MAXQDA),
  or as one when the project comes from ATLAS.ti (its ``origin``).
- **Overlap.** A selection codes every statement it covers by at least half of the
  statement's length; one that covers no statement by half is reported, not
  imported.
- **Codes.** A code is the toolkit's own when its GUID or its name is (a code's
  label or id); a code under ``Catégories (csf-analysis)`` sets the statement's
  category; any other is created, under its parent, by a ``define`` decision.
  The codings of ``csf-analysis (auto)`` are the toolkit's own and are skipped.
- **Coders** are the codings' users (else the selection's), with their times.
  A selection's description is a memo of its user on each statement it codes.
  A decision already in the log is not written twice.

Example:
    >>> result = import_qdpx("projet.qdpx", "interviews")          # doctest: +SKIP
    >>> result.recorded, len(result.problems)                       # doctest: +SKIP
    (12, 0)
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pandas as pd

from ..coding import manual
from ..reading.vocabulary import code_id
from ..schema import CATEGORIES, frame
from ..text import fold
from .plain_text import DerivedText, interview_texts
from .refi import AUTO_USER, CATEGORY_ROOT, PROJECT_NS, category_code, category_of_code_name
from .refi import code_guid as _code_guid

__all__ = ["QdpxError", "ImportResult", "import_qdpx"]

MAX_PROJECT_BYTES = 200 * 2**20  # project.qde
MAX_TOTAL_BYTES = 2 * 2**30  # every member, uncompressed
_NS = {"q": PROJECT_NS}
_CATEGORY_GUIDS = {_code_guid(category_code(c)): c for c in CATEGORIES}


class QdpxError(ValueError):
    """A file that is no REFI-QDA project this toolkit can read."""


@dataclass
class ImportResult:
    """What an import did: decisions recorded, already there, and problems."""

    recorded: int = 0
    already: int = 0
    problems: pd.DataFrame = field(default_factory=lambda: frame("problems"))


@dataclass
class _Code:
    guid: str
    name: str
    parent: str  # its parent's GUID, or ""


def _read_zip(path: Path) -> tuple[zipfile.ZipFile, bytes]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise QdpxError(f"{path.name} : pas un projet REFI-QDA lisible ({error}) ; "
                        "exportez-le de nouveau en .qdpx") from None
    members = archive.infolist()
    if sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise QdpxError(f"{path.name} : plus de 2 Go une fois décompressé ; refusé")
    qde = [m for m in members if m.filename.lower().endswith(".qde")]
    if len(qde) != 1 or qde[0].file_size > MAX_PROJECT_BYTES:
        raise QdpxError(f"{path.name} : il faut un et un seul fichier .qde (de moins de "
                        "200 Mo) dans l'archive ; exportez le projet en .qdpx de nouveau")
    return archive, archive.read(qde[0])


def _parse(path: Path, data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise QdpxError(f"{path.name} : le projet déclare une DTD ou des entités, refusées "
                        "(un projet REFI-QDA n'en a pas)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise QdpxError(f"{path.name} : project.qde n'est pas du XML valide ({error})") \
            from None
    if root.tag != f"{{{PROJECT_NS}}}Project":
        raise QdpxError(f"{path.name} : project.qde n'est pas un projet REFI-QDA "
                        f"(élément racine {root.tag})")
    return root


def _codes(root: ET.Element) -> dict[str, _Code]:
    codes: dict[str, _Code] = {}

    def walk(element: ET.Element, parent: str) -> None:
        for code in element.findall("q:Code", _NS):
            codes[code.get("guid", "")] = _Code(code.get("guid", ""), code.get("name", ""),
                                                parent)
            walk(code, code.get("guid", ""))

    for holder in root.findall("q:CodeBook/q:Codes", _NS):
        walk(holder, "")
    return codes


def _source_text(archive: zipfile.ZipFile, source: ET.Element) -> str:
    """The source's plain text as stored (BOM removed), or raise ValueError."""
    inline = source.find("q:PlainTextContent", _NS)
    if inline is not None:
        return (inline.text or "").lstrip("\ufeff")
    where = source.get("plainTextPath", "")
    if not where.startswith("internal://"):
        raise ValueError(f"texte hors de l'archive ({where or 'aucun chemin'}), non lu")
    name = PurePosixPath(where.removeprefix("internal://")).name
    try:
        data = archive.read(f"sources/{name}")
    except KeyError:
        raise ValueError(f"sources/{name} manque dans l'archive") from None
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        raise ValueError(f"sources/{name} n'est pas en UTF-8") from None


def _positions(raw: str, crlf_is_one: bool):
    """A function from a position in the stored text to one in the LF text."""
    if "\r" not in raw or crlf_is_one:
        return lambda position: position
    removed = [0] * (len(raw) + 1)  # CRs of a CRLF before each position
    count = 0
    for i, char in enumerate(raw):
        removed[i] = count
        if char == "\r" and raw[i + 1:i + 2] == "\n":
            count += 1
    removed[len(raw)] = count
    return lambda position: position - removed[min(max(position, 0), len(raw))]


def _first_difference(source: str, notes: str) -> str:
    """Where the source's text first differs from the notes' text of its interview."""
    lines = source.split("\n")
    number = next((n for n, (x, y) in enumerate(zip(lines, notes.split("\n")), start=1)
                   if x != y), min(len(lines), notes.count("\n") + 1))
    shown = lines[number - 1][:50] if number <= len(lines) else ""
    return f"ligne {number} de la source : « {shown} »"


class _Importer:
    def __init__(self, path: Path, notes_dir: Path, corpus) -> None:
        self.path, self.notes_dir, self.corpus = path, notes_dir, corpus
        self.problems: list[dict] = []
        self.result = ImportResult()
        interviews = corpus.interviews[corpus.interviews["interview_id"] != ""]
        self.texts: dict[str, DerivedText] = interview_texts(interviews, corpus.statements)
        self.by_text = {text.text: iid for iid, text in self.texts.items()}
        book = corpus.codebook
        self.by_guid = {_code_guid(code): code for code in book["code"]}
        self.by_name = {fold(str(label)): code for code, label in zip(book["code"], book["label"])}
        self.by_name.update({fold(code): code for code in book["code"]})
        self.texts_of = dict(zip(corpus.statements["statement_id"], corpus.statements["text"]))

    def problem(self, message: str, severity: str = "error") -> None:
        self.problems.append({"source_file": self.path.name, "line": 0,
                              "severity": severity, "message": message})

    def run(self) -> ImportResult:
        archive, data = _read_zip(self.path)
        with archive:
            root = _parse(self.path, data)
            self.users = {u.get("guid", ""): u.get("name") or u.get("guid") or ""
                          for u in root.findall("q:Users/q:User", _NS)}
            self.codes = _codes(root)
            crlf_is_one = "atlas" in root.get("origin", "").lower()
            self.decisions: list[dict] = []
            for source in root.findall("q:Sources/q:TextSource", _NS):
                self.source(archive, source, crlf_is_one)
        self.write()
        self.result.problems = frame("problems", self.problems)
        return self.result

    def source(self, archive: zipfile.ZipFile, source: ET.Element, crlf_is_one: bool) -> None:
        name = source.get("name", "") or source.get("guid", "")
        try:
            raw = _source_text(archive, source)
        except ValueError as error:
            self.problem(f"source « {name} » : {error} ; ses codages ne sont pas importés")
            return
        text = raw.replace("\r\n", "\n")
        interview = self.by_text.get(text)
        if interview is None or (name in self.texts and name != interview):
            expected = self.texts.get(name)
            where = (f" (première différence {_first_difference(text, expected.text)})"
                     if expected else "")
            self.problem(f"source « {name} » : son texte ne correspond à aucun entretien des "
                         f"notes{where} ; ses codages ne sont pas importés (jamais décalés). "
                         "Exportez de nouveau le projet (csf-analysis export-qdpx), recodez "
                         "dans l'autre outil, puis importez")
            return
        at = _positions(raw, crlf_is_one)
        spans = self.texts[interview].spans
        for coding in source.findall("q:Coding", _NS):
            self.problem(f"source « {name} » : un codage du document entier "
                         f"({self._code_name(coding)}) n'est pas importé ; codez des passages",
                         "warning")
        for selection in source.findall("q:PlainTextSelection", _NS):
            self.selection(name, selection, at, spans)

    def _code_name(self, coding: ET.Element) -> str:
        ref = coding.find("q:CodeRef", _NS)
        code = self.codes.get(ref.get("targetGUID", "") if ref is not None else "")
        return code.name if code else "code inconnu"

    def selection(self, name: str, selection: ET.Element, at, spans) -> None:
        try:
            first, last = int(selection.get("startPosition", "")), int(selection.get(
                "endPosition", ""))
        except ValueError:
            self.problem(f"source « {name} » : une sélection sans positions entières, ignorée")
            return
        start, end = at(first), at(last)
        covered = [sid for sid, (a, b) in spans.items()
                   if b > a and 2 * (min(b, end) - max(a, start)) >= b - a]
        codings = selection.findall("q:Coding", _NS)
        if not covered:
            if codings or selection.find("q:Description", _NS) is not None:
                self.problem(f"source « {name} » : la sélection {first}-{last} ne couvre la "
                             "moitié d'aucun énoncé ; ses codages ne sont pas importés",
                             "warning")
            return
        owner = selection.get("creatingUser", "")
        memo = (selection.findtext("q:Description", "", _NS) or "").strip()
        writer = self.users.get(owner, "")
        if memo and writer and writer != AUTO_USER:  # the other tool's memo on the passage
            for statement_id in covered:
                self.decisions.append({"statement_id": statement_id, "action": "memo",
                                       "code": "", "coder": writer, "note": memo,
                                       "time": _local(selection.get("creationDateTime", "")),
                                       "text": self.texts_of.get(statement_id, "")})
        for coding in codings:
            ref = coding.find("q:CodeRef", _NS)
            target = ref.get("targetGUID", "") if ref is not None else ""
            coder = self.users.get(coding.get("creatingUser", "") or owner, "") or "inconnu"
            if coder == AUTO_USER:
                continue
            when = coding.get("creationDateTime", "") or selection.get("creationDateTime", "")
            for statement_id in covered:
                self.decide(statement_id, target, coder, when)

    def decide(self, statement_id: str, target: str, coder: str, when: str) -> None:
        code = self.codes.get(target)
        category = self._category(code) if code else ""
        text = self.texts_of.get(statement_id, "")
        row = {"statement_id": statement_id, "coder": coder, "time": _local(when), "text": text}
        if category:
            self.decisions.append({**row, "action": "category", "code": category})
        elif code is not None or target in self.by_guid:
            self.decisions.append({**row, "action": "add",
                                   "code": self._code_id(target, coder, row["time"])})
        else:
            self.problem(f"un codage renvoie au code {target}, absent du livre de codes du "
                         "projet ; ignoré", "warning")

    def _category(self, code: _Code) -> str:
        """The category ``code`` stands for: one of our export's, or a code under
        :data:`CATEGORY_ROOT` named after a category; else ""."""
        if code.guid in _CATEGORY_GUIDS:
            return _CATEGORY_GUIDS[code.guid]
        parent = self.codes.get(code.parent)
        return category_of_code_name(code.name) if parent is not None and \
            parent.name == CATEGORY_ROOT else ""

    def _code_id(self, target: str, coder: str, when: str) -> str:
        """The toolkit's code of GUID ``target``; a new one defined (with its parents) by
        ``coder``, the first to use it."""
        if target in self.by_guid:
            return self.by_guid[target]
        code = self.codes[target]
        known = self.by_name.get(fold(code.name))
        if known:
            return known
        new = code_id(code.name) or code_id(code.guid)
        parent = self._code_id(code.parent, coder, when) if code.parent in self.codes else ""
        self.decisions.append({"statement_id": "", "action": "define", "code": new,
                               "coder": coder, "time": when, "note": parent,
                               "text": code.name})
        self.by_guid[target] = new
        return new

    def write(self) -> None:
        done = manual.record_many(self.notes_dir, self.decisions, once=True)["recorded"]
        self.result.recorded = int(done.sum())
        self.result.already = len(done) - self.result.recorded


def _local(when: str) -> str:
    """An xsd:dateTime as the decisions file writes times (seconds, no zone), or ""."""
    match = re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", when or "")
    return match.group() if match else ""


def import_qdpx(path: str | Path, notes_dir: str | Path, *, corpus=None) -> ImportResult:
    """Import the codings of the REFI-QDA project ``path`` into ``notes_dir``'s
    decisions (see the module's rules). ``corpus``: the notes already read.

    Raises:
        QdpxError: The file is no readable REFI-QDA project (nothing is written).
    """
    if corpus is None:
        from ..corpus import load_corpus
        corpus = load_corpus(notes_dir, progress=False)
    return _Importer(Path(path), Path(notes_dir), corpus).run()
