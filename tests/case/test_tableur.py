"""Employees read from an Excel workbook or a French CSV export; hostile files and paths."""

from __future__ import annotations

import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from cspdocs.case.loader import load_dossier
from cspdocs.case.tableur import LIMITE_CELLULE, LIMITE_LIGNES

from tests.case.test_case_loading import BASE, errors_of, write

CASE_XLSX = BASE.split("salaries:")[0] + "salaries_csv: salaries.xlsx\n"
CASE_CSV = BASE.split("salaries:")[0] + "salaries_csv: salaries.csv\n"
HEADER = ["Matricule", "Civilité", "Prénom", "Nom", "Adresse", "Code postal", "Ville", "Date d'entrée",
          "Emploi", "Salaire brut mensuel", "Mode de remise", "Cadre", "Réponse", "Date de la réponse"]
ROW = ["E001", "Mme", "Hélène", "Bénard", "3 allée des Tilleuls", 57070, "Metz", datetime(2015, 3, 1),
       "Technicienne", 3781.48, "Remise en main propre", "Non", None, None]


def workbook(tmp_path: Path, rows: list[list], title: str | None = None, merge: str | None = None,
             case: str = CASE_XLSX) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Salariés"
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(tmp_path / "salaries.xlsx")
    return write(tmp_path, case)


def test_workbook_with_french_headers_labels_and_cell_types(tmp_path):
    second = ["E002", "Monsieur", "Loïc", "Guérin", "21 cours de la Libération", "01000", "Bourg", "17/01/2016",
              "Ponceur", "3 781,48 €", "Lettre recommandée", "Oui", "Acceptation", "05/05/2026"]
    path = workbook(tmp_path, [HEADER, ROW, second], title="Salariés concernés — campagne 2026")
    charged = load_dossier(path)
    a, b = charged.dossier.salaries
    assert (a.civilite, a.date_entree, a.salaire_brut_mensuel, a.mode_remise, a.cadre) == (
        "Madame", date(2015, 3, 1), Decimal("3781.48"), "main_propre", False)
    assert a.adresse.code_postal == "57070"
    assert (b.date_entree, b.salaire_brut_mensuel, b.mode_remise, b.cadre) == (
        date(2016, 1, 17), Decimal("3781.48"), "lrar", True)
    assert (b.reponse.decision, b.reponse.date) == ("acceptation", date(2026, 5, 5))
    assert charged.sources[-1] == tmp_path / "salaries.xlsx"


def test_leading_zero_of_a_postal_code_restored_and_excel_serial_dates(tmp_path):
    row = list(ROW)
    row[5], row[7] = 1000, 42064  # 01000 typed as a number; 2015-03-01 as Excel's serial number
    s = load_dossier(workbook(tmp_path, [HEADER, row])).dossier.salaries[0]
    assert (s.adresse.code_postal, s.date_entree) == ("01000", date(2015, 3, 1))


def test_same_error_on_many_rows_reported_once_with_the_rows(tmp_path):
    rows = [HEADER]
    for i in range(500):
        row = list(ROW)
        row[0], row[7] = f"E{i:03}", "2015/03/01"
        rows.append(row)
    rows[10][9] = "beaucoup"
    errors = errors_of(workbook(tmp_path, rows))
    assert [str(e).split(": ", 1)[1] for e in errors] == [
        "n'est pas une date (attendu JJ/MM/AAAA) : lignes 2 à 501 (500 lignes ; par exemple ligne 2 : « 2015/03/01 »)",
        "salaries[9].salaire_brut_mensuel : « beaucoup » n'est pas un nombre (exemple : 3 781,48)",
    ]
    assert [e.colonne for e in errors] == ["H « Date d'entrée »", "J « Salaire brut mensuel »"]


