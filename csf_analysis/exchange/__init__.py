"""Exchange with the other qualitative tools (QualCoder, MAXQDA, ATLAS.ti, NVivo)
through REFI-QDA: a ``.qdpx`` project out and back in, a ``.qdc`` codebook out.

Modules: :mod:`.plain_text` (an interview as plain text, statement spans),
:mod:`.refi` (the standard's names and the toolkit's conventions),
:mod:`.qdpx_export` and :mod:`.qdpx_import`.
"""
from .qdpx_export import export_qdc, export_qdpx
from .qdpx_import import ImportResult, import_qdpx

__all__ = ["ImportResult", "export_qdc", "export_qdpx", "import_qdpx"]
