"""Measure ``--pseudonymise`` against a notes folder whose people are known.

The key (YAML) lists ``people`` (``name``, ``listed`` in the folder's
``pseudonymes.yml`` or not, every ``forms`` it is written in, the ``files``
that name it), ``traps`` (places, schools, organisations, roles that must
stay), ``phones`` and ``emails``. The folder is copied to a temporary folder
(the correspondence file is written next to the notes), its tables, charts
and report are built pseudonymised, the leak check recording instead of
failing, and every output is searched (case-sensitive exact search; a form of
two letters, such as initials, only as a whole word; the traps blanked out
first, so "Hugo" of "Rue Victor Hugo" is no surviving person).

Run from the project root::

    .venv/bin/python -m benchmarks.names_eval benchmarks/data/names_dev \\
        benchmarks/data/names_dev.key.yml [--no-timing]

It prints: listed people fully removed / total, unlisted people removed /
total, the misses (name, surviving form, file), traps kept / total (of those
the plain tables show), phones and e-mails removed, and the seconds
``--pseudonymise`` adds to ``csf-analysis report`` on ``interviews/``.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import tempfile
import time
from pathlib import Path
from unittest import mock

import yaml

from csf_analysis import cli
from csf_analysis.privacy import leaks
from csf_analysis.privacy.leaks import notebook_text, output_text

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def leaks_recorded():
    """The build's leak check recording what it finds, (path, name, form), in the list
    this yields, instead of refusing the outputs."""
    reported: list[tuple] = []

    def record(paths, notes_dir, **options):
        reported.extend(leaks.find_leaks(leaks.output_files(paths), notes_dir, **options))

    with mock.patch("csf_analysis.privacy.leaks.check_outputs", record):
        yield reported


def copy_notes(folder: Path, work: Path) -> Path:
    """``folder`` copied to ``work/notes`` without its correspondence file (each run
    pseudonymises afresh): the copy's path."""
    notes = work / "notes"
    shutil.copytree(folder, notes)
    (notes / "pseudonymes-correspondance.csv").unlink(missing_ok=True)
    return notes


def _build(notes: Path, out: Path, *, pseudonymise: bool = True) -> list[str]:
    """Tables, charts and report of ``notes`` in ``out``; the leaks the check reported."""
    flag = ["--pseudonymise"] if pseudonymise else []
    with leaks_recorded() as reported:
        for command, folder in (("tables", "tables"), ("charts", "figures"),
                                ("report", "report")):
            status = cli.main([command, str(notes), "--out", str(out / folder), "--no-cache",
                               *flag])
            if status:
                raise SystemExit(f"csf-analysis {command} failed ({status})")
    return [f"{path.name}: {form} ({name})" for path, name, form in reported]


def _outputs(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): _read(p) for p in sorted(out.rglob("*"))
            if p.is_file() and p.suffix.lower() not in leaks.BINARY_SUFFIXES
            and not p.name.startswith(".")}


