"""`compute --format tableau`: one line per employee, counts and totals from the engine, fits the width."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.engine.actions import follow_up
from cspdocs.engine.amounts import eur
from cspdocs.engine.compute import compute_dossier
from cspdocs.formats import cli_date
from cspdocs.rh.echeances import faits_au

from tests.case.test_case_loading import BASE, write
from tests.rh.test_modele_tableur import collective_head, filled_workbook
from tests.support.paths import ROOT


def _case(tmp_path, n=25):
    filled_workbook(tmp_path, n)
    return write(tmp_path, collective_head() + "salaries_csv: salaries.xlsx\n")


def test_many_employees_get_the_table_by_default(tmp_path):
    case = _case(tmp_path)
    result = CliRunner().invoke(main, ["compute", str(case), "--largeur", "100", "--au", "2026-12-02"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 100 for line in lines)
    rows = [line for line in lines if line.startswith("M0")]
    assert len(rows) == 25
    charged = load_dossier(case)
    res = compute_dossier(charged.dossier, charged.nom)
    au = date(2026, 12, 2)
    # the facts as of the date: the handovers planned in March are not recorded, so the documents of
    # a run at this date are dated 02/12/2026, and the table shows those dates, not the plan's
    now = [faits_au(res, r, au) for r in res.employees]
    total = sum(r.amounts["indemnite_licenciement_due"] for r in now)
    assert f"Indemnités de licenciement dues : {eur(total)} (25 salarié(s))" in result.stdout
    # the answers as the engine counts them at the date (engine/actions.case_follow_up)
    assert "Réponses : 1 acceptation(s), 0 refus, " in result.stdout
    first = now[0]
    assert cli_date(first.dates["remise"]) in rows[0]
    assert any(w.startswith("R-76") for w in first.warnings)
    assert f"acceptée {first.employee.reponse.date:%d/%m}" in rows[0]  # the recorded answer
    follow = follow_up(res.case, first, au)  # state and next action: the engine's
    assert follow["etat_libelle"][:12] in rows[0]
    # rules counted per employee (one employee with two findings of a rule counts once)
    assert "Avertissements (salariés concernés) : " in result.stdout and "R-76 × 25" in result.stdout
    assert "None" not in result.stdout


def test_narrow_terminal_drops_columns_and_says_so(tmp_path):
    result = CliRunner().invoke(main, ["compute", str(_case(tmp_path, 25)), "--format", "tableau", "--largeur", "60"])
    assert result.exit_code == 0
    assert all(len(line) <= 60 for line in result.stdout.splitlines() if line.startswith("M0"))
    assert "colonnes non affichées faute de largeur" in result.stdout


def test_detail_stays_available(tmp_path):
    result = CliRunner().invoke(main, ["compute", str(_case(tmp_path, 25)), "--format", "texte", "--employe", "M001"])
    assert result.exit_code == 0
    assert "Calendrier" in result.stdout and "Explications" in result.stdout


def test_few_employees_keep_the_detail_by_default(tmp_path):
    result = CliRunner().invoke(main, ["compute", str(_case(tmp_path, 2))])
    assert "Calendrier" in result.stdout and "Réponses :" not in result.stdout


def test_example_row_note_on_stderr(tmp_path):
    result = CliRunner().invoke(main, ["compute", str(_case(tmp_path, 2)), "--format", "json"])
    assert result.exit_code == 0
    assert "ligne d'exemple du modèle ignorée" in result.stderr
    assert result.stdout.lstrip().startswith("{")


def test_suivi_table_view_shows_the_engines_state_and_next_action():
    """25 employees with a journal (cases/csv/campagne-tableur.yaml): the table by default, one line each."""
    from pathlib import Path

    from cspdocs.engine.actions import case_follow_up

    case = ROOT / "cases" / "csv" / "campagne-tableur.yaml"
    au = date(2026, 7, 1)
    result = CliRunner().invoke(main, ["suivi", str(case), "--au", au.isoformat()], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 120 for line in lines)
    assert lines[0].endswith("état au 01/07/2026")
    rows = {line.split()[0]: line for line in lines if line.startswith("T-1")}
    charged = load_dossier(case)
    res = compute_dossier(charged.dossier, charged.nom, au=au)
    data = case_follow_up(res, au)
    for rs, follow in data["salaries"]:
        assert follow["etat_libelle"][:14] in rows[rs.employee.matricule]
    assert "acceptée 21/03" in rows["T-102"] and "CSP commencé" in rows["T-102"]
    assert "03/04/2027 Priorité de" in rows["T-102"]  # its next action, with its due date
    r = data["totaux"]["reponses"]
    assert (f"Réponses : {r['acceptation']} acceptation(s), {r['refus']} refus, {r['sans_reponse']} sans réponse "
            f"(refus), {r['en_attente']} en attente") in result.stdout
