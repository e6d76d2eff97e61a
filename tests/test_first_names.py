"""The first-name list and what the pseudonymiser finds with it."""
from __future__ import annotations

import pytest

from csf_analysis.privacy.first_names import first_names, is_first_name, rank
from csf_analysis.privacy.people import find_people


def test_the_list_is_insee_s_most_given_first():
    names = first_names()
    assert len(names) > 30000
    assert rank("Marie") < rank("Gwendal") < rank("Annecy")
    assert is_first_name("ÉLODIE") and is_first_name("elodie")
    assert is_first_name("Marie-Inès") and not is_first_name("Marie-Toulouse")
    assert not is_first_name("Toulouse") and not is_first_name("-Marie")


@pytest.mark.parametrize("texts, expected", [
    # a lone first name that is no French word, even where the model says "place"
    (["- la catastrophe : le jeune, Gwendal, a attendu 3 semaines."], {"Gwendal"}),
    # in lower case in a hurried list, beside capitals
    (["Estelle fait l'appel : seydou, Corinne, Patrick, Mamadou."],
     {"Seydou", "Corinne", "Patrick", "Mamadou"}),
    # a surname in capitals before or after the first name, initials after it
    (["| IVANOVA Sylvain | Conseil départemental du Nord |"], {"IVANOVA Sylvain"}),
    (["| Nolwenn NG | 900h | 14 | en cours |"], {"Nolwenn NG"}),
    (["Appeler MEYER Clément demain"], {"MEYER Clément"}),
    # a note signed with an initial
    (["G."], {"G."}),
    # "passage de" someone is his visit, not a street
    (["- passage de Thomas Vallet, conducteur de travaux, 10 min"], {"Thomas Vallet"}),
])
def test_people_the_first_name_list_shows(texts, expected):
    assert expected <= set(find_people(texts))


@pytest.mark.parametrize("text, word", [
    ("Les vacances de Noël et la Toussaint, puis rendez-vous mars-avril.", "Noël"),
    ("Elle aime bien la frise ; la page est claire ; post-its rose = ce qui bloque.", "Rose"),
    ("Bilan à Clermont, puis réunion avec Clermont Métropole et Toulouse Métropole.",
     "Clermont"),
    ("clique sur positionner (done, sans envoyer) ; la DAJ et l'UGAP valident.", "Done"),
    ("Présents : Alexis Bertrand, DAJ, Région", "Région"),
])
def test_words_of_the_list_that_are_no_one_here(text, word):
    found = find_people([text])
    assert not [name for name in found if word in name or word.upper() in name], found


def test_a_common_first_name_that_is_a_word_needs_its_capital_mid_sentence():
    assert "Claire" in find_people(["Excusée : Claire, acheteuse depuis 8 ans."])
    assert not find_people(["la situation est claire pour tout le monde."])


def test_a_list_of_attendees_where_names_are_found_gives_its_other_surnames():
    found = find_people(["Tutrices : Ferrand-Jolivet, Amrani, Mme Nowak, Wattrelot, "
                         "M. Messaoudi", "Amrani : on a du mal", "Mme Ferrand-Jolivet arrive"])
    assert "Wattrelot" in found


def test_a_table_column_of_names_gives_its_initials():
    rows = ["L04 | Emma C. | 17 | 150h | FIN", "L05 | SN | 16 | 300h | PREP",
            "L06 | Justine P. | 17 | 300h | ABD", "L07 | ZL | 17 | 150h | FIN",
            "L08 | Léa F. | 16 | 150h | FIN"]
    found = find_people(rows)
    assert {"SN", "ZL"} <= set(found)
    assert not {"FIN", "PREP", "ABD"} & set(found)  # another column: no names beside them


def test_a_list_of_words_gives_no_one():
    found = find_people(["Ressentis : Fatigue, Colère, Espoir, Lucie"])
    assert not {"Fatigue", "Colère", "Espoir"} & set(found)


