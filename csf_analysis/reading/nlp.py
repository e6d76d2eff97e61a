"""The one place that loads spaCy's French pipeline.

Every module that needs spaCy asks :func:`load_nlp` for the components it
needs; the pipeline is loaded once per component set and cached. Two presets
cover the project: :data:`SENTENCES` (fast sentence splitting) and
:data:`LEMMAS` (lemmas for theme matching). The module also registers two
accent- and case-insensitive token attributes used by the codebook patterns:
``token._.csf_lemma`` (folded lemma) and ``token._.csf_lower`` (folded form).

Example:
    >>> from csf_analysis.reading.nlp import LEMMAS, load_nlp
    >>> from csf_analysis.text import fold
    >>> nlp = load_nlp(components=LEMMAS)
    >>> [t._.csf_lemma for t in nlp("Les jeunes décrochent")]
    ['le', 'jeune', 'decrocher']
    >>> fold("Échéance")
    'echeance'
"""
from __future__ import annotations

import functools
from importlib import metadata
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Token

from csf_analysis import config

from ..text import fold

SENTENCES: tuple[str, ...] = ("senter",)
# The sentence splitter rides along with the lemmas: one pipeline (one French
# tokenizer to build, a few seconds) serves both the parser and the coding,
# each running only what it needs (see sentences_only / lemmas_only).
LEMMAS: tuple[str, ...] = ("tok2vec", "morphologizer", "senter", "attribute_ruler",
                           "lemmatizer")

# Token extensions the codebook's phrase patterns are compiled to.
LEMMA_ATTR = "csf_lemma"
LOWER_ATTR = "csf_lower"


class ModelNotInstalled(RuntimeError):
    """The spaCy model named in ``config.SPACY_MODEL`` is not installed."""


def _register_extensions() -> None:
    """Register ``token._.csf_lemma`` and ``token._.csf_lower`` (idempotent)."""
    getters = {
        LEMMA_ATTR: lambda token: fold(token.lemma_ or token.text),
        LOWER_ATTR: lambda token: fold(token.text),
    }
    for name, getter in getters.items():
        if not Token.has_extension(name):
            Token.set_extension(name, getter=getter)


_register_extensions()


def _model_meta(name: str) -> dict:
    """Return the installed model's meta.json, or raise :class:`ModelNotInstalled`."""
    if not spacy.util.is_package(name):
        raise ModelNotInstalled(
            f"The spaCy model {name!r} is not installed in this Python "
            f"environment. Expected it as a package; found nothing. "
            f"Run `pip install {name}` or `make install`."
        )
    return spacy.util.get_model_meta(spacy.util.get_package_path(name))


def load_nlp(*, components: tuple[str, ...]) -> Language:
    """Load ``config.SPACY_MODEL`` with only ``components`` enabled.

    The other components are excluded (not even loaded), so a sentence
    splitter costs a fraction of the full pipeline. The result is cached per
    component set: call it as often as you like.

    Args:
        components: Names of the model's components to keep, e.g.
            :data:`SENTENCES` or :data:`LEMMAS`.

    Returns:
        The loaded pipeline.

    Raises:
        ModelNotInstalled: The model package is missing.
        ValueError: A component name is not in the model.
    """
    return _load(config.SPACY_MODEL, tuple(components))


@functools.lru_cache(maxsize=None)
def _load(model: str, components: tuple[str, ...]) -> Language:
    meta = _model_meta(model)
    available = list(meta.get("components") or meta["pipeline"])
    unknown = [name for name in components if name not in available]
    if unknown:
        raise ValueError(
            f"Unknown spaCy component(s) {unknown} for {model}: "
            f"expected some of {available}. Use nlp.SENTENCES or nlp.LEMMAS."
        )
    excluded = [name for name in available if name not in components]
    try:
        nlp = spacy.load(model, exclude=excluded)
    except OSError as error:  # a broken install: the package is there, its data is not
        raise ModelNotInstalled(
            f"Could not load the spaCy model {model!r} ({error}). Reinstall it "
            f"with `pip install --force-reinstall {model}` or `make install`."
        ) from None
    for name in nlp.disabled:  # e.g. "senter", disabled in the model's config
        nlp.enable_pipe(name)
    return guard_long_tokens(nlp)


