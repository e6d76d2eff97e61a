"""The sections of the PDF synthesis, as escaped HTML built from the tables.

Each function takes a :class:`~csf_analysis.corpus.Corpus` (and what else it
needs) and returns an HTML fragment in French that the synthesis notebook
displays. Text from the notes is data: it is always escaped here
(``html.escape``, ``DataFrame.to_html(escape=True)``), never trusted as markup.

Example:
    >>> from csf_analysis import load_corpus
    >>> corpus = load_corpus("interviews")                 # doctest: +SKIP
    >>> html = findings_by_theme(corpus, quotes=2)          # doctest: +SKIP
"""
from __future__ import annotations

import base64
import datetime as dt
from html import escape

import pandas as pd

from .charts import ACTOR_LABELS, CATEGORY_LABELS, _format_date, interview_labels
from .figures import render

STATUS_LABELS = {"no_reply": "sans réponse", "replied": "a répondu", "error": "erreur"}
FINDING_CATEGORIES = ("representation", "feelings", "suggestions", "context", "facts", "meta")
ANNEX_LIMIT = 3000  # above this many statements, the annex is summarised


def _originals(corpus) -> pd.DataFrame:
    return corpus.statements[corpus.statements["duplicate_of"] == ""]


def _table(frame: pd.DataFrame, *, css: str = "") -> str:
    return frame.to_html(index=False, escape=True, na_rep="", border=0,
                         classes=["csf-table", css] if css else ["csf-table"])


