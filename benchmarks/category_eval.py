"""Measure the category rules against hand-coded statements.

The hand labels are in ``benchmarks/data/category_eval.csv``: one row per
statement, keyed by ``source_file``, ``line`` and ``text_sha1`` (sha1 of the
statement text as the parser outputs it, UTF-8). Rows of the shared notes
other than the reference file carry no text (those notes stay out of the
repo). ``category`` is what the sentence itself says, among
:data:`csf_analysis.coding.rules.INFERABLE`, or ``question`` for guide questions.

How the sentences were coded (the ``note`` column says why, in a few words):
events, actions (a tester's clicks too), numbers, dates and process steps are
``facts``; a view of how the clause, the youth or the system work, a
hypothesis or an explanation is ``representation``; an emotion, or the
speaker's appraisal of something experienced (a site, an exchange) is
``feelings``; the speaker's job, training, hierarchy, organisation and
workload are ``context``; a proposal, a wish or a missing piece is
``suggestions``; anything about the session itself (participants, modality,
the questions, incidents) is ``meta``. The labels of the held-out notes were
written before any rule existed and were not changed afterwards.

The notes are split three ways: the reference file ``entretien-entreprises.md``
and the fixture notes (the rules were written from them) and the held-out
notes (the three other shared notes). The first run on the held-out notes
scored 65.6%; the errors of the tutrice and buyer-test notes were then read to
generalise the rules, so only ``observation-run-20200302.md`` is still unseen.

The first blind set (six notes of our own, ``benchmarks/data/category_blind/``
and ``category_blind.csv``, 184 statements the structure left silent) scored
62.0% with the rules of its time and 70.1% after the rules were tuned on the
sets above. It is now spent: the trained model of
:mod:`csf_analysis.coding.category_model` learnt from it (its figures are printed,
marked spent).

The blind set is the honest figure. Seven new notes in the team's styles
(``benchmarks/data/category_blind2/``: a landscaping company with speaker
turns, a university buyer, a joinery tutor, an MLDS coordinator with
questions as headings, a steering-committee observation, a timed user test,
a journal note holding two interviews) were written and every statement
hand-labelled in ``category_blind2.csv`` by a coder who never saw the rules,
the model or their output. A second coder labelled the same statements
blind (``category_blind2_coder2.csv``): their agreement is printed last, as
the ceiling a classifier can be held to, followed by that of the training
notes (``category_train/<set>.csv``), each labelled again by one of three
coders who saw neither the first labels nor the model
(``category_train/<set>_coder2.csv``). Never tune on the blind set's
per-sentence results (``--errors`` leaves them out): label new blind notes
first when the rules or the model change again.

Run from the project root::

    .venv/bin/python benchmarks/category_eval.py            # the report
    .venv/bin/python benchmarks/category_eval.py --errors   # also list mistakes
    .venv/bin/python benchmarks/category_eval.py --record   # after training: the blind
                                                            # figure goes to the report

It prints: the accuracy of the rules on statements the structure left
silent (overall, per split, against a majority baseline), per-category
precision/recall/F1 and the confusion matrix, the same for structure-labelled
statements when the rules ignore the structure, the rules' speed, then for each
blind set the rules alone and the rules overruled by the model (what
``tables`` does): accuracy against the baseline, per note, per category,
confusion; and last the two coders' agreement, on the blind set and on each
training set. Exit status 1 when a label no longer matches a statement or a
structural category is lost.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import pandas as pd
from sklearn.metrics import classification_report, cohen_kappa_score, confusion_matrix

from csf_analysis.coding.categories import infer_categories
from csf_analysis.coding.category_model import CLASSES, DEFAULT_PATH, CategoryModel
from csf_analysis.coding.codebook import load_codebook
from csf_analysis.coding.codings import auto_code
from csf_analysis.coding.rules import INFERABLE, infer_category
from csf_analysis.corpus import load_corpus
from csf_analysis.reading.nlp import LEMMAS, load_nlp

ROOT = Path(__file__).resolve().parent
REFERENCE = "entretien-entreprises.md"
KEY = ["corpus", "source_file", "line", "text_sha1"]


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_statements(notes: Path, fixtures: Path) -> pd.DataFrame:
    """The parser's statements of both folders, with ``corpus`` and ``text_sha1``."""
    frames = []
    for corpus, folder in (("notes", notes), ("fixtures", fixtures)):
        st = load_corpus(folder, cache_dir=None, code=False, progress=False).statements
        frames.append(st.assign(corpus=corpus))
    st = pd.concat(frames, ignore_index=True)
    st["text_sha1"] = st["text"].map(text_sha1)
    st["line"] = st["line"].astype(int)
    st["split"] = "held-out"
    st.loc[st["source_file"] == REFERENCE, "split"] = "reference"
    st.loc[st["corpus"] == "fixtures", "split"] = "fixture"
    return st


