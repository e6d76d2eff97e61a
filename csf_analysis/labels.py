"""How the tables' values are grouped and named for a reader: one home for each.

Categories, actors and kinds get their French display label; a clause is
grouped by its size (``"300h"``), ``"autre"`` or ``""`` (not said), the same
way in filters, charts and the synthesis.

Example:
    >>> clause_group(300, "300h"), clause_group(None, "hors clause"), clause_group(None, "")
    ('300h', 'autre', '')
    >>> CATEGORY_LABELS["feelings"], short_date("2020-02-03")
    ('Ressentis', '3/02/2020')
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .schema import ACTORS, CLAUSE_HOURS

__all__ = ["ACTOR_LABELS", "CATEGORY_LABELS", "CLAUSE_ORDER", "KIND_LABEL", "KIND_LABELS",
           "NO_CLAUSE", "actor_group", "actor_label", "clause_group", "clause_sizes",
           "short_date"]

CATEGORY_LABELS = {
    "facts": "Faits", "representation": "Représentations", "feelings": "Ressentis",
    "context": "Contexte", "suggestions": "Suggestions", "meta": "Méta",
    "debrief": "Débrief", "takeaway": "À retenir", "question": "Questions",
}
ACTOR_LABELS = {
    "entreprise": "Entreprise", "acheteur": "Acheteur", "mlds": "MLDS",
    "partenaire": "Partenaire", "jeune": "Jeune", "autre": "Autre",
}
KIND_LABELS = {
    "entretien": "Entretiens", "test-utilisateur": "Tests utilisateurs",
    "observation": "Observations", "atelier": "Ateliers", "document": "Documents",
}
KIND_LABEL = {  # one of a kind, in a list of notes
    "entretien": "Entretien", "test-utilisateur": "Test utilisateur",
    "observation": "Observation", "atelier": "Atelier", "document": "Document",
}
CLAUSE_ORDER = (*(f"{hours}h" for hours in CLAUSE_HOURS), "autre")
NO_CLAUSE = "non précisée"


def actor_label(code: str, *, lower: bool = False) -> str:
    """French label of an actor code; ``lower`` for use inside a sentence (MLDS stays).

    >>> actor_label("acheteur", lower=True), actor_label("mlds", lower=True)
    ('acheteur', 'MLDS')
    """
    label = ACTOR_LABELS.get(code, code) or "—"
    return label.lower() if lower and not label.isupper() else label


def actor_group(actors: pd.Series) -> pd.Series:
    """The group each actor code counts in: itself, or ``autre`` when unknown or empty.

    >>> actor_group(pd.Series(["mlds", "", "inconnu"])).tolist()
    ['mlds', 'autre', 'autre']
    """
    return actors.where(actors.isin(ACTORS), "autre")


def clause_group(hours, label) -> str:
    """The clause size of a row: ``"300h"``, ``"autre"`` or ``""`` (unknown)."""
    if pd.notna(hours) and int(hours) in CLAUSE_HOURS:
        return f"{int(hours)}h"
    label = "" if pd.isna(label) else str(label).strip()
    if not label:
        return ""
    return label if label in CLAUSE_ORDER else "autre"


def clause_sizes(table: pd.DataFrame) -> pd.Series:
    """The clause size of each row of ``table`` (columns clause_hours, clause_label)."""
    return pd.Series([clause_group(hours, label) for hours, label in
                      zip(table["clause_hours"], table["clause_label"])],
                     index=table.index, dtype=object)


def short_date(iso: str) -> str:
    """``"2020-02-03"`` -> ``"3/02/2020"`` (as the notes write it); other text unchanged."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day}/{day.month:02d}/{day.year}"
