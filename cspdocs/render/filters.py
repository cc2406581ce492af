"""French formatting filters for the templates: dates, euros, numbers, amounts in words.

Everything locale-specific comes from Babel (CLDR data for fr_FR) and num2words; this module only
assembles their output. Each filter refuses ``None`` with a French message instead of printing
"None" in a document: a template must test an unknown value with ``{% if %}`` first.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from num2words import num2words

LOCALE = "fr_FR"
LONG_DATE_PATTERN = "EEEE d MMMM y"  # "lundi 27 avril 2026"
PLAIN_DATE_PATTERN = "d MMMM y"  # "27 avril 2026"
SHORT_DATE_PATTERN = "dd/MM/y"  # "27/04/2026"


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


def _first_of_month(text: str, day: int) -> str:
    # French writes the first day of a month as an ordinal: "1er mars 2026".
    if day != 1:
        return text
    return text.replace(" 1 ", " 1er ", 1) if not text.startswith("1 ") else "1er " + text[2:]


@lru_cache(maxsize=8192)
def _format(d: date, pattern: str) -> str:
    # Babel's formatting is pure but slow; a batch formats the same few dates many times.
    return _first_of_month(format_date(d, pattern, locale=LOCALE), d.day)


def date_longue(value: Any) -> str:
    """'lundi 27 avril 2026' (weekday, day, month, year; '1er' for the first day)."""
    return _format(_as_date(value, "date_longue"), LONG_DATE_PATTERN)


def date_simple(value: Any) -> str:
    """'27 avril 2026' (no weekday), for the place-and-date line of a letter."""
    return _format(_as_date(value, "date_simple"), PLAIN_DATE_PATTERN)


def date_courte(value: Any) -> str:
    """'27/04/2026'."""
    return _format(_as_date(value, "date_courte"), SHORT_DATE_PATTERN)


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


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def euros(value: Any) -> str:
    """'8 233,33 €' (CLDR fr_FR: narrow no-break space between thousands, no-break space before €)."""
    return format_currency(_cents(_as_decimal(value, "euros")), "EUR", locale=LOCALE)


def nombre(value: Any, decimales: int | None = None) -> str:
    """'11,17', '2', '1 250' ; ``decimales`` fixes the number of decimals when given."""
    d = _as_decimal(value, "nombre")
    if decimales is not None:
        d = d.quantize(Decimal(1).scaleb(-decimales), rounding=ROUND_HALF_UP)
        pattern = "#,##0" + ("." + "0" * decimales if decimales else "")
        return format_decimal(d, format=pattern, locale=LOCALE)
    return format_decimal(d.normalize() if d == d.to_integral() else d, locale=LOCALE)


def _words(n: int) -> str:
    return num2words(n, lang="fr")


def montant_lettres(value: Any) -> str:
    """'huit mille deux cent trente-trois euros et trente-trois centimes'.

    Words come from num2words; this function only adds the units with French grammar:
    'un euro', 'zéro euro', "un million d'euros", no 'et zéro centimes'.
    """
    amount = _cents(_as_decimal(value, "montant_lettres"))
    if amount < 0:
        return "moins " + montant_lettres(-amount)
    whole = int(amount)
    cents = int((amount - whole) * 100)
    words = _words(whole)
    if whole in (0, 1):
        euro_part = f"{words} euro"
    elif words.endswith(("million", "millions", "milliard", "milliards")):
        euro_part = f"{words} d'euros"
    else:
        euro_part = f"{words} euros"
    if cents == 0:
        return euro_part
    cent_part = f"{_words(cents)} centime" + ("s" if cents > 1 else "")
    if whole == 0:
        return cent_part
    return f"{euro_part} et {cent_part}"


FILTERS: dict[str, Callable[..., str]] = {
    "date_longue": date_longue,
    "date_simple": date_simple,
    "date_courte": date_courte,
    "euros": euros,
    "nombre": nombre,
    "montant_lettres": montant_lettres,
}
