"""Tests for csf_analysis.reading.statements: segments -> sentence rows with stable ids."""
from __future__ import annotations

import doctest
import re

import pytest

from csf_analysis.reading import statements
from csf_analysis.reading.notes import parse_note
from csf_analysis.reading.statements import statement_id, statement_rows, text_key
from csf_analysis.schema import COLUMNS

# The minimum columns of DESIGN.md's data contract; coding adds more later.
DESIGN_COLUMNS = ("statement_id", "interview_id", "source_file", "line", "section", "category",
                  "category_origin", "speaker", "text", "duplicate_of")
TWO_INTERVIEWS = """# Guide d'entretien

- Depuis quand accueillez-vous des jeunes ?

## (300h) 12 : Restauration collective

- La cheffe de cuisine a accueilli une élève en mars.
- Elle a trouvé le rythme difficile. Elle est restée jusqu'au bout.

## Entretien du 4/03/2020 avec le tuteur

- Le tuteur voulait plus d'informations sur la jeune.
- Il rappellera la MLDS la semaine prochaine.
"""


def rows_of(text: str, nlp, source_file: str = "notes.md") -> list[dict]:
    return statement_rows(parse_note(text, source_file), nlp)


def ids_by_text(rows: list[dict]) -> dict[str, str]:
    return {row["text"]: row["statement_id"] for row in rows}


def test_docstring_examples_hold():
    assert doctest.testmod(statements).failed == 0


def test_rows_carry_the_statement_columns(blank_nlp):
    [row] = rows_of("# Entretien avec Léa\n\n- Ressenti : Plutôt contente #accueil\n", blank_nlp)
    assert set(DESIGN_COLUMNS) <= set(row) <= set(COLUMNS["statements"])
    assert {k: row[k] for k in ("interview_id", "source_file", "line", "section", "category",
                                "category_origin", "speaker", "text", "tags", "block",
                                "duplicate_of")} == {
        "interview_id": "notes:entretien-avec-lea", "source_file": "notes.md", "line": 3,
        "section": "Ressenti",
        "category": "feelings", "category_origin": "structure", "speaker": "",
        "text": "Plutôt contente", "tags": "accueil", "block": "item", "duplicate_of": ""}


def test_uncategorised_statements_are_facts_to_be_inferred(blank_nlp):
    [row] = rows_of("- La jeune est arrivée.\n", blank_nlp)
    assert (row["category"], row["category_origin"]) == ("facts", "inferred")


def test_sentences_are_split_and_keep_their_source_line(nlp):
    rows = rows_of("- La clause date de 2017 : la moitié a été faite. La jeune est partie avant "
                   "la fin. Elle a fait moins de 70h.\n", nlp)
    assert [(r["line"], r["text"]) for r in rows] == [
        (1, "La clause date de 2017 : la moitié a été faite."),
        (1, "La jeune est partie avant la fin."),
        (1, "Elle a fait moins de 70h.")]


def test_sentence_starting_on_a_lazy_continuation_line_gets_that_line(nlp):
    rows = rows_of("Intro.\n\n- Ni l'un ni l'autre. Le principal problème c'est le retour.\n"
                   "Il ne faudrait pas attendre deux mois pour avoir un retour.\n", nlp)
    assert [(r["line"], r["text"]) for r in rows] == [
        (1, "Intro."), (3, "Ni l'un ni l'autre."), (3, "Le principal problème c'est le retour."),
        (4, "Il ne faudrait pas attendre deux mois pour avoir un retour.")]


def test_a_sentence_spanning_two_lines_starts_on_the_first(nlp):
    rows = rows_of("- Une idée qui continue\nsur la ligne suivante.\n", nlp)
    assert [(r["line"], r["text"]) for r in rows] == [
        (1, "Une idée qui continue sur la ligne suivante.")]


def test_no_cut_after_a_bare_number(nlp):
    rows = rows_of("- 19 Février 2018 : on a été notifié qu'on était attributaires.\n", nlp)
    assert [r["text"] for r in rows] == [
        "19 Février 2018 : on a été notifié qu'on était attributaires."]


