"""Documented limits of cspdocs, as data (README « Limites et fiabilité » lists them for users).

Limits protect the machine (a case file cannot make cspdocs use gigabytes of memory or recurse
without end) and the employer (a value no real case can have, such as a hire date in year 1 or a
salary of 10^26 €, is refused with the plausible range instead of producing an absurd indemnity).
They are plausibility bounds, not legal rules: the law's dates and amounts live in the engine and
in cspdocs/rules/parametres.yaml. The lower bound of the procedure's dates is the first day the
rules data covers (the CSP exists since 1 September 2011), read from that data by
``procedure_dates_start``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Optional

# --- size of the inputs ----------------------------------------------------------------------
#: Largest case file (YAML) or employees' file (CSV) read, in bytes (10 Mio: about 10,000 employees).
MAX_FILE_BYTES = 10 * 1024 * 1024
#: Most employees in one case (split larger procedures into several case files).
MAX_EMPLOYEES = 10_000
#: Deepest nesting of groups and lists in a case file (a valid case needs 4 levels).
MAX_NESTING = 20
#: Most YAML values once references (``*ancre``) are expanded (guards against alias bombs).
MAX_YAML_NODES = 2_000_000
#: Longest text of a long free-text key (the economic motive, the redeployment search).
MAX_LONG_TEXT = 50_000
#: Longest text of any other key (names, addresses, job titles...).
MAX_TEXT = 5_000
#: Keys whose text may be long (several paragraphs).
LONG_TEXT_KEYS = frozenset({"faits", "reclassement"})


# --- plausible values ------------------------------------------------------------------------
@dataclass(frozen=True)
class Plage:
    """Plausible range of a number, inclusive; ``unite`` is shown in the message."""

    minimum: Decimal
    maximum: Decimal
    unite: str = ""


_EUROS = "€"
#: Plausible range of each numeric key, by key name (the same key means the same thing everywhere).
NUMBERS: dict[str, Plage] = {  # (taux_charges_patronales: the model bounds it, 0 to 2)
    "salaire_brut_mensuel": Plage(Decimal(0), Decimal(1_000_000), _EUROS),
    "salaires_12_derniers_mois": Plage(Decimal(0), Decimal(1_000_000), _EUROS),  # each month
    "primes_annuelles_3_derniers_mois": Plage(Decimal(0), Decimal(10_000_000), _EUROS),
    "indemnite_conventionnelle": Plage(Decimal(0), Decimal(10_000_000), _EUROS),
    "salaire_journalier_reference": Plage(Decimal(0), Decimal(50_000), _EUROS),
    "preavis_mois": Plage(Decimal(0), Decimal(24), "mois"),
    "mois_non_comptes_anciennete": Plage(Decimal(0), Decimal(720), "mois"),
    "effectif": Plage(Decimal(1), Decimal(1_000_000), "salariés"),
    "effectif_groupe": Plage(Decimal(1), Decimal(10_000_000), "salariés"),
}

#: Most digits after the decimal point of an amount (cents are 2; rates need a few more).
MAX_DECIMALS = 6

#: Latest date a case can concern.
LAST_DATE = date(2099, 12, 31)
#: Earliest plausible hire date.
FIRST_HIRE_DATE = date(1950, 1, 1)
#: Earliest plausible date of an event before the procedure (court judgment, end of a maternity
#: protection, proposal of a modification, a local holiday).
FIRST_OTHER_DATE = date(2000, 1, 1)
#: Longest plausible seniority at the time of the procedure, in years.
MAX_SENIORITY_YEARS = 60
#: Date keys checked against FIRST_HIRE_DATE / FIRST_OTHER_DATE; every other date key is an event
#: of the procedure, on or after ``procedure_dates_start()``.
HIRE_DATE_KEYS = frozenset({"date_entree"})
OTHER_DATE_KEYS = frozenset({
    "date_jugement", "fin_protection_maternite", "date_proposition_modification",
    "jours_feries_supplementaires",
})


@lru_cache(maxsize=1)
def procedure_dates_start() -> date:
    """First day covered by the rules data (the first CSP text): no procedure can be earlier."""
    from .rules.lookup import parameters

    return min(period.du for period in parameters()["regime_csp"].periodes)


def date_range(key: Optional[str]) -> tuple[date, date]:
    """Plausible range of the date key ``key`` (inclusive)."""
    if key in HIRE_DATE_KEYS:
        return FIRST_HIRE_DATE, LAST_DATE
    if key in OTHER_DATE_KEYS:
        return FIRST_OTHER_DATE, LAST_DATE
    return procedure_dates_start(), LAST_DATE


def text_limit(key: Optional[str]) -> int:
    return MAX_LONG_TEXT if key in LONG_TEXT_KEYS else MAX_TEXT
