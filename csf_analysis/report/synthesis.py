"""The sections of the PDF synthesis, as escaped HTML built from the tables.

Each function takes a :class:`~csf_analysis.corpus.Corpus` (and what else it
needs) and returns an HTML fragment in French that the synthesis notebook
displays. Text from the notes is data: it is always escaped here
(``html.escape``, ``DataFrame.to_html(escape=True)``), never trusted as markup.

The report stays a synthesis when the corpus grows: above a limit (the
``*_LIMIT`` constants), a list is replaced by counts and the section says
where the full list is (the CSV tables of ``csf-analysis tables``); every
statement is in a file beside the report (:func:`statements_annex`); charts
with one row or column per interview are cut over several pages, every
interview drawn (:func:`report_figures`).

Example:
    >>> from csf_analysis import load_corpus
    >>> corpus = load_corpus("interviews")                 # doctest: +SKIP
    >>> html = findings_by_theme(corpus, quotes=2)          # doctest: +SKIP
    >>> count(1, "entretien"), count(1234, "énoncé")
    ('1 entretien', '1\\xa0234 énoncés')
    >>> long_date("2020-04-01")
    '1er avril 2020'
"""
from __future__ import annotations

import base64
import datetime as dt
import textwrap
from html import escape
from pathlib import Path

import pandas as pd

from .. import config
from ..cells import to_csv_text
from ..labels import (
    CATEGORY_LABELS,
    KIND_LABEL,
    KIND_LABELS,
    NO_CLAUSE,
    actor_label,
    clause_sizes,
    short_date,
)
from ..reading.dates import MONTH_LABELS
from ..reading.findings import FINDINGS_FILE
from ..reading.interviews import RESEARCHER_PARTS
from ..reading.notes import INTERVIEWER
from ..schema import counted_rows
from ..text import fold
from ..words import WORDS
from . import charts
from .charts import interview_labels
from .figures import all_figures, render
from .findings import findings_html, where_to_write
from .provenance import attribution_parts

STATUS_LABELS = {"no_reply": "sans réponse", "replied": "a répondu", "error": "erreur"}
SEVERITY_LABELS = {"error": "erreur", "warning": "avertissement"}
FINDING_CATEGORIES = ("representation", "feelings", "suggestions", "context", "facts", "meta")
# The sessions that make the findings; usability tests have their own section, and
# documents appear only in the list of sources (methods annex).
FINDING_KINDS = ("entretien", "observation", "atelier")
TEST_KIND = "test-utilisateur"
TEST_GROUPS = (("looking", "Ce que les testeurs cherchaient"),
               ("lost", "Où ils se sont perdus"),
               ("suggested", "Ce qu'ils ont suggéré"))
OVERVIEW_LIMIT = 60      # interviews listed one by one in the corpus overview
CONTACT_LIMIT = 60       # contacts listed one by one in the funnel section
PROBLEM_LIMIT = 40       # problems listed one by one in the methods annex
TAKEAWAY_LIMIT = 40      # takeaways and debrief items quoted in full
NEW_LIMIT = 40           # new interviews listed in "Nouveau depuis le dernier rapport"
WHERE_LIMIT = 12         # interviews named under a theme
CHART_INTERVIEWS = 15    # interviews per page of a chart with one per row or column
TIMELINE_ROWS = 45       # dated events per page of the timeline


