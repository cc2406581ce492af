"""Every French rendering of a date or an amount, in one module.

Four audiences read cspdocs' dates and amounts, each with its own form; they all come from here:

- documents (template filters, cspdocs/render/filters.py): CLDR fr_FR forms from Babel,
  « lundi 27 avril 2026 », « 27 avril 2026 », « 27/04/2026 », « 8 233,33 € » (narrow no-break
  space between thousands, no-break space before the sign), amounts in words from num2words;
- explanations of the engine (``compute``'s « raisonnement »): « mardi 24/03/2026 » and
  « 8 233,33 € » with plain spaces, stable since the first release (the contract JSON carries them);
- reports of the mention check: « mardi 1er avril 2026 »;
- the command line (``--version``): « 24/03/2026 ».

Babel is imported on first use only, so importing the engine stays cheap. Pure functions: no
clock, no locale of the machine.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Optional

LOCALE = "fr_FR"
LONG_DATE_PATTERN = "EEEE d MMMM y"  # "lundi 27 avril 2026"
PLAIN_DATE_PATTERN = "d MMMM y"  # "27 avril 2026"
SHORT_DATE_PATTERN = "dd/MM/y"  # "27/04/2026"

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
NBSP, NNBSP = "\u00a0", "\u202f"


def weekday(d: date) -> str:
    """« lundi » … « dimanche »."""
    return WEEKDAYS[d.weekday()]


def cents(value: Decimal) -> Decimal:
    """Rounded half-up to the cent (the only rounding of displayed amounts)."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- documents (CLDR, Babel) -----------------------------------------------------------------


def _first_of_month(text: str, day: int) -> str:
    # French writes the first day of a month as an ordinal: "1er mars 2026".
    if day != 1:
        return text
    return text.replace(" 1 ", " 1er ", 1) if not text.startswith("1 ") else "1er " + text[2:]


@lru_cache(maxsize=8192)
def _babel_date(d: date, pattern: str) -> str:
    # Babel's formatting is pure but slow; a batch formats the same few dates many times.
    from babel.dates import format_date

    return _first_of_month(format_date(d, pattern, locale=LOCALE), d.day)


def long_date(d: date) -> str:
    """« lundi 27 avril 2026 » (« 1er » for the first day of a month)."""
    return _babel_date(d, LONG_DATE_PATTERN)


def plain_date(d: date) -> str:
    """« 27 avril 2026 »."""
    return _babel_date(d, PLAIN_DATE_PATTERN)


def short_date(d: date) -> str:
    """« 27/04/2026 »."""
    return _babel_date(d, SHORT_DATE_PATTERN)


def euros(value: Decimal) -> str:
    """« 8 233,33 € » in the CLDR fr_FR form."""
    from babel.numbers import format_currency

    return format_currency(cents(value), "EUR", locale=LOCALE)


def number(value: Decimal, decimals: Optional[int] = None) -> str:
    """« 11,17 », « 2 », « 1 250 »; ``decimals`` fixes the number of decimals when given."""
    from babel.numbers import format_decimal

    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=LOCALE)
    return format_decimal(value.normalize() if value == value.to_integral() else value, locale=LOCALE)


def amount_in_words(value: Decimal) -> str:
    """« huit mille deux cent trente-trois euros et trente-trois centimes ».

    Words come from num2words; this adds the units with French grammar: « un euro »,
    « zéro euro », « un million d'euros », no « et zéro centimes ».
    """
    from num2words import num2words

    amount = cents(value)
    if amount < 0:
        return "moins " + amount_in_words(-amount)
    whole = int(amount)
    hundredths = int((amount - whole) * 100)
    words = num2words(whole, lang="fr")
    if whole in (0, 1):
        euro_part = f"{words} euro"
    elif words.endswith(("million", "millions", "milliard", "milliards")):
        euro_part = f"{words} d'euros"
    else:
        euro_part = f"{words} euros"
    if hundredths == 0:
        return euro_part
    cent_part = f"{num2words(hundredths, lang='fr')} centime" + ("s" if hundredths > 1 else "")
    if whole == 0:
        return cent_part
    return f"{euro_part} et {cent_part}"


# --- explanations of the engine (part of the contract JSON: never change these forms) --------


def explanation_date(d: Optional[date]) -> str:
    """« mardi 24/03/2026 »; « inconnue » for an unknown date."""
    if d is None:
        return "inconnue"
    return f"{weekday(d)} {d.day:02d}/{d.month:02d}/{d.year}"


def explanation_amount(value: Decimal) -> str:
    """« 8 233,33 € » with plain spaces (rounded half-up to the cent)."""
    return f"{cents(value):,.2f} €".replace(",", " ").replace(".", ",")


# --- reports of the mention check and the command line ---------------------------------------


def report_date(d: date) -> str:
    """« mardi 1er avril 2026 »."""
    day = "1er" if d.day == 1 else str(d.day)
    return f"{weekday(d)} {day} {MONTHS[d.month - 1]} {d.year}"


def report_amount(value: Decimal) -> str:
    """« 8 233,33 € » with a narrow no-break space between thousands (truncated to the cent)."""
    value = value.quantize(Decimal("0.01"))
    whole, _, hundredths = f"{abs(value):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    sign = "-" if value < 0 else ""
    return sign + NNBSP.join(groups) + "," + hundredths + NBSP + "€"


def cli_date(d: Optional[date], unknown: str = "inconnue") -> str:
    """« 24/03/2026 »; ``unknown`` for an unknown date."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d else unknown


def plain_decimal(value: object, decimals: Optional[int] = None) -> str:
    """« 1,5 », « 2 » for the command line: the value as written, or with ``decimals`` decimals,
    with a decimal comma and no grouping."""
    text = str(value) if decimals is None else f"{value:.{decimals}f}"
    return text.replace(".", ",")


def duration(seconds: float) -> str:
    """« 4,2 s », « 3 min 05 s »."""
    if seconds < 60:
        return plain_decimal(seconds, 1) + " s"
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes} min {rest:02d} s"