def test_example_row_of_the_blank_workbook_is_skipped(tmp_path):
    example = list(ROW)
    example[0] = "EXEMPLE"
    charged = load_dossier(workbook(tmp_path, [HEADER, example, ROW]))
    assert [s.matricule for s in charged.dossier.salaries] == ["E001"]
    assert [n.message for n in charged.warnings] == ["ligne d'exemple du modèle ignorée (matricule EXEMPLE)"]


# --- hostile workbooks --------------------------------------------------------------------------------

def test_merged_cells_are_an_error(tmp_path):
    second = list(ROW)
    second[0] = "E002"
    e, consequence = errors_of(workbook(tmp_path, [HEADER, ROW, second], merge="G2:G3"))
    assert consequence.ligne == 3  # the merged cell holds no value on line 3
    assert (e.ligne, e.message) == (2, "cellules fusionnées G2:G3 : défusionnez-les (une valeur par cellule et par salarié)")


def test_formula_never_computed_is_an_error(tmp_path):
    row = list(ROW)
    row[9] = "=2*1890,74"
    row[8] = "=HYPERLINK(\"http://x\")"  # a formula: no computed value in a file never opened
    errors = errors_of(workbook(tmp_path, [HEADER, row]))
    assert [(e.ligne, e.colonne) for e in errors] == [(2, "I « Emploi »"), (2, "J « Salaire brut mensuel »")]
    assert all(e.message.startswith("formule sans valeur calculée") for e in errors)


def test_empty_rows_and_columns_are_ignored(tmp_path):
    rows = [HEADER + [None, None], [None] * 5, ROW, [None, ""], list(ROW)]
    rows[-1][0] = "E002"
    charged = load_dossier(workbook(tmp_path, rows))
    assert [s.matricule for s in charged.dossier.salaries] == ["E001", "E002"]
    assert charged.localisateur.csv_lines == [3, 5]


def test_column_without_header_but_with_values(tmp_path):
    [e] = errors_of(workbook(tmp_path, [HEADER, ROW + ["oubli"]]))
    assert e.message.startswith("la colonne O n'a pas d'en-tête mais contient des valeurs")


def test_too_many_rows_is_a_clear_error(tmp_path):
    header = ";".join(HEADER[:9])
    row = "E{};Madame;A;B;1 rue;57070;Metz;01/03/2015;X"
    text = header + "\n" + "\n".join(row.format(i) for i in range(LIMITE_LIGNES + 1)) + "\n"
    (tmp_path / "salaries.csv").write_text(text, encoding="utf-8")
    [e] = errors_of(write(tmp_path, CASE_CSV))
    assert e.message == "trop de salariés : 10 001 lignes pour au plus 10 000 par fichier ; répartissez-les en plusieurs dossiers"