def test_a_line_after_a_closing_quote_starts_a_sentence(nlp):
    rows = rows_of('- Il nous a dit "on verra avec eux."\n  Pour lui c\'est trop tôt.\n', nlp)
    assert [(r["line"], r["text"]) for r in rows] == [
        (1, 'Il nous a dit "on verra avec eux."'), (2, "Pour lui c'est trop tôt.")]


@pytest.mark.parametrize("abbreviation", ["env.", "cf.", "ex."])
def test_no_cut_after_an_abbreviation(nlp, abbreviation):
    text = f"Une équipe de 4 acheteurs, {abbreviation} 300 marchés en cours."
    assert [r["text"] for r in rows_of(f"- {text}\n", nlp)] == [text]


def test_tags_stay_with_their_sentence(nlp):
    rows = rows_of("- On a relancé trois fois. #relance #outillage/kit\n", nlp)
    assert [(r["text"], r["tags"]) for r in rows] == [
        ("On a relancé trois fois.", "relance; outillage/kit")]


def test_time_and_marker_go_to_every_sentence_of_the_segment(blank_nlp):
    rows = rows_of("- 15:53: j'ai pas parlé des montants. Cet élément était-il là ? (done)\n",
                   blank_nlp)
    assert [(r["time"], r["marker"], r["text"]) for r in rows] == [
        ("15:53", "done", "j'ai pas parlé des montants."),
        ("15:53", "done", "Cet élément était-il là ?")]


# -- statement_id -----------------------------------------------------------------

def test_text_key_folds_case_spaces_and_unicode_forms():
    assert text_key("  La  JEUNE est\u00a0partie ") == text_key("la jeune est partie")
    assert text_key("e\u0301te\u0301") == text_key("\u00e9t\u00e9")


def test_statement_id_is_short_and_deterministic():
    first = statement_id("a.md", "a:entretien", "La jeune est partie.", 1)
    assert re.fullmatch(r"s[0-9a-f]{12}", first)
    assert first == statement_id("a.md", "a:entretien", "la jeune  est partie.", 1)
    assert statement_id("a.md", "a:entretien", "La jeune est partie.", 2) == first + "-2"
    assert len({first, statement_id("b.md", "a:entretien", "La jeune est partie.", 1),
                statement_id("a.md", "a:autre", "La jeune est partie.", 1)}) == 3


def test_a_table_rows_empty_cells_leave_its_id_as_it_was():
    """The reader keeps a row's empty cells (« Léa |  | Brest ») since names_blind74;
    its id is still the one of « Léa | Brest », so decisions made before keep it."""
    assert statement_id("a.md", "", "Léa |  | Brest", 1) == \
        statement_id("a.md", "", "Léa | Brest", 1)
    assert text_key(" |  | Quimper") == text_key("Quimper")
    assert text_key("a | b") != text_key("a b")


def test_same_sentence_twice_in_one_interview_gets_two_ids(blank_nlp):
    rows = rows_of("# Entretien avec Léa\n\n- Oui. Oui.\n- Oui.\n", blank_nlp)
    ids = [r["statement_id"] for r in rows]
    assert len(ids) == len(set(ids)) == 3
    assert ids[1] == ids[0] + "-2" and ids[2] == ids[0] + "-3"


def test_ids_are_unique_and_stable_across_runs(blank_nlp):
    first, second = rows_of(TWO_INTERVIEWS, blank_nlp), rows_of(TWO_INTERVIEWS, blank_nlp)
    assert [r["statement_id"] for r in first] == [r["statement_id"] for r in second]
    assert len({r["statement_id"] for r in first}) == len(first)


@pytest.mark.parametrize("edit", [
    # another interview edited: a sentence added, one reworded, lines shifted
    lambda text: text.replace("- Le tuteur voulait plus d'informations sur la jeune.\n",
                              "- Le tuteur voulait un dossier.\n- Et un appel avant.\n"),
    # a new interview inserted between the two
    lambda text: text.replace("## Entretien du 4/03/2020",
                              "## Échange avec la DRH\n\n- Nouveau texte.\n- Encore.\n\n"
                              "## Entretien du 4/03/2020"),
    # the other interview removed
    lambda text: text[: text.index("## Entretien du 4/03/2020")],
    # the guide above grows
    lambda text: text.replace("- Depuis quand", "- Une nouvelle question ?\n- Depuis quand"),
])
def test_editing_another_interview_of_the_file_keeps_ids(edit, blank_nlp):
    before = rows_of(TWO_INTERVIEWS, blank_nlp)
    after = rows_of(edit(TWO_INTERVIEWS), blank_nlp)
    old = {r["text"]: r["statement_id"] for r in before if "restauration" in r["interview_id"]}
    new = {r["text"]: r["statement_id"] for r in after if "restauration" in r["interview_id"]}
    assert old and old == new
    guide_old = {r["statement_id"] for r in before if r["interview_id"] == ""}
    guide_new = {r["statement_id"] for r in after if r["interview_id"] == ""}
    assert guide_old <= guide_new


