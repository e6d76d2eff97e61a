"""Export a notes folder to REFI-QDA: a ``.qdpx`` project for QualCoder, MAXQDA,
ATLAS.ti or NVivo, or a ``.qdc`` codebook alone.

Flow: corpus tables -> :func:`~csf_analysis.exchange.plain_text.interview_texts`
(one source per interview, statement spans recorded while writing) -> the project
XML (users, codebook, variables, cases, sources with their selections and codings)
-> a zip of ``project.qde`` and ``sources/<guid>.txt`` written atomically. See
:mod:`csf_analysis.exchange.refi` for where each piece of the toolkit's data goes.

Example:
    >>> from csf_analysis import load_corpus
    >>> corpus = load_corpus("interviews")                          # doctest: +SKIP
    >>> export_qdpx(corpus, "projet.qdpx")                          # doctest: +SKIP
    PosixPath('projet.qdpx')
"""
from __future__ import annotations

import datetime as dt
import functools
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..atomic import open_atomic, write_text_atomic
from ..coding.manual import latest, load_decisions
from ..labels import CATEGORY_LABELS
from ..schema import counted_rows
from .plain_text import DerivedText, interview_texts
from .refi import (
    AUTO_USER,
    CATEGORY_ROOT,
    CODEBOOK_NS,
    COLOURS,
    PROJECT_NS,
    category_code,
    code_guid,
    guid,
)

__all__ = ["export_qdc", "export_qdpx", "project_xml"]

# The interviews' variables: (name, column, REFI type).
VARIABLES = (("actor", "actor", "Text"), ("kind", "kind", "Text"),
             ("company_ref", "company_ref", "Text"), ("clause", "clause_label", "Text"),
             ("date", "date", "Date"))


@functools.cache
def _origin() -> str:
    from importlib import metadata
    try:
        return f"csf-analysis {metadata.version('csf-analysis')}"
    except metadata.PackageNotFoundError:
        return "csf-analysis"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z")


def _time(value: str, default: str) -> str:
    """A decision's local time ("2026-12-04T10:12:00") as an xsd:dateTime, else ``default``."""
    try:
        return dt.datetime.fromisoformat(str(value)).isoformat(timespec="seconds")
    except ValueError:
        return default


class _Xml:
    """Elements of one namespace."""

    def __init__(self, namespace: str) -> None:
        self.ns = namespace

    def add(self, parent: ET.Element, tag: str, text: str | None = None,
            **attrib: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{self.ns}}}{tag}",
                                {k: v for k, v in attrib.items() if v != ""})
        if text is not None:
            element.text = text
        return element


def _codebook_rows(codebook: pd.DataFrame, codings: pd.DataFrame) -> pd.DataFrame:
    """The codebook's codes, and any code the codings use that it lacks (at the top)."""
    missing = sorted(set(codings["code"]) - set(codebook["code"]))
    extra = pd.DataFrame({"code": missing, "label": missing, "parent": "", "description": ""})
    return pd.concat([codebook[["code", "label", "parent", "description"]], extra],
                     ignore_index=True).fillna("")


def _add_codes(xml: _Xml, codes: ET.Element, book: pd.DataFrame, *, categories: bool) -> None:
    """The codebook as nested ``Code`` elements, a colour per top-level branch."""
    known = set(book["code"])
    children: dict[str, list] = {}
    for row in book.itertuples(index=False):
        children.setdefault(row.parent if row.parent in known else "", []).append(row)

    def add(parent: ET.Element, row, colour: str) -> None:
        code = xml.add(parent, "Code", guid=code_guid(row.code), name=str(row.label or row.code),
                       isCodable="true", color=colour)
        if row.description:
            xml.add(code, "Description", str(row.description))
        for child in children.get(row.code, []):
            add(code, child, colour)

    for i, row in enumerate(children.get("", [])):
        add(codes, row, COLOURS[i % len(COLOURS)])
    if categories:
        root = xml.add(codes, "Code", guid=code_guid(category_code("")), name=CATEGORY_ROOT,
                       isCodable="false", color="#000000")
        xml.add(root, "Description", "La catégorie de chaque énoncé (csf-analysis).")
        for category, label in CATEGORY_LABELS.items():
            xml.add(root, "Code", guid=code_guid(category_code(category)), name=label,
                    isCodable="true", color="#999999")


def _memos(decisions: pd.DataFrame) -> dict[str, str]:
    memos = decisions[decisions["action"] == "memo"]
    return {row.statement_id: row.note for row in memos.itertuples() if row.note}


