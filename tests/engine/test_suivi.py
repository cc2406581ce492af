"""Issue 10: the journal (`suivi`), the rules of time in the engine, and `cspdocs suivi`.

Built on tests/case/test_case_loading.BASE (Metz, individuel, interview Tue 03/03/2026; earliest letter
Thu 12/03/2026, last day of the period Tue 24/03/2026) and on the worked example cases/suivi/.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.casework import compute_charged
from tests.case.test_case_loading import BASE, errors_of, line_of, write
from tests.support.paths import ROOT

EXAMPLE = ROOT / "cases" / "suivi"
EMPLOYEE_END = "    salaire_brut_mensuel: 2850.00\n"


def with_employee(*lines: str) -> str:
    return BASE.replace(EMPLOYEE_END, EMPLOYEE_END + "".join(f"    {line}\n" for line in lines))


def run(*args):
    return CliRunner().invoke(main, list(args))


def one(tmp_path, text, au=None):
    charge = load_dossier(write(tmp_path, text))
    return compute_charged(charge, au).employees[0]


# --- rules of time in the engine ----------------------------------------------------------------

def test_recorded_acceptance_gives_the_post_acceptance_letter_on_or_after_it(tmp_path):
    """Before issue 10: a conservatoire letter dated 12/03 for an acceptance of 20/03 (backdated)."""
    rs = one(tmp_path, with_employee("reponse: {decision: acceptation, date: 2026-03-20}"))
    assert rs.letter["variante"] == "apres_acceptation"
    assert rs.dates["envoi_lettre"] == date(2026, 3, 20)


def test_a_letter_recorded_as_posted_before_the_acceptance_stays_conservatoire(tmp_path):
    rs = one(tmp_path, with_employee("reponse: {decision: acceptation, date: 2026-03-20}",
                                     "suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-12}"))
    assert rs.letter["variante"] == "conservatoire"
    assert rs.dates["envoi_lettre"] == date(2026, 3, 12)


def test_a_planned_letter_not_recorded_before_the_acceptance_is_flagged(tmp_path):
    rs = one(tmp_path, with_employee("reponse: {decision: acceptation, date: 2026-03-20}", "date_envoi_lettre: 2026-03-13"))
    assert rs.letter["variante"] == "apres_acceptation" and rs.dates["envoi_lettre"] == date(2026, 3, 20)
    assert any(w.startswith("R-74 : la lettre prévue le vendredi 13/03/2026") for w in rs.warnings)


def test_reminder_kept_after_an_express_refusal_while_the_period_runs(tmp_path):
    """Convention of 26/01/2015 art. 4 § 2: no exception while the period runs (prudent reading)."""
    rs = one(tmp_path, with_employee("reponse: {decision: refus, date: 2026-03-05}"))
    assert rs.letter == {"variante": "conservatoire", "rappel_delai_requis": True}
    late = one(tmp_path, with_employee("reponse: {decision: refus, date: 2026-03-05}", "date_envoi_lettre: 2026-03-25"))
    assert late.letter["variante"] == "licenciement"


def test_the_journal_wins_over_the_plan(tmp_path):
    """An actual handover on 05/03 (the employee was absent at the interview) starts the period."""
    rs = one(tmp_path, with_employee("suivi: {remise: 2026-03-05}"))
    assert rs.dates["remise"] == date(2026, 3, 5)
    assert rs.dates["fin_delai_reflexion"] == date(2026, 3, 26)


# --- the journal's errors, with file:line --------------------------------------------------------

def test_journal_contradictions_are_errors_with_their_line(tmp_path):
    text = with_employee("suivi:", "  presentation_documents: 2026-03-04", "  bulletin_transmis: 2026-03-06")
    errors = {e.chemin: e for e in errors_of(write(tmp_path, text))}
    e = errors["salaries[0].suivi.presentation_documents"]
    assert e.ligne == line_of(text, "presentation_documents") and "(R-75)" in e.message
    e = errors["salaries[0].suivi.bulletin_transmis"]
    assert e.ligne == line_of(text, "bulletin_transmis") and "sans acceptation" in e.message


def test_letter_presented_before_it_was_posted(tmp_path):
    text = with_employee("suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-12, presentation_lettre: 2026-03-11}")
    [e] = errors_of(write(tmp_path, text))
    assert e.chemin == "salaries[0].suivi.presentation_lettre"


def test_an_event_after_the_as_of_date_is_an_error(tmp_path):
    text = with_employee("suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-12}")
    path = write(tmp_path, text)
    result = run("suivi", str(path), "--au", "2026-03-10")
    assert result.exit_code == 1
    assert f"{path}:{line_of(text, 'suivi:')}: salaries[0].suivi.lettre_envoyee : date du jeudi 12/03/2026 postérieure" in result.stderr


def test_a_posted_letter_before_the_lawful_date_is_refused_on_the_journal_key(tmp_path):
    charge = load_dossier(write(tmp_path, with_employee("suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-10}")))
    try:
        compute_charged(charge)
    except Exception as exc:  # DossierInvalide
        assert [e.chemin for e in exc.erreurs] == ["salaries[0].suivi.lettre_envoyee"]
    else:
        raise AssertionError("a letter posted before the earliest lawful date must be refused")


# --- `cspdocs suivi` -------------------------------------------------------------------------------

def _suivi(name: str, au: str) -> dict:
    result = run("suivi", str(EXAMPLE / f"{name}.yaml"), "--au", au, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _actions(employee: dict) -> dict:
    return {a["action"]: a for a in employee["actions"]}


def test_worked_example_before_the_handover():
    data = _suivi("1-avant-remise", "2026-09-10")
    assert data["au"] == "2026-09-10"
    assert [s["etat"] for s in data["salaries"]] == ["avant_remise"] * 3
    remise = _actions(data["salaries"][0])["remise"]
    assert (remise["echeance"], remise["statut"]) == ("2026-09-14", "a_faire")
    assert "Convention du 26 janvier 2015, art. 4 § 2" in remise["sources"]
    assert data["totaux"]["reponses"] == {"acceptation": 0, "refus": 0, "sans_reponse": 0, "en_attente": 3}


def test_worked_example_during_the_period():
    data = _suivi("2-pendant-delai", "2026-09-25")
    lucie, karim, li = data["salaries"]
    assert (lucie["etat"], karim["etat"], li["etat"]) == ("accepte", "lettre_envoyee", "reflexion_en_cours")
    a = _actions(lucie)
    assert a["bulletin_transmis"]["statut"] == "fait" and a["bulletin_transmis"]["fait_le"] == "2026-09-21"
    assert (a["dossier_transmis"]["echeance"], a["dossier_transmis"]["statut"]) == ("2026-10-05", "a_faire")
    assert (a["contribution"]["echeance"], a["contribution"]["statut"]) == ("2026-12-25", "a_faire")
    assert _actions(karim)["contribution"]["statut"] == "sans_objet"
    assert data["totaux"]["montants_dus"] == [{"echeance": "2026-12-25", "objet": "contribution_employeur", "montant": 5800}]


def test_worked_example_after_the_rupture():
    data = _suivi("3-apres-rupture", "2026-11-20")
    lucie, karim, li = data["salaries"]
    assert (lucie["etat"], karim["etat"], li["etat"]) == ("csp_commence", "lettre_envoyee", "lettre_envoyee")
    assert _actions(li)["fin_delai_reflexion"]["note"] == "délai expiré sans réponse : refus"
    assert data["totaux"]["reponses"] == {"acceptation": 1, "refus": 1, "sans_reponse": 1, "en_attente": 0}
    assert all(not s["constats"] for s in data["salaries"])
    # review finding 9: after a refusal, the 2-month notice runs from the letter's presentation (24/09)
    for refused in (karim, li):
        a = _actions(refused)
        assert (a["documents_fin_contrat"]["echeance"], a["documents_fin_contrat"]["statut"]) == ("2026-11-24", "a_faire")
        assert "C. trav. art. L1234-3" in a["documents_fin_contrat"]["sources"]
        assert a["fin_priorite_reembauche"]["echeance"] == "2027-11-24"
    assert _actions(lucie)["fin_priorite_reembauche"]["echeance"] == "2027-10-05"


def test_worked_example_letters():
    """The adherent's letter follows her acceptance; the refusing employee's letter keeps the reminder."""
    charge = load_dossier(EXAMPLE / "2-pendant-delai.yaml")
    lucie, karim, li = compute_charged(charge, date(2026, 9, 25)).employees
    assert lucie.letter["variante"] == "apres_acceptation" and lucie.dates["envoi_lettre"] == date(2026, 9, 21)
    assert karim.letter["variante"] == "conservatoire" and li.letter["variante"] == "conservatoire"


def test_past_planned_events_not_recorded_are_flagged(tmp_path):
    path = write(tmp_path, BASE)
    data = json.loads(run("suivi", str(path), "--au", "2026-04-01", "--format", "json").stdout)
    [employee] = data["salaries"]
    a = _actions(employee)
    # review finding 1: the actions read the dates the documents bear as of 01/04 (re-dated, R-76),
    # not the stale plan: the handover is still to do, dated 01/04, and the user is told the plan slipped
    assert (a["remise"]["statut"], a["remise"]["echeance"]) == ("a_faire", "2026-04-01")
    assert (a["lettre"]["statut"], a["lettre"]["echeance"]) == ("a_faire", "2026-04-01")
    assert employee["etat"] == "avant_remise"
    assert any(c.startswith("R-76 : la remise prévue le mardi 03/03/2026 n'est pas enregistrée") for c in employee["constats"])
    text = run("suivi", str(path), "--au", "2026-04-01").stdout
    assert "[à faire] Remise des documents du CSP contre récépissé — échéance mercredi 01/04/2026" in text
    assert "R-76 : la remise prévue" in text
    # a planned handover that is recorded but a letter planned and not recorded: the letter slips
    path.write_text(BASE.replace("    salaire_brut_mensuel: 2850.00\n",
                                 "    salaire_brut_mensuel: 2850.00\n    suivi: {remise: 2026-03-03}\n"), encoding="utf-8")
    data = json.loads(run("suivi", str(path), "--au", "2026-04-01", "--format", "json").stdout)
    assert any(c.startswith("R-76 : la lettre prévue") for c in data["salaries"][0]["constats"])


def test_bad_as_of_date(tmp_path):
    result = run("suivi", str(write(tmp_path, BASE)), "--au", "2026-02-30")
    assert result.exit_code == 2 and "« 2026-02-30 » n'est pas une date valide (attendu AAAA-MM-JJ)" in result.output


def test_delivered_documents_do_not_change_with_later_journal_entries(tmp_path):
    """The handover documents of 14/09 and the adherent's letter are the same bytes once later events
    (presentations, transmissions, end-of-contract documents) are recorded."""
    out = {}
    for name, au in (("2-pendant-delai", "2026-09-25"), ("3-apres-rupture", "2026-11-20")):
        target = tmp_path / name
        assert run("generate", str(EXAMPLE / f"{name}.yaml"), "-o", str(target), "--au", au).exit_code == 0
        out[name] = {p.relative_to(target / name).as_posix(): p.read_bytes()
                     for p in (target / name).rglob("*.docx")}
    assert out["2-pendant-delai"] and out["2-pendant-delai"].keys() == out["3-apres-rupture"].keys()
    for key, data in out["2-pendant-delai"].items():
        assert data == out["3-apres-rupture"][key], key
