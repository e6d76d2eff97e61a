"""Tests for csf_analysis.reading.contacts: contact-log lines -> contact rows."""
from __future__ import annotations

import doctest

import pytest

from csf_analysis.reading import contacts
from csf_analysis.reading.contacts import clause_of, parse_contact_line
from csf_analysis.schema import COLUMNS


def test_docstring_examples_hold():
    assert doctest.testmod(contacts).failed == 0


@pytest.mark.parametrize("label, expected", [
    ("300h", (300, "300h")), ("900 h", (900, "900h")), ("150H", (150, "150h")),
    ("autre", (None, "autre")), ("autres", (None, "autre")),
])
def test_clause_of(label, expected):
    assert clause_of(label) == expected


def test_plain_contact_line_under_a_plain_heading_has_no_reply():
    row = parse_contact_line('22 (450h) : "Nettoyage des locaux du rectorat"',
                             heading="Entreprises contactées")
    assert row == {"company_ref": "22", "clause_hours": 450, "clause_label": "450h",
                   "market": "Nettoyage des locaux du rectorat", "status": "no_reply",
                   "note": ""}
    assert set(row) < set(COLUMNS["contacts"])


def test_bracketed_note_means_a_reply_and_goes_to_note():
    row = parse_contact_line("[rappel le lendemain, entretien lundi 3] 31 (autre): Ascenseurs")
    assert (row["company_ref"], row["clause_hours"], row["clause_label"]) == ("31", None, "autre")
    assert (row["status"], row["note"], row["market"]) == (
        "replied", "rappel le lendemain, entretien lundi 3", "Ascenseurs")


def test_reason_after_double_dash_is_an_error_and_goes_to_note():
    row = parse_contact_line("45 (150h) : Espaces verts du lycée -- adresse inconnue")
    assert (row["status"], row["note"], row["market"]) == (
        "error", "adresse inconnue", "Espaces verts du lycée")


@pytest.mark.parametrize("heading, status", [
    ("Retours", "replied"), ("Réponses", "replied"), ("Retours en erreur:", "error"),
    ("Échecs", "error"), ("Relances", "no_reply"),
])
def test_status_comes_from_the_heading(heading, status):
    assert parse_contact_line("12 (300h) : Marché", heading=heading)["status"] == status


@pytest.mark.parametrize("text", [
    "La clause date de 2017 : la moitié des 150h a été effectué.",
    "On a eu 2 (deux) jeunes : rien de plus.",
    "Lot 1 : Firewall",
    "",
])
def test_other_lines_are_not_contacts(text):
    assert parse_contact_line(text) is None