def _p(text: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<p{cls}>{escape(text)}</p>"


def period(corpus) -> tuple[str, str]:
    dates = sorted(d for d in corpus.interviews["date"] if len(d) == 10)
    return (dates[0], dates[-1]) if dates else ("", "")


def title_page(corpus, *, build_date: str, title: str = "Synthèse des entretiens") -> str:
    """Title page: study, period covered, interviews by actor, date of the build."""
    start, end = period(corpus)
    covered = (f"du {_format_date(start)} au {_format_date(end)}" if start and start != end
               else _format_date(start) if start else "dates non précisées")
    by_actor = corpus.interviews["actor"].value_counts()
    actors = ", ".join(f"{ACTOR_LABELS.get(a, a)} : {n}" for a, n in by_actor.items())
    built = _format_date(build_date)
    return (f'<div class="csf-title"><h1>{escape(title)}</h1>'
            '<p class="csf-subtitle">Clause sociale de formation — entretiens avec les '
            "entreprises, les acheteurs et les tutrices MLDS</p>"
            f"<p>Période couverte : {escape(covered)}</p>"
            f"<p>{len(corpus.interviews)} entretien(s) — {escape(actors or 'aucun')}</p>"
            f"<p>{len(_originals(corpus))} énoncés codés, {len(corpus.contacts)} entreprises "
            f"contactées</p><p>Rapport construit le {escape(built)}</p></div>")


def corpus_overview(corpus) -> str:
    """The interviews at a glance."""
    view = corpus.interviews.assign(
        Date=corpus.interviews["date"].map(lambda d: _format_date(d) if d else "—"),
        Acteur=corpus.interviews["actor"].map(lambda a: ACTOR_LABELS.get(a, a)),
        Entreprise=corpus.interviews["company_ref"].replace("", "—"),
        Clause=corpus.interviews["clause_label"].replace("", "—"),
        Entretien=corpus.interviews["title"],
        Énoncés=corpus.interviews["n_statements"],
        Enquêteurs=corpus.interviews["interviewers"].str.replace("; ", ", "),
    )
    columns = ["Date", "Acteur", "Entreprise", "Clause", "Entretien", "Énoncés", "Enquêteurs"]
    if view.empty:
        return _p("Aucun entretien dans les notes.")
    return _table(view.sort_values("date", kind="stable")[columns])


def funnel(corpus) -> str:
    """The contact funnel in words and the contact log as a table."""
    contacts = corpus.contacts
    if contacts.empty:
        return _p("Aucun journal de contacts dans les notes.")
    counts = contacts["status"].value_counts()
    text = (f"{len(contacts)} entreprises contactées : {counts.get('replied', 0)} ont répondu, "
            f"{counts.get('no_reply', 0)} sans réponse, {counts.get('error', 0)} en erreur ; "
            f"{int(contacts['interviewed'].sum())} entretien(s) réalisé(s).")
    view = pd.DataFrame({
        "Entreprise": contacts["company_ref"], "Clause": contacts["clause_label"],
        "Statut": contacts["status"].map(STATUS_LABELS),
        "Entretien": contacts["interviewed"].map({True: "oui", False: "non"}),
        "Note": contacts["note"], "Marché": contacts["market"].str.slice(0, 90)})
    return _p(text) + _table(view, css="csf-small")


def attribution(row, interviews: pd.DataFrame) -> str:
    """« Entretien (entreprise 6, 300h, 3/02/2020) — file:line »."""
    if row["interview_id"]:
        info = interviews.loc[interviews["interview_id"] == row["interview_id"]].iloc[0]
        parts = [f"entreprise {info['company_ref']}" if info["company_ref"] else
                 ACTOR_LABELS.get(info["actor"], info["actor"])]
        parts += [info["clause_label"]] if info["clause_label"] else []
        parts += [_format_date(info["date"])] if info["date"] else []
        who = f"{info['title']} ({', '.join(parts)})"
    else:
        who = "notes hors entretien"
    return f"{who} — {row['source_file']}:{row['line']}"


def _quotes(rows: pd.DataFrame, interviews: pd.DataFrame, n: int) -> str:
    """Up to ``n`` quotes, from as many interviews as possible, in a stable order."""
    rows = rows.assign(_rank=rows.groupby("interview_id").cumcount())
    chosen = rows.sort_values(["_rank", "source_file", "line"], kind="stable").head(n)
    items = "".join(
        f'<li><q>{escape(r["text"])}</q> <span class="csf-source">'
        f"{escape(attribution(r, interviews))}</span></li>" for _, r in chosen.iterrows())
    return f'<ul class="csf-quotes">{items}</ul>' if items else ""


def findings_by_category(corpus, *, quotes: int = 3) -> str:
    """Per category: how many statements, from which interviews, and quotes."""
    statements = _originals(corpus)
    statements = statements[statements["interview_id"] != ""]
    parts = []
    for category in FINDING_CATEGORIES:
        rows = statements[statements["category"] == category]
        if rows.empty:
            continue
        inferred = int((rows["category_origin"] == "inferred").sum())
        parts.append(f"<h3>{escape(CATEGORY_LABELS[category])}</h3>" + _p(
            f"{len(rows)} énoncé(s) dans {rows['interview_id'].nunique()} entretien(s)"
            f" (dont {inferred} catégorisé(s) automatiquement).")
            + _quotes(rows, corpus.interviews, quotes))
    return "".join(parts) or _p("Aucun énoncé d'entretien.")


def findings_by_theme(corpus, *, quotes: int = 3, limit: int | None = None) -> str:
    """Per theme (most frequent first): count, interviews and quotes."""
    statements = _originals(corpus)
    codings = corpus.codings.drop_duplicates(["statement_id", "code"])
    coded = codings.merge(statements, on="statement_id")
    labels = interview_labels(corpus.interviews)
    table = corpus.codebook[corpus.codebook["n_statements"] > 0].sort_values(
        ["n_statements", "code"], ascending=[False, True]).head(limit)
    parts = []
    for theme in table.itertuples(index=False):
        rows = coded[coded["code"] == theme.code]
        where = ", ".join(labels.get(i, i) for i in dict.fromkeys(rows["interview_id"]) if i)
        parts.append(f"<h3>{escape(theme.label)} ({int(theme.n_statements)})</h3>"
                     + _p(f"Entretiens : {where or 'notes hors entretien'}.", "csf-where")
                     + _quotes(rows, corpus.interviews, quotes))
    return "".join(parts) or _p("Aucun thème codé.")


def takeaways(corpus) -> str:
    """The researchers' own parts: takeaways (On retient, A retenir) and debriefs."""
    statements = _originals(corpus)
    parts = []
    labels = interview_labels(corpus.interviews)
    for category in ("takeaway", "debrief"):
        rows = statements[statements["category"] == category]
        if rows.empty:
            continue
        parts.append(f"<h3>{escape(CATEGORY_LABELS[category])}</h3>")
        for interview_id, group in rows.groupby("interview_id", sort=False):
            name = labels.get(interview_id, "Notes hors entretien") if interview_id else \
                "Notes hors entretien"
            items = "".join(f"<li>{escape(t)}</li>" for t in group["text"])
            parts.append(f"<p><strong>{escape(name)}</strong></p><ul>{items}</ul>")
    return "".join(parts) or _p("Aucun « On retient » ni débrief dans les notes.")


def new_since(corpus, baseline: dict | None) -> str:
    """What was added since the previous report, or « premier rapport »."""
    if baseline is None:
        return _p("Premier rapport : tout est nouveau.")
    statements = _originals(corpus)
    new_interviews = corpus.interviews[
        ~corpus.interviews["interview_id"].isin(baseline["interviews"])]
    new_statements = statements[~statements["statement_id"].isin(baseline["statements"])]
    gone = len(set(baseline["statements"]) - set(corpus.statements["statement_id"]))
    text = (f"Depuis le rapport du {_format_date(baseline['date'])} : "
            f"{len(new_interviews)} nouvel(s) entretien(s), {len(new_statements)} nouvel(s) "
            f"énoncé(s), {gone} énoncé(s) retiré(s) ou modifié(s).")
    html = _p(text)
    if not new_interviews.empty:
        html += _table(new_interviews.assign(Date=new_interviews["date"].map(_format_date))[
            ["Date", "title", "actor", "company_ref", "clause_label", "n_statements"]].rename(
            columns={"title": "Entretien", "actor": "Acteur", "company_ref": "Entreprise",
                     "clause_label": "Clause", "n_statements": "Énoncés"}))
    if not new_statements.empty:
        html += _quotes(new_statements, corpus.interviews, 10)
    return html


def figure_html(figure, *, caption: str, dpi: int = 170) -> str:
    """A figure embedded as PNG, with its caption (no file needed)."""
    data = base64.b64encode(render(figure, "png", dpi=dpi)).decode()
    return (f'<figure class="csf-figure"><img src="data:image/png;base64,{data}" '
            f'alt="{escape(caption)}"/><figcaption>{escape(caption)}</figcaption></figure>')


def methods_annex(corpus, *, model: dict) -> str:
    """Codebook and its version, spaCy model, counts, problems found in the notes."""
    statements = corpus.statements
    origin = statements["category_origin"].value_counts()
    counts = pd.DataFrame({"Mesure": [
        "Notes lues", "Entretiens", "Énoncés", "dont doublons", "Catégorie donnée par la note",
        "Catégorie déduite de la phrase", "Catégorie corrigée à la main", "Codages",
        "Énoncés sans thème"], "Valeur": [
        corpus.stats.get("notes", 0), len(corpus.interviews), len(statements),
        int((statements["duplicate_of"] != "").sum()), int(origin.get("structure", 0)),
        int(origin.get("inferred", 0)), int(origin.get("manual", 0)), len(corpus.codings),
        int((~_originals(corpus)["statement_id"].isin(corpus.codings["statement_id"])).sum())]})
    html = _p(f"Modèle : spaCy {model.get('spacy_version', '?')}, {model.get('name', '?')} "
              f"{model.get('version', '?')}. Livre de codes : version "
              f"{corpus.codebook_version or '?'}.") + _table(counts)
    book = corpus.codebook.rename(columns={"code": "Code", "label": "Libellé", "parent": "Parent",
                                           "description": "Description",
                                           "n_statements": "Énoncés"})
    html += "<h3>Livre de codes</h3>" + _table(
        book[["Code", "Libellé", "Parent", "Énoncés", "Description"]], css="csf-small")
    problems = corpus.problems.rename(columns={"source_file": "Fichier", "line": "Ligne",
                                               "severity": "Gravité", "message": "Message"})
    html += "<h3>Problèmes trouvés dans les notes</h3>" + (
        _table(problems, css="csf-small") if not problems.empty else _p("Aucun."))
    return html


def statements_annex(corpus, *, limit: int = ANNEX_LIMIT) -> str:
    """Every statement of every interview with its category and codes."""
    statements = _originals(corpus)
    codes = corpus.codings.groupby("statement_id")["code"].agg(
        lambda c: ", ".join(dict.fromkeys(c)))
    if len(statements) > limit:
        summary = statements.groupby("interview_id").size().rename("Énoncés").reset_index()
        return _p(f"{len(statements)} énoncés : trop pour cette annexe, qui donne le nombre "
                  "d'énoncés par entretien ; la liste complète est dans statements.csv et "
                  "codings.csv (csf-analysis tables).") + _table(summary, css="csf-small")
    labels = interview_labels(corpus.interviews)
    parts = []
    for interview_id, group in statements.groupby("interview_id", sort=False):
        name = labels.get(interview_id, interview_id) if interview_id else "Notes hors entretien"
        view = pd.DataFrame({
            "Ligne": group["source_file"] + ":" + group["line"].astype(str),
            "Catégorie": group["category"].map(CATEGORY_LABELS),
            "Codes": group["statement_id"].map(codes).fillna(""), "Énoncé": group["text"]})
        parts.append(f"<h3>{escape(name)}</h3>" + _table(view, css="csf-annex"))
    return "".join(parts)


def today() -> str:
    return dt.date.today().isoformat()
