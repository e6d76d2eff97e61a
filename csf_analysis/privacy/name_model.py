"""What spaCy's French pipeline says about names, kept between runs.

:mod:`csf_analysis.privacy.pseudonymise` asks two things of the pipeline: the ``PER``
entities of each text (and the words of its other entities, and which of them
are a place or an organisation on their own: ``Paris``), and whether a
word is in its lemma tables (a French word, not a name; an adjective, a verb's
infinitive). Loading the pipeline
costs seconds; the answers are kept in ``CACHE_DIR/names/<model>-<version>.json``
(keyed by a hash of each text, pruned to the texts of the last run), so a
rerun on unchanged notes never loads it.

Example:
    >>> model = NameModel(cache_dir=None)
    >>> model.entities(["Camille Lefèvre a appelé Mme Dubois."])[0][0]  # doctest: +SKIP
    [['Camille Lefèvre', 0, 15], ['Mme Dubois', 26, 36]]
    >>> model.is_inflected("pourra"), model.is_lemma("fourniture")        # doctest: +SKIP
    (True, True)
    >>> model.is_infinitive("rappeler"), model.is_infinitive("plateau")  # doctest: +SKIP
    (True, False)
"""
from __future__ import annotations

import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from .. import config
from ..atomic import write_text_atomic

__all__ = ["NameModel"]

COMPONENTS = ("lemmatizer", "ner")
VERSION = "5"  # of the texts asked: a new one leaves the old answers behind (a word
# answer of another shape is asked again)


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[Any, frozenset[str], frozenset[str], frozenset[str]]:
    """The pipeline's inflected forms (a lookup table) and its lemmas: those of its
    index (nouns, adjectives...) and those its lookup table leads to (verbs); the
    adjectives of its index; its verbs' infinitives (of its index and of its
    irregular forms: « appeler », « voir »)."""
    from ..reading.nlp import load_nlp
    lemmatizer: Any = load_nlp(components=COMPONENTS).get_pipe("lemmatizer")
    lookups = lemmatizer.lookups
    index, lookup = lookups.get_table("lemma_index"), lookups.get_table("lemma_lookup")
    lemmas = {w for k in index for w in index[k]}
    lemmas.update(w for value in lookup.values()
                  for w in ([value] if isinstance(value, str) else value))
    irregular = lookups.get_table("lemma_exc").get("verb", {})
    verbs = {*index.get("verb", ()), *(w for forms in irregular.values() for w in forms)}
    return lookup, frozenset(lemmas), frozenset(index.get("adj", ())), frozenset(verbs)


_WORD_ANSWERS = 5  # the answers kept for a word: see NameModel._word


def _verb_form(word: str) -> bool:
    """« rejoint » (of « rejoindre »), « voir »; not « ferme », a noun's lemma too."""
    lookup, lemmas, _, verbs = _lexicon()
    if word in verbs:
        return True
    found = lookup.get(word)
    leads = [found] if isinstance(found, str) else list(found or ())
    return word not in lemmas and bool(leads) and all(lead in verbs for lead in leads)


def _adjective(word: str) -> bool:
    """Is ``word`` an adjective or its feminine: "rose", "jeunet", "claire" (of "clair")?
    Not through the lookup table, whose lemmas are loose: "lamine" -> "laminer", an
    adjective of the index."""
    adjectives = _lexicon()[2]
    return word in adjectives or (word.endswith("e") and word[:-1] in adjectives)


def _run_ner(texts: list[str]) -> list[tuple[list, list, list, list]]:
    from ..reading.nlp import load_nlp, ner_only
    nlp = load_nlp(components=COMPONENTS)
    return [([[e.text, e.start_char, e.end_char] for e in doc.ents if e.label_ == "PER"],
             [t.text for e in doc.ents if e.label_ != "PER" for t in e],
             [[e.text, e.label_, e.start_char] for e in doc.ents
              if e.label_ in ("LOC", "ORG") and len(e) == 1],
             [e.text for e in doc.ents if e.label_ != "PER" and len(e) > 1])
            for doc in ner_only(nlp).pipe(texts, batch_size=256)]


