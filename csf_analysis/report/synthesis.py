"""The sections of the PDF synthesis: words and numbers from the tables, in templates.

Each function takes a :class:`~csf_analysis.corpus.Corpus` (and what else it
needs), computes what the section says in French and renders its Jinja2
template (``templates/sections``, autoescaped: see :mod:`.rendering`) into the HTML
fragment the synthesis notebook displays. Text from the notes is data, never
markup: the templates escape it, and tables come from
``DataFrame.to_html(escape=True)``.

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
from pathlib import Path

import pandas as pd

from .. import config
from ..cells import to_csv_text
from ..labels import CATEGORY_LABELS, KIND_LABEL, KIND_LABELS, actor_label, short_date
from ..reading.dates import MONTH_LABELS
from ..reading.findings import FINDINGS_FILE
from ..reading.interviews import RESEARCHER_PARTS
from ..reading.notes import INTERVIEWER
from ..schema import counted_rows
from ..text import fold
from ..words import WORDS
from . import charts, highlights
from .charts import interview_labels
from .cuts import shorten
from .figures import all_figures
from .figures import render as render_figure
from .findings import findings_html
from .highlights import MAIN_THEMES
from .provenance import attribution_parts
from .rendering import Markup, frame_html, paragraph, render

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


def title_page(corpus, *, build_date: str, title: str = "Synthèse des entretiens") -> Markup:
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
    return render("title_page.html.j2", title=title, built=long_date(build_date),
                  facts=[(k, v, k in ("", "par type", "par acteur")) for k, v in facts])


def team_findings(corpus) -> Markup:
    """The team's findings (``synthese.md`` in the notes folder) with each citation shown
    as the quote it points at, or where to write them when the file is absent.

    ``corpus`` is the whole corpus: a citation may point at any statement.
    """
    findings = corpus.findings
    context = {"found": bool(findings.source_file), "file": FINDINGS_FILE,
               "folder": Path(corpus.notes_dir).name, "body": "", "lost": ""}
    if findings.source_file and findings.text.strip():
        lost = sum(not citation.statement_ids for citation in findings.citations)
        context.update(body=findings_html(findings, corpus.statements, corpus.interviews),
                       lost=count(lost, "citation introuvable", "citations introuvables")
                       if lost else "")
    return render("team_findings.html.j2", **context)


def _overview_counts(interviews: pd.DataFrame) -> Markup:
    """Interviews counted by actor and clause size (a display crosstab)."""
    clause = interviews["clause_label"].replace("", "non précisée")
    counts = pd.crosstab(interviews["actor"].map(actor_label), clause, margins=True,
                         margins_name="Total")
    counts = counts.rename_axis(index="Acteur", columns=None).reset_index()
    return frame_html(counts, css="csf-counts csf-totals")


def corpus_overview(corpus, *, limit: int = OVERVIEW_LIMIT) -> Markup:
    """The interviews at a glance: one row each, or counts above ``limit``."""
    interviews = corpus.interviews
    if interviews.empty:
        return paragraph("Aucun entretien dans les notes.")
    if len(interviews) > limit:
        return render("overview.html.j2", table=_overview_counts(interviews), intro=(
            f"{count(len(interviews), 'entretien')} : trop pour les lister ici ; le tableau "
            "donne leur nombre par acteur et taille de clause. La liste complète est dans "
            "interviews.csv (csf-analysis tables)."))
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
    return render("overview.html.j2", intro="", table=frame_html(
        view.sort_values("date", kind="stable")[columns], css="csf-overview"))


def _funnel_text(contacts: pd.DataFrame) -> str:
    counts = contacts["status"].value_counts()
    replied, interviewed = int(counts.get("replied", 0)), int(contacts["interviewed"].sum())
    return (f"{count(len(contacts), 'entreprise')} contactée{'s' if len(contacts) > 1 else ''} : "
            f"{replied} {'ont' if replied > 1 else 'a'} répondu, "
            f"{counts.get('no_reply', 0)} sans réponse, {counts.get('error', 0)} en erreur ; "
            f"{count(interviewed, 'entretien')} réalisé{'s' if interviewed > 1 else ''}.")


def funnel(corpus, *, limit: int = CONTACT_LIMIT) -> Markup:
    """The contact funnel in words and the contact log as a table (counts above ``limit``)."""
    contacts = corpus.contacts
    if contacts.empty:
        return paragraph("Aucun journal de contacts dans les notes.")
    status = contacts["status"].map(STATUS_LABELS).fillna(contacts["status"])
    if len(contacts) > limit:
        counts = pd.crosstab(contacts["clause_label"].replace("", "non précisée"), status,
                             margins=True, margins_name="Total")
        return render("funnel.html.j2", summary=_funnel_text(contacts), intro=(
            "Contacts par taille de clause et statut (le journal complet est dans "
            "contacts.csv) :"), table=frame_html(counts.rename_axis(
                index="Clause", columns=None).reset_index(), css="csf-counts csf-totals"))
    view = pd.DataFrame({
        "Entreprise": contacts["company_ref"], "Clause": contacts["clause_label"],
        "Statut": status, "Entretien": contacts["interviewed"].map({True: "oui", False: "non"}),
        "Note": contacts["note"],
        "Marché": contacts["market"].map(lambda m: shorten(m, 110))})
    return render("funnel.html.j2", summary=_funnel_text(contacts), intro="",
                  table=frame_html(view, css="csf-small csf-contacts"))


def _quote_items(rows: pd.DataFrame, interviews: pd.DataFrame, n: int) -> list[dict]:
    """Up to ``n`` quotes, from as many interviews as possible, in a stable order: the
    text, who said it and where (``file:line``)."""
    rows = rows.assign(_rank=rows.groupby("interview_id").cumcount())
    keys = ["_pref"] * ("_pref" in rows) + ["_rank", "source_file", "line"]
    items = []
    for _, row in rows.sort_values(keys, kind="stable").head(n).iterrows():
        who, where = attribution_parts(row, interviews)
        items.append({"text": row["text"], "who": who, "where": where})
    return items


def _quotes(rows: pd.DataFrame, interviews: pd.DataFrame, n: int) -> Markup:
    """:func:`_quote_items` as a list of quotes."""
    return render("quotes.html.j2", items=_quote_items(rows, interviews, n))


def findings_by_category(corpus, *, quotes: int = 3) -> Markup:
    """Per category: how many statements, from which interviews, and quotes."""
    statements = _originals(corpus)
    statements = statements[statements["interview_id"] != ""]
    categories = []
    for category in FINDING_CATEGORIES:
        rows = statements[statements["category"] == category]
        if rows.empty:
            continue
        inferred = int((rows["category_origin"] == "inferred").sum())
        text = (f"{count(len(rows), 'énoncé')} dans "
                f"{count(rows['interview_id'].nunique(), 'entretien')}")
        text += (f", dont {inferred} classé{'s' if inferred > 1 else ''} automatiquement "
                 "d'après la phrase." if inferred else ".")
        categories.append({"label": CATEGORY_LABELS[category], "text": text,
                           "quotes": _quote_items(rows, corpus.interviews, quotes)})
    return render("categories.html.j2", categories=categories)


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


def _themes(corpus) -> pd.DataFrame:
    return highlights.theme_table(corpus.codings, _originals(corpus), corpus.codebook)


def _highlight(theme, groups: dict[str, pd.Series], total: int) -> str:
    """One sentence of counts for a theme: statements, interviews, by actor and clause."""
    ids = set(theme.interview_ids)
    text = (f"{count(theme.n_statements, 'énoncé')} dans {_number(theme.n_interviews)} "
            f"des {count(total, 'entretien')}")
    for what, series in groups.items():
        text += f" ; par {what} : {', '.join(highlights.spread(ids, series))}"
        which = highlights.compared(series)
        if which:
            text += f" (part des entretiens : {highlights.shares(ids, series, which)})"
    return text + "."


def theme_highlights(corpus, *, main: int = MAIN_THEMES) -> Markup:
    """The computed highlights: for each main theme (in most interviews first), in how
    many interviews of which actors and clause sizes it appears; which groups are big
    enough to compare (at least 3 interviews each), said once."""
    themes = _themes(corpus).head(main)
    groups = highlights.groupings(corpus.interviews)
    total = len(corpus.interviews)
    return render("highlights.html.j2", intro=(
        f"Les {count(len(themes), 'thème')} présents dans le plus d'entretiens, comptés dans "
        f"les {count(total, 'entretien')}, observations et ateliers ; « 3 sur 4 » : le thème "
        "apparaît dans 3 des 4 entretiens de ce groupe. Ces nombres viennent du codage des "
        "énoncés (annexe A)."),
        themes=[{"label": t.label, "text": _highlight(t, groups, total)}
                for t in themes.itertuples(index=False)],
        comparisons=[highlights.comparison_note(what, series)
                     for what, series in groups.items()])


def findings_by_theme(corpus, *, quotes: int = 3, main: int = MAIN_THEMES) -> Markup:
    """The main themes one by one (in most interviews first: their count, the interviews,
    quotes), then the other themes in a table.

    The quotes are the interviewees' own words first: the researchers' parts
    (takeaways, debriefs, meta notes) come after, and the questions of interview
    guides never (they are what the team asked, not what was said).
    """
    statements = _originals(corpus)
    coded = corpus.codings.drop_duplicates(["statement_id", "code"]).merge(
        statements, on="statement_id")
    coded = coded[(coded["category"] != "question") & (coded["interview_id"] != "")]
    own = ~coded["category"].isin(RESEARCHER_PARTS) & (coded["speaker"] != INTERVIEWER)
    coded = coded.assign(_pref=(~own).astype(int))
    labels = interview_labels(corpus.interviews)
    themes = _themes(corpus)
    shown = [{"heading": f"{t.label} ({int(t.n_statements)})",
              "where": _where(t.interview_ids, corpus.interviews, labels),
              "quotes": _quote_items(coded[coded["code"] == t.code], corpus.interviews, quotes)}
             for t in themes.head(main).itertuples(index=False)]
    others = themes.iloc[main:]
    return render("themes.html.j2", themes=shown, others=frame_html(pd.DataFrame({
        "Thème": others["label"], "Énoncés": others["n_statements"],
        "Entretiens": others["n_interviews"]}), css="csf-counts") if len(others) else "",
        others_intro=f"{count(len(others), 'autre thème', 'autres thèmes')}, présents dans "
                     "moins d'entretiens ; leurs énoncés sont dans le fichier des énoncés "
                     "(annexe B).")


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


def takeaways(corpus, *, limit: int = TAKEAWAY_LIMIT) -> Markup:
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
        intro = ""
        if len(rows) > limit:
            intro = (f"{count(len(rows), 'élément')} dans les notes ; voici ceux des sessions "
                     "les plus récentes. Les autres sont dans statements.csv.")
            rows = rows.assign(_rank=rows["interview_id"].map(rank).fillna(len(rank)))
            rows = rows.sort_values("_rank", kind="stable").head(limit)  # most recent first
        groups = [{"team": _team(interview_id, corpus.interviews, source),
                   "items": list(group["text"])}
                  for (interview_id, source), group in rows.groupby(
                      ["interview_id", "source_file"], sort=False)]
        parts.append({"label": CATEGORY_LABELS[category], "intro": intro, "groups": groups})
    return render("takeaways.html.j2", parts=parts)


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


def usability_tests(tests, *, quotes: int = 3) -> Markup:
    """The usability tests apart from the interviews: what the testers looked for,
    where they got lost, what they suggested, with counts and their own words.

    ``tests`` is the corpus of tests (``corpus.filter(kinds="test-utilisateur")``).
    """
    interviews = tests.interviews
    if interviews.empty:
        return render("usability_tests.html.j2", summary="", groups=[])
    statements = _originals(tests)
    statements = statements[statements["interview_id"].isin(set(interviews["interview_id"]))]
    debrief = statements[_testers_debrief(statements, interviews)]
    statements = statements[~statements["category"].isin(["takeaway", "debrief", "question",
                                                          "meta"])]
    actors = ", ".join(f"{actor_label(a, lower=True)} {_number(n)}"
                       for a, n in _by_actor(interviews["actor"]).items())
    summary = (f"{count(len(interviews), 'test utilisateur', 'tests utilisateurs')} "
               f"({actors}), {count(len(statements), 'énoncé')} des testeurs et de leurs "
               "observateurs.")
    found = _test_groups(statements)
    groups = [(title, found[key]) for key, title in TEST_GROUPS]
    groups += [("Ce qu'ils en disent au débrief", debrief)] if not debrief.empty else []
    return render("usability_tests.html.j2", summary=summary, groups=[{
        "title": title, "quotes": _quote_items(rows, interviews, quotes),
        "text": f"{count(len(rows), 'énoncé')} dans "
                f"{count(rows['interview_id'].nunique(), 'test')}." if len(rows) else ""}
        for title, rows in groups])


def _new_interviews(new: pd.DataFrame, *, limit: int) -> tuple[Markup, str]:
    """The new interviews as a table (the first ``limit``) and how many are left out."""
    view = pd.DataFrame({
        "Date": new["date"].map(lambda d: short_date(d) if d else "—"),
        "Entretien": new["title"], "Acteur": new["actor"].map(actor_label),
        "Entreprise": new["company_ref"].replace("", "—"),
        "Clause": new["clause_label"].replace("", "—"), "Énoncés": new["n_statements"]})
    more = f"… et {count(len(new) - limit, 'autre entretien')} (liste dans interviews.csv)." \
        if len(new) > limit else ""
    return frame_html(view.head(limit), css="csf-overview"), more


def new_since(corpus, baseline: dict | None, *, quotes: int = 10) -> Markup:
    """What was added since the previous report, or « premier rapport »."""
    if baseline is None:
        return paragraph("Premier rapport : tout est nouveau.")
    statements = _originals(corpus)
    new_interviews = corpus.interviews[
        ~corpus.interviews["interview_id"].isin(baseline["interviews"])]
    new_statements = statements[~statements["statement_id"].isin(baseline["statements"])]
    gone = len(set(baseline["statements"]) - set(corpus.statements["statement_id"]))
    n_new = len(new_interviews)
    summary = (f"Depuis le rapport du {long_date(baseline['date'])} : "
               f"{n_new} {'nouveaux entretiens' if n_new > 1 else 'nouvel entretien'}, "
               f"{count(len(new_statements), 'nouvel énoncé', 'nouveaux énoncés')}, "
               f"{count(gone, 'énoncé')} retiré{'s' if gone > 1 else ''} ou modifié"
               f"{'s' if gone > 1 else ''}.")
    new_table, more = _new_interviews(new_interviews, limit=NEW_LIMIT) \
        if n_new else ("", "")
    return render("new_since.html.j2", summary=summary, table=new_table, more=more,
                  items=_quote_items(new_statements, corpus.interviews, quotes))


def figure_html(figure, *, caption: str, dpi: int = 150) -> Markup:
    """A figure embedded as PNG, with its caption (no file needed)."""
    data = base64.b64encode(render_figure(figure, "png", dpi=dpi)).decode()
    return render("figure.html.j2", data=data, caption=caption)


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
    cannot be placed on the timeline: its caption counts them. The comparisons by
    clause size and by actor draw the main themes (:data:`MAIN_THEMES`, those of
    the highlights), so that both fit on one page.
    """
    events = corpus.events  # read once per corpus (Corpus.events)
    themes = _themes(corpus)
    main = themes["code"].head(MAIN_THEMES).tolist()
    tables = {**corpus.tables(), "events": events}
    interviews = corpus.interviews
    chunks = _chunks(interviews, interviews_per_chart)
    dated, undated = _timeline_chunks(events, interviews, rows=timeline_rows)
    figures = all_figures(tables, per_interview=chunks[0], timeline_interviews=dated[0],
                          durations_rows=30, group_themes=main)
    which = (f" Les {count(len(main), 'thème')} présents dans le plus d'entretiens (les "
             f"{_number(len(themes))} sont dans la figure par entretien)."
             if len(themes) > len(main) else "")
    small = (f"chaque entretien pèse autant ; * : moins de {charts.MIN_GROUP} entretiens, "
             "trop peu pour comparer")  # the mark the charts put on small groups
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
                             f"de la clause ({small})." + which,
        "themes_par_acteur": "Part moyenne des énoncés codés avec chaque thème, selon l'acteur "
                             f"interrogé ({small})." + which,
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
        "Titre": interviews["title"].map(lambda s: shorten(s, 70)),
        "Compté": [counted(row) for row in interviews.itertuples()]})


