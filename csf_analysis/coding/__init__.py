"""Coding: statements -> codings (categories and themes), corrected by researchers.

In: the statements table of :mod:`csf_analysis.reading` and a codebook
(``codebook.yml``). Out: the codings table, one row per (statement, code),
with its source: the notes' structure; for the category, the one pipeline of
``categories`` (the ``rules``, then the trained ``category_model``); for themes,
spaCy Matcher patterns (``themes``); ``#tags`` written in the notes; and the
researchers' decisions of ``codage-manuel.csv`` (``manual``), applied last, latest wins
(``codings``). ``review`` shows what each statement got and why;
``agreement`` measures two coders against each other.

Example:
    >>> from csf_analysis.coding.codebook import load_codebook
    >>> "outillage" in set(load_codebook().table["code"])
    True
"""
