"""Findings about a case file: the one shape of a finding the law package reports before computing
(the case checks) — a key path, a French message citing its rule, whether it blocks the case."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..formats import cli_date

@dataclass(frozen=True)
class Finding:
    """A finding, before computation (the case checks) or after it (the engine): its rule ``code``
    (regles.yaml), the key path it is about (``loc``, within the employee for the engine's), whether it
    blocks the case, its French ``message`` and its source ids. Every output is a view of it: the
    warning line (``text``: ``"R-48 : ..."``), the loader's located error, the JSON and the reports."""

    loc: tuple  # key path the message is about
    message: str  # French, without the code
    blocking: bool = True
    at: Optional[tuple] = None  # key whose line is shown, when it is not ``loc``
    code: str = ""
    sources: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        """« erreur » or « avertissement » (the JSON's ``niveau``)."""
        return "erreur" if self.blocking else "avertissement"

    @property
    def text(self) -> str:
        """The line users read: a warning starts with its code (``"R-48 : ..."``); a blocking error
        cites its rule at the end of its message, as the loader's errors do."""
        return f"{self.code} : {self.message}" if self.code and not self.blocking else self.message


day_text = cli_date  # « 24/03/2026 » (cspdocs/formats.py)


def thousands(number: int) -> str:
    """1200 -> "1 200" (French thousands separator, no-break space)."""
    return f"{number:,}".replace(",", "\u00a0")


def employee_path(i: int, *keys: str) -> tuple:
    return ("salaries", i) + keys