def test_not_a_workbook(tmp_path):
    (tmp_path / "salaries.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    [e] = errors_of(write(tmp_path, CASE_XLSX))
    assert e.message.startswith("ce fichier n'est pas un classeur Excel .xlsx lisible")


def test_cell_over_the_limit(tmp_path):
    header = ";".join(HEADER[:9])
    long_cell = "x" * (LIMITE_CELLULE + 1)
    huge_cell = "y" * 200_000  # beyond the csv module's own limit of 131,072 characters
    text = f"{header}\nE1;Madame;A;B;{long_cell};57070;Metz;01/03/2015;X\nE2;Madame;A;B;{huge_cell};57070;Metz;01/03/2015;X\n"
    (tmp_path / "salaries.csv").write_text(text, encoding="utf-8")
    errors = errors_of(write(tmp_path, CASE_CSV))
    assert [(e.ligne, e.message) for e in errors] == [
        (2, "cellule trop longue (5 001 caractères ; au plus 5 000)"),
        (3, "cellule illisible ou trop longue (au plus 5 000 caractères par cellule)"),
    ]
    assert all(len(str(e)) < 300 for e in errors)


# --- the file must be a regular file under the case's folder (issue 14 item 7) ------------------------

@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd", "/proc/self/environ"])
def test_paths_outside_the_case_folder_are_refused_unread(tmp_path, name):
    case = write(tmp_path, BASE.split("salaries:")[0] + f"salaries_csv: {name}\n")
    [e] = errors_of(case)
    assert e.chemin == "salaries_csv"
    assert "root:" not in str(e) and "PATH=" not in str(e)
    assert "hors du dossier du cas" in e.message or e.message.startswith("chemin absolu refusé")


def test_symlink_leaving_the_case_folder_is_refused(tmp_path):
    (tmp_path / "cas").mkdir()
    os.symlink("/proc/self/environ", tmp_path / "cas" / "salaries.csv")
    [e] = errors_of(write(tmp_path / "cas", CASE_CSV))
    assert "hors du dossier du cas" in e.message and "PATH=" not in str(e)


def test_sub_folder_is_allowed_and_a_folder_is_not_a_file(tmp_path):
    (tmp_path / "rh").mkdir()
    (tmp_path / "rh" / "salaries.csv").write_text(";".join(HEADER[:10]) + "\nE1;Madame;A;B;1 rue;57070;Metz;01/03/2015;X;2000\n",
                                                  encoding="utf-8")
    assert load_dossier(write(tmp_path, CASE_CSV.replace("salaries.csv", "rh/salaries.csv"))).dossier.salaries
    [e] = errors_of(write(tmp_path, CASE_CSV.replace("salaries.csv", "rh")))
    assert e.message == "rh n'est pas un fichier ordinaire"


def test_binary_file_under_the_case_folder_is_not_echoed(tmp_path):
    (tmp_path / "salaries.csv").write_bytes(b"SECRET=hunter2\x00\x81\x8d" * 50)
    [e] = errors_of(write(tmp_path, CASE_CSV))
    assert "hunter2" not in str(e)


def test_engine_findings_name_the_column_as_the_workbook_shows_it(tmp_path):
    from cspdocs.commands.common import load_and_compute  # noqa: F401  (the CLI path)
    from click.testing import CliRunner

    from cspdocs.cli import main

    row = list(ROW)
    row[12], row[13] = "Acceptation", "15/05/2026"  # after the end of the period: blocking
    result = CliRunner().invoke(main, ["compute", str(workbook(tmp_path, [HEADER, row]))])
    assert result.exit_code == 1
    assert "(colonne N « Date de la réponse »)" in result.stderr


def test_generate_says_the_detected_encoding(tmp_path):
    from click.testing import CliRunner

    from cspdocs.cli import main

    header = ";".join(HEADER[:10])
    (tmp_path / "salaries.csv").write_text(f"{header}\nE1;Madame;Hélène;Bénard;1 rue;57070;Metz;01/03/2015;X;2000\n",
                                           encoding="cp1252")
    result = CliRunner().invoke(main, ["generate", str(write(tmp_path, CASE_CSV)), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "encodage détecté : Windows-1252" in result.stderr


def test_excel_binary_floats_round_to_the_cent():
    """Review finding 11: « =2100+97,31*24 » is stored by Excel as 4435.440000000001 (shown 4 435,44 €):
    read as 4435.44; a float that is not within 1e-9 (relative) of a value to the cent stays as written,
    and the too-many-decimals message uses a decimal comma."""
    from decimal import Decimal

    from cspdocs.case.bounds import number_problem
    from cspdocs.case.cellules import as_decimal

    assert as_decimal(4435.440000000001) == Decimal("4435.44")
    assert str(as_decimal(4435.440000000001)) == "4435.44"
    assert as_decimal(0.1 + 0.2) == Decimal("0.30")
    assert as_decimal(1.5) == Decimal("1.5") and as_decimal(0.42) == Decimal("0.42")
    assert as_decimal(3781.4849) == Decimal("3781.4849")  # not a binary artefact: kept
    assert number_problem("salaire_brut_mensuel", Decimal("12.3456789")) == (
        "« 12,3456789 » : au plus 6 chiffres après la virgule")
