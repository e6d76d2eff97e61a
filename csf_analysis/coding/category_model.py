"""A trained classifier of a statement's category, that has the last word over the rules.

The second stage of :mod:`csf_analysis.coding.categories` (which the product
calls). The hand-written rules of :mod:`csf_analysis.coding.rules` are precise but
overfit the notes they were written from (92% there, 70% on the first blind
notes, 48% on notes by other coders). :class:`CategoryModel` is a
multinomial logistic regression on sparse binary features of the statement,
read from a Doc of the :data:`csf_analysis.reading.nlp.LEMMAS` pipeline: folded lemma
unigrams and bigrams, the morphology of the verbs (mood, tense, verb form,
person), the rules' lexicons (:data:`csf_analysis.coding.rules.LEXICONS`) that
its words belong to, every rule of :data:`csf_analysis.coding.rules.RULES` that
matches (whatever its rank), punctuation, digits, length, the speaker, the
words of the section heading, (``use_rules=True``) the rules' own answer and
(``use_context=True``) the rules' category of the two statements before and
the one after (:func:`neighbour_features`). Besides the inferable categories it
knows ``question``: an interviewer's question no label marks. Trained on 4,194
hand-labelled statements from fifteen coders (notes of many styles: interviews,
minutes, chats, reading notes, tracking tables), it is right on 58% of the other
coders' notes in leave-one-note-out cross-validation (the rules alone: 38%), on 71%
of a blind set in the team's styles and on 54% of the interviews of another folder
(never trained on); see ``benchmarks/train_category_model.py`` and
``benchmarks/category_eval.py``.

The weights live in a plain JSON file (:meth:`CategoryModel.to_dict`, no
pickle); :func:`load_default` reads the shipped ones
(``csf_analysis/data/category_model.json``, trained by
``benchmarks/train_category_model.py``), with the settings measured there:
the model's category wins wherever it is at least :data:`MIN_CONFIDENCE`
sure (:data:`WEAK_RULES` can limit the rules it may overrule; see
:func:`csf_analysis.coding.categories.combine`). Each statement's tokens are
read once, for the rules and the model alike (:func:`analyse`).

Example:
    >>> from csf_analysis.reading.nlp import LEMMAS, load_nlp
    >>> nlp = load_nlp(components=LEMMAS)
    >>> model = load_default()
    >>> docs = [nlp("Il faudrait un interlocuteur unique.")]
    >>> [category for category, _ in model.predict(docs, [""], [""])]
    ['suggestions']
    >>> "fires:suggestions:wish-verb" in analyse(docs[0])[0]
    True
"""
from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc

from .. import config
from ..text import fold
from . import weights
from .rules import (
    DEFAULT_RULE,
    INFERABLE,
    RULES,
    Sentence,
    in_section,
    is_conditional,
    is_infinitive,
    sentence,
)

DEFAULT_PATH = config.DATA_DIR / "category_model.json"
FORMAT = "csf-category-model/1"

# Rules whose answer the model may overrule (see categories.combine); None: any.
# Overruling only facts:default and facts:past was best while the model knew
# one coder's notes (75.5% on the first blind notes); with four coders' notes,
# letting the model decide is best (72.3% against 70.2% overall, 65.3% against
# 58.9% on other coders' notes).
WEAK_RULES: frozenset[str] | None = None
# The model overrules a rule when its probability is at least this.
MIN_CONFIDENCE = 0.3
# The shipped model sees the rules' answer among its features.
USE_RULES = True
# The shipped model sees the rules' category of the statements around each one.
USE_CONTEXT = True
# The categories the model can give: the inferable ones, and an interviewer's
# question that no label marked ("Et si c'était vous qui appeliez ?").
CLASSES = (*INFERABLE, "question")
# The neighbours whose rule category is a feature: (offset, feature prefix).
NEIGHBOURS = ((-2, "prev2"), (-1, "prev"), (1, "next"))

_MORPH_KEYS = ("Mood", "Tense", "VerbForm", "Person")
_KEEP_PUNCT = frozenset({"?", "!", ":", "..."})


# --- features ---------------------------------------------------------------------

