"""Command line: ``csf-analysis tables [NOTES_DIR] --out DIR`` and friends.

Errors a user can fix (a missing folder, an invalid codebook) print one line
naming what is wrong and exit with status 2; no traceback.

Example:
    $ csf-analysis tables interviews --out /tmp/tables
    interviews: 3  statements: 118  contacts: 11  problems: 0  (1 note parsed, 0 from cache)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import config
from .corpus import NotesDirError, load_corpus


class UserError(Exception):
    """An error the user can fix: printed as one line, exit status 2."""


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("notes_dir", nargs="?", default=str(config.DEFAULT_NOTES_DIR),
                        help="folder of Markdown notes (default: %(default)s)")
    parser.add_argument("--cache", default=config.CACHE_DIR_NAME,
                        help="cache folder for parsed notes (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="parse every note again")


def _corpus(args: argparse.Namespace):
    return load_corpus(args.notes_dir, cache_dir=None if args.no_cache else args.cache)


def cmd_tables(args: argparse.Namespace) -> int:
    corpus = _corpus(args)
    corpus.write(args.out)
    counts = "  ".join(f"{name}: {len(table)}" for name, table in corpus.tables().items())
    stats = corpus.stats
    print(f"{counts}  ({stats['parsed']} note(s) parsed, {stats['cached']} from cache)"
          f" -> {args.out}")
    errors = corpus.problems[corpus.problems["severity"] == "error"]
    for _, row in errors.iterrows():
        print(f"{row['source_file']}:{row['line']}: error: {row['message']}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csf-analysis",
        description="Turn Markdown interview notes into coded tables, charts and a PDF synthesis.")
    commands = parser.add_subparsers(dest="command", required=True)
    tables = commands.add_parser("tables", help="write the tables of a notes folder as CSV")
    _add_corpus_options(tables)
    tables.add_argument("--out", default=str(config.DEFAULT_REPORTS_DIR / "tables"),
                        help="output folder (default: %(default)s)")
    tables.set_defaults(func=cmd_tables)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (UserError, NotesDirError) as error:
        print(f"csf-analysis: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("csf-analysis: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
