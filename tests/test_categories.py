"""Tests for csf_analysis.coding.rules (the category rules) and the categories pipeline."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from csf_analysis.coding.codebook import load_codebook
from csf_analysis.coding.codings import auto_code
from csf_analysis.coding.rules import (
    DEFAULT_RULE,
    INFERABLE,
    LEXICONS,
    PHRASES,
    RULES,
    SECTION_CUES,
    future_stem,
    in_section,
    infer_category,
    is_conditional,
    past_events,
    sentence,
)
from csf_analysis.corpus import load_corpus
from csf_analysis.reading.nlp import LEMMAS, load_nlp
from csf_analysis.text import fold

ROOT = Path(__file__).resolve().parents[1]
EVAL_CSV = ROOT / "benchmarks" / "data" / "category_eval.csv"
FIXTURE_NOTES = ROOT / "benchmarks" / "data" / "category_notes"
BLIND_NOTES = ROOT / "benchmarks" / "data" / "category_blind"
BLIND_CSV = ROOT / "benchmarks" / "data" / "category_blind.csv"
REFERENCE = "entretien-entreprises.md"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(components=LEMMAS)


def categorise(nlp, text: str, **kwargs) -> tuple[str, str]:
    return infer_category(nlp(text), **kwargs)


# One fixture of our own per category, with the rule family expected to fire.
SENTENCES = {
    "meta": [
        ("Entretien réalisé par téléphone, la ligne coupait souvent.", "meta:interview"),
        ("fin de la session", "meta:interview"),  # what a timestamp line leaves
        ("Merci pour le temps que vous nous avez accordé.", "meta:interview"),
        ("Les questions de la deuxième partie étaient trop longues.", "meta:interview"),
    ],
    "context": [
        ("Je suis responsable des achats depuis 2018.", "context:role"),
        ("Mon supérieur valide chaque convention de stage.", "context:hierarchy"),
        ("PME de 45 salariés, un seul site.", "context:organisation"),
        ("Je coordonne les tutrices de deux lycées.", "context:own-work"),
        ("Nous travaillons surtout la confiance en soi.", "context:own-work"),
        ("J'ai suivi une formation d'acheteur public en 2017.", "context:experience"),
        ("Je n'avais jamais utilisé de plateforme de ce type.", "context:experience"),
    ],
    "suggestions": [
        ("Il faudrait prévenir l'entreprise plus tôt.", "suggestions:wish-verb"),
        ("On gagnerait à simplifier la convention.", "suggestions:wish-verb"),
        ("J'aimerais un interlocuteur unique au rectorat.", "suggestions:wish-verb"),
        ("Envoyer la fiche du jeune une semaine avant son arrivée.", "suggestions:infinitive"),
        ("Simplifier le formulaire d'inscription.", "suggestions:infinitive"),
        ("Plus de visibilité sur le calendrier des relances.", "suggestions:nominal"),
        ("Un référent unique par académie.", "suggestions:nominal"),
        ("Le calendrier des relances ?", "suggestions:verbless-question"),
        ("Entretien suivant : préparer une grille plus courte.", "suggestions:infinitive"),
    ],
    "feelings": [
        ("J'ai beaucoup apprécié son sérieux.", "feelings:emotion"),
        ("Ça nous a vraiment découragés.", "feelings:emotion"),
        ("Le tableau de bord est très pratique.", "feelings:appraisal"),
        ("je ne trouve pas le bouton d'inscription", "feelings:not-found"),
    ],
    "representation": [
        ("Les entreprises ne lisent pas les conventions.", "representation:generic-present"),
        ("C'est une obligation du marché.", "representation:definition"),
        ("Pour moi les jeunes ont surtout besoin de confiance.", "representation:opinion"),
        ("On pensait que le jeune viendrait avec son tuteur.", "representation:judgement"),
        ("Si on nous avait prévenus, on aurait préparé son poste.",
         "representation:counterfactual"),
        ("C'est une affaire de confiance.", "representation:definition"),
        ("Les familles hésitent souvent à signer la convention.", "representation:frequency"),
        ("L'entreprise oublie parfois de répondre.", "representation:frequency"),
        ("Le planning n'est connu que du chef d'équipe.", "representation:frequency"),
        ("Ça va simplifier le suivi des parcours.", "representation:expected-effect"),
    ],
    "facts": [
        ("Le jeune est arrivé le 3 février.", "facts:dated"),
        ("Nous avons envoyé deux relances à l'entreprise.", "facts:past"),
        ("je clique sur l'onglet des parcours", "facts:think-aloud"),
        ("La convention compte douze pages.", DEFAULT_RULE),
        ("La tutrice a expliqué que le dispositif est obligatoire.", "facts:reported"),
        ("Le jeune est arrivé lundi, il a été accueilli par le chef d'atelier et il a trouvé "
         "le rythme difficile.", "facts:narrative"),
        ("la tutrice envoie la fiche à l'acheteur", DEFAULT_RULE),  # a process step
        ("La tutrice principale a relancé l'entreprise.", "facts:past"),
        ("On a regardé le plus possible de parcours.", "facts:past"),
    ],
}


@pytest.mark.parametrize("text,section,expected", [
    ("Dix ans dans la restauration.", "Préambule : votre parcours ?",
     ("context", "context:section")),
    ("Avec des exemples de missions.", "Si vous aviez une idée à proposer ?",
     ("suggestions", "suggestions:section")),
    ("Un autre exemple : aucun retour du tuteur.", "Si vous aviez une idée à proposer ?",
     ("facts", DEFAULT_RULE)),
    ("Avec des exemples de missions.", "Déroulé de la visite", ("facts", DEFAULT_RULE)),
])
def test_section_heading_decides_when_the_sentence_says_nothing(nlp, text, section, expected):
    assert categorise(nlp, text, section=section) == expected


def test_section_cues_match_whole_words_only(nlp):
    s = sentence(nlp("Une visite du site."), section="Interactions avec le lycée")
    assert not in_section(s, "suggestions")  # "interactions" is no "action"
    assert in_section(sentence(nlp("Une visite."), section="Actions à mener"), "suggestions")


def test_misread_pronoun_and_conditional_are_repaired(nlp):
    assert sentence(nlp("Ca marche bien.")).pos[0] == "PRON"
    s = sentence(nlp("Les acheteuses aimerais suivre leurs parcours."))
    i = s.lower.index("aimerais")
    assert is_conditional(s, i)


def test_past_events_counts_compound_tenses_not_states(nlp):
    assert past_events(sentence(nlp("Il est arrivé lundi et il a été accueilli."))) == 2
    assert past_events(sentence(nlp("C'est lié au calendrier scolaire."))) == 0


@pytest.mark.parametrize("category,text,rule", [
    (category, text, rule) for category, cases in SENTENCES.items() for text, rule in cases])
def test_each_rule_family(nlp, category, text, rule):
    assert categorise(nlp, text) == (category, rule)


def test_speaker_turn_is_an_event_unless_a_strong_cue_says_otherwise(nlp):
    offer = "on pourrait vous proposer deux profils la semaine prochaine."
    assert categorise(nlp, offer)[0] == "suggestions"
    assert categorise(nlp, offer, speaker="Tutrice pilote") == ("facts", "facts:speaker-turn")
    wish = "il faudrait nous prévenir plus tôt."
    assert categorise(nlp, wish, speaker="Entreprise")[0] == "suggestions"


def test_relative_clause_conditional_is_not_a_wish(nlp):
    text = "Je ne trouve pas les tâches que pourraient faire les jeunes."
    assert categorise(nlp, text)[0] != "suggestions"


def test_conditional_is_read_from_the_form_not_only_the_tagger(nlp):
    s = sentence(nlp("On gagnerait à préparer le tuteur."))
    assert s.mood[1] != "Cnd"  # the small model calls it an imperfect ...
    assert is_conditional(s, 1)  # ... the future stem says conditional
    imperfect = sentence(nlp("On comptait sur elle."))
    assert not is_conditional(imperfect, 1)


@pytest.mark.parametrize("lemma,stem", [
    ("gagner", "gagner"), ("prendre", "prendr"), ("falloir", "faudr"), ("finir", "finir")])
def test_future_stem(lemma, stem):
    assert future_stem(lemma) == stem


def test_lexicons_and_phrases_are_folded():
    unfolded = [w for words in LEXICONS.values() for w in words if fold(w) != w]
    unfolded += [p for phrases in PHRASES.values() for p in phrases if fold(p) != p]
    unfolded += [c for cues in SECTION_CUES.values() for c in cues if fold(c) != c]
    assert unfolded == []


def test_rule_ids_are_unique_and_name_an_inferable_category():
    ids = [rule_id for rule_id, _ in RULES]
    assert len(ids) == len(set(ids))
    assert {rule_id.split(":")[0] for rule_id in ids} <= set(INFERABLE)


def test_deterministic(nlp):
    texts = [text for cases in SENTENCES.values() for text, _ in cases]
    first = [infer_category(doc) for doc in nlp.pipe(texts)]
    second = [infer_category(doc) for doc in nlp.pipe(reversed(texts))]
    assert first == second[::-1]


def statements_table(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame({
        "statement_id": [f"s{i}" for i in range(len(rows))],
        "text": [text for text, _, _ in rows],
        "category": [category for _, category, _ in rows],
        "category_origin": [origin for _, _, origin in rows],
        "speaker": "", "section": "",
    })


def test_the_coding_stage_infers_only_where_the_structure_is_silent(nlp):
    table = statements_table([
        ("Il faudrait un contact unique.", "facts", "inferred"),      # placeholder
        ("Il faudrait un contact unique.", "feelings", "structure"),  # heading said so
        ("Je suis DRH.", "facts", ""),
    ]).assign(statement_id=["a", "b", "c"], source_file="n.md")
    before = table.copy()
    coded = auto_code(table, codebook=load_codebook(), nlp=nlp)
    assert {sid: found[:2] for sid, found in coded["categories"].items()} == {
        "a": ["suggestions", "suggestions:wish-verb"], "c": ["context", "context:role"]}
    pd.testing.assert_frame_equal(table, before)  # the input is untouched


def test_reference_structure_categories_survive_the_coding_stage(nlp):
    statements = load_corpus(ROOT / "interviews", cache_dir=None, code=False,
                             progress=False).statements
    structured = statements["category_origin"] == "structure"
    assert structured.sum() > 50
    coded = auto_code(statements, codebook=load_codebook(), nlp=nlp)
    assert set(coded["categories"]) == set(statements.loc[~structured, "statement_id"])
    assert {category for category, *_ in coded["categories"].values()} <= {*INFERABLE, "question"}


def test_eval_set_keeps_held_out_notes_out_of_the_repo():
    with open(EVAL_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 150
    held_out = [r for r in rows if r["corpus"] == "notes" and r["source_file"] != REFERENCE]
    assert held_out and all(r["text"] == "" for r in held_out)
    assert all(len(r["text_sha1"]) == 40 and r["category"] for r in rows)


def test_eval_set_matches_the_fixture_notes():
    statements = load_corpus(FIXTURE_NOTES, cache_dir=None, code=False, progress=False).statements
    found = {(row.source_file, int(row.line), hashlib.sha1(row.text.encode()).hexdigest())
             for row in statements.itertuples()}
    with open(EVAL_CSV, encoding="utf-8", newline="") as handle:
        labels = [r for r in csv.DictReader(handle) if r["corpus"] == "fixtures"]
    assert {(r["source_file"], int(r["line"]), r["text_sha1"]) for r in labels} == found


def test_blind_set_labels_every_statement_of_the_blind_notes():
    statements = load_corpus(BLIND_NOTES, cache_dir=None, code=False, progress=False).statements
    found = sorted((row.source_file, int(row.line), row.text) for row in statements.itertuples())
    with open(BLIND_CSV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted((r["source_file"], int(r["line"]), r["text"]) for r in rows) == found
    assert len(rows) >= 200 and len({r["source_file"] for r in rows}) >= 4
    assert {r["category"] for r in rows} <= {*INFERABLE, "question"}
    assert all(r["note"] for r in rows)
