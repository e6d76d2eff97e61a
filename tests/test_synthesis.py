"""Tests for csf_analysis.report.synthesis: the report's sections as escaped HTML.

The corpora are small notes written here in the team's style (a contact log,
an interview under a clause marker, an interview given by YAML front
matter), parsed and coded by ``load_corpus`` without cache.
"""
from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from csf_analysis.corpus import load_corpus
from csf_analysis.report import charts, synthesis
from csf_analysis.report.manifest import Manifest
from csf_analysis.report.provenance import attribution

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

CONTACTS_AND_COMPANY = f"""\
# Questions prévues

- Qu'aviez-vous compris de la clause lors de la réponse au marché ?

# Entreprises contactées

## Retours

- [réponse rapide] 42 (300h) : Nettoyage des locaux {SCRIPT}
- 17 (150h) : Maintenance des ascenseurs -- mauvaise adresse email

## Entretiens

### (300h) 42 : Nettoyage {SCRIPT}

Représentation :
- On pensait que c'était une formalité {SCRIPT} pour le marché.
- Le jeune {IMG} a été accueilli dans l'équipe.

Ressentis :
- J'ai trouvé l'expérience très positive avec le tuteur.

#### On retient :
- prévenir l'entreprise plus tôt <b>gras</b>
"""

TUTOR = """\
---
title: Échange avec la tutrice
date: 2020-03-12
actor: mlds
interviewers: [Camille, Ahmed]
---

Ressentis :
- Je me sens seule face aux entreprises qui ne répondent pas.

Suggestions :
- Il faudrait un interlocuteur unique dans chaque entreprise.
"""

NEW_NOTE = """\
---
title: Visite de la blanchisserie
date: 2020-04-02
actor: entreprise
company: 51
clause: 150h
---

Représentation :
- La clause nous oblige à former un jeune pendant 150 heures.
"""


