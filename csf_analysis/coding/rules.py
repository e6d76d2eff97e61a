"""The category rules: ordered rules on a statement's tokens, read once.

The first stage of :mod:`csf_analysis.coding.categories` (which the product
calls). A statement that no heading or label placed (``category_origin`` is not
``structure``) gets a category from ordered rules on its tokens, as tagged by
the :data:`csf_analysis.reading.nlp.LEMMAS` pipeline: lemmas, part of speech and
morphology (mood, tense, verb form). The first rule of :data:`RULES` that
matches wins; its id (``family:name``) goes to ``category_rule`` so that a
researcher can see why. The words the rules look for are in :data:`LEXICONS`
and :data:`PHRASES`, folded (lowercase, no accents: :func:`csf_analysis.text.fold`).

Where the sentence itself says nothing, the heading it sits under may:
:data:`SECTION_CUES` lists the words of a heading that asks about the speaker
("Préambule", "Ton poste ?") or for proposals ("Si tu avais une action à
tenter ?"); those rules come after the strong cues of the sentence (mood,
emotion, role, proposal), before the weak ones (a judgement word, a tense).

The small French model often tags a conditional as an imperfect
("faudrait": ``Tense=Imp``) and a capitalised infinitive as a proper noun
("Changer l'ordre"), even a conditional as an adjective ("aimerais") and
"Ca" as punctuation; the rules therefore recognise the conditional from the
future stem of a known verb, an infinitive from the lemmatizer's verb list,
and repair the part of speech of a few pronouns.

Measured on hand-coded statements by ``benchmarks/category_eval.py``.

Example:
    >>> from csf_analysis.reading.nlp import LEMMAS, load_nlp
    >>> nlp = load_nlp(components=LEMMAS)
    >>> infer_category(nlp("Il faudrait un contact unique."))
    ('suggestions', 'suggestions:wish-verb')
    >>> infer_category(nlp("Je suis DRH."))
    ('context', 'context:role')
    >>> infer_category(nlp("On a relancé l'acheteur en mars 2019."))
    ('facts', 'facts:dated')
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.tokens import Doc

from ..reading.nlp import LEMMAS, load_nlp
from ..text import fold
from ..words import WORDS

INFERABLE = ("facts", "representation", "feelings", "context", "suggestions", "meta")
DEFAULT_RULE = "facts:default"

# Words the rules look for, folded (data/words.yml, category_rules): a token belongs
# to a lexicon when its lemma, its form or its form without plural/feminine ending is
# listed. "months" are the calendar's, folded.
LEXICONS: dict[str, frozenset[str]] = {
    **{name: frozenset(words) for name, words in WORDS["category_rules"]["lexicons"].items()},
    "months": frozenset(fold(month) for month in WORDS["calendar"]["months"]),
}

# Words of a section heading (folded) that say what its statements are about,
# for statements with no cue of their own: a question heading such as
# "Peux-tu te présenter ?" or "Si tu avais une action à tenter ?".
SECTION_CUES: dict[str, tuple[str, ...]] = {
    family: tuple(cues) for family, cues in WORDS["category_rules"]["section_cues"].items()}

# Multi-word cues, matched on the folded lemmas or the folded forms ("opinion" only
# at the head of the statement).
PHRASES: dict[str, tuple[str, ...]] = {
    family: tuple(cues) for family, cues in WORDS["category_rules"]["phrases"].items()}

# Conditional forms the future stem rule cannot derive from the lemma.
FUTURE_STEMS: dict[str, str] = dict(WORDS["category_rules"]["future_stems"])

_FIRST_PERSON = frozenset({"je", "me", "moi", "mon", "ma", "mes", "nous", "notre", "nos"})
_RELATIVES = frozenset({"qui", "que", "ou", "dont", "lequel", "laquelle", "lesquels"})
_COND_ENDINGS = ("aient", "ais", "ait", "ions", "iez")
_HEAD_SKIP = frozenset({"bien", "mieux", "toujours", "aussi", "surtout", "vraiment", "egalement",
                        "systematiquement", "davantage", "ne", "pas", "plus", "et", "puis",
                        "ensuite", "enfin", "donc"})
_GENERIC_SUBJECTS = frozenset({"beaucoup", "certains", "certaines", "tous", "toutes",
                               "plusieurs", "personne", "peu"})
_TRAINING_VERBS = frozenset({"suivre", "faire", "avoir", "passer", "obtenir", "etre", "former"})
# Judgement adjectives that judge only a judgement noun ("le problème principal"),
# not an actor ("la tutrice principale").
_WEAK_JUDGEMENTS = frozenset({"principal", "majeur"})
# Nouns that head an observation, not a proposal ("Des difficultés sur ...").
_NOT_PROPOSALS = frozenset({"difficulte", "probleme", "souci"})
_INTERROGATIVES = frozenset({"qui", "quoi", "comment", "ou", "quand", "pourquoi"})
_ATTRS = [ORTH, LEMMA, POS, MORPH]


@dataclass(frozen=True)
class Sentence:
    """The token features the rules and the trained model read, extracted once per
    statement (the model's are in :func:`csf_analysis.coding.category_model.analyse`)."""

    lower: tuple[str, ...]   # folded forms
    lemma: tuple[str, ...]   # folded lemmas
    base: tuple[str, ...]    # folded forms without plural/feminine ending ("claires" -> "clair")
    pos: tuple[str, ...]
    mood: tuple[str, ...]    # Mood: "Cnd", "Ind", "Sub", "Imp" or ""
    tense: tuple[str, ...]   # Tense: "Pres", "Past", "Imp", "Fut" or ""
    form: tuple[str, ...]    # VerbForm: "Inf", "Fin", "Part" or ""
    tags: tuple[frozenset[str], ...]  # the LEXICONS each token belongs to
    tagged: tuple[str, ...]  # the POS as the model tagged it ("" if none), before repair
    person: tuple[str, ...]  # Person: "1", "2", "3" or ""
    speaker: str
    section: str  # the heading or label above the statement, folded

    def hit(self, i: int, lexicon: str) -> bool:
        """True when token ``i`` belongs to ``LEXICONS[lexicon]``."""
        return lexicon in self.tags[i]

    @functools.cached_property
    def tagset(self) -> frozenset[str]:
        """Every lexicon some token belongs to: lets a rule skip a sentence at once."""
        return frozenset().union(*self.tags)

    @functools.cached_property
    def words(self) -> list[int]:
        """Indices of the word tokens (no punctuation, no bullet)."""
        return [i for i, p in enumerate(self.pos)
                if p not in ("PUNCT", "SYM") and self.lower[i] not in ("-", "*")]

    @functools.cached_property
    def head(self) -> int:
        """Index of the first word after a short leading label ("Piste : ..."), or -1."""
        words = self.words
        if not words:
            return -1
        colon = self.lower.index(":") if ":" in self.lower else -1
        after = [i for i in words if i > colon]
        return after[0] if 0 < colon <= 4 and after else words[0]

    @functools.cached_property
    def conditionals(self) -> list[int]:
        """Conditional verbs of the main clause (see :func:`main_conditionals`)."""
        return main_conditionals(self)

    @functools.cached_property
    def padded(self) -> tuple[str, str]:
        """Lemmas and forms joined by spaces, padded, for phrase look-ups."""
        return f" {' '.join(self.lemma)} ", f" {' '.join(self.lower)} "

    def has_phrase(self, family: str) -> bool:
        """True when a phrase of ``PHRASES[family]`` is in the lemmas or the forms."""
        lemmas, forms = self.padded
        return any(f" {p} " in lemmas or f" {p} " in forms for p in PHRASES[family])

    def first_person(self) -> bool:
        """True when a first-person pronoun or possessive occurs."""
        return any(lemma in _FIRST_PERSON and pos in ("PRON", "DET")
                   for lemma, pos in zip(self.lemma, self.pos))


def sentence(doc: Doc, *, speaker: str = "", section: str = "") -> Sentence:
    """Extract the features of ``doc`` that the rules need (one pass over its arrays)."""
    strings = doc.vocab.strings
    rows = [_features(strings, *hashes) for hashes in doc.to_array(_ATTRS).tolist()]
    rows = [row for row in rows if row[3] != "SPACE"]
    columns = list(zip(*rows)) if rows else [()] * 10
    lower, lemma, base, pos, mood, tense, form, tags, tagged, person = columns
    return Sentence(lower, lemma, base, pos, mood, tense, form, tags, tagged, person,
                    fold(speaker or ""), fold(section or ""))


_FEATURES: dict[tuple[int, int, int, int], tuple] = {}
# Words the small model tags wrongly often enough to matter ("Ca" as punctuation).
_POS_FIXES = {"ca": "PRON", "cela": "PRON"}  # keys folded: "Ça", "çà" -> "ca"


def _features(strings, orth: int, lemma: int, pos: int, morph: int) -> tuple:
    """(lower, lemma, base, pos, mood, tense, form, tags, tagged, person) of a token,
    cached by its hashes."""
    key = (orth, lemma, pos, morph)
    found = _FEATURES.get(key)
    if found is None:
        lower = fold(strings[orth])
        folded = fold(strings[lemma]) if lemma else lower
        base = _base(lower)
        feats = dict(f.split("=", 1) for f in strings[morph].split("|") if "=" in f) \
            if morph else {}
        tags = frozenset(name for name, words in LEXICONS.items()
                         if folded in words or lower in words or base in words)
        tagged = strings[pos] if pos else ""
        found = (lower, folded or lower, base, _POS_FIXES.get(lower, tagged),
                 feats.get("Mood", ""), feats.get("Tense", ""), feats.get("VerbForm", ""), tags,
                 tagged, feats.get("Person", ""))
        if len(_FEATURES) < 200_000:
            _FEATURES[key] = found
    return found


def _base(word: str) -> str:
    """Strip a plural then a feminine ending: "concluantes" -> "concluant"."""
    if len(word) > 4 and word.endswith(("s", "x")):
        word = word[:-1]
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


# --- morphology the model gets wrong --------------------------------------------

@functools.lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """Every verb lemma the model's lemmatizer knows (folded), to spot infinitives."""
    lemmatizer: Any = load_nlp(components=LEMMAS).get_pipe("lemmatizer")
    lookups = lemmatizer.lookups
    index = set(lookups.get_table("lemma_index")["verb"])
    for lemmas in lookups.get_table("lemma_exc")["verb"].values():
        index.update(lemmas)
    return frozenset(fold(verb) for verb in index)


def future_stem(lemma: str) -> str:
    """The stem of the future and conditional: "gagner" -> "gagner", "prendre" -> "prendr"."""
    if lemma in FUTURE_STEMS:
        return FUTURE_STEMS[lemma]
    return lemma[:-1] if lemma.endswith("re") else lemma


def is_conditional(s: Sentence, i: int) -> bool:
    """True when token ``i`` is a verb in the conditional ("faudrait", "aimerais").

    A word the tagger took for an adjective or a noun ("aimerais": ``ADJ``) is
    a conditional when its stem is the future stem of a known verb.
    """
    if s.pos[i] not in ("VERB", "AUX", "ADJ", "NOUN"):
        return False
    word = s.lower[i]
    ending = next((e for e in _COND_ENDINGS if word.endswith(e) and len(word) > len(e) + 2), "")
    stem = word[: -len(ending)] if ending else ""
    if not stem.endswith("r"):
        return False  # "connaissais", "comptait": an imperfect, whatever the tagger says
    if s.pos[i] in ("ADJ", "NOUN"):
        return stem in _future_stems()
    return s.mood[i] == "Cnd" or stem == future_stem(s.lemma[i])


@functools.lru_cache(maxsize=1)
def _future_stems() -> frozenset[str]:
    """The future stems of every verb the lemmatizer knows ("aimer", "prendr", "faudr")."""
    return frozenset(future_stem(verb) for verb in verb_lemmas())


def is_infinitive(s: Sentence, i: int) -> bool:
    """An infinitive by morphology, or a capitalised verb tagged as a noun ("Changer")."""
    if s.form[i] == "Inf" and s.pos[i] in ("VERB", "AUX"):
        return True
    return s.pos[i] in ("PROPN", "NOUN", "ADJ", "VERB") \
        and s.lower[i].endswith(("er", "ir", "re", "oir")) and s.lower[i] in verb_lemmas()


def _past_participle_after(s: Sentence, i: int, *, span: int = 3) -> bool:
    return any(s.form[j] == "Part" for j in range(i + 1, min(i + 1 + span, len(s.form))))


def main_conditionals(s: Sentence) -> list[int]:
    """Conditional verbs before any relative clause, past conditionals left out.

    "les tâches que pourraient réaliser ..." is no wish of the speaker's, nor
    is "on les aurait reçus"; "il aurait fallu" still is.
    """
    found = []
    for i in range(len(s.lower)):
        if s.lemma[i] in _RELATIVES and s.pos[i] in ("PRON", "SCONJ"):
            break
        if not is_conditional(s, i):
            continue
        regret = {"falloir", "valoir"} & set(s.lemma[i + 1:i + 3])  # "il aurait fallu"
        if s.pos[i] == "AUX" and _past_participle_after(s, i, span=2) and not regret:
            continue
        found.append(i)
    return found


def _measured(s: Sentence) -> bool:
    """A number with a time or money unit ("2 ans", "150h", "40K Euros")."""
    for i, word in enumerate(s.lower):
        if s.pos[i] == "NUM" or word[:1].isdigit():
            following = s.lemma[i + 1] if i + 1 < len(s.lemma) else ""
            if following in LEXICONS["time_units"] or word.rstrip("0123456789") in ("h", "k", "%"):
                return True
    return False


def _label_then_infinitive(s: Sentence) -> bool:
    """A short label, then an infinitive: "Test utilisateur : faire une page ..."."""
    i = s.head
    return 0 < i and ":" in s.lower[:i] and is_infinitive(s, i)


def in_section(s: Sentence, family: str) -> bool:
    """True when the statement's section heading has a cue of ``SECTION_CUES[family]``."""
    if not s.section:
        return False
    padded = f" {''.join(ch if ch.isalnum() or ch == '-' else ' ' for ch in s.section)} "
    return any(f" {cue}" in padded for cue in SECTION_CUES[family])


def _verbless(s: Sentence) -> bool:
    """No finite verb after the leading label ("Une carte des parcours", "Lien vers ...")."""
    start = max(s.head, 0)
    return not any(s.form[i] == "Fin" for i in s.words if i >= start)


def past_events(s: Sentence) -> int:
    """How many compound past tenses ("a changé", "avait reçu", "a été retiré") occur;
    "c'est lié" is a state, not an event."""
    count = 0
    for i in range(len(s.lemma)):
        if s.pos[i] != "AUX" or s.form[i] != "Fin" or is_conditional(s, i):
            continue
        if s.lemma[i] == "etre" and i > 0 and s.lemma[i - 1] in ("ce", "ca", "cela"):
            continue
        if _past_participle_after(s, i):
            count += 1
    return count


def _subject_is_speaker(s: Sentence, i: int) -> bool:
    """True when "je" stands among the four tokens before token ``i``."""
    return "je" in s.lemma[max(0, i - 4):i]


# --- meta -------------------------------------------------------------------------

def _meta(s: Sentence) -> bool:
    """"Test réalisé en visio", "Présents : ...", "Les questions étaient longues"."""
    words = s.words
    if not words or _label_then_infinitive(s):
        return False  # "Test utilisateur : faire une page ...": a proposal
    if s.hit(words[0], "meta_heads") or s.hit(words[0], "meta_nouns") or s.has_phrase("meta"):
        return True
    if len(words) <= 4 and any(s.lemma[i] in ("debut", "fin") and (
            i == words[-1] or s.hit(words[-1], "meta_nouns") or s.lemma[words[-1]] == "session")
            for i in words):
        return True  # "15:42 : début", "fin du test": what is left of a timestamp line
    for i in words[1:]:
        if s.hit(i, "meta_nouns") and s.lemma[i - 1] in ("le", "ce", "pendant"):
            return True  # "l'entretien", "pendant le test"; "un entretien" is a topic
        if s.lower[i] == "questions" and s.lemma[i - 1] in ("le", "ce"):
            return not (i > 1 and s.pos[i - 2] == "ADP")  # "à les questions": a topic
    return "=" in s.lower and len(words) <= 8  # "CSF = Clause Sociale de Formation"


# --- context ----------------------------------------------------------------------

def _role(s: Sentence) -> bool:
    """"Je suis DRH", "Acheteuse depuis 2 ans", "Chargé du suivi", "... comme moi"."""
    words = s.words
    if not words:
        return False
    if s.hit(words[0], "roles"):
        return "depuis" in s.lower or s.lower[words[0]] in ("charge", "chargee")
    if "roles" in s.tagset and any(s.lemma[i - 1] == "comme" and s.lemma[i] == "moi"
                                   for i in range(1, len(s.lemma))):
        return True
    for k, i in enumerate(words[:-1]):
        if s.lemma[i] == "je" and s.lemma[i + 1] in ("etre", "devenir"):
            following = words[k + 2:k + 5]
            if any(s.lower[j] in ("cote", "du", "sur", "dans", "a", "en") for j in following):
                return False  # "je suis toujours côté acheteur": a place, not a job
            acronym = any(s.pos[j] == "PROPN" and s.lower[j].isalpha() and len(s.lower[j]) <= 4
                          for j in following)
            return acronym or any(s.hit(j, "roles") for j in following)
    return False


def _hierarchy(s: Sentence) -> bool:
    """"Mon supérieur hiérarchique est ...", "J'ai un supérieur ... au lycée"."""
    for i in range(len(s.lemma) - 1):
        if s.hit(i + 1, "hierarchy"):
            if s.lemma[i] in ("mon", "ma", "notre"):
                return True
            if s.lemma[i] == "un" and s.lemma[i + 1] != "responsable" and s.first_person():
                return True
    return False


def _organisation(s: Sentence) -> bool:
    """"Société de 1000 personnes", "C'est une boite d'ingénieurs", "80 salariés"."""
    words = s.words
    for k, i in enumerate(words[:4]):
        if s.hit(i, "organisations") and k + 1 < len(words):
            described = s.lemma[words[k + 1]] == "de" or s.pos[words[k + 1]] == "ADJ"
            if described and (k == 0 or s.lemma[words[0]] in ("ce", "un", "nous", "on", "notre")):
                return True
    for i in words[1:]:
        if not s.hit(i, "workforce"):
            continue
        counted = i - 2 if s.lemma[i - 1] == "de" and i >= 2 else i - 1  # "une dizaine de"
        if s.pos[counted] == "NUM" or s.lower[counted].isdigit() \
                or s.lemma[counted] in ("dizaine", "centaine", "millier"):
            return True
    return False


def _own_work(s: Sentence) -> bool:
    """"J'ai beaucoup de travail", "Je coordonne ...", "Notre équipe compte ..."."""
    for i in range(len(s.lemma) - 1):
        if s.lemma[i] in ("mon", "ma", "notre") and s.hit(i + 1, "units"):
            return True
        if s.lemma[i] in ("on", "nous") and s.lemma[i + 1] == "travailler" \
                and s.tense[i + 1] == "Pres":
            return True  # "On travaille beaucoup l'image de soi": what the unit does
        if s.lemma[i] != "je":
            continue
        if s.hit(i + 1, "managing") and s.tense[i + 1] == "Pres":
            return True
        if s.lemma[i + 1] in ("avoir", "etre"):
            tail = s.lemma[i + 2:i + 9]
            if tail[:1] == ("pas",):  # "j'ai pas le temps" is workload, "j'ai pas lu" is not
                return "temps" in tail
            return any(lemma in LEXICONS["workload"] for lemma in tail)
    return False


def _experience(s: Sentence) -> bool:
    """The speaker's training or experience: "J'ai suivi le cursus acheteur",
    "Je n'avais jamais utilisé ce genre de site"."""
    if "je" not in s.lemma:
        return False
    for i in range(len(s.lemma) if "training" in s.tagset else 0):
        window = s.lemma[max(0, i - 6):i]
        if s.hit(i, "training") and "je" in window and _TRAINING_VERBS & set(window):
            return True  # "j'ai suivi le cursus", not "je pense à une personne diplômée"
    return "jamais" in s.lemma and any(
        s.form[i] == "Part" and s.lower[i].startswith(("utilis", "entendu", "travaill"))
        for i in range(len(s.lemma)))


def _context_section(s: Sentence) -> bool:
    """A statement under a heading about the speaker ("Préambule", "Ton poste ?")."""
    return in_section(s, "context")


# --- suggestions --------------------------------------------------------------------

def _wish_verb(s: Sentence) -> bool:
    """"Il faudrait", "j'aimerais", "ce serait bien", "il faut", "je propose", "Et si ...?"."""
    for i in s.conditionals:
        if s.hit(i, "wish_verbs"):
            return True
        if s.lemma[i] == "etre" and {"bien", "mieux", "utile", "bon", "interessant"} & set(s.lemma):
            return not _measured(s)
    for i, lemma in enumerate(s.lemma):
        if lemma == "falloir" and s.tense[i] == "Pres":
            return True
        if s.hit(i, "propose_verbs") and s.tense[i] == "Pres" and i > 0 \
                and s.lemma[i - 1] in ("je", "nous", "on"):
            return True
    if "peut-etre" in s.lower and "pouvoir" in s.lemma and "que" in s.lemma:
        return True  # "les pénalités, peut-être qu'on peut les ajuster"
    return s.has_phrase("suggestions")


def _head_infinitive(s: Sentence) -> bool:
    """"Faire un kit", "Rappeler ...", "Bien dire que ...", "A qui s'adresser ?"."""
    i = s.head
    if i < 0:
        return False
    while i < len(s.lemma) and (s.lemma[i] in _HEAD_SKIP or s.pos[i] == "PUNCT"):
        i += 1
    if i < len(s.lemma) and is_infinitive(s, i):
        return True
    if s.lower[-1:] != ("?",):
        return False
    return any(s.lemma[j] in _INTERROGATIVES and any(
        is_infinitive(s, k) for k in range(j + 1, min(j + 3, len(s.lemma))))
        for j in range(len(s.lemma) - 1))


def _conditional(s: Sentence) -> bool:
    """Any other conditional of the main clause, unless it estimates ("ça ferait 2 ans")."""
    return bool(s.conditionals) and not _measured(s)


def _nominal_wish(s: Sentence) -> bool:
    """"Plus d'information sur le jeune", "Piste : ..." (no finite verb)."""
    words = s.words
    if len(words) >= 2 and s.lemma[words[0]] in ("plus", "moins", "davantage", "mieux") \
            and s.lemma[words[1]] == "de" and not any(s.form[i] == "Fin" for i in words):
        return True
    if bool(words) and s.hit(words[0], "proposal_nouns") and ":" in s.lower:
        return True
    return bool(words) and s.lemma[words[0]] == "un" and _verbless(s) \
        and not {"judgements", "months"} & s.tagset and not _NOT_PROPOSALS & set(s.lemma) \
        and not _measured(s) and not _example(s)  # "Une personne dédiée au suivi"


def _verbless_question(s: Sentence) -> bool:
    """A question with no verb: "Le rôle de la MLDS ?", "Ou bien la tutrice ?"."""
    return s.lower[-1:] == ("?",) and _verbless(s)


def _proposal_section(s: Sentence) -> bool:
    """A verbless item under a heading that asks for proposals ("Si tu avais une action
    à tenter ?"): "Avec des vidéos de retours usagers"."""
    words = s.words
    return in_section(s, "suggestions") and _verbless(s) and not _example(s) \
        and not (words and s.lemma[words[0]] in ("aucun", "pas", "personne", "rien"))


def _example(s: Sentence) -> bool:
    """An example told ("Un autre exemple : 3 jeunes positionnés"), not "des exemples de"."""
    return any(s.lemma[i] == "exemple" and s.lower[i - 1] in ("un", "autre")
               for i in range(1, len(s.lemma)))


# --- feelings -----------------------------------------------------------------------

def _emotion(s: Sentence) -> bool:
    """Emotions and idioms, whoever feels them; not an emotion verb in the conditional
    ("ça rassurerait les acheteurs" is the benefit of a proposal)."""
    if s.has_phrase("feelings"):
        return True
    return "emotions" in s.tagset and any(
        s.hit(i, "emotions") and s.pos[i] in ("VERB", "NOUN", "ADJ", "AUX", "ADV")
        and not is_conditional(s, i) and not _purpose_infinitive(s, i)
        for i in range(len(s.lemma)))


def _purpose_infinitive(s: Sentence, i: int) -> bool:
    """An infinitive that says what an action was for ("pour rassurer sur le profil"),
    unless caused ("lui faire sentir")."""
    return s.form[i] == "Inf" and (i == 0 or s.lemma[i - 1] not in ("faire", "laisser"))


def _not_found(s: Sentence) -> bool:
    """The speaker cannot find something: "je ne vois pas où ...", "Je ne trouve pas ..."."""
    return any(s.lemma[i] in ("voir", "trouver") and s.form[i] == "Fin"
               and s.tense[i] == "Pres" and _subject_is_speaker(s, i)
               and "pas" in s.lemma[i + 1:i + 3] for i in range(1, len(s.lemma)))


def _appraisal(s: Sentence) -> bool:
    """"très pratique", "super clair", "Ça c'est bien", "l'échange de bonne qualité"."""
    for i in range(len(s.lemma) if "appraisals" in s.tagset else 0):
        if not s.hit(i, "appraisals") or s.pos[i] not in ("ADJ", "ADV", "NOUN", "VERB"):
            continue
        if s.lemma[i] != "bien":
            return True
        following = s.lower[i + 1] if i + 1 < len(s.lower) else "."
        if i >= 2 and s.lemma[i - 1] == "etre" and s.lemma[i - 2] in ("ce", "cela", "ca") \
                and (s.pos[i + 1:i + 2] in ((), ("PUNCT",)) or following in ("de", "d'", "que")):
            return True  # "Ça c'est bien.", "c'est bien d'avoir"; not "la fiche est bien ..."
    return {"intensifiers", "judgements"} <= s.tagset


def _judged_by_me(s: Sentence) -> bool:
    """A judgement of the speaker's own experience: "ça me semble long"."""
    return "judgements" in s.tagset and any(lemma in ("me", "moi") for lemma in s.lemma)


# --- representation -------------------------------------------------------------------

def _judgement_label(s: Sentence) -> bool:
    """A judgement noun as a label: "Frein : ...", "Gros problème : ..."."""
    words = s.words
    for k in (0, 1):
        if len(words) > k + 2 and s.hit(words[k], "judgements") \
                and s.lower[words[k] + 1:words[k] + 2] == (":",):
            return k == 0 or s.pos[words[0]] == "ADJ" or s.hit(words[0], "judgements")
    return False


def _opinion(s: Sentence) -> bool:
    """An opinion marker at the head: "Pour moi les entreprises ont peur ..."."""
    head = f" {' '.join(s.lemma[:4])} "
    return any(head.startswith(f" {phrase} ") for phrase in PHRASES["opinion"])


def _counterfactual(s: Sentence) -> bool:
    """A past or "si" conditional: "on les aurait reçus", "je ne serais pas arrivé ici"."""
    return any(s.pos[i] == "AUX" and is_conditional(s, i)
               and ("si" in s.lemma[:3] or _past_participle_after(s, i))
               for i in range(len(s.lemma)))


def _judgement(s: Sentence) -> bool:
    """Judgement, hedge or belief: "C'est une obligation", "peut-être", "On pensait que"."""
    if s.has_phrase("representation") or any(
            s.hit(i, "hedges") and not (i and s.lemma[i - 1] == "plus")  # "le plus possible"
            for i in range(len(s.lemma) if "hedges" in s.tagset else 0)):
        return True
    if "judgements" in s.tagset and any(s.hit(i, "judgements") and s.pos[i] in (
            "NOUN", "ADJ", "VERB", "ADV") and _strong_judgement(s, i) for i in range(len(s.lemma))):
        return True
    return "cognition" in s.tagset and any(
        s.hit(i, "cognition")
        and any(lemma in ("je", "on", "nous") for lemma in s.lemma[max(0, i - 6):i])
        for i in range(len(s.lemma)))


def _cest_noun(s: Sentence) -> bool:
    """A definition or judgement: "C'est une déformation d'acheteur" (not "c'est moi qui")."""
    for i in range(len(s.lemma) - 3):
        if s.lemma[i] in ("ce", "ca", "cela") and s.lemma[i + 1] == "etre" \
                and s.tense[i + 1] == "Pres" and s.lemma[i + 2] == "un" and s.pos[i + 3] == "NOUN":
            return "qui" not in s.lemma[i + 4:i + 6] and past_events(s) == 0
    return False


def _frequency(s: Sentence) -> bool:
    """How things usually go, not the speaker's habit: "Les acheteurs découvrent souvent
    la clause à la notification", "Le tableau n'est tenu à jour que par une personne"."""
    return ("frequency" in s.tagset or _restrictive(s)) and not s.conditionals \
        and not any(s.pos[i] == "AUX" and s.lemma[i] == "avoir" for i in s.words) \
        and not any(lemma in ("je", "me", "moi") for lemma in s.lemma) \
        and not any(s.form[i] == "Fin" and s.tense[i] in ("Imp", "Past") for i in s.words)


def _restrictive(s: Sentence) -> bool:
    """"ne ... que" meaning "only" ("n'est tenu à jour que par"), not "ne pense pas que"."""
    for i, lemma in enumerate(s.lemma):
        if lemma == "ne":
            between = s.lemma[i + 1:i + 7]
            return "que" in between and not {"pas", "plus", "jamais"} & set(
                between[:between.index("que")] if "que" in between else between)
    return False


def _expected_effect(s: Sentence) -> bool:
    """What something will bring: "Ça va démocratiser la CSF"."""
    return any(s.lemma[i] in ("ce", "ca", "cela") and s.lemma[i + 1] == "aller"
               and s.tense[i + 1] == "Pres" and is_infinitive(s, i + 2)
               for i in range(len(s.lemma) - 2))


def _strong_judgement(s: Sentence, i: int) -> bool:
    """False for "principal" or "majeur" away from another judgement word."""
    if s.lemma[i] not in _WEAK_JUDGEMENTS and s.base[i] not in _WEAK_JUDGEMENTS:
        return True
    return any(s.hit(j, "judgements") and s.lemma[j] not in _WEAK_JUDGEMENTS
               for j in range(max(0, i - 2), min(len(s.lemma), i + 3)) if j != i)


def _generic_present(s: Sentence) -> bool:
    """A generic present about actors: "Les entreprises ne répondent pas", "Beaucoup ont ..."."""
    words = s.words
    finite = [i for i in words if s.form[i] == "Fin"]
    if not finite or s.tense[finite[0]] != "Pres":
        return False
    subject = [i for i in words if i < finite[0]]
    if len(subject) == 1 and s.lower[subject[0]] in _GENERIC_SUBJECTS:
        return True
    return bool(subject) and any(s.hit(i, "actors") for i in subject) \
        and s.lower[subject[0]] in ("les", "des", "beaucoup", "tous", "toutes", "certains")


# --- facts --------------------------------------------------------------------------

def _reported(s: Sentence) -> bool:
    """Someone else's words reported: "L'acheteuse a rappelé que la clause est ..."."""
    return "reporting" in s.tagset and any(
        s.hit(i, "reporting") and s.form[i] == "Part" and s.pos[i - 1] == "AUX"
        and "que" in s.lemma[i + 1:i + 3] and not _subject_is_speaker(s, i)
        for i in range(1, len(s.lemma)))


def _narrative(s: Sentence) -> bool:
    """Two events or more told in the past: an account, whatever it judges on the way."""
    return past_events(s) >= 2 and "jamais" not in s.lemma  # "je n'ai jamais vu": experience


def _speaker_turn(s: Sentence) -> bool:
    """A turn of a transcribed exchange ("Acheteur : on va vous reproposer un profil")."""
    return bool(s.speaker)


def _think_aloud(s: Sentence) -> bool:
    """A tester's action: "je clique sur ...", "je vais aller voir ..."."""
    for i in range(1, len(s.lemma)):
        if not (s.hit(i, "navigation") or f"{s.lower[i]}r" in LEXICONS["navigation"]):
            continue  # the lemmatizer leaves "clique" as it is: "clique" + "r"
        if s.form[i] == "Fin" and s.lemma[i - 1] in ("je", "me", "y"):
            return True
        if s.form[i] == "Inf" and s.lemma[i - 1] == "aller" and "je" in s.lemma[max(0, i - 3):i]:
            return True
    return False


def _dated(s: Sentence) -> bool:
    """A month, a year (19xx, 20xx) or a dd/mm date."""
    return any(word in LEXICONS["months"]
               or "/" in word and word.replace("/", "").isdigit()
               or len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")
               for word in s.lower)


def _past(s: Sentence) -> bool:
    """Passé composé, imperfect or pluperfect: something that happened."""
    return any(s.pos[i] == "AUX" and s.form[i] == "Fin" and _past_participle_after(s, i)
               or s.form[i] == "Fin" and s.tense[i] in ("Imp", "Past") and not is_conditional(s, i)
               for i in range(len(s.lemma)))


Rule = tuple[str, Callable[[Sentence], bool]]

# Ordered: the first rule that matches gives the category (its id's prefix).
RULES: tuple[Rule, ...] = (
    ("meta:interview", _meta),
    ("context:role", _role),
    ("context:hierarchy", _hierarchy),
    ("context:organisation", _organisation),
    ("context:own-work", _own_work),
    ("context:experience", _experience),
    ("suggestions:wish-verb", _wish_verb),
    ("representation:judgement-label", _judgement_label),
    ("representation:opinion", _opinion),
    ("facts:reported", _reported),
    ("feelings:emotion", _emotion),
    ("feelings:appraisal", _appraisal),
    ("feelings:judged-by-me", _judged_by_me),
    ("feelings:not-found", _not_found),
    ("facts:narrative", _narrative),
    ("facts:speaker-turn", _speaker_turn),
    ("facts:think-aloud", _think_aloud),
    ("representation:counterfactual", _counterfactual),
    ("suggestions:infinitive", _head_infinitive),
    ("suggestions:conditional", _conditional),
    ("suggestions:nominal", _nominal_wish),
    ("suggestions:verbless-question", _verbless_question),
    ("context:section", _context_section),
    ("suggestions:section", _proposal_section),
    ("representation:definition", _cest_noun),
    ("representation:expected-effect", _expected_effect),
    ("representation:judgement", _judgement),
    ("representation:frequency", _frequency),
    ("facts:dated", _dated),
    ("facts:measured", _measured),
    ("facts:past", _past),
    ("representation:generic-present", _generic_present),
)


def infer_category(doc: Doc, *, speaker: str = "", section: str = "") -> tuple[str, str]:
    """Return (category, rule_id) for one statement.

    Args:
        doc: The statement processed by the LEMMAS pipeline
            (``load_nlp(components=LEMMAS)``): tokens carry lemma, POS and morphology.
        speaker: The statement's speaker, if the notes named one: a turn of an
            exchange is an event (``facts``) unless a stronger cue says otherwise.
        section: The heading or label the statement sits under: a heading
            about the speaker or asking for proposals decides for a statement
            that has no cue of its own (see :data:`SECTION_CUES`).

    Returns:
        A category of :data:`INFERABLE` and the id of the rule that chose it
        (``"facts:default"`` when none matched).
    """
    s = sentence(doc, speaker=speaker, section=section)
    for rule_id, matches in RULES:
        if matches(s):
            return rule_id.split(":", 1)[0], rule_id
    return "facts", DEFAULT_RULE
