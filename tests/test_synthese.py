"""synthese.xlsx / synthese.csv / echeancier.ics: opened with openpyxl and icalendar, values checked
against the engine; formula injection defused; same bytes across runs; written by generate."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import icalendar
import openpyxl
import pytest
from click.testing import CliRunner

from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.engine.compute import compute_dossier
from cspdocs.rh.classeur import cellule_sure
from cspdocs.rh.echeances import ECHEANCES
from cspdocs.rh.echeancier import calendrier
from cspdocs.rh.synthese import Suivi, csv_bytes, xlsx

from .test_case_loading import BASE, write
from .test_modele_tableur import collective_head, filled_workbook

ROOT = Path(__file__).parent.parent
ALSACE = ROOT / "cases" / "collectif-alsace.yaml"


@pytest.fixture(scope="module")
def alsace():
    charged = load_dossier(ALSACE)
    return compute_dossier(charged.dossier, charged.nom)


def _sheet_rows(data: bytes, name: str):
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[name]
    header = [c.value for c in sheet[1]]
    return sheet, header, [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]


def test_xlsx_values_are_the_engines(alsace):
    data = xlsx(alsace, Suivi())
    sheet, header, rows = _sheet_rows(data, "Synthèse")
    assert len(rows) == len(alsace.salaries) + 1  # a totals row
    for rs, row in zip(alsace.salaries, rows):
        assert row["Matricule"] == rs.salarie.matricule
        assert row["Fin du délai de réflexion (24 h)"].date() == rs.dates["fin_delai_reflexion"]
        assert row["Remise des documents"].date() == rs.dates["remise"]
        assert Decimal(str(row["Indemnité légale de licenciement"])) == rs.montants["indemnite_legale_licenciement"]
        codes = row["Avertissements (règles)"].split(", ") if row["Avertissements (règles)"] else []
        assert codes == list(dict.fromkeys(w.split(" : ")[0] for w in rs.avertissements))
    total = rows[-1]
    assert total["Matricule"] == f"Total ({len(alsace.salaries)} salariés)"
    expected = sum(rs.montants["indemnite_preavis"] for rs in alsace.salaries if rs.montants["indemnite_preavis"] is not None)
    assert Decimal(str(total["Indemnité de préavis"])) == expected
    assert "acceptation(s)" in total["Réponse"]
    assert sheet.freeze_panes == "E2" and sheet.auto_filter.ref.startswith("A1:")
    column = header.index("Remise des documents") + 1
    assert sheet.cell(2, column).number_format == "DD/MM/YYYY"
    assert "€" in sheet.cell(2, header.index("Indemnité de préavis") + 1).number_format
    _, _, deadlines = _sheet_rows(data, "Échéances")
    dates = [r["Date"] for r in deadlines]
    assert dates == sorted(dates)
    assert len(deadlines) == sum(1 for rs in alsace.salaries for k, _ in ECHEANCES if rs.dates.get(k))


def test_csv_is_utf8_with_bom_semicolons_and_french_numbers(alsace):
    raw = csv_bytes(alsace, Suivi())
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(alsace.salaries)
    rs = alsace.salaries[0]
    assert rows[0]["Remise des documents"] == rs.dates["remise"].strftime("%d/%m/%Y")
    assert rows[0]["Indemnité de préavis"] == format(rs.montants["indemnite_preavis"], "f").replace(".", ",")


def test_ics_events_against_the_engine_with_stable_uids(alsace):
    raw = calendrier(alsace)
    assert raw == calendrier(alsace)
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    expected = [(rs, k) for rs in alsace.salaries for k, _ in ECHEANCES if rs.dates.get(k)]
    assert len(events) == len(expected)
    assert len({str(e["UID"]) for e in events}) == len(events)
    rs = alsace.salaries[0]
    [end] = [e for e in events if f"({rs.salarie.matricule})" in str(e["SUMMARY"])
             and "Fin du délai de réflexion" in str(e["SUMMARY"])]
    assert end.decoded("DTSTART") == rs.dates["fin_delai_reflexion"]
    assert end.decoded("DTEND") - end.decoded("DTSTART") == (date(2000, 1, 2) - date(2000, 1, 1))
    assert "art. 4 § 1" in str(end["DESCRIPTION"])  # the legal source
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Paris"


def test_ics_aggregated_is_employer_level(alsace):
    cal = icalendar.Calendar.from_ical(calendrier(alsace, agrege=True))
    events = list(cal.walk("VEVENT"))
    days = {(rs.dates[k], k) for rs in alsace.salaries for k, _ in ECHEANCES if rs.dates.get(k)}
    assert len(events) == len(days)
    handover = [e for e in events if "Remise des documents" in str(e["SUMMARY"])]
    assert any("10 salariés" in str(e["SUMMARY"]) for e in handover) or handover


def test_formula_injection_is_defused():
    for hostile in ("=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert cellule_sure(hostile).startswith("'")
    assert cellule_sure("Dupont") == "Dupont"
    assert cellule_sure(Decimal("-3")) == Decimal("-3")  # numbers stay numbers


def test_hostile_names_in_the_summary(tmp_path):
    path = filled_workbook(tmp_path, 2)
    book = openpyxl.load_workbook(path)
    sheet = book["Salariés"]
    sheet["C3"] = "'=HYPERLINK(\"http://evil\",\"x\")"  # typed as text in Excel
    sheet["D3"] = "@SUM(1+1)"
    sheet["E4"] = "-1 rue de Paris"
    book.save(path)
    charged = load_dossier(write(tmp_path, BASE.split("salaries:")[0] + "salaries_csv: salaries.xlsx\n"))
    resultat = compute_dossier(charged.dossier, charged.nom)
    _, _, rows = _sheet_rows(xlsx(resultat, Suivi()), "Synthèse")
    for row in rows:
        for value in row.values():
            if isinstance(value, str):
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    text = csv_bytes(resultat, Suivi()).decode("utf-8-sig")
    for record in csv.reader(io.StringIO(text), delimiter=";"):
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in record)


def test_generate_writes_the_summary_and_calendar_from_the_blank_workbook(tmp_path):
    """The README's two commands: a workbook of 25 employees in, documents, summary and calendar out."""
    filled_workbook(tmp_path, 25)
    case = write(tmp_path, collective_head() + "salaries_csv: salaries.xlsx\n", name="campagne.yaml")
    result = CliRunner().invoke(main, ["generate", str(case), "-o", str(tmp_path / "sortie")])
    assert result.exit_code == 0, result.output
    out = tmp_path / "sortie" / "campagne"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for name in ("synthese.xlsx", "synthese.csv", "echeancier.ics"):
        assert (out / name).is_file()
        assert manifest["complements"]["rh"][name]
    sheet, header, rows = _sheet_rows((out / "synthese.xlsx").read_bytes(), "Synthèse")
    assert len(rows) == 26
    link = sheet.cell(2, header.index("Document d'information CSP et bulletin d'acceptation") + 1)
    assert link.value == "1-document-information-csp.docx"
    assert link.hyperlink.target.startswith("M001-Nom0/") and (out / link.hyperlink.target).is_file()
    assert rows[0]["Mentions obligatoires"] == "vérifiées (toutes présentes)"
    assert rows[0]["Réponse"] == "Acceptation"
    assert len(list(icalendar.Calendar.from_ical((out / "echeancier.ics").read_bytes()).walk("VEVENT"))) > 25 * 4


def test_synthese_command(tmp_path):
    result = CliRunner().invoke(main, ["synthese", str(ALSACE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["echeancier.ics", "synthese.csv", "synthese.xlsx"]
    again = CliRunner().invoke(main, ["synthese", str(ALSACE), "-o", str(tmp_path)])
    assert again.exit_code == 1 and "déjà présent" in again.output
    agrege = CliRunner().invoke(main, ["synthese", str(ALSACE), "-o", str(tmp_path), "--agrege", "--force"])
    assert agrege.exit_code == 0 and "de l'employeur" in agrege.output