def _number(n: int) -> str:
    return f"{int(n):,}".replace(",", "\u00a0")


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``"1 entretien"``, ``"3 entretiens"``, thousands split by a no-break space."""
    return f"{_number(n)} {singular if abs(int(n)) < 2 else plural or singular + 's'}"


def long_date(iso: str) -> str:
    """``"2026-11-29"`` -> ``"29 novembre 2026"``; other text unchanged."""
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    return f"{'1er' if day.day == 1 else day.day} {MONTH_LABELS[day.month - 1]} {day.year}"


def _originals(corpus) -> pd.DataFrame:
    return corpus.statements[corpus.statements["duplicate_of"] == ""]


def _table(frame: pd.DataFrame, *, css: str = "") -> str:
    return frame.to_html(index=False, escape=True, na_rep="", border=0,
                         classes=["csf-table", css] if css else ["csf-table"])


def _p(text: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<p{cls}>{escape(text)}</p>"


def _by_actor(actors: pd.Series) -> pd.Series:
    """Interviews per actor code: most first, ties in alphabetical order."""
    return actors.value_counts().sort_index().sort_values(ascending=False, kind="stable")


def period(corpus) -> tuple[str, str]:
    """First and last interview dates (ISO), or ``("", "")`` when none is dated."""
    dates = sorted(d for d in corpus.interviews["date"] if len(d) == 10)
    return (dates[0], dates[-1]) if dates else ("", "")


def _period_text(corpus) -> str:
    start, end = period(corpus)
    if not start:
        return "dates des entretiens non précisées"
    covered = f"du {long_date(start)} au {long_date(end)}" if start != end \
        else f"le {long_date(start)}"
    dated = int(corpus.interviews["date"].str.len().eq(10).sum())
    total = len(corpus.interviews)
    return covered if dated == total else \
        f"{covered} ({count(dated, 'entretien daté', 'entretiens datés')} sur {_number(total)})"


def title_page(corpus, *, build_date: str, title: str = "Synthèse des entretiens") -> str:
    """Title page: study, period covered, sessions by kind and actor, date of the build.

    ``corpus`` is the counted corpus (``Corpus.counted()``): no document, no copy.
    """
    by_actor = _by_actor(corpus.interviews["actor"])
    by_kind = corpus.interviews["kind"].value_counts()
    contacts = corpus.contacts
    replied = int((contacts["status"] == "replied").sum()) if not contacts.empty else 0
    facts = [("Période couverte", _period_text(corpus)),
             ("Entretiens" if set(by_kind.index) <= {"entretien"} else "Sessions",
              _number(len(corpus.interviews)))]
    if len(by_kind) > 1:
        facts += [("par type" if k == 0 else "", f"{KIND_LABELS.get(kind, kind)} : {_number(n)}")
                  for k, (kind, n) in enumerate(by_kind.items())]
    facts += [("par acteur" if k == 0 else "", f"{actor_label(a)} : {_number(n)}")
              for k, (a, n) in enumerate(by_actor.items())]
    facts += [("Énoncés analysés", _number(len(_originals(corpus)))),
              ("Entreprises contactées", f"{_number(len(contacts))} "
                                         f"(dont {count(replied, 'réponse')})")]
    sub = ' class="csf-sub"'
    rows = "".join(f'<tr{sub if k in ("", "par type", "par acteur") else ""}><th>{escape(k)}</th>'
                   f"<td>{escape(v)}</td></tr>" for k, v in facts)
    return (f'<div class="csf-title"><p class="csf-kicker">Étude sur la clause sociale de '
            f"formation</p><h1>{escape(title)}</h1>"
            '<p class="csf-subtitle">Ce que disent les entreprises, les acheteurs publics, '
            "les équipes de la MLDS et leurs partenaires de l'accueil de jeunes en "
            "immersion professionnelle</p>"
            f'<table class="csf-facts"><tbody>{rows}</tbody></table>'
            f'<p class="csf-built">Rapport construit le {escape(long_date(build_date))}</p></div>')


def team_findings(corpus) -> str:
    """The team's findings (``synthese.md`` in the notes folder) with each citation shown
    as the quote it points at, or where to write them when the file is absent.

    ``corpus`` is the whole corpus: a citation may point at any statement.
    """
    findings = corpus.findings
    if not findings.source_file:
        return where_to_write(Path(corpus.notes_dir).name)
    if not findings.text.strip():
        return _p(f"{FINDINGS_FILE} est vide : écrivez-y les constats de l'équipe.")
    html = findings_html(findings, corpus.statements, corpus.interviews)
    lost = sum(not citation.statement_ids for citation in findings.citations)
    if lost:
        html += _p(f"{count(lost, 'citation introuvable', 'citations introuvables')} : la note "
                   "a changé depuis ; l'annexe « Problèmes trouvés dans les notes » dit "
                   "laquelle et que faire.", "csf-where")
    return html


def _overview_counts(interviews: pd.DataFrame) -> str:
    """Interviews counted by actor and clause size (a display crosstab)."""
    clause = interviews["clause_label"].replace("", "non précisée")
    table = pd.crosstab(interviews["actor"].map(actor_label), clause, margins=True,
                        margins_name="Total")
    table = table.rename_axis(index="Acteur", columns=None).reset_index()
    return _table(table, css="csf-counts csf-totals")


def corpus_overview(corpus, *, limit: int = OVERVIEW_LIMIT) -> str:
    """The interviews at a glance: one row each, or counts above ``limit``."""
    interviews = corpus.interviews
    if interviews.empty:
        return _p("Aucun entretien dans les notes.")
    if len(interviews) > limit:
        return _p(f"{count(len(interviews), 'entretien')} : trop pour les lister ici ; "
                  "le tableau donne leur nombre par acteur et taille de clause. La liste "
                  "complète est dans interviews.csv (csf-analysis tables).") + \
            _overview_counts(interviews)
    view = interviews.assign(
        Date=interviews["date"].map(lambda d: short_date(d) if d else "—"),
        Acteur=interviews["actor"].map(actor_label),
        Entreprise=interviews["company_ref"].replace("", "—"),
        Clause=interviews["clause_label"].replace("", "—"),
        Entretien=interviews["title"],
        Énoncés=interviews["n_statements"],
        Enquêteurs=interviews["interviewers"].str.replace("; ", ", "),
    )
    columns = ["Date", "Acteur", "Entreprise", "Clause", "Entretien", "Énoncés", "Enquêteurs"]
    return _table(view.sort_values("date", kind="stable")[columns], css="csf-overview")


def _funnel_text(contacts: pd.DataFrame) -> str:
    counts = contacts["status"].value_counts()
    replied, interviewed = int(counts.get("replied", 0)), int(contacts["interviewed"].sum())
    return (f"{count(len(contacts), 'entreprise')} contactée{'s' if len(contacts) > 1 else ''} : "
            f"{replied} {'ont' if replied > 1 else 'a'} répondu, "
            f"{counts.get('no_reply', 0)} sans réponse, {counts.get('error', 0)} en erreur ; "
            f"{count(interviewed, 'entretien')} réalisé{'s' if interviewed > 1 else ''}.")


def funnel(corpus, *, limit: int = CONTACT_LIMIT) -> str:
    """The contact funnel in words and the contact log as a table (counts above ``limit``)."""
    contacts = corpus.contacts
    if contacts.empty:
        return _p("Aucun journal de contacts dans les notes.")
    status = contacts["status"].map(STATUS_LABELS).fillna(contacts["status"])
    if len(contacts) > limit:
        table = pd.crosstab(contacts["clause_label"].replace("", "non précisée"), status,
                            margins=True, margins_name="Total")
        return _p(_funnel_text(contacts)) + _p(
            "Contacts par taille de clause et statut (le journal complet est dans "
            "contacts.csv) :") + _table(table.rename_axis(index="Clause", columns=None)
                                        .reset_index(), css="csf-counts csf-totals")
    view = pd.DataFrame({
        "Entreprise": contacts["company_ref"], "Clause": contacts["clause_label"],
        "Statut": status, "Entretien": contacts["interviewed"].map({True: "oui", False: "non"}),
        "Note": contacts["note"],
        "Marché": contacts["market"].map(lambda m: textwrap.shorten(m, 110, placeholder=" …"))})
    return _p(_funnel_text(contacts)) + _table(view, css="csf-small csf-contacts")


def _quotes(rows: pd.DataFrame, interviews: pd.DataFrame, n: int) -> str:
    """Up to ``n`` quotes, from as many interviews as possible, in a stable order."""
    rows = rows.assign(_rank=rows.groupby("interview_id").cumcount())
    keys = ["_pref"] * ("_pref" in rows) + ["_rank", "source_file", "line"]
    chosen = rows.sort_values(keys, kind="stable").head(n)
    items = []
    for _, row in chosen.iterrows():
        who, where = attribution_parts(row, interviews)
        items.append(f'<li><q>{escape(row["text"])}</q><span class="csf-source">'
                     f'{escape(who)} — <span class="csf-ref">{escape(where)}</span>'
                     "</span></li>")
    return f'<ul class="csf-quotes">{"".join(items)}</ul>' if items else ""


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
        text = (f"{count(len(rows), 'énoncé')} dans "
                f"{count(rows['interview_id'].nunique(), 'entretien')}")
        text += (f", dont {inferred} classé{'s' if inferred > 1 else ''} automatiquement "
                 "d'après la phrase." if inferred else ".")
        parts.append(f"<h3>{escape(CATEGORY_LABELS[category])}</h3>" + _p(text)
                     + _quotes(rows, corpus.interviews, quotes))
    return "".join(parts) or _p("Aucun énoncé d'entretien.")


def _where(interview_ids, interviews: pd.DataFrame, labels: pd.Series, *,
           limit: int = WHERE_LIMIT) -> str:
    """The interviews a theme appears in: named up to ``limit``, counted by actor above."""
    ids = [i for i in dict.fromkeys(interview_ids) if i]
    if not ids:
        return "Entretiens : notes hors entretien."
    if len(ids) <= limit:
        return f"{count(len(ids), 'entretien')} : {', '.join(labels.get(i, i) for i in ids)}."
    actors = _by_actor(interviews.loc[interviews["interview_id"].isin(ids), "actor"])
    by_actor = ", ".join(f"{actor_label(a, lower=True)} {_number(n)}" for a, n in actors.items())
    return f"{count(len(ids), 'entretien')} ({by_actor})."


def _spread(ids: set[str], interviews: pd.DataFrame, groups: pd.Series, what: str,
            name) -> str:
    """In how many interviews of each group the theme appears ("entreprise : 4 sur 6"),
    then a comparison of the groups of at least :data:`~csf_analysis.report.charts.MIN_GROUP`
    interviews, or why there is none."""
    totals = groups.value_counts()
    found = groups[interviews["interview_id"].isin(ids).to_numpy()].value_counts()
    counts = " ; ".join(f"{name(g)} : {_number(found.get(g, 0))} sur {_number(n)}"
                        for g, n in totals.items() if found.get(g, 0))
    big = [g for g, n in totals.items() if n >= charts.MIN_GROUP and g != NO_CLAUSE]
    if len(big) < 2:
        return f"Par {what} : {counts}. Trop peu d'entretiens par {what} pour comparer " \
               f"(il en faut au moins {charts.MIN_GROUP} dans chaque groupe)."
    shares = ", ".join(f"{name(g)} {found.get(g, 0) / totals[g] * 100:.0f} %" for g in big)
    small = "" if len(big) == len(totals) else \
        f" ; les autres groupes ont moins de {charts.MIN_GROUP} entretiens"
    return f"Par {what} : {counts}. Part des entretiens où il apparaît : {shares}{small}."


def findings_by_theme(corpus, *, quotes: int = 3, limit: int | None = None) -> str:
    """Per theme (most frequent first): count, the interviews, in how many of each
    actor and clause size (compared only between groups of at least 3 interviews),
    and quotes.

    The quotes are the interviewees' own words first: the researchers' parts
    (takeaways, debriefs, meta notes) come after, and the questions of interview
    guides never (they are what the team asked, not what was said).
    """
    statements = _originals(corpus)
    codings = corpus.codings.drop_duplicates(["statement_id", "code"])
    coded = codings.merge(statements, on="statement_id")
    labels = interview_labels(corpus.interviews)
    table = corpus.codebook[corpus.codebook["n_statements"] > 0].sort_values(
        ["n_statements", "code"], ascending=[False, True]).head(limit)
    interviews = corpus.interviews
    actors = interviews["actor"].replace("", "autre")
    clauses = clause_sizes(interviews).replace("", NO_CLAUSE)
    parts = []
    for theme in table.itertuples(index=False):
        rows = coded[coded["code"] == theme.code]
        ids = [i for i in dict.fromkeys(rows["interview_id"]) if i]  # in the notes' order
        own = ~rows["category"].isin(RESEARCHER_PARTS) & (rows["speaker"] != INTERVIEWER)
        rows = rows[(rows["category"] != "question") & (rows["interview_id"] != "")]
        rows = rows.assign(_pref=(~own[rows.index]).astype(int))  # never a guide's line
        parts.append(f"<h3>{escape(theme.label)} ({int(theme.n_statements)})</h3>"
                     + _p(_where(ids, interviews, labels), "csf-where")
                     + _p(_spread(set(ids), interviews, actors, "acteur",
                                  lambda a: actor_label(a, lower=True)), "csf-where")
                     + _p(_spread(set(ids), interviews, clauses, "taille de clause", str),
                          "csf-where")
                     + _quotes(rows, interviews, quotes))
    return "".join(parts) or _p("Aucun thème codé.")


def _recent_first(interviews: pd.DataFrame) -> list[str]:
    """Interview ids, most recent date first, undated ones last (table order kept)."""
    order = interviews.assign(_pos=range(len(interviews))).sort_values(
        ["date", "_pos"], ascending=[False, True], kind="stable")
    return list(order.loc[order["date"] != "", "interview_id"]) + \
        list(order.loc[order["date"] == "", "interview_id"])


def _team(interview_id: str, interviews: pd.DataFrame, source_file: str) -> str:
    """Whose takeaway or debrief this is: the team that ran the session, by name when
    the notes say, and about which session (never the interviewee)."""
    if not interview_id:
        return f"Notes de l'équipe — {source_file}"
    info = interviews.loc[interviews["interview_id"] == interview_id].iloc[0]
    names = [n.strip() for n in str(info["interviewers"]).split(";") if n.strip()]
    team = f"l'équipe ({', '.join(names)})" if names else "l'équipe"
    after = "après le test" if info["kind"] == TEST_KIND else "après l'entretien"
    return f"Par {team}, {after} « {info['title'] or 'sans titre'} »"


def _testers_debrief(statements: pd.DataFrame, interviews: pd.DataFrame) -> pd.Series:
    """The debrief of a usability test that names no one ("Débrief", not "Débrief (Léa)"):
    the tester's words after the test, as usability tests run, not the team's."""
    tests = set(interviews.loc[interviews["kind"] == TEST_KIND, "interview_id"])
    return (statements["category"] == "debrief") & statements["interview_id"].isin(tests) \
        & ~statements["section"].str.contains("(", regex=False)


def takeaways(corpus, *, limit: int = TAKEAWAY_LIMIT) -> str:
    """The researchers' own parts, and only theirs: what the notes' structure marks as
    takeaways (On retient, À retenir) and debriefs, of interviews and tests, attributed
    to the team that wrote them. A line there given to a speaker (an interviewee's
    words in a debrief) is left out: it is theirs, not the team's.

    Above ``limit`` items in a category, those of the most recent sessions are
    quoted and the section says how many are left out.
    """
    statements = _originals(corpus)
    statements = statements[(statements["category_origin"] == "structure")
                            & statements["speaker"].isin(["", INTERVIEWER])
                            & ~_testers_debrief(statements, corpus.interviews)]
    rank = {i: k for k, i in enumerate(_recent_first(corpus.interviews))}
    parts = []
    for category in ("takeaway", "debrief"):
        rows = statements[statements["category"] == category]
        if rows.empty:
            continue
        parts.append(f"<h3>{escape(CATEGORY_LABELS[category])}</h3>")
        if len(rows) > limit:
            rows = rows.assign(_rank=rows["interview_id"].map(rank).fillna(len(rank)))
            parts.append(_p(f"{count(len(rows), 'élément')} dans les notes ; voici ceux des "
                            "sessions les plus récentes. Les autres sont dans statements.csv."))
            rows = rows.sort_values("_rank", kind="stable").head(limit)  # most recent first
        for (interview_id, source), group in rows.groupby(["interview_id", "source_file"],
                                                          sort=False):
            items = "".join(f"<li>{escape(t)}</li>" for t in group["text"])
            team = _team(interview_id, corpus.interviews, source)
            parts.append(f'<p class="csf-group">{escape(team)}</p><ul>{items}</ul>')
    return "".join(parts) or _p("Aucun « On retient » ni débrief dans les notes.")


def _test_groups(statements: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """A usability test's statements: what the tester looked for, where they got lost,
    what they suggested (a statement may be in two groups)."""
    folded = statements["text"].map(fold)
    rule = statements["category_rule"]

    def cues(kind: str) -> pd.Series:
        return folded.map(lambda text: any(cue in text for cue in WORDS["usability"][kind]))
    return {"looking": statements[cues("looking") | (rule == "facts:think-aloud")],
            "lost": statements[cues("lost") | (rule == "feelings:not-found")],
            "suggested": statements[statements["category"] == "suggestions"]}


def usability_tests(tests, *, quotes: int = 3) -> str:
    """The usability tests apart from the interviews: what the testers looked for,
    where they got lost, what they suggested, with counts and their own words.

    ``tests`` is the corpus of tests (``corpus.filter(kinds="test-utilisateur")``).
    """
    interviews = tests.interviews
    if interviews.empty:
        return _p("Aucun test utilisateur dans les notes : cette section se remplit dès "
                  "qu'une note de test arrive (kind test-utilisateur).")
    statements = _originals(tests)
    statements = statements[statements["interview_id"].isin(set(interviews["interview_id"]))]
    debrief = statements[_testers_debrief(statements, interviews)]
    statements = statements[~statements["category"].isin(["takeaway", "debrief", "question",
                                                          "meta"])]
    actors = ", ".join(f"{actor_label(a, lower=True)} {_number(n)}"
                       for a, n in _by_actor(interviews["actor"]).items())
    html = _p(f"{count(len(interviews), 'test utilisateur', 'tests utilisateurs')} ({actors}), "
              f"{count(len(statements), 'énoncé')} des testeurs et de leurs observateurs.")
    groups = _test_groups(statements)
    for key, title in TEST_GROUPS:
        rows = groups[key]
        html += f"<h3>{escape(title)}</h3>"
        if rows.empty:
            html += _p("Rien de tel dans les notes des tests.")
            continue
        html += _p(f"{count(len(rows), 'énoncé')} dans "
                   f"{count(rows['interview_id'].nunique(), 'test')}.", "csf-where")
        html += _quotes(rows, interviews, quotes)
    if not debrief.empty:
        tested = count(debrief["interview_id"].nunique(), "test")
        html += "<h3>Ce qu'ils en disent au débrief</h3>" + _p(
            f"{count(len(debrief), 'énoncé')} dans {tested}.", "csf-where") \
            + _quotes(debrief, interviews, quotes)
    return html


def _new_interviews_table(new: pd.DataFrame, *, limit: int) -> str:
    view = pd.DataFrame({
        "Date": new["date"].map(lambda d: short_date(d) if d else "—"),
        "Entretien": new["title"], "Acteur": new["actor"].map(actor_label),
        "Entreprise": new["company_ref"].replace("", "—"),
        "Clause": new["clause_label"].replace("", "—"), "Énoncés": new["n_statements"]})
    more = _p(f"… et {count(len(new) - limit, 'autre entretien')} (liste dans "
              "interviews.csv).") if len(new) > limit else ""
    return _table(view.head(limit), css="csf-overview") + more


def new_since(corpus, baseline: dict | None, *, quotes: int = 10) -> str:
    """What was added since the previous report, or « premier rapport »."""
    if baseline is None:
        return _p("Premier rapport : tout est nouveau.")
    statements = _originals(corpus)
    new_interviews = corpus.interviews[
        ~corpus.interviews["interview_id"].isin(baseline["interviews"])]
    new_statements = statements[~statements["statement_id"].isin(baseline["statements"])]
    gone = len(set(baseline["statements"]) - set(corpus.statements["statement_id"]))
    n_new = len(new_interviews)
    text = (f"Depuis le rapport du {long_date(baseline['date'])} : "
            f"{n_new} {'nouveaux entretiens' if n_new > 1 else 'nouvel entretien'}, "
            f"{count(len(new_statements), 'nouvel énoncé', 'nouveaux énoncés')}, "
            f"{count(gone, 'énoncé')} retiré{'s' if gone > 1 else ''} ou modifié"
            f"{'s' if gone > 1 else ''}.")
    html = _p(text)
    if not new_interviews.empty:
        html += _new_interviews_table(new_interviews, limit=NEW_LIMIT)
    if not new_statements.empty:
        html += _p("Quelques nouveaux énoncés :") + _quotes(new_statements, corpus.interviews,
                                                            quotes)
    return html


def figure_html(figure, *, caption: str, dpi: int = 150) -> str:
    """A figure embedded as PNG, with its caption (no file needed)."""
    data = base64.b64encode(render(figure, "png", dpi=dpi)).decode()
    return (f'<figure class="csf-figure"><img src="data:image/png;base64,{data}" '
            f'alt="{escape(caption)}"/><figcaption>{escape(caption)}</figcaption></figure>')


def _chunks(interviews: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    """The interviews in the notes' order, ``size`` at a time (at least one chunk)."""
    return [interviews.iloc[i:i + size] for i in range(0, max(len(interviews), 1), size)]


