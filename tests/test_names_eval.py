"""benchmarks/names_eval.py: what the scorer reads of each output."""
from __future__ import annotations

import pytest

from benchmarks.names_eval import _read, score


def test_the_html_is_scored_on_what_a_reader_sees(tmp_path):
    """names_blind27: "jp" (Jean-Paul's initials) counted as a miss in the report's
    HTML, where it was only JupyterLab's class names ("jp-Cell")."""
    (tmp_path / "r.html").write_text(
        '<div class="jp-Cell jp-mod-noInput" title="Jean Dupont">Bonjour '
        "<img alt='Léa' src=\"x.png\"> Paul</div>", encoding="utf-8")
    text = _read(tmp_path / "r.html")
    assert "jp" not in text.split() and "jp-Cell" not in text
    assert {"Jean", "Dupont", "Léa", "Paul"} <= set(text.split())


def test_the_notebook_is_scored_without_jupyters_own_metadata(tmp_path):
    """names_blind41: « py » (Pierre-Yves's initials) counted as a miss in the report's
    notebook, where it was only the language's ``"file_extension": ".py"``."""
    import json
    notebook = {"cells": [{"cell_type": "markdown", "source": ["Paul Dupont a dit"]}],
                "metadata": {"language_info": {"file_extension": ".py", "name": "python"},
                             "kernelspec": {"name": "python3"}, "title": "Léa"}}
    (tmp_path / "r.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    text = _read(tmp_path / "r.ipynb")
    assert "py" not in text.replace(".", " ").split()
    assert {"Paul", "Dupont", "Léa"} <= set(text.split())


def test_a_pseudonyms_letter_is_no_initial_left():
    """names_blind27: « Personne K. » at a sentence's end counted as the listed Karim
    Benslimane's « K. » left; « K. Benslimane » still counts."""
    key = {"people": [{"name": "Karim Benslimane", "listed": True,
                       "forms": ["K.", "Benslimane"]}]}
    assert score(key, {"a.csv": "vu avec Personne K."}, {})[0] == \
        "listed people removed: 1/1 (100.0 %)"
    assert score(key, {"a.csv": "vu avec K. demain"}, {})[0] == \
        "listed people removed: 0/1 (0.0 %)"


def test_the_folders_check_counts_people_traps_and_the_leaks_it_would_refuse(tmp_path,
                                                                            capsys):
    """benchmarks/names_folders.py on a folder of one note: a listed person, an unlisted
    one, a trap, and the pooled figures against the goals. An older run's reports in
    ``--out`` are removed first (session 34 took a stale folder's for a new run's)."""
    from benchmarks.names_folders import main, measure

    folder = tmp_path / "names_mini"
    folder.mkdir()
    (folder / "pseudonymes.yml").write_text("personnes:\n  - Camille Lefèvre\n", encoding="utf-8")
    (folder / "note.md").write_text(
        "# Entretien\n\nCamille Lefèvre a vu Mme Durand au lycée Jules Ferry.\n", encoding="utf-8")
    (tmp_path / "names_mini.key.yml").write_text(
        "people:\n- {name: Camille Lefèvre, listed: true, forms: [Camille Lefèvre]}\n"
        "- {name: Sophie Durand, listed: false, forms: [Mme Durand, Durand]}\n"
        "traps: [lycée Jules Ferry]\n", encoding="utf-8")
    lines = measure(folder, tmp_path / "cache")
    assert lines[:3] == ["listed people removed: 1/1 (100.0 %)",
                         "unlisted people removed: 1/1 (100.0 %)",
                         "traps kept: 1/1 (of 1 listed, 1 in the plain outputs)"]
    assert "leaks: 0" in lines
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "names_older.txt").write_text("an older run's report\n", encoding="utf-8")
    main([str(folder), "--cache", str(tmp_path / "cache"), "--jobs", "1", "--out", str(reports)])
    assert sorted(p.name for p in reports.iterdir()) == ["names_mini.txt"]  # no stale report
    assert (reports / "names_mini.txt").read_text(encoding="utf-8").startswith(
        "listed people removed: 1/1")
    out = capsys.readouterr().out
    assert "names_mini      listed 1/1  unlisted 1/1  traps kept: 1/1  leaks: 0" in out
    assert "listed: 1/1 (100.0 %), 1 of 1 folders at the goal" in out
    with pytest.raises(SystemExit, match="names_nothere: no names folder with its key"):
        main(["names_nothere"])  # a name under benchmarks/data, without its key