def _problems(problems: pd.DataFrame, *, limit: int) -> tuple[str, Markup | str]:
    """What to say about the problems found in the notes, and their table."""
    if problems.empty:
        return "Aucun.", ""
    view = problems.assign(severity=problems["severity"].map(SEVERITY_LABELS)
                           .fillna(problems["severity"]))
    view = view.rename(columns={"source_file": "Fichier", "line": "Ligne",
                                "severity": "Gravité", "message": "Message"})
    view = view.sort_values("Gravité", kind="stable")  # errors before warnings
    if len(view) <= limit:
        return "", frame_html(view, css="csf-small csf-problems")
    by_severity = ", ".join(f"{count(n, s)}" for s, n in view["Gravité"].value_counts().items())
    return (f"{count(len(view), 'problème')} ({by_severity}) ; voici les {limit} premiers, "
            "la liste complète est dans problems.csv."), \
        frame_html(view.head(limit), css="csf-small csf-problems")


def category_method(adapted_on: int = 0) -> str:
    """How the inferred categories are made, and how often they are right, from the
    shipped model's own measures (``benchmarks/train_category_model.py``);
    ``adapted_on``: the team's checked categories the model was adapted to."""
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
        text += (f", {info['blind3_accuracy'] * 100:.0f} % sur celles d'une autre équipe, "
                 f"d'un autre style ({info['blind3_statements']} énoncés)"
                 if "blind3_accuracy" in info else "")
        text += (f", {info['cv_accuracy_other_coders'] * 100:.0f} % sur les notes d'autres "
                 "codeurs en validation croisée" if "cv_accuracy_other_coders" in info else "")
        text += " : vérifiez-la avant de citer."
    elif "cv_accuracy_other_coders" in info:
        text += (" Sur les notes d'autres codeurs, la catégorie déduite est la bonne "
                 f"{info['cv_accuracy_other_coders'] * 100:.0f} % du temps (les règles seules : "
                 f"{info['cv_rules_other_coders'] * 100:.0f} %) : vérifiez-la avant de citer.")
    if adapted_on:
        text += (f" Le modèle a été adapté à ce dossier, sur les {adapted_on} catégories "
                 "que l'équipe a vérifiées (codage-manuel.csv).")
    return text + (" La colonne category_confidence dit à quel point le modèle est sûr de "
                   "la catégorie retenue : relisez d'abord les moins sûres.")


