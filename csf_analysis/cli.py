"""Command line: ``csf-analysis tables [NOTES_DIR] --out DIR`` and friends.

Errors a user can fix (a missing folder, an invalid codebook) print one line
naming what is wrong and exit with status 2; no traceback. A bug of the toolkit
itself prints one line too, saying so, and exits with status 3: its traceback
goes to a file of the system's temporary folder, whose path the line gives
(``CSF_DEBUG=1`` raises it instead, for developers).

Example:
    $ csf-analysis tables interviews --out /tmp/tables
    interviews: 3  statements: 127  contacts: 11  problems: 0  ...  (1 note(s) parsed, ...
    sessions counted: 3 (entretien 3)
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback

from . import config
from .coding import manual
from .coding.codebook import CodebookError
from .corpus import NotesDirError, load_corpus
from .privacy.leaks import LeakError, leak_check
from .privacy.pseudonym_list import PseudonymListError
from .schema import CATEGORIES, KINDS, counted_rows


class UserError(Exception):
    """An error the user can fix: printed as one line, exit status 2."""


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("notes_dir", nargs="?", default=str(config.DEFAULT_NOTES_DIR),
                        help="folder of Markdown notes (default: %(default)s)")
    parser.add_argument("--cache", default=config.CACHE_DIR_NAME,
                        help="cache folder for parsed notes (default: %(default)s)")
    parser.add_argument("--no-cache", action="store_true", help="parse every note again")


def _cache(args: argparse.Namespace) -> str | None:
    return None if args.no_cache else args.cache


def _corpus(args: argparse.Namespace, notes_dir: str | None = None):
    return load_corpus(notes_dir or args.notes_dir, cache_dir=_cache(args), overlap=True)


def _add_pseudonym_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pseudonymise", action="store_true",
                        help="replace people's names, e-mails and phone numbers in every "
                        "output (pseudonymes.yml in the notes folder lists names; the "
                        "correspondence is kept there, in pseudonymes-correspondance.csv)")
    parser.add_argument("--pseudonymise-organisations", action="store_true",
                        help="also replace the organisations listed in pseudonymes.yml "
                        "(implies --pseudonymise)")


def _pseudonymising(args: argparse.Namespace) -> dict | None:
    """The pseudonymisation asked for (``organisations``), or None."""
    if not (args.pseudonymise or args.pseudonymise_organisations):
        return None
    return {"organisations": args.pseudonymise_organisations}


def _corpus_for_output(args: argparse.Namespace):
    corpus, options = _corpus(args), _pseudonymising(args)
    if options is None:
        return corpus
    from .privacy.pseudonymise import pseudonymise
    return pseudonymise(corpus, **options, cache_dir=_cache(args))


def kinds_summary(interviews) -> str:
    """What the interview rows are: the sessions counted, by kind, and what is left out.

    >>> import pandas as pd
    >>> kinds_summary(pd.DataFrame({"kind": ["entretien", "entretien", "document"],
    ...                             "duplicate_of": ["", "x", ""]}))
    'sessions counted: 1 (entretien 1); left out of counts: 1 copy, 1 document'
    """
    copy = interviews["duplicate_of"] != ""
    counts = interviews.loc[counted_rows(interviews), "kind"].value_counts()
    kinds = ", ".join(f"{kind} {counts[kind]}" for kind in KINDS if kind in counts)
    documents = int(((interviews["kind"] == "document") & ~copy).sum())
    left = [f"{n} {word if n == 1 else plural}" for n, word, plural in (
        (int(copy.sum()), "copy", "copies"), (documents, "document", "documents")) if n]
    return (f"sessions counted: {int(counts.sum())}" + (f" ({kinds})" if kinds else "")
            + (f"; left out of counts: {', '.join(left)}" if left else ""))


def cmd_tables(args: argparse.Namespace) -> int:
    corpus = _corpus_for_output(args)
    corpus.write(args.out, check=leak_check(args.notes_dir, _pseudonymising(args)))
    counts = "  ".join(f"{name}: {len(table)}" for name, table in corpus.tables().items())
    stats = corpus.stats
    print(f"{counts}  ({stats['parsed']} note(s) parsed, {stats['cached']} from cache)"
          f" -> {args.out}")
    print(kinds_summary(corpus.interviews))
    if stats.get("adapted_on"):
        print(f"inferred categories: by the model adapted to the {stats['adapted_on']} "
              "categories the team checked (codage-manuel.csv)")
    errors = corpus.problems[corpus.problems["severity"] == "error"]
    for _, row in errors.iterrows():
        print(f"{row['source_file']}:{row['line']}: error: {row['message']}", file=sys.stderr)
    return 0


def cmd_charts(args: argparse.Namespace) -> int:
    from .report.figures import all_figures, write_figures  # matplotlib only when charting
    corpus = _corpus_for_output(args)
    figures = all_figures(corpus.counted().tables())
    paths = write_figures(figures, args.out,
                          check=leak_check(args.notes_dir, _pseudonymising(args)))
    print(f"{len(figures)} figures ({len(paths)} files, SVG and PNG) -> {args.out}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report.build import ReportError, build_report
    cache = _cache(args)

    def build() -> None:
        try:
            result = build_report(args.notes_dir, args.out, notebook=args.notebook,
                                  cache_dir=cache, pseudonymise=_pseudonymising(args))
        except ReportError as error:
            raise UserError(str(error)) from None
        print(f"{result.pdf} and {result.html.name} written in {result.seconds:.1f} s")

    build()
    if args.watch:
        from .watch import watch_notes
        watch_notes(args.notes_dir, build)
    return 0


def _coder(args: argparse.Namespace) -> str:
    """Whoever the researcher says: ``--coder`` or ``$CSF_CODER``, never the login name
    (it would land in a file the team shares)."""
    coder = (args.coder or os.environ.get("CSF_CODER", "")).strip()
    if not coder:
        raise UserError("say who codes: --coder NAME (or set CSF_CODER=NAME once in your "
                        "shell); the name is stored with the decision in "
                        f"{config.MANUAL_CODES_FILE}")
    return coder


def cmd_code(args: argparse.Namespace) -> int:
    if not args.code and not args.category:
        raise UserError("give a CODE to add (or --remove), or --category CATEGORY")
    from .coding.checks import check_decision
    coder = _coder(args)
    corpus = _corpus(args, args.notes)
    wanted = ([("category", args.category)] if args.category else []) + \
        ([("remove" if args.remove else "add", args.code)] if args.code else [])
    try:  # every decision checked before any is written
        checked = [check_decision(corpus, args.statement_id, action, value, new=args.new)
                   for action, value in wanted]
    except manual.DecisionError as error:
        raise UserError(str(error)) from None
    rows = [manual.record(args.notes, c.statement_id, c.action, c.value, coder=coder,
                          text=c.text) for c in checked]
    done = "recorded" if any(row["recorded"] for row in rows) else "already recorded, unchanged"
    found = corpus.statements[corpus.statements["statement_id"] == args.statement_id].iloc[0]
    print(f"{args.statement_id} ({found['source_file']}:{found['line']}) «{found['text'][:70]}»: "
          f"{done} in {manual.decisions_path(args.notes)} by {coder}")
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    if len(args.coder) != 2:
        raise UserError("give exactly two coders: --coder A --coder B ('auto' is the toolkit)")
    from .coding.agreement import MIN_STATEMENTS
    from .coding.review import coder_agreement
    corpus = _corpus(args)
    try:
        per_code, summary = coder_agreement(corpus.counted(), *args.coder)
    except ValueError as error:
        raise UserError(str(error)) from None
    print(per_code.to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    print(f"\nKrippendorff's alpha (nominal, all codes): {summary['alpha']:.3f} on "
          f"{summary['n_statements']} statements coded by both, {summary['n_codes']} codes")
    if not summary["meaningful"]:
        print(f"Not yet meaningful: fewer than {MIN_STATEMENTS} statements coded by both "
              "coders; code more before quoting kappa or alpha.")
    return 0


def _write_error(error: OSError) -> str:
    """What went wrong writing an output, and that the previous outputs are kept.

    >>> print(_write_error(OSError(28, "No space left on device", "reports/tables")))
    ... # doctest: +NORMALIZE_WHITESPACE
    cannot write reports/tables: No space left on device; the previous outputs are
    unchanged (free some space, or choose another folder with --out)
    """
    where = f" {error.filename}" if error.filename else ""
    return (f"cannot write{where}: {error.strerror or error}; the previous outputs are "
            "unchanged (free some space, or choose another folder with --out)")


def _internal_error(command: str, error: Exception) -> str:
    """A bug's one line for the user; its traceback written to a temporary file.

    The outputs are written whole or not at all (:mod:`csf_analysis.atomic`), so the
    previous ones are still there; the file holds local paths, so it stays on this
    machine unless the user sends it.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    trace = "".join(traceback.format_exception(error))
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False, suffix=".txt",
                                         prefix=f"csf-analysis-{command}-{stamp}-") as file:
            file.write(trace)
        where = f"the details are in {file.name}"
    except OSError:  # no temporary folder to write to: the last lines, then
        where = "details: " + " | ".join(trace.strip().splitlines()[-3:])
    return (f"internal error in '{command}' ({type(error).__name__}: {error}): a bug of "
            f"csf-analysis, not of your notes; no output was left half-written. {where}; "
            "please send it with the command you ran")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="csf-analysis",
        description="Turn Markdown interview notes into coded tables, charts and a PDF synthesis.")
    commands = parser.add_subparsers(dest="command", required=True)
    tables = commands.add_parser("tables", help="write the tables of a notes folder as CSV")
    _add_corpus_options(tables)
    tables.add_argument("--out", default=str(config.DEFAULT_REPORTS_DIR / "tables"),
                        help="output folder (default: %(default)s)")
    _add_pseudonym_options(tables)
    tables.set_defaults(func=cmd_tables)

    charts = commands.add_parser("charts", help="write every chart as SVG and PNG")
    _add_corpus_options(charts)
    charts.add_argument("--out", default=str(config.DEFAULT_FIGURES_DIR),
                        help="output folder (default: %(default)s)")
    _add_pseudonym_options(charts)
    charts.set_defaults(func=cmd_charts)

    report = commands.add_parser("report", help="build the PDF and HTML synthesis")
    _add_corpus_options(report)
    report.add_argument("--out", default=str(config.DEFAULT_REPORTS_DIR),
                        help="output folder (default: %(default)s)")
    report.add_argument("--notebook", default=None, help="synthesis notebook to run "
                        "(default: notebooks/synthese.ipynb of the project)")
    report.add_argument("--watch", action="store_true",
                        help="rebuild whenever a note is added or changed (Ctrl-C to stop)")
    _add_pseudonym_options(report)
    report.set_defaults(func=cmd_report)

    code = commands.add_parser("code", help="code a statement by hand (stored next to the notes)")
    code.add_argument("statement_id")
    code.add_argument("code", nargs="?", default="",
                      help="code to add (its id or label, from the codebook)")
    code.add_argument("--new", action="store_true",
                      help="CODE is a new code, not in the codebook yet: create it")
    code.add_argument("--remove", action="store_true", help="remove CODE from the statement")
    code.add_argument("--category", help="set the statement's category, in English or French "
                                         f"({', '.join(CATEGORIES)}; ressentis, faits...)")
    code.add_argument("--coder", help="your name (default: $CSF_CODER; required)")
    code.add_argument("--notes", default=str(config.DEFAULT_NOTES_DIR),
                      help="notes folder (default: %(default)s)")
    code.add_argument("--cache", default=config.CACHE_DIR_NAME, help=argparse.SUPPRESS)
    code.add_argument("--no-cache", action="store_true", help=argparse.SUPPRESS)
    code.set_defaults(func=cmd_code)

    qdpx = commands.add_parser("export-qdpx", help="export a REFI-QDA project (.qdpx) for "
                               "QualCoder, MAXQDA, ATLAS.ti or NVivo")
    _add_corpus_options(qdpx)
    qdpx.add_argument("--out", required=True, help="the .qdpx file to write")
    qdpx.add_argument("--all", action="store_true", help="also the documents and the copies "
                      "of another interview (left out by default, as in the counts)")
    _add_pseudonym_options(qdpx)
    qdpx.set_defaults(func=cmd_export_qdpx)

    qdc = commands.add_parser("export-qdc", help="export the codebook (REFI-QDA .qdc)")
    _add_corpus_options(qdc)
    qdc.add_argument("--out", required=True, help="the .qdc file to write")
    qdc.set_defaults(func=cmd_export_qdc)

    imported = commands.add_parser("import-qdpx", help="import the codings of a REFI-QDA "
                                   "project as manual decisions (codage-manuel.csv)")
    imported.add_argument("project", help="the .qdpx file made in another tool")
    _add_corpus_options(imported)
    imported.set_defaults(func=cmd_import_qdpx)

    agree = commands.add_parser("agreement", help="agreement between two coders")
    _add_corpus_options(agree)
    agree.add_argument("--coder", action="append", default=[], required=True,
                       help="a coder name, twice; 'auto' is the toolkit's own coding")
    agree.set_defaults(func=cmd_agreement)
    return parser


