"""Tests for csf_analysis.coding.themes: lemma-based theme matching into codings rows."""
from __future__ import annotations

import re
import textwrap

import pandas as pd
import pytest
from spacy.matcher import Matcher

from csf_analysis import config
from csf_analysis.coding.codebook import load_codebook
from csf_analysis.coding.themes import CODINGS_COLUMNS, ThemeMatcher, match_themes
from csf_analysis.reading.nlp import LEMMAS, SENTENCES, ModelNotInstalled, load_nlp, model_info

REFERENCE_NOTES = config.PROJECT_ROOT / "interviews" / "entretien-entreprises.md"


@pytest.fixture(scope="module")
def lemma_nlp():
    """The lemma pipeline (the conftest's ``nlp`` is the sentence splitter)."""
    return load_nlp(components=LEMMAS)


@pytest.fixture(scope="module")
def codebook():
    return load_codebook()


def themes_of(texts: list[str], codebook, nlp) -> dict[str, set[str]]:
    statements = pd.DataFrame({"statement_id": [f"s{i}" for i in range(len(texts))], "text": texts})
    codings = match_themes(statements, codebook=codebook, nlp=nlp)
    found = codings.groupby("statement_id")["code"].apply(set).to_dict()
    return {text: found.get(f"s{i}", set()) for i, text in enumerate(texts)}


@pytest.mark.parametrize("text, code", [
    ("Les jeunes décrochent dès le mois de novembre.", "decrochage-scolaire"),
    ("Nous avons relancé la société trois fois.", "relances-attente"),
    ("Elles relancent le service chaque lundi.", "relances-attente"),
    ("Ces contraintes pèsent sur une petite équipe.", "contrainte"),
    ("Les pénalités nous inquiètent.", "penalites"),
    ("Les tutrices ont accompagné la jeune au premier rendez-vous.", "accompagnement"),
    ("Nous embaucherons peut-être le stagiaire à la fin.", "perspectives-embauche"),
    ("Il a abandonné au bout de 4 jours.", "abandon-jeune"),
    ("J'ai rempli les formulaires sur Airtable.", "outillage"),
])
def test_inflected_forms_match_their_lemma(text, code, codebook, lemma_nlp):
    assert code in themes_of([text], codebook, lemma_nlp)[text]


@pytest.mark.parametrize("text, code", [
    ("Pour que ça marche, il faut du temps.", "marche-public"),
    ("On a pris quelqu'un d'autre en attendant.", "relances-attente"),
    ("Le service chargé de la paie a répondu.", "charge-travail"),
    ("Il n'y a rien de positif à en dire.", "appreciation"),
    ("Nous avons rendez-vous à 11h au ministère.", "volume-montants"),
])
def test_no_match_on_look_alikes(text, code, codebook, lemma_nlp):
    assert code not in themes_of([text], codebook, lemma_nlp)[text]


def test_accent_and_case_insensitive(tmp_path, lemma_nlp):
    (tmp_path / "codebook.yml").write_text(textwrap.dedent("""
        codes:
          - id: echeances
            label: Échéances
            patterns:
              - ECHEANCE
              - Délai De Réponse
    """), encoding="utf-8")
    codebook = load_codebook(tmp_path)
    texts = ["Les échéances approchent.", "Un DELAI DE REPONSE trop long.", "Une échelle."]
    found = themes_of(texts, codebook, lemma_nlp)
    assert found == {texts[0]: {"echeances"}, texts[1]: {"echeances", "delais"}, texts[2]: set()}


def test_notes_codebook_new_code_is_matched(tmp_path, lemma_nlp):
    (tmp_path / "codebook.yml").write_text(textwrap.dedent("""
        codes:
          - id: mobilite
            label: Mobilité du jeune
            parent: profil-jeune
            patterns:
              - transport en commun
              - [{LEMMA: déménager}]
    """), encoding="utf-8")
    text = "Elle a déménagé loin des transports en commun."
    codings = match_themes(pd.DataFrame({"statement_id": ["m1"], "text": [text]}),
                           codebook=load_codebook(tmp_path), nlp=lemma_nlp)
    row = codings.set_index("code").loc["mobilite"]
    assert row["matched"] == "déménagé; transports en commun"
    assert row["pattern"] == "mobilite#1; mobilite#0"


def test_codings_rows(codebook, lemma_nlp):
    statements = pd.DataFrame({
        "statement_id": ["a1", "a2", "a3"],
        "text": [
            "Pas de retour de l'entreprise, on l'a relancée deux fois.",
            "Il pleuvait ce matin-là.",
            None,
        ],
    })
    codings = match_themes(statements, codebook=codebook, nlp=lemma_nlp)
    assert tuple(codings.columns) == CODINGS_COLUMNS
    assert set(codings["statement_id"]) == {"a1"}
    assert not codings.duplicated(["statement_id", "code"]).any()
    row = codings.set_index("code").loc["relances-attente"]
    assert (row["origin"], row["coder"]) == ("auto", "auto")
    assert row["matched"] == "Pas de retour; relancée"
    assert all(re.fullmatch(r"relances-attente#\d+", pid) for pid in row["pattern"].split("; "))


