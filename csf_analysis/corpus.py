"""A folder of notes -> the tidy tables, cached per note, incremental.

Each ``*.md`` below the notes folder is read (read-only), decoded, parsed and
split into sentences; the result is cached in ``.csf-cache/`` keyed by the
note's bytes, its path and the parser version, so a rerun reparses only the
notes that changed and, when none did, never loads spaCy. The per-note
results are then combined: statement counts, duplicates across interviews,
and which contacted companies were interviewed.

Example:
    >>> corpus = load_corpus("interviews")            # doctest: +SKIP
    >>> corpus.statements[["statement_id", "category", "text"]].head()  # doctest: +SKIP
    >>> corpus.write("/tmp/tables")                     # doctest: +SKIP
"""
from __future__ import annotations

import collections
import dataclasses
import functools
import hashlib
import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pandas as pd
from tqdm import tqdm

from . import config
from .atomic import write_text_atomic
from .cells import to_csv_text
from .coding.codebook import load_codebook
from .coding.folder_model import ROWS_KEY
from .filesets import Staging
from .filters import NO_FILTER, describe_filters, filter_tables, statements_per_code
from .reading.copies import MIN_DUPLICATE_CHARS, mark_copies
from .reading.events import events_table
from .reading.files import display_name, read_note, scan_notes
from .reading.findings import Findings, read_findings
from .reading.sources import Problem
from .schema import counted_rows, frame
from .workers import Task, Workers, run_task, tasks_of, text_bytes, worker_count

__all__ = ["CacheWarning", "Corpus", "MIN_DUPLICATE_CHARS", "NotesDirError", "TABLES",
           "load_corpus", "note_files"]

TABLES = ("interviews", "statements", "contacts", "problems", "codings", "codebook")


class NotesDirError(ValueError):
    """The notes folder does not exist or is not a folder."""


@dataclass
class Corpus:
    """The tables of a notes folder (see DESIGN.md's data contract)."""

    notes_dir: Path
    interviews: pd.DataFrame
    statements: pd.DataFrame
    contacts: pd.DataFrame
    problems: pd.DataFrame
    codings: pd.DataFrame = field(default_factory=lambda: frame("codings"))
    codebook: pd.DataFrame = field(default_factory=lambda: frame("codebook"))
    auto_codings: pd.DataFrame = field(default_factory=lambda: frame("codings"))
    # the patterns' themes the theme model dropped ("delais#0; modèle 0.12"), for review
    vetoed_codings: pd.DataFrame = field(default_factory=lambda: frame("codings"))
    stats: dict = field(default_factory=dict)
    codebook_version: str = ""
    selection: str = ""  # what filter() kept, in French ("" : the whole folder)
    findings: Findings = field(default_factory=Findings)  # the team's synthese.md
    # each inferred statement's (rule id, model features), to infer again with the
    # model adapted to the folder's checked categories (coding.folder_model)
    category_rows: dict = field(default_factory=dict, repr=False)
    options: dict = field(default_factory=dict, repr=False)  # load_corpus's, for refresh()

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def refresh(self) -> Corpus:
        """The notes folder read again with the same options (a new note, an edit, new
        decisions): only the changed notes are parsed, and in a running kernel the
        others' results are taken from memory (under 1 s for 1,000 notes,
        ``benchmarks/bench_refresh.py``). A filtered corpus comes back whole.

        >>> corpus = corpus.refresh()                               # doctest: +SKIP
        """
        return load_corpus(self.notes_dir, **self.options)

    def counted(self) -> Corpus:
        """The corpus that counts: the sessions (kind other than ``document``) that are
        no copy of another, with their statements, codings and recounted codebook.
        Every count, chart, quote and finding comes from here; the full tables keep
        every line."""
        return self.filter()

    def filter(self, *, actors=None, clauses=None, kinds=None, date_from: str | None = None,
               date_to: str | None = None, keep_undated: bool = False) -> Corpus:
        """The counted corpus narrowed to some actors, clause sizes, kinds or dates, as a
        Corpus again: it can be charted, reviewed or filtered further. ``selection``
        says in French what was kept. See :func:`csf_analysis.filters.filter_tables`
        for each option; an unknown actor or clause size raises ``ValueError``.

        >>> corpus.filter(clauses=["300h"], kinds="entretien").selection  # doctest: +SKIP
        'Filtres : clauses 300h ; types entretien.'
        """
        options = dict(actors=actors, clauses=clauses, kinds=kinds, date_from=date_from,
                       date_to=date_to, keep_undated=keep_undated)
        tables = filter_tables({**self.tables(), "auto_codings": self.auto_codings,
                                "vetoed_codings": self.vetoed_codings}, **options)
        said = [s for s in (self.selection, describe_filters(**options)) if s and s != NO_FILTER]
        return dataclasses.replace(self, **tables, selection=" ".join(said) or NO_FILTER)

    @functools.cached_property
    def events(self) -> pd.DataFrame:
        """The dates and durations the statements report (the ``events`` table of
        :func:`csf_analysis.reading.events.events_table`), read once per corpus."""
        return events_table(self.statements, self.interviews)

    def write(self, out_dir: str | Path, *, check=None) -> list[Path]:
        """Write every table as ``out_dir/<name>.csv``, all together (all new, or all
        old if a write or ``check(paths)`` of the new files fails); text cells are
        escaped against spreadsheet formulas (:mod:`csf_analysis.cells`). Return the
        paths."""
        out = Path(out_dir)
        names = [f"{name}.csv" for name in TABLES]
        with Staging(out) as stage:
            for name, table in zip(names, self.tables().values()):
                (stage.staged / name).write_text(to_csv_text(table), encoding="utf-8")
            stage.commit(names, check=check)
        return [out / name for name in names]