def _verbal(s: Sentence, i: int) -> tuple[str, ...]:
    """The verb morphology of token ``i`` the model reads: ("Mood=Cnd", "Person=3")."""
    values = (s.mood[i], s.tense[i], s.form[i], s.person[i])
    return tuple(f"{key}={value}" for key, value in zip(_MORPH_KEYS, values) if value)


def _length_bucket(n_words: int) -> str:
    return "len:" + ("1-4" if n_words < 5 else "5-9" if n_words < 10
                     else "10-19" if n_words < 20 else "20+")


def analyse(doc: Doc, *, speaker: str = "", section: str = "",
            use_rules: bool = False) -> tuple[list[str], str]:
    """The names of the binary features of one statement, without duplicates, and the
    id of the rule :func:`csf_analysis.coding.rules.infer_category` would choose (the
    first that fires), from one pass over the rules.

    Args:
        doc: The statement processed by the LEMMAS pipeline.
        speaker: The speaker the notes named, or "".
        section: The heading or label the statement sits under, or "".
        use_rules: Add the rules' answer (``rule-cat:facts``, ``rule:facts:past``): the
            first rule that fires, as :func:`csf_analysis.coding.rules.infer_category` says.

    Every rule of :data:`csf_analysis.coding.rules.RULES` that matches gives a
    ``fires:<rule id>`` feature, whatever its rank: the model weighs the rules'
    cues instead of trusting their order.
    """
    s = sentence(doc, speaker=speaker, section=section)  # the tokens, read once
    tokens = [(s.lower[i], s.lemma[i], s.tagged[i], _verbal(s, i))
              for i, tagged in enumerate(s.tagged) if tagged]
    words = [t for t in tokens if t[2] not in ("PUNCT", "SYM") and t[0] not in ("-", "*")]
    lemmas = ["<s>"] + [t[1] for t in words]
    out = [f"w:{lemma}" for lemma in lemmas[1:]]
    out += [f"b:{a} {b}" for a, b in zip(lemmas, lemmas[1:])]
    out += [f"p:{t[0]}" for t in tokens if t[0] in _KEEP_PUNCT]
    out += _verb_features(words)
    out.append(_length_bucket(len(words)))
    if any(ch.isdigit() for ch in doc.text):
        out.append("digit")
    out += _speaker_features(speaker) + _section_features(section)
    out += _cue_features(s)
    fired = [rule_id for rule_id, matches in RULES if matches(s)]
    out += [f"fires:{rule_id}" for rule_id in fired]
    rule = fired[0] if fired else DEFAULT_RULE
    if use_rules:
        out += [f"rule-cat:{rule.split(':', 1)[0]}", f"rule:{rule}"]
    return list(dict.fromkeys(out)), rule


def analyse_all(docs: Sequence[Doc], speakers: Sequence[str], sections: Sequence[str],
                groups: Sequence | None = None, *, use_rules: bool = False,
                use_context: bool = False) -> tuple[list[list[str]], list[str]]:
    """(feature names, rule id) of each statement, as :func:`analyse`, plus (with
    ``use_context``) :func:`neighbour_features` within ``groups``."""
    analysed = [analyse(doc, speaker=sp or "", section=se or "", use_rules=use_rules)
                for doc, sp, se in zip(docs, speakers, sections, strict=True)]
    rows, rules = [row for row, _ in analysed], [rule for _, rule in analysed]
    if use_context:
        around = neighbour_features(rules, groups)
        rows = [row + extra for row, extra in zip(rows, around)]
    return rows, rules


def neighbour_features(rules: Sequence[str], groups: Sequence | None = None) -> list[list[str]]:
    """The rules' category of the statements around each one (:data:`NEIGHBOURS`).

    Statements are in reading order; ``groups`` (a note's file, say) bounds the
    neighbourhood, and None makes every statement a group of its own.

    >>> neighbour_features(["facts:past", "suggestions:conditional", "meta:visio"],
    ...                    ["a.md", "a.md", "b.md"])[1]
    ['prev2:none', 'prev:facts', 'next:none']
    """
    groups = list(range(len(rules))) if groups is None else list(groups)
    out = []
    for i in range(len(rules)):
        row = []
        for offset, name in NEIGHBOURS:
            j = i + offset
            inside = 0 <= j < len(rules) and groups[j] == groups[i]
            row.append(f"{name}:{rules[j].split(':', 1)[0]}" if inside else f"{name}:none")
        out.append(row)
    return out