def test_no_theme_gives_no_row(codebook, lemma_nlp):
    statements = pd.DataFrame({"statement_id": ["x"], "text": ["Il fait beau aujourd'hui."]})
    codings = match_themes(statements, codebook=codebook, nlp=lemma_nlp)
    assert codings.empty
    assert tuple(codings.columns) == CODINGS_COLUMNS


def test_missing_columns_are_reported(codebook, lemma_nlp):
    with pytest.raises(ValueError, match=r"missing \['statement_id'\]"):
        match_themes(pd.DataFrame({"text": ["x"]}), codebook=codebook, nlp=lemma_nlp)


def test_pipeline_without_lemmas_is_refused(codebook):
    with pytest.raises(ValueError, match="sets lemmas"):
        ThemeMatcher(codebook, load_nlp(components=SENTENCES))


def test_phrase_matcher_gives_what_the_matcher_gives(codebook, lemma_nlp):
    """The PhraseMatcher shortcut must find exactly the Matcher's spans."""
    reference = Matcher(lemma_nlp.vocab)
    for code, patterns in codebook.patterns.items():
        for index, pattern in enumerate(patterns):
            reference.add(f"{code}#{index}", [pattern])
    theme_matcher = ThemeMatcher(codebook, lemma_nlp)
    texts = [
        "On ne savait pas à qui s'adresser : beaucoup d'intervenants, aucun retour.",
        "La jeune est partie avant la fin, du jour au lendemain, sans CV ni lettre de motivation.",
        "Il faudrait préparer les entreprises et rappeler le calendrier scolaire.",
    ]
    for doc in lemma_nlp.pipe(texts):
        expected = {(doc.vocab.strings[m], s, e) for m, s, e in reference(doc)}
        shadow = theme_matcher.phrases(ThemeMatcher.shadow(doc))
        found = {(doc.vocab.strings[m], s, e) for m, s, e in shadow + theme_matcher.matcher(doc)}
        assert found == expected


def test_half_of_the_reference_interviews_get_a_theme(codebook, lemma_nlp):
    """Codebook quality guard on the reference notes (list items of the interviews)."""
    if not REFERENCE_NOTES.exists():
        pytest.skip(f"{REFERENCE_NOTES} is absent")
    text = REFERENCE_NOTES.read_text(encoding="utf-8")
    interviews = text[text.index("## Entretiens"):]
    items = [line[2:] for line in interviews.splitlines() if line.startswith("- ")]
    sentences = [s.text for doc in load_nlp(components=SENTENCES).pipe(items) for s in doc.sents]
    found = themes_of(sentences, codebook, lemma_nlp)
    coverage = sum(bool(codes) for codes in found.values()) / len(found)
    assert len(found) > 50
    assert coverage >= 0.5, f"only {coverage:.0%} of {len(found)} statements get a theme"


# --- csf_analysis.reading.nlp, the loader theme matching relies on ---------------------

def test_load_nlp_is_cached_and_keeps_only_the_preset(lemma_nlp):
    assert load_nlp(components=LEMMAS) is lemma_nlp
    assert lemma_nlp.pipe_names == list(LEMMAS)
    sentences = load_nlp(components=SENTENCES)
    assert sentences.pipe_names == ["senter"]
    doc = sentences("On a relancé deux fois. Personne n'a répondu.")
    assert [s.text for s in doc.sents] == ["On a relancé deux fois.", "Personne n'a répondu."]


def test_missing_model_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(config, "SPACY_MODEL", "fr_modele_absent_sm")
    with pytest.raises(ModelNotInstalled, match=r"pip install fr_modele_absent_sm.*make install"):
        load_nlp(components=SENTENCES)
    with pytest.raises(ModelNotInstalled):
        model_info()


def test_unknown_component_is_refused():
    with pytest.raises(ValueError, match=r"Unknown spaCy component.*'parsr'"):
        load_nlp(components=("parsr",))


def test_model_info():
    info = model_info()
    assert info["name"] == "fr_core_news_sm"
    assert info["version"].startswith("3.8")
    assert info["spacy_version"].startswith("3.8")
    assert "lemmatizer" in info["pipeline"]


@pytest.mark.parametrize("text, code", [
    # issue 14: on a real team's notes, about one auto theme in five was wrong, so
    ("La MLDS a envoyé la liste des jeunes.", "accompagnement"),       # an institution
    ("Le cahier des charges fixe 300 heures.", "charge-travail"),      # an ambiguous word
    ("L'équipe partage ses apprentissages du premier terrain.", "perspectives-embauche"),
])
def test_an_actor_named_or_an_ambiguous_word_is_no_theme(text, code, codebook, lemma_nlp):
    assert code not in themes_of([text], codebook, lemma_nlp)[text]


@pytest.mark.parametrize("text, code", [
    ("La tutrice accompagne le jeune sur le chantier.", "accompagnement"),
    ("Le rôle du tuteur n'est pas clair.", "accompagnement"),
    ("L'acheteur pourrait suivre les parcours.", "role-acheteur"),
    ("La charge de travail est énorme pour une seule personne.", "charge-travail"),
    ("Il voudrait signer un contrat d'apprentissage.", "perspectives-embauche"),
])
def test_what_actors_do_still_makes_the_theme(text, code, codebook, lemma_nlp):
    assert code in themes_of([text], codebook, lemma_nlp)[text]