def _write(folder, notes: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in notes.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    folder = _write(tmp_path_factory.mktemp("notes"), {
        "notes-2020.md": CONTACTS_AND_COMPANY, "2020-03-12-tutrice.md": TUTOR})
    return load_corpus(folder, cache_dir=None, progress=False)


@pytest.fixture(scope="module")
def grown(tmp_path_factory, nlp):
    """The same notes plus one new interview."""
    folder = _write(tmp_path_factory.mktemp("notes"), {
        "notes-2020.md": CONTACTS_AND_COMPANY, "2020-03-12-tutrice.md": TUTOR,
        "2020-04-02-blanchisserie.md": NEW_NOTE})
    return load_corpus(folder, cache_dir=None, progress=False)


def _ids(corpus) -> set[str]:
    return set(corpus.statements.loc[corpus.statements["duplicate_of"] == "", "statement_id"])


def _built(manifest: Manifest, corpus, date: str) -> Manifest:
    return manifest.updated(statements=_ids(corpus),
                            interviews=set(corpus.interviews["interview_id"]), date=date)


def _row(corpus, start: str) -> pd.Series:
    rows = corpus.statements[corpus.statements["text"].str.startswith(start)]
    assert len(rows) == 1, f"expected one statement starting {start!r}"
    return rows.iloc[0]


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def _assert_inert(html: str) -> None:
    """No live markup from the notes: no script, img or b element, no on* attribute."""
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all(["script", "img", "b"]) == []
    assert not [a for tag in soup.find_all(True) for a in tag.attrs if a.lower().startswith("on")]
    assert "<script" not in html and "<img" not in html


def _sections(corpus, baseline=None) -> dict[str, str]:
    return {
        "title_page": synthesis.title_page(corpus, build_date="2020-03-20"),
        "corpus_overview": synthesis.corpus_overview(corpus),
        "funnel": synthesis.funnel(corpus),
        "findings_by_category": synthesis.findings_by_category(corpus),
        "findings_by_theme": synthesis.findings_by_theme(corpus),
        "takeaways": synthesis.takeaways(corpus),
        "new_since": synthesis.new_since(corpus, baseline),
        "methods_annex": synthesis.methods_annex(corpus, model={"name": "fr_core_news_sm"}),
        "statements_annex": synthesis.statements_annex(corpus),
    }


# --- Escaping -------------------------------------------------------------------

def test_the_fixture_keeps_the_markup_as_text(corpus):
    assert SCRIPT in _row(corpus, "On pensait")["text"]
    assert IMG in _row(corpus, "Le jeune")["text"]


def test_no_section_holds_live_markup_from_the_notes(corpus, grown):
    baseline = _built(Manifest(), grown, "2020-04-10").current
    for name, html in _sections(corpus, baseline).items():
        _assert_inert(html), name


@pytest.mark.parametrize("name", ["corpus_overview", "funnel", "findings_by_category"])
def test_markup_in_notes_is_shown_as_literal_text(corpus, name):
    html = _sections(corpus)[name]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert SCRIPT in _text(html)


def test_img_and_bold_from_notes_are_escaped(corpus):
    overview = synthesis.findings_by_category(corpus, quotes=50)
    assert "&lt;img src=x onerror=alert(1)&gt;" in overview and IMG in _text(overview)
    assert "&lt;b&gt;gras&lt;/b&gt;" in synthesis.takeaways(corpus)


def test_figure_caption_is_escaped(corpus):
    figure = plt.figure(figsize=(1, 1))
    try:
        html = synthesis.figure_html(figure, caption=f"Légende {SCRIPT}", dpi=20)
    finally:
        plt.close(figure)
    assert SCRIPT not in html and "Légende &lt;script&gt;" in html
    assert html.count("<img ") == 1 and 'src="data:image/png;base64,' in html


# --- Quotes and their attribution -------------------------------------------------

def test_attribution_names_interview_company_clause_and_line(corpus):
    row = _row(corpus, "On pensait")
    assert attribution(row, corpus.interviews) == (
        f"(300h) 42 : Nettoyage {SCRIPT} — entreprise 42, clause 300h — "
        f"notes-2020.md:{row['line']}")


def test_attribution_of_an_interview_without_company(corpus):
    row = _row(corpus, "Je me sens seule")
    assert attribution(row, corpus.interviews) == (
        f"Échange avec la tutrice — MLDS, 12/03/2020 — 2020-03-12-tutrice.md:{row['line']}")


def test_attribution_outside_interviews(corpus):
    row = _row(corpus, "Qu'aviez-vous compris")
    assert row["interview_id"] == ""
    assert attribution(row, corpus.interviews) == \
        f"notes hors entretien — notes-2020.md:{row['line']}"


def test_line_numbers_point_at_the_note(corpus):
    row = _row(corpus, "On pensait")
    lines = CONTACTS_AND_COMPANY.splitlines()
    assert lines[int(row["line"]) - 1].startswith("- On pensait")


def test_quotes_carry_text_and_source(corpus):
    soup = BeautifulSoup(synthesis.findings_by_category(corpus), "html.parser")
    quotes = soup.select("ul.csf-quotes > li")
    assert quotes, "no quote in the findings by category"
    for item in quotes:
        assert item.q.get_text().strip()
        assert re.fullmatch(r"[\w.-]+\.md:\d+", item.select_one(".csf-ref").get_text())
    tutor = [q for q in quotes if "Je me sens seule" in q.q.get_text()]
    assert len(tutor) == 1
    assert "Échange avec la tutrice — MLDS, 12/03/2020 — 2020-03-12-tutrice.md:" in \
        tutor[0].select_one(".csf-source").get_text()


def test_theme_quotes_leave_out_guide_questions(corpus):
    question = _row(corpus, "Qu'aviez-vous compris")
    assert question["category"] == "question"
    codes = corpus.codings.loc[corpus.codings["statement_id"] == question["statement_id"], "code"]
    assert len(codes), "the guide question should be coded with a theme for this test"
    text = _text(synthesis.findings_by_theme(corpus))
    assert "On pensait que c'était une formalité" in text
    assert "Qu'aviez-vous compris" not in text


def test_quotes_come_from_as_many_interviews_as_possible(corpus):
    rows = synthesis._originals(corpus)
    rows = rows[rows["interview_id"] != ""]
    html = synthesis._quotes(rows, corpus.interviews, 2)
    assert "notes-2020.md" in html and "2020-03-12-tutrice.md" in html


# --- New since the last report ------------------------------------------------------

def test_first_report(corpus):
    assert _text(synthesis.new_since(corpus, None)) == "Premier rapport : tout est nouveau."


def test_new_since_after_adding_a_note(corpus, grown):
    manifest = _built(Manifest(), corpus, "2020-03-20")
    html = synthesis.new_since(grown, manifest.baseline(_ids(grown)))
    text = _text(html)
    assert text.startswith("Depuis le rapport du 20 mars 2020 : 1 nouvel entretien, "
                           "1 nouvel énoncé, 0 énoncé retiré ou modifié.")
    assert "Visite de la blanchisserie" in text
    assert "La clause nous oblige à former un jeune" in text
    assert "2020-04-02-blanchisserie.md:" in text
    assert "Nettoyage" not in text  # old interviews are not new


def test_unchanged_rebuild_says_the_same_as_the_previous_rebuild(corpus, grown):
    first = _built(Manifest(), corpus, "2020-03-20")
    second = _built(first, grown, "2020-04-10")
    third = _built(second, grown, "2020-04-11")
    expected = synthesis.new_since(grown, second.baseline(_ids(grown)))
    assert synthesis.new_since(grown, third.baseline(_ids(grown))) == expected
    assert "Depuis le rapport du 20 mars 2020" in expected


def test_unchanged_rebuild_of_the_first_report_is_still_the_first(corpus):
    manifest = _built(_built(Manifest(), corpus, "2020-03-20"), corpus, "2020-03-21")
    assert "Premier rapport" in synthesis.new_since(corpus, manifest.baseline(_ids(corpus)))


def test_removed_note_is_counted(corpus, grown):
    baseline = _built(Manifest(), grown, "2020-04-10").current
    text = _text(synthesis.new_since(corpus, baseline))
    assert "0 nouvel entretien, 0 nouvel énoncé, 1 énoncé retiré ou modifié." in text


# --- Limits: the report stays a synthesis ---------------------------------------------

def test_the_statements_annex_is_a_file_beside_the_report(corpus, tmp_path):
    path = tmp_path / "annexe-enonces.csv"
    text = _text(synthesis.statements_annex(corpus, path))
    originals = synthesis._originals(corpus)
    assert f"La liste des {len(originals)} énoncés analysés" in text
    assert "annexe-enonces.csv" in text and "On pensait" not in text
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(table.columns) == ["session", "type", "fichier", "ligne", "catégorie", "codes",
                                   "énoncé", "citation"]
    assert len(table) == len(originals)
    assert set(table["citation"]) == {f"[@{sid}]" for sid in originals["statement_id"]}
    assert any(SCRIPT in cell for cell in table["énoncé"])  # data, not markup, in a CSV
    assert synthesis.statements_annex(corpus) == synthesis.statements_annex(corpus)  # no file


def test_overview_and_funnel_give_counts_above_their_limits(corpus):
    overview = _text(synthesis.corpus_overview(corpus, limit=1))
    assert overview.startswith("2 entretiens : trop pour les lister ici")
    assert "Nettoyage" not in overview
    funnel = _text(synthesis.funnel(corpus, limit=1))
    assert funnel.startswith("2 entreprises contactées : 1 a répondu, 0 sans réponse, "
                             "1 en erreur ; 1 entretien réalisé.")
    assert "Nettoyage des locaux" not in funnel and "contacts.csv" in funnel


def test_takeaways_above_their_limit_keep_the_most_recent(corpus, grown):
    assert "prévenir l'entreprise plus tôt" in _text(synthesis.takeaways(corpus))
    assert "élément" not in _text(synthesis.takeaways(corpus))
    limited = _text(synthesis.takeaways(corpus, limit=0))
    assert "1 élément dans les notes" in limited and "statements.csv" in limited


def test_where_names_few_interviews_and_counts_many(corpus):
    labels = synthesis.interview_labels(corpus.interviews)
    ids = list(corpus.interviews["interview_id"])
    named = synthesis._where(ids, corpus.interviews, labels, limit=5)
    assert named.startswith("2 entretiens : ") and "42 · 300h" in named
    assert synthesis._where(ids, corpus.interviews, labels, limit=1) == \
        "2 entretiens (entreprise 1, MLDS 1)."
    assert synthesis._where(["", ""], corpus.interviews, labels) == \
        "Entretiens : notes hors entretien."


def test_report_figures_draw_every_interview_over_several_parts(corpus):
    """Two interviews, one per part: both drawn, the undated one too; the captions say
    which part each is (no chart keeps only the most recent)."""
    figures = synthesis.report_figures(corpus, interviews_per_chart=1)
    try:
        assert set(figures) == {"entonnoir_contacts", "categories_par_entretien",
                                "categories_par_entretien#2", "themes_par_entretien",
                                "themes_par_entretien#2", "themes_par_clause",
                                "themes_par_acteur", "chronologie", "durees", "cooccurrences"}
        parts = synthesis.figure_parts(figures, "categories_par_entretien")
        labels = [t.get_text() for figure, _ in parts
                  for t in figure.axes[0].get_yticklabels()]
        assert sorted(labels) == sorted(charts.interview_labels(corpus.interviews))
        assert [caption.split(". ")[-1] for _, caption in parts] == [
            "Partie 1/2 : entretiens 1 à 1 sur 2.", "Partie 2/2 : entretiens 2 à 2 sur 2."]
        assert "Partie" not in figures["themes_par_clause"][1]
        assert synthesis.figure_parts(figures, "durees") == [figures["durees"]]
    finally:
        for figure, _ in figures.values():
            plt.close(figure)


# --- Title page and wording -----------------------------------------------------------

def test_title_page(corpus):
    html = synthesis.title_page(corpus, build_date="2020-03-20")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".csf-title h1").get_text() == "Synthèse des entretiens"
    text = _text(html)
    assert "Période couverte le 12 mars 2020 (1 entretien daté sur 2)" in text
    assert "par acteur Entreprise : 1" in text and "MLDS : 1" in text
    assert "Énoncés analysés 7 Entreprises contactées 2 (dont 1 réponse)" in text
    assert text.endswith("Rapport construit le 20 mars 2020")


