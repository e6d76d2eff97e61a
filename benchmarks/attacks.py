"""Replay the hostile inputs of issue 11 through the command line; print what happens.

Each attack is a folder holding the reference note beside one hostile file (or
a fault). For each, the script runs ``csf-analysis tables`` in a fresh process
and prints: the exit status, whether every statement of the reference note is
still there, the problem rows the hostile file got, the seconds and the peak
memory of the run. Tests check each behaviour; this script gives the figures.

Usage:
    .venv/bin/python -m benchmarks.attacks            # every attack
    .venv/bin/python -m benchmarks.attacks --only date-impossible --only symlink
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "interviews" / "entretien-entreprises.md"
CLI = [sys.executable, "-m", "csf_analysis.cli"]
TIME = Path("/usr/bin/time")  # GNU time: peak memory of the run, workers included
GOOD = "# Entretien du 3/02/2020\n\n- La tutrice a rappelé l'entreprise deux fois.\n"


def _nested_list(depth: int) -> str:
    items = "".join("  " * level + f"- niveau {level}\n" for level in range(depth))
    return ("# Entretien du 2/03/2020\n\n" + items + "\n# Entretien du 4/03/2020\n\n"
            "- La dernière phrase après la liste profonde.\n")


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    return "\n".join(lines) + "\n"


def _adversarial_lines() -> str:
    units = ["A : ", "#tag ", "(done) ", "- 14 (900h) : ", "...\n", "!", "!?", " ", ":",
             "(", "3/02/2020 ", "=> ", "15:42 : ", "**", "[", "Entreprise : "]
    return "\n\n".join(unit * (50_000 // len(unit)) for unit in units) + "\n"


def attacks() -> dict[str, dict]:
    """Name -> {files: {relative path: text or bytes}, setup: callable(folder) or None}."""
    return {
        "nested-list-10": {"files": {"profond.md": _nested_list(10)}},
        "nested-quote-20": {"files": {"citation.md": "# Entretien du 2/03/2020\n\n"
                                      + "> " * 20 + "au fond\n\nLa suite est gardée.\n"}},
        "date-impossible": {"files": {"date.md": "---\ndate: 2020-13-45\n---\n" + GOOD}},
        "date-feb-30": {"files": {"date.md": "---\ndate: 2020-02-30\n---\n" + GOOD}},
        "front-matter-deep": {"files": {"deep.md": "---\ntitle: " + "[" * 400 + "]" * 400
                                        + "\n---\n" + GOOD}},
        "line-2mb": {"files": {"ligne.md": "# Notes\n\n" + "mot " * 500_000 + "\n"}},
        "paragraph-1mb": {"files": {"para.md": "# Notes\n\n"
                                    + "Une phrase courte.\n" * 60_000}},
        "front-matter-1mb": {"files": {"fm.md": "---\ntitle: " + "x" * 1_100_000
                                       + "\n---\n" + GOOD}},
        "file-name-not-utf8": {"files": {b"entretien-\xe9t\xe9.md": GOOD}},
        "one-bad-byte": {"files": {"octet.md": ("# Entretien du 3/02/2020\n\n- L'élève "
                                                "a été reçu.\n").encode() + b"\xff\n"}},
        "adversarial-lines": {"files": {"hostile.md": _adversarial_lines()}},
        "note-30mb": {"files": {"gros.md": "# Entretien du 3/02/2020\n\n"
                                + "- Une phrase de la note, pour rien.\n" * 820_000}},
        "codebook-alias-bomb": {"files": {"codebook.yml": _bomb()}},
        "formula-cells": {"files": {"=cmd|x.md": GOOD.replace(
            "- La tutrice", "- =HYPERLINK(\"http://x\") @SUM(1) La tutrice")}},
        "symlink-out": {"files": {}, "setup": lambda d: (d / "p.md").symlink_to("/etc/passwd")},
        "fifo": {"files": {}, "setup": lambda d: os.mkfifo(d / "x.md")},
    }


def _write(folder: Path, files: dict) -> None:
    for name, content in files.items():
        path = Path(os.fsdecode(name)) if isinstance(name, bytes) else Path(name)
        target = os.path.join(os.fsencode(folder), name) if isinstance(name, bytes) \
            else folder / path
        data = content.encode("utf-8") if isinstance(content, str) else content
        with open(target, "wb") as handle:
            handle.write(data)


def _rows(path: Path) -> list[dict]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError:
        return []


def run(name: str, attack: dict, work: Path, reference_texts: set[str]) -> dict:
    folder, out = work / name / "notes", work / name / "out"
    folder.mkdir(parents=True)
    shutil.copy(REFERENCE, folder / REFERENCE.name)
    _write(folder, attack["files"])
    if attack.get("setup"):
        attack["setup"](folder)
    memory = work / name / "peak-kb"
    timer = ["/usr/bin/time", "-f", "%M", "-o", str(memory)] if TIME.exists() else []
    start = time.perf_counter()
    done = subprocess.run([*timer, *CLI, "tables", str(folder), "--out", str(out),
                           "--no-cache"], capture_output=True, text=True, timeout=3600,
                          cwd=work)
    seconds = time.perf_counter() - start
    peak = memory.read_text().split()[-1] if memory.exists() else "?"
    statements = _rows(out / "statements.csv")
    kept = reference_texts <= {r["text"] for r in statements
                               if r["source_file"] == REFERENCE.name}
    problems = [r for r in _rows(out / "problems.csv") if r["source_file"] != REFERENCE.name]
    formulas = sum(cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                   for table in out.glob("*.csv") for row in _rows(table)
                   for cell in row.values())
    return {"attack": name, "status": done.returncode, "reference kept": kept,
            "problems": len(problems), "formula cells": formulas,
            "seconds": round(seconds, 1),
            "peak MB": round(int(peak) / 1024) if peak.isdigit() else peak,
            "first problem": (problems[0]["message"][:90] if problems else
                              (done.stderr.strip().splitlines() or [""])[-1][:90]
                              if done.returncode else "")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[])
    args = parser.parse_args(argv)
    chosen = {k: v for k, v in attacks().items() if not args.only or k in args.only}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        baseline = run("reference-alone", {"files": {}}, work, set())
        reference_texts = {r["text"] for r in _rows(work / "reference-alone/out/statements.csv")}
        print(f"reference alone: {len(reference_texts)} statements, "
              f"{baseline['seconds']} s", flush=True)
        for name, attack in chosen.items():
            print(run(name, attack, work, reference_texts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
