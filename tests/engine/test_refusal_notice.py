"""Review finding 9 in the plan (issue 10 leftover): after a refusal the case records, ``compute`` gives the
end of the notice, counted from the first presentation of the letter (L1234-1, L1234-3), as an added key
``dates.fin_preavis_refus`` with its explanation, sources and rule, like every other date.

Built on tests/case/test_case_loading.BASE (Metz, handover at the interview on Tue 03/03/2026, last day of
the period Tue 24/03/2026, in the firm since 2015: two months' notice).
"""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from cspdocs.casework import load_case
from cspdocs.cli import main
from cspdocs.engine.actions import follow_up
from tests.case.test_case_loading import write
from tests.engine.test_timeline import with_employee

REFUSED = ("reponse: {decision: refus, date: 2026-03-10}",
           "suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-12, presentation_lettre: 2026-03-13}")


def employee(tmp_path, *lines):
    _, result = load_case(write(tmp_path, with_employee(*lines)))
    return result, result.employees[0]


def test_a_recorded_refusal_dates_the_end_of_the_notice(tmp_path):
    _, rs = employee(tmp_path, *REFUSED)
    assert rs.dates["fin_preavis_refus"] == date(2026, 5, 13)  # two months from the presentation, 13/03
    e = rs.explanation("dates.fin_preavis_refus")
    assert e.reasoning.startswith("Refus du CSP le mardi 10/03/2026 : le préavis de 2 mois court de la première "
                                     "présentation de la lettre de licenciement (vendredi 13/03/2026) et prend fin le "
                                     "mercredi 13/05/2026")
    assert "C. trav. art. L1234-3" in e.sources and "C. trav. art. L1234-1" in e.sources
    assert dict(e.terms) == {"presentation_lettre": date(2026, 3, 13), "preavis_mois": 2, "refus": date(2026, 3, 10)}
    assert e.rule == "R-46"


def test_the_plan_and_suivi_give_the_same_end_of_contract(tmp_path):
    result, rs = employee(tmp_path, *REFUSED)
    [todo] = [a for a in follow_up(result.case, rs, date(2026, 3, 20))["actions"] if a["action"] == "documents_fin_contrat"]
    assert todo["echeance"] == rs.dates["fin_preavis_refus"]


def test_a_dismissal_letter_after_the_period_is_a_recorded_refusal(tmp_path):
    _, rs = employee(tmp_path, "suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-26, presentation_lettre: 2026-03-27}")
    assert rs.letter["variante"] == "licenciement"
    assert rs.dates["fin_preavis_refus"] == date(2026, 5, 27)
    e = rs.explanation("dates.fin_preavis_refus")
    assert e.reasoning.startswith("Refus du CSP (délai de réflexion expiré sans réponse, lettre de licenciement)")
    assert "Convention du 26 janvier 2015, art. 5 § 1" in e.sources


def test_no_end_of_notice_while_the_refusal_or_the_presentation_is_not_recorded(tmp_path):
    cases = {
        "presentation unknown": ("reponse: {decision: refus, date: 2026-03-10}",
                                 "suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-12}"),
        "no answer, letter during the period": (
            "suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-12, presentation_lettre: 2026-03-13}",),
        "accepted": ("reponse: {decision: acceptation, date: 2026-03-10}",
                     "suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-12, presentation_lettre: 2026-03-13}"),
    }
    for why, lines in cases.items():
        _, rs = employee(tmp_path, *lines)
        assert "fin_preavis_refus" not in rs.dates, why
        assert rs.explanation("dates.fin_preavis_refus") is None, why


def test_compute_json_adds_the_key_with_its_explanation_and_rule(tmp_path):
    result = CliRunner().invoke(main, ["compute", str(write(tmp_path, with_employee(*REFUSED))), "--format", "json"])
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)["salaries"]
    assert entry["dates"]["fin_preavis_refus"] == "2026-05-13"
    assert list(entry["dates"])[:11][-1] == "fin_priorite_reembauche"  # the contract's keys first, unchanged
    [e] = [e for e in entry["explications"] if e["fait"] == "dates.fin_preavis_refus"]
    assert e["valeur"] == "2026-05-13" and "C. trav. art. L1234-3" in e["sources"]
    assert entry["faits"]["dates.fin_preavis_refus"]["regle"] == "R-46"
    assert "ct-L1234-3" in entry["faits"]["dates.fin_preavis_refus"]["source_ids"]


def test_compute_text_shows_it_only_when_known(tmp_path):
    refused = CliRunner().invoke(main, ["compute", str(write(tmp_path, with_employee(*REFUSED))), "--sans-explications"])
    assert "Fin du préavis (refus)               mercredi 13/05/2026" in refused.stdout
    plain = CliRunner().invoke(main, ["compute", str(write(tmp_path, with_employee()))])
    assert "Fin du préavis (refus)" not in plain.stdout


def test_as_of_a_date_a_refusal_by_silence_counts_too():
    """cases/suivi/3-apres-rupture.yaml: S02 refused on 16/09, S03 never answered (period ended on 05/10); both
    letters were first presented on 24/09/2026 (README, « Suivre la procédure dans le temps »)."""
    from tests.support.paths import ROOT

    case = str(ROOT / "cases" / "suivi" / "3-apres-rupture.yaml")
    late = json.loads(CliRunner().invoke(main, ["compute", case, "--format", "json", "--au", "2026-11-20"]).stdout)
    by = {s["matricule"]: s for s in late["salaries"]}
    assert "fin_preavis_refus" not in by["S03"]["dates"]  # the plan: no answer recorded, letter during the period
    silence = by["S03"]["etat_au"]["fin_preavis_refus"]
    assert silence["valeur"] == "2026-11-24"
    assert silence["raisonnement"].startswith("Refus du CSP (délai de réflexion expiré le lundi 05/10/2026 sans réponse)")
    assert "C. trav. art. L1234-3" in silence["sources"]
    assert by["S02"]["etat_au"]["fin_preavis_refus"]["valeur"] == by["S02"]["dates"]["fin_preavis_refus"] == "2026-11-24"
    assert "fin_preavis_refus" not in by["S01"]["etat_au"]  # she accepted
    during = json.loads(CliRunner().invoke(main, ["compute", case, "--format", "json", "--au", "2026-10-05"]).stdout)
    assert "fin_preavis_refus" not in during["salaries"][2]["etat_au"]  # its last day: the period still runs for S03
