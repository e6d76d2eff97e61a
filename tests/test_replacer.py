"""Replacer: every written form of a name, civilities, elisions, e-mails, phones,
exemptions and places, and names in ids."""
from __future__ import annotations

import pytest

from csf_analysis.replacer import Replacer, name_forms

PEOPLE = {"Camille Lefèvre": "Personne B", "Hugo Marchand": "Enquêteur 1",
          "Jean-Pierre Dupont": "Personne C", "Hélène de La Tour": "Personne D"}


@pytest.fixture(scope="module")
def replacer():
    return Replacer(PEOPLE, exempt=["Jules Ferry"], protect=["Boulangerie Martin"],
                    lowercase=["Camille Lefèvre"])


@pytest.mark.parametrize("text, expected", [
    ("Camille Lefèvre a appelé.", "Personne B a appelé."),
    ("Lefèvre Camille a appelé.", "Personne B a appelé."),
    ("Camille LEFÈVRE a appelé.", "Personne B a appelé."),
    ("Camille a appelé, puis Lefèvre.", "Personne B a appelé, puis Personne B."),
    ("Camille Lefevre sans accent", "Personne B sans accent"),
    ("C. Lefèvre et Camille L. signent", "Personne B et Personne B signent"),
    ("CL veut un guide", "Personne B veut un guide"),
    ("Relu par C.L.", "Relu par Personne B"),
    ("présents : camille, paul", "présents : Personne B, paul"),
    ("J.-P. Dupont et Jean-Pierre, JPD", "Personne C et Personne C, Personne C"),
    ("Madame de La Tour, H. de La Tour", "Personne D, Personne D"),
])
def test_forms_of_a_name(replacer, text, expected):
    assert replacer.text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mme Lefèvre est acheteuse", "Personne B est acheteuse"),
    ("M. Marchand et Madame Lefèvre", "Enquêteur 1 et Personne B"),
    ("Dr Dupont", "Personne C"),
    ("J-M Dupont, J.P. Dupont et M.-C. Lefèvre", "Personne C, Personne C et Personne B"),
    ("B. Le Dupont, M. Du Lefèvre", "Personne C, Personne B"),
])
def test_civility_is_part_of_the_name(replacer, text, expected):
    assert replacer.text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("l'équipe de Camille", "l'équipe de Personne B"),
    ("l'appui d'Hugo", "l'appui d'Enquêteur 1"),          # a vowel keeps the elision
    ("l'appui de Camille, celui d'Jean-Pierre", "l'appui de Personne B, celui de Personne C"),
    ("D'Camille, rien", "De Personne B, rien"),
    ("parce qu'Camille hésite", "parce que Personne B hésite"),
])
def test_elisions_read_naturally(replacer, text, expected):
    assert replacer.text(text) == expected


def test_initials_are_whole_words_and_acronyms_stay(replacer):
    assert replacer.text("CLASSE et CLE, MLDS, CSF") == "CLASSE et CLE, MLDS, CSF"
    assert "CSF" not in name_forms("Claire Sophie Faure")


@pytest.mark.parametrize("text, expected", [
    ("Écrire à camille.lefevre@ac-exemple.fr.", "Écrire à [courriel de Personne B]."),
    ("clefevre@ac-exemple.fr", "[courriel de Personne B]"),
    ("contact@mission-locale.fr", "[courriel]"),
    ("au 06 12 34 56 78 ou 01.45.32.77.10", "au [téléphone] ou [téléphone]"),
    ("+33 6 92 45 18 70, 0612345678", "[téléphone], [téléphone]"),
    ("standard : +262 262 48 11 27 ou 00590 590 12 34 56", "standard : [téléphone] ou [téléphone]"),
    ("+33 (0)6 12 34 56 78", "[téléphone]"),
    ("le marché 2020-123456 de 300h", "le marché 2020-123456 de 300h"),
])
def test_emails_and_phones(replacer, text, expected):
    assert replacer.text(text) == expected


@pytest.mark.parametrize("text", [
    "au collège Jules Ferry",
    "la Boulangerie Martin",
    "rue Victor Hugo, lycée professionnel Camille Lefèvre",
    "à Saint-Camille",
    "la tutrice pilote, l'acheteuse",
])
def test_exempted_places_organisations_and_roles_stay(replacer, text):
    assert replacer.text(text) == text


def test_names_in_ids_and_file_names(replacer):
    assert replacer.ident("2020-03-02_entretien_lefevre.md") == "2020-03-02_entretien_personne-b.md"
    assert replacer.ident("notes:entretien-avec-camille-lefevre") == "notes:entretien-avec-personne-b"
    assert replacer.ident("test_acheteur_delatour_20200609.md") == "test_acheteur_personne-d_20200609.md"
    assert replacer.ident("300h-6-plone-dgesco") == "300h-6-plone-dgesco"


def test_found_lists_what_is_left(replacer):
    assert replacer.found("Mme Lefèvre au collège Jules Ferry") == [("Camille Lefèvre", "Lefèvre")]
    assert replacer.found("voir CL", initials=False) == []
    assert replacer.found("entretien-camille-lefevre", ids=True)[-1][0] == "Camille Lefèvre"


def test_a_compound_first_name_s_initials_alone():
    r = Replacer({"Pierre-Yves Delacroix": "Personne E"})
    assert r.text("sans P-Y, rien ; P.-Y. a signé") == "sans Personne E, rien ; Personne E a signé"
    assert "P-Y" not in name_forms("Pierre Delacroix")


def test_a_surname_that_is_a_town_needs_a_first_name_or_a_civility():
    r = Replacer({"Julie Paris": "Personne F"}, context_only=["Paris", "PARIS"])
    assert r.text("Julie Paris, J. Paris et Mme Paris ; c'est Paris qui décide") == \
        "Personne F, Personne F et Personne F ; c'est Paris qui décide"
    assert r.forms_in("J. Paris ; à Paris ; Julie") == {"Julie"}
    assert r.found("c'est Paris qui décide") == []


def test_the_leak_check_searches_only_the_forms_it_is_given():
    r = Replacer({"Cci Formation": "Personne G", "Camille Lefèvre": "Personne B"},
                 only=["Camille", "Camille Lefèvre"])
    assert r.found("FORMATION CONTINUE, Lefèvre") == []
    assert r.found("Camille a relu") == [("Camille Lefèvre", "Camille")]
