"""The coding panel's logic without a browser (issue 14, part 1): the queue, each key and
click of the panel as ReviewSession.handle gets it, what is written, and undo."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from csf_analysis import load_corpus
from csf_analysis.coding import manual
from csf_analysis.coding.panel import CodingPanel
from csf_analysis.coding.queue import neighbours, review_queue
from csf_analysis.coding.session import ReviewSession

BAKERY = """# Entretien du 3 mars 2020 avec la gérante

Elle gère une boulangerie de douze salariés.
On a reçu le jeune le 4 mars, il est resté deux semaines.
Il faudrait un interlocuteur unique au lycée pour l'accompagner.
C'était frustrant d'attendre la réponse, on a relancé trois fois, les délais sont trop longs.
Est-ce que vous referiez l'expérience ?

Ressentis :

- Très contente de l'accueil.
"""
TOWN_HALL = """---
acteur: acheteur
---
# Entretien du 5 mai 2020 avec l'acheteuse de la mairie

La clause de 300h a été mise dans le marché de voirie.
Je pense que les entreprises ne connaissent pas le dispositif.
"""
DELAYS = ("C'était frustrant d'attendre la réponse, on a relancé trois fois, les délais sont "
          "trop longs.")


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    folder = tmp_path_factory.mktemp("read")
    (folder / "boulangerie.md").write_text(BAKERY, encoding="utf-8")
    (folder / "mairie.md").write_text(TOWN_HALL, encoding="utf-8")
    return load_corpus(folder, cache_dir=None, progress=False)


@pytest.fixture
def corpus(read, tmp_path):
    """The corpus read once; its notes copied to a folder of this test's own, where its
    decisions are written."""
    for note in read.notes_dir.glob("*.md"):
        (tmp_path / note.name).write_bytes(note.read_bytes())
    return dataclasses.replace(read, notes_dir=tmp_path)


def session_at(corpus, text: str, coder: str = "ana") -> ReviewSession:
    session = ReviewSession(corpus, coder)
    session.go(int(session.queue.index[session.queue["text"] == text][0]))
    return session


def written(corpus) -> list[list[str]]:
    return manual.load_decisions(corpus.notes_dir)[
        ["action", "code", "coder"]].values.tolist()


def test_the_queue_puts_the_least_sure_first_and_filters(corpus):
    queue = review_queue(corpus.statements, corpus.interviews, corpus.codings)
    inferred = queue[queue["category_origin"] == "inferred"]
    assert inferred["category_confidence"].is_monotonic_increasing
    assert queue["category_origin"].tolist()[-1] == "structure"
    assert len(queue) == len(corpus.statements)
    only = review_queue(corpus.statements, corpus.interviews, corpus.codings,
                        actor="acheteur", category="Représentations")
    assert only["text"].tolist() == [
        "Je pense que les entreprises ne connaissent pas le dispositif."]
    coded = review_queue(corpus.statements, corpus.interviews, corpus.codings, code="delais")
    assert coded["text"].tolist() == [DELAYS]
    with pytest.raises(ValueError, match="filtre inconnu"):
        review_queue(corpus.statements, corpus.interviews, corpus.codings, speaker="x")


def test_neighbours_are_the_statements_around_in_the_same_interview(corpus):
    sid = corpus.statements.loc[corpus.statements["text"] == DELAYS, "statement_id"].iloc[0]
    before, after = neighbours(corpus.statements, sid)
    assert before["text"].str.startswith("Il faudrait").all() and len(before) == 1
    assert after["text"].str.startswith("Est-ce que").all() and len(after) == 1


def test_the_view_shows_the_statement_where_it_is_why_and_its_citation(corpus):
    view = session_at(corpus, DELAYS).view()
    statement = view["statement"]
    assert statement["where"].startswith("boulangerie.md:")
    assert statement["confidence"].endswith(" %")
    assert statement["origin"] == "déduite"
    assert {c["code"] for c in view["codes"]} == {"delais", "relances-attente"}
    assert all(c["why"].startswith("motif « ") for c in view["codes"])
    assert view["citation"] == f"[@{statement['id']}]"
    assert view["before"][0]["text"].startswith("Il faudrait")
    assert [c["key"] for c in view["categories"]] == [str(n) for n in range(1, 10)]
    assert view["categories"][2]["label"] == "Ressentis"
    assert view["progress"] == "0 / 8 vérifiées"


def test_a_category_key_then_enter_write_once_and_move_on(corpus):
    session = session_at(corpus, DELAYS)
    at = session.position
    session.handle({"do": "category", "value": "representation"})
    session.handle({"do": "confirm"})  # already the decision in force: not written again
    assert written(corpus) == [["category", "representation", "ana"]]
    assert session.position == at + 1 and session.progress() == "1 / 8 vérifiées"
    following = session.queue["text"].iloc[session.position]
    session.handle({"do": "confirm"})  # the inferred category of the next one, checked
    assert written(corpus)[-1] == ["category", session.statements.set_index("text").loc[
        following, "category"], "ana"]
    assert manual.load_decisions(corpus.notes_dir)["text"].str.len().gt(0).all()


def test_a_code_outside_the_codebook_needs_the_create_step(corpus):
    session = session_at(corpus, DELAYS)
    session.handle({"do": "add", "code": "lenteur administrative"})
    assert "n'est pas dans le livre de codes" in session.message
    assert "créer le code" in session.message and written(corpus) == []
    session.handle({"do": "add", "code": "delai"})
    assert "vouliez-vous dire delais" in session.message
    session.handle({"do": "create", "code": "lenteur administrative"})
    assert session.message == "" and written(corpus) == [["add", "lenteur-administrative", "ana"]]
    assert "lenteur-administrative" in {c["code"] for c in session.view()["codebook"]}


def test_a_removed_auto_code_is_struck_and_undo_takes_it_back(corpus):
    session = session_at(corpus, DELAYS)
    session.handle({"do": "remove", "code": "delais"})
    codes = {c["code"]: c for c in session.view()["codes"]}
    assert codes["delais"]["struck"] and codes["delais"]["why"].endswith("retiré")
    assert not codes["relances-attente"]["struck"]
    session.handle({"do": "move", "step": 1})
    session.handle({"do": "undo"})
    assert written(corpus) == [] and session.view()["statement"]["text"] == DELAYS
    assert not any(c["struck"] for c in session.view()["codes"])
    session.handle({"do": "undo"})
    assert session.message == "rien à annuler"


def test_undo_of_a_category_restores_the_inferred_one_and_the_progress(corpus):
    session = session_at(corpus, DELAYS)
    before = session.view()["statement"]
    session.handle({"do": "category", "value": "5"})  # a key, not a category name
    assert "catégorie inconnue" in session.message
    session.handle({"do": "category", "value": session.category_at("5")})
    assert session.view()["statement"]["category"] == "suggestions"
    session.handle({"do": "undo"})
    assert session.view()["statement"] == before and session.progress() == "0 / 8 vérifiées"


def test_a_memo_is_kept_per_statement_and_read_back(corpus):
    session = session_at(corpus, DELAYS)
    session.handle({"do": "memo", "text": "à citer dans le rapport"})
    session.handle({"do": "memo", "text": "à citer dans le rapport"})  # unchanged: no row
    assert written(corpus) == [["memo", "", "ana"]]
    again = session_at(corpus, DELAYS)
    assert again.view()["memo"] == "à citer dans le rapport"
    session.handle({"do": "memo", "text": "à revoir"})
    session.handle({"do": "undo"})  # the earlier memo is back, the later one gone
    assert session.view()["memo"] == "à citer dans le rapport" and len(written(corpus)) == 1
    reread = load_corpus(corpus.notes_dir, cache_dir=None, progress=False)
    assert reread.problems.empty and reread.codings.equals(corpus.codings)
    assert reread.statements["category"].equals(corpus.statements["category"])


def test_no_decision_without_a_coder_name_asked_once(corpus, monkeypatch):
    monkeypatch.delenv("CSF_CODER", raising=False)
    session = session_at(corpus, DELAYS, coder="")
    session.handle({"do": "category", "value": "facts"})
    assert "votre nom" in session.message and written(corpus) == []
    session.handle({"do": "coder", "name": "  bea "})
    session.handle({"do": "category", "value": "facts"})
    assert written(corpus) == [["category", "facts", "bea"]]
    monkeypatch.setenv("CSF_CODER", "carla")
    assert ReviewSession(corpus).coder == "carla"
    session.handle({"do": "coder", "name": ""})  # « changer »: the name is asked again
    assert session.view()["coder"] == "" and session.message == ""


def test_filters_keep_the_statement_under_review_when_it_stays(corpus):
    session = session_at(corpus, DELAYS)
    session.handle({"do": "filter", "name": "code", "value": "relances-attente"})
    assert session.view()["statement"]["text"] == DELAYS and session.view()["total"] == 1
    session.handle({"do": "filter", "name": "actor", "value": "acheteur"})
    assert session.view()["statement"] is None and session.view()["total"] == 0
    session.handle({"do": "confirm"})
    assert "aucun énoncé" in session.message


def test_the_widget_hands_messages_to_the_session_and_redraws(corpus):
    panel = CodingPanel(session_at(corpus, DELAYS))
    panel._on_message(panel, {"do": "category", "value": "ressentis"}, [])
    assert panel.view["checked"] and panel.view["progress"] == "1 / 8 vérifiées"
    panel._on_message(panel, {"do": "dance"}, [])
    assert "action inconnue" in panel.view["message"]


def test_withdraw_takes_back_only_the_last_identical_row(tmp_path):
    first = manual.record(tmp_path, "s0123456789ab", "add", "delais", coder="ana")
    manual.record(tmp_path, "s0123456789ab", "remove", "delais", coder="ana")
    last = manual.record(tmp_path, "s0123456789ab", "add", "delais", coder="ana")
    assert manual.withdraw(tmp_path, last)
    assert manual.load_decisions(tmp_path)["action"].tolist() == ["add", "remove"]
    assert manual.withdraw(tmp_path, first)
    assert manual.load_decisions(tmp_path)["action"].tolist() == ["remove"]
    assert not manual.withdraw(tmp_path, {**dict(first), "coder": "bea"})


def test_memos_are_no_codes_for_the_tables(tmp_path):
    manual.record(tmp_path, "s0123456789ab", "memo", "", coder="ana", note="v1")
    manual.record(tmp_path, "s0123456789ab", "memo", "", coder="ana", note="v2")
    table = manual.latest(manual.load_decisions(tmp_path))
    assert table["note"].tolist() == ["v2"]
    assert isinstance(table, pd.DataFrame)


def test_reload_shows_a_new_note_and_decisions_taken_elsewhere(corpus):
    session = session_at(corpus, DELAYS)
    session.handle({"do": "remove", "code": "delais"})
    sid = session.view()["statement"]["id"]
    manual.record(corpus.notes_dir, sid, "category", "context", coder="ana")  # the CLI
    (corpus.notes_dir / "garage.md").write_text(
        "# Entretien du 9 juin 2020 au garage\n\nLe jeune a tenu trois semaines.\n",
        encoding="utf-8")
    session.handle({"do": "reload"})
    view = session.view()
    assert view["statement"]["id"] == sid and view["statement"]["category"] == "context"
    assert {c["code"]: c["struck"] for c in view["codes"]}["delais"] is True
    assert view["total"] == 9 and "notes relues" in view["message"]
    assert not view["can_undo"]


def test_two_files_giving_one_interview_id_do_not_double_the_queue():
    """Front matter can give two files the same interview id: each statement once."""
    statements = pd.DataFrame({
        "statement_id": ["s1", "s2"], "interview_id": ["x", "x"],
        "source_file": ["a.md", "b.md"], "line": [3, 3], "duplicate_of": ["", ""],
        "category": ["facts", "facts"], "category_origin": ["inferred", "inferred"],
        "category_confidence": [0.4, 0.5]})
    interviews = pd.DataFrame({"interview_id": ["x", "x"], "source_file": ["a.md", "b.md"],
                               "kind": ["entretien", "observation"], "actor": ["mlds", ""]})
    queue = review_queue(statements, interviews, pd.DataFrame(columns=["statement_id", "code"]))
    assert queue["statement_id"].tolist() == ["s1", "s2"]
    assert queue["kind"].tolist() == ["entretien", "observation"]


def test_a_theme_the_model_dropped_is_shown_struck_and_put_back_in_one_click(tmp_path):
    """The patterns give information-cadre for « explique »; the theme model drops it
    for a tutor's safety rules. The panel shows it struck, says why, and ↺ puts it back."""
    text = ("Le tuteur explique chaque matin les consignes de sécurité au jeune et fait "
            "un point le soir.")
    (tmp_path / "tuteur.md").write_text(f"# Entretien du 3 mars 2020 avec le tuteur\n\n{text}\n",
                                        encoding="utf-8")
    corpus = load_corpus(tmp_path, cache_dir=None, progress=False)
    assert corpus.vetoed_codings["code"].tolist() == ["information-cadre"]
    session = session_at(corpus, text)
    codes = {c["code"]: c for c in session.view()["codes"]}
    assert codes["information-cadre"]["struck"]
    assert codes["information-cadre"]["why"].startswith("motif « explique » — écarté par le "
                                                        "modèle (sûr à ")
    assert not codes["accompagnement"]["struck"]
    session.handle({"do": "add", "code": "information-cadre"})
    assert written(corpus) == [["add", "information-cadre", "ana"]]
    assert not {c["code"]: c for c in session.view()["codes"]}["information-cadre"]["struck"]
