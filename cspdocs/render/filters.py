"""French formatting filters for the templates: dates, euros, numbers, amounts in words.

The French forms themselves live in cspdocs/formats.py (Babel's CLDR data for fr_FR and num2words);
this module only checks the value a template passes. Each filter refuses ``None`` with a French message instead of printing
"None" in a document: a template must test an unknown value with ``{% if %}`` first.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from .. import formats


class ValeurAbsente(ValueError):
    """A filter received ``None`` (an unknown date or amount)."""


class ErreurFiltre(TypeError):
    """A filter received a value it cannot format (French message)."""


def _require(value: Any, filtre: str) -> Any:
    if value is None:
        raise ValeurAbsente(
            f"le filtre « {filtre} » a reçu une valeur absente (None) : "
            "tester la valeur avec {% if ... %} avant de l'afficher"
        )
    return value


def _as_date(value: Any, filtre: str) -> date:
    _require(value, filtre)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ErreurFiltre(f"le filtre « {filtre} » attend une date, pas le texte « {value[:40]} »") from None
    raise ErreurFiltre(f"le filtre « {filtre} » attend une date, pas {_type(value)}")


def date_longue(value: Any) -> str:
    """'lundi 27 avril 2026' (weekday, day, month, year; '1er' for the first day)."""
    return formats.long_date(_as_date(value, "date_longue"))


def date_simple(value: Any) -> str:
    """'27 avril 2026' (no weekday), for the place-and-date line of a letter."""
    return formats.plain_date(_as_date(value, "date_simple"))


def date_courte(value: Any) -> str:
    """'27/04/2026'."""
    return formats.short_date(_as_date(value, "date_courte"))


def _as_decimal(value: Any, filtre: str) -> Decimal:
    _require(value, filtre)
    if isinstance(value, bool):
        raise ErreurFiltre(f"le filtre « {filtre} » attend un nombre, pas un booléen")
    if isinstance(value, Decimal):
        return value
    try:
        if isinstance(value, (int, str)):
            return Decimal(value)
        if isinstance(value, float):
            return Decimal(str(value))
    except InvalidOperation:
        raise ErreurFiltre(f"le filtre « {filtre} » attend un nombre, pas le texte « {str(value)[:40]} »") from None
    raise ErreurFiltre(f"le filtre « {filtre} » attend un nombre, pas {_type(value)}")


def _type(value: Any) -> str:
    from .messages import TYPES

    return TYPES.get(type(value).__name__, "une valeur de ce type")


def euros(value: Any) -> str:
    """'8 233,33 €' (CLDR fr_FR: narrow no-break space between thousands, no-break space before €)."""
    return formats.euros(_as_decimal(value, "euros"))


def nombre(value: Any, decimales: int | None = None) -> str:
    """'11,17', '2', '1 250' ; ``decimales`` fixes the number of decimals when given."""
    return formats.number(_as_decimal(value, "nombre"), decimales)


def montant_lettres(value: Any) -> str:
    """'huit mille deux cent trente-trois euros et trente-trois centimes' (cspdocs/formats.py)."""
    return formats.amount_in_words(_as_decimal(value, "montant_lettres"))


FILTERS: dict[str, Callable[..., str]] = {
    "date_longue": date_longue,
    "date_simple": date_simple,
    "date_courte": date_courte,
    "euros": euros,
    "nombre": nombre,
    "montant_lettres": montant_lettres,
}