def _timeline_chunks(events: pd.DataFrame, interviews: pd.DataFrame, *,
                     rows: int) -> tuple[list[pd.DataFrame], int]:
    """The dated interviews, in date order, cut so each timeline holds about ``rows``
    dated events; and how many interviews have no date at all to draw."""
    timeline = charts.timeline_data({"events": events, "interviews": interviews})
    sizes = timeline.groupby("interview_id").size()
    dated = [i for i in reversed(_recent_first(interviews)) if i in sizes.index]
    chunks: list[list[str]] = [[]]
    used = 0
    for interview_id in dated:
        if chunks[-1] and used + sizes[interview_id] > rows:
            chunks.append([])
            used = 0
        chunks[-1].append(interview_id)
        used += sizes[interview_id]
    parts = [interviews[interviews["interview_id"].isin(set(chunk))] for chunk in chunks]
    return parts, len(interviews) - len(dated)


def _part(caption: str, k: int, n: int, first: int, last: int, total: int) -> str:
    """The caption of part ``k`` of ``n`` of a chart cut over several pages."""
    if n == 1:
        return caption
    return f"{caption} Partie {k}/{n} : entretiens {first} à {last} sur {_number(total)}."


def figure_parts(figures: dict[str, tuple], name: str) -> list[tuple]:
    """(Figure, caption) of chart ``name`` and of its parts (``name#2``...), in order."""
    return [figures[key] for key in figures if key == name or key.startswith(f"{name}#")]