def _verb_features(words: list[tuple]) -> list[str]:
    """Morphology of every verb, and of the first one apart ("v1:Mood=Cnd", "v1:falloir")."""
    verbs = [t for t in words if t[2] in ("VERB", "AUX")]
    out = [f"v:{f}" for t in verbs for f in t[3]]
    if verbs:
        out += [f"v1:{f}" for f in verbs[0][3]] + [f"v1:{verbs[0][1]}"]
    else:
        out.append("no-verb")
    return out


def _cue_features(s: Sentence) -> list[str]:
    """Cues read by the rules' helpers: lexicons, conditionals, a head infinitive, the
    first person, a section heading about the speaker or asking for proposals."""
    out = [f"lex:{name}" for name in sorted(s.tagset)]
    if any(is_conditional(s, i) for i in range(len(s.lemma))):
        out.append("conditional")
    if s.conditionals:
        out.append("main-conditional")
    if s.head >= 0 and is_infinitive(s, s.head):
        out.append("head-infinitive")
    if s.first_person():
        out.append("first-person")
    return out + [f"sec-cue:{family}" for family in ("context", "suggestions")
                  if in_section(s, family)]


def _speaker_features(speaker: str) -> list[str]:
    if not speaker:
        return ["no-speaker"]
    return ["speaker"] + [f"spk:{w}" for w in fold(speaker).split() if len(w) > 2]


def _section_features(section: str) -> list[str]:
    if not section:
        return ["no-section"]
    folded = "".join(ch if ch.isalnum() or ch in "-?" else " " for ch in fold(section))
    out = [f"sec:{w}" for w in folded.replace("?", " ").split() if len(w) > 3]
    return out + (["sec-question"] if "?" in folded else [])


# --- the model ----------------------------------------------------------------------

