"""The report by kind of note, on the team folder of issue 6 (tests/fixtures/dossier-equipe):
interviews make the findings, usability tests have their own section, documents are named
only in the annex, and the takeaways are the team's."""
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from csf_analysis import load_corpus
from csf_analysis.report import build as report

pytestmark = pytest.mark.slow
TREE = Path(__file__).parent / "fixtures" / "dossier-equipe"


@pytest.fixture(scope="module")
def report_pages(tmp_path_factory):
    """The report of the folder, page by page, and the folder and cache it was built from."""
    root = tmp_path_factory.mktemp("sections")
    notes = root / "dossier-equipe"
    shutil.copytree(TREE, notes)
    result = report.build_report(notes, root / "out", cache_dir=root / "cache",
                                 build_date="2020-11-02")
    return [page.extract_text() for page in PdfReader(result.pdf).pages], notes, root / "cache"


@pytest.fixture(scope="module")
def built(report_pages):
    pages, notes, cache = report_pages
    text = " ".join(" ".join(pages).split())
    corpus = load_corpus(notes, cache_dir=cache, progress=False)
    return text.replace("\u2010 ", ""), corpus


def test_the_body_before_the_annexes_is_about_fifteen_pages(report_pages):
    pages = report_pages[0]
    annex = next(k for k, page in enumerate(pages)
                 if "Annexe A — Méthode" in page and "Table des matières" not in page)
    assert annex <= 17  # title page, contents, and about 15 pages of findings


def _body(text: str) -> str:
    """The PDF before its annexes (the contents at its start left out)."""
    return text[text.rindex("Nos constats"):text.rindex("Annexe A — Méthode")]


def test_no_text_of_a_document_before_the_annexes(built):
    text, corpus = built
    documents = set(corpus.interviews.loc[corpus.interviews["kind"] == "document",
                                          "interview_id"])
    lines = corpus.statements.loc[corpus.statements["interview_id"].isin(documents), "text"]
    long_lines = [line for line in lines if len(line) >= 30]
    assert len(long_lines) >= 5
    body = _body(text)
    assert [line for line in long_lines if line in body] == []
    annex = text[text.rindex("Les notes lues"):]
    named = corpus.interviews.loc[corpus.interviews["kind"] == "document", "source_file"]
    assert all(name[:20] in annex.replace(" ", "") or name[:20] in annex for name in named)


def test_usability_tests_have_their_own_section(built):
    text, corpus = built
    tests = corpus.interviews[corpus.interviews["kind"] == "test-utilisateur"]
    section = text[text.rindex("Les tests utilisateurs"):text.rindex("Ce que nous retenons")]
    assert f"{len(tests)} tests utilisateurs" in section
    for heading in ("Ce que les testeurs cherchaient", "Où ils se sont perdus",
                    "Ce qu'ils ont suggéré"):
        assert heading in section
    assert "par test utilisateur" in section  # its own chart
    findings = text[text.rindex("Ce que disent les entretiens, par catégorie"):
                    text.rindex("Les tests utilisateurs")]
    in_tests = corpus.statements[corpus.statements["interview_id"].isin(set(tests["interview_id"]))]
    refs = {f"{row.source_file}:{row.line} " for row in in_tests.itertuples()}
    assert len(refs) > 10 and [ref for ref in refs if ref in findings] == []


def test_the_takeaways_are_the_teams_and_say_whose(built):
    text, _ = built
    section = text[text.rindex("Ce que nous retenons"):text.rindex("Annexe A — Méthode")]
    assert "Par l'équipe" in section or "Notes de l'équipe" in section


