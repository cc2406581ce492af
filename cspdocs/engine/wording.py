"""Gender agreement of the engine's French prose about one employee (issue 8): « la salariée » for
« Madame », « le salarié » otherwise, as the documents address the employee (``civilite``)."""

from __future__ import annotations

from typing import Any


def feminine(s: Any) -> bool:
    return getattr(s, "civilite", None) == "Madame"


def le_salarie(s: Any, capital: bool = False) -> str:
    """« le salarié » / « la salariée » (capitalised at the start of a sentence)."""
    text = "la salariée" if feminine(s) else "le salarié"
    return text[0].upper() + text[1:] if capital else text


def protege(s: Any, capital: bool = True) -> str:
    """« Salarié protégé » / « Salariée protégée »."""
    text = "salariée protégée" if feminine(s) else "salarié protégé"
    return text[0].upper() + text[1:] if capital else text


def il(s: Any) -> str:
    return "elle" if feminine(s) else "il"