def report_figures(corpus, *, interviews_per_chart: int = CHART_INTERVIEWS,
                   timeline_rows: int = TIMELINE_ROWS) -> dict[str, tuple]:
    """The report's charts: name -> (Figure, caption in French).

    Every interview is drawn: a chart with one row or column per interview is cut
    into parts of ``interviews_per_chart`` interviews (``name``, ``name#2``...: see
    :func:`figure_parts`), the timeline into parts of about ``timeline_rows`` dated
    events; each caption says which part it is. Interviews with no date at all
    cannot be placed on the timeline: its caption counts them.
    """
    events = corpus.events  # read once per corpus (Corpus.events)
    tables = {**corpus.tables(), "events": events}
    interviews = corpus.interviews
    chunks = _chunks(interviews, interviews_per_chart)
    dated, undated = _timeline_chunks(events, interviews, rows=timeline_rows)
    figures = all_figures(tables, per_interview=chunks[0], timeline_interviews=dated[0],
                          durations_rows=30)
    undated_note = (f" {count(undated, 'entretien')} sans date ni date citée ne "
                    f"{'peuvent' if undated > 1 else 'peut'} y figurer."
                    if undated else "")
    captions = {
        "entonnoir_contacts": "Entreprises à chaque étape du contact, par taille de clause.",
        "categories_par_entretien": "Nombre d'énoncés de chaque catégorie, par entretien.",
        "themes_par_entretien": "Chaque case : énoncés de l'entretien (colonne) codés avec le "
                                "thème (ligne) ; plus la case est foncée, plus leur part est "
                                "grande.",
        "themes_par_clause": "Part moyenne des énoncés codés avec chaque thème, selon la taille "
                             "de la clause (chaque entretien pèse autant ; * : moins de 3 "
                             "entretiens, trop peu pour comparer).",
        "themes_par_acteur": "Part moyenne des énoncés codés avec chaque thème, selon l'acteur "
                             "interrogé (chaque entretien pèse autant ; * : moins de 3 "
                             "entretiens, trop peu pour comparer).",
        "chronologie": "Dates citées dans les entretiens ; le losange est la date de "
                       "l'entretien." + undated_note,
        "durees": "Durées rapportées dans les entretiens (échelle logarithmique) : délais, "
                  "durées d'immersion et de contrat, sans les âges ni l'ancienneté.",
        "cooccurrences": "Nombre d'énoncés codés avec chacun des deux thèmes.",
    }
    draw = {"categories_par_entretien": charts.categories_by_interview,
            "themes_par_entretien": charts.themes_by_interview}
    out: dict[str, tuple] = {}
    for name, caption in captions.items():
        if name in draw:
            for k, chunk in enumerate(chunks):
                figure = figures[name] if k == 0 else draw[name]({**tables, "interviews": chunk})
                first = k * interviews_per_chart + 1
                out[name if k == 0 else f"{name}#{k + 1}"] = (figure, _part(
                    caption, k + 1, len(chunks), first, first + len(chunk) - 1, len(interviews)))
        elif name == "chronologie":
            done = 0
            for k, chunk in enumerate(dated):
                figure = figures[name] if k == 0 else charts.timeline({**tables,
                                                                       "interviews": chunk})
                out[name if k == 0 else f"{name}#{k + 1}"] = (figure, _part(
                    caption, k + 1, len(dated), done + 1, done + len(chunk),
                    len(interviews) - undated))
                done += len(chunk)
        else:
            out[name] = (figures[name], caption)
    return out


