"""One spreadsheet cell -> the value the model expects, or a French problem.

Cells come as text (CSV, or text cells of a workbook) or as the workbook's own values (``datetime``
for date cells, ``int``/``float`` for numbers, ``bool``). Accepted, per kind of column:
- dates: a date cell, ``JJ/MM/AAAA`` (also ``J/M/AAAA``, ``JJ.MM.AAAA``, ``JJ-MM-AAAA``), ``AAAA-MM-JJ``,
  or an Excel date serial number in a number cell; two-digit years are refused (ambiguous);
- amounts: a number cell, ``3781.48``, ``3 781,48 €``, ``3.781,48``, ``44 %`` (= 0.44); a number cell's
  binary float within 1e-9 (relative) of a value to the cent is read as that value (``_float_amount``);
- yes/no: ``Oui``/``Non`` (also ``vrai``/``faux``, ``true``/``false``, ``1``/``0``, ``x``), a boolean cell;
- choices: the value or one of its French labels (colonnes.py);
- ``salaires_12_derniers_mois``: amounts separated by ``|``, oldest first.

A problem is a message template without the value (``generique``) plus the value itself, so that the
same problem on many rows can be reported once (regroupement.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, Optional, Union

from .colonnes import Colonne, choix_lu
from .fields import BOOL, DATE, DECIMAL, INT, LIST, MODEL

TRUE = {"oui", "o", "vrai", "true", "1", "yes", "y", "x"}
FALSE = {"non", "n", "faux", "false", "0", "no"}
LIST_SEPARATOR = "|"
# Excel's day 0 (its serial numbers count days from 1899-12-30 once the 1900 leap-year bug is past)
_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (10_000, 100_000)  # 1927-05-18 .. 2173-10-14: other numbers are not dates
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


@dataclass(frozen=True)
class Probleme:
    generique: str  # "n'est pas une date valide (attendu JJ/MM/AAAA)"
    valeur: Optional[str] = None  # what the user wrote, when it helps

    def message(self) -> str:
        return f"« {self.valeur} » {self.generique}" if self.valeur is not None else self.generique


Lu = Union[Any, Probleme]


def shown(value: Any, limit: int = 40) -> str:
    """A cell value safe to quote in a message: one line, control characters removed, cut short."""
    text = str(value)
    text = "".join(" " if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0) else c for c in text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def as_date(value: Any) -> Lu:
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            return Probleme("contient une heure : attendu une date seule (JJ/MM/AAAA)", shown(_text(value)))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value < _SERIAL_RANGE[1] and float(value).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return Probleme("n'est pas une date (attendu JJ/MM/AAAA)", shown(_text(value)))
    text = _text(value)
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = match.groups()
        if len(year) != 4:
            return Probleme("a une année sur deux chiffres : écrivez-la sur quatre (JJ/MM/AAAA)", shown(text))
        parts = int(year), int(month), int(day)
    elif _ISO.fullmatch(text):
        parts = tuple(int(p) for p in _ISO.fullmatch(text).groups())  # type: ignore[assignment]
    else:
        return Probleme("n'est pas une date (attendu JJ/MM/AAAA)", shown(text))
    try:
        return date(*parts)
    except ValueError:
        return Probleme("n'est pas une date qui existe (attendu JJ/MM/AAAA)", shown(text))


# A number cell computed by Excel holds a binary float: « =2100+97,31*24 » is stored as
# 4435.440000000001 and shown as 4 435,44 €. A float within a relative 1e-9 of a value with at most
# two decimals is read as that value (no amount, month count or rate of a case needs more precision
# than 1e-9 of itself); any other float is read as written (and the bounds say if it has too many decimals).
ARRONDI_RELATIF = Decimal("1e-9")


def _float_amount(value: float) -> Decimal:
    exact = Decimal(repr(value))
    cents = exact.quantize(Decimal("0.01"))
    if cents != exact and abs(cents - exact) <= ARRONDI_RELATIF * max(abs(exact), Decimal(1)):
        return cents.normalize() if cents == cents.to_integral_value() else cents
    return exact


def as_decimal(value: Any) -> Lu:
    if isinstance(value, bool):
        return Probleme("n'est pas un nombre (exemple : 3 781,48)", shown(_text(value)))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return _float_amount(value)
    text = _text(value)
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", text)
    cleaned = re.sub(r"(€|eur|euros?)$", "", cleaned, flags=re.IGNORECASE)
    percent = cleaned.endswith("%")
    cleaned = cleaned.removesuffix("%")
    if "," in cleaned and "." in cleaned:  # the last one is the decimal separator
        thousands = "." if cleaned.rfind(",") > cleaned.rfind(".") else ","
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        return Probleme("n'est pas un nombre (exemple : 3 781,48)", shown(text))
    try:
        number = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern already checked it
        return Probleme("n'est pas un nombre (exemple : 3 781,48)", shown(text))
    return number / 100 if percent else number


def as_bool(value: Any) -> Lu:
    if isinstance(value, bool):
        return value
    low = _text(value).lower()
    if low in TRUE:
        return True
    if low in FALSE:
        return False
    return Probleme("ne convient pas (attendu : Oui ou Non)", shown(_text(value)))


def as_text(colonne: Colonne, value: Any) -> Lu:
    text = _text(value)
    if colonne.choix:
        chosen = choix_lu(colonne.cle, text)
        if chosen is None:
            labels = ", ".join(f"« {label} »" for _, label in colonne.choix)
            return Probleme(f"n'est pas une valeur admise (valeurs possibles : {labels})", shown(text))
        return chosen
    if colonne.cle.endswith("code_postal") and isinstance(value, (int, float)) and len(text) == 4:
        return "0" + text  # a spreadsheet drops the leading zero of 01000..09999
    return text


def as_list(value: Any) -> Lu:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [as_decimal(value)]
    items = []
    for part in _text(value).split(LIST_SEPARATOR):
        item = as_decimal(part.strip())
        if isinstance(item, Probleme):
            return Probleme("ne convient pas : attendu des montants séparés par « | » (ex. 2 850,00|2 900,00)",
                            shown(_text(value)))
        items.append(item)
    return items


def convert(colonne: Colonne, value: Any) -> Lu:
    """The model value of one non-empty cell, or a ``Probleme``."""
    kind = colonne.genre
    if kind == DATE:
        return as_date(value)
    if kind in (DECIMAL, INT):
        return as_decimal(value)
    if kind in (BOOL, MODEL):
        return as_bool(value)
    if kind == LIST:
        return as_list(value)
    return as_text(colonne, value)


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
