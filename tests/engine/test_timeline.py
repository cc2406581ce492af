"""Issue 10: the as-of date on compute, generate and check; documents never backdated; delivered
documents never rewritten; other employees' out-of-date documents named.

Built on tests/case/test_case_loading.BASE (Metz, individuel, interview Tue 03/03/2026; earliest letter
Thu 12/03/2026, last day of the period Tue 24/03/2026; Good Friday 03/04/2026 is a holiday there).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cspdocs.cli import main
from cspdocs.mentions.extract import document_text
from tests.case.test_case_loading import BASE, write

EMPLOYEE_END = "    salaire_brut_mensuel: 2850.00\n"
FOLDER = "E001-Bernard"


def with_employee(*lines: str, base: str = BASE) -> str:
    return base.replace(EMPLOYEE_END, EMPLOYEE_END + "".join(f"    {line}\n" for line in lines))


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def generate(path: Path, out: Path, *options) -> tuple:
    result = run("generate", path, "-o", out, *options)
    return result, out / path.stem


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def artefacts(folder: Path) -> dict:
    [entry] = manifest(folder)["salaries"]
    return {a["cle"]: a for a in entry["artefacts"]}


def text_of(path: Path) -> str:
    return "\n".join(document_text(path).paragraphes)


# --- --au on compute: the plan is unchanged, the state is added beside it ----------------------

def test_compute_contract_dates_do_not_depend_on_the_as_of_date(tmp_path):
    path = write(tmp_path, BASE)
    early = json.loads(run("compute", path, "--format", "json", "--au", "2026-03-01").stdout)
    late = json.loads(run("compute", path, "--format", "json", "--au", "2026-06-30").stdout)
    assert early["salaries"][0]["dates"] == late["salaries"][0]["dates"]
    assert late["salaries"][0]["dates"]["envoi_lettre"] == "2026-03-12"  # the plan (case-format.md)
    assert (early["au"], late["au"]) == ("2026-03-01", "2026-06-30")
    before, after = early["salaries"][0]["etat_au"], late["salaries"][0]["etat_au"]
    assert before["etat"] == "avant_remise" and before["constats"] == []
    assert before["documents"]["lettre"] == {"date": "2026-03-12", "date_prevue": "2026-03-12", "remis": False}
    # on 30/06 nothing is recorded: the documents would be dated that day and the slip is flagged (R-76; the
    # actions read the same re-dated handover, so no separate R-71 "overdue" finding: review finding 1)
    assert after["documents"]["remise"] == {"date": "2026-06-30", "date_prevue": "2026-03-03", "remis": False}
    assert not any(c.startswith("R-71 : ") for c in after["constats"])
    assert any(c.startswith("R-76 : la remise prévue le mardi 03/03/2026") for c in after["constats"])


def test_compute_text_prints_the_as_of_date(tmp_path):
    result = run("compute", write(tmp_path, BASE), "--au", "2026-03-01")
    assert result.exit_code == 0
    assert "Date d'observation : dimanche 01/03/2026 (--au)" in result.stderr


@pytest.mark.aujourdhui
def test_the_as_of_date_defaults_to_today(tmp_path):
    from datetime import date

    from cspdocs.engine.dates import fr

    result = run("compute", write(tmp_path, BASE), "--format", "json")
    assert json.loads(result.stdout)["au"] == date.today().isoformat()
    result = run("compute", write(tmp_path, BASE))
    assert f"Date d'observation : {fr(date.today())}" in result.stderr


# --- no backdating in generate ------------------------------------------------------------------

def test_a_letter_whose_planned_date_has_passed_is_dated_at_the_as_of_date(tmp_path):
    path = write(tmp_path, with_employee("suivi: {remise: 2026-03-03}"))
    result, folder = generate(path, tmp_path / "out", "--au", "2026-03-20")
    assert result.exit_code == 0, result.output
    assert "Date d'observation : vendredi 20/03/2026 (--au, inscrite au manifeste)" in result.stderr
    assert manifest(folder)["au"] == "2026-03-20"
    a = artefacts(folder)
    assert (a["lettre"]["date"], a["lettre"]["remis"], a["lettre"]["variante"]) == ("2026-03-20", False, "conservatoire")
    assert (a["information"]["date"], a["information"]["remis"]) == ("2026-03-03", True)
    assert "Metz, le 20 mars 2026" in text_of(folder / FOLDER / "3-lettre-recommandee.docx")
    assert "R-76 : la lettre prévue le jeudi 12/03/2026 n'est pas enregistrée comme envoyée" in result.stderr


def test_a_late_letter_takes_the_wording_of_its_own_date(tmp_path):
    """Sunday 22/03 is no postal day: Monday 23/03, still in the period; 25/03 is after it (R-27)."""
    path = write(tmp_path, with_employee("suivi: {remise: 2026-03-03}"))
    result, folder = generate(path, tmp_path / "a", "--au", "2026-03-22")
    assert result.exit_code == 0, result.output
    assert (artefacts(folder)["lettre"]["date"], artefacts(folder)["lettre"]["variante"]) == ("2026-03-23", "conservatoire")
    result, folder = generate(path, tmp_path / "b", "--au", "2026-03-25")
    assert result.exit_code == 0, result.output
    assert (artefacts(folder)["lettre"]["date"], artefacts(folder)["lettre"]["variante"]) == ("2026-03-25", "licenciement")


def test_a_late_handover_is_dated_at_the_as_of_date_and_the_period_runs_from_it(tmp_path):
    path = write(tmp_path, BASE)
    result, folder = generate(path, tmp_path / "out", "--au", "2026-03-05")
    assert result.exit_code == 0, result.output
    a = artefacts(folder)
    assert a["information"]["date"] == a["recepisse"]["date"] == a["motif"]["date"] == "2026-03-05"
    info = text_of(folder / FOLDER / "1-document-information-csp.docx")
    assert "jeudi 5 mars 2026" in info and "expire le jeudi 26 mars 2026 à minuit" in info
    assert "R-76 : la remise prévue le mardi 03/03/2026 n'est pas enregistrée" in result.stderr


def test_the_post_acceptance_letter_is_never_dated_before_the_as_of_date(tmp_path):
    path = write(tmp_path, with_employee("reponse: {decision: acceptation, date: 2026-03-10}", "suivi: {remise: 2026-03-03}"))
    result, folder = generate(path, tmp_path / "out", "--au", "2026-03-16")
    assert result.exit_code == 0, result.output
    a = artefacts(folder)["lettre"]
    assert (a["date"], a["variante"]) == ("2026-03-16", "apres_acceptation")


def test_nothing_slips_before_the_planned_dates(tmp_path):
    path = write(tmp_path, BASE)
    result, folder = generate(path, tmp_path / "out", "--au", "2026-03-01")
    assert result.exit_code == 0, result.output
    a = artefacts(folder)
    assert (a["information"]["date"], a["lettre"]["date"]) == ("2026-03-03", "2026-03-12")
    assert "R-76" not in result.stderr


# --- delivered documents: byte for byte, never silently rewritten ---------------------------------

PROTECTED = "salarie_protege: {date_notification_autorisation: null}"


def test_a_protected_employees_delivered_document_does_not_change_once_the_authorisation_is_known(tmp_path):
    out = tmp_path / "out"
    path = write(tmp_path, with_employee(PROTECTED, "suivi: {remise: 2026-03-03}"))
    result, folder = generate(path, out, "--au", "2026-03-10")
    assert result.exit_code == 0, result.output
    first = {p.name: p.read_bytes() for p in (folder / FOLDER).glob("*.docx")}
    assert "3-lettre-recommandee.docx" not in first  # no letter before the authorisation
    path.write_text(with_employee("salarie_protege: {date_notification_autorisation: 2026-04-10}",
                                  "suivi: {remise: 2026-03-03}"), encoding="utf-8")
    result, folder = generate(path, out, "--au", "2026-04-14")
    assert result.exit_code == 0, result.output
    for name, data in first.items():
        assert (folder / FOLDER / name).read_bytes() == data, name
    # the letter now exists, dated after the notification
    assert artefacts(folder)["lettre"]["date"] == "2026-04-14"


def test_a_delivered_document_whose_data_changed_is_not_rewritten_without_the_option(tmp_path):
    out = tmp_path / "out"
    path = write(tmp_path, with_employee("suivi: {remise: 2026-03-03}"))
    result, folder = generate(path, out, "--au", "2026-03-05")
    assert result.exit_code == 0, result.output
    before = (folder / FOLDER / "1-document-information-csp.docx").read_bytes()
    path.write_text(path.read_text(encoding="utf-8").replace("3 allée des Tilleuls", "5 allée des Tilleuls"), encoding="utf-8")
    result, _ = generate(path, out, "--au", "2026-03-05")
    assert result.exit_code == 1
    assert "Erreur (R-77) : Document(s) enregistré(s) comme remis dont le contenu changerait" in result.stderr
    assert "E001, E001-Bernard/1-document-information-csp.docx (remis le 2026-03-03)" in result.stderr
    assert "avant : 3 allée des Tilleuls" in result.stderr and "après : 5 allée des Tilleuls" in result.stderr
    assert "--reecrire-remis" in result.stderr and "Aucun document publié" in result.stderr
    assert (folder / FOLDER / "1-document-information-csp.docx").read_bytes() == before
    result, _ = generate(path, out, "--au", "2026-03-05", "--reecrire-remis")
    assert result.exit_code == 0, result.output
    assert "R-77 : document remis réécrit à la demande" in result.stderr
    assert (folder / FOLDER / "1-document-information-csp.docx").read_bytes() != before


def test_an_undelivered_document_may_change(tmp_path):
    out = tmp_path / "out"
    path = write(tmp_path, BASE)
    assert generate(path, out, "--au", "2026-03-01")[0].exit_code == 0
    path.write_text(BASE.replace("3 allée des Tilleuls", "5 allée des Tilleuls"), encoding="utf-8")
    result, _ = generate(path, out, "--au", "2026-03-01")
    assert result.exit_code == 0, result.output


# --- generate --employe names the other employees' out-of-date documents ------------------------

TWO = BASE + """\
  - matricule: "E002"
    civilite: Monsieur
    prenom: Paul
    nom: Roux
    adresse: {rue: 9 rue Haute, code_postal: "57000", ville: Metz}
    date_entree: 2018-06-01
    emploi: Magasinier
    salaire_brut_mensuel: 2300.00