def usability_figures(tests) -> dict[str, tuple]:
    """The usability tests' own charts: name -> (Figure, caption in French)."""
    return {
        "categories_par_test": (
            charts.categories_by_interview(tests, title="Catégories d'énoncés par test"),
            "Nombre d'énoncés de chaque catégorie, par test utilisateur."),
        "themes_par_test": (
            charts.themes_by_interview(tests, title="Thèmes par test"),
            "Chaque case : énoncés du test (colonne) codés avec le thème (ligne)."),
    }


def sources_table(interviews: pd.DataFrame) -> pd.DataFrame:
    """Every note read, session or document, with its kind and whether it counts: the
    one place where the team's documents are named (a display table)."""
    def counted(row) -> str:
        if row.duplicate_of:
            return "non : copie d'une autre session"
        return "non : document" if row.kind == "document" else "oui"
    return pd.DataFrame({
        "Fichier": interviews["source_file"],
        "Type": interviews["kind"].map(lambda k: KIND_LABEL.get(k, k)),
        "Titre": interviews["title"].map(lambda s: textwrap.shorten(s, 70, placeholder=" …")),
        "Compté": [counted(row) for row in interviews.itertuples()]})


def _problems_html(problems: pd.DataFrame, *, limit: int) -> str:
    if problems.empty:
        return _p("Aucun.")
    view = problems.assign(severity=problems["severity"].map(SEVERITY_LABELS)
                           .fillna(problems["severity"]))
    view = view.rename(columns={"source_file": "Fichier", "line": "Ligne",
                                "severity": "Gravité", "message": "Message"})
    view = view.sort_values("Gravité", kind="stable")  # errors before warnings
    if len(view) <= limit:
        return _table(view, css="csf-small csf-problems")
    by_severity = ", ".join(f"{count(n, s)}" for s, n in view["Gravité"].value_counts().items())
    return _p(f"{count(len(view), 'problème')} ({by_severity}) ; voici les {limit} premiers, "
              "la liste complète est dans problems.csv.") + \
        _table(view.head(limit), css="csf-small csf-problems")


