"""The French forms of dates, amounts and numbers as regular expressions over folded text
(``mardi 24 mars 2026``, ``24/03/2026``, ``5 700,00 €``, ``5 700 euros``), and reading a date or an
amount back from a match."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, Mapping, Optional

from .. import formats

MONTHS = (
    "janvier", "fevrier", "mars", "avril", "mai", "juin",
    "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
)
WEEKDAYS = formats.WEEKDAYS

# facts whose Decimal value is a number (months, years), not an amount in euros
NUMBER_FACTS = ("montants.preavis_mois", "montants.anciennete_annees")


DATE_ANY = (
    r"(?:(?:" + "|".join(WEEKDAYS) + r")\s?,?\s?)?(?<!\d)(?P<j{n}>1er|[0-3]?\d)\s?(?P<m{n}>"
    + "|".join(MONTHS) + r")\s?(?P<a{n}>\d{{4}})(?!\d)"
    r"|(?<!\d)(?P<jj{n}>[0-3]?\d)\s?[/.]\s?(?P<mm{n}>[01]?\d)\s?[/.]\s?(?P<aa{n}>\d{{4}})(?!\d)"
)
MONEY_ANY = r"(?<![\d,.])(?P<e{n}>\d{{1,3}}(?:[\s.]?\d{{3}})*(?:[,.]\d{{2}})?)\s?(?:€|eur\b|euros?)"


@lru_cache(maxsize=4096)
def date_regex(d: date) -> str:
    day = r"(?:1er|0?1)" if d.day == 1 else f"0?{d.day}"
    weekday = WEEKDAYS[d.weekday()]
    long_form = rf"(?:{weekday}\s?,?\s?)?(?<!\d){day}\s?{MONTHS[d.month - 1]}\s?{d.year}(?!\d)"
    short_form = rf"(?<!\d)0?{d.day}\s?[/.]\s?0?{d.month}\s?[/.]\s?{d.year}(?!\d)"
    return f"(?:{long_form}|{short_form})"


@lru_cache(maxsize=4096)
def money_regex(value: Decimal) -> str:
    value = value.quantize(Decimal("0.01"))
    whole, cents = divmod(abs(value), 1)
    digits = str(int(whole))
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    integer = r"[\s.]?".join(groups)
    c = int(cents * 100)
    decimals = r"(?:[,.]00)?" if c == 0 else rf"[,.]{c:02d}"
    sign = r"-\s?" if value < 0 else ""
    return rf"(?<![\d,.]){sign}{integer}{decimals}\s?(?:€|eur\b|euros?)"


def number_regex(value: Any) -> str:
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return rf"(?<![\d,]){int(d)}(?:,0+)?(?![\d])"
    text = format(d.normalize(), "f").replace(".", ",")
    return rf"(?<![\d,]){re.escape(text)}(?![\d])"


def parse_date(groups: Mapping[str, Optional[str]], n: int) -> Optional[date]:
    try:
        if groups.get(f"j{n}"):
            day = 1 if groups[f"j{n}"] == "1er" else int(groups[f"j{n}"])
            return date(int(groups[f"a{n}"]), MONTHS.index(groups[f"m{n}"]) + 1, day)
        if groups.get(f"jj{n}"):
            return date(int(groups[f"aa{n}"]), int(groups[f"mm{n}"]), int(groups[f"jj{n}"]))
    except (ValueError, TypeError):
        return None
    return None


def parse_money(text: str) -> Optional[Decimal]:
    text = re.sub(r"[\s]", "", text)
    if re.search(r",\d{2}$", text):
        text = text.replace(".", "").replace(",", ".")
    elif re.search(r"\.\d{2}$", text):
        text = text[:-3].replace(".", "") + text[-3:]
    else:
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except Exception:
        return None