def join_labels(statements: pd.DataFrame, labels: pd.DataFrame, *,
                how: str = "inner") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(labelled statements, label rows that match no statement); ``how="left"`` keeps
    every statement, in order, with label "" where it has none."""
    labels = labels.assign(line=labels["line"].astype(int))
    merged = statements.merge(labels[KEY + ["category", "note"]].rename(
        columns={"category": "label"}), on=KEY, how=how)
    merged["label"] = merged["label"].fillna("")
    found = set(map(tuple, merged[KEY].astype(str).to_numpy()))
    missing = labels[[tuple(map(str, row)) not in found for row in labels[KEY].to_numpy()]]
    return merged.reset_index(drop=True), missing


def scores(title: str, truth: pd.Series, pred: pd.Series) -> None:
    """Print per-category precision/recall/F1 and the confusion matrix."""
    labels = [c for c in (*INFERABLE, "question") if c in set(truth) | set(pred)]
    print(f"\n== {title}: {len(truth)} statements, accuracy {(truth == pred).mean():.1%}")
    print(classification_report(truth, pred, labels=labels, zero_division=0, digits=3))
    matrix = pd.DataFrame(confusion_matrix(truth, pred, labels=labels),
                          index=[f"true {c}" for c in labels], columns=[c[:6] for c in labels])
    print(matrix.to_string())


def accuracy_table(frame: pd.DataFrame, pred: str) -> pd.DataFrame:
    """Accuracy per split and overall, next to the majority-class baseline."""
    rows = []
    for split, part in [*frame.groupby("split"), ("all", frame)]:
        majority = part["label"].value_counts().idxmax()
        rows.append({"split": split, "n": len(part),
                     "accuracy": f"{(part['label'] == part[pred]).mean():.1%}",
                     "baseline": f"{(part['label'] == majority).mean():.1%} ({majority})"})
    return pd.DataFrame(rows).set_index("split")


def speed(docs: list, frame: pd.DataFrame, *, repeat: int = 7) -> float:
    """Tokens per second of the rules alone on processed Docs (best of ``repeat`` runs:
    the other runs measure the machine's load, not the rules)."""
    n_tokens = sum(len(doc) for doc in docs)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc, speaker, section in zip(docs, frame["speaker"], frame["section"]):
            infer_category(doc, speaker=speaker, section=section)
        best = min(best, time.perf_counter() - start)
    return n_tokens / best


def load_blind(notes: Path, labels_csv: Path, *,
               how: str = "inner") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the blind notes' statements joined to their hand labels, unmatched label rows).

    The blind labels carry their text (the notes are ours), keyed by
    ``source_file``, ``line`` and ``text``. ``how="left"`` keeps every statement, in
    order, with label "" where it has none.
    """
    statements = load_corpus(notes, cache_dir=None, code=False, progress=False).statements
    statements = statements.assign(line=statements["line"].astype(int))
    labels = pd.read_csv(labels_csv, dtype=str, keep_default_na=False)
    labels = labels.assign(line=labels["line"].astype(int))
    key = ["source_file", "line", "text"]
    merged = statements.merge(labels[key + ["category", "note"]].rename(
        columns={"category": "label"}), on=key, how=how)
    merged["label"] = merged["label"].fillna("")
    missing = labels.merge(statements[key], on=key, how="left", indicator=True)
    return merged.reset_index(drop=True), missing[missing["_merge"] == "left_only"]


def add_rule_answers(frame: pd.DataFrame, nlp) -> list:
    """Process the statements' texts and add the rules' answer to ``frame`` (``rules``:
    the category, ``rule``: the rule's id); return the Docs."""
    docs = list(nlp.pipe(frame["text"].tolist(), batch_size=256))
    answers = [infer_category(d, speaker=sp, section=se)
               for d, sp, se in zip(docs, frame["speaker"], frame["section"])]
    frame["rules"] = [category for category, _ in answers]
    frame["rule"] = [rule for _, rule in answers]
    return docs


def structure_overwritten(frame: pd.DataFrame, nlp) -> pd.DataFrame:
    """The rows whose category the structure gave (a heading, a label) that the coding
    stage (:func:`csf_analysis.coding.codings.auto_code`) would overwrite: none expected."""
    coded = auto_code(frame, codebook=load_codebook(), nlp=nlp)
    structured = frame["category_origin"] == "structure"
    return frame[structured & frame["statement_id"].isin(set(coded["categories"]))]


def blind_report(frame: pd.DataFrame, nlp, *, title: str) -> None:
    """Print a blind set's figures: the rules, and the rules overruled by the trained
    model (what ``tables`` does), on the labelled statements the structure left silent.

    ``frame`` holds every statement of the notes in reading order (label "" where
    there is none), as ``tables`` codes them: the model reads the neighbours."""
    docs = add_rule_answers(frame, nlp)
    speakers, sections = frame["speaker"].tolist(), frame["section"].tolist()
    frame["final"] = [found.category for found in infer_categories(
        docs, speakers, sections, frame["source_file"].tolist())]
    frame["split"] = "blind"
    inferred = frame[(frame["category_origin"] != "structure") & (frame["label"] != "")]
    print(f"\n== {title}")
    for pred, name in (("rules", "rules alone"), ("final", "rules + model (tables)")):
        print(f"\n-- {name}")
        print(accuracy_table(inferred, pred).to_string())
        per_file = inferred.groupby("source_file").apply(
            lambda part, pred=pred: f"{(part['label'] == part[pred]).mean():.1%} of {len(part)}")
        print("per note:\n" + per_file.to_string())
        scores(f"{title}: {name}", inferred["label"], inferred[pred])
    inferable = inferred[inferred["label"].isin(CLASSES)]
    right = (inferable["label"] == inferable["final"]).mean()
    print(f"\n{title}: rules + model right on {right:.1%}"
          f" of the {len(inferable)} statements labelled with a category the model can give "
          f"({len(inferred) - len(inferable)} debrief or takeaway left out)")
    return float((inferred["label"] == inferred["final"]).mean()), len(inferred)


def record_blind_accuracy(figures: dict[str, tuple[float, int]],
                          path: Path = DEFAULT_PATH) -> None:
    """Write the blind sets' figures (key -> (accuracy, statements)) into the shipped
    model's ``info`` (the report's methods annex quotes them): the weights are left as
    they are."""
    model = CategoryModel.load(path)
    for key, (accuracy, n) in figures.items():
        model.info.update({f"{key}_accuracy": round(accuracy, 3), f"{key}_statements": n})
        print(f"\nrecorded {key}_accuracy {accuracy:.1%} ({n} statements) in {path}")
    model.save(path)


def coder_agreement(labels_csv: Path, second_csv: Path) -> pd.DataFrame:
    """Print how often two coders who labelled the same statements agree (the ceiling);
    return the statements both labelled (``category_1``, ``category_2``)."""
    key = ["source_file", "line", "text"]
    if not second_csv.is_file():
        return pd.DataFrame(columns=[*key, "category_1", "category_2"])
    first = pd.read_csv(labels_csv, dtype=str, keep_default_na=False)
    second = pd.read_csv(second_csv, dtype=str, keep_default_na=False)
    both = first.merge(second, on=key, suffixes=("_1", "_2"))
    same = (both["category_1"] == both["category_2"]).mean()
    kappa = cohen_kappa_score(both["category_1"], both["category_2"])
    print(f"\n== two coders on the same statements ({second_csv.name}): {len(both)} statements, "
          f"agreement {same:.1%}, Cohen's kappa {kappa:.3f}")
    return both


def training_agreement(folder: Path) -> None:
    """The same for the training notes, each set labelled again by a second coder
    (``<set>_coder2.csv``): how consistent the labels the model learns from are."""
    pairs = [coder_agreement(second.with_name(second.name.replace("_coder2", "")), second)
             for second in sorted(folder.glob("*_coder2.csv"))]
    if pairs:
        both = pd.concat(pairs, ignore_index=True)
        print(f"== all training sets: {len(both)} statements, agreement "
              f"{(both['category_1'] == both['category_2']).mean():.1%}, Cohen's kappa "
              f"{cohen_kappa_score(both['category_1'], both['category_2']):.3f}")


def print_errors(frame: pd.DataFrame, pred: str) -> None:
    wrong = frame[frame["label"] != frame[pred]]
    print(f"\n== mistakes ({len(wrong)})")
    for row in wrong.itertuples():
        print(f"{row.source_file}:{row.line}  {row.label} <- {getattr(row, pred)} "
              f"[{row.rule}]  {row.text[:100]}")


def add_label_options(parser: argparse.ArgumentParser) -> None:
    """--notes, --fixtures and --labels: the hand-coded shared and fixture notes."""
    parser.add_argument("--notes", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "notes")
    parser.add_argument("--fixtures", type=Path, default=ROOT / "data" / "category_notes")
    parser.add_argument("--labels", type=Path, default=ROOT / "data" / "category_eval.csv")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_label_options(parser)
    parser.add_argument("--blind-notes", type=Path, default=ROOT / "data" / "category_blind2")
    parser.add_argument("--blind-labels", type=Path,
                        default=ROOT / "data" / "category_blind2.csv")
    parser.add_argument("--second-coder", type=Path,
                        default=ROOT / "data" / "category_blind2_coder2.csv")
    parser.add_argument("--third-notes", type=Path, default=ROOT / "data" / "category_blind3")
    parser.add_argument("--third-labels", type=Path,
                        default=ROOT / "data" / "category_blind3.csv")
    parser.add_argument("--third-coder", type=Path,
                        default=ROOT / "data" / "category_blind3_coder2.csv")
    parser.add_argument("--spent-notes", type=Path, default=ROOT / "data" / "category_blind")
    parser.add_argument("--spent-labels", type=Path, default=ROOT / "data" / "category_blind.csv")
    parser.add_argument("--record", action="store_true",
                        help="write the blind set's accuracy into the shipped model's info, "
                             "for the report (after training the model)")
    parser.add_argument("--errors", action="store_true",
                        help="list every mistake (never those of the blind set)")
    parser.add_argument("--check", action="store_true",
                        help="fail (status 1) under the accuracy floors or on label drift; "
                             "skipped when the shared notes are absent")
    args = parser.parse_args(argv)
    if not args.notes.is_dir():
        if args.check:
            print(f"eval check skipped: notes folder {args.notes} absent")
            return 0
        print(f"notes folder {args.notes} not found: pass --notes DIR", file=sys.stderr)
        return 2

    statements = load_statements(args.notes, args.fixtures)
    labels = pd.read_csv(args.labels, dtype=str, keep_default_na=False)
    frame, missing = join_labels(statements, labels)
    unlabelled = len(statements) - len(frame)
    print(f"{len(labels)} labels, {len(frame)} matched, {len(missing)} no longer match a "
          f"statement, {unlabelled} statements have no label")
    for row in missing.itertuples():
        print(f"  unmatched label: {row.corpus}/{row.source_file}:{row.line} ({row.note})")

    nlp = load_nlp(components=LEMMAS)
    docs = add_rule_answers(frame, nlp)  # the rules alone, ignoring the structure
    lost = structure_overwritten(frame, nlp)

    inferred = frame[frame["category_origin"] != "structure"]
    print("\n== statements the structure left silent: rules vs hand labels")
    print(accuracy_table(inferred, "rules").to_string())
    held_out = inferred[inferred["split"] == "held-out"]
    per_file = held_out.groupby("source_file").apply(
        lambda part: f"{(part['label'] == part['rules']).mean():.1%} of {len(part)}")
    print("held-out, per note:\n" + per_file.to_string())
    scores("held-out notes (inferred)", held_out["label"], held_out["rules"])
    scores("all notes (inferred)", inferred["label"], inferred["rules"])

    structured = frame[(frame["category_origin"] == "structure") & frame["label"].isin(INFERABLE)]
    print(f"\n== structure-labelled statements, rules ignoring the structure "
          f"({(frame['label'] == 'question').sum()} guide questions left out)")
    print(accuracy_table(structured, "rules").to_string())
    scores("structure-labelled (rules only)", structured["label"], structured["rules"])

    reference = frame[(frame["split"] == "reference") & (frame["category_origin"] == "structure")]
    print(f"\n== structural categories the coding stage leaves alone: "
          f"{len(reference) - lost['split'].eq('reference').sum()}/{len(reference)} in the "
          f"reference file, {len(frame) - len(lost)}/{len(frame)} overall")

    print(f"\n== rules speed: {speed(docs, frame):,.0f} tokens/s on processed Docs")
    if args.errors:
        print_errors(frame, "rules")

    spent, spent_missing = load_blind(args.spent_notes, args.spent_labels, how="left")
    blind_report(spent, nlp, title="FIRST BLIND SET (spent: the model was trained on it)")
    blind, blind_missing = load_blind(args.blind_notes, args.blind_labels, how="left")
    for row in pd.concat([spent_missing, blind_missing]).itertuples():
        print(f"  unmatched blind label: {row.source_file}:{row.line} ({row.note})")
    accuracy, n = blind_report(blind, nlp, title="BLIND SET (new notes, labelled before "
                                                 "anything was run on them; never read per "
                                                 "sentence)")
    coder_agreement(args.blind_labels, args.second_coder)
    third, third_missing = load_blind(args.third_notes, args.third_labels, how="left")
    blind_missing = pd.concat([blind_missing, third_missing])
    third_accuracy, third_n = blind_report(
        third, nlp, title="THIRD BLIND SET (interviews of another writer's folder, "
                          "labelled by two coders; never trained on)")
    coder_agreement(args.third_labels, args.third_coder)
    if args.record:
        record_blind_accuracy({"blind": (accuracy, n), "blind3": (third_accuracy, third_n)})
    training_agreement(ROOT / "data" / "category_train")
    if args.check:
        return check({"held-out notes (rules)": (held_out["label"] == held_out["rules"]).mean(),
                      "all notes (rules)": (inferred["label"] == inferred["rules"]).mean(),
                      "blind set (rules + model)": accuracy},
                     unmatched=len(missing) + len(blind_missing) + len(spent_missing),
                     lost=len(lost))
    return 1 if len(missing) or len(lost) or len(blind_missing) or len(spent_missing) else 0


# The accuracy a change must keep (a little under the figures of 2026-12-04: 89.4 %,
# 92.0 %, 69.8 %), and the labels left unmatched by earlier parser changes (none since
# their re-keying on 2026-12-05): one more means the parser now cuts statements
# differently and the labels need re-keying (benchmarks/rekey_labels.py).
FLOORS = {"held-out notes (rules)": 0.87, "all notes (rules)": 0.90,
          "blind set (rules + model)": 0.67}
KNOWN_UNMATCHED = 0


def check(accuracies: dict[str, float], *, unmatched: int, lost: int) -> int:
    """Print the eval's verdict; 1 when an accuracy falls under its floor, a label
    no longer matches its statement, or a structural category is lost."""
    failures = [f"{name}: {value:.1%} < floor {FLOORS[name]:.0%}"
                for name, value in accuracies.items() if value < FLOORS[name]]
    if unmatched > KNOWN_UNMATCHED:
        failures.append(f"label drift: {unmatched} labels match no statement (known: "
                        f"{KNOWN_UNMATCHED}); run benchmarks/rekey_labels.py or fix the parser")
    if lost:
        failures.append(f"{lost} structural categories overwritten by the rules")
    print("\n== eval check: " + ("ok" if not failures else "FAILED"))
    for failure in failures:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