def theme_method() -> str:
    """How the auto themes are made, and how often they are right, from the shipped
    theme model's own measures (``benchmarks/train_theme_model.py``)."""
    from ..coding.theme_model import ADD, VETO, load_default
    info = load_default().info
    text = ("Thèmes automatiques : les motifs du livre de codes (des lemmes), revus par un "
            f"modèle entraîné sur {info.get('trained_on', '?')} énoncés codés à la main, qui "
            f"écarte un thème d'un motif quand il le croit à moins de {VETO * 100:.0f} % et "
            f"ajoute ceux dont il est sûr à {ADD * 100:.0f} % (colonne pattern : « modèle »).")
    if "revised" in info:
        precision, recall = info["revised"]
        text += (" Sur des notes que le modèle n'avait pas vues, "
                 f"{precision * 100:.0f} % des thèmes automatiques sont justes et ils "
                 f"trouvent {recall * 100:.0f} % des thèmes que deux codeurs y ont vus "
                 f"(les motifs seuls : {info['patterns'][0] * 100:.0f} % et "
                 f"{info['patterns'][1] * 100:.0f} %) : vérifiez-les avant de citer.")
    return text


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


def methods_annex(corpus, *, model: dict, problems_limit: int = PROBLEM_LIMIT) -> Markup:
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
    sources = corpus.interviews
    findings = corpus.filter(kinds=list(FINDING_KINDS))
    book = findings.codebook.rename(columns={"code": "Code", "label": "Libellé", "parent": "Parent",
                                           "description": "Description",
                                           "n_statements": "Énoncés"})
    problems_text, problems = _problems(corpus.problems, limit=problems_limit)
    return render(
        "methods.html.j2", categories=category_method(corpus.stats.get("adapted_on", 0)),
        themes=theme_method(),
        problems_text=problems_text,
        problems=problems, model=(
            f"Modèle : spaCy {model.get('spacy_version', '?')}, {model.get('name', '?')} "
            f"{model.get('version', '?')}. Livre de codes : version "
            f"{corpus.codebook_version or '?'}."),
        kinds=frame_html(kinds_table(sources), css="csf-counts"),
        sources_text=(f"{count(len(sources), 'session ou document', 'sessions et documents')}"
                      " : la liste complète, avec le type de chacun, est dans interviews.csv."
                      if len(sources) > OVERVIEW_LIMIT else ""),
        sources=frame_html(sources_table(sources), css="csf-small csf-sources"),
        counts=frame_html(counts, css="csf-counts"),
        codebook=frame_html(book[["Code", "Libellé", "Parent", "Énoncés", "Description"]],
                            css="csf-small csf-book"))


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


def statements_annex(corpus, path: str | Path = "") -> Markup:
    """The annex that points at the file of every statement: writes it at ``path``
    (spreadsheet-safe CSV, see :mod:`csf_analysis.cells`) and says what it holds.
    ``path`` "" writes nothing (a notebook run by hand)."""
    table = statements_table(corpus)
    if path:
        Path(path).write_text(to_csv_text(table), encoding="utf-8")
    by_category = ", ".join(f"{name.lower()} {_number(n)}"
                            for name, n in table["catégorie"].value_counts().items())
    return paragraph(
        f"La liste des {count(len(table), 'énoncé')} analysés ({by_category}), avec leur "
        "session, leur ligne dans la note, leur catégorie, leurs codes et leur citation "
        f"prête à coller dans {FINDINGS_FILE}, est dans le fichier {config.ANNEX_FILE}, "
        "à côté de ce rapport (à ouvrir dans un tableur).")


def today() -> str:
    return dt.date.today().isoformat()
