"""`compute --format tableau`: one line per employee, counts and totals from the engine, fits the width."""

from __future__ import annotations


from click.testing import CliRunner

from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.engine.amounts import eur
from cspdocs.engine.compute import compute_dossier

from .test_case_loading import BASE, write
from .test_modele_tableur import collective_head, filled_workbook


def _case(tmp_path, n=25):
    filled_workbook(tmp_path, n)
    return write(tmp_path, collective_head() + "salaries_csv: salaries.xlsx\n")


def test_many_employees_get_the_table_by_default(tmp_path):
    case = _case(tmp_path)
    result = CliRunner().invoke(main, ["compute", str(case), "--largeur", "100"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(len(line) <= 100 for line in lines)
    rows = [line for line in lines if line.startswith("M0")]
    assert len(rows) == 25
    charged = load_dossier(case)
    res = compute_dossier(charged.dossier, charged.nom)
    total = sum(r.montants["indemnite_licenciement_due"] for r in res.salaries)
    assert f"Indemnités de licenciement dues : {eur(total)} (25 salarié(s))" in result.stdout
    assert "Réponses : 1 acceptation(s), 0 refus, 24 sans réponse enregistrée" in result.stdout
    first = res.salaries[0]
    assert first.dates["fin_delai_reflexion"].strftime("%d/%m/%Y") in rows[0]
    assert "acceptée" in rows[0]


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
