"""Safe texts and plausible values, checked on the data as read (YAML or CSV) before the model.

- Texts: no bidirectional embedding/override/isolate character (U+202A-U+202E, U+2066-U+2069: they
  make a document display another text than the one written), not made only of invisible
  characters (zero-width, control), at most the documented length. A number or a date written with
  control characters is refused before a message echoes it.
- Numbers and dates: inside the plausible ranges of cspdocs/limits.py (a salary of 10^26 €, a hire
  date in year 1 or a notice of 10^9 months is refused with the range instead of crashing the
  engine or producing an absurd indemnity); seniority at most MAX_SENIORITY_YEARS.

Each problem is ``(key path, French message)``; values this module cannot read (not a number, not an
ISO date) are left to the model's own messages. Pure functions: no file access.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator, Optional

from babel.numbers import format_decimal

from .. import limits
from ..formats import cli_date, plain_decimal
from .fields import DATE, DECIMAL, INT, STR, kind_at

Problem = tuple[tuple, str]

#: Embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). The marks
#: U+200E, U+200F and U+061C only affect neutral characters next to them: they are accepted.
BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def code_point(character: str) -> str:
    return f"U+{ord(character):04X}"


def visible(character: str) -> bool:
    """False for spaces, controls, formats (zero-width...), unassigned and private-use characters."""
    category = unicodedata.category(character)
    return not (character.isspace() or category in ("Cc", "Cf", "Cn", "Co", "Cs", "Zs", "Zl", "Zp")
                or character in "\u115f\u1160\u3164\uffa0\u2800")  # Hangul fillers, blank Braille


def text_problem(key: Optional[str], text: str) -> Optional[str]:
    """Why ``text`` cannot be the value of ``key``, or None. Other control characters are accepted:
    the documents leave out those XML cannot carry (see render/)."""
    bidi = sorted({code_point(c) for c in text if c in BIDI_CONTROLS})
    if bidi:
        return (f"caractère de contrôle de la direction du texte ({', '.join(bidi)}) interdit : il peut "
                "faire afficher dans le document un autre texte que celui saisi ; supprimez-le")
    if text.strip() and not any(visible(c) for c in text):  # blank text: the model's own message
        return ("ne contient que des caractères invisibles (caractères de largeur nulle ou de contrôle) : "
                "saisissez la valeur ou supprimez la clé")
    limit = limits.text_limit(key)
    if len(text) > limit:
        return f"texte trop long ({french_number(len(text))} caractères ; au plus {french_number(limit)})"
    return None


def _decimal(value: Any) -> Optional[Decimal]:
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        return None
    try:
        number = Decimal(value.strip().replace(",", ".") if isinstance(value, str) else str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _decimal_places(number: Decimal) -> int:
    """Significant digits after the decimal point (trailing zeros do not count)."""
    _, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    written = "".join(map(str, digits))
    return max(0, -exponent - (len(written) - len(written.rstrip("0"))))


def french_number(number, pattern: Optional[str] = None) -> str:
    return format_decimal(number, format=pattern, locale="fr_FR")


def number_problem(key: Optional[str], value: Any) -> Optional[str]:
    number = _decimal(value)
    if number is None:
        return None
    plage = limits.NUMBERS.get(key or "")
    if _decimal_places(number) > limits.MAX_DECIMALS:
        return f"« {plain_decimal(value)} » : au plus {limits.MAX_DECIMALS} chiffres après la virgule"
    if plage is None or number <= plage.maximum:
        return None  # below the minimum: the model's own bound says it (« doit être supérieur ou égal à 0 »)
    unit = f" {plage.unite}" if plage.unite else ""
    return (f"« {value} » hors de la plage plausible (de {french_number(plage.minimum)} à "
            f"{french_number(plage.maximum)}{unit}) : vérifiez la valeur")


def _date(value: Any) -> Optional[date]:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def date_problem(key: Optional[str], value: Any) -> Optional[str]:
    day = _date(value)
    if day is None:
        return None
    first, last = limits.date_range(key)
    if first <= day <= last:
        return None
    return (f"« {day.isoformat()} » hors de la plage plausible (du {cli_date(first)} au {cli_date(last)}) : "
            "vérifiez la date")


def _key(loc: tuple) -> Optional[str]:
    """The key a value belongs to (the list's key for a list item)."""
    return next((part for part in reversed(loc) if isinstance(part, str)), None)


def _walk(value: Any, loc: tuple) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield from _walk(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, loc + (index,))
    else:
        yield loc, value


def _value_problem(loc: tuple, value: Any) -> Optional[str]:
    kind = kind_at(loc)
    key = _key(loc)
    if isinstance(value, str):
        # every text the user wrote, even under a key the model refuses, before a message echoes it
        problem = text_problem(key, value) if kind == STR else _foreign_text(value)
        if problem:
            return problem
    if kind in (DECIMAL, INT):
        return number_problem(key, value)
    if kind == DATE:
        return date_problem(key, value)
    return None


def _foreign_text(value: str) -> Optional[str]:
    """A number or date written with hostile characters: said before the model echoes them."""
    if any(c in BIDI_CONTROLS or unicodedata.category(c) == "Cc" for c in value):
        return text_problem(None, value)
    return None


def _plausible(day: Optional[date], key: Optional[str]) -> Optional[date]:
    first, last = limits.date_range(key)
    return day if day is not None and first <= day <= last else None


def _seniority_problems(data: dict) -> Iterator[Problem]:
    procedure = data.get("procedure") if isinstance(data.get("procedure"), dict) else {}
    common = [_date(procedure.get(k)) for k in ("date_entretien_prealable", "date_engagement")]
    employees = data.get("salaries")
    for index, employee in enumerate(employees if isinstance(employees, list) else []):
        if not isinstance(employee, dict):
            continue
        hired = _plausible(_date(employee.get("date_entree")), "date_entree")
        own = [_date(employee.get(k)) for k in ("date_convocation", "date_entretien_prealable", "date_remise")]
        events = [d for d in own + common if _plausible(d, None) is not None]  # others are reported
        if hired is None or not events:
            continue
        years = (min(events) - hired).days / 365.25
        if years > limits.MAX_SENIORITY_YEARS:
            yield (("salaries", index, "date_entree"),
                   f"ancienneté de {int(years)} ans à la date de la procédure : au plus "
                   f"{limits.MAX_SENIORITY_YEARS} ans sont plausibles ; vérifiez la date d'entrée")


def check_values(data: dict) -> list[Problem]:
    """Every unsafe text and implausible value of the case ``data`` (plain data, as read)."""
    problems = [(loc, message) for loc, value in _walk(data, ())
                if (message := _value_problem(loc, value)) is not None]
    flagged = {loc for loc, _ in problems}
    problems += [p for p in _seniority_problems(data) if p[0] not in flagged]
    return problems