def _category_deciders(decisions: pd.DataFrame) -> dict[str, tuple[str, str]]:
    chosen = decisions[decisions["action"] == "category"]
    return {row.statement_id: (row.coder, row.time) for row in chosen.itertuples()}


def _manual_times(decisions: pd.DataFrame) -> dict[tuple[str, str, str], str]:
    adds = decisions[decisions["action"] == "add"]
    return {(r.statement_id, r.code, r.coder): r.time for r in adds.itertuples()}


def project_xml(corpus, *, all_interviews: bool = False, now: str | None = None,
                name: str = "") -> tuple[ET.Element, dict[str, str]]:
    """The ``Project`` element of ``corpus`` and its sources' texts (file name -> text).

    Args:
        corpus: A :class:`~csf_analysis.corpus.Corpus`.
        all_interviews: Also the documents and the copies of another interview.
        now: The export time (xsd:dateTime), for the toolkit's own codings.
        name: The project's name (default: the notes folder's name).
    """
    now = now or _now()
    interviews, statements, codings = _exported(corpus, all_interviews)
    decisions = latest(load_decisions(corpus.notes_dir))
    xml = _Xml(PROJECT_NS)
    ET.register_namespace("", PROJECT_NS)
    project = ET.Element(f"{{{PROJECT_NS}}}Project", {
        "name": name or Path(corpus.notes_dir).name or "csf-analysis",
        "origin": _origin(), "creatingUserGUID": guid("user", AUTO_USER),
        "creationDateTime": now})
    _add_users(xml, project, codings, decisions)
    _add_codes(xml, xml.add(xml.add(project, "CodeBook"), "Codes"),
               _codebook_rows(corpus.codebook, codings), categories=not statements.empty)
    variables = xml.add(project, "Variables")
    for variable, _column, kind in VARIABLES:
        xml.add(variables, "Variable", guid=guid("variable", variable), name=variable,
                typeOfVariable=kind)
    if interviews.empty:
        return project, {}
    _add_cases(xml, project, interviews)
    return project, _add_sources(xml, project, interviews, statements,
                                 _Context(codings, decisions, now))


def _exported(corpus, all_interviews: bool):
    """The interviews exported (the counted ones, or all), their statements and codings."""
    interviews = corpus.interviews if all_interviews else \
        corpus.interviews[counted_rows(corpus.interviews)]
    interviews = interviews[interviews["interview_id"] != ""]
    statements = corpus.statements[corpus.statements["interview_id"].isin(
        interviews["interview_id"])]
    codings = corpus.codings[corpus.codings["statement_id"].isin(statements["statement_id"])]
    return interviews, statements, codings


def _add_users(xml: _Xml, project: ET.Element, codings: pd.DataFrame,
               decisions: pd.DataFrame) -> None:
    """The toolkit's own user, then every coder of a code or a category."""
    coders = sorted({*codings.loc[codings["origin"] == "manual", "coder"],
                     *decisions.loc[decisions["action"].isin(["category", "add"]), "coder"]}
                    - {"", AUTO_USER})
    users = xml.add(project, "Users")
    for user in [AUTO_USER, *coders]:
        xml.add(users, "User", guid=guid("user", user), name=user)


def _add_cases(xml: _Xml, project: ET.Element, interviews: pd.DataFrame) -> None:
    cases = xml.add(project, "Cases")
    for row in interviews.itertuples(index=False):
        case = xml.add(cases, "Case", guid=guid("case", row.interview_id), name=row.interview_id)
        _variable_values(xml, case, row)
        xml.add(case, "SourceRef", targetGUID=guid("source", row.interview_id))


def _add_sources(xml: _Xml, project: ET.Element, interviews: pd.DataFrame,
                 statements: pd.DataFrame, context) -> dict[str, str]:
    """A TextSource per interview; returns their texts (file name -> text)."""
    texts = interview_texts(interviews, statements)
    by_interview = dict(tuple(statements.groupby("interview_id", sort=False)))
    sources = xml.add(project, "Sources")
    files = {}
    for row in interviews.itertuples(index=False):
        files[f"{guid('source', row.interview_id)}.txt"] = texts[row.interview_id].text
        _add_source(xml, sources, row, texts[row.interview_id],
                    by_interview.get(row.interview_id, statements.iloc[0:0]), context)
    return files


