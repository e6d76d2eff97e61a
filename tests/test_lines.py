"""Tests for csf_analysis.reading.lines: timestamps, (done) markers, labels and #tags."""
from __future__ import annotations

import doctest

import pytest

from csf_analysis.reading import lines
from csf_analysis.reading.lines import (
    is_chat_message,
    split_label,
    split_marker,
    split_tags,
    split_time,
)


def test_docstring_examples_hold():
    assert doctest.testmod(lines).failed == 0


@pytest.mark.parametrize("text, expected", [
    ("15:42 : début de l'appel", ("15:42", "début de l'appel")),
    ("15:49: il existe une trame", ("15:49", "il existe une trame")),
    ("9h05 on commence", ("09:05", "on commence")),
    ("16 h 02 : suite", ("16:02", "suite")),
])
def test_leading_time_of_day_is_split_off(text, expected):
    assert split_time(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("[12/03/2024 14:02] Thib: on y va demain", ("14:02", "Thib: on y va demain")),
    ("[12/03/24, 14:05:33] bastien : ok", ("14:05", "bastien : ok")),
    ("12/03/2024 14:07 - Rachid: je passe", ("14:07", "Rachid: je passe")),
    ("26/04/2024, 20:33 - Mathou: salut", ("20:33", "Mathou: salut")),
    ("[14:02] Greg E. : vu avec le tuteur", ("14:02", "Greg E. : vu avec le tuteur")),
    ("[03/05 9h12] nath: dispo", ("09:12", "nath: dispo")),
    # names_blind69: WhatsApp writes « ~ » before an author of no contact
    ("[06/03/2024 07:15] ~ Saveriu: ok 👍", ("07:15", "Saveriu: ok 👍")),
    ("06/03/2024 07:31 - ~\u202fAM Quilichini: oui", ("07:31", "AM Quilichini: oui")),
])
def test_a_chat_export_stamp_is_split_off_with_its_date(text, expected):
    assert split_time(text) == expected


@pytest.mark.parametrize("text", [
    "12/03/2024 : réunion au rectorat",     # a dated line, no time of day
    "[12/03/2024] relance faite",           # a date alone in brackets
    "12/03/2024 14:07 sur le chantier",     # a date and time, no chat's " - "
    "[25:02] Thib: trop tard",              # no such time
])
def test_what_is_not_a_chat_stamp_keeps_its_date(text):
    assert split_time(text) == ("", text)


@pytest.mark.parametrize("text, expected", [
    ("[12/03/2024 14:02] Thib: on y va", True),
    ("12/03/2024 14:07 - Rachid: je passe", True),
    ("15:42 : début de l'appel", False),
    ("Thib : on y va", False),
    ("15:48 - Rachid: la relance", False),
    ("[00:00] Bon.", False),                # a transcript's time code, no author
    ("[00:00] ~ : rien", False),
    ("[12/03/2024 14:31] Gabriel Lemaire a quitté la réunion", False),
    ("- **[12/03/2024 14:02] Thib** : on y va", True),
])
def test_a_chat_message_is_told_apart(text, expected):
    assert is_chat_message(text) is expected


@pytest.mark.parametrize("text", [
    "25:00 trop tard", "12:75 minutes", "15:42", "15:42:collé", "Vers 15:42 on a fini",
    "2 ou 3 semaines",
])
def test_what_is_not_a_leading_time_stays_text(text):
    assert split_time(text) == ("", text)


@pytest.mark.parametrize("text, expected", [
    ("Remonter les cartes des persona (done).", ("done", "Remonter les cartes des persona.")),
    ("Lien vers le bilan (Fait)", ("done", "Lien vers le bilan")),
    ("Envoyer la liste => Fait", ("done", "Envoyer la liste")),
    ("Envoyer la liste ==> fait.", ("done", "Envoyer la liste")),
    ("[x] Relancer la DRH", ("done", "Relancer la DRH")),
    ("[ ] Relancer la DRH", ("todo", "Relancer la DRH")),
    ("Rien à signaler", ("", "Rien à signaler")),
])
def test_done_and_todo_markers_are_taken_off(text, expected):
    assert split_marker(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Acheteur : on va vous reproposer un profil", ("Acheteur", "on va vous reproposer un profil")),
    ("Méta: J'ai apprécié les questions", ("Méta", "J'ai apprécié les questions")),
    ("**Ressentis** : plutôt bien", ("Ressentis", "plutôt bien")),
    ("Tutrice pilote : on aurait des profils", ("Tutrice pilote", "on aurait des profils")),
])
def test_label_before_a_colon_is_split_off(text, expected):
    assert split_label(text) == expected


@pytest.mark.parametrize("text", [
    "https://exemple.fr : le site",          # a URL is not a label
    "Lot 3 : Asnières",                      # "... 3 :" is a reference, not a label
    "Un label beaucoup trop long pour en être un, qui parle de tout et de rien : x",
    "Représentation :",                      # nothing after the colon
    "Pas de deux-points ici",
])
def test_what_is_not_a_label_stays_text(text):
    assert split_label(text) == ("", text)


@pytest.mark.parametrize("text, expected", [
    ("On a relancé trois fois. #relance #outillage/kit",
     (["relance", "outillage/kit"], "On a relancé trois fois.")),
    ("Délai trop long #Délai", (["délai"], "Délai trop long")),
    ("#relance au début", ([], "#relance au début")),
    ("Le lot #3 est en retard", ([], "Le lot #3 est en retard")),
    ("C'est le lot #3 #retard", (["retard"], "C'est le lot #3")),
])
def test_tags_at_the_end_are_taken_off(text, expected):
    assert split_tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("je clique sur l'accueil => 15:54", ("15:54", "je clique sur l'accueil")),
    ("retour à l'accueil -> 16h02", ("16:02", "retour à l'accueil")),
    ("=> 14:58", ("14:58", "=> 14:58")),  # alone: the time is noted, the line kept
])
def test_a_trailing_arrow_time_goes_to_time(text, expected):
    assert split_time(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("=> revoir le titre", ("arrow", "revoir le titre")),
    ("-> ajouter un lien", ("arrow", "ajouter un lien")),
    ("→ relancer la DRH", ("arrow", "relancer la DRH")),
    ("=> Fait", ("done", "")),
    ("chronologie => déroulé pour chacun", ("", "chronologie => déroulé pour chacun")),
])
def test_an_arrow_opening_a_line_is_a_marker(text, expected):
    assert split_marker(text) == expected
