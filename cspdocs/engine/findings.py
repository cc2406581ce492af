"""Findings about a case file: the one shape of a finding the law package reports before computing
(the case checks) — a key path, a French message citing its rule, whether it blocks the case."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..formats import cli_date

@dataclass(frozen=True)
class Finding:
    """A finding about the case file, with its rule ``code``. A warning's ``message`` starts with
    the code (``"R-48 : ..."``), like the engine's warnings, so that every output shows and groups
    it; a blocking error cites its rule at the end of the message, as the loader's errors do."""

    loc: tuple  # key path the message is about
    message: str
    bloquant: bool = True
    at: Optional[tuple] = None  # key whose line is shown, when it is not ``loc``
    code: str = ""

    def __post_init__(self) -> None:
        if self.code and not self.bloquant and not self.message.startswith(self.code + " : "):
            object.__setattr__(self, "message", f"{self.code} : {self.message}")


day_text = cli_date  # « 24/03/2026 » (cspdocs/formats.py)


def thousands(number: int) -> str:
    """1200 -> "1 200" (French thousands separator, no-break space)."""
    return f"{number:,}".replace(",", "\u00a0")


def employee_path(i: int, *keys: str) -> tuple:
    return ("salaries", i) + keys
