"""The one Jinja environment for rendering (and linting) the DOCX templates.

- sandboxed and immutable: a customised template cannot call arbitrary code nor modify the
  facts shared by the four artefacts;
- ``StrictUndefined``: a misspelt or missing variable is an error, never an empty string;
- every inserted value is XML-escaped (``& < > " '``) and stripped of XML-invalid control
  characters;
- raw dates, amounts, booleans and ``None`` cannot be printed: a template must choose a French
  format (``date_longue``, ``euros``...) or test the value with ``{% if %}``;
- no escape hatch and bounded work (sandbox.py): no ``safe`` filter, no ``{% autoescape %}``,
  limits on time, memory, output size and on the strings a template builds.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined, Template, Undefined
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import sandbox
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
    if isinstance(value, str):  # Markup included: it is escaped like any text (no raw XML)
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
    from .messages import TYPES

    kind = TYPES.get(type(value).__name__, "une valeur composée")
    raise ValeurNonAffichable(f"{kind} ne s'affiche pas directement : choisir un élément précis "
                              "(« salarie.nom ») ou parcourir la liste avec {% for %}")


class BoundedTemplate(Template):
    """A compiled template whose rendering is bounded in time, memory and output size."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        ctx = self.new_context(dict(*args, **kwargs))
        try:
            return sandbox.bounded_render(lambda: self.root_render_func(ctx))
        except Exception:
            self.environment.handle_exception()


class TemplateEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with cspdocs' restrictions (see sandbox.py)."""

    template_class = BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def _parse(self, source: str, name: Any, filename: Any):  # type: ignore[override]
        return sandbox.check_and_instrument(super()._parse(source, name, filename), name, filename)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return sandbox.binop(operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and attr not in sandbox.METHODES_TEXTE:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> None:
        return None  # str.format is not in METHODES_TEXTE: refused by is_safe_attribute

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        sandbox.tick()
        if getattr(__obj, "__name__", None) == "replace" and isinstance(getattr(__obj, "__self__", None), str):
            if len(args) >= 2:
                sandbox.check_replace(__obj.__self__, str(args[0]), str(args[1]))
        return super().call(__context, __obj, *args, **kwargs)


def make_environment() -> ImmutableSandboxedEnvironment:
    """A new environment configured for the DOCX templates (cheap; the renderer keeps one)."""
    env = TemplateEnvironment(
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_finalize,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters = {name: JINJA_FILTERS[name] for name in sandbox.FILTRES_AUTORISES}
    env.filters["join"] = sandbox.join(JINJA_FILTERS["join"])
    env.filters["replace"] = sandbox.replace_filter(JINJA_FILTERS["replace"])
    env.filters.update(FILTERS)
    for name in sandbox.GLOBALES_RETIREES:
        env.globals.pop(name, None)
    env.globals["namespace"] = sandbox.BoundedNamespace
    env.globals[sandbox.BUDGET_NAME] = sandbox.tick
    env.globals[sandbox.CONCAT_NAME] = sandbox.concat
    return env