class CategoryModel(weights.Stored):
    """Multinomial logistic regression over :func:`features`, with JSON weights.

    Args:
        use_rules: Give the model the rules' answer as features (the rules run
            inside :meth:`predict`).
        use_context: Give the model the rules' category of the neighbouring
            statements (:func:`neighbour_features`).
        C: Inverse regularisation strength of the logistic regression.
        class_weight: ``"balanced"`` or None, as in scikit-learn.
        min_count: Keep only features seen in at least this many training statements.
    """

    def __init__(self, *, use_rules: bool = False, use_context: bool = False, C: float = 1.0,
                 class_weight: str | None = "balanced", min_count: int = 1) -> None:
        self.use_rules, self.use_context, self.C = use_rules, use_context, C
        self.class_weight, self.min_count = class_weight, min_count
        self.classes: list[str] = []
        self.vocabulary: dict[str, int] = {}
        self.coef = np.zeros((0, 0))
        self.intercept = np.zeros(0)
        self.info: dict = {}  # how it was trained and measured (for the report's annex)
        # how much the training rows pinned each weight (folder_model.evidence): the
        # prior of the model's adaptation to a notes folder; None: not measured
        self.evidence: dict[str, float] | None = None

    def analyse(self, docs: Sequence[Doc], speakers: Sequence[str], sections: Sequence[str],
                groups: Sequence | None = None) -> tuple[list[list[str]], list[str]]:
        """(features, rule id) of each statement, with this model's settings
        (:func:`analyse_all`)."""
        return analyse_all(list(docs), list(speakers), list(sections), groups,
                           use_rules=self.use_rules, use_context=self.use_context)

    def featurize(self, docs: Sequence[Doc], speakers: Sequence[str], sections: Sequence[str],
                  groups: Sequence | None = None) -> list[list[str]]:
        """The features of each statement (statements in reading order, see
        :func:`neighbour_features` for ``groups``)."""
        return self.analyse(docs, speakers, sections, groups)[0]

    def fit(self, docs: Sequence[Doc], speakers: Sequence[str], sections: Sequence[str],
            labels: Sequence[str], *, groups: Sequence | None = None,
            sample_weight: Sequence[float] | None = None) -> CategoryModel:
        """Learn the weights from labelled statements (one label per Doc)."""
        return self.fit_features(self.featurize(docs, speakers, sections, groups), labels,
                                 sample_weight=sample_weight)

    def fit_features(self, rows: Sequence[list[str]], labels: Sequence[str], *,
                     sample_weight: Sequence[float] | None = None) -> CategoryModel:
        """:meth:`fit` from feature lists already computed (for cross-validation)."""
        from sklearn.linear_model import LogisticRegression

        if len(rows) != len(labels):
            raise ValueError(f"fit needs one label per statement: {len(rows)} statements, "
                             f"{len(labels)} labels")
        self._learn_vocabulary(rows)
        clf = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
        clf.fit(self._matrix(rows), list(labels), sample_weight=sample_weight)
        self.classes = [str(c) for c in clf.classes_]
        self.coef, self.intercept = clf.coef_, clf.intercept_
        if len(self.classes) == 2:  # binary: scikit-learn keeps one row
            self.coef = np.vstack([-clf.coef_[0], clf.coef_[0]]) / 2
            self.intercept = np.array([-clf.intercept_[0], clf.intercept_[0]]) / 2
        return self

    def probabilities(self, rows: Sequence[list[str]]) -> np.ndarray:
        """Class probabilities (columns in :attr:`classes` order) of feature lists."""
        if not self.classes:
            raise ValueError("the model is not trained: call fit() or load weights")
        scores = np.tile(self.intercept, (len(rows), 1))
        for r, row in enumerate(rows):
            columns = [self.vocabulary[n] for n in row if n in self.vocabulary]
            if columns:
                scores[r] += self.coef[:, columns].sum(axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict_features(self, rows: Sequence[list[str]]) -> list[tuple[str, float]]:
        """(category, probability) of each feature list."""
        probs = self.probabilities(rows)
        best = probs.argmax(axis=1)
        return [(self.classes[b], float(probs[r, b])) for r, b in enumerate(best)]

    def predict(self, docs: Sequence[Doc], speakers: Sequence[str], sections: Sequence[str],
                groups: Sequence | None = None) -> list[tuple[str, float]]:
        """(category, confidence) of each statement: the most probable class and its
        probability."""
        return self.predict_features(self.featurize(docs, speakers, sections, groups))

    def to_dict(self, *, digits: int = 4) -> dict:
        """A JSON-friendly copy of the model (weights rounded to ``digits``; features
        whose weights all round to zero are left out)."""
        data = {"format": FORMAT, "use_rules": self.use_rules,
                "use_context": self.use_context, "C": self.C,
                "class_weight": self.class_weight, "min_count": self.min_count,
                "classes": list(self.classes), **self._linear(digits)}
        if self.evidence is not None:  # 3 significant digits; the tiny ones left out
            data["evidence"] = {name: float(f"{value:.3g}")
                                for name, value in self.evidence.items() if value >= 0.001}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> CategoryModel:
        """The model :meth:`to_dict` described."""
        cls.check_format(data, FORMAT, "category model")
        model = cls(use_rules=data["use_rules"], use_context=data.get("use_context", False),
                    C=data["C"], class_weight=data["class_weight"],
                    min_count=data["min_count"])
        model.classes = list(data["classes"])
        model.evidence = data.get("evidence")
        return model._restore(data, classes=len(model.classes))


@functools.lru_cache(maxsize=1)
def load_default() -> CategoryModel:
    """The shipped model (``csf_analysis/data/category_model.json``), loaded once."""
    return CategoryModel.shipped(DEFAULT_PATH, "python benchmarks/train_category_model.py")


__all__ = ["CLASSES", "CategoryModel", "analyse", "analyse_all", "load_default",
           "neighbour_features", "INFERABLE", "MIN_CONFIDENCE", "USE_CONTEXT", "USE_RULES",
           "WEAK_RULES"]
