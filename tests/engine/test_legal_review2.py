"""Issue 8 (legal correctness, second pass): each test names its item, its rule code and its source.

Built on the contract's example (tests/case/test_case_loading.BASE: Metz, individuel, interview Tue
03/03/2026, entry 01/03/2015, 2 850 €; earliest letter Thu 12/03/2026, last day Tue 24/03/2026).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner

from cspdocs.cli import main
from cspdocs.case.loader import load_dossier
from cspdocs.casework import compute_charged
from cspdocs.generate import render_batch
from cspdocs.mentions.checker import check_artefact
from cspdocs.render.modeles import load_templates
from tests.case.test_case_loading import BASE, errors_of, line_of, variant, write
from tests.support.render import all_text, normalise_spaces

EMPLOYEE_END = "    salaire_brut_mensuel: 2850.00\n"


def with_employee(*lines: str, base: str = BASE) -> str:
    return variant((EMPLOYEE_END, EMPLOYEE_END + "".join(f"    {line}\n" for line in lines)), base=base)


def computed(tmp_path, text):
    charge = load_dossier(write(tmp_path, text))
    return charge, compute_charged(charge)


def one(tmp_path, text):
    return computed(tmp_path, text)[1].employees[0]


@pytest.fixture(scope="module")
def modeles():
    return load_templates()


def documents(tmp_path, text, modeles):
    """{artefact key: (normalised text, CaseResult, EmployeeResult)} of the first employee."""
    charge, result = computed(tmp_path, text)
    lot = render_batch(charge, result, modeles)
    return {d.artefact.modele.removesuffix(".docx"): normalise_spaces(all_text(d.contenu)) for d in lot.salaries[0].documents}, result


def run(*args):
    return CliRunner().invoke(main, list(args))


# --- item 1: findings reach every output; structural errors block ------------------------------

ZONE_FORCED = variant(("  effectif: 24", "  effectif: 24\n  zone: metropole"))


def test_item1_zone_warning_in_compute_json_and_text(tmp_path):
    """A zone forced against the postal code (57000 → alsace-moselle, R-48) is shown with file:line."""
    path = write(tmp_path, ZONE_FORCED)
    line = line_of(ZONE_FORCED, "zone: metropole")
    data = json.loads(run("compute", str(path), "--format", "json").stdout)
    expected = f"R-48 : {path}:{line}: employeur.zone : la zone « metropole » ne correspond pas au code postal 57000"
    assert any(w.startswith(expected) for w in data["avertissements"]), data["avertissements"]
    text = run("compute", str(path), "--sans-explications").stdout
    assert expected in text


def test_item1_employee_finding_goes_to_that_employee(tmp_path):
    text = with_employee("zone: reunion")
    data = json.loads(run("compute", str(write(tmp_path, text)), "--format", "json").stdout)
    warnings = data["salaries"][0]["avertissements"]
    assert any(w.startswith("R-48 : ") and "salaries[0].zone" in w for w in warnings), warnings


def test_item1_warning_in_generate_and_check(tmp_path):
    path = write(tmp_path, ZONE_FORCED)
    out = tmp_path / "out"
    generated = run("generate", str(path), "-o", str(out))
    assert generated.exit_code == 0, generated.stderr
    assert "R-48" in generated.stderr
    checked = run("check", str(path), str(out))
    assert "Avertissement du dossier : R-48 : " in checked.stdout
    as_json = json.loads(run("check", str(path), str(out), "--format", "json").stdout)
    assert any(w.startswith("R-48 : ") for w in as_json["avertissements_dossier"])


def _employees(n: int) -> str:
    block = BASE[BASE.index("  - matricule"):]
    return BASE + "".join(block.replace('"E001"', f'"E{i:03d}"') for i in range(2, n + 1))


def test_item1_ten_employees_in_an_individual_procedure_block(tmp_path):
    """R-56: from 10 dismissals in 30 days, L1233-28 ff., L1233-38, L1233-39, L1233-46 apply."""
    text = _employees(10)
    errors = errors_of(write(tmp_path, text))
    [e] = [e for e in errors if "(R-56)" in e.message]
    assert (e.ligne, e.chemin) == (line_of(text, "type: individuel"), "procedure.type")
    assert "L1233-46" in e.message and "collectif_10_et_plus" in e.message


def test_item1_nine_employees_individual_is_a_warning_only(tmp_path):
    charge = load_dossier(write(tmp_path, _employees(9)))
    assert [w.message[:6] for w in charge.warnings] == ["R-22 :"]


def test_item1_pse_under_50_blocks_and_names_the_type(tmp_path):
    """R-57: no validation or homologation exists under 50 (L1233-61, L1233-57-4)."""
    text = variant(("type: individuel\n  date_entretien_prealable: 2026-03-03",
                    "type: pse\n  date_notification_projet_administration: 2026-04-20\n"
                    "  date_decision_administration: 2026-06-11"))
    [e] = errors_of(write(tmp_path, text))
    assert (e.ligne, e.chemin) == (line_of(text, "effectif: 24"), "procedure.type")
    assert "« collectif_10_et_plus »" in e.message and "(R-57)" in e.message


def test_item1_dreets_notification_before_the_day_after_the_first_meeting(tmp_path):
    """R-58, L1233-46 al. 2: notified « au plus tôt le lendemain » of the first CSE meeting."""
    text = variant(("type: individuel\n  date_entretien_prealable: 2026-03-03",
                    "type: collectif_10_et_plus\n  cse: true\n  date_premiere_reunion_cse: 2026-03-03\n"
                    "  date_derniere_reunion_cse: 2026-03-13\n  date_notification_projet_administration: 2026-03-03"))
    [e] = errors_of(write(tmp_path, text))
    assert (e.ligne, e.chemin) == (line_of(text, "date_notification_projet"), "procedure.date_notification_projet_administration")
    assert "au plus tôt le lendemain de la première réunion du CSE (03/03/2026), soit le 04/03/2026" in e.message
    ok = text.replace("date_notification_projet_administration: 2026-03-03", "date_notification_projet_administration: 2026-03-04")
    assert not [w for w in load_dossier(write(tmp_path, ok)).warnings if "R-58" in w.message]


@pytest.mark.parametrize("salary", ["0", "-10.00"])
def test_item1_zero_or_negative_salary(tmp_path, salary):
    text = BASE.replace("salaire_brut_mensuel: 2850.00", f"salaire_brut_mensuel: {salary}")
    [e] = errors_of(write(tmp_path, text))
    assert (e.ligne, e.chemin) == (line_of(text, "salaire_brut_mensuel"), "salaries[0].salaire_brut_mensuel")


# --- item 2: maternity, relative protection ----------------------------------------------------

MATERNITY = with_employee("fin_protection_maternite: 2026-02-10")


def test_item2_statement_required_within_ten_weeks(tmp_path):
    """L1225-4 al. 1: 10 weeks after 10/02/2026 = 21/04/2026; the handover of 03/03 is inside (R-61)."""
    charge = load_dossier(write(tmp_path, MATERNITY))
    with pytest.raises(Exception) as info:
        compute_charged(charge)
    [e] = info.value.erreurs
    assert e.chemin == "salaries[0].impossibilite_maintien_contrat" and "(R-61)" in e.message
    assert "jusqu'au mardi 21/04/2026" in e.message


def test_item2_statement_in_letter_and_motive_and_latest_handover(tmp_path, modeles):
    text = MATERNITY + "    impossibilite_maintien_contrat: fermeture définitive de l'atelier\n"
    docs, result = documents(tmp_path, text, modeles)
    rs = result.employees[0]
    assert rs.dates["fin_protection_relative_maternite"] == date(2026, 4, 21)
    assert rs.dates["remise_au_plus_tard_maternite"] == date(2026, 2, 11)  # art. 4, note 1
    # the interview (03/03) is after the protection: nothing deferred, no R-62 (tests/engine/test_law2_fixes.py)
    assert not any(w.startswith("R-62 : ") for w in rs.warnings)
    for name in ("lettre", "motif"):
        assert ("impossibilité de maintenir votre contrat de travail pour un motif étranger à la grossesse et à "
                "l'accouchement : fermeture définitive de l'atelier") in docs[name]
        found = {r.mention: r for r in check_artefact(name, docs[name], result, rs)}
        assert not found["MAT.1"].echec
        stripped = docs[name].replace("impossibilité de maintenir", "")
        missing = {r.mention: r for r in check_artefact(name, stripped, result, rs)}
        assert missing["MAT.1"].echec and missing["MAT.1"].blocking


def test_item2_outside_the_window_nothing_is_required(tmp_path):
    rs = one(tmp_path, with_employee("fin_protection_maternite: 2025-11-01"))  # + 10 weeks = 10/01/2026
    assert rs.conditions["protection_relative_maternite"] is False


# --- item 3: redressement judiciaire -----------------------------------------------------------

REDRESSEMENT = variant(("  effectif: 24", "  effectif: 24\n  procedure_collective: redressement\n  date_jugement: 2026-02-02"))


def test_item3_ordonnance_required(tmp_path):
    """C. com. L631-17; Cass. soc. 27/05/2020 n° 18-20.153 (R-63)."""
    [e] = errors_of(write(tmp_path, REDRESSEMENT))
    assert e.chemin == "employeur.ordonnance_juge_commissaire" and "(R-63)" in e.message
    assert e.ligne == line_of(REDRESSEMENT, "procedure_collective: redressement")


def _redressement(mission: str) -> str:
    return REDRESSEMENT.replace("date_jugement: 2026-02-02", (
        "date_jugement: 2026-02-02\n  ordonnance_juge_commissaire: {date: 2026-02-20, objet: le licenciement de 3 salariés}\n"
        f"  mandataire: {{nom: Maître Anne Roux, qualite: administratrice judiciaire, mission: {mission}}}"))


def test_item3_ordonnance_cited_and_signature_follows_the_mission(tmp_path, modeles):
    docs, result = documents(tmp_path, _redressement("representation"), modeles)
    rs = result.employees[0]
    for name in ("lettre", "motif"):
        assert "par ordonnance du juge-commissaire du vendredi 20 février 2026 (article L. 631-17 du code de commerce)" in docs[name]
        assert {r.mention: not r.echec for r in check_artefact(name, docs[name], result, rs)}["RJ.1"]
    assert "Claire Martin" not in docs["lettre"].split("salutations distinguées")[-1]  # the administrator alone signs
    docs, _ = documents(tmp_path, _redressement("assistance"), modeles)
    closing = docs["lettre"].split("salutations distinguées")[-1]
    assert "Claire Martin" in closing and "avec l'assistance de Maître Anne Roux" in closing
    docs, _ = documents(tmp_path, _redressement("surveillance"), modeles)
    assert "Maître Anne Roux" not in docs["lettre"].split("salutations distinguées")[-1]


def test_item3_letter_before_the_ordonnance_blocks(tmp_path):
    text = _redressement("assistance") + "    date_envoi_lettre: 2026-03-04\n"
    text = text.replace("date: 2026-02-20", "date: 2026-03-05")
    charge = load_dossier(write(tmp_path, text))
    with pytest.raises(Exception) as info:
        compute_charged(charge)
    assert any("(R-63)" in e.message for e in info.value.erreurs)


# --- item 4: seniority on the day the letter is sent -------------------------------------------

def test_item4_notice_from_seniority_at_dispatch(tmp_path):
    """Cass. soc. 26/09/2006 n° 05-43.841: 23 months on 12/03/2026 (letter), 24 on 24/03 (rupture)."""
    rs = one(tmp_path, BASE.replace("date_entree: 2015-03-01", "date_entree: 2024-03-20"))
    assert rs.dates["envoi_lettre"] == date(2026, 3, 12)
    assert rs.dates["anciennete_appreciee_le"] == date(2026, 3, 12)
    assert rs.amounts["preavis_mois"] == 1
    assert rs.amounts["contribution_employeur"] == Decimal("2850.00")
    assert any(w.startswith("R-65 : ") for w in rs.warnings)


def test_item4_no_letter_before_acceptance_uses_the_rupture(tmp_path):
    rs = one(tmp_path, with_employee("reponse: {decision: acceptation, date: 2026-03-05}",
                                     base=BASE.replace("date_entree: 2015-03-01", "date_entree: 2024-03-20")))
    assert rs.letter["variante"] == "apres_acceptation"
    assert rs.dates["anciennete_appreciee_le"] == date(2026, 3, 24)
    assert rs.amounts["preavis_mois"] == 2


# --- item 5: provisional amounts are not stated as facts ---------------------------------------

def test_item5_protected_pending_gives_an_estimate(tmp_path, modeles):
    docs, _ = documents(tmp_path, with_employee("salarie_protege: {date_notification_autorisation: null}"), modeles)
    info = docs["information"]
    assert "d'un montant brut de" not in info
    assert "à titre indicatif, pour une rupture au mardi 24 mars 2026, elle serait de" in info
    assert "(estimation, non définitive)" in info


def test_item5_one_year_threshold_depending_on_the_letter_is_not_asserted(tmp_path, modeles):
    """R-41: 11 months at the earliest presentation (13/03/2026), 12 at the last day (24/03)."""
    docs, result = documents(tmp_path, BASE.replace("date_entree: 2015-03-01", "date_entree: 2025-03-15"), modeles)
    assert result.employees[0].conditions["anciennete_un_an_incertaine"] is True
    assert "étant inférieure à un an" not in docs["information"]
    assert "Si votre ancienneté dans l'entreprise est inférieure à un an à la date de première présentation" in docs["information"]


# --- items 6 and 7: notice pay, indemnity reading ----------------------------------------------

def test_item6_notice_pay_counts_variable_pay_and_bonus_pro_rata(tmp_path):
    """L1234-5: 2 850 + 300 (variable) + 1 200 / 12 (annual bonus) = 3 250 €; 2 months = 6 500 €."""
    rs = one(tmp_path, with_employee("remuneration_variable_mensuelle: 300.00", "primes_annuelles_3_derniers_mois: 1200.00"))
    assert rs.amounts["salaire_mensuel_preavis"] == Decimal("3250.00")
    assert rs.amounts["indemnite_preavis"] == Decimal("6500.00")
    assert rs.amounts["contribution_employeur"] == Decimal("6500.00")
    rs = one(tmp_path, with_employee("salaire_preavis_mensuel: 3000.00"))
    assert rs.amounts["indemnite_preavis"] == Decimal("6000.00")


def test_item7_reading_is_a_case_choice(tmp_path):
    """ANI 2011 art. 9 (default): 8 233,33 €; Cass. soc. 02/12/2009 (rupture): 8 075,00 € (case-format.md)."""
    rs = one(tmp_path, BASE)
    assert rs.amounts["indemnite_legale_licenciement"] == Decimal("8233.33")
    assert rs.amounts["lecture_anciennete_indemnite"] == "fin_preavis"
    text = BASE.replace("  reclassement:", "  lecture_anciennete_indemnite: rupture\n  reclassement:")
    charge, result = computed(tmp_path, text)
    rs = result.employees[0]
    assert rs.amounts["indemnite_legale_licenciement"] == Decimal("8075.00")
    assert rs.amounts["indemnite_licenciement_due"] == Decimal("8075.00")
    assert any(w.startswith("R-67 : ") for w in rs.warnings)


# --- items 8, 9, 10 ----------------------------------------------------------------------------

def test_item8_liquidation_letter_after_the_ags_window(tmp_path):
    """L3253-8 2° c: 15 days after the judgment of 20/02/2026 = 07/03/2026; letter on 10/03."""
    text = variant(("  effectif: 24", "  effectif: 24\n  procedure_collective: liquidation\n  date_jugement: 2026-02-20\n"
                                      "  mandataire: {nom: Maître Paul Roth, qualite: liquidateur judiciaire}"))
    rs = one(tmp_path, with_employee("date_envoi_lettre: 2026-03-10", base=text))
    assert rs.dates["limite_garantie_ags"] == date(2026, 3, 7)
    assert any(w.startswith("R-54 : la lettre (mardi 10/03/2026)") for w in rs.warnings)


def test_item9_interview_on_a_holiday_and_letter_on_a_sunday(tmp_path):
    text = BASE.replace("date_entretien_prealable: 2026-03-03", "date_entretien_prealable: 2026-05-08")
    rs = one(tmp_path, with_employee("date_envoi_lettre: 2026-05-24", base=text))
    warnings = [w for w in rs.warnings if w.startswith("R-69 : ")]
    assert any("l'entretien préalable est daté du vendredi 08/05/2026, un jour férié" in w for w in warnings)
    assert any("la lettre recommandée est datée du dimanche 24/05/2026, un dimanche" in w for w in warnings)


def test_item9_default_letter_never_planned_on_a_holiday(tmp_path):
    """The 2026 Good Friday (03/04) in Alsace-Moselle: the planned letter moves to Saturday 04/04."""
    text = BASE.replace("date_entretien_prealable: 2026-03-03", "date_entretien_prealable: 2026-03-25")
    rs = one(tmp_path, text)
    assert rs.dates["envoi_lettre_au_plus_tot"] == date(2026, 4, 3)
    assert rs.dates["envoi_lettre"] == date(2026, 4, 4)


PSE_TEXT = variant(("effectif: 24", "effectif: 180"),
                   ("type: individuel\n  date_entretien_prealable: 2026-03-03",
                    "type: pse\n  cse: true\n  date_notification_projet_administration: 2026-04-20\n"
                    "  date_decision_administration: 2026-06-11"))


def test_item10_pse_decision_named(tmp_path, modeles):
    text = PSE_TEXT.replace("  date_decision_administration: 2026-06-11", (
        "  date_decision_administration: 2026-06-11\n"
        "  decision_administration: {nature: validation, implicite: true, autorite: DREETS Grand Est}"))
    docs, _ = documents(tmp_path, text, modeles)
    assert ("la décision implicite de validation de l'accord collectif (DREETS Grand Est) portant plan de sauvegarde "
            "de l'emploi, acquise le jeudi 11 juin 2026") in docs["information"]
    assert "validation ou d'homologation" not in docs["information"]
    rs = one(tmp_path, PSE_TEXT)
    assert any(w.startswith("R-70 : ") for w in rs.warnings)


# --- item 11 and the dated values (issue 9 bug) ------------------------------------------------

def test_item11_gender_agreement(tmp_path, modeles):
    docs, _ = documents(tmp_path, BASE, modeles)
    assert "dont l'un est remis à Madame Julie Bernard" in docs["recepisse"]
    assert "Date, écrite de la main de la salariée" in docs["recepisse"]
    assert "Signature de la salariée" in docs["information"]
    assert "du salarié" not in docs["recepisse"] and "au salarié" not in docs["recepisse"]


def test_item11_motive_grounds_and_limitation_wording(tmp_path, modeles):
    docs, _ = documents(tmp_path, BASE, modeles)
    assert "Cass. soc. 17 mars 2015, n° 13-26.941" in docs["motif"]
    assert "Conformément à l'article L. 1233-3" not in docs["motif"]
    letter = docs["lettre"]
    assert "à compter de la notification de votre licenciement (article L. 1471-1 du code du travail)" in letter
    assert "dommage corporel" in letter and "discrimination ou un harcèlement moral ou sexuel" in letter
    assert "à compter de la dernière réunion du comité social et économique" in letter and "L. 1235-7" in letter
    assert "88 jours" not in docs["information"] and "durée d'affiliation" in docs["information"]


def test_asp_rate_is_the_dated_value_and_checked(tmp_path, modeles):
    """ANI 31/05/2011 art. 11: 80 % for a procedure engaged in 2014; 75 % from 01/02/2015."""
    text = (BASE.replace("date_entretien_prealable: 2026-03-03", "date_entretien_prealable: 2014-06-10")
            .replace("date_entree: 2015-03-01", "date_entree: 2005-03-01"))
    docs, result = documents(tmp_path, text, modeles)
    rs = result.employees[0]
    assert rs.parameters["taux_asp_pourcent"] == 80
    assert "égale à 80 % de votre salaire journalier de référence" in docs["information"]
    wrong = docs["information"].replace("égale à 80 %", "égale à 75 %")
    found = {r.mention: r for r in check_artefact("information", wrong, result, rs)}
    assert found["1.19"].echec and found["1.19"].blocking
    docs, result = documents(tmp_path, BASE, modeles)
    assert "égale à 75 % de votre salaire journalier de référence" in docs["information"]
