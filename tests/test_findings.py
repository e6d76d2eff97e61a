"""The team's findings: synthese.md, its citations, its place in the corpus and the report."""
import pandas as pd
import pytest

from csf_analysis import coded_statements, load_corpus
from csf_analysis.reading.findings import read_findings, resolve_findings
from csf_analysis.report.findings import findings_html

NOTE = """# Entretien du 3 février 2020 avec l'acheteuse

Représentation :
- La clause est une contrainte de plus. On la remplit en fin de marché.
- Le jeune arrive sans que personne ne le sache.
"""


@pytest.fixture()
def notes(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "acheteuse.md").write_text(NOTE, encoding="utf-8")
    return folder


def _statements(folder):
    return load_corpus(folder, cache_dir=None, code=False, progress=False).statements


def test_a_citation_by_line_takes_every_statement_of_that_line(notes):
    statements = _statements(notes)
    found = resolve_findings("Constat [@acheteuse.md:4].", statements)
    line = statements[statements["line"] == 4]
    assert len(line) == 2 and found.citations[0].statement_ids == list(line["statement_id"])
    assert found.problems == []


def test_a_citation_by_id_resolves_and_a_changed_one_is_a_problem_row(notes):
    statements = _statements(notes)
    sid = statements["statement_id"].iloc[-1]
    text = (f"# Nos constats\n\nIl arrive seul [@{sid}].\n\n"
            "Avant [@s0123456789ab] ; [@autre.md:2] ; [@acheteuse.md:2].")
    found = resolve_findings(text, statements)
    assert [c.statement_ids for c in found.citations] == [[sid], [], [], []]
    assert [(p.source_file, p.line, p.severity) for p in found.problems] == \
        [("synthese.md", 5, "warning")] * 3
    messages = [p.message for p in found.problems]
    assert "[@s0123456789ab] ne renvoie à aucun énoncé" in messages[0]
    assert "recopiez la citation depuis le carnet de codage" in messages[0]
    assert "autre.md, qui n'est pas une note du dossier" in messages[1]
    assert "la ligne 2 de acheteuse.md, où ne commence aucun énoncé" in messages[2]


def test_the_findings_file_is_read_not_parsed_as_a_note(notes):
    (notes / "synthese.md").write_text("# Constats\n\nRien [@s0123456789ab].\n", encoding="utf-8")
    (notes / "equipe").mkdir()
    (notes / "equipe" / "synthese.md").write_text("# Entretien du 4 mars 2020\n\n- Un fait.\n",
                                                  encoding="utf-8")
    corpus = load_corpus(notes, cache_dir=None, progress=False)
    assert set(corpus.interviews["source_file"]) == {"acheteuse.md", "equipe/synthese.md"}
    assert corpus.findings.text.startswith("# Constats")
    row = corpus.problems[corpus.problems["source_file"] == "synthese.md"]
    assert row[["line", "severity"]].values.tolist() == [[3, "warning"]]


def test_without_the_file_there_are_no_findings(notes):
    corpus = load_corpus(notes, cache_dir=None, code=False, progress=False)
    assert corpus.findings.source_file == "" and corpus.findings.citations == []
    assert read_findings(notes, corpus.statements).text == ""


def test_the_findings_html_escapes_markup_and_moves_headings_under_the_section():
    statements = pd.DataFrame({"statement_id": ["s0123456789ab"], "interview_id": [""],
                               "source_file": ["n.md"], "line": [3], "text": ["<img src=x>"]})
    found = resolve_findings("# Titre\n\n## Sous-titre\n\n<script>x</script> [@n.md:3]",
                             statements)
    html = findings_html(found, statements, pd.DataFrame(columns=["interview_id"]))
    assert "<h3>Titre</h3>" in html and "<h4>Sous-titre</h4>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&lt;img src=x&gt;" in html


def test_the_coding_notebook_gives_each_statement_its_citation(notes):
    corpus = load_corpus(notes, cache_dir=None, progress=False)
    view = coded_statements(corpus)
    assert (view["citation"] == "[@" + view["statement_id"] + "]").all()


def test_pseudonymised_findings_name_no_one(tmp_path):
    from csf_analysis import pseudonymise
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "n.md").write_text(NOTE.replace("l'acheteuse", "Camille Lefèvre"), encoding="utf-8")
    (folder / "pseudonymes.yml").write_text("personnes:\n  - Camille Lefèvre\n", encoding="utf-8")
    (folder / "synthese.md").write_text("Camille Lefèvre le dit [@n.md:4].\n", encoding="utf-8")
    corpus = pseudonymise(load_corpus(folder, cache_dir=None, progress=False), use_model=False)
    assert "Lefèvre" not in corpus.findings.text and "Personne" in corpus.findings.text
    assert corpus.findings.citations[0].statement_ids  # still resolved

