"""`cspdocs modele-tableur`: the blank workbook has every column, comments, lists, formats and an
example row, gives the same bytes every time, and reads back once filled."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from cspdocs.case.colonnes import colonnes
from cspdocs.case.loader import load_dossier
from cspdocs.cli import main

from tests.case.test_case_loading import BASE, write


_FILLED: dict[int, bytes] = {}


def collective_head() -> str:
    """The case file's head for 10 employees or more: the collective procedure of L1233-28 ff.
    (an "individuel" procedure with 10 or more is refused, R-56), with the interview kept (no CSE)."""
    return BASE.split("salaries:")[0].replace(
        "type: individuel", "type: collectif_10_et_plus\n  cse: false\n  date_notification_projet_administration: 2026-02-20")


def filled_workbook(tmp_path: Path, n: int) -> Path:
    """The blank workbook, filled in with ``n`` employees as a person would (labels, French dates)."""
    path = tmp_path / "salaries.xlsx"
    if n not in _FILLED:
        _FILLED[n] = _fill(tmp_path, n).read_bytes()
    path.write_bytes(_FILLED[n])
    return path


def _fill(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "salaries.xlsx"
    assert CliRunner().invoke(main, ["modele-tableur", str(path)]).exit_code == 0
    book = openpyxl.load_workbook(path)
    sheet = book["Salariés"]
    column = {c.value: c.column for c in sheet[1]}
    for i in range(n):
        row = 3 + i  # the example row 2 is left in place
        values = {
            "Matricule": f"M{i + 1:03}", "Civilité": "Monsieur" if i % 2 else "Madame", "Prénom": f"Prénom{i}",
            "Nom": f"Nom{i}", "Adresse": f"{i + 1} rue de la Paix", "Code postal": "57070", "Ville": "Metz",
            "Date d'entrée": datetime(2010 + i % 10, 1 + i % 12, 1), "Emploi": "Opérateur",
            "Salaire brut mensuel": 2000 + 10 * i, "Mode de remise": "Remise en main propre",
            "Cadre": "Oui" if i % 5 == 0 else "Non",
        }
        if i == 0:
            values.update({"Réponse": "Acceptation", "Date de la réponse": "16/03/2026"})
        for header, value in values.items():
            sheet.cell(row, column[header], value)
    book.save(path)
    return path


def test_blank_workbook_has_every_column_with_comments_lists_and_formats(tmp_path):
    path = tmp_path / "vierge.xlsx"
    result = CliRunner().invoke(main, ["modele-tableur", str(path)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path)
    sheet = book["Salariés"]
    headers = {c.value: c for c in sheet[1]}
    assert set(headers) == {c.entete for c in colonnes()}
    assert "clé : date_entree" in headers["Date d'entrée"].comment.text
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:")
    lists = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in sheet.data_validations.dataValidation}
    mode = headers["Mode de remise"].column_letter
    assert lists[mode] == '"Remise en main propre,Lettre recommandée avec accusé de réception,Voie électronique"'
    assert lists[headers["Cadre"].column_letter] == '"Oui,Non"'
    assert sheet[f"{headers['Date d' + chr(39) + 'entrée'].column_letter}3"].number_format == "DD/MM/YYYY"
    assert sheet["A2"].value == "EXEMPLE"
    assert "Colonnes" in book.sheetnames


def test_same_bytes_and_no_overwrite_without_force(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for path in (a, b):
        assert CliRunner().invoke(main, ["modele-tableur", str(path)]).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    result = CliRunner().invoke(main, ["modele-tableur", str(a)])
    assert result.exit_code == 1 and "existe déjà" in result.output


def test_filled_blank_workbook_reads_back(tmp_path):
    filled_workbook(tmp_path, 25)
    charged = load_dossier(write(tmp_path, collective_head() + "salaries_csv: salaries.xlsx\n"))
    salaries = charged.dossier.salaries
    assert len(salaries) == 25
    first = salaries[0]
    assert (first.matricule, first.civilite, first.date_entree, first.mode_remise, first.cadre) == (
        "M001", "Madame", date(2010, 1, 1), "main_propre", True)
    assert (first.reponse.decision, first.reponse.date) == ("acceptation", date(2026, 3, 16))


def test_colonnes_lists_the_accepted_columns():
    result = CliRunner().invoke(main, ["modele-tableur", "--colonnes"])
    assert result.exit_code == 0
    assert "Date d'entrée (date_entree) — obligatoire" in result.output
    assert "« Remise en main propre »" in result.output


def test_blank_workbook_formats_hints_and_whole_column_lists(tmp_path):
    """Review findings 10 and 12: a missing parent folder is created; months and the rate are never
    formatted in euros nor hinted as amounts; the lists cover the whole column."""
    path = tmp_path / "campagne" / "salaries.xlsx"  # « campagne » does not exist yet
    result = CliRunner().invoke(main, ["modele-tableur", str(path)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(path)["Salariés"]
    headers = {c.value: c for c in sheet[1]}
    for header, fmt in (("Préavis en mois", "0.##"), ("Mois non comptés dans l'ancienneté", "0.##"),
                        ("Taux de charges patronales", "0.00%"), ("Salaire brut mensuel", '#,##0.00\\ "€"')):
        assert sheet[f"{headers[header].column_letter}3"].number_format == fmt, header
    assert "nombre de mois" in headers["Préavis en mois"].comment.text
    assert "€" not in headers["Préavis en mois"].comment.text
    assert "taux décimal, par ex. 0,42" in headers["Taux de charges patronales"].comment.text
    assert "3 781,48 €" in headers["Salaire brut mensuel"].comment.text
    ranges = {str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    mode = headers["Mode de remise"].column_letter
    assert f"{mode}2:{mode}1048576" in ranges


def test_write_errors_are_french(tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("x", encoding="utf-8")  # a file where a folder is expected
    result = CliRunner().invoke(main, ["modele-tableur", str(blocker / "salaries.xlsx")])
    assert result.exit_code == 1
    assert "Erreur d'écriture : " in result.output and "n'est pas un dossier" in result.output
    assert "Not a directory" not in result.output and "File exists" not in result.output
