"""Parse and code notes in worker processes, so a run uses every core.

:mod:`csf_analysis.corpus` plans the work (which notes to parse, which to
code) and hands it out as :class:`Task` objects of a few notes each. A task
parses its notes' bytes (:func:`csf_analysis.corpus.parse_file`) and codes
their statements (:func:`csf_analysis.coding.codings.auto_code`) with the worker's own
spaCy pipeline, loaded once per worker. The pool starts before the main
process reads the cache, so the seconds spaCy takes to load overlap the rest
of the run, and a big run splits its notes over the cores.

How many workers (:func:`worker_count`): none on a one-core machine; none
for a small job when this process keeps its spaCy model for later calls
(a notebook, the tests, ``report --watch``), since loading it again in a
worker would cost more than the job; one for a small job from the command
line (``overlap``), to load spaCy while this process reads the cache; one per
core, up to :data:`MAX_WORKERS`, for a big job. ``CSF_WORKERS=N`` in the
environment sets the number (``0``: all in this process).

Example:
    >>> worker_count(2_000, overlap=False, cores=2)
    0
    >>> worker_count(2_000, overlap=True, cores=1)   # one core: nothing to overlap
    0
    >>> worker_count(50_000_000, overlap=False, cores=8)
    2
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from .coding.folder_model import ROWS_KEY
from .reading.notes import parse_note
from .reading.references import external_references
from .reading.sources import Problem, decode_note
from .reading.statements import statement_rows
from .schema import frame

MAX_WORKERS = 2            # each worker holds its own spaCy pipeline and results (0.3 GB)
BIG_JOB_BYTES = 1_000_000  # about 150,000 words: worth splitting over the cores
TASK_BYTES = 200_000       # notes per task: enough to keep spaCy streaming
CODING_CHUNK = 2000        # statements coded together: one spaCy stream, bounded memory


@dataclass
class Task:
    """Notes for one worker call: ``parse`` holds (index, source_file, bytes),
    ``code`` holds (index, parsed result) of notes parsed earlier."""

    parse: list[tuple[int, str, bytes]] = field(default_factory=list)
    code: list[tuple[int, dict]] = field(default_factory=list)
    code_parsed: bool = False  # also code the notes this task parses

    @property
    def size(self) -> int:
        return sum(len(data) for _, _, data in self.parse) + sum(map(text_bytes, self.code))


def text_bytes(item: tuple[int, dict]) -> int:
    """The size of a parsed note's statements, to weigh coding work like parsing work."""
    return sum(len(row.get("text", "")) for row in item[1].get("statements", []))


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def model_loaded() -> bool:
    """Does this process already hold a spaCy pipeline (so in-process work starts at once)?"""
    nlp = sys.modules.get("csf_analysis.reading.nlp")
    return bool(nlp and nlp._load.cache_info().currsize)


def worker_count(work_bytes: int, *, overlap: bool, cores: int | None = None) -> int:
    """Workers for ``work_bytes`` of notes to parse or code (see the module docstring).

    Raises:
        ValueError: ``CSF_WORKERS`` is not a whole number >= 0.
    """
    forced = os.environ.get("CSF_WORKERS", "").strip()
    if forced:
        if not forced.isdigit():
            raise ValueError(f"CSF_WORKERS={forced!r}: expected a whole number of "
                             "worker processes (0 = parse in this process)")
        return int(forced) if work_bytes else 0
    available = cores or globals()["cores"]()
    if not work_bytes or available < 2:
        return 0
    if work_bytes >= BIG_JOB_BYTES:
        return min(available, MAX_WORKERS)
    return 1 if overlap and not model_loaded() else 0


def tasks_of(parse: list[tuple[int, str, bytes]], code: list[tuple[int, dict]], *,
             code_parsed: bool) -> list[Task]:
    """Cut the work into tasks of about :data:`TASK_BYTES` each."""
    tasks, task = [], Task(code_parsed=code_parsed)
    for item in parse:
        task.parse.append(item)
        if task.size >= TASK_BYTES:
            tasks.append(task)
            task = Task(code_parsed=code_parsed)
    for coded in code:
        task.code.append(coded)
        if task.size >= TASK_BYTES:
            tasks.append(task)
            task = Task(code_parsed=code_parsed)
    return tasks + ([task] if task.parse or task.code else [])


# -- the work itself (in a worker, or in this process) -------------------------
_STATE: dict = {}


def parse_file(data: bytes, source_file: str, nlp_factory) -> dict:
    """Parse one note's bytes into table rows (JSON-friendly dict).

    Whatever goes wrong inside one note (a bug, a pathological input) becomes an
    error row for that note (:func:`failure`), never a crash of the whole run."""
    result: dict[str, list] = {"interviews": [], "statements": [], "contacts": [],
                               "problems": []}
    try:
        text, problems = decode_note(data, source_file)
        if text is not None and text.strip():
            note = parse_note(text, source_file)
            result["statements"] = statement_rows(note, nlp_factory())
            result["interviews"], result["contacts"] = note.interviews, note.contacts
            problems += note.problems + external_references(text, source_file)
    except Exception as error:  # noqa: BLE001 - one note must never stop the run
        return {**result, "problems": [failure(source_file, error, "lue").row()]}
    result["problems"] = [p.row() for p in problems]
    return result


def failure(source_file: str, error: BaseException, stage: str) -> Problem:
    """The error row of a note whose reading (``stage`` "lue") or coding ("codée")
    failed: the line when the parser knows it (``error.note_line``), what failed."""
    line = getattr(error, "note_line", None)
    where = f"vers la ligne {line}" if line else "(ligne inconnue)"
    what = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    return Problem(source_file, line or 1, "error",
                   f"note non {stage} : erreur inattendue {where} ({what[:200]}) ; les "
                   "autres notes sont traitées. Vérifiez ce passage (ou scindez la note pour "
                   "le trouver) et signalez l'erreur à l'équipe qui maintient csf-analysis")