class _Context:
    """What every source's selections need: the codings by statement, memos, deciders."""

    def __init__(self, codings: pd.DataFrame, decisions: pd.DataFrame, now: str) -> None:
        self.codings: dict[str, list[tuple[str, str, str]]] = {}  # (code, origin, coder)
        for sid, code, origin, coder in zip(codings["statement_id"], codings["code"],
                                            codings["origin"], codings["coder"]):
            self.codings.setdefault(sid, []).append((code, origin, coder))
        self.memos = _memos(decisions)
        self.deciders = _category_deciders(decisions)
        self.times = _manual_times(decisions)
        self.now = now


def _variable_values(xml: _Xml, parent: ET.Element, row) -> None:
    for variable, column, kind in VARIABLES:
        value = str(getattr(row, column) or "")
        if not value or (kind == "Date" and not _is_date(value)):
            continue
        holder = xml.add(parent, "VariableValue")
        xml.add(holder, "VariableRef", targetGUID=guid("variable", variable))
        xml.add(holder, "DateValue" if kind == "Date" else "TextValue", value)


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _add_source(xml: _Xml, sources: ET.Element, row, text: DerivedText,
                statements: pd.DataFrame, context: _Context) -> None:
    source_guid = guid("source", row.interview_id)
    source = xml.add(sources, "TextSource", guid=source_guid, name=row.interview_id,
                     plainTextPath=f"internal://{source_guid}.txt",
                     creatingUser=guid("user", AUTO_USER), creationDateTime=context.now)
    xml.add(source, "Description", f"{row.title} ({row.source_file}, ligne {row.line})")
    for statement in statements.itertuples(index=False):
        start, end = text.spans[statement.statement_id]
        selection = xml.add(source, "PlainTextSelection",
                            guid=guid("selection", statement.statement_id),
                            name=statement.statement_id, startPosition=str(start),
                            endPosition=str(end), creatingUser=guid("user", AUTO_USER),
                            creationDateTime=context.now)
        if memo := context.memos.get(statement.statement_id):
            xml.add(selection, "Description", memo)
        for code, coder, when in _codings_of(statement, context):
            coding = xml.add(selection, "Coding",
                             guid=guid("coding", f"{statement.statement_id}:{code}:{coder}"),
                             creatingUser=guid("user", coder), creationDateTime=when)
            xml.add(coding, "CodeRef", targetGUID=code_guid(code))
    _variable_values(xml, source, row)


def _codings_of(statement, context: _Context) -> Iterable[tuple[str, str, str]]:
    """(code, coder, time) of a statement: its category, then its codes."""
    if statement.category:
        coder, when = context.deciders.get(statement.statement_id, (AUTO_USER, ""))
        if statement.category_origin != "manual":
            coder, when = AUTO_USER, ""
        yield category_code(statement.category), coder, _time(when, context.now)
    for code, origin, coder in context.codings.get(statement.statement_id, []):
        manual = origin == "manual" and coder
        when = context.times.get((statement.statement_id, code, coder), "")
        yield code, coder if manual else AUTO_USER, \
            _time(when, context.now) if manual else context.now


def _write_zip(path: Path, members: dict[str, bytes]) -> None:
    """Write ``members`` as a zip at ``path``, atomically (a temporary file, renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_atomic(path, "wb") as handle, \
            zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def _xml_bytes(element: ET.Element) -> bytes:
    ET.indent(element)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def export_qdpx(corpus, out: str | Path, *, all_interviews: bool = False,
                now: str | None = None, check=None) -> Path:
    """Write ``corpus`` as a REFI-QDA project ``out`` (``.qdpx``) and return its path.
    ``check(paths)``, if given, is run on the project's files (the XML and the sources'
    texts, unzipped in a temporary folder) before ``out`` is written, and may raise
    (the leak check of ``--pseudonymise``): then ``out`` is left as it was."""
    project, files = project_xml(corpus, all_interviews=all_interviews, now=now)
    members = {"project.qde": _xml_bytes(project)}
    members.update({f"sources/{name}": text.encode("utf-8") for name, text in files.items()})
    if check is not None:
        with tempfile.TemporaryDirectory() as staged:
            for name, data in members.items():
                target = Path(staged) / name.replace(".qde", ".xml")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            check([staged])
    _write_zip(Path(out), members)
    return Path(out)


def export_qdc(corpus, out: str | Path) -> Path:
    """Write the codebook of ``corpus`` (its codes, with the created ones) as a REFI-QDA
    codebook ``out`` (``.qdc``) and return its path."""
    xml = _Xml(CODEBOOK_NS)
    ET.register_namespace("", CODEBOOK_NS)
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": _origin()})
    _add_codes(xml, xml.add(root, "Codes"), _codebook_rows(corpus.codebook, corpus.codings),
               categories=False)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, _xml_bytes(root).decode("utf-8"))
    return path
