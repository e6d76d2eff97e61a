"""csf-analysis: interview notes in Markdown -> coded tables, charts and a PDF synthesis.

The flow goes one way, one subpackage per stage: ``reading`` (note files ->
interviews, statements, contacts), ``coding`` (statements -> codings, with
the researchers' decisions), ``privacy`` (names -> pseudonyms),
``report`` (tables -> charts, HTML, PDF) and ``exchange`` (tables <-> REFI-QDA
projects of the other qualitative tools). :func:`load_corpus` runs the first
two and caches each note; what a notebook needs is importable from here.

Example:
    >>> from csf_analysis import load_corpus, charts
    >>> corpus = load_corpus("interviews")                       # doctest: +SKIP
    >>> entreprises = corpus.filter(actors="entreprise")         # doctest: +SKIP
    >>> charts.themes_by_clause(entreprises)                     # doctest: +SKIP
    >>> coded_statements(entreprises, interview=entreprises.interviews["interview_id"][0])
    ... # doctest: +SKIP
"""
from importlib import import_module

from .corpus import Corpus, NotesDirError, load_corpus

# Name -> the module that holds it (``module:`` for a module itself), imported on
# first use: the command line never pays for matplotlib when it only reads notes.
_LAZY = {
    "charts": "csf_analysis.report.charts:",
    "synthesis": "csf_analysis.report.synthesis:",
    "describe_filters": "csf_analysis.filters",
    "Coder": "csf_analysis.coding.review",
    "categories_to_check": "csf_analysis.coding.review",
    "coded_statements": "csf_analysis.coding.review",
    "coder_agreement": "csf_analysis.coding.review",
    "uncoded_statements": "csf_analysis.coding.review",
    "load_decisions": "csf_analysis.coding.manual",
    "coding_panel": "csf_analysis.coding.panel",
    "load_manifest": "csf_analysis.report.manifest",
    "save_manifest": "csf_analysis.report.manifest",
    "model_info": "csf_analysis.reading.nlp",
    "pseudonymise": "csf_analysis.privacy.pseudonymise",
    "export_qdpx": "csf_analysis.exchange.qdpx_export",
    "export_qdc": "csf_analysis.exchange.qdpx_export",
    "import_qdpx": "csf_analysis.exchange.qdpx_import",
}

__all__ = ["Corpus", "NotesDirError", "load_corpus", *_LAZY]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``csf_analysis.charts`` and the other names of ``_LAZY``, imported when first asked."""
    if name not in _LAZY:
        raise AttributeError(f"module 'csf_analysis' has no attribute {name!r}")
    path, is_module, _ = _LAZY[name].partition(":")
    module = import_module(path)
    value = module if is_module else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
