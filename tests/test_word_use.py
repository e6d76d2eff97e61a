"""Which listed word-names a folder writes in lower case only as names."""
from __future__ import annotations

from csf_analysis.privacy.name_model import NameModel
from csf_analysis.privacy.word_use import bare_only


def _bare(words, texts):
    return bare_only(words, texts, is_adjective=NameModel(cache_dir=None).is_adjective)


def test_bare_after_a_verb_or_at_a_clause_start_is_the_name():
    assert _bare({"amine", "lamine"}, ["j'ai eu amine au tel", "il récupère lamine le matin",
                                       "les dates de lamine ?"]) == {"amine", "lamine"}


def test_after_a_determiner_a_pronoun_or_de_anywhere_it_is_a_word():
    assert _bare({"amine", "pierre", "lamine"},
                 ["j'ai eu amine au tel", "l'amine du labo", "un mur de pierre brute",
                  "pierre est venu", "il lamine la tôle"]) == set()


def test_an_adjective_is_never_bare_only():
    """« un t-shirt rose », « une consigne claire »: bare after a noun, yet words."""
    assert _bare({"rose", "claire", "amine"},
                 ["un t-shirt rose", "une consigne claire", "merci amine"]) == {"amine"}