class CacheWarning(UserWarning):
    """A cache entry of the wrong shape was ignored (the note is read again)."""


def _rows_of_dicts(value, *, keys: tuple[str, ...] = ()) -> bool:
    return isinstance(value, list) and all(
        isinstance(row, dict) and all(key in row for key in keys) for row in value)


def _is_note_result(result) -> bool:
    """Is ``result`` a parsed note as :func:`csf_analysis.workers.parse_file` gives it?"""
    return (isinstance(result, dict)
            and _rows_of_dicts(result.get("interviews"), keys=("interview_id", "interviewers"))
            and _rows_of_dicts(result.get("statements"), keys=("statement_id", "text"))
            and _rows_of_dicts(result.get("contacts"), keys=("company_ref",))
            and _rows_of_dicts(result.get("problems"), keys=("source_file", "line", "message")))


def _is_coding_result(result) -> bool:
    """Is ``result`` a note's auto coding as :func:`csf_analysis.workers.code_results`
    gives it?"""
    return (isinstance(result, dict) and isinstance(result.get("categories"), dict)
            and all(isinstance(pair, list) and len(pair) == 3
                    for pair in result["categories"].values())
            and _rows_of_dicts(result.get("codings"), keys=("statement_id", "code"))
            and _rows_of_dicts(result.get("vetoed", []), keys=("statement_id", "code"))
            and _rows_of_dicts(result.get("problems", []))
            and _model_rows(result.get(ROWS_KEY, {})))


def _model_rows(value) -> bool:
    """Is ``value`` {statement id: [rule id, [feature, ...]]}?"""
    return isinstance(value, dict) and all(
        isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)
        and isinstance(pair[1], list) and all(isinstance(f, str) for f in pair[1])
        for pair in value.values())


_CACHE_SHAPES = {"notes": _is_note_result, "codings": _is_coding_result}


