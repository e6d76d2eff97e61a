"""One researcher's review of the coding, a statement at a time: the coding panel's logic.

The panel (:mod:`csf_analysis.coding.panel`) draws what :meth:`ReviewSession.view`
returns and hands each key or click to :meth:`ReviewSession.handle`; all of it is
plain Python, tested without a browser.

Flow, one way: the counted corpus -> :func:`~csf_analysis.coding.queue.review_queue`
(least sure first, filtered) -> one statement's view (neighbours, codes and why,
confidence, citation) -> a decision, checked
(:func:`~csf_analysis.coding.checks.check_decision`), written at once with the
statement's text (:func:`~csf_analysis.coding.manual.record`), applied to the
session's own copy of the tables and kept for undo
(:func:`~csf_analysis.coding.manual.withdraw`). Every :data:`RELEARN_EVERY`
categories checked in the session (or on request, « réapprendre »), the category model
is adapted to every category the team checked
(:func:`~csf_analysis.coding.folder_model.folder_model`), the categories still
inferred are given again and the queue re-ranks. The notes are never touched.

Example:
    >>> from csf_analysis import load_corpus
    >>> session = ReviewSession(load_corpus("interviews"), coder="yannick")  # doctest: +SKIP
    >>> session.view()["progress"]                                # doctest: +SKIP
    '0 / 127 vérifiées'
    >>> session.handle({"do": "category", "value": "ressentis"})  # doctest: +SKIP
    >>> session.handle({"do": "undo"})                            # doctest: +SKIP
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..labels import CATEGORY_LABELS
from ..reading.notes import HEADING_SEP
from ..schema import CATEGORIES
from . import manual
from .checks import check_decision
from .codings import apply_categories
from .queue import FILTERS, filter_options, neighbours, review_queue
from .theme_model import MODEL_PREFIX

__all__ = ["CODER_VARIABLE", "RELEARN_EVERY", "ReviewSession"]

# The model is adapted to the team's checked categories after this many in a session
# (the review simulation of benchmarks/category_learning.py retrains as often).
RELEARN_EVERY = 10

CODER_VARIABLE = "CSF_CODER"  # the coder's name, from the environment, if set
_ORIGINS = {"inferred": "déduite", "structure": "donnée par la note", "manual": "vérifiée"}
_CODE_ORIGINS = {"auto": "motif", "inline": "étiquette #", "manual": "manuel"}


@dataclass
class _Done:
    """A decision of this session and the statement's state before it, for undo."""

    row: dict | None  # None: nothing was written (the decision was already in force)
    statement: pd.DataFrame
    codings: pd.DataFrame
    memo: str
    position: int


