"""Tests for csf_analysis.reading.blocks: Markdown -> blocks with plain text and line numbers."""
from __future__ import annotations

import doctest

from csf_analysis.reading import blocks
from csf_analysis.reading.blocks import parse_blocks


def kinds(text: str) -> list[tuple[str, list[tuple[int, str]]]]:
    return [(b.kind, b.lines) for b in parse_blocks(text)]


def test_docstring_examples_hold():
    assert doctest.testmod(blocks).failed == 0


def test_headings_keep_their_level_and_line():
    found = [(b.kind, b.level, b.line, b.text) for b in parse_blocks(
        "Intro.\n\n# Entretiens\n\n### (300h) 22 : Nettoyage\n")]
    assert found == [("paragraph", 0, 1, "Intro."), ("heading", 1, 3, "Entretiens"),
                     ("heading", 3, 5, "(300h) 22 : Nettoyage")]


def test_bold_italics_links_and_code_markup_are_removed():
    [block] = parse_blocks("Elle suit **vingt** jeunes, _trois_ *tutrices* et "
                           "[le kit](https://exemple.fr/kit) `v2`.\n")
    assert block.text == "Elle suit vingt jeunes, trois tutrices et le kit v2."


def test_bare_url_is_kept_as_text():
    [block] = parse_blocks("- Voir https://exemple.fr/clause?x=1 pour le détail.\n")
    assert block.text == "Voir https://exemple.fr/clause?x=1 pour le détail."


def test_each_source_line_of_a_paragraph_keeps_its_number():
    [block] = parse_blocks("\n\nPremière ligne\nseconde ligne\ntroisième.\n")
    assert block.lines == [(3, "Première ligne"), (4, "seconde ligne"), (5, "troisième.")]


def test_lazy_continuation_lines_belong_to_the_item_with_their_own_numbers():
    assert kinds("- Un point qui continue\nsur la ligne suivante\n- Un autre point\n") == [
        ("item", [(1, "Un point qui continue"), (2, "sur la ligne suivante")]),
        ("item", [(3, "Un autre point")]),
    ]


def test_separate_lists_get_separate_ids_and_nested_items_share_the_top_list():
    found = parse_blocks("- a\n  - a1\n- b\n\nTexte.\n\n1. c\n")
    assert [(b.kind, b.text, b.list_id) for b in found] == [
        ("item", "a", 1), ("item", "a1", 1), ("item", "b", 1),
        ("paragraph", "Texte.", -1), ("item", "c", 2)]


def test_empty_bullets_give_no_block():
    assert kinds("- un\n-\n- deux\n") == [("item", [(1, "un")]), ("item", [(3, "deux")])]


def test_dashes_under_text_are_a_rule_not_a_setext_heading():
    assert kinds("Texte au-dessus d'un trait\n----\n\nAprès.\n") == [
        ("paragraph", [(1, "Texte au-dessus d'un trait")]), ("rule", [(2, "")]),
        ("paragraph", [(4, "Après.")])]


def test_rules_are_blocks():
    assert [b.kind for b in parse_blocks("a\n\n----\n\n***\n\nb\n")] == [
        "paragraph", "rule", "rule", "paragraph"]


def test_fenced_code_lines_keep_their_numbers_and_blank_lines_are_skipped():
    assert kinds("# Email\n\n```\nBonjour ___,\n\nnous faisons partie de l'équipe.\n```\n") == [
        ("heading", [(1, "Email")]),
        ("code", [(4, "Bonjour ___,"), (6, "nous faisons partie de l'équipe.")])]


def test_front_matter_is_a_block_with_its_raw_yaml():
    [front, para] = parse_blocks("---\ndate: 2020-03-12\nactor: acheteur\n---\nTexte.\n")
    assert (front.kind, front.line, front.raw) == ("front_matter", 1,
                                                   "date: 2020-03-12\nactor: acheteur")
    assert (para.kind, para.lines) == ("paragraph", [(5, "Texte.")])


def test_table_rows_quotes_and_html_are_kept():
    found = kinds("| Qui | Quoi |\n|---|---|\n| Léa | **appel** |\n\n> Une citation\n\n"
                  "<div>bloc</div>\n")
    assert found == [("table", [(1, "Qui | Quoi")]), ("table", [(3, "Léa | appel")]),
                     ("quote", [(5, "Une citation")]), ("html", [(7, "<div>bloc</div>")])]


def test_an_empty_cell_keeps_its_place_in_the_row():
    """names_blind74: « | TINORUA Ariitea | 16 | … | en cours | | | » lost its empty
    cells, so its cells no longer stood under their column's header."""
    found = kinds("| Nom | Âge | Ville | Note |\n|---|---|---|---|\n"
                  "| Léa | | Brest | |\n| | | Quimper | |\n| | | | |\n")
    assert found == [("table", [(1, "Nom | Âge | Ville | Note")]),
                     ("table", [(3, "Léa |  | Brest |")]), ("table", [(4, "|  | Quimper |")])]


def test_hostile_text_is_data():
    [block] = parse_blocks("- <script>alert(1)</script> & {{ x }}\n")
    assert block.text == "<script>alert(1)</script> & {{ x }}"


def test_a_heading_typed_with_a_no_break_space_is_a_heading():
    from csf_analysis.reading.blocks import plain_heading_spaces
    text, lines = plain_heading_spaces("Intro\n\n##\u00a0Accueil\n\n- bien\n#\u202fFin\n")
    assert lines == [3, 6]
    assert [(b.kind, b.line, b.text) for b in parse_blocks(text)] == [
        ("paragraph", 1, "Intro"), ("heading", 3, "Accueil"), ("item", 5, "bien"),
        ("heading", 6, "Fin")]
    assert plain_heading_spaces("##Accueil\n") == ("##Accueil\n", [])
