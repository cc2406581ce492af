"""Hostile employees' workbooks (issue 11): formula injection carried to every output, wrong encodings,
merged cells, empty rows, 10,000 rows; each gives a clear French error or a safe output."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import icalendar
import openpyxl
import pytest
from openpyxl.cell import WriteOnlyCell

from cspdocs.case.loader import load_dossier
from cspdocs.case.tableur import LIMITE_LIGNES
from cspdocs.engine.compute import compute_dossier
from cspdocs.rh.sorties import ecrire
from cspdocs.rh.synthese import Suivi

from tests.case.test_case_loading import errors_of
from tests.case.test_tableur import CASE_CSV, HEADER, ROW, workbook

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
AU = date(2026, 3, 1)
HOSTILE = {  # column -> a text a spreadsheet would run
    "Matricule": "=1+1",
    "Prénom": "+33612345678",
    "Nom": "@SUM(A1:A9)",
    "Adresse": "-2+3",
    "Ville": "=HYPERLINK(\"http://exemple.invalid\";\"clic\")",
    "Emploi": "\t=cmd|' /C calc'!A0",
}


def _outputs(tmp_path, case):
    charged = load_dossier(case)
    resultat = compute_dossier(charged.dossier, charged.nom)
    out = tmp_path / "sortie"
    out.mkdir()
    ecrire(out, resultat, Suivi(), AU)
    return out


def _assert_safe(out):
    book = openpyxl.load_workbook(out / "synthese.xlsx")
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    texts.append(value)
                    assert not value.startswith(DANGEROUS), (sheet.title, value)
    raw = (out / "synthese.csv").read_bytes().decode("utf-8-sig")
    for record in csv.reader(io.StringIO(raw, newline=""), delimiter=";"):
        for cell in record:
            assert not cell.startswith(DANGEROUS), cell
    calendar = icalendar.Calendar.from_ical((out / "echeancier.ics").read_bytes())  # still parses
    return texts, list(calendar.walk("VEVENT"))


def _as_text(path, cells: dict[str, str]) -> None:
    """Cells typed as text in Excel (a leading apostrophe): stored as strings, not formulas."""
    book = openpyxl.load_workbook(path)
    sheet = book["Salariés"]
    for ref, text in cells.items():
        sheet[ref].value = text
        sheet[ref].data_type = "s"
    book.save(path)


def test_formulas_typed_as_text_reach_no_output_as_formulas(tmp_path):
    second = list(ROW)
    second[0] = "E002"
    case = workbook(tmp_path, [HEADER, ROW, second])
    _as_text(tmp_path / "salaries.xlsx", {f"{chr(65 + HEADER.index(column))}2": text for column, text in HOSTILE.items()})
    out = _outputs(tmp_path, case)
    texts, events = _assert_safe(out)
    for column in ("Matricule", "Prénom", "Nom", "Emploi"):  # the summary's columns (no address)
        assert "'" + HOSTILE[column].strip() in texts  # kept (trimmed), defused by a leading apostrophe
    assert any("=1+1" in str(e["SUMMARY"]) for e in events)


def test_formulas_in_a_csv_export_too(tmp_path):
    header = ";".join(HEADER[:10])
    rows = ["=1+1;Madame;@x;-y;1 rue;57070;+Metz;01/03/2015;=A1;2 850,00",
            "E2;Madame;A;B;1 rue;57070;Metz;01/03/2015;X;2 850,00"]
    (tmp_path / "salaries.csv").write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    from tests.case.test_case_loading import write

    _assert_safe(_outputs(tmp_path, write(tmp_path, CASE_CSV)))


def _csv(encoding: str) -> bytes:
    header = ";".join(HEADER[:10])
    return (header + "\n" + "E1;Madame;Hélène;Bénard;1 rue;57070;Metz;01/03/2015;X;2 850,00\n").encode(encoding)


def test_excel_unicode_text_export_without_a_mark_is_a_clear_error(tmp_path):
    """UTF-16 without a byte order mark: refused with a message naming the file and the encoding."""
    (tmp_path / "salaries.csv").write_bytes(_csv("utf-16-le"))
    from tests.case.test_case_loading import write

    errors = errors_of(write(tmp_path, CASE_CSV))
    assert len(errors) == 1
    assert "salaries.csv" in errors[0].fichier and "encodage" in errors[0].message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings_read_the_same_employee(tmp_path, encoding):
    (tmp_path / "salaries.csv").write_bytes(_csv(encoding))
    from tests.case.test_case_loading import write

    [s] = load_dossier(write(tmp_path, CASE_CSV)).dossier.salaries
    assert (s.prenom, s.nom, s.date_entree) == ("Hélène", "Bénard", date(2015, 3, 1))


def test_merged_cells_empty_rows_and_a_title_row(tmp_path):
    rows = [HEADER, ROW, [None] * len(HEADER), [None] * len(HEADER)]
    errors = errors_of(workbook(tmp_path, rows, merge="A2:B2"))
    assert errors[0].ligne == 2 and errors[0].message.startswith("cellules fusionnées A2:B2 : défusionnez-les")
    assert all(e.ligne == 2 for e in errors)  # the empty rows below raise nothing


def test_ten_thousand_rows_are_read(tmp_path):
    """The limit itself is accepted (10,001 is refused: test_tableur.py), hostile matricules kept as text;
    the outputs at this scale are measured by the benchmark (README: 5,000 employees)."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Salariés")
    sheet.append(HEADER)
    for i in range(LIMITE_LIGNES):
        row = list(ROW)
        row[0] = f"E{i:05d}"
        if i % 997 == 0:  # a few hostile matricules among them, typed as text
            row[0] = WriteOnlyCell(sheet, f"=E{i}")
            row[0].data_type = "s"
        row[HEADER.index("Date d'entrée")] = datetime(2010 + i % 10, 1 + i % 12, 1)
        sheet.append(row)
    book.save(tmp_path / "salaries.xlsx")
    from tests.case.test_case_loading import write
    from tests.rh.test_modele_tableur import collective_head

    charged = load_dossier(write(tmp_path, collective_head() + "salaries_csv: salaries.xlsx\n"))
    employees = charged.dossier.salaries
    assert len(employees) == LIMITE_LIGNES
    assert employees[0].matricule == "=E0" and employees[1].matricule == "E00001"
    assert employees[-1].date_entree == date(2010 + 9999 % 10, 1 + 9999 % 12, 1)
    # the hostile ones among them, through the outputs
    few = compute_dossier(charged.dossier.model_copy(update={"salaries": employees[:2]}), charged.nom)
    out = tmp_path / "sortie"
    out.mkdir()
    ecrire(out, few, Suivi(), AU)
    texts, _ = _assert_safe(out)
    assert "'=E0" in texts