def cmd_export_qdpx(args: argparse.Namespace) -> int:
    from .exchange import export_qdpx
    corpus = _corpus_for_output(args)
    path = export_qdpx(corpus, args.out, all_interviews=args.all,
                       check=leak_check(args.notes_dir, _pseudonymising(args)))
    sources = corpus.interviews[(args.all or counted_rows(corpus.interviews))
                                & (corpus.interviews["interview_id"] != "")]
    print(f"{len(sources)} source(s), "
          f"{len(corpus.codebook)} code(s) -> {path}")
    return 0


def cmd_export_qdc(args: argparse.Namespace) -> int:
    from .exchange import export_qdc
    corpus = _corpus(args)
    print(f"{len(corpus.codebook)} code(s) -> {export_qdc(corpus, args.out)}")
    return 0


def cmd_import_qdpx(args: argparse.Namespace) -> int:
    from .exchange.qdpx_import import QdpxError, import_qdpx
    try:
        result = import_qdpx(args.project, args.notes_dir, corpus=_corpus(args))
    except QdpxError as error:
        raise UserError(str(error)) from None
    for row in result.problems.itertuples():
        print(f"{row.source_file}: {row.severity}: {row.message}", file=sys.stderr)
    print(f"{result.recorded} décision(s) enregistrée(s), {result.already} déjà présente(s) "
          f"-> {manual.decisions_path(args.notes_dir)}")
    return 1 if (result.problems["severity"] == "error").any() else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (UserError, NotesDirError, CodebookError, manual.DecisionError, PseudonymListError,
            LeakError) as error:
        print(f"csf-analysis: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a full disk, a read-only output folder...
        print(f"csf-analysis: error: {_write_error(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("csf-analysis: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: one line, the traceback in a file
        if os.environ.get("CSF_DEBUG", "").strip() not in ("", "0"):
            raise
        print(f"csf-analysis: {_internal_error(args.command, error)}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
