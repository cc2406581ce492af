"""synthese.xlsx / synthese.csv / echeancier.ics: opened with openpyxl and icalendar, values checked
against the engine (dates, amounts, state and actions as of a date); formula injection defused; same
bytes across runs; written by generate."""

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
from cspdocs.engine.actions import case_follow_up, follow_up
from cspdocs.engine.compute import compute_dossier
from cspdocs.rh.classeur import cellule_sure
from cspdocs.rh.echeances import echeances, faits_au
from cspdocs.rh.echeancier import calendrier
from cspdocs.rh.sorties import ecrire
from cspdocs.rh.synthese import Suivi, csv_bytes

from tests.case.test_case_loading import BASE, write
from tests.rh.test_modele_tableur import collective_head, filled_workbook
from tests.support.paths import ROOT

ALSACE = ROOT / "cases" / "collectif-alsace.yaml"
SUIVI = ROOT / "cases" / "suivi" / "2-pendant-delai.yaml"  # a journal, answers recorded
AU = date(2026, 9, 25)  # the example's as-of date
AU_ALSACE = date(2026, 3, 1)  # before the handover: nothing is late yet


@pytest.fixture(scope="module")
def alsace():
    charged = load_dossier(ALSACE)
    return compute_dossier(charged.dossier, charged.nom)


@pytest.fixture(scope="module")
def suivi_case():
    charged = load_dossier(SUIVI)
    return compute_dossier(charged.dossier, charged.nom, au=AU)


def outputs(resultat, tmp_path: Path, au: date, suivi: Suivi | None = None, agrege: bool = False) -> dict[str, bytes]:
    folder = tmp_path / f"rh-{au}-{agrege}"
    folder.mkdir()
    hashes = ecrire(folder, resultat, suivi or Suivi(), au, agrege=agrege)
    assert sorted(hashes) == ["echeancier.ics", "synthese.csv", "synthese.xlsx"]
    return {name: (folder / name).read_bytes() for name in hashes}


def _sheet_rows(data: bytes, name: str):
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[name]
    header = [c.value for c in sheet[1]]
    return sheet, header, [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]


def _day(value):
    return value.date() if isinstance(value, datetime) else value


def test_xlsx_values_are_the_engines(alsace, tmp_path):
    data = outputs(alsace, tmp_path, AU_ALSACE)["synthese.xlsx"]
    sheet, header, rows = _sheet_rows(data, "Synthèse")
    assert len(rows) == len(alsace.employees) + 1  # a totals row
    for rs, row in zip(alsace.employees, rows):
        assert row["Matricule"] == rs.employee.matricule
        assert row["Fin du délai de réflexion (24 h)"].date() == rs.dates["fin_delai_reflexion"]
        assert row["Remise des documents"].date() == rs.dates["remise"]
        assert Decimal(str(row["Indemnité légale de licenciement"])) == rs.amounts["indemnite_legale_licenciement"]
        codes = row["Avertissements (règles)"].split(", ") if row["Avertissements (règles)"] else []
        assert codes == list(dict.fromkeys(w.split(" : ")[0] for w in rs.warnings))
        follow = follow_up(alsace.case, rs, AU_ALSACE)
        assert row["État au 01/03/2026"] == follow["etat_libelle"]
    total = rows[-1]
    assert total["Matricule"] == f"Total ({len(alsace.employees)} salariés)"
    expected = sum(rs.amounts["indemnite_preavis"] for rs in alsace.employees if rs.amounts["indemnite_preavis"] is not None)
    assert Decimal(str(total["Indemnité de préavis"])) == expected
    assert "acceptation(s)" in total["Réponse"]
    assert sheet.freeze_panes == "E2" and sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{len(rows)}"
    column = header.index("Remise des documents") + 1
    assert sheet.cell(2, column).number_format == "DD/MM/YYYY"
    assert "€" in sheet.cell(2, header.index("Indemnité de préavis") + 1).number_format
    _, _, actions = _sheet_rows(data, "Actions")
    dates = [r["Échéance"] for r in actions]
    assert dates == sorted(dates)
    assert len(actions) == len(echeances(alsace, AU_ALSACE))


