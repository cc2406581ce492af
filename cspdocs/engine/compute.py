"""From a validated case to computed facts: a thin compute that orders the law modules.

Each step lives in its own module with its sources: the procedure and the handover (procedure.py),
the reflection period (reflection.py), the letter (letter.py), the CSP's dates (csp_dates.py), the
amounts (compensation.py), the findings (validity.py, procedure_rules.py) and what the documents may
state (documents.py). The order of the calls is the order of the explanations and warnings.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any, Iterable, Optional

from ..case.model import Dossier, Salarie
from ..case.places import calendar_for
from . import case_findings
from . import journal as J
from . import follow_up as T
from . import parameters as PR
from . import procedure_rules as P
from . import refusal_dates as R
from .collector import Collector, explain_remaining
from .compensation import CONTRACT_AMOUNT_KEYS, compute_amounts
from .csp_dates import contribution_due, csp_dates, procedure_dates
from .documents import document_conditions, document_parameters
from .facts import CaseResult, EmployeeResult
from .letter import letter_dates, letter_variant, variant_for
from .procedure import engagement_date, handover, procedural_handover, record_handover, regime
from .reflection import reflection_period
from .validity import blocking_errors, journal_in_future, review_warnings

__all__ = [
    "CONTRACT_AMOUNT_KEYS", "CONTRACT_DATE_KEYS", "blocking_errors", "calendar_zone", "compute_dossier",
    "compute_salarie", "engagement_date", "handover", "regime", "variant_for",
]

CONTRACT_DATE_KEYS = (
    "remise",
    "debut_delai_reflexion",
    "fin_delai_reflexion",
    "envoi_lettre_au_plus_tot",
    "envoi_lettre",
    "rupture_si_acceptation",
    "debut_csp",
    "fin_csp",
    "fin_10e_mois_csp",
    "echeance_contribution_employeur",
    "fin_priorite_reembauche",
)


def compute_salarie(dossier: Dossier, s: Salarie, regime_info: dict[str, Any], au: Optional[date] = None) -> EmployeeResult:
    c = Collector()
    raw, s = s, J.effective(s)  # issue 10: the journal's actual dates win over the planned ones
    if au is not None:
        journal_in_future(raw, au, c)
    cal = calendar_for(dossier.employeur, s)
    interview = s.date_entretien_prealable or dossier.procedure.date_entretien_prealable

    remise, circonstance, operateur = record_handover(dossier, s, c)
    c.one_year_months = PR.value("anciennete_un_an_mois", c.warn, engagement=engagement_date(dossier)[0])
    fin21, fin = reflection_period(s, cal, remise, c)
    envoi = letter_dates(dossier, raw, s, cal, remise, fin, c)
    lettre = letter_variant(s, envoi, fin, c)
    letter_operator = PR.value("operateur", c.warn, document=envoi or remise)
    csp_dates(s, fin, c)
    conditions = compute_amounts(dossier, s, c, fin or fin21, provisional=fin is None, lettre=lettre, envoi=envoi)
    payment_operator = contribution_due(fin, conditions["anciennete_un_an_ou_plus"], operateur, c)
    procedure_dates(dossier, s, remise, c)

    review_warnings(dossier, s, cal, remise, fin, lettre, c)
    relative_maternity = P.maternity(s, remise, envoi, fin, c, procedural_handover(dossier, s))
    P.redressement(dossier, envoi, c)
    P.ags_letter(dossier, envoi, c.dates.get("limite_garantie_ags"), c)
    P.rest_days(cal, interview, envoi, s.date_envoi_lettre is not None, c,
                recorded_envoi=raw.suivi is not None and raw.suivi.lettre_envoyee is not None)
    P.pse_decision(dossier, c)
    T.follow_up_plan(raw, s, c.dates, c.date)  # issue 10: follow-up documents due (engine/timeline.py)
    R.refusal_plan(s, lettre, c.amounts, c.date)  # review finding 9: notice end after a recorded refusal (L1234-3)
    explain_remaining(c)

    conditions.update(document_conditions(dossier, s, remise, regime_info, relative_maternity))
    return EmployeeResult(
        parameters=document_parameters(dossier, remise, fin or fin21, cal.zone == "mayotte"),
        employee=s,
        zone=cal.zone,
        operator=operateur,
        dates=c.dates,
        letter=lettre,
        amounts=c.amounts,
        explanations=tuple(c.explanations),
        warnings=c.warnings,
        handover_circumstance=circonstance,
        conditions=conditions,
        payment_operator=payment_operator,
        letter_operator=letter_operator,
        regime=regime_info,
        blockers=c.blockers,
        constats=tuple(c.constats),
    )


def calendar_zone(dossier: Dossier, s: Salarie) -> str:
    return calendar_for(dossier.employeur, s).zone


def compute_dossier(dossier: Dossier, nom: str, constats: Iterable[Any] = (), au: Optional[date] = None) -> CaseResult:
    """Facts for every employee. The regime depends on the place of work (R-04: Mayotte has its
    own convention); the case-level regime is the metropolitan one unless every employee works in
    Mayotte. ``constats``: the loader's non-blocking findings (``ChargedDossier.avertissements``),
    added to the warnings of the case or of the employee they name, with their file and line."""
    zones = [calendar_zone(dossier, s) == "mayotte" for s in dossier.salaries]
    regimes = {m: regime(dossier, m) for m in set(zones)}
    with collector_paused():
        results = tuple(compute_salarie(dossier, s, regimes[m][0], au) for s, m in zip(dossier.salaries, zones))
    main = regimes[all(zones)]
    case_found, employee_found = case_findings.route(constats, len(results))
    if employee_found:
        results = tuple(
            replace(r, warnings=tuple(f.text for f in employee_found[i]) + r.warnings,
                    constats=tuple(employee_found[i]) + r.constats) if i in employee_found else r
            for i, r in enumerate(results)
        )
    findings = case_found + [w for r in regimes.values() for w in r[1]]
    warnings = list(dict.fromkeys(f.text for f in findings))
    return CaseResult(name=nom, case=dossier, regime=main[0], employees=results, warnings=tuple(warnings), as_of=au,
                           constats=tuple(dict((f.text, f) for f in findings).values()))


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off while the employees are computed: the engine makes no
    reference cycle (its values are freed by reference counting), but every employee leaves some forty
    explanations that live as long as the result, and each full collection, triggered as they pile up,
    traversed the whole heap again (about a quarter of the engine's time at 5,000 employees). The
    collector is left as found (a caller that disabled it keeps it disabled)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
