"""Default paths, model name and versions: the one place they live.

Example:
    >>> from csf_analysis import config
    >>> config.SPACY_MODEL
    'fr_core_news_sm'
"""
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NOTES_DIR = Path("interviews")
DEFAULT_REPORTS_DIR = Path("reports")
DEFAULT_FIGURES_DIR = DEFAULT_REPORTS_DIR / "figures"
CACHE_DIR_NAME = ".csf-cache"
MANUAL_CODES_FILE = "codage-manuel.csv"
NOTES_CODEBOOK_FILE = "codebook.yml"

SPACY_MODEL = "fr_core_news_sm"

# The cache is keyed by these versions and by a hash of the modules' source
# (see corpus.code_version), so editing the parser or the rules invalidates it.
PARSER_VERSION = "1"
PARSER_MODULES = ("sources", "blocks", "lines", "vocabulary", "contacts", "dates",
                  "interviews", "notes", "statements", "schema", "kinds", "note_kinds",
                  "references", "nlp", "workers")  # nlp: the sentence splitter's tokenizer
# (guard_long_tokens); workers: how a note is read in a worker (limits, fallbacks)
CODING_MODULES = ("categories", "category_model", "themes", "codebook", "coding", "nlp",
                  "data/category_model.json")  # the trained weights too
