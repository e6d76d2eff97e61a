"""YAML codebook -> validated table of themes + spaCy Matcher patterns.

The package ships a default French codebook (``data/codebook.yml``); a
``codebook.yml`` in the notes folder extends it (new ids) or overrides it
(same id: the notes' entry replaces the default one). Each code has an
``id``, a French ``label``, an optional ``parent``, a ``description`` saying
when to apply it, and ``patterns``:

- a string is a phrase whose words are *lemmas* ("relancer", "pas de
  retour"): each word matches a token whose lemma is that word, ignoring
  case and accents ("relancé", "Relancent" and "relancer" all match
  "relancer");
- a list of dicts is a raw spaCy ``Matcher`` token pattern, matched as
  spaCy does (``[{LEMMA: {IN: [contrainte, obligation]}}]``); it may also
  use the folded attributes ``{_: {csf_lemma: ...}}`` and
  ``{_: {csf_lower: ...}}`` (lowercase, no accents; their values are folded
  here) registered by :mod:`csf_analysis.reading.nlp`.

Any problem is a :class:`CodebookError` naming the file, the entry and what
to do.

Example:
    >>> from csf_analysis.coding.codebook import load_codebook
    >>> codebook = load_codebook()
    >>> "outillage" in set(codebook.table["code"])
    True
    >>> codebook.patterns["relances-attente"][0]
    [{'_': {'csf_lemma': 'relancer'}}]
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import reprlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import spacy
import yaml
from spacy.matcher import Matcher

from csf_analysis import config
from csf_analysis.atomic import write_text_atomic
from csf_analysis.reading.nlp import LEMMA_ATTR, LOWER_ATTR
from csf_analysis.text import fold

DEFAULT_CODEBOOK = config.DATA_DIR / "codebook.yml"
TABLE_COLUMNS = ("code", "label", "parent", "description", "source")

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOP_KEYS = {"version", "codes"}
_CODE_KEYS = {"id", "label", "parent", "description", "patterns"}
_OPTIONAL_OPS = {"?", "*", "!"}
FOLDED_ATTRS = (LEMMA_ATTR, LOWER_ATTR)
# Elided words as the French model lemmatizes them, so "à qui s'adresser" works.
_ELISIONS = {
    "c'": "ce", "d'": "de", "j'": "je", "jusqu'": "jusque", "l'": "le",
    "lorsqu'": "lorsque", "m'": "me", "n'": "ne", "puisqu'": "puisque",
    "qu'": "que", "s'": "se", "t'": "te",
}


# libyaml's safe loader when it is there (5x faster), the pure-Python one otherwise.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CodebookError(ValueError):
    """An invalid codebook: the message names the file, the entry and the fix."""


@dataclass
class Codebook:
    """A validated codebook.

    Attributes:
        version: The default codebook's version, plus a hash of the notes'
            ``codebook.yml`` when there is one (``"1.0+notes-3f2a9c1b"``).
        table: One row per code: ``code, label, parent, description, source``
            (``source`` is ``"default"``, the notes' file, or ``"created"``).
        patterns: Code -> list of spaCy ``Matcher`` patterns, in the order of
            the codebook (pattern ``i`` of code ``c`` has the id ``"c#i"``).
        written: Code -> the same patterns as written in the YAML file.
    """

    version: str
    table: pd.DataFrame
    patterns: dict[str, list[list[dict]]] = field(default_factory=dict)
    written: dict[str, list] = field(default_factory=dict)

    def add_code(
        self, code: str, *, label: str | None = None, parent: str = "", description: str = ""
    ) -> None:
        """Add a code created while coding (no patterns, ``source`` "created").

        Args:
            code: The new id (lowercase ascii words joined by ``-``).
            label: French label; defaults to ``code``.
            parent: Id of an existing code, or "".
            description: When to apply it.

        Raises:
            CodebookError: Bad or duplicate id, or unknown parent.
        """
        where = f"add_code: new code {code!r}"
        _check_id(code, where)
        known = set(self.table["code"])
        if code in known:
            raise CodebookError(
                f"{where}: this id already exists in the codebook. "
                f"Choose another id, or use the existing code."
            )
        if parent and parent not in known:
            raise CodebookError(
                f"{where}: unknown parent {parent!r}. Expected one of "
                f"the codebook's ids; add the parent first or leave it empty."
            )
        row = {"code": code, "label": label or code, "parent": parent,
               "description": description, "source": "created"}
        self.table = pd.concat([self.table, pd.DataFrame([row])], ignore_index=True)
        self.patterns[code] = []
        self.written[code] = []

    def pattern_table(self) -> pd.DataFrame:
        """Return one row per pattern: ``pattern`` (id), ``code``, ``written``."""
        rows = [
            {"pattern": f"{code}#{i}", "code": code, "written": _as_written(pattern)}
            for code, patterns in self.written.items()
            for i, pattern in enumerate(patterns)
        ]
        return pd.DataFrame(rows, columns=["pattern", "code", "written"])


def _as_written(pattern: str | list) -> str:
    """A pattern as a YAML author would write it: a phrase, or flow-style YAML."""
    if isinstance(pattern, str):
        return pattern
    return yaml.safe_dump(pattern, default_flow_style=True, allow_unicode=True, width=1000).strip()


def load_codebook(notes_dir: Path | None = None, *, cache_dir: Path | None = None) -> Codebook:
    """Load the default codebook, extended/overridden by the notes' one.

    Args:
        notes_dir: The notes folder; its ``codebook.yml`` (if present)
            replaces default codes with the same id and adds new ones.
        cache_dir: Where a codebook already validated is kept, keyed by the
            files' bytes and this module's source (validating needs spaCy's
            French tokenizer, a few seconds); None: always validate.

    Returns:
        The validated :class:`Codebook`.

    Raises:
        CodebookError: Bad YAML, unknown key, missing id or label, bad or
            duplicate id, unknown parent, parent cycle, or a pattern spaCy
            rejects.
    """
    notes_file = Path(notes_dir) / config.NOTES_CODEBOOK_FILE if notes_dir else None
    cached = _CompiledCache(cache_dir, notes_file)
    book = cached.get()
    if book is None:
        book = _load(notes_file)
        cached.put(book)
    return book


class _CompiledCache:
    """A validated codebook as JSON, keyed by the YAML files and this module's code."""

    def __init__(self, cache_dir: Path | None, notes_file: Path | None) -> None:
        self.path = None
        if cache_dir is None:
            return
        digest = hashlib.sha256(spacy.__version__.encode())
        for path in (Path(__file__), DEFAULT_CODEBOOK, notes_file):
            if path is not None and path.is_file():
                digest.update(path.read_bytes())
        self.path = Path(cache_dir) / "codebook" / f"{digest.hexdigest()}.json"

    def get(self) -> Codebook | None:
        try:
            data = json.loads(self.path.read_text("utf-8")) if self.path else None
        except (OSError, ValueError):
            return None
        if not data:
            return None
        return Codebook(version=data["version"],
                        table=pd.DataFrame(data["table"], columns=list(TABLE_COLUMNS)),
                        patterns=data["patterns"], written=data["written"])

    def put(self, book: Codebook) -> None:
        if self.path is None:
            return
        data = {"version": book.version, "table": book.table.to_dict("records"),
                "patterns": book.patterns, "written": book.written}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, json.dumps(data, ensure_ascii=False))
        except (OSError, TypeError):
            pass  # no cache: validate again next time