def test_editing_a_statement_changes_only_its_id(blank_nlp):
    before = ids_by_text(rows_of(TWO_INTERVIEWS, blank_nlp))
    after = ids_by_text(rows_of(TWO_INTERVIEWS.replace("en mars", "en avril"), blank_nlp))
    changed = {t for t in before if before[t] != after.get(t)}
    assert changed == {"La cheffe de cuisine a accueilli une élève en mars."}


# -- separate thoughts and quotations (issue: reading a team's whole folder) -----------

def test_short_lines_of_one_paragraph_are_separate_statements(nlp):
    rows = rows_of("Général\ntrès intéressant : la page est claire\nvous visez quel public ?\n",
                   nlp)
    assert [(r["line"], r["text"]) for r in rows] == [
        (1, "Général"), (2, "très intéressant : la page est claire"),
        (3, "vous visez quel public ?")]


@pytest.mark.parametrize("previous, line, cut", [
    ("Général", "très intéressant", True),
    ("la page partenaires il faut la remplir sinon enlevez-la", "il manque un tableau", True),
    ("et trois sont restés", "jusqu'au bout.", False),         # the next line goes on
    ("Elle a été reçue par le tuteur pour la", "semaine suivante.", False),  # dangling
    ("Auriez des disponibilités pour réaliser un entretien téléphonique ou en",
     "visioconférence ?", False),                              # prose wrapped by an editor
    ("Rare sont les tuteurs en entreprises qui sont les mêmes que dans la fiche",
     "Je n'ai jamais vu un jeune", True),                      # a long line, a new sentence
    ("Nous avons rencontré la direction des affaires juridiques de l'Éducation",
     "Nationale à Paris.", False),                             # a proper noun goes on
    ("Fin de la phrase.", "Une autre", False),                 # punctuation already cuts
])
def test_when_a_line_break_parts_two_thoughts(previous, line, cut):
    from csf_analysis.reading.statements import new_thought
    assert new_thought(previous, line) is cut


@pytest.mark.parametrize("text, expected", [
    ("Elle m'a dit « pourquoi moi ? » en riant, puis elle a continué.\n",
     ["Elle m'a dit « pourquoi moi ? » en riant, puis elle a continué."]),
    ('Il demande "et après il se passe quoi ?" puis il repart. Fin.\n',
     ['Il demande "et après il se passe quoi ?" puis il repart.', "Fin."]),
])
def test_a_question_mark_inside_a_quotation_does_not_end_the_sentence(nlp, text, expected):
    assert [r["text"] for r in rows_of(text, nlp)] == expected


def test_a_table_row_is_one_statement_whatever_its_cells_hold(nlp):
    """names_blind69: « RUGGIERI Enzo | 18 | ? | (Eiffage) | ? | 300 | non » was cut at
    each « ? » into three statements (« (Eiffage) | ? », « | 300 | non »): the record and
    the names table beside it were lost."""
    rows = rows_of("# Suivi\n\n| Nom | entreprise | tuteur | h | entretien |\n"
                   "|---|---|---|---|---|\n| RUGGIERI Enzo | ? (Eiffage) | ? | 300 | non |\n"
                   "| MARTINEZ Chloé | Luynes. Espaces verts | Garcia | 150 | à faire #relance |\n",
                   nlp)
    assert [(row["line"], row["text"], row["tags"]) for row in rows] == [
        (3, "Nom | entreprise | tuteur | h | entretien", ""),
        (5, "RUGGIERI Enzo | ? (Eiffage) | ? | 300 | non", ""),
        (6, "MARTINEZ Chloé | Luynes. Espaces verts | Garcia | 150 | à faire", "relance")]