def category_method() -> str:
    """How the inferred categories are made, and how often they are right, from the
    shipped model's own measures (``benchmarks/train_category_model.py``)."""
    from ..coding.category_model import MIN_CONFIDENCE, load_default
    info = load_default().info
    text = ("Catégories déduites : des règles écrites à la main (mode du verbe, première "
            "personne, mots d'émotion…), puis un modèle entraîné sur "
            f"{info.get('statements', '?')} énoncés annotés à la main, qui tranche quand il "
            f"est sûr à {MIN_CONFIDENCE * 100:.0f} % au moins ; la colonne category_rule "
            "dit lequel a joué.")
    if "blind_accuracy" in info:
        text += (" Sur des notes nouvelles, que ni les règles ni le modèle n'avaient vues, la "
                 f"catégorie déduite est la bonne {info['blind_accuracy'] * 100:.0f} % du temps "
                 f"({info['blind_statements']} énoncés)")
        text += (f", {info['cv_accuracy_other_coders'] * 100:.0f} % sur les notes d'autres "
                 "codeurs en validation croisée" if "cv_accuracy_other_coders" in info else "")
        text += " : vérifiez-la avant de citer."
    elif "cv_accuracy_other_coders" in info:
        text += (" Sur les notes d'autres codeurs, la catégorie déduite est la bonne "
                 f"{info['cv_accuracy_other_coders'] * 100:.0f} % du temps (les règles seules : "
                 f"{info['cv_rules_other_coders'] * 100:.0f} %) : vérifiez-la avant de citer.")
    return text + (" La colonne category_confidence dit à quel point le modèle est sûr de "
                   "la catégorie retenue : relisez d'abord les moins sûres.")