# A run of this many characters without a space is no word of a note ("!?!?...",
# "((((", a pasted hash): spaCy's tokenizer splits affixes off it one at a
# time, searching the whole run each time (quadratic: a 50 KB run took minutes).
LONG_TOKEN = 100


def guard_long_tokens(nlp: Language) -> Language:
    """Make ``nlp``'s tokenizer keep any run of :data:`LONG_TOKEN` characters or
    more as one token, in linear time; shorter strings are tokenized as before.

    >>> nlp = guard_long_tokens(spacy.blank("fr"))
    >>> len(nlp("!?" * 5000)), len(nlp("Bien!?"))
    (1, 3)
    """
    tokenizer: Any = nlp.tokenizer
    match = tokenizer.token_match
    if getattr(match, "guards_long_tokens", False):
        return nlp

    def token_match(text: str):
        return len(text) >= LONG_TOKEN or (match is not None and match(text))

    setattr(token_match, "guards_long_tokens", True)  # noqa: B010 - a mark on a function
    tokenizer.token_match = token_match
    return nlp


class _Only:
    """``nlp.pipe`` with only some components on: the same Docs, less work."""

    def __init__(self, nlp: Language, *, enable=None, disable=None) -> None:
        self.nlp, self.enable, self.disable = nlp, enable, disable
        self.vocab = nlp.vocab

    def pipe(self, texts, **kwargs):
        """``nlp.pipe(texts)`` with only the chosen components, in batches of at most
        ``batch_size`` texts and :data:`MAX_BATCH_CHARS` characters (one text longer
        than that is a batch of its own): the model's memory grows with the tokens of
        a batch, and twenty 100,000-character statements in one batch took 7 GB."""
        names = self.enable or [n for n in self.nlp.pipe_names if n not in self.disable]
        with self.nlp.select_pipes(enable=[n for n in names if n in self.nlp.pipe_names]):
            if kwargs.get("n_process", 1) != 1:
                yield from self.nlp.pipe(texts, **kwargs)
                return
            for batch in bounded_batches(texts, kwargs.pop("batch_size", 256)):
                yield from self.nlp.pipe(batch, batch_size=len(batch), **kwargs)


MAX_BATCH_CHARS = 100_000


def bounded_batches(texts, size: int, max_chars: int = MAX_BATCH_CHARS):
    """``texts`` in lists of at most ``size`` texts and about ``max_chars`` characters.

    >>> [len(b) for b in bounded_batches(["a" * 60, "b" * 60, "c"], 10, max_chars=100)]
    [1, 2]
    """
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= size or chars + len(text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch


def sentences_only(nlp: Language) -> _Only:
    """The pipeline as a sentence splitter (senter only)."""
    return _Only(nlp, enable=["senter"])


def lemmas_only(nlp: Language) -> _Only:
    """The pipeline without its sentence splitter (statements are sentences already)."""
    return _Only(nlp, disable=["senter"])


def ner_only(nlp: Language) -> _Only:
    """The pipeline as an entity recogniser (ner only: names for pseudonymisation)."""
    return _Only(nlp, enable=["ner"])


def model_info() -> dict:
    """Describe the model for the report's methods annex.

    Returns:
        A dict with ``name`` (package name), ``version`` (model version),
        ``spacy_version`` (the installed spaCy) and ``pipeline`` (the model's
        component names).
    """
    meta = _model_meta(config.SPACY_MODEL)
    try:
        version = metadata.version(config.SPACY_MODEL)
    except metadata.PackageNotFoundError:  # loaded from a plain folder
        version = meta["version"]
    return {
        "name": config.SPACY_MODEL,
        "version": version,
        "spacy_version": spacy.__version__,
        "pipeline": list(meta.get("components") or meta["pipeline"]),
    }
