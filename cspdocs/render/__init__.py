"""Rendering the DOCX artefacts: one Jinja environment, French filters, context, fast renderer."""

from .context import build_context
from .environment import make_environment
from .errors import ErreurModele
from .renderer import CompiledTemplate

__all__ = ["ErreurModele", "ModeleDocx", "build_context", "make_environment"]
