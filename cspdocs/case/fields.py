"""What kind of value each key of the case model expects, derived from the pydantic model.

The YAML and CSV readers use it to hand pydantic the text the user actually wrote (a postal code
``01000`` must not become the YAML 1.1 octal number 512; an amount ``2850.10`` must not go through
a binary float; ``2025-02-30`` must not crash PyYAML's timestamp constructor).

A key path is a tuple of key names where a list item is written ``"*"``:
``("salaries", "*", "adresse", "code_postal")``.
"""

from __future__ import annotations

import types
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .model import Dossier

# Kinds of values; "model" and "list" are containers.
STR, DATE, DECIMAL, INT, BOOL, MODEL, LIST, OTHER = (
    "str", "date", "decimal", "int", "bool", "model", "list", "other",
)

Pattern = tuple[str, ...]


def _strip(annotation):
    """Remove Optional[...] and Annotated[...] wrappers."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _kind(annotation) -> str:
    annotation = _strip(annotation)
    origin = get_origin(annotation)
    if origin is list:
        return LIST
    if origin is Literal:
        return STR
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return MODEL
        if annotation is bool:
            return BOOL
        if issubclass(annotation, datetime):
            return OTHER
        if issubclass(annotation, date):
            return DATE
        if issubclass(annotation, Decimal):
            return DECIMAL
        if issubclass(annotation, int):
            return INT
        if issubclass(annotation, str):
            return STR
    return OTHER


def _walk(model: type[BaseModel], prefix: Pattern, out: dict[Pattern, object]) -> None:
    for name, info in model.model_fields.items():
        path = prefix + (name,)
        annotation = _strip(info.annotation)
        kind = _kind(annotation)
        if kind == MODEL:
            out[path] = annotation
            _walk(annotation, path, out)
        elif kind == LIST:
            out[path] = LIST
            item = _strip(get_args(annotation)[0])
            item_kind = _kind(item)
            if item_kind == MODEL:
                out[path + ("*",)] = item
                _walk(item, path + ("*",), out)
            else:
                out[path + ("*",)] = item_kind
        else:
            out[path] = kind


@lru_cache(maxsize=None)
def _table() -> dict[Pattern, object]:
    out: dict[Pattern, object] = {(): Dossier}
    _walk(Dossier, (), out)
    return out


def pattern_of(loc: tuple) -> Pattern:
    """("salaries", 3, "adresse") -> ("salaries", "*", "adresse")."""
    return tuple("*" if isinstance(part, int) else part for part in loc)


def kind_at(loc: tuple) -> str:
    """Kind of the value expected at ``loc`` (a key path with int list indices); OTHER if unknown."""
    found = _table().get(pattern_of(loc), OTHER)
    return MODEL if isinstance(found, type) else found  # type: ignore[return-value]


def model_at(loc: tuple) -> type[BaseModel] | None:
    found = _table().get(pattern_of(loc))
    return found if isinstance(found, type) else None


def keys_at(loc: tuple) -> list[str]:
    """Keys allowed in the mapping expected at ``loc`` (empty when it is not a mapping)."""
    model = model_at(loc)
    return list(model.model_fields) if model else []


def salarie_columns() -> dict[str, str]:
    """CSV columns of an employee (nested keys joined with "."), with their kind."""
    columns: dict[str, str] = {}
    prefix = ("salaries", "*")
    for path, found in _table().items():
        if path[:2] != prefix or len(path) == 2:
            continue
        rest = path[2:]
        kind = MODEL if isinstance(found, type) else found
        if "*" in rest:
            continue  # items of a list column: the whole list is one cell
        columns[".".join(rest)] = kind  # type: ignore[assignment]
    return columns
