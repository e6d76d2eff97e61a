"""A statement's category where the notes' structure says nothing: rules, then the model.

One pipeline, one entry point, :func:`infer_categories`. Each statement's
tokens are read once (:func:`csf_analysis.coding.rules.sentence`); the rules
of :mod:`csf_analysis.coding.rules` run once on them and the first that fires
gives the rule's answer; the trained model of
:mod:`csf_analysis.coding.category_model` reads the same tokens, every rule
that fired and the rule's answer for the statements around; :func:`combine`
then lets the model overrule the rule where it is sure enough. The coding
stage (``csf-analysis tables``), the review and the evaluation all call
:func:`infer_categories`; the structure's categories (headings, labels) and
the researchers' decisions are applied around it, in
:mod:`csf_analysis.coding.codings`.

Example:
    >>> from csf_analysis.reading.nlp import LEMMAS, load_nlp
    >>> nlp = load_nlp(components=LEMMAS)
    >>> docs = list(nlp.pipe(["Il faudrait un interlocuteur unique.", "Je suis DRH."]))
    >>> [(found.category, found.rule) for found in infer_categories(docs)]
    [('suggestions', 'suggestions:wish-verb'), ('context', 'context:role')]
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc

from .category_model import MIN_CONFIDENCE, WEAK_RULES, CategoryModel, load_default

__all__ = ["Inferred", "combine", "decide", "infer_categories", "infer_with_rows"]


class Inferred(NamedTuple):
    """A statement's inferred category, the rule (or ``model:<category>``) that chose
    it, and the probability the model gives that category: the lowest are the first
    a researcher should check."""

    category: str
    rule: str
    confidence: float


def infer_categories(docs: Sequence[Doc], speakers: Sequence[str] | None = None,
                     sections: Sequence[str] | None = None, groups: Sequence | None = None, *,
                     model: CategoryModel | None = None) -> list[Inferred]:
    """The category of each statement: the rules, overruled by the model where it is
    confident (see :func:`combine`).

    Args:
        docs: The statements processed by the LEMMAS pipeline
            (``load_nlp(components=LEMMAS)``), every statement of a note in
            reading order: the model reads the rules' answer on the neighbours.
        speakers: The speaker the notes named for each statement ("" if none).
        sections: The heading or label each statement sits under ("" if none).
        groups: The note of each statement (its file): neighbours are read
            within a group only. ``None``: all one group.
        model: The trained model; :func:`csf_analysis.coding.category_model.load_default`
            when ``None``.
    """
    return infer_with_rows(docs, speakers, sections, groups, model=model)[0]


def infer_with_rows(docs: Sequence[Doc], speakers: Sequence[str] | None = None,
                    sections: Sequence[str] | None = None, groups: Sequence | None = None, *,
                    model: CategoryModel | None = None
                    ) -> tuple[list[Inferred], list[tuple[str, list[str]]]]:
    """:func:`infer_categories`, and each statement's (rule id, model features): what
    the model adapted to a folder needs to infer the category again without spaCy
    (:mod:`csf_analysis.coding.folder_model`)."""
    docs = list(docs)
    blank = [""] * len(docs)
    model = model or load_default()
    rows, rules = model.analyse(docs, speakers or blank, sections or blank, groups)
    out = [decide(rule, probs, model.classes)
           for rule, probs in zip(rules, model.probabilities(rows))]
    return out, list(zip(rules, rows))


def decide(rule: str, probs: Sequence[float], classes: Sequence[str]) -> Inferred:
    """The category of a statement whose first firing rule is ``rule`` and to which
    the model gives ``probs`` (in ``classes`` order): :func:`combine`, and the
    probability of the category chosen (0 for one the model cannot give).

    >>> decide("facts:past", [0.1, 0.9], ["facts", "suggestions"])
    Inferred(category='suggestions', rule='model:suggestions', confidence=0.9)
    """
    best = max(range(len(classes)), key=lambda i: probs[i])
    category, chosen = combine(rule.split(":", 1)[0], rule, classes[best], float(probs[best]))
    inside = category in classes
    return Inferred(category, chosen, float(probs[list(classes).index(category)]) if inside
                    else 0.0)


def combine(rule_category: str, rule_id: str, model_category: str, confidence: float, *,
            weak_rules: frozenset[str] | None = WEAK_RULES,
            min_confidence: float = MIN_CONFIDENCE) -> tuple[str, str]:
    """(category, rule id) from the rules' and the model's answers.

    The rule wins unless it is one of ``weak_rules`` (None: any rule) and the
    model is at least ``min_confidence`` sure; the model's choice is then
    reported as ``"model:<category>"``.

    >>> combine("facts", "facts:past", "suggestions", 0.8)
    ('suggestions', 'model:suggestions')
    >>> combine("facts", "facts:past", "suggestions", 0.2)
    ('facts', 'facts:past')
    """
    weak = weak_rules is None or rule_id in weak_rules
    if weak and confidence >= min_confidence and model_category != rule_category:
        return model_category, f"model:{model_category}"
    return rule_category, rule_id
