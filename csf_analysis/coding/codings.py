"""Coding: inferred categories, auto themes, ``#tags`` and manual decisions -> codings.

Auto coding runs spaCy's French pipeline (lemmas and morphology) once per
statement: the categories pipeline of :mod:`csf_analysis.coding.categories` (the
rules of :mod:`csf_analysis.coding.rules`, overruled where it is sure by the
trained model of :mod:`csf_analysis.coding.category_model`) fills the categories
the structure left silent, and the codebook's lemma patterns
(:mod:`csf_analysis.coding.themes`) give the themes, which a trained model
(:mod:`csf_analysis.coding.theme_model`) revises: it drops the unlikely ones and adds
the themes it is sure of. Its result is cached per note,
codebook version and source of the rules, so a rerun only codes the notes
that changed. Then, in this order, come the inline ``#tags`` of the notes and the researchers'
decisions from ``codage-manuel.csv``: manual beats auto.

Example:
    >>> import pandas as pd
    >>> from csf_analysis.coding.codebook import load_codebook
    >>> book = load_codebook()
    >>> st = pd.DataFrame({"statement_id": ["s1"], "tags": ["outillage; nouveau-theme"],
    ...                    "source_file": ["a.md"], "line": [3]})
    >>> rows, problems = inline_codings(st, book)
    >>> [(r["code"], r["origin"]) for r in rows]
    [('outillage', 'inline'), ('nouveau-theme', 'inline')]
    >>> "nouveau-theme" in set(book.table["code"])
    True
"""
from __future__ import annotations

import pandas as pd

from ..reading.sources import Problem
from ..reading.vocabulary import code_id
from .codebook import Codebook
from .folder_model import ROWS_KEY
from .manual import latest
from .theme_model import revise_codings
from .themes import CODINGS_COLUMNS, ThemeMatcher

INLINE_CODER = "notes"


def auto_code(statements: pd.DataFrame, *, codebook: Codebook, nlp, matcher=None,
              batch_size: int = 256, n_process: int = 1) -> dict:
    """Infer categories and match themes for ``statements`` in one spaCy pass.

    Returns ``{"categories": {statement_id: [category, rule, confidence]}, "codings":
    [rows], "vetoed": [rows], "model_rows": {statement_id: [rule, [feature, ...]]}}``;
    categories and model rows (for the model adapted to the folder,
    :mod:`csf_analysis.coding.folder_model`) only for rows whose origin is not
    ``structure``. Pass a ``ThemeMatcher`` to reuse it across calls.
    """
    from ..reading.nlp import lemmas_only
    from .categories import infer_with_rows  # needs the lemma pipeline
    matcher = matcher or ThemeMatcher(codebook, nlp)
    texts = statements["text"].fillna("").astype(str).tolist()
    docs = list(lemmas_only(nlp).pipe(texts, batch_size=batch_size, n_process=n_process))
    # Every statement, in reading order: the model reads the rules' answer on the
    # neighbours of a silent statement, labelled or not.
    scored, model_rows = infer_with_rows(
        docs, *(statements[c].fillna("").astype(str).tolist()
                for c in ("speaker", "section", "source_file")))
    silent = (statements["category_origin"] != "structure").to_numpy()
    categories = {sid: [category, rule, round(confidence, 3)]
                  for sid, (category, rule, confidence), keep
                  in zip(statements["statement_id"], scored, silent) if keep}
    kept_rows = {sid: [rule, features] for sid, (rule, features), keep
                 in zip(statements["statement_id"], model_rows, silent) if keep}
    ids = list(statements["statement_id"])
    revised = revise_codings(matcher.codings(ids, iter(docs)), ids, docs,
                             statements["section"].fillna("").astype(str).tolist(),
                             known=set(codebook.table["code"]), own=set(
                                 codebook.table.loc[codebook.table["source"] != "default", "code"]))
    return {"categories": categories, "codings": revised.codings.to_dict("records"),
            "vetoed": revised.vetoed.to_dict("records"), ROWS_KEY: kept_rows}


def inline_codings(statements: pd.DataFrame, codebook: Codebook) -> tuple[list[dict], list[dict]]:
    """Codings from ``#tags`` (origin inline); unknown tags create codes, with a note."""
    rows, problems = [], []
    tagged = statements[statements["tags"].fillna("") != ""]
    known = set(codebook.table["code"])
    for sid, tags, source_file, line in zip(*(tagged[c].tolist() for c in (
            "statement_id", "tags", "source_file", "line"))):
        for tag in tags.split("; "):
            *parents, child = [code_id(part) for part in tag.split("/") if code_id(part)] or [""]
            if not child:
                continue
            parent = parents[-1] if parents else ""
            for code, its_parent in [*zip(parents, [""] + parents[:-1]), (child, parent)]:
                if code not in known:
                    codebook.add_code(code, parent=its_parent)
                    known.add(code)
                    problems.append(Problem(
                        source_file, int(line), "warning",
                        f"l'étiquette #{tag} ne nomme aucun code du livre de codes : code "
                        f"« {code} » créé ; donnez-lui un libellé et une description dans "
                        "codebook.yml").row())
            rows.append({"statement_id": sid, "code": child, "origin": "inline",
                         "coder": INLINE_CODER, "matched": f"#{tag}", "pattern": ""})
    return rows, problems