def test_state_next_action_and_actions_sheet_follow_the_engine(suivi_case, tmp_path):
    data = outputs(suivi_case, tmp_path, AU)["synthese.xlsx"]
    _, _, rows = _sheet_rows(data, "Synthèse")
    by_id = {r["Matricule"]: r for r in rows[:-1]}
    for rs in suivi_case.employees:
        follow = follow_up(suivi_case.case, rs, AU)
        row = by_id[rs.employee.matricule]
        assert row["État au 25/09/2026"] == follow["etat_libelle"]
        late = [a for a in follow["actions"] if a["statut"] == "en_retard"]
        assert row["Actions en retard"] == len(late)
        due = [a for a in follow["actions"] if a["statut"] == "a_faire"]
        expected = min(late, key=lambda a: a["echeance"]) if late else min(
            due, key=lambda a: (a["echeance"] is None, a["echeance"] or date.min))
        assert row["Prochaine action"].removeprefix("EN RETARD : ") == expected["libelle"]
        assert _day(row["Échéance de la prochaine action"]) == expected["echeance"]
    s01 = by_id["S01"]
    assert s01["Réponse"] == "Acceptation" and s01["Date de la réponse"].date() == date(2026, 9, 18)
    assert s01["État au 25/09/2026"] == "CSP accepté"
    # the answers counted as the engine counts them
    totals = case_follow_up(suivi_case, AU)["totaux"]["reponses"]
    assert rows[-1]["Réponse"] == (f"{totals['acceptation']} acceptation(s), {totals['refus']} refus, "
                                  f"{totals['sans_reponse']} sans réponse (refus), {totals['en_attente']} en attente")
    _, _, actions = _sheet_rows(data, "Actions")
    mine = [a for a in actions if a["Matricule"] == "S01"]
    slip = [a for a in mine if a["Action"].startswith("Bulletin d'acceptation")]
    assert len(slip) == 1 and slip[0]["Statut"] == "fait" and slip[0]["Fait le"].date() == date(2026, 9, 21)
    assert "art. 5 § 2" in slip[0]["Sources"]
    [contribution] = [a for a in mine if a["Action"].startswith("Contribution de l'employeur")]
    assert contribution["Échéance"].date() == suivi_case.employees[0].dates["echeance_contribution_employeur"]
    assert contribution["Statut"] == "à faire" and "2013-639" in contribution["Sources"]
    # a refusal: no deadline "if accepted" for S02
    assert not [a for a in actions if a["Matricule"] == "S02" and "en cas d'acceptation" in a["Action"]]


def test_answer_counts_equal_the_engines_totals(alsace, suivi_case, tmp_path):
    from cspdocs.rh.echeances import fiches
    from cspdocs.rh.synthese import answer_kind

    for res, au in ((alsace, AU_ALSACE), (alsace, date(2026, 12, 1)), (suivi_case, AU)):
        counted: dict[str, int] = {}
        for f in fiches(res, au):
            counted[answer_kind(f)] = counted.get(answer_kind(f), 0) + 1
        expected = {k: v for k, v in case_follow_up(res, au)["totaux"]["reponses"].items() if v}
        assert counted == expected


def test_csv_is_utf8_with_bom_semicolons_and_french_numbers(alsace, tmp_path):
    raw = outputs(alsace, tmp_path, AU_ALSACE)["synthese.csv"]
    assert raw == csv_bytes(alsace, Suivi(), AU_ALSACE)
    assert raw.startswith("\ufeff".encode("utf-8")) and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(alsace.employees)
    rs = alsace.employees[0]
    assert rows[0]["Remise des documents"] == rs.dates["remise"].strftime("%d/%m/%Y")
    assert rows[0]["Indemnité de préavis"] == format(rs.amounts["indemnite_preavis"], "f").replace(".", ",")
    assert rows[0]["État au 01/03/2026"] == follow_up(alsace.case, rs, AU_ALSACE)["etat_libelle"]


