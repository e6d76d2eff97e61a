"""`make eval`'s verdict: accuracy floors and label drift fail the build."""
from __future__ import annotations

from benchmarks.category_eval import FLOORS, KNOWN_UNMATCHED, check


def test_the_eval_passes_at_its_floors_and_fails_under_them_or_on_drift(capsys):
    assert check(dict(FLOORS), unmatched=KNOWN_UNMATCHED, lost=0) == 0
    assert "eval check: ok" in capsys.readouterr().out
    under = {**FLOORS, "blind set (rules + model)": 0.5}
    assert check(under, unmatched=KNOWN_UNMATCHED, lost=0) == 1
    assert "blind set (rules + model): 50.0% < floor 67%" in capsys.readouterr().out
    assert check(dict(FLOORS), unmatched=KNOWN_UNMATCHED + 1, lost=0) == 1
    assert "label drift" in capsys.readouterr().out
    assert check(dict(FLOORS), unmatched=0, lost=2) == 1
