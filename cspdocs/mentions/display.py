"""French display of a fact's value in the reports (dates, amounts, yes/no, numbers)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from .. import formats
from .value_forms import NUMBER_FACTS


def display(value: Any, path: str = "") -> str:
    if value is None:
        return "(valeur inconnue)"
    if isinstance(value, date):
        return formats.report_date(value)
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Decimal) and path not in NUMBER_FACTS:
        return formats.report_amount(value)
    if isinstance(value, (int, Decimal, float)):
        return str(value).replace(".", ",")
    return str(value)
