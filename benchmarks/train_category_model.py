"""Train the category model, cross-validate it against the rules, write its weights.

The data are the hand-labelled statements of ``benchmarks/category_eval.py``
(the shared notes and the fixture notes, ``category_eval.csv``) and of the
first blind set (``category_blind.csv``, whose per-sentence errors were never
used to tune the rules), the training notes of other coders
(``benchmarks/data/category_train/<set>/`` with ``<set>.csv``, written and
labelled without seeing the rules: ``t1``-``t6`` written for it, ``t7``-``t14``
copies of 42 notes of the names folders ``names_blind*``, each set labelled by one
more coder; ``benchmarks/rekey_labels.py`` carries their labels over a parser
change), plus two kinds of free extra training rows that are never
evaluated: the structure-labelled statements of ``tests/fixtures/notes``
(noisy: the section's label) and synthetic sentences from the templates of
``benchmarks/synthetic.py`` (weight :data:`SYNTHETIC_WEIGHT`). Questions (label
``question``) are a class of the model: interviewers' questions that no label
marks. Every note is read whole, in order, unlabelled statements included: the
model reads the rules' answer on each statement's neighbours. The second held-out set
(``category_blind2``) is never read here.

Cross-validation leaves one note out: the model is trained on every other
note (silent and structure-labelled statements with their hand labels, plus
the extra rows) and scored on the held-out note's statements that the
structure left silent. It compares

* (a) the rules alone (:func:`csf_analysis.coding.rules.infer_category`);
* (b) the model alone (:class:`csf_analysis.coding.category_model.CategoryModel`);
* (c) the model with the rules' answer as features (``use_rules=True``),
  alone or through :func:`csf_analysis.coding.categories.combine` (the model
  overrules a rule, or only a weak one, when confident enough), and the
  back-off of the model without rule features on the weak rules;
* (d) the same with the rules' category of the neighbouring statements
  (``use_context=True``).

Mind what the columns mean: the rules were tuned on the shared and fixture
notes (``tuned``), so there they look better than they are; ``blind`` (the
first blind set) and ``others`` (the other coders' notes) are the fair
comparison. The settings shipped (:data:`~csf_analysis.coding.category_model.USE_RULES`,
``USE_CONTEXT``, ``WEAK_RULES``, ``MIN_CONFIDENCE``) are the best overall row.
For that row it prints how often the category is right by
``category_confidence`` (the probability the model gives it) on other
coders' notes. Then it times training and prediction, trains on every
labelled statement and writes ``csf_analysis/data/category_model.json``.

Run from the project root::

    .venv/bin/python benchmarks/train_category_model.py            # CV + write weights
    .venv/bin/python benchmarks/train_category_model.py --no-write # CV only
    .venv/bin/python benchmarks/train_category_model.py --shipped-only  # 13 min, not 50
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.category_eval import (  # noqa: E402
    add_label_options,
    add_rule_answers,
    join_labels,
    load_blind,
    load_statements,
)
from benchmarks.synthetic import _Filler  # noqa: E402
from csf_analysis.coding.categories import combine  # noqa: E402
from csf_analysis.coding.category_model import (  # noqa: E402
    CLASSES,
    DEFAULT_PATH,
    MIN_CONFIDENCE,
    USE_CONTEXT,
    USE_RULES,
    WEAK_RULES,
    CategoryModel,
)
from csf_analysis.coding.folder_model import evidence
from csf_analysis.coding.rules import infer_category  # noqa: E402
from csf_analysis.corpus import load_corpus  # noqa: E402
from csf_analysis.reading.nlp import LEMMAS, load_nlp  # noqa: E402

ROOT = Path(__file__).resolve().parent
SYNTHETIC_WEIGHT = 0.1
SYNTHETIC_PER_TEMPLATE_SET = 120
# Template sets of benchmarks/synthetic.py and the category their sentences have.
SYNTHETIC_SETS = (("facts", "facts"), ("clic", "facts"), ("representation", "representation"),
                  ("feelings", "feelings"), ("context", "context"),
                  ("suggestions", "suggestions"), ("meta", "meta"))
COLUMNS = ["corpus", "group", "text", "speaker", "section", "category_origin", "label",
           "weight"]
# The model's settings, as measured below.
SETTINGS = {"C": 1.0, "class_weight": "balanced", "min_count": 1}


# --- data ----------------------------------------------------------------------------

def labelled_statements(args: argparse.Namespace, *, strict: bool = True) -> pd.DataFrame:
    """Every statement of the shared, fixture and blind notes, in order, with the hand
    labels (label "" where there is none). ``strict``: a label that matches no statement
    stops (train on what was labelled); else it is left out (a simulation)."""
    statements = load_statements(args.notes, args.fixtures)
    frame, missing = join_labels(statements, pd.read_csv(args.labels, dtype=str,
                                                         keep_default_na=False), how="left")
    blind, blind_missing = load_blind(args.blind_notes, args.blind_labels, how="left")
    if strict and (len(missing) or len(blind_missing)):
        raise SystemExit(f"{len(missing) + len(blind_missing)} labels match no statement: "
                         f"run benchmarks/category_eval.py")
    frame = pd.concat([frame, blind.assign(corpus="blind")], ignore_index=True)
    return _finish(frame.assign(weight=1.0))


def training_sets(folder: Path, *, strict: bool = True) -> pd.DataFrame:
    """Hand-labelled training notes: each ``folder/<set>/`` with its ``folder/<set>.csv``
    (same columns as the blind sets), written by other coders in other styles.
    ``strict`` as for :func:`labelled_statements`."""
    frames = []
    for notes in sorted(p for p in folder.glob("*") if p.is_dir()):
        labels = notes.with_suffix(".csv")
        if not labels.is_file():
            raise SystemExit(f"{notes}: no labels at {labels}: label the notes first")
        statements, missing = load_blind(notes, labels, how="left")
        if strict and len(missing):
            raise SystemExit(f"{labels}: {len(missing)} labels match no statement, e.g. "
                             f"line {missing.iloc[0]['line']}: label the parser's statements")
        frames.append(statements.assign(corpus="train", source_file=notes.name + "/"
                                        + statements["source_file"]))
    if not frames:
        return _finish(pd.DataFrame(columns=[*COLUMNS, "source_file"]))
    return _finish(pd.concat(frames, ignore_index=True).assign(weight=1.0))


def extra_statements(folder: Path) -> pd.DataFrame:
    """Every statement of ``folder``; the structure-labelled ones carry their section's
    category as label."""
    st = load_corpus(folder, cache_dir=None, code=False, progress=False).statements
    labelled = (st["category_origin"] == "structure") & st["category"].isin(CLASSES)
    return _finish(st.assign(corpus="extra", label=st["category"].where(labelled, ""),
                             weight=1.0))


def synthetic_statements(seed: int = 0) -> pd.DataFrame:
    """Sentences from the synthetic notes' templates, with their template's category."""
    filler = _Filler(random.Random(f"category-model:{seed}"))
    rows = [{"text": filler.sentence(template), "label": category}
            for template, category in SYNTHETIC_SETS for _ in range(SYNTHETIC_PER_TEMPLATE_SET)]
    frame = pd.DataFrame(rows).assign(corpus="synthetic", category_origin="synthetic",
                                      speaker="", section="", weight=SYNTHETIC_WEIGHT)
    frame["source_file"] = [f"synthetic-{i}" for i in range(len(frame))]  # no neighbours
    return _finish(frame)


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.assign(group=frame["corpus"] + "/" + frame["source_file"])
    for column in ("speaker", "section"):
        frame[column] = frame[column].fillna("").astype(str)
    return frame[COLUMNS].reset_index(drop=True)


# --- cross-validation -----------------------------------------------------------------

def shipped_name() -> str:
    """The CV row of the settings :mod:`csf_analysis.coding.category_model` ships."""
    if WEAK_RULES is None:
        assert USE_RULES, "the CV compares 'any rule' only for the model with rule features"
        first = "(d) + neighbours" if USE_CONTEXT else "(c) model + rule features"
        return f"{first}, overrules any rule at p>={MIN_CONFIDENCE}"
    weak = "+".join(sorted(r.split(":")[1] for r in WEAK_RULES))
    return f"(c) back-off {weak} p>={MIN_CONFIDENCE}"


def leave_one_note_out(frame: pd.DataFrame, rows: list[list[str]], *,
                       model_args: dict, evaluated: pd.Series) -> pd.DataFrame:
    """Out-of-fold (category, confidence, {category: probability}) for the ``evaluated``
    rows, one fold per note."""
    trainable = frame["label"].isin(CLASSES).to_numpy()
    out = pd.DataFrame(index=frame.index, columns=["pred", "conf", "probs"])
    for group in sorted(frame.loc[evaluated, "group"].unique()):
        train = np.flatnonzero(trainable & (frame["group"] != group).to_numpy())
        test = np.flatnonzero(evaluated.to_numpy() & (frame["group"] == group).to_numpy())
        model = CategoryModel(**model_args).fit_features(
            [rows[i] for i in train], frame["label"].iloc[train].tolist(),
            sample_weight=frame["weight"].iloc[train].to_numpy())
        probabilities = model.probabilities([rows[i] for i in test])
        best = probabilities.argmax(axis=1)
        out.iloc[test, 0] = [model.classes[b] for b in best]
        out.iloc[test, 1] = probabilities[np.arange(len(test)), best]
        out.iloc[test, 2] = [dict(zip(model.classes, row)) for row in probabilities]
    return out


def confidence_table(truth: pd.Series, pred: pd.Series, probs: pd.Series) -> None:
    """How often the category is right by the probability the model gives it (the
    ``category_confidence`` of ``tables``), and how many mistakes the least sure hold."""
    conf = pd.Series([p.get(c, 0.0) for c, p in zip(pred, probs)], index=pred.index)
    ok = truth == pred
    buckets = pd.cut(conf, [0, .4, .5, .6, .7, .8, .9, 1.0], include_lowest=True)
    table = ok.groupby(buckets, observed=True).agg(["mean", "size"])
    print(table.rename(columns={"mean": "right", "size": "n"}).to_string(
        formatters={"right": "{:.1%}".format}))
    order = conf.sort_values(kind="stable").index
    for share in (0.3, 0.5):
        first = order[:int(len(order) * share)]
        print(f"the least sure {share:.0%} ({len(first)} statements) hold "
              f"{int((~ok[first]).sum())} of the {int((~ok).sum())} mistakes")


def backoff(frame: pd.DataFrame, pred: pd.DataFrame, weak: frozenset[str] | None,
            threshold: float) -> pd.Series:
    """:func:`combine` row by row: the rule unless weak and the model confident."""
    return pd.Series([combine(c, r, p, k, weak_rules=weak, min_confidence=threshold)[0]
                      for c, r, p, k in zip(frame["rules"], frame["rule"], pred["pred"],
                                            pred["conf"].fillna(0.0))], index=frame.index)


def score_row(name: str, truth: pd.Series, pred: pd.Series, corpus: pd.Series) -> dict:
    """Accuracy overall, on the tuned notes, on the first blind notes, on the training
    notes of other coders, and recall per category."""
    ok = truth == pred
    tuned = corpus.isin(["notes", "fixtures"])
    row = {"method": name, "n": len(ok), "all": ok.mean(), "tuned": ok[tuned].mean(),
           "blind": ok[corpus == "blind"].mean(), "others": ok[corpus == "train"].mean()}
    row.update({f"R {c[:5]}": ok[truth == c].mean() for c in CLASSES})
    return row


def print_table(rows: list[dict]) -> None:
    table = pd.DataFrame(rows).set_index("method").dropna(axis=1, how="all")
    print(table.to_string(formatters={c: "{:.1%}".format for c in table.columns if c != "n"}))


def compared(frame: pd.DataFrame, columns: tuple, evaluated: pd.Series) -> dict[str, pd.Series]:
    """The rows (b) and (c) of the CV: the model without the rules' answer, with it, and
    the back-off variants, to compare with the shipped row (d). ``columns``: what
    :meth:`CategoryModel.featurize` reads."""
    rows = CategoryModel(**SETTINGS).featurize(*columns)
    rows_rules = CategoryModel(use_rules=True, **SETTINGS).featurize(*columns)
    no_synthetic = frame.assign(weight=np.where(frame["corpus"] == "synthetic", 0.0, 1.0))
    model = leave_one_note_out(frame, rows, model_args=SETTINGS, evaluated=evaluated)
    results = {
        "(b) model": model["pred"],
        "(b) model, no synthetic rows": leave_one_note_out(
            no_synthetic, rows, model_args=SETTINGS, evaluated=evaluated)["pred"],
        "(b) model, unbalanced": leave_one_note_out(
            frame, rows, model_args={**SETTINGS, "class_weight": None},
            evaluated=evaluated)["pred"],
    }
    stacked_cv = leave_one_note_out(frame, rows_rules, model_args=SETTINGS, evaluated=evaluated)
    results["(c) model + rule features"] = stacked_cv["pred"]
    for threshold in (0.3, 0.4, 0.5):
        results[f"(c) model + rule features, overrules any rule at p>={threshold}"] = backoff(
            frame, stacked_cv, None, threshold)
    for weak in (frozenset({"facts:default"}), frozenset({"facts:default", "facts:past"})):
        for threshold in (0.0, 0.4, 0.5, 0.6):
            name = f"(c) back-off {'+'.join(sorted(r.split(':')[1] for r in weak))} p>={threshold}"
            results[name] = backoff(frame, model, weak, threshold)
    return results


# --- timing ---------------------------------------------------------------------------

def best_time(function, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def timings(model: CategoryModel, docs: list, frame: pd.DataFrame, fit_seconds: float) -> None:
    """Print the training time and the prediction speed on processed Docs."""
    tokens = sum(len(doc) for doc in docs)
    speakers, sections = frame["speaker"].tolist(), frame["section"].tolist()
    featurize = best_time(lambda: model.featurize(docs, speakers, sections))
    predict = best_time(lambda: model.predict(docs, speakers, sections))
    rules = best_time(lambda: [infer_category(d, speaker=sp, section=se)
                               for d, sp, se in zip(docs, speakers, sections)])
    print(f"\n== timing ({len(docs)} statements, {tokens:,} tokens, best of 5)")
    print(f"training on them (features + fit): {fit_seconds:.2f} s")
    print(f"features: {tokens / featurize:,.0f} tokens/s; model predict (features included): "
          f"{tokens / predict:,.0f} tokens/s; rules alone: {tokens / rules:,.0f} tokens/s; "
          f"rules + model: {tokens / (predict + rules):,.0f} tokens/s")


# --- main -----------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_label_options(parser)
    parser.add_argument("--blind-notes", type=Path, default=ROOT / "data" / "category_blind")
    parser.add_argument("--blind-labels", type=Path,
                        default=ROOT / "data" / "category_blind.csv")
    parser.add_argument("--train-sets", type=Path, default=ROOT / "data" / "category_train",
                        help="folder of labelled training note sets (<set>/ + <set>.csv)")
    parser.add_argument("--extra-notes", type=Path,
                        default=ROOT.parent / "tests" / "fixtures" / "notes")
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--no-write", action="store_true", help="cross-validate only")
    parser.add_argument("--shipped-only", action="store_true",
                        help="cross-validate the shipped settings only (5 times faster)")
    parser.add_argument("--evidence-only", action="store_true",
                        help="add to the shipped model, weights unchanged, the evidence its "
                             "training rows give each weight (the prior of a folder's "
                             "adaptation); no cross-validation, no refit")
    args = parser.parse_args(argv)
    if "blind2" in str(args.blind_notes) + str(args.blind_labels):
        parser.error("the second blind set is for the final test only")
    if not args.notes.is_dir():
        print(f"notes folder {args.notes} not found: pass --notes DIR", file=sys.stderr)
        return 2

    frame = pd.concat([labelled_statements(args), training_sets(args.train_sets),
                       extra_statements(args.extra_notes), synthetic_statements()],
                      ignore_index=True)
    print("training rows:\n" + frame.groupby(["corpus", "category_origin"]).size().to_string())
    docs = add_rule_answers(frame, load_nlp(components=LEMMAS))
    columns = (docs, frame["speaker"].tolist(), frame["section"].tolist(),
               frame["group"].tolist())
    rows_context = CategoryModel(use_rules=True, use_context=True, **SETTINGS).featurize(*columns)
    trainable = frame["label"].isin(CLASSES).to_numpy()
    if args.evidence_only:
        assert USE_RULES and USE_CONTEXT, "--evidence-only reads the shipped features"
        return add_evidence(CategoryModel.load(args.out), frame, rows_context, trainable, args)

    evaluated = (frame["category_origin"] != "structure") & (frame["label"] != "") & frame[
        "corpus"].isin(["notes", "fixtures", "blind", "train"])
    truth, corpus = frame.loc[evaluated, "label"], frame.loc[evaluated, "corpus"]
    chosen = shipped_name()
    results = {"(a) rules": frame["rules"]}
    if args.shipped_only:
        assert USE_CONTEXT and WEAK_RULES is None, "--shipped-only knows the shipped row only"
        context_cv = leave_one_note_out(frame, rows_context, model_args=SETTINGS,
                                        evaluated=evaluated)
        results[chosen] = backoff(frame, context_cv, None, MIN_CONFIDENCE)
    else:
        results.update(compared(frame, columns, evaluated))
        context_cv = leave_one_note_out(frame, rows_context, model_args=SETTINGS,
                                        evaluated=evaluated)
        for threshold in (0.0, 0.3, 0.4):
            results[f"(d) + neighbours, overrules any rule at p>={threshold}"] = backoff(
                frame, context_cv, None, threshold)
    print("\n== leave-one-note-out CV on the statements the structure left silent "
          "(tuned = notes the rules were written from; blind = never tuned on; "
          "others = training notes of other coders, never tuned on)")
    print_table([score_row(name, truth, pred[evaluated], corpus)
                 for name, pred in results.items()])

    others = evaluated & (frame["corpus"] == "train")
    print(f"\n== other coders' notes: how often {chosen} is right, by category_confidence")
    confidence_table(frame.loc[others, "label"], results[chosen][others],
                     context_cv.loc[others, "probs"])
    blind = evaluated & (frame["corpus"] == "blind")
    shown = [name for name in ("(a) rules", "(b) model", "(c) model + rule features", chosen)
             if name in results]
    print("\n== the same on the blind notes only (recall per category)")
    print_table([score_row(name, frame.loc[blind, "label"], results[name][blind],
                           frame.loc[blind, "corpus"]) for name in shown])
    print(f"\n== per note: {', '.join(shown)}")
    per_note = pd.DataFrame({name: (results[name][evaluated] == truth) for name in shown
                             if name != "(c) model + rule features"})
    per_note["group"] = frame.loc[evaluated, "group"]
    summary = per_note.groupby("group").mean().map("{:.1%}".format)
    summary.insert(0, "n", per_note.groupby("group").size())
    print(summary.to_string())
    rules_ok, chosen_ok = per_note["(a) rules"], per_note[chosen]
    for part, mask in (("tuned", corpus.isin(["notes", "fixtures"])),
                       ("blind", corpus == "blind"), ("others", corpus == "train")):
        print(f"{part}: the back-off fixes {int((~rules_ok & chosen_ok)[mask].sum())} rule "
              f"mistakes and breaks {int((rules_ok & ~chosen_ok)[mask].sum())} right answers")

    start = time.perf_counter()
    final = CategoryModel(use_rules=USE_RULES, use_context=USE_CONTEXT, **SETTINGS)
    shipped_rows = final.featurize(*columns)
    final.fit_features([shipped_rows[i] for i in np.flatnonzero(trainable)],
                       frame["label"][trainable].tolist(),
                       sample_weight=frame["weight"][trainable].to_numpy())
    fit_seconds = time.perf_counter() - start
    labelled = evaluated | (frame["category_origin"] == "structure")
    timings(final, [d for d, keep in zip(docs, labelled) if keep], frame[labelled], fit_seconds)
    final.info = {
        "statements": int((trainable & (frame["corpus"] != "synthetic").to_numpy()).sum()),
        "synthetic": int((trainable & (frame["corpus"] == "synthetic").to_numpy()).sum()),
        "cv_accuracy": round(float((results[chosen][evaluated] == truth).mean()), 3),
        "cv_accuracy_other_coders": round(float(
            (results[chosen][others] == frame.loc[others, "label"]).mean()), 3),
        "cv_rules_other_coders": round(float(
            (frame.loc[others, "rules"] == frame.loc[others, "label"]).mean()), 3),
    }
    final.evidence = evidence(final, [shipped_rows[i] for i in np.flatnonzero(trainable)],
                              frame["label"][trainable].tolist(),
                              frame["weight"][trainable].to_numpy())
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        final.save(args.out)
        print(f"\nwrote {args.out} ({len(final.to_dict()['weights'])} features, "
              f"{args.out.stat().st_size / 1024:.0f} KiB), trained on {int(trainable.sum())} rows")
    return 0


def add_evidence(model: CategoryModel, frame: pd.DataFrame, rows: list[list[str]],
                 trainable: np.ndarray, args: argparse.Namespace) -> int:
    """Write ``model`` again with :attr:`CategoryModel.evidence` from its training rows."""
    kept = np.flatnonzero(trainable)
    model.evidence = evidence(model, [rows[i] for i in kept],
                              frame["label"][trainable].tolist(),
                              frame["weight"][trainable].to_numpy())
    if not args.no_write:
        model.save(args.out)
        print(f"wrote {args.out}: evidence on {len(model.evidence) - 1} features, from "
              f"{len(kept)} training rows; weights unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
