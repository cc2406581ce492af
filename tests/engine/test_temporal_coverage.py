"""Issue 9, in the Catala manner: the law is total over time.

A representative case of each procedure is computed for a handover every quarter from January 2011
(before the CSP existed) to December 2027 (after the last known convention): every dated lookup
resolves or yields a warning with a rule code of the registry, and nothing raises.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml

from cspdocs.case.model import Dossier
from cspdocs.engine.compute import compute_dossier
from cspdocs.rules.lookup import parameters
from cspdocs.rules.registre import codes_in, regles
from tests.support.engine import case_dict_for

QUARTERS = [date(year, month, 15) for year in range(2011, 2028) for month in (1, 4, 7, 10)]


def _case(kind: str, day: date) -> Dossier:
    iso = day.isoformat()
    if kind == "individual":
        inp = {"procedure": "individual", "interview_date": iso, "cadre": True}
    elif kind == "collective_10plus":
        inp = {"procedure": "collective_10plus_no_pse", "company_headcount": 40, "cse_exists": True,
               "last_cse_meeting": iso, "dreets_notification_date": (day - timedelta(days=20)).isoformat()}
    else:
        inp = {"procedure": "pse", "decision_notified": iso}
    data = case_dict_for(inp)
    s = data["salaries"][0]
    s.update(salaire_journalier_reference=90, taux_charges_patronales=0.42, date_entree="2005-02-28",
             fin_protection_maternite=(day - timedelta(days=20)).isoformat(), impossibilite_maintien_contrat="Fermeture du site.")
    if kind == "pse":
        data["employeur"].update(procedure_collective="liquidation", date_jugement=(day - timedelta(days=5)).isoformat(),
                                 mandataire={"nom": "Me Liquidateur", "qualite": "Liquidateur judiciaire"})
    return Dossier.model_validate(yaml.safe_load(yaml.safe_dump(data)))


def _regime_known(day: date) -> bool:
    return any(p.covers(day) for p in parameters()["regime_csp"].periodes)


@pytest.mark.parametrize("kind", ["individual", "collective_10plus", "pse"])
def test_every_quarter_resolves_or_warns(kind):
    known = regles()
    for day in QUARTERS:
        result = compute_dossier(_case(kind, day), f"{kind}-{day}")
        r = result.employees[0]
        warnings = list(result.warnings) + list(r.warnings)
        for w in warnings:
            codes = codes_in(w.split(" : ", 1)[0])
            assert codes and all(c in known for c in codes), (day, w)
        assert r.dates["remise"] is not None and r.dates["fin_delai_reflexion"] is not None, day
        if not _regime_known(r.dates["remise"]) and not _regime_known(result.regime.get("date_engagement") or day):
            assert any(w.startswith("A11") for w in warnings), (day, warnings)
        if day < date(2011, 9, 1):
            # before the CSP: every parameter starting then is out of period and says so
            assert any("aucun texte connu ne fixe" in w for w in r.warnings), day