def test_same_bytes_across_runs(suivi_case, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert outputs(suivi_case, tmp_path / "a", AU) == outputs(suivi_case, tmp_path / "b", AU)


def test_ics_events_against_the_engine_with_stable_uids(alsace, tmp_path):
    raw = outputs(alsace, tmp_path, AU_ALSACE)["echeancier.ics"]
    assert raw == calendrier(alsace, AU_ALSACE)
    cal = icalendar.Calendar.from_ical(raw)
    every = list(cal.walk("VEVENT"))
    events = [e for e in every if str(e["STATUS"]) == "CONFIRMED"]
    expected = echeances(alsace, AU_ALSACE)
    assert len(events) == len(expected)
    assert len({str(e["UID"]) for e in every}) == len(every)
    rs = alsace.employees[0]
    [end] = [e for e in events if f"({rs.employee.matricule})" in str(e["SUMMARY"])
             and "réponse du salarié" in str(e["SUMMARY"]).lower()]
    assert end.decoded("DTSTART") == rs.dates["fin_delai_reflexion"]
    assert end.decoded("DTEND") - end.decoded("DTSTART") == (date(2000, 1, 2) - date(2000, 1, 1))
    assert "art. 4 § 1" in str(end["DESCRIPTION"])  # the legal source
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Paris"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # folding never cuts a character
    assert b"DTSTART;VALUE=DATE:" in raw and raw.endswith(b"END:VCALENDAR\r\n")
    # a later as-of date: the same deadlines keep their UIDs (a re-import updates them), every event of
    # the earlier file is still there (withdrawn ones cancelled), and the sequence is higher
    later = icalendar.Calendar.from_ical(calendrier(alsace, date(2026, 12, 1)))
    uids = {str(e["UID"]): e.decoded("DTSTART") for e in every}
    again = {str(e["UID"]): e for e in later.walk("VEVENT")}
    assert set(uids) <= set(again)
    assert all(int(e["SEQUENCE"]) > int(every[0]["SEQUENCE"]) for e in again.values())
    assert len(set(uids) & set(again)) >= len(alsace.employees) * 3


def test_ics_france_travail_contribution_and_priority_from_the_engine(suivi_case, tmp_path):
    cal = icalendar.Calendar.from_ical(outputs(suivi_case, tmp_path, AU)["echeancier.ics"])
    events = [e for e in cal.walk("VEVENT") if "(S01)" in str(e["SUMMARY"])]
    follow = follow_up(suivi_case.case, suivi_case.employees[0], AU)
    for key in ("bulletin_transmis", "dossier_transmis", "contribution", "fin_priorite_reembauche"):
        [action] = [a for a in follow["actions"] if a["action"] == key]
        [event] = [e for e in events if action["libelle"] in str(e["SUMMARY"])]
        assert event.decoded("DTSTART") == action["echeance"]
        for source in action["sources"]:
            assert source in str(event["DESCRIPTION"])


def test_ics_aggregated_is_employer_level(alsace, tmp_path):
    cal = icalendar.Calendar.from_ical(outputs(alsace, tmp_path, AU_ALSACE, agrege=True)["echeancier.ics"])
    events = [e for e in cal.walk("VEVENT") if str(e["STATUS"]) == "CONFIRMED"]
    days = {(e.date, e.cle, e.si_acceptation) for e in echeances(alsace, AU_ALSACE)}
    assert len(events) == len(days)
    # the old « date limite d'envoi » aggregated event is cancelled (no employee has it any more)
    assert any(str(e["STATUS"]) == "CANCELLED" for e in cal.walk("VEVENT"))
    handover = [e for e in events if "Remise des documents" in str(e["SUMMARY"])]
    assert handover and all("Salariés concernés" in str(e["DESCRIPTION"]) for e in handover)
    assert sum(int(str(e["SUMMARY"]).rsplit("(", 1)[1].split()[0]) for e in handover) == len(alsace.employees)


def test_ics_text_escaping_round_trips():
    from cspdocs.rh.echeancier import evenement, ligne

    hostile = "Nom; avec, virgule \\ et\nretour — é" * 6
    raw = (b"BEGIN:VCALENDAR\r\n" + ligne("VERSION:2.0") + ligne("PRODID:x")
           + evenement("u@x", hostile, hostile, date(2026, 1, 5)) + b"END:VCALENDAR\r\n")
    [event] = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(event["SUMMARY"]) == hostile and str(event["DESCRIPTION"]) == hostile


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
    files = outputs(resultat, tmp_path, AU_ALSACE)
    book = openpyxl.load_workbook(io.BytesIO(files["synthese.xlsx"]))
    seen = []
    for sheet in book.worksheets:  # every sheet: summary, actions, warnings
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    seen.append(value)
                    assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert "'@SUM(1+1)" in seen and "'=HYPERLINK(\"http://evil\",\"x\")" in seen
    text = files["synthese.csv"].decode("utf-8-sig")
    for record in csv.reader(io.StringIO(text), delimiter=";"):
        assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in record)
    cal = icalendar.Calendar.from_ical(files["echeancier.ics"])  # still a valid calendar
    assert any("@SUM(1+1)" in str(e["SUMMARY"]) for e in cal.walk("VEVENT"))