def kinds_table(interviews: pd.DataFrame) -> pd.DataFrame:
    """What the notes hold, by kind: the rows of ``interviews``, those counted, and the
    copies and documents left out (a display table)."""
    table = pd.DataFrame({"kind": interviews["kind"].replace("", "entretien"),
                          "copy": interviews["duplicate_of"] != "",
                          "counted": counted_rows(interviews)}).groupby("kind").agg(
        lues=("copy", "size"), comptées=("counted", "sum"), copies=("copy", "sum"))
    table = table.reindex([k for k in KIND_LABELS if k in table.index])
    return pd.DataFrame({"Type": [KIND_LABELS[k] for k in table.index],
                         "Lues": table["lues"].tolist(), "Comptées": table["comptées"].tolist(),
                         "Copies": table["copies"].tolist()})


def methods_annex(corpus, *, model: dict, problems_limit: int = PROBLEM_LIMIT) -> str:
    """Codebook and its version, spaCy model, what the notes hold by kind, counts,
    problems found in the notes.

    ``corpus`` is the whole corpus: documents and copies are named here (and only
    here), the counts come from ``corpus.counted()``.
    """
    counted = corpus.counted()
    statements = counted.statements
    origin = statements["category_origin"].value_counts()
    counts = pd.DataFrame({"Mesure": [
        "Notes lues", "Sessions comptées", "Énoncés comptés", "dont doublons",
        "Énoncés des documents et copies (gardés, non comptés)",
        "Catégorie donnée par la note", "Catégorie déduite de la phrase",
        "Catégorie corrigée à la main", "Codages", "Énoncés sans thème"], "Valeur": [
        corpus.stats.get("notes", 0), len(counted.interviews), len(statements),
        int((statements["duplicate_of"] != "").sum()),
        len(corpus.statements) - len(statements), int(origin.get("structure", 0)),
        int(origin.get("inferred", 0)), int(origin.get("manual", 0)), len(counted.codings),
        int((~_originals(counted)["statement_id"].isin(counted.codings["statement_id"])).sum())]})
    html = _p(f"Modèle : spaCy {model.get('spacy_version', '?')}, {model.get('name', '?')} "
              f"{model.get('version', '?')}. Livre de codes : version "
              f"{corpus.codebook_version or '?'}.") + _p(category_method())
    html += _p("Chaque note est lue comme un entretien, un test utilisateur, une observation, "
               "un atelier ou un document (notes de l'équipe, liens, pièces administratives) : "
               "la colonne kind d'interviews.csv le dit, et kind_evidence dit pourquoi. Les "
               "documents et les copies d'un autre entretien sont gardés dans les tables mais "
               "jamais comptés ; une ligne « kind: ... » dans le front matter d'une note "
               "corrige son type.")
    html += _table(kinds_table(corpus.interviews), css="csf-counts")
    sources = corpus.interviews
    html += "<h3>Les notes lues</h3>"
    if len(sources) > OVERVIEW_LIMIT:
        html += _p(f"{count(len(sources), 'session ou document', 'sessions et documents')} : "
                   "la liste complète, avec le type de chacun, est dans interviews.csv.")
    else:
        html += _table(sources_table(sources), css="csf-small csf-sources")
    html += _table(counts, css="csf-counts")
    html += _p("Ce qui est compté : un thème compte les énoncés distincts, sans les doublons, "
               "des entretiens, observations et ateliers (les tests utilisateurs ont leur "
               "section, les documents et les notes hors session ne comptent pas). C'est le "
               "même nombre dans la section du thème, la carte des thèmes par entretien, la "
               "diagonale des co-occurrences, la colonne « Énoncés » ci-dessous et codings.csv "
               "restreint de même.")
    findings = corpus.filter(kinds=list(FINDING_KINDS))
    book = findings.codebook.rename(columns={"code": "Code", "label": "Libellé", "parent": "Parent",
                                           "description": "Description",
                                           "n_statements": "Énoncés"})
    html += "<h3>Livre de codes</h3>" + _table(
        book[["Code", "Libellé", "Parent", "Énoncés", "Description"]], css="csf-small csf-book")
    return html + "<h3>Problèmes trouvés dans les notes</h3>" + _problems_html(
        corpus.problems, limit=problems_limit)