def test_a_name_the_notes_also_write_in_lower_case():
    found = find_people(["15:05 lacombe fanny : une question", "question de Mme Lacombe",
                         "présents : ophélie lamarque, alexandre nguyen (DNE)"])
    assert {"Lacombe", "Ophélie Lamarque", "Alexandre Nguyen"} <= set(found)
    assert not [name for name in find_people(["Participants : Nathalie Perrin (la tutrice "
                                              "pilote pour le Rhône)"]) if "utrice" in name]


def test_capitals_end_at_an_organisation():
    from csf_analysis.privacy.name_forms import name_forms
    assert "Serge OBADIA" in find_people(["14:40 Serge OBADIA CCI : on verra"])
    assert "Obadia" in name_forms("Serge OBADIA")


def test_dotted_initials_are_someone_but_abbreviations():
    found = find_people(["Vu avec K.R. et Z. A. ce matin, N.B. : rien pour l'IA."])
    assert {"K.R.", "Z. A."} <= set(found) and "N.B." not in found


def test_a_common_first_name_opening_a_line_unless_the_notes_use_the_word():
    assert "Ambre" in find_people(["Ambre / ent. 66 : idem, on clôt."])
    assert "Claire" not in find_people(["Claire et nette, la page.", "la consigne est claire"])


def test_a_name_cut_before_its_particle_surname_and_particle_surnames_after_a_civility():
    found = find_people(["Vu Mme Saint-Aubin et M. d'Aubigny, puis Mme de La Tour ; "
                         "la mairie de Saint-Étienne.", "notes de Pierre-Yves Le"])
    assert {"Saint-Aubin", "d'Aubigny", "de La Tour"} <= set(found)
    assert not [n for n in found if n.endswith(" Le") or n in ("Tour", "Saint-Étienne")]


def test_a_civility_alone_in_a_list_is_no_one():
    found = find_people(["Présents : Mme, Amrani, Nowak, Lucie"])
    assert "Mme" not in found


def test_an_initial_and_a_surname_and_a_civility_before_a_word():
    found = find_people(["tuteur M. Hue très investi", "vu A. Petitjean et H. de Saint-Aubin",
                         "M. le Directeur arrive"])
    assert {"Hue", "A. Petitjean", "H. de Saint-Aubin"} <= set(found)
    assert not [name for name in found if "Directeur" in name]


def test_a_word_written_after_a_to_is_a_town_not_a_surname_alone():
    from csf_analysis.privacy.people import Names
    names = Names()
    names.towns = frozenset({"Arcachon"})  # "réunion à Arcachon" somewhere in the notes
    assert not names.add("Arcachon", trust="plain")  # the model's lone person: a town
    assert names.add("Arcachon", trust="trusted")  # "M. Arcachon" is someone


def test_a_visit_of_someone_after_an_elided_de():
    """names_blind49: « + passage d'Ophélie Desmarais (conseillère CEJ) » read as a
    street (« passage »), and « Desmarais » was no one; « le lycée d'Alembert » stays."""
    found = find_people(["Moussa Konaté + passage d'Ophélie Desmarais (conseillère CEJ).",
                         "Réunion au lycée d'Alembert puis avenue d'Italie."])
    assert "Ophélie Desmarais" in found
    assert not {"Alembert", "Italie"} & set(found)


def test_a_particled_surname_that_is_a_word_in_a_list_of_surnames_and_first_names():
    found = find_people([
        "Participants (liste Teams) : Lemonnier Claire ; Kaci Nadir ; Quesnel Anne-Sophie ; "
        "Hamel Sandrine ; Tostain Hervé (DEETS) ; Le Roux Solenn (Région Normandie, remplace "
        "Sophie Lebrun) ; Lecomte Gaëlle (MLDS Caen)"])
    assert any(name.endswith("Roux Solenn") for name in found), found


def test_the_last_item_of_a_list_is_whole_when_no_label_follows():
    found = find_people(["Présents : Lemonnier Claire ; Kaci Nadir ; Hamel Sandrine ; "
                         "Cne Marchand (RSMA)"])
    assert "Cne" not in found, found
