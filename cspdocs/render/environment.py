"""The one Jinja environment for rendering (and linting) the DOCX templates.

- sandboxed and immutable: a customised template cannot call arbitrary code nor modify the
  facts shared by the four artefacts;
- ``StrictUndefined``: a misspelt or missing variable is an error, never an empty string;
- every inserted value is XML-escaped (``& < > " '``) and stripped of XML-invalid control
  characters;
- raw dates, amounts, booleans and ``None`` cannot be printed: a template must choose a French
  format (``date_longue``, ``euros``...) or test the value with ``{% if %}``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from .filters import FILTERS, ValeurAbsente
from .xmltext import clean_text


class ValeurNonAffichable(TypeError):
    """A template printed a value that needs a filter (date, amount) or a test (bool, None)."""


def _finalize(value: Any) -> Any:
    if isinstance(value, Undefined):
        return str(value)  # StrictUndefined raises UndefinedError naming the variable
    if value is None:
        raise ValeurAbsente(
            "valeur absente (None) insérée dans le document : tester la valeur avec {% if ... %}"
        )
    if isinstance(value, Markup):
        return Markup(clean_text(str(value)))
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool):
        raise ValeurNonAffichable("un booléen ne s'affiche pas : l'utiliser dans {% if ... %}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        raise ValeurNonAffichable(
            "une date doit être mise en forme : filtre date_longue, date_simple ou date_courte"
        )
    if isinstance(value, (Decimal, float)):
        raise ValeurNonAffichable("un nombre doit être mis en forme : filtre euros ou nombre")
    raise ValeurNonAffichable(
        f"valeur de type {type(value).__name__} non affichable : choisir un élément précis"
    )


def make_environment() -> ImmutableSandboxedEnvironment:
    """A new environment configured for the DOCX templates (cheap; the renderer keeps one)."""
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env