class ReviewSession:
    """The review of ``corpus`` by ``coder`` ("" : taken from ``CSF_CODER``, or asked).

    ``statements``, ``codings`` and ``codebook`` are the session's copy of the counted
    corpus's tables, with this session's decisions applied as they are taken;
    :func:`check_decision` checks against them.
    """

    def __init__(self, corpus, coder: str = "", *, around: int = 1,
                 filters: dict[str, str] | None = None) -> None:
        self.coder = (coder or os.environ.get(CODER_VARIABLE, "")).strip()
        self.around = around
        self.message = ""
        self.filters = dict.fromkeys(FILTERS, "")
        self.queue, self.position = pd.DataFrame(columns=["statement_id"]), 0
        self._take(corpus)
        self.set_filters(**(filters or {}))

    def _take(self, corpus) -> None:
        """The session's own copy of ``corpus``'s counted tables and of the decisions."""
        counted = corpus.counted()
        self.corpus = corpus
        self.notes_dir = Path(corpus.notes_dir)
        self.statements = counted.statements.copy()
        self.codings = counted.codings.copy()
        self.auto_codings = counted.auto_codings
        self.vetoed_codings = counted.vetoed_codings
        self.category_rows = corpus.category_rows
        self.unlearnt = 0  # categories checked since the model was last adapted
        self.interviews = counted.interviews
        self.codebook = corpus.codebook[["code", "label"]].copy()
        self.history: list[_Done] = []
        self._load_decisions()

    # -- what is shown ------------------------------------------------------------------
    @property
    def current(self) -> pd.Series | None:
        """The statement under review (its row in the session's statements)."""
        if self.queue.empty:
            return None
        sid = self.queue["statement_id"].iloc[self.position]
        return self.statements.loc[self.statements["statement_id"] == sid].iloc[0]

    def progress(self) -> str:
        done = int(self.queue["statement_id"].isin(self.checked).sum())
        return f"{done} / {len(self.queue)} vérifiées"

    def view(self) -> dict:
        """Everything the panel draws, as plain data (the widget's ``view`` trait)."""
        row = self.current
        common = {
            "coder": self.coder, "message": self.message, "progress": self.progress(),
            "position": self.position, "total": len(self.queue),
            "can_undo": bool(self.history), "filters": dict(self.filters),
            "options": {name: [list(pair) for pair in pairs] for name, pairs in filter_options(
                self.statements, self.interviews, self.codebook).items()},
            "categories": [{"key": str(n), "name": c, "label": CATEGORY_LABELS[c]}
                           for n, c in enumerate(CATEGORIES, start=1)],
            "codebook": [{"code": c, "label": label}
                         for c, label in zip(self.codebook["code"], self.codebook["label"])],
        }
        if row is None:
            return {**common, "statement": None, "before": [], "after": [], "codes": [],
                    "memo": "", "citation": "", "checked": False}
        before, after = neighbours(self.statements, row["statement_id"], around=self.around)
        return {**common, "statement": _statement_view(row),
                "before": _lines(before), "after": _lines(after),
                "codes": self._codes(row["statement_id"]),
                "memo": self.memos.get(row["statement_id"], ""),
                "citation": f"[@{row['statement_id']}]",
                "checked": row["statement_id"] in self.checked}

    def _codes(self, sid: str) -> list[dict]:
        """The statement's codes, with why each was given; the auto ones a researcher
        removed, and the patterns' ones the theme model dropped, stay, ``struck``."""
        labels = dict(zip(self.codebook["code"], self.codebook["label"]))
        live = self.codings[self.codings["statement_id"] == sid]
        auto = self.auto_codings[self.auto_codings["statement_id"] == sid]
        vetoed = self.vetoed_codings[self.vetoed_codings["statement_id"] == sid]
        shown = []
        for row in pd.concat([live, auto, vetoed]).drop_duplicates("code").itertuples():
            struck = row.code not in set(live["code"])
            dropped = row.code not in set(auto["code"]) | set(live["code"])
            shown.append({"code": row.code, "label": labels.get(row.code, row.code),
                          "struck": struck, "why": _why(row, struck, vetoed=dropped)})
        return shown

    # -- what the researcher does -------------------------------------------------------
    def handle(self, message: dict) -> None:
        """Do what the panel asks (``{"do": "category", "value": "ressentis"}``...);
        a refused decision leaves its reason in ``message``, and nothing written."""
        self.message = ""
        action = {"category": lambda m: self.set_category(m["value"]),
                  "confirm": lambda m: self.confirm(),
                  "move": lambda m: self.move(int(m.get("step", 1))),
                  "go": lambda m: self.go(int(m["position"])),
                  "add": lambda m: self.add_code(m["code"]),
                  "create": lambda m: self.add_code(m["code"], new=True),
                  "remove": lambda m: self.remove_code(m["code"]),
                  "memo": lambda m: self.set_memo(m.get("text", "")),
                  "undo": lambda m: self.undo(),
                  "filter": lambda m: self.set_filters(**{m["name"]: m.get("value", "")}),
                  "reload": lambda m: self.reload(),
                  "relearn": lambda m: self.relearn(),
                  "coder": lambda m: self.set_coder(m.get("name", ""))}.get(str(message.get("do")))
        if action is None:
            self.message = f"action inconnue du panneau : {message.get('do')!r}"
            return
        try:
            action(message)
        except (manual.DecisionError, ValueError, KeyError) as error:
            self.message = str(error).strip("'\"")

    def reload(self) -> None:
        """Read the notes and the decisions again (a note added, decisions taken from
        the command line or another panel): the statement under review stays if it is
        still there; undo starts afresh (what came before is on disk)."""
        self._take(self.corpus.refresh())
        self.set_filters()  # the queue rebuilt, the statement under review kept
        self.message = f"notes relues : {len(self.queue)} énoncés dans la file"

    def relearn(self) -> None:
        """Adapt the category model to every category the team checked (all coders,
        the decisions file as it is now), give the still-inferred categories again
        and re-rank the queue; the statement under review stays."""
        from .folder_model import MIN_LABELS, folder_model, reinfer

        start = time.perf_counter()
        model = folder_model(self.category_rows,
                             manual.latest(manual.load_decisions(self.notes_dir)))
        self.unlearnt = 0
        if model is None:
            self.message = (f"pas encore de quoi réapprendre : il faut au moins {MIN_LABELS} "
                            "catégories vérifiées parmi les catégories déduites")
            return
        before = self.statements.set_index("statement_id")["category"]
        self.statements = reinfer(self.statements, self.category_rows, model)
        changed = int((self.statements.set_index("statement_id")["category"] != before).sum())
        self.set_filters()  # re-ranked on the new confidences
        self.message = (f"modèle réappris sur {model.info['adapted_on']} catégories vérifiées "
                        f"en {time.perf_counter() - start:.1f} s : {changed} catégorie(s) "
                        "déduite(s) changée(s), file reclassée")

    def set_coder(self, name: str) -> None:
        """Who decides from now on; "" asks again (the panel's « changer »)."""
        self.coder = name.strip()
        self._load_decisions()

    def set_filters(self, **filters: str) -> None:
        """Narrow the queue; the statement under review stays there if it is still in."""
        sid = None if self.queue.empty else self.queue["statement_id"].iloc[self.position]
        wanted = {**self.filters, **{k: str(v or "") for k, v in filters.items()}}
        self.queue = review_queue(self.statements, self.interviews, self.codings, **wanted)
        self.filters = wanted
        hit = self.queue.index[self.queue["statement_id"] == sid]
        self.position = int(hit[0]) if len(hit) else 0

    def move(self, step: int) -> None:
        self.go(self.position + step)

    def go(self, position: int) -> None:
        self.position = min(max(position, 0), max(len(self.queue) - 1, 0))

    def category_at(self, key: str) -> str:
        """The category of key ``"1"``-``"9"`` (the order of the buttons)."""
        return CATEGORIES[int(key) - 1]

    def set_category(self, category: str) -> None:
        self._decide("category", category)

    def confirm(self) -> None:
        """The category shown is right: record that it was checked, go to the next."""
        row = self._require()
        self._decide("category", row["category"])
        self.move(1)

    def add_code(self, code: str, *, new: bool = False) -> None:
        """Give ``code`` (an id or a label); a code not in the codebook needs ``new``."""
        self._decide("add", code, new=new)

    def remove_code(self, code: str) -> None:
        self._decide("remove", code)

    def set_memo(self, text: str) -> None:
        row = self._require()
        sid = row["statement_id"]
        if text.strip() == self.memos.get(sid, ""):
            return
        written = manual.record(self.notes_dir, sid, "memo", "", coder=self._coder(),
                                note=text.strip(), text=row["text"])
        self._remember(row, written)
        self.memos[sid] = text.strip()

    def undo(self) -> None:
        """Take back this session's last decision: its row leaves the decisions file,
        the statement is as it was, and the queue goes back to it."""
        if not self.history:
            raise manual.DecisionError("rien à annuler")
        done = self.history[-1]
        if done.row is not None and not manual.withdraw(self.notes_dir, done.row):
            self.history.pop()
            raise manual.DecisionError(
                "cette décision n'est plus dans codage-manuel.csv (modifié ailleurs) : "
                "rien n'a été annulé")
        self.history.pop()
        sid = done.statement["statement_id"].iloc[0]
        self.statements = pd.concat([self.statements[self.statements["statement_id"] != sid],
                                     done.statement]).sort_index()
        self.codings = pd.concat([self.codings[self.codings["statement_id"] != sid],
                                  done.codings], ignore_index=True)
        self._load_decisions()  # the checked statements and memos as the file has them
        self.go(done.position)

    # -- recording ----------------------------------------------------------------------
    def _require(self) -> pd.Series:
        row = self.current
        if row is None:
            raise manual.DecisionError("aucun énoncé dans la file (changez les filtres)")
        return row

    def _coder(self) -> str:
        if not self.coder:
            raise manual.DecisionError(
                "indiquez d'abord votre nom (champ « Codeur ») : chaque décision le porte")
        return self.coder

    def _decide(self, action: str, value: str, *, new: bool = False) -> None:
        row = self._require()
        coder = self._coder()
        checked = check_decision(self, row["statement_id"], action, value, new=new,
                                 how_to_create="bouton « créer le code »")
        written = manual.record(self.notes_dir, checked.statement_id, checked.action,
                                checked.value, coder=coder, text=checked.text)
        self._remember(row, written)
        self._apply(checked.statement_id, checked.action, checked.value)

    def _remember(self, row: pd.Series, written: pd.Series) -> None:
        sid = row["statement_id"]
        self.history.append(_Done(
            row={c: written[c] for c in manual.COLUMNS} if written["recorded"] else None,
            statement=self.statements[self.statements["statement_id"] == sid].copy(),
            codings=self.codings[self.codings["statement_id"] == sid].copy(),
            memo=self.memos.get(sid, ""), position=self.position))

    def _apply(self, sid: str, action: str, value: str) -> None:
        """The decision on the session's tables, as :func:`apply_decisions` would."""
        if action == "category":
            self.statements = apply_categories(self.statements, pd.DataFrame(
                [{"statement_id": sid, "code": value, "coder": self.coder}]))
            self.checked.add(sid)
            self.unlearnt += sid in self.category_rows
            if self.unlearnt >= RELEARN_EVERY:
                self.relearn()
        elif action == "remove":
            self.codings = self.codings[~((self.codings["statement_id"] == sid)
                                          & (self.codings["code"] == value))]
        elif not ((self.codings["statement_id"] == sid) & (self.codings["code"] == value)).any():
            added = {"statement_id": sid, "code": value, "origin": "manual",
                     "coder": self.coder, "matched": "", "pattern": ""}
            self.codings = pd.concat([self.codings, pd.DataFrame([added])], ignore_index=True)
            if value not in set(self.codebook["code"]):
                self.codebook = pd.concat([self.codebook, pd.DataFrame(
                    [{"code": value, "label": value}])], ignore_index=True)

    def _load_decisions(self) -> None:
        """This coder's memos, and the statements whose category they checked, from the
        decisions in force (one read of the file)."""
        decisions = manual.latest(manual.load_decisions(self.notes_dir))
        mine = decisions[decisions["coder"] == self.coder]
        memos = mine[mine["action"] == "memo"]
        self.memos = dict(zip(memos["statement_id"], memos["note"]))
        self.checked = set(mine.loc[mine["action"] == "category", "statement_id"])


