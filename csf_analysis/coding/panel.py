"""The coding panel: review the coding one statement at a time, in the notebook.

An anywidget (``panel.js`` and ``panel.css`` beside this file) that draws
:meth:`~csf_analysis.coding.session.ReviewSession.view` and sends each key or click
back to :meth:`~csf_analysis.coding.session.ReviewSession.handle`. Keys: 1-9 set
the category (buttons in French), Enter confirms it and goes on, ← → move, Z
undoes; codes are added from a field that completes from the codebook, a new code
only through « créer le code »; a memo per statement; the citation is copied in
one click; « réapprendre » adapts the category model to the checked categories at
once (it does so by itself every ten). The coder's name is asked once (the browser
remembers it) unless it is given or set in ``CSF_CODER``.

Example (in a notebook)::

    from csf_analysis import coding_panel
    coding_panel("../interviews", cache_dir="../.csf-cache")
"""
from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from .. import config
from .session import ReviewSession

__all__ = ["CodingPanel", "coding_panel"]

_HERE = Path(__file__).parent


class CodingPanel(anywidget.AnyWidget):
    """The widget: ``view`` (Python -> browser) is redrawn at each change; the browser
    sends ``{"do": ...}`` messages (see :meth:`ReviewSession.handle`)."""

    _esm = _HERE / "panel.js"
    _css = _HERE / "panel.css"
    view = traitlets.Dict().tag(sync=True)

    def __init__(self, session: ReviewSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.view = session.view()
        self.on_msg(self._on_message)

    def _on_message(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict):
            self.session.handle(content)
            self.view = self.session.view()


def coding_panel(notes_dir: str | Path = config.DEFAULT_NOTES_DIR, *, coder: str = "",
                 corpus=None, cache_dir: str | Path = config.CACHE_DIR_NAME,
                 **filters: str) -> CodingPanel:
    """A coding panel on ``notes_dir`` (or on an already loaded ``corpus``); ``filters``
    narrow the queue (interview, kind, actor, category, code)."""
    if corpus is None:
        from ..corpus import load_corpus
        corpus = load_corpus(notes_dir, cache_dir=cache_dir, progress=False)
    return CodingPanel(ReviewSession(corpus, coder, filters=filters))