def _version() -> str:
    try:
        return metadata.version(config.SPACY_MODEL)
    except metadata.PackageNotFoundError:
        return "0"


class NameModel:
    """The pipeline's answers, from the cache when it holds them."""

    def __init__(self, *, cache_dir: str | Path | None) -> None:
        self.path = (Path(cache_dir) / "names" /
                     f"{config.SPACY_MODEL}-{_version()}-{VERSION}.json"
                     if cache_dir else None)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8")) if self.path else {}
        except (OSError, ValueError):
            data = {}
        data = data if isinstance(data, dict) else {}
        texts, words = data.get("texts"), data.get("words")
        # An entry of another shape (an older or damaged file) is asked again.
        self.old_texts = {k: v for k, v in texts.items() if isinstance(v, list) and len(v) == 4
                          and all(isinstance(x, list) for x in v)} \
            if isinstance(texts, dict) else {}
        self.old_words = {k: v for k, v in words.items()
                          if isinstance(v, list) and len(v) == _WORD_ANSWERS} \
            if isinstance(words, dict) else {}
        self.loaded = (set(self.old_texts), set(self.old_words))
        self.texts: dict[str, list] = {}
        self.words: dict[str, list[bool]] = {}
        self.asked = False  # did this run need the pipeline?
        self.places: list[list] = []  # one-word LOC and ORG entities of each text, with
        # their label and start: ["Paris", "LOC", 15], ["Renault", "ORG", 40]

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]

    def entities(self, texts: list[str]) -> tuple[list[list], set[str]]:
        """The PER entities ``[text, start, end]`` of each text; the words of the others.
        Sets :attr:`places`: the one-word places and organisations of each text, and
        :attr:`long_entities`: the other entities of two words or more
        ("Boulangerie Martin")."""
        keys = [self._key(text) for text in texts]
        missing = [i for i, key in enumerate(keys) if key not in self.old_texts]
        self.asked |= bool(missing)
        for i, answer in zip(missing, _run_ner([texts[i] for i in missing]) if missing else []):
            self.old_texts[keys[i]] = list(answer)
        self.texts.update({key: self.old_texts[key] for key in keys})
        others = {word for key in keys for word in self.texts[key][1]}
        self.places = [self.texts[key][2] for key in keys]
        self.long_entities = {text for key in keys for text in self.texts[key][3]}
        return [self.texts[key][0] for key in keys], others

    def _word(self, word: str) -> list[bool]:
        if word not in self.words:
            answer = self.old_words.get(word)
            if answer is None:
                inflected, lemmas, _, verbs = _lexicon()
                answer = [word in inflected, word in lemmas, _adjective(word), word in verbs,
                          _verb_form(word)]
                self.asked = True
            self.words[word] = answer
        return self.words[word]

    def is_inflected(self, word: str) -> bool:
        """Is ``word`` (lower case) an inflected French form ("pourra", "tutrice")?"""
        return self._word(word)[0]

    def is_lemma(self, word: str) -> bool:
        """Is ``word`` (lower case) a French lemma ("fourniture", but also "martin")?"""
        return self._word(word)[1]

    def is_adjective(self, word: str) -> bool:
        """Is ``word`` (lower case) an adjective or one's form ("rose", "claire")?"""
        return self._word(word)[2]

    def is_infinitive(self, word: str) -> bool:
        """Is ``word`` (lower case) a verb's infinitive ("rappeler", "voir")?"""
        return self._word(word)[3]

    def is_verb_form(self, word: str) -> bool:
        """Is ``word`` (lower case) a verb's infinitive or one of its forms, and no noun
        or other lemma (« rejoint », « vu »; not « ferme », « rencontre »)?"""
        return self._word(word)[4]

    def save(self) -> None:
        """Keep this run's answers (only those) for the next one; silent if unwritable."""
        if self.path is None or (not self.asked
                                 and self.loaded == (set(self.texts), set(self.words))):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, json.dumps({"texts": self.texts, "words": self.words},
                                                    ensure_ascii=False))
        except OSError:
            pass
