"""benchmarks/names_eval.py: what the scorer reads of each output."""
from __future__ import annotations

from benchmarks.names_eval import _read


def test_the_html_is_scored_on_what_a_reader_sees(tmp_path):
    """names_blind27: "jp" (Jean-Paul's initials) counted as a miss in the report's
    HTML, where it was only JupyterLab's class names ("jp-Cell")."""
    (tmp_path / "r.html").write_text(
        '<div class="jp-Cell jp-mod-noInput" title="Jean Dupont">Bonjour '
        "<img alt='Léa' src=\"x.png\"> Paul</div>", encoding="utf-8")
    text = _read(tmp_path / "r.html")
    assert "jp" not in text.split() and "jp-Cell" not in text
    assert {"Jean", "Dupont", "Léa", "Paul"} <= set(text.split())