def test_generate_writes_the_summary_and_calendar_from_the_blank_workbook(tmp_path):
    """The README's two commands: a workbook of 25 employees in, documents, summary and calendar out."""
    filled_workbook(tmp_path, 25)
    case = write(tmp_path, collective_head() + "salaries_csv: salaries.xlsx\n", name="campagne.yaml")
    result = CliRunner().invoke(main, ["generate", str(case), "-o", str(tmp_path / "sortie"), "--au", "2026-06-01"])
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
    # values against the engine, as of the as-of date: the plan's handover (March 2026) has
    # passed and nothing is recorded, so the documents are dated today and the summary shows
    # the same dates as the documents it links to (finding 1 of the review)
    charged = load_dossier(case)
    resultat = compute_dossier(charged.dossier, charged.nom)
    today = date(2026, 6, 1)
    documents = {e["matricule"]: {a["cle"]: a for a in e["artefacts"]} for e in manifest["salaries"]}
    slipped = 0
    for rs, row in zip(resultat.employees, rows):
        assert row["Matricule"] == rs.employee.matricule
        now = faits_au(resultat, rs, today)
        assert row["Fin du délai de réflexion (24 h)"].date() == now.dates["fin_delai_reflexion"]
        assert Decimal(str(row["Indemnité de licenciement due"])) == now.amounts["indemnite_licenciement_due"]
        assert row[f"État au {today:%d/%m/%Y}"] == follow_up(resultat.case, now, today)["etat_libelle"]
        info = documents[rs.employee.matricule]["information"]
        if not info["remis"]:
            assert row["Remise des documents"].date() == date.fromisoformat(info["date"]) == today
            assert row["Fin du délai de réflexion (24 h)"].date() > rs.dates["fin_delai_reflexion"]
            assert "R-76" in row["Avertissements (règles)"]
            slipped += 1
        lettre = documents[rs.employee.matricule].get("lettre")
        if lettre is not None and not lettre["remis"]:
            assert row["Envoi prévu de la lettre"].date() == date.fromisoformat(lettre["date"])
    assert slipped > 0
    assert "Date limite d'envoi de la lettre" not in header
    csv_rows = list(csv.DictReader(io.StringIO((out / "synthese.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [r["Matricule"] for r in csv_rows] == [rs.employee.matricule for rs in resultat.employees]
    events = [e for e in icalendar.Calendar.from_ical((out / "echeancier.ics").read_bytes()).walk("VEVENT")
              if str(e["STATUS"]) == "CONFIRMED"]
    expected = echeances(resultat, today)
    assert sorted((str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events) == sorted(
        (f"CSP {x.nom} ({x.matricule}) : {x.libelle}", x.date) for x in expected)


def test_synthese_command(tmp_path):
    result = CliRunner().invoke(main, ["synthese", str(ALSACE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["echeancier.ics", "synthese.csv", "synthese.xlsx"]
    again = CliRunner().invoke(main, ["synthese", str(ALSACE), "-o", str(tmp_path)])
    assert again.exit_code == 1 and "déjà présent" in again.output
    agrege = CliRunner().invoke(main, ["synthese", str(ALSACE), "-o", str(tmp_path), "--agrege", "--force"])
    assert agrege.exit_code == 0 and "de l'employeur" in agrege.output


def test_suivi_writes_the_summary_on_request(tmp_path):
    out = tmp_path / "rh"
    result = CliRunner().invoke(main, ["suivi", str(SUIVI), "--au", AU.isoformat(), "--format", "json",
                                       "--synthese", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["au"] == AU.isoformat()  # stdout stays the JSON
    _, _, rows = _sheet_rows((out / "synthese.xlsx").read_bytes(), "Synthèse")
    assert rows[0]["État au 25/09/2026"] == "CSP accepté"
    again = CliRunner().invoke(main, ["suivi", str(SUIVI), "--au", AU.isoformat(), "--synthese", str(out)])
    assert again.exit_code == 1 and "déjà présent" in again.output
    assert CliRunner().invoke(main, ["suivi", str(SUIVI), "--au", AU.isoformat(), "--synthese", str(out),
                                     "--force", "--agrege"]).exit_code == 0


def test_aggregated_event_names_a_bounded_number_of_employees(alsace, monkeypatch):
    import cspdocs.rh.echeancier as module

    monkeypatch.setattr(module, "NOMS_AGREGES", 3)
    cal = icalendar.Calendar.from_ical(calendrier(alsace, AU_ALSACE, agrege=True))
    [dreets] = [e for e in cal.walk("VEVENT") if "DREETS" in str(e["SUMMARY"])]  # every employee, one day
    text = str(dreets["DESCRIPTION"])
    assert f"Salariés concernés ({len(alsace.employees)})" in text
    assert text.count("(E1") == 3 and f"et {len(alsace.employees) - 3} autres" in text


def test_overdue_next_action_in_red(suivi_case, tmp_path):
    # the letters' information of the DREETS (8 days after the letters) is not recorded: late. (A
    # handover or a letter not recorded is not late: it is re-dated at the as-of date, R-76.)
    data = outputs(suivi_case, tmp_path, date(2026, 12, 1))["synthese.xlsx"]
    sheet, header, rows = _sheet_rows(data, "Synthèse")
    column = header.index("Prochaine action") + 1
    assert rows[0]["Prochaine action"].startswith("EN RETARD : ")
    assert sheet.cell(2, column).font.color.rgb.endswith("C00000")


@pytest.mark.parametrize("case", sorted(p.relative_to(ROOT).as_posix() for d in ("cases", "cases/csv", "cases/suivi")
                                        for p in (ROOT / d).glob("*.yaml")))
def test_every_calendar_event_of_the_examples_names_its_legal_source(case):
    charged = load_dossier(ROOT / case)
    resultat = compute_dossier(charged.dossier, charged.nom)
    events = list(icalendar.Calendar.from_ical(calendrier(resultat, date(2026, 12, 1))).walk("VEVENT"))
    assert events
    for event in events:
        assert "\nSources : " in "\n" + str(event["DESCRIPTION"]) or str(event["DESCRIPTION"]).startswith("Sources : ")
        assert "art." in str(event["DESCRIPTION"]) or "Décret" in str(event["DESCRIPTION"]) or "Cass." in str(event["DESCRIPTION"])


def test_withdrawn_events_are_cancelled_under_their_uid_with_a_higher_sequence(suivi_case):
    """Review finding 7: a re-import never deletes events, so a deadline withdrawn since the earlier
    file (S03's « en cas d'acceptation » dates once the period expired without an answer) is kept
    under its UID with STATUS:CANCELLED, and SEQUENCE grows with the as-of date (reproducibly)."""
    before_raw = calendrier(suivi_case, date(2026, 9, 25))
    assert before_raw == calendrier(suivi_case, date(2026, 9, 25))  # same input and date, same bytes
    before = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(before_raw).walk("VEVENT")}
    after = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(calendrier(suivi_case, date(2026, 12, 1)))
             .walk("VEVENT")}
    assert set(before) <= set(after)  # nothing disappears
    [rupture] = [u for u, e in before.items() if "(S03)" in str(e["SUMMARY"]) and "Rupture" in str(e["SUMMARY"])]
    assert str(before[rupture]["STATUS"]) == "CONFIRMED"
    assert str(after[rupture]["STATUS"]) == "CANCELLED"
    assert after[rupture].decoded("DTSTART") == before[rupture].decoded("DTSTART")
    assert int(after[rupture]["SEQUENCE"]) == (date(2026, 12, 1) - date(2000, 1, 1)).days
    assert int(after[rupture]["SEQUENCE"]) > int(before[rupture]["SEQUENCE"])
    assert str(after[rupture]["DTSTAMP"].dt.date()) == "2026-12-01"
    # the old « date limite d'envoi » event (the day BEFORE which the letter may not be posted) is
    # withdrawn everywhere, and no event description shows an internal key of the engine
    for e in after.values():
        assert "date limite d'envoi" not in str(e["SUMMARY"]).lower() or str(e["STATUS"]) == "CANCELLED"
        assert "dates." not in str(e["DESCRIPTION"])


def test_aggregated_calendar_never_counts_if_accepted_dates_as_amounts_due(suivi_case):
    """Review finding 8: as of 20/09, S01 accepted (contribution due), S03 has not answered: two events,
    the conditional one keeping its qualifier and counting only S03."""
    au = date(2026, 9, 20)
    cal = icalendar.Calendar.from_ical(calendrier(suivi_case, au, agrege=True))
    contribution = [e for e in cal.walk("VEVENT") if "Contribution" in str(e["SUMMARY"])]
    accepted = follow_up(suivi_case.case, suivi_case.employees[0], au)
    [due] = [a for a in accepted["actions"] if a["action"] == "contribution"]
    firm = [e for e in contribution if "en cas d'acceptation" not in str(e["SUMMARY"])]
    maybe = [e for e in contribution if "en cas d'acceptation" in str(e["SUMMARY"])]
    assert len(firm) == 1 and "(1 salarié)" in str(firm[0]["SUMMARY"]) and "(S01)" in str(firm[0]["DESCRIPTION"])
    assert firm[0].decoded("DTSTART") == due["echeance"]
    assert len(maybe) == 1 and "(1 salarié)" in str(maybe[0]["SUMMARY"])
    assert "(S03)" in str(maybe[0]["DESCRIPTION"]) and "(S01)" not in str(maybe[0]["DESCRIPTION"])
    assert str(firm[0]["UID"]) != str(maybe[0]["UID"])


def test_generate_employe_marks_stale_rows_of_other_employees(tmp_path):
    """Review finding 6: after a salary change for E002, `generate --employe E001` keeps E002's
    published documents; its summary row says they are stale (R-78) instead of silently showing
    values that no longer match them."""
    from tests.engine.test_timeline import TWO

    path = write(tmp_path, TWO)
    out = tmp_path / "out"

    def run(*extra):
        result = CliRunner().invoke(main, ["generate", str(path), "-o", str(out), "--au", "2026-03-01", *extra])
        assert result.exit_code == 0, result.output
        return _sheet_rows((out / path.stem / "synthese.xlsx").read_bytes(), "Synthèse")[2]

    rows = run()
    assert all("R-78" not in (r["Avertissements (règles)"] or "") for r in rows)
    path.write_text(TWO.replace("2300.00", "2400.00"), encoding="utf-8")
    rows = {r["Matricule"]: r for r in run("--employe", "E001")}
    assert "R-78" in rows["E002"]["Avertissements (règles)"]
    assert rows["E002"]["Mentions obligatoires"] == "documents périmés (R-78) : à régénérer"
    assert "R-78" not in (rows["E001"]["Avertissements (règles)"] or "")
    _, _, warnings = _sheet_rows((out / path.stem / "synthese.xlsx").read_bytes(), "Avertissements")
    assert any(w["Matricule"] == "E002" and w["Règle"] == "R-78" for w in warnings)
    csv_text = (out / path.stem / "synthese.csv").read_text(encoding="utf-8-sig")
    assert "documents périmés (R-78)" in csv_text
    rows = {r["Matricule"]: r for r in run()}  # regenerated: no longer stale
    assert "R-78" not in (rows["E002"]["Avertissements (règles)"] or "")


def test_aggregated_event_withdrawn_for_every_employee_is_cancelled(suivi_case):
    """As of 20/09 S03 alone has the « en cas d'acceptation » contribution date; as of 01/12 its period
    expired: the aggregated event keeps its UID, cancelled."""
    def events(au):
        cal = icalendar.Calendar.from_ical(calendrier(suivi_case, au, agrege=True))
        return {str(e["UID"]): e for e in cal.walk("VEVENT")}

    before, after = events(date(2026, 9, 20)), events(date(2026, 12, 1))
    [maybe] = [u for u, e in before.items() if "Contribution" in str(e["SUMMARY"])
               and "en cas d'acceptation" in str(e["SUMMARY"])]
    assert str(before[maybe]["STATUS"]) == "CONFIRMED"
    assert str(after[maybe]["STATUS"]) == "CANCELLED"
    assert after[maybe].decoded("DTSTART") == before[maybe].decoded("DTSTART")
    assert int(after[maybe]["SEQUENCE"]) > int(before[maybe]["SEQUENCE"])
