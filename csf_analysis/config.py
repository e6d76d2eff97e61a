"""Default paths, model name and versions: the one place they live.

Example:
    >>> from csf_analysis import config
    >>> config.SPACY_MODEL
    'fr_core_news_sm'
"""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"  # the codebook, the word lists, the trained model, first names
DEFAULT_NOTES_DIR = Path("interviews")
DEFAULT_REPORTS_DIR = Path("reports")
DEFAULT_FIGURES_DIR = DEFAULT_REPORTS_DIR / "figures"
CACHE_DIR_NAME = ".csf-cache"
MANUAL_CODES_FILE = "codage-manuel.csv"
ANNEX_FILE = "annexe-enonces.csv"  # every statement of the report, beside its PDF
NOTES_CODEBOOK_FILE = "codebook.yml"

SPACY_MODEL = "fr_core_news_sm"

# The cache is keyed by these versions and by a hash of the code below (see
# corpus.code_version): a folder stands for every module of that subpackage, so
# editing any reading rule invalidates the parsed notes, and any coding rule the
# codings. A coding's key also holds its note's key, so the reading code too.
PARSER_VERSION = "1"
SHARED_CODE = ("text.py", "words.py", "data/words.yml")  # how both stages fold and match words
READING_CODE = ("reading", "schema.py", *SHARED_CODE,
                "workers.py")  # how a note is read in a worker (limits, fallbacks)
CODING_CODE = ("coding", *SHARED_CODE, "data/category_model.json",
               "data/theme_model.json")  # the trained weights too
