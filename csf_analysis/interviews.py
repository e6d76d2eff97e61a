"""What starts an interview, and what its heading or front matter says of it.

An interview starts at a heading that carries a date (``3/02/2020``, ``mardi
17 décembre``), starts with a word such as Entretien, Test, Échange or
Observation, or carries a clause marker (``(300h) 6 : Plone``, ``16 (autre)
Province``); or at YAML front matter, which describes the whole file and wins
over guesses.

Example:
    >>> h = heading_hint("(300h) 6 : Plone DGESCO & DNE")
    >>> (h["company_ref"], h["clause_hours"], h["clause_label"])
    ('6', 300, '300h')
    >>> heading_hint("Retours") is None
    True
"""
from __future__ import annotations

import re

import yaml

from . import dates
from .contacts import clause_of
from .vocabulary import category_of_label, normalize

_KEYWORD_RE = re.compile(
    r"^(?:(?:l'|le |la |un |une |1er |premier |deuxieme |second )\s*)?"
    r"(entretien|test|echange|observation|interview|rencontre|reunion|visite|appel)\b"
)
_CLAUSE = r"\(\s*(\d{2,4}\s*h|autres?)\s*\)"
_CLAUSE_FIRST = re.compile(r"^\s*" + _CLAUSE + r"\s*(?:(\d{1,4})\b(?!\s*h))?", re.IGNORECASE)
_REF_FIRST = re.compile(r"^\s*(\d{1,4})\s*" + _CLAUSE, re.IGNORECASE)
_NAMES_RE = re.compile(r"\(([^)]*)\)")

RESEARCHER_PARTS = ("debrief", "takeaway", "question", "meta")
FRONT_MATTER_KEYS = {
    "title", "titre", "date", "actor", "acteur", "company", "company_ref", "entreprise",
    "clause", "clause_hours", "interviewers", "enqueteurs", "id", "interview_id",
}


def heading_hint(title: str, *, default_year: int | None = None) -> dict | None:
    """Return what an interview heading says, or None if it starts no interview."""
    hint = {"company_ref": "", "clause_hours": None, "clause_label": "", "date": "",
            "date_text": "", "date_problem": ""}
    marker = _CLAUSE_FIRST.match(title) or _REF_FIRST.match(title)
    if marker:
        clause, ref = (marker.group(1), marker.group(2)) if marker.re is _CLAUSE_FIRST \
            else (marker.group(2), marker.group(1))
        hint["clause_hours"], hint["clause_label"] = clause_of(clause)
        hint["company_ref"] = ref or ""
    if not marker and category_of_label(title) in RESEARCHER_PARTS:
        return None  # "Debrief 31/12/2019" belongs to the interview above it
    found = dates.first_date(title, default_year=default_year)
    if found and found.precision == "year":
        found = None
    if found:
        hint.update(date=found.iso, date_text=found.text, date_problem=found.problem)
    keyword = _KEYWORD_RE.match(normalize(title))
    if not (marker or found or keyword):
        return None
    return hint


def interviewers_of(title: str) -> list[str]:
    """Names in a debrief heading: ``Debrief (Yannick & Philippe, après)`` -> both."""
    match = _NAMES_RE.search(title)
    if not match:
        return []
    first_part = match.group(1).split(",")[0]
    names = re.split(r"\s*(?:&|\bet\b|/|\+)\s*", first_part)
    return [n.strip() for n in names
            if n.strip() and n.strip()[0].isupper() and len(n.split()) <= 3]


class _NoAliasLoader(yaml.SafeLoader):
    """Safe loader that refuses aliases, so a YAML bomb cannot blow up memory."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"YAML aliases (*{event.anchor}) are not allowed "
                                 f"in front matter (line {event.start_mark.line + 1})")
        return super().compose_node(parent, index)


def read_front_matter(raw: str) -> tuple[dict, list[str]]:
    """Parse front matter with ``safe_load`` semantics; return (fields, errors).

    YAML that names none of the known keys is not front matter: ``({}, [])``.
    """
    if len(raw) > 20_000:
        return {}, ["front matter longer than 20,000 characters: keep it to a few fields"]
    try:
        data = yaml.load(raw, Loader=_NoAliasLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as error:
        return {}, [f"invalid YAML front matter ({str(error).splitlines()[0]}): "
                    "fix it (see the README for the keys); its lines were read as text"]
    if not isinstance(data, dict) or not any(str(k) in FRONT_MATTER_KEYS for k in data):
        return {}, []  # not front matter: text between two rules
    unknown = sorted(str(k) for k in data if str(k) not in FRONT_MATTER_KEYS)
    errors = [f"unknown front matter key(s) {', '.join(unknown)}: "
              f"known keys are {', '.join(sorted(FRONT_MATTER_KEYS))}"] if unknown else []
    return {str(k): v for k, v in data.items()}, errors


def front_matter_hint(fields: dict) -> tuple[dict, list[str]]:
    """Turn front matter fields into interview fields; return (hint, errors)."""
    def first(*keys):
        return next((fields[k] for k in keys if fields.get(k) not in (None, "")), "")

    hint, errors = {}, []
    title = first("title", "titre")
    if title:
        hint["title"] = str(title)
    raw_date = first("date")
    if raw_date:
        found = dates.first_date(str(raw_date))
        if found and found.iso:
            hint["date"], hint["date_text"] = found.iso, str(raw_date)
        else:
            errors.append(f"front matter date '{raw_date}' is not a date: write e.g. 2020-03-12")
    actor = first("actor", "acteur")
    if actor:
        hint["actor"] = normalize(str(actor))
    company = first("company_ref", "company", "entreprise")
    if company != "":
        hint["company_ref"] = str(company)
    clause = first("clause", "clause_hours")
    if clause != "":
        hint["clause_hours"], hint["clause_label"] = clause_of(str(clause))
    people = first("interviewers", "enqueteurs")
    if people:
        hint["interviewers"] = people if isinstance(people, list) else re.split(r"\s*[,;&]\s*", str(people))
    ident = first("interview_id", "id")
    if ident:
        hint["interview_id"] = str(ident)
    return hint, errors
