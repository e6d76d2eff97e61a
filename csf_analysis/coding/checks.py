"""A coding decision checked against the corpus before it is written.

Every way of deciding (the coding notebook, :class:`~csf_analysis.coding.review.Coder`,
``csf-analysis code``) goes through :func:`check_decision`: the statement must
exist, the code must be in the codebook (or be created on purpose, ``new``), a
category must be one of the vocabulary's, given in English or in French
(« ressentis », « Représentation »), and the action too (« ajouter », « retirer »,
« catégorie »). A near miss gets a « vouliez-vous dire » in the message. The
checked decision carries the statement's text, written with it.

Example:
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> corpus = SimpleNamespace(
    ...     statements=pd.DataFrame({"statement_id": ["s0123456789ab"], "text": ["Trop long."]}),
    ...     codings=pd.DataFrame({"statement_id": [], "code": []}),
    ...     codebook=pd.DataFrame({"code": ["delais"], "label": ["Délais et lenteurs"]}))
    >>> check_decision(corpus, "s0123456789ab", "catégorie", "ressentis")
    Checked(statement_id='s0123456789ab', action='category', value='feelings', text='Trop long.')
    >>> try:
    ...     check_decision(corpus, "s0123456789ab", "add", "delai")
    ... except DecisionError as error:
    ...     print(str(error)[:77])
    le code « delai » n'est pas dans le livre de codes ; vouliez-vous dire delais
"""
from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from ..labels import CATEGORY_LABELS
from ..reading.vocabulary import code_id
from ..schema import CATEGORIES
from ..text import fold
from .manual import DecisionError

__all__ = ["Checked", "action_name", "category_name", "check_decision"]

# The actions, as the API, the CSV and French speakers name them.
ACTION_NAMES = {
    "add": "add", "ajouter": "add", "ajout": "add", "+": "add",
    "remove": "remove", "retirer": "remove", "enlever": "remove", "supprimer": "remove",
    "-": "remove",
    "category": "category", "categorie": "category", "cat": "category",
}


@dataclass(frozen=True)
class Checked:
    """A decision ready to be written: canonical action and value, the statement's text."""

    statement_id: str
    action: str
    value: str
    text: str


def _near(word: str, choices, *, n: int = 3, cutoff: float = 0.6) -> list[str]:
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=cutoff)


def _did_you_mean(options: list[str]) -> str:
    return f" ; vouliez-vous dire {' ou '.join(options)} ?" if options else ""


def action_name(action: str) -> str:
    """``"ajouter"`` -> ``"add"``; an unknown action is a :class:`DecisionError`."""
    key = fold(str(action).strip())
    if key in ACTION_NAMES:
        return ACTION_NAMES[key]
    return _refuse(f"action inconnue « {action} »{_did_you_mean(_near(key, ACTION_NAMES))} "
                   "(attendu : ajouter/add, retirer/remove ou catégorie/category)")


@functools.cache
def _category_keys() -> dict[str, str]:
    keys = {fold(c): c for c in CATEGORIES}
    for category, label in CATEGORY_LABELS.items():
        keys[fold(label)] = category
        keys[fold(label).removesuffix("s")] = category  # « ressenti », « représentation »
    return keys


def category_name(value: str) -> str:
    """A category in English or French -> its name in the tables (``"Ressentis"`` ->
    ``"feelings"``); an unknown one is a :class:`DecisionError` naming the near ones."""
    keys = _category_keys()
    key = fold(str(value).strip())
    if key in keys:
        return keys[key]
    near = dict.fromkeys(CATEGORY_LABELS[keys[k]] for k in _near(key, keys))
    labels = ", ".join(f"{CATEGORY_LABELS[c]} ({c})" for c in CATEGORIES)
    return _refuse(f"catégorie inconnue « {value} »{_did_you_mean(list(near))} ; les "
                   f"catégories : {labels}")


def _refuse(message: str):
    raise DecisionError(message)


def _statement_text(corpus, statement_id: str) -> str:
    statements = corpus.statements
    found = statements.loc[statements["statement_id"] == statement_id, "text"]
    if found.empty:
        near = _near(statement_id, statements["statement_id"], cutoff=0.8)
        _refuse(f"aucun énoncé « {statement_id} » dans les notes{_did_you_mean(near)} "
                "(les identifiants sont dans la colonne statement_id du carnet de codage "
                "et de statements.csv)")
    return str(found.iloc[0])


def _code(corpus, statement_id: str, action: str, value: str, *, new: bool,
          how_to_create: str) -> str:
    """The code id of ``value`` (a code or its label), checked against the codebook and,
    for a removal, against the statement's own codes."""
    book = corpus.codebook
    by_label = {fold(str(label)): code for code, label in zip(book["code"], book["label"])}
    code = by_label.get(fold(str(value).strip()), code_id(str(value)))
    if not code:
        _refuse(f"code vide pour l'énoncé {statement_id}")
    known = set(book["code"])
    on_statement = set(corpus.codings.loc[corpus.codings["statement_id"] == statement_id,
                                          "code"])
    if code in known or code in on_statement or (new and action == "add"):
        return code
    labels = dict(zip(book["code"], book["label"]))
    near = [f"{c} ({labels[c]})" if c in labels else c
            for c in _near(code, known | on_statement)]
    create = (f" Pour créer un nouveau code, demandez-le explicitement ({how_to_create})."
              if action == "add" else "")
    return _refuse(f"le code « {value} » n'est pas dans le livre de codes"
                   f"{_did_you_mean(near) or '.'}{create}")


def check_decision(corpus, statement_id: str, action: str, value: str, *,
                   new: bool = False, how_to_create: str = "--new, ou new=True") -> Checked:
    """Check one decision against ``corpus`` (its statements, codings and codebook).

    Args:
        corpus: The notes' :class:`~csf_analysis.corpus.Corpus` (or anything with
            ``statements``, ``codings`` and ``codebook`` tables).
        statement_id: The statement decided on.
        action: add, remove or category, in English or in French.
        value: A code (its id or its label) or a category (English or French).
        new: Allow ``add`` of a code the codebook does not have yet (a new theme).
        how_to_create: How the caller asks for ``new``, said when a code is unknown.

    Returns:
        The decision with its canonical action and value and the statement's text.

    Raises:
        DecisionError: What is wrong, in French, with the near names when there are.
    """
    action = action_name(action)
    statement_id = str(statement_id).strip()
    text = _statement_text(corpus, statement_id)
    value = category_name(value) if action == "category" else \
        _code(corpus, statement_id, action, value, new=new, how_to_create=how_to_create)
    return Checked(statement_id, action, value, text)