def _nlp_factory():
    from .reading.nlp import LEMMAS, load_nlp, sentences_only  # only when a note changed
    return sentences_only(load_nlp(components=LEMMAS))


def _start_worker(codebook) -> None:
    _STATE["codebook"] = codebook


def run_task(task: Task, codebook=None) -> list[tuple[int, dict | None, dict | None]]:
    """Parse and code ``task``'s notes: ``(index, parsed result or None, auto coding or None)``."""
    codebook = codebook if codebook is not None else _STATE.get("codebook")
    parsed = {i: parse_file(data, source_file, _nlp_factory)
              for i, source_file, data in task.parse}
    to_code = dict(task.code)
    if task.code_parsed:
        to_code.update(parsed)
    autos = code_results(to_code, codebook) if codebook is not None and to_code else {}
    indexes = list(parsed) + [i for i in to_code if i not in parsed]
    return [(i, parsed.get(i), autos.get(i)) for i in indexes]


def code_results(results: dict[int, dict], codebook) -> dict[int, dict]:
    """Auto coding of parsed notes, note by note (what the cache keeps)."""
    from .coding.codings import auto_code
    from .coding.themes import ThemeMatcher
    from .reading.nlp import LEMMAS, load_nlp
    nlp = load_nlp(components=LEMMAS)
    key = (codebook.version, id(nlp))
    if _STATE.get("matcher", (None,))[0] != key:  # one matcher per codebook, reused
        _STATE["matcher"] = (key, ThemeMatcher(codebook, nlp))
    matcher = _STATE["matcher"][1]

    def code(chunk: list[int]) -> list[dict]:
        rows = [row for i in chunk for row in results[i].get("statements", [])]
        coded = auto_code(frame("statements", rows), codebook=codebook, nlp=nlp,
                          matcher=matcher)
        return _split_by_note(coded, [results[i] for i in chunk])

    autos: dict[int, dict] = {}
    for chunk in _chunks(results):
        try:
            autos.update(zip(chunk, code(chunk)))
        except Exception:  # noqa: BLE001 - find the note at fault, code the others
            autos.update(_code_one_by_one(chunk, results, code))
    return autos


def _code_one_by_one(chunk: list[int], results: dict[int, dict], code) -> dict[int, dict]:
    """Code a chunk that failed note by note: only the note at fault loses its
    coding, and gets an error row in its place."""
    autos: dict[int, dict] = {}
    for i in chunk:
        try:
            autos[i] = code([i])[0]
        except Exception as error:  # noqa: BLE001
            source = next((row.get("source_file", "") for row in results[i]["statements"]), "")
            autos[i] = {"categories": {}, "codings": [],
                        "problems": [failure(source, error, "codée").row()]}
    return autos


def _chunks(results: dict[int, dict]):
    """Groups of notes holding about CODING_CHUNK statements each."""
    chunk, size = [], 0
    for i, result in results.items():
        chunk.append(i)
        size += len(result.get("statements", []))
        if size >= CODING_CHUNK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _split_by_note(coded: dict, notes: list[dict]) -> list[dict]:
    """The auto coding of a chunk, note by note."""
    owner = {row["statement_id"]: n for n, note in enumerate(notes)
             for row in note.get("statements", [])}
    parts: list[dict] = [{"categories": {}, "codings": [], "vetoed": [], ROWS_KEY: {}}
                         for _ in notes]
    for name in ("categories", ROWS_KEY):
        for sid, value in coded.get(name, {}).items():
            parts[owner[sid]][name][sid] = value
    for name in ("codings", "vetoed"):
        for row in coded.get(name, []):
            parts[owner[row["statement_id"]]][name].append(row)
    return parts


# -- the pool ------------------------------------------------------------------
def start_method() -> str:
    """``fork`` (workers start at once, sharing what is imported) where it is safe: a
    single-threaded process on a system that has it. Else ``spawn`` (a Jupyter kernel
    runs threads, and forking them can deadlock)."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


class Workers:
    """Run tasks in ``n`` worker processes, or in this process when ``n`` is 0.

    Use as a context manager; :meth:`submit` returns a future either way. A
    pool that breaks (a worker killed, out of memory) runs the rest here.
    """

    def __init__(self, n: int, codebook=None) -> None:
        self.codebook = codebook
        self.pool: ProcessPoolExecutor | None = None
        self._tasks: dict[Future, Task] = {}  # what each future runs, to run it again
        self.ensure(n)

    def ensure(self, n: int) -> None:
        """Start ``n`` workers if none run yet (``n`` 0: keep working here)."""
        if n and self.pool is None:
            self.pool = ProcessPoolExecutor(
                max_workers=n, mp_context=multiprocessing.get_context(start_method()),
                initializer=_start_worker, initargs=(self.codebook,))

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, task: Task) -> Future:
        if self.pool:
            try:
                future: Future = self.pool.submit(run_task, task)
                self._tasks[future] = task
                return future
            except (BrokenProcessPool, RuntimeError):
                self.pool = None
        future = Future()
        self._tasks[future] = task
        future.set_result(run_task(task, self.codebook))
        return future

    def result(self, future: Future):
        """The future's result; a task lost with a broken pool, or whose result could
    not come back, runs again here (where each note's failure is its own row)."""
        try:
            return future.result()
        except BrokenProcessPool:
            self.pool = None
            return run_task(self._tasks[future], self.codebook)
        except Exception:  # noqa: BLE001 - lost on its way back (pickling...): redo it here
            return run_task(self._tasks[future], self.codebook)