def statements_table(corpus) -> pd.DataFrame:
    """Every statement of the counted sessions with its session, category and codes, in
    the notes' order: the annex file beside the report (French column names)."""
    statements = _originals(corpus)
    codes = corpus.codings.groupby("statement_id")["code"].agg(
        lambda c: "; ".join(dict.fromkeys(c)))
    labels = interview_labels(corpus.interviews)
    kinds = corpus.interviews.set_index("interview_id")["kind"]
    return pd.DataFrame({
        "session": statements["interview_id"].map(labels).fillna("notes hors entretien"),
        "type": statements["interview_id"].map(kinds).map(KIND_LABEL).fillna(""),
        "fichier": statements["source_file"], "ligne": statements["line"],
        "catégorie": statements["category"].map(CATEGORY_LABELS).fillna(statements["category"]),
        "codes": statements["statement_id"].map(codes).fillna(""),
        "énoncé": statements["text"], "citation": "[@" + statements["statement_id"] + "]",
    }).reset_index(drop=True)


def statements_annex(corpus, path: str | Path = "") -> str:
    """The annex that points at the file of every statement: writes it at ``path``
    (spreadsheet-safe CSV, see :mod:`csf_analysis.cells`) and says what it holds.
    ``path`` "" writes nothing (a notebook run by hand)."""
    table = statements_table(corpus)
    if path:
        Path(path).write_text(to_csv_text(table), encoding="utf-8")
    by_category = ", ".join(f"{name.lower()} {_number(n)}"
                            for name, n in table["catégorie"].value_counts().items())
    return _p(f"La liste des {count(len(table), 'énoncé')} analysés ({by_category}), avec leur "
              "session, leur ligne dans la note, leur catégorie, leurs codes et leur citation "
              f"prête à coller dans {FINDINGS_FILE}, est dans le fichier {config.ANNEX_FILE}, "
              "à côté de ce rapport (à ouvrir dans un tableur).")


def today() -> str:
    return dt.date.today().isoformat()