def _load(notes_file: Path | None) -> Codebook:
    version, entries = _read_file(DEFAULT_CODEBOOK, source="default", require_version=True)
    merged = {entry["code"]: entry for entry in entries}
    if notes_file is not None and notes_file.is_file():
        _, notes_entries = _read_file(notes_file, source=notes_file.name)  # no absolute path
        merged.update({entry["code"]: entry for entry in notes_entries})
        digest = hashlib.sha256(notes_file.read_bytes()).hexdigest()[:8]
        version = f"{version}+notes-{digest}"
    _check_parents(list(merged.values()))
    table = pd.DataFrame(
        [{key: entry[key] for key in TABLE_COLUMNS} for entry in merged.values()],
        columns=list(TABLE_COLUMNS),
    )
    return Codebook(
        version=version,
        table=table,
        patterns={code: entry["compiled"] for code, entry in merged.items()},
        written={code: entry["written"] for code, entry in merged.items()},
    )


def _read_file(path: Path, *, source: str, require_version: bool = False) -> tuple[str, list[dict]]:
    """Parse and validate one codebook file; return (version, entries)."""
    try:
        data = _safe_load(path.read_text(encoding="utf-8-sig"), path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise CodebookError(
            f"{path}:{line}: invalid YAML ({problem}). Fix the syntax (indentation, "
            f"quotes, ':' inside unquoted text); only plain YAML is read, no '!!' tags."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        found = "an empty file" if data is None else f"{type(data).__name__} {_short(data)}"
        raise CodebookError(
            f"{path}: expected a mapping with a 'codes:' list at the top, found "
            f"{found}. Start the file with 'codes:' followed by '- id: ...' entries."
        )
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise CodebookError(
            f"{path}: unknown top-level key(s) {unknown}. Allowed: {sorted(_TOP_KEYS)}."
        )
    if require_version and not data.get("version"):
        raise CodebookError(f"{path}: missing 'version:'. Add e.g. version: \"1.0\".")
    entries, seen = [], set()
    for index, raw in enumerate(data["codes"]):
        entry = _parse_entry(raw, index=index, path=path, source=source)
        if entry["code"] in seen:
            raise CodebookError(
                f"{path}: code {entry['code']!r} (entry {index}): duplicate id in "
                f"this file. Merge the two entries or rename one."
            )
        seen.add(entry["code"])
        entries.append(entry)
    return str(data.get("version", "")), entries


# A codebook of a few hundred codes holds some thousands of YAML nodes; a file
# whose aliases expand to more is a "billion laughs" bomb, refused before it is built.
MAX_CODEBOOK_NODES = 200_000


def _safe_load(text: str, path: Path):
    """``yaml.safe_load`` that refuses a document whose aliases expand to more than
    :data:`MAX_CODEBOOK_NODES` nodes (the composed graph shares them: counting is cheap).

    Raises:
        CodebookError: the document is an alias bomb.
    """
    loader = _SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        size = _expanded_size(node, {})
        if size > MAX_CODEBOOK_NODES:
            raise CodebookError(
                f"{path}: the YAML expands to more than {MAX_CODEBOOK_NODES:,} values "
                "through its aliases (*name), a 'billion laughs' file: write the codes "
                "out without nested aliases.")
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _expanded_size(node: yaml.Node, seen: dict[int, int]) -> int:
    """How many nodes ``node`` stands for once every alias is expanded (memoised)."""
    if id(node) in seen:
        return seen[id(node)]
    seen[id(node)] = 1  # a recursive alias counts once, and stops the walk
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, seen) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, seen) + _expanded_size(v, seen) for k, v in node.value)
    seen[id(node)] = min(size, MAX_CODEBOOK_NODES + 1)
    return seen[id(node)]


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring = 2, 4, 4, 60


