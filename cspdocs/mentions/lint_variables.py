"""Variables a template uses that the context does not provide (``cspdocs lint``), with
« vouliez-vous dire »; the context's shape is the union of the lint scenarios' contexts."""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

from jinja2 import nodes

from ..render.messages import suggest
from ..render.patch import line_text
from .lint_static import ERREUR, Constat

DICT_METHODS = ("items", "keys", "values", "get")


class _Leaf:
    __slots__ = ("samples",)

    def __init__(self) -> None:
        self.samples: list[Any] = []


def context_shape(contexts: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The union of the contexts' key trees (dict -> dict, other values -> leaf with samples)."""
    shape: dict[str, Any] = {}

    def merge(target: dict, source: Mapping) -> None:
        for key, value in source.items():
            if isinstance(value, Mapping):
                sub = target.get(key)
                if not isinstance(sub, dict):
                    sub = {}
                    target[key] = sub
                merge(sub, value)
            else:
                current = target.get(key)
                if isinstance(current, dict):
                    continue
                if current is None:
                    current = _Leaf()
                    target[key] = current
                if value is not None and len(current.samples) < 3:
                    current.samples.append(value)

    for ctx in contexts:
        merge(shape, ctx)
    return shape


def _chain(node: nodes.Node) -> Optional[list[str]]:
    parts: list[str] = []
    while True:
        if isinstance(node, nodes.Getattr):
            parts.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            parts.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            parts.append(node.name)
            return list(reversed(parts))
        else:
            return None


def _declared(ast: nodes.Template) -> set[str]:
    names = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for macro in ast.find_all(nodes.Macro):
        names.add(macro.name)
    return names


def _unknown_prefix(shape: Mapping[str, Any], path: list[str]) -> Optional[tuple[int, list[str]]]:
    """(index of the first unknown element, the names known at that level), or None when known."""
    current: Any = shape
    for i, part in enumerate(path):
        if isinstance(current, dict):
            if part in current:
                current = current[part]
                continue
            if part in DICT_METHODS and i:
                return None
            return i, list(current)
        if isinstance(current, _Leaf):
            if not current.samples or any(hasattr(s, part) for s in current.samples):
                return None
            return i, []
        return i, []
    return None


def check_variables(modele: str, partie: str, source: str, ast: nodes.Template, shape: Mapping[str, Any],
                    env) -> list[Constat]:
    """Variables the context does not provide, each once per paragraph, with a suggestion."""
    allowed_roots = set(env.globals) | {"loop", "self", "caller", "varargs", "kwargs"}
    local = _declared(ast) | allowed_roots
    found: dict[tuple[str, int], Constat] = {}
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
        if isinstance(node, nodes.Name) and node.ctx != "load":
            continue
        path = _chain(node)
        if not path or path[0] in local:
            continue
        unknown = _unknown_prefix(shape, path)
        if unknown is None:
            continue
        index, known = unknown
        dotted = ".".join(path[: index + 1])
        prefix = ".".join(path[:index])
        hint = suggest(path[index], known)
        if hint and prefix:
            hint = hint.replace("« ", f"« {prefix}.")
        message = f"variable « {dotted} » inconnue{hint} (liste : cspdocs templates variables)"
        found.setdefault((dotted, node.lineno), Constat(modele, "variable", ERREUR, message, partie,
                                                        line_text(source, node.lineno)))
    return list(found.values())