"""


def test_generate_employe_names_other_employees_out_of_date(tmp_path):
    out = tmp_path / "out"
    path = write(tmp_path, TWO)
    assert generate(path, out, "--au", "2026-03-01")[0].exit_code == 0
    result, _ = generate(path, out, "--au", "2026-03-01", "--employe", "E001")
    assert result.exit_code == 0 and "R-78" not in result.stderr  # nothing changed
    path.write_text(TWO.replace("2300.00", "2400.00"), encoding="utf-8")
    result, _ = generate(path, out, "--au", "2026-03-01", "--employe", "E001")
    assert result.exit_code == 0, result.output
    assert ("R-78 : documents publiés d'autres salariés qui ne correspondent plus au dossier (données, journal ou "
            "modèles modifiés depuis leur génération) : E002.") in result.stderr


# --- check --au ---------------------------------------------------------------------------------

def test_check_reads_each_document_against_what_was_known_on_its_date(tmp_path):
    out = tmp_path / "out"
    path = write(tmp_path, with_employee(PROTECTED, "suivi: {remise: 2026-03-03}"))
    result, folder = generate(path, out, "--au", "2026-03-10")
    assert result.exit_code == 0, result.output
    path.write_text(with_employee("salarie_protege: {date_notification_autorisation: 2026-04-10}",
                                  "suivi: {remise: 2026-03-03}"), encoding="utf-8")
    result = run("check", path, folder / FOLDER / "1-document-information-csp.docx", "--au", "2026-04-14")
    assert result.exit_code == 0, result.output
    assert "Date d'observation : mardi 14/04/2026 (--au)" in result.stderr


@pytest.mark.libreoffice
def test_pdf_of_documents_from_different_dates_pass_their_mentions(tmp_path):
    """The PDF check reads each document against the facts of its own date, like the DOCX check."""
    from tests.support.pdf import require_libreoffice

    require_libreoffice()
    path = write(tmp_path, with_employee("salarie_protege: {date_notification_autorisation: 2026-04-10}",
                                         "suivi: {remise: 2026-03-03}"))
    result, folder = generate(path, tmp_path / "out", "--au", "2026-04-14", "--pdf")
    assert result.exit_code == 0, result.output
    a = artefacts(folder)
    assert (a["information"]["date"], a["lettre"]["date"]) == ("2026-03-03", "2026-04-14")
    assert (folder / FOLDER / "3-lettre-recommandee.pdf").is_file()


# --- follow-up documents (art. 4 § 1 of the convention of 26 January 2015) ---------------------

REMOTE = ("mode_remise: lrar", "date_envoi_documents: 2026-03-04", "date_remise: 2026-03-05")


def test_a_remote_handover_gets_its_confirmation_once_the_presentation_is_known(tmp_path):
    out = tmp_path / "out"
    path = write(tmp_path, with_employee(*REMOTE, "suivi: {remise: 2026-03-04}"))
    result, folder = generate(path, out, "--au", "2026-03-05")
    assert result.exit_code == 0, result.output
    assert "confirmation" not in artefacts(folder)  # the presentation is not known yet: nothing said
    assert "Non produit : confirmation" not in result.stderr
    path.write_text(with_employee(*REMOTE, "suivi: {remise: 2026-03-04, presentation_documents: 2026-03-06}"), encoding="utf-8")
    result, folder = generate(path, out, "--au", "2026-03-09")
    assert result.exit_code == 0, result.output
    a = artefacts(folder)["confirmation"]
    assert (a["chemin"], a["date"], a["remis"]) == ("E001-Bernard/5-confirmation-remise.docx", "2026-03-09", False)
    text = text_of(folder / FOLDER / "5-confirmation-remise.docx")
    # the period runs from the day after the first presentation, Friday 06/03: it ends on Friday 27/03
    assert "présentée à votre domicile le vendredi 6 mars 2026" in text
    assert "Ce délai expire le vendredi 27 mars 2026 à minuit." in text
    assert "votre contrat de travail sera rompu d'un commun accord des parties à la date d'expiration du délai de réflexion, soit le vendredi 27 mars 2026" in text
    assert "R-76 : le courrier confirmant la remise à distance, dû le vendredi 06/03/2026" in result.stderr
    # once recorded as posted, later events do not change it
    first = (folder / FOLDER / "5-confirmation-remise.docx").read_bytes()
    path.write_text(with_employee(*REMOTE, "reponse: {decision: refus, date: 2026-03-12}",
                                  "suivi: {remise: 2026-03-04, presentation_documents: 2026-03-06, confirmation_envoyee: 2026-03-09}"),
                    encoding="utf-8")
    result, folder = generate(path, out, "--au", "2026-03-16")
    assert result.exit_code == 0, result.output
    assert artefacts(folder)["confirmation"]["remis"] is True
    assert (folder / FOLDER / "5-confirmation-remise.docx").read_bytes() == first


def test_a_protected_employee_gets_the_notice_of_his_new_expiry_date(tmp_path):
    """Notified on Friday 10/04/2026: the period runs to the next day, a Saturday, prorogued to Monday 13/04."""
    path = write(tmp_path, with_employee("salarie_protege: {date_notification_autorisation: 2026-04-10}",
                                         "suivi: {remise: 2026-03-03}"))
    result, folder = generate(path, tmp_path / "out", "--au", "2026-04-10")
    assert result.exit_code == 0, result.output
    a = artefacts(folder)["nouvelle_echeance"]
    assert (a["chemin"], a["date"]) == ("E001-Bernard/6-nouvelle-date-expiration.docx", "2026-04-10")
    text = text_of(folder / FOLDER / "6-nouvelle-date-expiration.docx")
    assert "nous a été notifiée le vendredi 10 avril 2026" in text
    assert "votre délai de réflexion expire le lundi 13 avril 2026 à minuit" in text
    assert "soit le lundi 13 avril 2026" in text
    assert "R-80" not in result.stderr
    # handed over after the new last day: flagged
    result, _ = generate(path, tmp_path / "late", "--au", "2026-04-15")
    assert result.exit_code == 0, result.output
    assert "R-80 : l'avis de la nouvelle date d'expiration du délai de réflexion (lundi 13/04/2026) serait remis le mercredi 15/04/2026" in result.stderr


def test_no_notice_when_the_handover_documents_already_stated_the_dates(tmp_path):
    path = write(tmp_path, with_employee("salarie_protege: {date_notification_autorisation: 2026-03-03}"))
    result, folder = generate(path, tmp_path / "out", "--au", "2026-03-01")
    assert result.exit_code == 0, result.output
    assert "nouvelle_echeance" not in artefacts(folder)


@pytest.mark.libreoffice
def test_follow_up_documents_in_pdf(tmp_path):
    from tests.support.pdf import require_libreoffice

    require_libreoffice()
    path = write(tmp_path, with_employee("salarie_protege: {date_notification_autorisation: 2026-04-10}", *REMOTE,
                                         "suivi: {remise: 2026-03-04, presentation_documents: 2026-03-06}"))
    result, folder = generate(path, tmp_path / "out", "--au", "2026-04-10", "--pdf")
    assert result.exit_code == 0, result.output
    assert (folder / FOLDER / "5-confirmation-remise.pdf").is_file()
    assert (folder / FOLDER / "6-nouvelle-date-expiration.pdf").is_file()


def test_suivi_lists_the_follow_up_documents(tmp_path):
    path = write(tmp_path, with_employee(*REMOTE, "suivi: {remise: 2026-03-04, presentation_documents: 2026-03-06}"))
    data = json.loads(run("suivi", path, "--au", "2026-03-10", "--format", "json").stdout)
    [employee] = data["salaries"]
    a = {x["action"]: x for x in employee["actions"]}["confirmation_remise"]
    assert (a["echeance"], a["statut"], a["sources"]) == ("2026-03-06", "en_retard", ["Convention du 26 janvier 2015, art. 4 § 1"])
    assert any(c.startswith("R-73 : courrier confirmant la date de remise") for c in employee["constats"])
    path.write_text(with_employee("salarie_protege: {date_notification_autorisation: 2026-04-10}",
                                  "suivi: {remise: 2026-03-03, nouvelle_echeance_remise: 2026-04-10}"), encoding="utf-8")
    data = json.loads(run("suivi", path, "--au", "2026-04-11", "--format", "json").stdout)
    a = {x["action"]: x for x in data["salaries"][0]["actions"]}["nouvelle_echeance"]
    assert (a["echeance"], a["statut"], a["fait_le"]) == ("2026-04-10", "fait", "2026-04-10")


def test_a_follow_up_recorded_before_its_event_is_an_error(tmp_path):
    from tests.case.test_case_loading import errors_of, line_of

    text = with_employee(*REMOTE, "suivi: {remise: 2026-03-04, presentation_documents: 2026-03-06,",
                         "        confirmation_envoyee: 2026-03-05}")
    [e] = errors_of(write(tmp_path, text))
    assert e.chemin == "salaries[0].suivi.confirmation_envoyee" and "(R-75)" in e.message
    assert "suppose la première présentation des documents" in e.message
    text = with_employee("suivi: {remise: 2026-03-03, nouvelle_echeance_remise: 2026-03-20}")
    [e] = errors_of(write(tmp_path, text))
    assert e.chemin == "salaries[0].suivi.nouvelle_echeance_remise" and "non enregistrée (R-75)" in e.message


@pytest.mark.aujourdhui
def test_generate_records_today_in_the_manifest_by_default(tmp_path):
    from datetime import date

    result, folder = generate(write(tmp_path, BASE), tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert manifest(folder)["au"] == date.today().isoformat()
    # nothing is recorded as delivered: no document is dated before today (the plan: 03/03 and 12/03/2026)
    a = artefacts(folder)
    today = date.today().isoformat()
    assert a["information"]["date"] == max("2026-03-03", today)
    assert a["lettre"]["date"] >= max("2026-03-12", today)


def test_check_reads_the_as_of_date_of_the_published_documents(tmp_path):
    """Documents generated on 01/03 (planned 03/03 and 12/03) are checked as of that day, not today."""
    path = write(tmp_path, BASE)
    result, folder = generate(path, tmp_path / "out", "--au", "2026-03-01")
    assert result.exit_code == 0, result.output
    result = run("check", path, folder)
    assert result.exit_code == 0, result.output
    assert "Date d'observation : dimanche 01/03/2026 (celle de leur génération, d'après manifest.json)" in result.stderr
    result = run("check", path, folder / FOLDER / "3-lettre-recommandee.docx", "--au", "2026-03-20")
    assert result.exit_code == 1  # as of 20/03 the unsent letter would be dated that day


# --- review finding 1: suivi reads the same as-of dates as the documents ---------------------------

def test_suivi_reads_the_slipped_handover_the_documents_bear(tmp_path):
    # planned handover Tue 03/03/2026 not recorded; as of Thu 05/03 the documents are dated 05/03 and
    # the period expires Thu 26/03 (test above): the reply is due 26/03, not the plan's 24/03
    path = write(tmp_path, BASE)
    data = json.loads(run("suivi", path, "--au", "2026-03-05", "--format", "json").stdout)
    [employee] = data["salaries"]
    a = {x["action"]: x for x in employee["actions"]}
    assert (a["fin_delai_reflexion"]["echeance"], a["fin_delai_reflexion"]["statut"]) == ("2026-03-26", "a_faire")
    assert (a["remise"]["echeance"], a["remise"]["statut"]) == ("2026-03-05", "a_faire")
    assert "prévue le mardi 03/03/2026" in a["remise"]["note"]
    assert any(c.startswith("R-76 : la remise prévue le mardi 03/03/2026") for c in employee["constats"])
    assert not any(c.startswith("R-71") for c in employee["constats"])
    contract = json.loads(run("compute", path, "--au", "2026-03-05", "--format", "json").stdout)
    [entry] = contract["salaries"]
    assert entry["dates"]["fin_delai_reflexion"] == "2026-03-24"  # the plan is unchanged
    assert entry["etat_au"]["constats"].count(employee["constats"][0]) == 1
    text = run("suivi", path, "--au", "2026-03-05").stdout
    assert "échéance jeudi 26/03/2026" in text
    assert "R-76 : la remise prévue" in text
    table = run("suivi", path, "--au", "2026-03-05", "--format", "tableau").stdout
    assert "E001 : R-76 : la remise prévue" in " ".join(table.split())


def test_suivi_reads_the_slipped_letter_the_documents_bear(tmp_path):
    # handover recorded, letter planned 12/03 not recorded: as of Fri 20/03 the letter is dated 20/03
    path = write(tmp_path, with_employee("suivi: {remise: 2026-03-03}", "date_envoi_lettre: 2026-03-12"))
    data = json.loads(run("suivi", path, "--au", "2026-03-20", "--format", "json").stdout)
    [employee] = data["salaries"]
    a = {x["action"]: x for x in employee["actions"]}["lettre"]
    assert (a["echeance"], a["statut"]) == ("2026-03-20", "a_faire")
    assert any(c.startswith("R-76 : la lettre prévue le") for c in employee["constats"])