def _short(value: object) -> str:
    """A short repr for error messages: never the whole of a huge or recursive value."""
    return _SHORT.repr(value)


def _parse_entry(raw: object, *, index: int, path: Path, source: str) -> dict:
    """Validate one ``codes:`` entry and compile its patterns."""
    where = f"{path}: entry {index}"
    if not isinstance(raw, dict):
        raise CodebookError(
            f"{where}: expected a mapping (id, label, ...), found {_short(raw)}. "
            f"Write the entry as '- id: ...' with its keys indented below."
        )
    code = raw.get("id")
    if code is not None:
        where = f"{path}: code {code!r} (entry {index})"
    unknown = sorted(set(map(str, raw)) - _CODE_KEYS)
    if unknown:
        raise CodebookError(f"{where}: unknown key(s) {unknown}. Allowed: {sorted(_CODE_KEYS)}.")
    for key in ("id", "label"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise CodebookError(f"{where}: missing '{key}' (a non-empty string). Add it.")
    _check_id(raw["id"], where)
    parent = raw.get("parent") or ""
    if not isinstance(parent, str):
        raise CodebookError(f"{where}: 'parent' must be a code id, found {_short(parent)}.")
    written = raw.get("patterns") or []
    if not isinstance(written, list):
        raise CodebookError(
            f"{where}: 'patterns' must be a list, found {_short(written)}. "
            f"Write one '- pattern' per line."
        )
    compiled = [
        _compile(pattern, where=f"{where}, pattern {i}", key=f"{code}#{i}")
        for i, pattern in enumerate(written)
    ]
    return {
        "code": code, "label": raw["label"].strip(), "parent": parent.strip(),
        "description": str(raw.get("description") or "").strip(), "source": source,
        "file": str(path), "compiled": compiled, "written": written,
    }


def _check_id(code: str, where: str) -> None:
    if not isinstance(code, str) or not _ID_RE.match(code):
        raise CodebookError(
            f"{where}: invalid id {code!r}. Expected lowercase ascii letters "
            f"and digits joined by '-', e.g. 'manque-information'."
        )


def _compile(pattern: object, *, where: str, key: str) -> list[dict]:
    """Turn one written pattern into a Matcher pattern that spaCy accepts."""
    if isinstance(pattern, str):
        words = [token.text for token in _blank_nlp()(pattern) if not token.is_space]
        if not words:
            raise CodebookError(f"{where}: empty phrase. Write at least one word or remove it.")
        compiled = [{"_": {LEMMA_ATTR: _word_key(word)}} for word in words]
    elif isinstance(pattern, list) and all(isinstance(token, dict) for token in pattern):
        compiled = [_fold_token(token) for token in pattern]
    else:
        raise CodebookError(
            f"{where}: expected a phrase (string) or a spaCy token pattern (a list of "
            f"mappings such as [{{LEMMA: relancer}}]), found {pattern!r}."
        )
    if not any(_is_required(token) for token in compiled):
        raise CodebookError(
            f"{where}: the pattern {pattern!r} would match any text (no required "
            f"token with a condition). Add a condition such as LEMMA."
        )
    try:
        Matcher(_blank_nlp().vocab, validate=True).add(key, [compiled])
    except (ValueError, TypeError, KeyError, re.error) as error:
        message = " ".join(str(error).split())
        raise CodebookError(
            f"{where}: spaCy rejects the pattern {pattern!r}: {message}. See the token "
            f"attributes at https://spacy.io/usage/rule-based-matching#adding-patterns-attributes"
        ) from None
    return compiled


def _fold_token(token: dict) -> dict:
    """Fold the values of the csf_* attributes of a raw token pattern.

    ``{_: {csf_lemma: être}}`` must compare with the folded lemma "etre";
    values under ``IN``/``NOT_IN`` lists are folded too. Anything else is
    left to spaCy's validation.
    """
    extensions = token.get("_")
    if not isinstance(extensions, dict):
        return token
    folded = {}
    for name, value in extensions.items():
        if name in FOLDED_ATTRS and isinstance(value, str):
            value = fold(value)
        elif name in FOLDED_ATTRS and isinstance(value, dict):
            value = {
                op: [fold(v) if isinstance(v, str) else v for v in values]
                if op in ("IN", "NOT_IN") and isinstance(values, list) else values
                for op, values in value.items()
            }
        folded[name] = value
    return {**token, "_": folded}


def _is_required(token: dict) -> bool:
    return str(token.get("OP", token.get("op", "1"))) not in _OPTIONAL_OPS and any(
        str(key).upper() != "OP" for key in token
    )


def _word_key(word: str) -> str:
    """The folded lemma a phrase word is compared with ("L’" -> "le")."""
    word = fold(word.replace("’", "'"))
    return _ELISIONS.get(word, word)


@functools.lru_cache(maxsize=1)
def _blank_nlp() -> spacy.Language:
    """A blank French pipeline: the model's tokenizer rules, no weights."""
    return spacy.blank("fr")


def _check_parents(entries: list[dict]) -> None:
    """Every parent exists and no code is its own ancestor."""
    by_code = {entry["code"]: entry for entry in entries}
    for entry in entries:
        parent = entry["parent"]
        if parent and parent not in by_code:
            raise CodebookError(
                f"{entry['file']}: code {entry['code']!r}: unknown parent {parent!r}. "
                f"Expected one of the codebook's ids; fix the spelling or add that code."
            )
    for entry in entries:
        chain, code = [entry["code"]], entry["parent"]
        while code:
            if code in chain:
                cycle = " -> ".join(chain[chain.index(code):] + [code])
                raise CodebookError(
                    f"{entry['file']}: code {entry['code']!r}: parent cycle {cycle}. "
                    f"Remove one 'parent:' so the hierarchy is a tree."
                )
            chain.append(code)
            code = by_code[code]["parent"]
