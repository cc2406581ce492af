"""Pydantic validation errors translated into plain French (never leak pydantic's English)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any

from ..suggestions import close_matches, did_you_mean
from .fields import keys_at

# Regular expressions of the model, said in words.
PATTERNS = {
    r"^\d{5}$": "5 chiffres",
}

UNKNOWN_KEY = "clé inconnue (les clés sont sensibles à la casse ; vérifiez l'orthographe)"
MISSING_KEY = "clé obligatoire manquante"
MISSING_CELL = "valeur obligatoire manquante (cellule vide ou colonne absente)"
DATE_EXPECTED = "n'est pas une date valide (attendu AAAA-MM-JJ)"


def quote(value: Any) -> str:
    """The user's value between French quotes."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, Decimal):
        text = format(value, "f")
    else:
        text = str(value)
    if len(text) > _MAX_ECHO:
        text = text[:_MAX_ECHO] + "…"
    return f"« {shown(text)} »"


_MAX_ECHO = 80


def shown(text: str) -> str:
    """Control and format characters as U+XXXX: a message never carries them to the terminal."""
    return "".join(f"<U+{ord(c):04X}>" if unicodedata.category(c) in _HIDDEN else c for c in text)


_HIDDEN = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})


def _echo(value: Any) -> str:
    """What the user wrote, as the subject of a sentence: ``« x » ``, ``une liste ``…"""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "un groupe de clés "
    if isinstance(value, (list, tuple)):
        return "une liste "
    return quote(value) + " "


def _number(value: Any) -> str:
    if isinstance(value, Decimal):
        value = value.normalize()
        return format(value, "f")
    return str(value)


def _allowed_values(expected: str) -> str:
    values = re.findall(r"'([^']*)'", expected)
    return ", ".join(values) if values else expected


def unknown_key_message(loc: tuple) -> str:
    key = str(loc[-1])
    allowed = keys_at(loc[:-1])
    hint = did_you_mean(close_matches(key, allowed, limit=1, cutoff=0.75, fold=str.lower))
    return f"{UNKNOWN_KEY} ; {hint}" if hint else UNKNOWN_KEY


def _mapping_expected(loc: tuple, value: Any) -> str:
    keys = ", ".join(keys_at(loc))
    what = f"attendu un groupe de clés ({keys})" if keys else "attendu un groupe de clés"
    if value is None:
        return f"valeur vide : {what}"
    return f"{_echo(value)}ne convient pas : {what}"


def french_message(error: dict, from_csv: bool = False) -> str:
    """One pydantic error (an item of ``ValidationError.errors()``) in French."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    echo = _echo(value)

    if kind == "missing":
        return MISSING_CELL if from_csv else MISSING_KEY
    if kind == "extra_forbidden":
        return unknown_key_message(loc)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _mapping_expected(loc, value)
    if value is None:
        return "valeur vide alors qu'une valeur est obligatoire"
    if kind == "date_iso":  # raised by the model's IsoDate validator, already in French
        return error["msg"]
    return _type_message(kind, echo, ctx) or _bound_message(kind, echo, loc, ctx)


def _type_message(kind: str, echo: str, ctx: dict) -> str:
    """A value of the wrong type or format, in French ("" when ``kind`` is not one of these)."""
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return f"{echo}{DATE_EXPECTED}"
    if kind == "literal_error":
        return f"{echo}n'est pas une valeur admise (valeurs possibles : {_allowed_values(ctx.get('expected', ''))})"
    if kind == "string_pattern_mismatch":
        expected = PATTERNS.get(ctx.get("pattern", ""), "le format prévu")
        return f"{echo}ne convient pas (attendu : {expected})"
    if kind == "string_too_short":
        return "ne doit pas être vide"
    if kind == "string_too_long":
        return f"texte trop long (au plus {ctx.get('max_length')} caractères)"
    if kind in ("string_type", "string_unicode"):
        return f"{echo}ne convient pas : attendu un texte"
    if kind in ("bool_parsing", "bool_type"):
        return f"{echo}ne convient pas (attendu : oui ou non, true ou false)"
    if kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        return f"{echo}n'est pas un nombre entier"
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type"):
        return f"{echo}n'est pas un nombre (exemple : 2850.00)"
    if kind == "finite_number":
        return f"{echo}n'est pas un nombre fini"
    if kind.startswith("decimal_"):
        return f"{echo}ne convient pas : trop de chiffres ou de décimales"
    return ""


def _bound_message(kind: str, echo: str, loc: tuple, ctx: dict) -> str:
    """A value out of its bounds, a list of the wrong length, a validator's own message, in French."""
    if kind == "greater_than_equal":
        return f"{echo}doit être supérieur ou égal à {_number(ctx.get('ge'))}"
    if kind == "greater_than":
        # R-59 (model.py): a zero salary would make the notice, the indemnity and the contribution nil
        rule = (" : un salaire nul donnerait un préavis, une indemnité et une contribution nuls (R-59)"
                if loc[-1:] in (("salaire_brut_mensuel",), ("salaire_preavis_mensuel",)) else "")
        return f"{echo}doit être strictement supérieur à {_number(ctx.get('gt'))}{rule}"
    if kind == "less_than_equal":
        return f"{echo}doit être inférieur ou égal à {_number(ctx.get('le'))}"
    if kind == "less_than":
        return f"{echo}doit être strictement inférieur à {_number(ctx.get('lt'))}"
    if kind in ("list_type", "tuple_type", "iterable_type"):
        return f"{echo}ne convient pas : attendu une liste"
    if kind == "too_short":
        n = ctx.get("min_length")
        return f"la liste doit contenir au moins {n} élément{'s' if n and n > 1 else ''}"
    if kind == "too_long":
        n = ctx.get("max_length")
        return f"la liste doit contenir au plus {n} élément{'s' if n and n > 1 else ''} (elle en a {ctx.get('actual_length')})"
    if kind in ("value_error", "assertion_error"):
        cause = ctx.get("error")
        return str(cause) if cause else f"valeur invalide : {echo}".strip(" :")
    return f"valeur invalide : {echo}".strip(" :")
