"""The contact log: list items such as ``- [réponse rapide] 30 (150h) : market``.

A contact line names a company by its reference number and clause size,
optionally preceded by a bracketed note and followed by ``-- reason`` when the
contact failed. Its status comes from the line and the heading it sits under
(``Retours`` -> replied, ``Retours en erreur`` -> error).

Example:
    >>> c = parse_contact_line("[réponse rapide] 30 (150h) : Enquête", heading="Retours")
    >>> (c["company_ref"], c["clause_hours"], c["status"], c["note"])
    ('30', 150, 'replied', 'réponse rapide')
"""
from __future__ import annotations

import re

from ..text import normalize

CONTACT_RE = re.compile(
    r"^\s*(?:\[(?P<note>[^\]]*)\]\s*)?"
    r"(?P<ref>\d{1,4})\s*\(\s*(?P<clause>\d{2,4}\s*h|autres?)\s*\)\s*:\s*(?P<market>.*)$",
    re.IGNORECASE,
)
_REASON_RE = re.compile(r"\s+--+\s+(?P<reason>[^-].*)$")


def clause_of(label: str) -> tuple[int | None, str]:
    """``"300h"`` -> ``(300, "300h")``; ``"autre"`` -> ``(None, "autre")``."""
    match = re.match(r"\s*(\d{2,4})\s*h", label, re.IGNORECASE)
    if match:
        return int(match.group(1)), f"{int(match.group(1))}h"
    return None, "autre"


def _status(heading: str, note: str, reason: str) -> str:
    key = normalize(heading)
    if reason or "erreur" in key or "echec" in key:
        return "error"
    if note or any(word in key for word in ("retour", "reponse", "repondu")):
        return "replied"
    return "no_reply"


def parse_contact_line(text: str, *, heading: str = "") -> dict | None:
    """Return a contact row for a contact-log line, or None if it is not one."""
    match = CONTACT_RE.match(text)
    if not match:
        return None
    market = match.group("market").strip()
    reason_match = _REASON_RE.search(market)
    reason = reason_match.group("reason").strip() if reason_match else ""
    if reason_match:
        market = market[: reason_match.start()].strip()
    note = (match.group("note") or "").strip()
    hours, label = clause_of(match.group("clause"))
    return {
        "company_ref": match.group("ref"),
        "clause_hours": hours,
        "clause_label": label,
        "market": market.strip(' "«»'),
        "status": _status(heading, note, reason),
        "note": "; ".join(part for part in (note, reason) if part),
    }