@pytest.mark.parametrize("n, expected", [
    (0, "0 énoncé"), (1, "1 énoncé"), (2, "2 énoncés"), (46680, "46\u00a0680 énoncés")])
def test_count(n, expected):
    assert synthesis.count(n, "énoncé") == expected


def test_count_with_irregular_plural():
    assert synthesis.count(3, "nouvel énoncé", "nouveaux énoncés") == "3 nouveaux énoncés"


@pytest.mark.parametrize("iso, expected", [
    ("2020-02-03", "3 février 2020"), ("2022-04-01", "1er avril 2022"),
    ("2020-12-25", "25 décembre 2020"), ("2020-02", "2020-02"), ("", "")])
def test_long_date(iso, expected):
    assert synthesis.long_date(iso) == expected


def test_methods_annex_says_how_categories_are_inferred_and_how_often_right(corpus, monkeypatch):
    from csf_analysis.coding import category_model
    model = category_model.CategoryModel()
    model.info = {"statements": 1800, "cv_accuracy_other_coders": 0.677,
                  "cv_rules_other_coders": 0.475}
    monkeypatch.setattr(category_model, "load_default", lambda: model)
    html = synthesis.methods_annex(corpus, model={"name": "fr_core_news_sm"})
    assert "entraîné sur 1800 énoncés annotés" in html
    assert "la bonne 68 % du temps (les règles seules : 48 %)" in html
    assert "category_confidence dit à quel point" in html and "les moins sûres" in html
    model.info.update(blind_accuracy=0.693, blind_statements=215)
    assert ("la bonne 69 % du temps (215 énoncés), 68 % sur les notes d'autres codeurs en "
            "validation croisée : vérifiez-la") in synthesis.category_method()
    model.info.update(blind3_accuracy=0.543, blind3_statements=267)
    assert ("la bonne 69 % du temps (215 énoncés), 54 % sur celles d'une autre équipe, d'un "
            "autre style (267 énoncés), 68 % sur") in synthesis.category_method()
    model.info = {}
    assert "du temps" not in synthesis.category_method()
    assert "adapté" not in synthesis.category_method()
    assert ("adapté à ce dossier, sur les 23 catégories que l'équipe a vérifiées"
            in synthesis.category_method(adapted_on=23))