class _NoteCache:
    """JSON results per note in ``cache_dir/<kind>/``; silently off if unwritable.

    The results read or written are also kept in this process (:data:`MEMORY_ENTRIES`
    at most, the oldest forgotten first): a notebook that loads the corpus again
    after a note was added reads no JSON of the others. A key is the hash of the
    note's bytes and of the code, so a kept result is never stale. The 1,000-note
    benchmark corpus keeps about 110 MB (tracemalloc); :meth:`forget` frees it."""

    MEMORY_ENTRIES = 20_000  # two per note: its parse and its coding
    # (cache folder, kind, key) -> result: a folder's results never answer for another's.
    _memory: collections.OrderedDict[tuple[str, str, str], dict] = collections.OrderedDict()

    def __init__(self, cache_dir: str | Path | None) -> None:
        self.dir = Path(cache_dir) if cache_dir else None

    @classmethod
    def forget(cls) -> None:
        """Empty this process's memory of results (the cache files stay)."""
        cls._memory.clear()

    def _place(self, kind: str, key: str) -> tuple[str, str, str]:
        return (str(self.dir), kind, key)

    def _remember(self, kind: str, key: str, result: dict) -> None:
        memory, place = _NoteCache._memory, self._place(kind, key)
        memory[place] = result
        memory.move_to_end(place)
        while len(memory) > self.MEMORY_ENTRIES:
            memory.popitem(last=False)

    @staticmethod
    def key(data: bytes, source_file: str) -> str:
        salt = f"{code_version(config.READING_CODE)}\x1f{source_file}\x1f".encode()
        return hashlib.sha256(salt + data).hexdigest()

    def get(self, kind: str, key: str) -> dict | None:
        """The cached result, or None: absent, unreadable, or not of the shape
        ``kind`` has (valid JSON written by something else): then a warning."""
        if not self.dir:
            return None
        kept = _NoteCache._memory.get(self._place(kind, key))
        if kept is not None:
            return kept
        path = self.dir / kind / key[:2] / f"{key}.json"
        try:
            result = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not _CACHE_SHAPES.get(kind, _is_note_result)(result):
            warnings.warn(f"cache entry {path} is not a {kind} result: ignored, the note "
                          "is read again", CacheWarning, stacklevel=2)
            return None
        self._remember(kind, key, result)
        return result

    def has(self, kind: str, key: str) -> bool:
        return self.dir is not None and (self._place(kind, key) in _NoteCache._memory or (
            self.dir / kind / key[:2] / f"{key}.json").is_file())

    def put(self, kind: str, key: str, result: dict) -> None:
        if not self.dir:
            return
        self._remember(kind, key, result)
        try:
            path = self.dir / kind / key[:2] / f"{key}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, json.dumps(result, ensure_ascii=False))
        except OSError:
            self.dir = None  # a read-only place: run without cache


