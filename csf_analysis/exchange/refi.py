"""What the REFI-QDA exchange standard fixes, shared by export and import: the XML
namespaces, stable GUIDs, the users that stand for the toolkit's own coding, the
codes that carry the statements' categories, and the codes' colours.

How the toolkit's data lands in a ``.qdpx`` (the convention, documented in the
README): one ``TextSource`` per interview; one ``PlainTextSelection`` per coded
statement, its memo as ``Description``; one ``Coding`` per code, by a ``User``
named after the coder. Codes found by the codebook's patterns or tags are coded by
the user ``csf-analysis (auto)``. The statement's category is a code too, under the
root code ``Catégories (csf-analysis)`` (« Faits », « Représentations »...), coded
by whoever decided it (``csf-analysis (auto)`` when the rules did). GUIDs are UUID5
of the ids, so exporting twice gives the same file ids.

Example:
    >>> code_guid("delais") == code_guid("delais"), len(code_guid("delais"))
    (True, 36)
    >>> CATEGORY_ROOT, category_of_code_name("Représentations")
    ('Catégories (csf-analysis)', 'representation')
"""
from __future__ import annotations

import uuid

from ..labels import CATEGORY_LABELS
from ..text import fold

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
AUTO_USER = "csf-analysis (auto)"
CATEGORY_ROOT = "Catégories (csf-analysis)"
_NAMESPACE = uuid.UUID("6f1c2d9e-4b7a-5c3e-9a1d-2e8f0b7c4d11")
# Okabe & Ito, as the charts: one colour per top-level code, its sub-codes share it.
COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#999999")


def guid(kind: str, key: str) -> str:
    """A stable GUID for ``key`` of ``kind`` ("code", "source", "user"...)."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{key}"))


def code_guid(code: str) -> str:
    return guid("code", code)


def category_code(category: str) -> str:
    """The id of the code standing for ``category`` under :data:`CATEGORY_ROOT`."""
    return f"csf-categorie-{category}"


def category_of_code_name(name: str) -> str:
    """The category whose French label (or English name) is ``name``, or ""."""
    key = fold(name.strip())
    return next((c for c, label in CATEGORY_LABELS.items()
                 if key in (fold(label), fold(c))), "")