def test_every_interview_is_in_the_per_interview_charts(built):
    import matplotlib.pyplot as plt

    from csf_analysis.report import synthesis
    _, corpus = built
    entretiens = corpus.filter(kinds=list(synthesis.FINDING_KINDS))
    figures = synthesis.report_figures(entretiens, interviews_per_chart=4)
    try:
        with_statements = entretiens.interviews[entretiens.interviews["n_statements"] > 0]
        assert (with_statements["date"] == "").any()  # undated interviews are drawn too
        for name, axis in (("categories_par_entretien", "y"), ("themes_par_entretien", "x")):
            parts = synthesis.figure_parts(figures, name)
            assert len(parts) == -(-len(entretiens.interviews) // 4)
            ticks = [tick for figure, _ in parts
                     for tick in getattr(figure.axes[0], f"get_{axis}ticklabels")()]
            assert len(ticks) == len(with_statements), name
    finally:
        for figure, _ in figures.values():
            plt.close(figure)


def test_a_theme_has_one_count_everywhere(built):
    """The theme's figure in its section, the heatmap, the co-occurrence diagonal and
    codings.csv restricted the same way (distinct statements of interviews, no copy)."""
    from csf_analysis.report import charts, synthesis
    text, corpus = built
    entretiens = corpus.filter(kinds=list(synthesis.FINDING_KINDS))
    book = entretiens.codebook.set_index("code")["n_statements"].astype(int)
    book = book[book > 0]
    heatmap = charts.themes_by_interview_data(entretiens).groupby("code")["n_statements"].sum()
    pairs = charts.code_cooccurrence_data(entretiens, top=None)
    diagonal = pairs[pairs["code_a"] == pairs["code_b"]].set_index("code_a")["n_statements"]
    sessions = set(entretiens.interviews["interview_id"])
    originals = corpus.statements[(corpus.statements["duplicate_of"] == "")
                                  & corpus.statements["interview_id"].isin(sessions)]
    csv = corpus.codings[corpus.codings["statement_id"].isin(set(originals["statement_id"]))]
    csv = csv.drop_duplicates(["statement_id", "code"]).groupby("code").size()
    assert len(book) >= 5
    for code, n in book.items():
        assert (heatmap.get(code, 0), diagonal.get(code, 0), csv.get(code, 0)) == (n, n, n), code
    label = entretiens.codebook.set_index("code").loc[book.idxmax(), "label"]
    assert f"{label} ({book.max()})" in text  # the section's heading in the PDF


def test_theme_highlights_count_by_group_and_compare_only_groups_of_three(built):
    from bs4 import BeautifulSoup

    from csf_analysis.labels import clause_sizes
    from csf_analysis.report import highlights, synthesis
    _, corpus = built
    entretiens = corpus.filter(kinds=list(synthesis.FINDING_KINDS))
    actors = entretiens.interviews["actor"].replace("", "autre").value_counts()
    big = {a for a, n in actors.items() if n >= 3}
    small = {a for a, n in actors.items() if n < 3}
    assert big and small  # the folder has both kinds of group
    sizes = clause_sizes(entretiens.interviews).value_counts()
    assert sum(n >= 3 for size, n in sizes.items() if size) < 2  # no clause size to compare
    soup = BeautifulSoup(synthesis.theme_highlights(entretiens), "html.parser")
    items = [li.get_text() for li in soup.select("ul.csf-highlights > li")]
    themes = highlights.theme_table(entretiens.codings, entretiens.statements,
                                    entretiens.codebook)
    assert len(items) == min(highlights.MAIN_THEMES, len(themes))
    total = len(entretiens.interviews)
    for item, theme in zip(items, themes.itertuples()):
        assert item.startswith(f"{theme.label} : {theme.n_statements} énoncés dans "
                               f"{theme.n_interviews} des {total} entretiens ; par acteur : ")
        by_actor = item.split("par acteur : ")[1].split(" ; par taille de clause")[0]
        counts, _, compared = by_actor.partition(" (part des entretiens : ")
        assert sum(int(c.split(" sur ")[0].split()[-1]) for c in counts.split(", ")) \
            == theme.n_interviews
        for actor in small:  # counted, never compared
            assert f"{synthesis.actor_label(actor, lower=True)} " not in compared
        assert "part des entretiens" not in item.split("par taille de clause")[1]
    notes = [p.get_text() for p in soup.select("p.csf-where")]
    assert any(n.startswith("Par taille de clause : trop peu d'entretiens") for n in notes)
    assert any(n.startswith("Par acteur : groupes comparés") for n in notes)


def test_theme_sections_quote_interviews_only_and_count_the_rest(built):
    from bs4 import BeautifulSoup

    from csf_analysis.report import highlights, synthesis
    _, corpus = built
    entretiens = corpus.filter(kinds=list(synthesis.FINDING_KINDS))
    soup = BeautifulSoup(synthesis.findings_by_theme(entretiens, quotes=2), "html.parser")
    themes = highlights.theme_table(entretiens.codings, entretiens.statements,
                                    entretiens.codebook)
    assert len(themes) > highlights.MAIN_THEMES  # the premise: some themes go to the table
    headings = [h.get_text() for h in soup.select("h3.csf-no-toc")]
    assert headings == [f"{t.label} ({t.n_statements})"
                        for t in themes.head(highlights.MAIN_THEMES).itertuples()]
    rows = soup.select("table.csf-counts tbody tr")
    assert len(rows) == len(themes) - highlights.MAIN_THEMES
    sources = [s.get_text() for s in soup.select(".csf-source")]
    assert sources and not any(s.startswith("notes hors entretien") for s in sources)


def test_chart_labels_overlap_neither_the_plot_nor_each_other(built):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from csf_analysis.report import synthesis
    _, corpus = built
    figures = {**synthesis.report_figures(corpus.filter(kinds=list(synthesis.FINDING_KINDS))),
               **synthesis.usability_figures(corpus.filter(kinds=synthesis.TEST_KIND))}
    for name, (figure, _) in figures.items():
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        for ax in figure.axes:
            plot = ax.get_window_extent(renderer)
            for labels in (ax.get_xticklabels(), ax.get_yticklabels()):
                boxes = [t.get_window_extent(renderer) for t in labels
                         if t.get_text() and t.get_visible()]
                assert not [b for b in boxes if b.overlaps(plot)], name
                assert not [(a, b) for a, b in zip(boxes, boxes[1:]) if a.overlaps(b)], name
