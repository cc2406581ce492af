"""Gender agreement of the engine's French prose about one employee (issue 8): « la salariée » for
« Madame », « le salarié » otherwise, as the documents address the employee (``civilite``).

Each helper takes the employee or its ``civilite`` (the term the explanation templates carry)."""

from __future__ import annotations

from typing import Any


def feminine(s: Any) -> bool:
    civilite = s if isinstance(s, str) or s is None else getattr(s, "civilite", None)
    return civilite == "Madame"


def _cap(text: str, capital: bool) -> str:
    return text[0].upper() + text[1:] if capital else text


def le_salarie(s: Any, capital: bool = False) -> str:
    """« le salarié » / « la salariée » (capitalised at the start of a sentence)."""
    return _cap("la salariée" if feminine(s) else "le salarié", capital)


def au_salarie(s: Any) -> str:
    """« au salarié » / « à la salariée »."""
    return "à la salariée" if feminine(s) else "au salarié"


def du_salarie(s: Any) -> str:
    """« du salarié » / « de la salariée »."""
    return "de la salariée" if feminine(s) else "du salarié"


def protege(s: Any, capital: bool = True) -> str:
    """« Salarié protégé » / « Salariée protégée »."""
    return _cap("salariée protégée" if feminine(s) else "salarié protégé", capital)


def absent(s: Any) -> str:
    """« salarié absent » / « salariée absente »."""
    return "salariée absente" if feminine(s) else "salarié absent"


def il(s: Any) -> str:
    return "elle" if feminine(s) else "il"


def e(s: Any) -> str:
    """The feminine ending of a past participle: « informé{e} »."""
    return "e" if feminine(s) else ""
