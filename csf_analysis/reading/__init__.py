"""Reading: note files -> interviews, statements, contacts, events and problems.

In: the bytes of one Markdown note (``sources`` decodes them, ``files`` finds
them). Out: plain rows for the tables of DESIGN.md, one note at a time:
``notes.parse_note`` gives its interviews, text segments, contacts and
problems; ``statements.statement_rows`` splits the segments into sentences
with stable ids (spaCy's sentence splitter, loaded once in ``nlp``). Across
notes, ``copies`` marks repeated statements and ``events`` reads the dates
and durations the statements report. Nothing here codes, charts or writes.

Example:
    >>> from csf_analysis.reading.notes import parse_note
    >>> parse_note("# Entretien du 3 février 2020\\n\\nReprésentation : ok.\\n",
    ...            "n.md").interviews[0]["date"]
    '2020-02-03'
"""