def apply_decisions(statements: pd.DataFrame, codings: pd.DataFrame, decisions: pd.DataFrame,
                    codebook: Codebook, *, source: str) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """Overlay the decisions in force on statements and codings (manual beats auto).

    Returns (statements, codings, problems); decisions whose statement is gone
    become problems (they stay in the CSV).
    """
    decisions = latest(decisions)
    define_codes(codebook, decisions[decisions["action"] == "define"])
    decisions = decisions[decisions["action"] != "define"]
    known = set(statements["statement_id"])
    problems = [Problem(source, int(d.line), "warning",
                        f"la décision « {_decided(d)} » de {d.coder} ({d.time}) porte sur "
                        f"l'énoncé {d.statement_id}, qui n'est plus dans les notes (texte : "
                        f"« {d.text[:60]} ») : recodez le nouvel énoncé ; la décision est "
                        "gardée").row()
                for d in decisions.itertuples() if d.statement_id not in known]
    live = decisions[decisions["statement_id"].isin(known)]
    statements = apply_categories(statements, live[live["action"] == "category"])
    removed = set(zip(live.loc[live["action"] == "remove", "statement_id"],
                      live.loc[live["action"] == "remove", "code"]))
    keep = [(s, c) not in removed for s, c in zip(codings["statement_id"].tolist(),
                                                  codings["code"].tolist())] \
        if removed else slice(None)
    adds = live[live["action"] == "add"]
    for code in sorted(set(adds["code"]) - set(codebook.table["code"])):
        codebook.add_code(code)  # coding with a new code creates it
    manual = pd.DataFrame({"statement_id": adds["statement_id"], "code": adds["code"],
                           "origin": "manual", "coder": adds["coder"], "matched": "",
                           "pattern": ""}, columns=list(CODINGS_COLUMNS))
    return statements, pd.concat([codings[keep], manual], ignore_index=True), problems


def define_codes(codebook: Codebook, defines: pd.DataFrame) -> None:
    """Add the codes ``defines`` (decisions ``define``: code, label in ``text``, parent
    in ``note``) the codebook lacks, each after its parent; a parent that never comes
    leaves its child at the top."""
    pending = [row for row in defines.itertuples() if row.code not in set(codebook.table["code"])]
    while pending:
        known = set(codebook.table["code"])
        ready = [row for row in pending if not row.note or row.note in known]
        for row in ready or pending[:1]:
            if row.code not in set(codebook.table["code"]):
                codebook.add_code(row.code, label=row.text or row.code,
                                  parent=row.note if row.note in known else "")
        pending = [row for row in pending if row not in (ready or pending[:1])]


def _decided(decision) -> str:
    """A decision in a few words: « add delais », « mémo : à citer... »."""
    if decision.action == "memo":
        return f"mémo : {decision.note[:40]}"
    return f"{decision.action} {decision.code}"


def apply_categories(statements: pd.DataFrame, decisions: pd.DataFrame) -> pd.DataFrame:
    """``statements`` with the categories of ``decisions`` (statement_id, code, coder;
    the last per statement wins) set by hand: origin manual, no confidence."""
    if decisions.empty:
        return statements
    chosen = decisions.drop_duplicates("statement_id", keep="last").set_index("statement_id")
    statements = statements.copy()
    hit = statements["statement_id"].isin(chosen.index)
    statements.loc[hit, "category"] = statements.loc[hit, "statement_id"].map(chosen["code"])
    statements.loc[hit, "category_origin"] = "manual"
    statements.loc[hit, "category_rule"] = "manual:" + statements.loc[hit, "statement_id"].map(
        chosen["coder"])
    statements.loc[hit, "category_confidence"] = float("nan")  # a researcher decided
    return statements


def uncoded(statements: pd.DataFrame, codings: pd.DataFrame) -> pd.DataFrame:
    """Statements (copies left out) that carry no theme: where the codebook grows."""
    coded = set(codings["statement_id"])
    mask = ~statements["statement_id"].isin(coded) & (statements["duplicate_of"] == "")
    return statements[mask]