def test_the_methods_annex_says_how_the_auto_themes_are_made_and_how_often_right(
        corpus, monkeypatch):
    from csf_analysis.coding import theme_model
    model = theme_model.ThemeModel()
    model.info = {"trained_on": 2725, "patterns": [0.48, 0.202], "revised": [0.578, 0.244]}
    monkeypatch.setattr(theme_model, "load_default", lambda: model)
    html = synthesis.methods_annex(corpus, model={"name": "fr_core_news_sm"})
    assert "revus par un modèle entraîné sur 2725 énoncés" in html
    assert ("58 % des thèmes automatiques sont justes et ils trouvent 24 % des thèmes que "
            "deux codeurs y ont vus (les motifs seuls : 48 % et 20 %)") in html
    model.info = {}
    assert "sont justes" not in synthesis.theme_method()

# --- Kinds: documents and copies are named in the annex, never counted -----------------

DOCUMENT = """\
# Liens utiles

- https://www.economie.gouv.fr/daj/clauses-sociales
- https://exemple.fr/guide-acheteur.pdf
- https://exemple.fr/kit-entreprise
"""

WEBSITE_TEST = """\
# Test acheteuse du 26/05/2020

- 15:42 : je vais sur la page acheteur
- 15:44 : je clique sur le modèle de clause
- 15:47 : je ne trouve pas le formulaire
"""