@functools.lru_cache(maxsize=16)
def code_version(parts: tuple[str, ...], root: Path | None = None) -> str:
    """Hash of the code in ``parts`` below ``root`` (the package), and of the versions
    of spaCy and its French model (a new model splits and lemmatises differently):
    a change of rules or of model invalidates their cache.

    A part is a subpackage (``"reading"``: every ``.py`` file in it, by name) or a
    file (``"workers.py"``, ``"data/category_model.json"``).

    >>> code_version(config.READING_CODE) == code_version(config.READING_CODE)
    True
    >>> code_version(config.READING_CODE) != code_version(config.CODING_CODE)
    True
    """
    digest = hashlib.sha256(config.PARSER_VERSION.encode())
    digest.update(library_versions().encode())
    root = Path(root) if root else Path(__file__).parent
    for part in parts:
        path = root / part
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(f"\x1f{file.relative_to(root).as_posix()}\x1f".encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def library_versions() -> str:
    """"spacy 3.8.2; fr_core_news_sm 3.8.0": what the cached statements also depend on."""
    from importlib.metadata import PackageNotFoundError, version
    found = []
    for package in ("spacy", config.SPACY_MODEL):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            found.append(f"{package} absent")
    return "; ".join(found)


def note_files(notes_dir: Path) -> list[Path]:
    """Every ``*.md`` below ``notes_dir``, hidden folders left out, in a stable order
    (see :func:`csf_analysis.reading.files.scan_notes` for links and special files)."""
    return scan_notes(notes_dir)[0]


def _read(path: Path, source_file: str) -> tuple[bytes | None, dict | None]:
    data, problem = read_note(path, source_file)  # read-only, always
    return data, (None if problem is None else {"problems": [problem.row()]})


def _name_problem(source_file: str, path: Path) -> list[Problem]:
    """A warning when the file name is not valid UTF-8 (shown with U+FFFD)."""
    if display_name(str(path)) == str(path):
        return []
    return [Problem(source_file, 1, "warning",
                    "nom de fichier qui n'est pas en UTF-8 : affiché avec « \ufffd » ; "
                    "renommez le fichier (accents en UTF-8) pour retrouver son nom")]


def load_corpus(notes_dir: str | Path = config.DEFAULT_NOTES_DIR, *,
                cache_dir: str | Path | None = config.CACHE_DIR_NAME,
                progress: bool | None = None, code: bool = True,
                overlap: bool = False) -> Corpus:
    """Read every note below ``notes_dir`` and return its tables.

    Args:
        notes_dir: The notes folder (read-only, apart from the manual-codes CSV).
        cache_dir: Where per-note results are kept between runs; None for no cache.
        progress: Show a progress bar; None shows it on a terminal only.
        code: Also code the statements (categories, themes, tags, manual codes).
        overlap: Load spaCy in a worker process even for a small job, while this
            process reads the cache: faster for a process that ends after this
            call (the command line), slower for one that calls again.

    Raises:
        NotesDirError: ``notes_dir`` is missing or not a folder.
        CodebookError: the notes' ``codebook.yml`` is invalid.
        DecisionError: the manual-codes CSV is unreadable.
        ValueError: ``CSF_WORKERS`` is set to something else than a number.
    """
    notes_dir = Path(notes_dir)
    if not notes_dir.is_dir():
        raise NotesDirError(f"notes folder '{notes_dir}' does not exist or is not a folder: "
                            "give the folder that holds the .md notes")
    cache = _NoteCache(cache_dir)
    options = {"cache_dir": cache_dir, "progress": progress, "code": code, "overlap": overlap}
    codebook = load_codebook(notes_dir, cache_dir=cache.dir) if code else None
    run = _Run(notes_dir, cache, codebook, progress)
    run.work(overlap=overlap)
    results = [run.found, *cast(list[dict], run.results)]  # every note has one now
    if not code:
        corpus = _combine(notes_dir, results, run.stats)
    else:
        corpus = _combine(notes_dir, results, run.stats, autos=cast(list[dict], run.autos),
                          codebook=codebook)
    corpus.options = options
    return corpus


def _quiet(progress: bool | None) -> bool | None:
    return None if progress is None else not progress


class _Run:
    """One pass over the notes: cached results where the bytes are unchanged, the
    rest parsed and coded by :mod:`csf_analysis.workers` while the cache is read."""

    def __init__(self, notes_dir: Path, cache: _NoteCache, codebook, progress) -> None:
        self.cache, self.codebook, self.progress = cache, codebook, progress
        paths, problems = scan_notes(notes_dir)
        self.files = [(display_name(path.relative_to(notes_dir).as_posix()), path)
                      for path in paths]
        problems += [p for name, path in self.files for p in _name_problem(name, path)]
        self.found = {"problems": [p.row() for p in problems]}  # while finding the notes
        self.stats = {"notes": len(self.files), "parsed": 0, "cached": 0, "coded": 0}
        self.results: list[dict | None] = [None] * len(self.files)
        self.autos: list[dict | None] = [None] * len(self.files)
        self.keys: list[str] = []
        self.coding_keys: list[str] = []

    def work(self, *, overlap: bool) -> None:
        """Fill ``results`` and ``autos`` (when coding), writing new ones to the cache."""
        datas = self.read()
        todo = [(i, name, data) for i, (name, _) in enumerate(self.files)
                if (data := datas[i]) is not None and self.results[i] is None
                and not self.cache.has("notes", self.keys[i])]
        code = self.codebook is not None
        size = sum(len(data) for *_, data in todo)
        with Workers(worker_count(size, overlap=overlap), self.codebook) as workers:
            futures = [workers.submit(task) for task in tasks_of(todo, [], code_parsed=code)]
            parsed = {i for i, _, _ in todo}
            self.read_cached(parsed, datas)
            recode = [(i, cast(dict, self.results[i])) for i in self.read_codings(parsed)] \
                if code else []
            if recode:
                workers.ensure(worker_count(sum(map(text_bytes, recode)), overlap=False))
                futures += [workers.submit(task)
                            for task in tasks_of([], recode, code_parsed=False)]
            self.collect(workers, futures)

    def read(self) -> list[bytes | None]:
        datas = []
        for i, (name, path) in enumerate(self.files):
            data, failure = _read(path, name)
            datas.append(data)
            self.results[i] = failure
            self.keys.append(self.cache.key(data or b"", name))
        if self.codebook is not None:
            salt = (f"{self.codebook.version}\x1f{code_version(config.CODING_CODE)}"
                    f"\x1f{config.SPACY_MODEL}")
            self.coding_keys = [hashlib.sha256(f"{key}\x1f{salt}".encode()).hexdigest()
                                for key in self.keys]
        return datas

    def read_cached(self, parsed: set[int], datas: list[bytes | None]) -> None:
        """Cached results of the notes no worker parses (a broken cache file: parse here)."""
        for i in tqdm(range(len(self.files)), desc="lecture", unit="note",
                      disable=_quiet(self.progress)):
            if i in parsed or self.results[i] is not None:
                continue
            result = self.cache.get("notes", self.keys[i])
            if result is None:
                data = cast(bytes, datas[i])  # a note that could not be read has a failure
                parsed_here = cast(dict, run_task(Task(parse=[(i, self.files[i][0], data)]))[0][1])
                self.cache.put("notes", self.keys[i], parsed_here)
                result = parsed_here
                self.stats["parsed"] += 1
            else:
                self.stats["cached"] += 1
            self.results[i] = result

    def read_codings(self, parsed: set[int]) -> list[int]:
        """Cached codings of the notes read from the cache; the indexes still to code."""
        recode = []
        for i in range(len(self.files)):
            if i not in parsed:
                self.autos[i] = self.cache.get("codings", self.coding_keys[i])
                if self.autos[i] is None:
                    recode.append(i)
        return recode

    def collect(self, workers: Workers, futures: list) -> None:
        """Wait for the workers' results; put them in place and in the cache."""
        bar = tqdm(total=len(futures), desc="analyse", unit="lot", disable=_quiet(self.progress))
        for future in futures:
            for i, result, auto in workers.result(future):
                if result is not None:
                    self.results[i] = result
                    self.cache.put("notes", self.keys[i], result)
                    self.stats["parsed"] += 1
                if auto is not None:
                    self.autos[i] = auto
                    self.cache.put("codings", self.coding_keys[i], auto)
                    self.stats["coded"] += 1
            bar.update(1)
        bar.close()


def _rows(results: list[dict], name: str) -> list[dict]:
    return [row for result in results for row in result.get(name, [])]


def _combine(notes_dir: Path, results: list[dict], stats: dict, *,
             autos: list[dict] | None = None, codebook=None) -> Corpus:
    statements = frame("statements", _rows(results, "statements"))
    interviews = frame("interviews", [
        {**row, "interviewers": "; ".join(row["interviewers"])}
        for row in _rows(results, "interviews")])
    problems = _rows(results, "problems") + mark_copies(interviews, statements)
    codings = auto_codings = vetoed = frame("codings")
    rows: dict = {}
    if autos is not None:
        rows = {sid: pair for auto in autos if auto for sid, pair in auto.get(ROWS_KEY, {}).items()}
        statements, auto_codings, codings, more = _code(notes_dir, statements, autos, codebook,
                                                        rows, stats)
        vetoed = frame("codings", _rows([auto for auto in autos if auto], "vetoed"))
        problems += _rows([auto for auto in autos if auto], "problems") + more
    originals = statements[statements["duplicate_of"] == ""]
    counts = originals.groupby("interview_id").size()
    interviews["n_statements"] = interviews["interview_id"].map(counts).fillna(0).astype("Int64")
    contacts = frame("contacts", _rows(results, "contacts"))
    contacts = contacts.drop_duplicates("company_ref", keep="last").reset_index(drop=True)
    sessions = interviews[counted_rows(interviews)]
    contacts["interviewed"] = contacts["company_ref"].isin(
        set(sessions.loc[sessions["company_ref"] != "", "company_ref"]))
    counted = originals[originals["interview_id"].isin(set(sessions["interview_id"]))]
    stats["statements"] = len(statements)
    findings = read_findings(notes_dir, statements)  # the team's synthese.md, if written
    problems += [problem.row() for problem in findings.problems]
    return Corpus(notes_dir, interviews, statements, contacts, frame("problems", problems),
                  codings=codings, codebook=_codebook_table(codebook, codings, counted),
                  auto_codings=auto_codings, vetoed_codings=vetoed, stats=stats,
                  codebook_version=codebook.version if codebook else "", findings=findings,
                  category_rows=rows)


def _code(notes_dir: Path, statements: pd.DataFrame, autos: list[dict], codebook,
          rows: dict, stats: dict):
    """Inferred categories (by the model adapted to the folder's checked ones, when
    there are enough), auto codings, inline tags, then the manual decisions."""
    from .coding.codings import apply_decisions, inline_codings
    from .coding.manual import decisions_path, latest, load_decisions
    inferred = pd.DataFrame(
        [(sid, *found) for auto in autos for sid, found in auto.get("categories", {}).items()],
        columns=["statement_id", "category", "category_rule", "category_confidence"],
    ).drop_duplicates("statement_id", keep="last").set_index("statement_id")
    hit = statements["statement_id"].isin(inferred.index)
    chosen = inferred.loc[statements.loc[hit, "statement_id"]]
    for column in ("category", "category_rule"):
        statements.loc[hit, column] = chosen[column].to_numpy()
    statements.loc[hit, "category_confidence"] = chosen["category_confidence"].to_numpy(
        dtype=float)
    statements.loc[statements["category_origin"] == "structure", "category_rule"] = "structure"
    decisions = load_decisions(notes_dir)
    statements = _adapted(statements, rows, latest(decisions), stats)
    inline, problems = inline_codings(statements, codebook)
    codings = frame("codings", [row for auto in autos for row in auto.get("codings", [])]
                    + inline)
    statements, final, more = apply_decisions(
        statements, codings, decisions, codebook, source=decisions_path(notes_dir).name)
    return statements, codings, frame("codings", final.reset_index(drop=True)), problems + more


def _adapted(statements: pd.DataFrame, rows: dict, decisions: pd.DataFrame,
             stats: dict) -> pd.DataFrame:
    """The inferred categories given again by the model adapted to the categories the
    team checked (``stats["adapted_on"]``: how many), or as they are under
    :data:`csf_analysis.coding.folder_model.MIN_LABELS`."""
    from .coding.folder_model import folder_model, reinfer

    model = folder_model(rows, decisions)
    stats["adapted_on"] = int(model.info["adapted_on"]) if model else 0
    return reinfer(statements, rows, model) if model else statements


def _codebook_table(codebook, codings: pd.DataFrame, originals: pd.DataFrame) -> pd.DataFrame:
    """The codebook with the number of counted statements per code: distinct statements
    of counted sessions (no copy, no document, no note outside a session)."""
    if codebook is None:
        return frame("codebook")
    counts = statements_per_code(codings, set(originals["statement_id"]))
    table = codebook.table.assign(n_statements=codebook.table["code"].map(counts).fillna(0))
    return frame("codebook", table.to_dict("records"))
