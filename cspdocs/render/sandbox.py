"""What a customised template may do, and how much it may cost.

A firm's template is untrusted code: it runs in Jinja's immutable sandbox, and this module closes
what the sandbox leaves open.

- **No escape hatch**: no ``safe``/``escape`` filters, no ``{% autoescape false %}``, no
  ``include``/``import``/``extends``; every inserted value is XML-escaped (environment.py).
- **Bounded work**: every loop iteration and every call checks a per-render budget of time and
  memory; strings and lists built by a template (``*``, ``+``, ``~``, ``join``, ``replace``)
  are capped in size; ``**`` is capped; ``%`` formatting on strings is refused.
- **Bounded output**: a rendered part larger than ``LIMITE_SORTIE`` is refused.
- Only a short list of string methods (``upper``, ``strip``, ``startswith``...) can be called.

Every refusal is a ``RefusModele`` whose message is French; the renderer adds the template and the
paragraph.
"""

from __future__ import annotations

import contextvars
import resource
import time
from typing import Any, Callable, Iterator

from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError
from jinja2.utils import Namespace

# Limits of one rendered part (a document body, a header...). The default templates need less
# than a hundredth of each.
LIMITE_DUREE = 5.0  # seconds of rendering per part
LIMITE_MEMOIRE = 256 * 1024 * 1024  # bytes of peak memory growth while rendering a part
LIMITE_SORTIE = 20 * 1024 * 1024  # characters of XML produced for a part
LIMITE_TEXTE = 100_000  # characters (or items) of a string or list built by a template
LIMITE_CHIFFRES = 256  # bits of an integer built with * or **

# Built-in Jinja filters a template may use (plus cspdocs' French filters, filters.py).
FILTRES_AUTORISES = (
    "abs", "capitalize", "count", "d", "default", "dictsort", "first", "float", "groupby", "int",
    "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject",
    "rejectattr", "replace", "reverse", "round", "select", "selectattr", "sort", "string", "sum",
    "title", "trim", "truncate", "unique", "upper", "wordcount",
)
# Why a well-known filter is missing (the lint and the renderer say it in French).
FILTRES_RETIRES = {
    "safe": "insérerait du XML brut dans le document",
    "e": "les valeurs sont déjà échappées automatiquement",
    "escape": "les valeurs sont déjà échappées automatiquement",
    "forceescape": "les valeurs sont déjà échappées automatiquement",
    "tojson": "produit du texte non échappé",
    "xmlattr": "produit du balisage",
    "urlize": "produit du balisage",
    "striptags": "sans objet dans un document Word",
    "pprint": "sans objet dans un document Word",
    "filesizeformat": "sans objet dans un document Word",
    "urlencode": "sans objet dans un document Word",
    "random": "rendrait les documents non reproductibles",
    "format": "mise en forme libre de taille non bornée : utiliser ~ et les filtres français",
    "center": "taille non bornée",
    "indent": "taille non bornée",
    "wordwrap": "taille non bornée",
    "batch": "taille non bornée",
    "slice": "taille non bornée",
    "attr": "accès libre aux attributs",
}
GLOBALES_RETIREES = ("lipsum",)  # random text: documents would not be reproducible

# String methods a template may call (others are refused by the sandbox).
METHODES_TEXTE = frozenset({
    "upper", "lower", "title", "capitalize", "casefold", "swapcase", "strip", "lstrip", "rstrip",
    "startswith", "endswith", "split", "rsplit", "splitlines", "count", "find", "rfind",
    "isdigit", "isalpha", "isalnum", "isupper", "islower", "isspace", "removeprefix",
    "removesuffix", "replace", "partition", "rpartition",
})

# Statements that would let a template leave the sandbox or reach other files.
_INTERDITS = {
    nodes.ScopedEvalContextModifier: "la balise {% autoescape %} est interdite : les valeurs sont toujours échappées",
    nodes.EvalContextModifier: "la balise {% autoescape %} est interdite : les valeurs sont toujours échappées",
    nodes.Include: "la balise {% include %} est interdite : un modèle ne lit pas d'autre fichier",
    nodes.Import: "la balise {% import %} est interdite : un modèle ne lit pas d'autre fichier",
    nodes.FromImport: "la balise {% from ... import %} est interdite : un modèle ne lit pas d'autre fichier",
    nodes.Extends: "la balise {% extends %} est interdite : un modèle ne lit pas d'autre fichier",
}

BUDGET_NAME = "cspdocs_budget"
CONCAT_NAME = "cspdocs_concat"


class RefusModele(RuntimeError):
    """A template did something the sandbox refuses, or exceeded its budget (French message)."""


class _Budget:
    __slots__ = ("deadline", "memory", "ticks")

    def __init__(self) -> None:
        self.deadline = time.monotonic() + LIMITE_DUREE
        self.memory = _peak_memory() + LIMITE_MEMOIRE
        self.ticks = 0


_current: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("cspdocs_budget", default=None)


def _peak_memory() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def tick() -> str:
    """Called at each loop iteration, macro call and sandboxed call: enforce the budget."""
    budget = _current.get()
    if budget is not None:
        if time.monotonic() > budget.deadline:
            raise RefusModele(f"rendu trop long (plus de {LIMITE_DUREE:.0f} s) : boucle sans fin ou trop de "
                              "répétitions dans le modèle")
        budget.ticks += 1
        if budget.ticks % 64 == 0 and _peak_memory() > budget.memory:  # a system call: not every tick
            raise RefusModele(f"le rendu consomme trop de mémoire (plus de {LIMITE_MEMOIRE // 2**20} Mo)")
    return ""


