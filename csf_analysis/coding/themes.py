"""Themes of statements, found by spaCy's Matcher from the codebook's lemma patterns.

:func:`match_themes` runs the French pipeline (lemmas only) over the
statements in batches and returns tidy ``codings`` rows: one per
(statement, code), with the words that matched and the pattern ids that
explain the code.

Example:
    >>> import pandas as pd
    >>> from csf_analysis.coding.codebook import load_codebook
    >>> from csf_analysis.coding.themes import match_themes
    >>> statements = pd.DataFrame({"statement_id": ["s1", "s2"],
    ...     "text": ["On a relancé l'entreprise deux fois.", "Il fait beau."]})
    >>> codings = match_themes(statements, codebook=load_codebook())
    >>> codings[["statement_id", "code", "matched"]].values.tolist()
    [['s1', 'relances-attente', 'relancé']]
"""
from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from csf_analysis.coding.codebook import Codebook
from csf_analysis.reading.nlp import LEMMA_ATTR, LEMMAS, load_nlp
from csf_analysis.text import fold

CODINGS_COLUMNS = ("statement_id", "code", "origin", "coder", "matched", "pattern")
AUTO = "auto"


class ThemeMatcher:
    """Every pattern of a codebook, ready to run on lemmatized Docs.

    Each pattern is added under its id ``"<code>#<index>"``. Patterns that
    are plain lemma phrases (every token ``{"_": {"csf_lemma": word}}``, what
    the codebook makes of a string) go to a ``PhraseMatcher`` run on a shadow
    Doc whose words are the folded lemmas: a hash lookup per token, whatever
    the number of phrases. The other (raw) patterns go to a ``Matcher`` run
    on the Doc itself. Both give the same matches the ``Matcher`` would.

    Args:
        codebook: The validated codebook.
        nlp: A pipeline that sets lemmas (``load_nlp(components=LEMMAS)``).
    """

    def __init__(self, codebook: Codebook, nlp: Language) -> None:
        assigns = {attr for name in nlp.pipe_names for attr in nlp.get_pipe_meta(name).assigns}
        if "token.lemma" not in assigns:
            raise ValueError(
                f"ThemeMatcher expects a pipeline that sets lemmas; found the "
                f"components {nlp.pipe_names}. Use load_nlp(components=LEMMAS)."
            )
        self.vocab = nlp.vocab
        self.codes = list(codebook.table["code"])
        self.phrases = PhraseMatcher(self.vocab, attr="ORTH")
        self.matcher = Matcher(self.vocab)
        for code in self.codes:
            for index, pattern in enumerate(codebook.patterns.get(code, [])):
                key, words = f"{code}#{index}", _phrase_words(pattern)
                if words:
                    self.phrases.add(key, [Doc(self.vocab, words=words)])
                else:
                    self.matcher.add(key, [pattern])

    @staticmethod
    def shadow(doc: Doc) -> Doc:
        """A Doc aligned token by token with ``doc``, whose words are its folded lemmas."""
        return Doc(doc.vocab, words=[fold(token.lemma_ or token.text) for token in doc])

    def __call__(self, doc: Doc) -> dict[str, tuple[list[Span], list[str]]]:
        """Return code -> (non-overlapping matched spans, pattern ids), in text order."""
        matches = self.phrases(self.shadow(doc))
        if len(self.matcher):
            matches += self.matcher(doc)
        found: dict[str, list[tuple[Span, str]]] = {}
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
            pattern_id = self.vocab.strings[match_id]
            code = pattern_id.rsplit("#", 1)[0]
            found.setdefault(code, []).append((doc[start:end], pattern_id))
        result = {}
        for code, hits in found.items():
            spans = filter_spans([span for span, _ in hits])
            kept = {(span.start, span.end) for span in spans}  # a set: thousands of hits
            ids = list(dict.fromkeys(pid for span, pid in hits if (span.start, span.end) in kept))
            result[code] = (spans, ids)
        return result

    def codings(self, statement_ids: list, docs: Iterator[Doc]) -> pd.DataFrame:
        """Match every Doc and return the codings rows (codebook order per statement)."""
        order = {code: rank for rank, code in enumerate(self.codes)}
        rows = []
        for statement_id, doc in zip(statement_ids, docs):
            hits = self(doc)
            for code in sorted(hits, key=order.__getitem__):
                spans, ids = hits[code]
                rows.append({
                    "statement_id": statement_id, "code": code, "origin": AUTO,
                    "coder": AUTO,
                    "matched": "; ".join(dict.fromkeys(span.text for span in spans)),
                    "pattern": "; ".join(ids),
                })
        return pd.DataFrame(rows, columns=list(CODINGS_COLUMNS)).astype(str)


def _phrase_words(pattern: list[dict]) -> list[str] | None:
    """The folded lemmas of a plain lemma phrase, or None for any other pattern."""
    words = []
    for token in pattern:
        extensions = token.get("_")
        if set(token) != {"_"} or not isinstance(extensions, dict):
            return None
        if set(extensions) != {LEMMA_ATTR} or not isinstance(extensions[LEMMA_ATTR], str):
            return None
        words.append(extensions[LEMMA_ATTR])
    return words or None


def match_themes(
    statements: pd.DataFrame,
    *,
    codebook: Codebook,
    nlp: Language | None = None,
    batch_size: int = 256,
) -> pd.DataFrame:
    """Code each statement with the themes whose patterns match its lemmas.

    Args:
        statements: At least the columns ``statement_id`` and ``text``.
        codebook: The codebook (see :func:`csf_analysis.coding.codebook.load_codebook`).
        nlp: A pipeline that sets lemmas; defaults to
            ``load_nlp(components=LEMMAS)``.
        batch_size: Texts per ``nlp.pipe`` batch.

    Returns:
        The codings: ``statement_id, code, origin, coder, matched, pattern``,
        one row per (statement, code); ``origin`` and ``coder`` are "auto",
        ``matched`` the words as written and ``pattern`` the pattern ids
        (``"<code>#<index>"``), both "; "-joined when several. A statement
        without a theme has no row.

    Raises:
        ValueError: ``statements`` lacks ``statement_id`` or ``text``.
    """
    missing = [c for c in ("statement_id", "text") if c not in statements.columns]
    if missing:
        raise ValueError(
            f"match_themes expects a statements table with columns statement_id "
            f"and text; missing {missing} (found {list(statements.columns)}). "
            f"Pass the 'statements' table of the parser."
        )
    if nlp is None:
        nlp = load_nlp(components=LEMMAS)
    matcher = ThemeMatcher(codebook, nlp)
    texts = statements["text"].fillna("").astype(str)
    docs = nlp.pipe(texts, batch_size=batch_size)
    return matcher.codings(list(statements["statement_id"]), docs)