# The report's HTML holds JupyterLab's class names ("jp-Cell"): no reader sees them,
# and "jp" is someone's initials. The text and the attributes a reader may see are kept.
_TAG = re.compile(r"<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_SEEN_ATTRIBUTES = re.compile(r"\b(?:alt|title|aria-label)=(\"[^\"]*\"|'[^']*')")


def _read(path: Path) -> str:
    if path.suffix.lower() == ".ipynb":  # Jupyter's own metadata ("file_extension": ".py"
        # is no « py » of Pierre-Yves): the kernel's and the language's, no note in them
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for key in ("kernelspec", "language_info"):
            notebook.get("metadata", {}).pop(key, None)
        return notebook_text(notebook)
    text = output_text(path)
    if path.suffix.lower() not in (".html", ".htm"):
        return text
    return _TAG.sub(lambda tag: " " + " ".join(
        m.group(1)[1:-1] for m in _SEEN_ATTRIBUTES.finditer(tag.group())) + " ", text)


def _survives(form: str, text: str) -> bool:
    """Is ``form`` in ``text`` as whole words ("Lou" is not in "Louis", "Anne" not in
    "Annexe"), line breaks read as spaces?"""
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    return pattern.search(text) is not None or pattern.search(" ".join(text.split())) is not None


def _where(form: str, outputs: dict[str, str]) -> str | None:
    return next((name for name, text in outputs.items() if _survives(form, text)), None)


def _blank(text: str, traps: list[str]) -> str:
    """``text`` without the traps: "Hugo" of "Rue Victor Hugo" is no surviving person,
    nor "Louis" of a chart label cut to "…Louis Pasteur" (the traps' last words too)."""
    pieces = set(traps)
    for trap in traps:
        words = trap.split()
        pieces.update(" ".join(words[i:]) for i in range(1, len(words) - 1))
    for piece in sorted(pieces, key=len, reverse=True):
        text = text.replace(piece, " ")
    return text


# The pseudonyms the toolkit gives: "Personne K." at a sentence's end is no « K. » left.
_PSEUDONYM = re.compile(r"(?<!\w)Personne [A-Z]+\d*(?!\w)")


def score(key: dict, outputs: dict[str, str], plain: dict[str, str]) -> list[str]:
    """The lines of the report: people, misses, traps, phones and e-mails."""
    lines, misses = [], []
    outside = {name: _PSEUDONYM.sub(" ", _blank(text, key.get("traps", [])))
               for name, text in outputs.items()}
    for listed in (True, False):
        people = [p for p in key["people"] if bool(p.get("listed")) == listed]
        removed = 0
        for person in people:
            left = [(form, where) for form in person["forms"]
                    if (where := _where(form, outside))]
            removed += not left
            misses += [f"  {person['name']}: « {form} » in {where}" for form, where in left]
        share = 100 * removed / max(len(people), 1)
        lines.append(f"{'listed' if listed else 'unlisted'} people removed: "
                     f"{removed}/{len(people)} ({share:.1f} %)")
    traps = [t for t in key.get("traps", []) if _where(t, plain)]
    kept = [t for t in traps if _where(t, outputs)]
    lines.append(f"traps kept: {len(kept)}/{len(traps)} (of {len(key.get('traps', []))} "
                 f"listed, {len(traps)} in the plain outputs)"
                 + "".join(f"\n  lost: {t}" for t in traps if t not in kept))
    for kind in ("phones", "emails"):
        items = key.get(kind, [])
        left = [i for i in items if _where(i, outside)]
        lines.append(f"{kind} removed: {len(items) - len(left)}/{len(items)}"
                     + "".join(f"\n  left: {i}" for i in left))
    return lines + (["misses:"] + misses if misses else ["misses: none"])


def extra_seconds(notes: Path, work: Path) -> list[tuple[float, float]]:
    """Seconds of ``report`` on a copy of ``notes`` (notes parsed and cached first),
    (plain, pseudonymised): the first pseudonymised run (the model asked), then a
    rerun (its answers cached)."""
    copy = work / "timing-notes"
    shutil.copytree(notes, copy)
    times = []
    for flag in ([], [], ["--pseudonymise"], ["--pseudonymise"]):  # the first warms up
        start = time.perf_counter()
        cli.main(["report", str(copy), "--out", str(work / "timing"), "--cache",
                  str(work / "cache"), *flag])
        times.append(time.perf_counter() - start)
    return [(times[1], times[2]), (times[1], times[3])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("key", type=Path)
    parser.add_argument("--no-timing", action="store_true", help="skip the timing on interviews/")
    args = parser.parse_args(argv)
    key = yaml.safe_load(args.key.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        notes = copy_notes(args.folder, work)
        start = time.perf_counter()
        reported = _build(notes, work / "out")
        seconds = time.perf_counter() - start
        cli.main(["tables", str(notes), "--out", str(work / "plain"), "--no-cache"])
        for line in score(key, _outputs(work / "out"), _outputs(work / "plain")):
            print(line)
        print(f"leak check: {len(reported)} name form(s) reported"
              + "".join(f"\n  {r}" for r in reported[:20]))
        print(f"pseudonymised tables + charts + report of {args.folder}: {seconds:.1f} s")
        if not args.no_timing:
            for run, (plain, pseudo) in zip(("first run", "rerun"),
                                            extra_seconds(ROOT / "interviews", work)):
                print(f"report on interviews/, {run}: {plain:.1f} s plain, {pseudo:.1f} s "
                      f"with --pseudonymise (+{pseudo - plain:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