def bounded_render(chunks: Callable[[], Iterator[str]]) -> str:
    """Join a template's output chunks under a fresh budget, refusing an oversized output."""
    token = _current.set(_Budget())
    try:
        out: list[str] = []
        size = 0
        for chunk in chunks():
            size += len(chunk)
            if size > LIMITE_SORTIE:
                raise RefusModele(f"le rendu dépasse {LIMITE_SORTIE // 2**20} millions de caractères : "
                                  "boucle ou texte répété trop de fois dans le modèle")
            out.append(chunk)
            tick()
        return "".join(out)
    finally:
        _current.reset(token)


def _too_big() -> RefusModele:
    return RefusModele(f"texte ou liste de plus de {LIMITE_TEXTE} éléments construit par le modèle")


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > LIMITE_TEXTE:
        raise _too_big()
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > LIMITE_CHIFFRES:
        raise RefusModele("nombre trop grand construit par le modèle")
    return value


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


def binop(operator: str, left: Any, right: Any) -> Any:
    """``* ** + %`` with their results bounded before they are computed."""
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(n, int):
                if len(seq) * max(n, 0) > LIMITE_TEXTE:
                    raise _too_big()
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > LIMITE_CHIFFRES:
                raise RefusModele("nombre trop grand construit par le modèle")
        return left * right
    if operator == "**":
        if isinstance(right, int) and isinstance(left, int):
            if right < 0 or max(left.bit_length(), 1) * right > LIMITE_CHIFFRES:
                raise RefusModele("puissance trop grande dans le modèle")
        return left ** right
    if operator == "+":
        if _length(left) + _length(right) > LIMITE_TEXTE:
            raise _too_big()
        return left + right
    if operator == "%":
        if isinstance(left, str):
            raise RefusModele("la mise en forme par % est interdite dans un modèle : utiliser ~ et les filtres "
                              "français (euros, nombre, date_longue...)")
        return left % right
    raise RefusModele(f"opérateur {operator} refusé")


def concat(*parts: Any) -> str:
    """``a ~ b``: the same as Jinja's, bounded."""
    if sum(len(p) if isinstance(p, str) else 0 for p in parts) > LIMITE_TEXTE:
        raise _too_big()
    return _check_size("".join(str(p) for p in parts))


def join(env_join: Callable[..., str]) -> Callable[..., str]:
    """Jinja's ``join`` filter, refusing a result over the limit before building it."""

    def bounded(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
        items = list(value)
        if len(items) > LIMITE_TEXTE or len(items) * len(str(d)) > LIMITE_TEXTE:
            raise _too_big()
        return _check_size(env_join(eval_ctx, items, d, attribute))

    bounded.jinja_pass_arg = getattr(env_join, "jinja_pass_arg", None)  # type: ignore[attr-defined]
    return bounded


def check_replace(text: str, old: str, new: str) -> None:
    occurrences = len(text) + 1 if old == "" else text.count(old)
    if len(text) + occurrences * max(len(new) - len(old), 0) > LIMITE_TEXTE:
        raise _too_big()


def replace_filter(env_replace: Callable[..., str]) -> Callable[..., str]:
    def bounded(eval_ctx: Any, s: Any, old: str, new: str, count: Any = None) -> str:
        check_replace(str(s), str(old), str(new))
        return env_replace(eval_ctx, s, old, new, count)

    bounded.jinja_pass_arg = getattr(env_replace, "jinja_pass_arg", None)  # type: ignore[attr-defined]
    return bounded


class BoundedNamespace(Namespace):
    """``namespace()`` whose attributes cannot hold oversized values."""

    def __setitem__(self, name: str, value: Any) -> None:
        tick()
        super().__setitem__(name, _check_size(value))


def check_and_instrument(ast: nodes.Template, name: str | None, filename: str | None) -> nodes.Template:
    """Refuse forbidden statements; make every loop iteration and macro call pay the budget;
    route ``~`` through the bounded concatenation."""
    for node in ast.find_all(tuple(_INTERDITS)):
        raise TemplateSyntaxError(_INTERDITS[type(node)], node.lineno, name, filename)
    budget_call = lambda lineno: nodes.ExprStmt(  # noqa: E731
        nodes.Call(nodes.Name(BUDGET_NAME, "load", lineno=lineno), [], [], None, None, lineno=lineno),
        lineno=lineno)
    for node in ast.find_all((nodes.For, nodes.Macro, nodes.CallBlock)):
        node.body.insert(0, budget_call(node.lineno))
    for node in list(ast.find_all(nodes.Concat)):
        call = nodes.Call(nodes.Name(CONCAT_NAME, "load", lineno=node.lineno), list(node.nodes), [], None, None,
                          lineno=node.lineno)
        _replace(ast, node, call)
    return ast


def _replace(root: nodes.Node, old: nodes.Node, new: nodes.Node) -> None:
    for parent in root.find_all(nodes.Node):
        for field in parent.fields:
            value = getattr(parent, field, None)
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new
                        return
    if root is old:  # pragma: no cover - a Template node is never a Concat
        raise ValueError("cannot replace the root")
