"""csf-analysis: interview notes in Markdown -> coded tables, charts and a PDF synthesis.

Example:
    >>> from csf_analysis import load_corpus
    >>> corpus = load_corpus("interviews")          # doctest: +SKIP
    >>> corpus.statements.groupby("category").size()  # doctest: +SKIP
"""
from .corpus import Corpus, NotesDirError, load_corpus

__all__ = ["Corpus", "NotesDirError", "load_corpus"]
__version__ = "0.1.0"