@pytest.fixture(scope="module")
def with_kinds(tmp_path_factory, nlp):
    folder = _write(tmp_path_factory.mktemp("notes"), {
        "notes-2020.md": CONTACTS_AND_COMPANY, "2020-03-12-tutrice.md": TUTOR,
        "liens.md": DOCUMENT, "test-acheteuse.md": WEBSITE_TEST})
    return load_corpus(folder, cache_dir=None, progress=False)


def test_title_page_counts_sessions_by_kind_never_documents(with_kinds):
    text = _text(synthesis.title_page(with_kinds.counted(), build_date="2020-06-01"))
    assert "Sessions 3 par type Entretiens : 2 Tests utilisateurs : 1" in text
    assert "Documents" not in text


def test_methods_annex_names_documents_and_copies_but_counts_sessions(with_kinds):
    html = synthesis.methods_annex(with_kinds, model={"name": "fr_core_news_sm"})
    text = _text(html)
    assert "Type Lues Comptées Copies Entretiens 2 2 0 Tests utilisateurs 1 1 0 " \
           "Documents 1 0 0" in text
    assert "Sessions comptées 3" in text
    assert "Énoncés des documents et copies (gardés, non comptés) 3" in text


def test_no_finding_quotes_a_document(with_kinds):
    counted = with_kinds.counted()
    for html in (synthesis.findings_by_category(counted), synthesis.findings_by_theme(counted),
                 synthesis.takeaways(counted),
                 " ".join(synthesis.statements_table(counted)["énoncé"])):
        assert "economie.gouv.fr" not in html and "exemple.fr" not in html