def _statement_view(row: pd.Series) -> dict:
    confidence = row["category_confidence"]
    return {"id": row["statement_id"], "text": row["text"], "speaker": row["speaker"],
            "interview": row["interview_id"],
            "section": place_in_note(row["heading"], row["section"]),
            "where": f"{row['source_file']}:{int(row['line'])}",
            "category": row["category"], "category_label": CATEGORY_LABELS.get(
                row["category"], row["category"]),
            "origin": _ORIGINS.get(row["category_origin"], row["category_origin"]),
            "rule": row["category_rule"],
            "confidence": "" if pd.isna(confidence) else f"{round(float(confidence) * 100)} %"}


def place_in_note(heading: str, section: str) -> str:
    """Where a statement sits: its headings, then its label if it has one.

    >>> place_in_note("Lectures › Dupont (2019)", "Notes SCD")
    'Lectures › Dupont (2019) › Notes SCD'
    >>> place_in_note("Lectures › Dupont (2019)", "Dupont (2019)")
    'Lectures › Dupont (2019)'
    """
    parts = heading.split(HEADING_SEP) if heading else []
    if section and section not in parts[-1:]:
        parts.append(section)
    return HEADING_SEP.join(parts)


def _lines(statements: pd.DataFrame) -> list[dict]:
    return [{"speaker": s.speaker, "text": s.text, "line": int(s.line)}
            for s in statements.itertuples()]


def _why(coding, struck: bool, *, vetoed: bool = False) -> str:
    """Why a code is shown: "motif « tuteur »", "modèle, sûr à 93 %", "ajouté par
    camille", struck "— retiré", or a pattern's the theme model dropped: "motif
    « explique » — écarté par le modèle (sûr à 12 %)"."""
    how = _CODE_ORIGINS.get(coding.origin, coding.origin)
    sure = ""
    if MODEL_PREFIX in str(coding.pattern):  # "modèle 0.93", "delais#0; modèle 0.12"
        sure = f"{float(coding.pattern.split()[-1]):.0%}".replace("%", " %")
    if coding.origin == "manual":
        how = f"ajouté par {coding.coder}"
    elif sure and not vetoed:
        how = f"modèle, sûr à {sure}"
    words = f" « {coding.matched} »" if coding.matched else ""
    if vetoed:
        return f"{how}{words} — écarté par le modèle (sûr à {sure})"
    return f"{how}{words}" + (" — retiré" if struck else "")
