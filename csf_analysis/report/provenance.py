"""Where a quote comes from: the interview, its company or actor, clause, date, file:line.

One way to say it, for every quote of the report (the themes, the categories,
the team's findings).

Example:
    >>> import pandas as pd
    >>> interviews = pd.DataFrame({"interview_id": ["i6"], "title": ["(300h) 6 : Plone"],
    ...                            "company_ref": ["6"], "actor": ["entreprise"],
    ...                            "clause_label": ["300h"], "date": ["2020-02-03"]})
    >>> row = {"interview_id": "i6", "source_file": "entretien.md", "line": 61}
    >>> attribution(row, interviews)
    '(300h) 6 : Plone — entreprise 6, clause 300h, 3/02/2020 — entretien.md:61'
"""
from __future__ import annotations

import pandas as pd

from ..labels import actor_label, short_date

__all__ = ["attribution", "attribution_parts"]


def attribution_parts(row, interviews: pd.DataFrame) -> tuple[str, str]:
    """(who: interview, company or actor, clause, date; where: ``file:line``)."""
    where = f"{row['source_file']}:{row['line']}"
    if not row["interview_id"]:
        return "notes hors entretien", where
    info = interviews.loc[interviews["interview_id"] == row["interview_id"]].iloc[0]
    title = info["title"] or "Entretien"
    parts = [f"entreprise {info['company_ref']}" if info["company_ref"] else
             actor_label(info["actor"], lower=True)]
    parts += [f"clause {info['clause_label']}"] if info["clause_label"] else []
    date = short_date(info["date"]) if info["date"] else ""
    parts += [date] if date and date not in title else []
    return f"{title} — {', '.join(parts)}", where


def attribution(row, interviews: pd.DataFrame) -> str:
    """Who said it and where: ``"(300h) 6 : Plone — entreprise 6, clause 300h — file.md:61"``.

    The interview's title, then its company (or actor), clause size and date
    (left out when the title already says it), then ``file:line``; a
    statement outside any interview is ``"notes hors entretien — file:line"``.
    """
    return " — ".join(attribution_parts(row, interviews))
