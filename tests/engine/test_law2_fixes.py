"""Red-team review (2 Dec 2026), law part: the handover rule on the journal's handover (finding 2),
every error of a case at once (finding 5), French explanations (finding 3), R-69 on a recorded
letter (finding 12), R-62 after the end of the protection (finding 4).

Built on tests/case/test_case_checks.collectif_10 (Metz, 10+ dismissals with a CSE, last CSE meeting
Fri 13/03/2026) and tests/case/test_case_loading.BASE (individuel, interview Tue 03/03/2026)."""

from __future__ import annotations

from cspdocs.case.loader import load_dossier

from tests.case.test_case_checks import EMPLOYEE_END, collectif_10, with_employee_keys
from tests.case.test_case_loading import errors_of, line_of, write


def _with(text: str, *lines: str) -> str:
    return text.replace(EMPLOYEE_END, EMPLOYEE_END + "".join(f"    {line}\n" for line in lines))


# --- finding 2: R-11 on the recorded handover ------------------------------------------------------

def test_recorded_handover_before_the_last_cse_meeting_is_refused_like_the_planned_one(tmp_path):
    text = _with(collectif_10(), "suivi:", "  remise: 2026-03-11")
    [e] = errors_of(write(tmp_path, text))
    assert (e.ligne, e.chemin) == (line_of(text, "remise: 2026-03-11"), "salaries[0].suivi.remise")
    assert e.message == ("remise enregistrée le 11/03/2026 (« suivi.remise ») : les documents du CSP sont remis à "
                         "l'issue de la dernière réunion du CSE (13/03/2026), pas avant (C. trav. L1233-38 ; R-11)")
    planned = _with(collectif_10(), "date_remise: 2026-03-11")
    [p] = errors_of(write(tmp_path, planned, "plan.yaml"))
    assert p.chemin == "salaries[0].date_remise"
    assert p.message == ("remise le 11/03/2026 : les documents du CSP sont remis à l'issue de la dernière réunion "
                         "du CSE (13/03/2026), pas avant (C. trav. L1233-38 ; R-11)")


def test_recorded_handover_on_the_meeting_day_is_accepted(tmp_path):
    load_dossier(write(tmp_path, _with(collectif_10(), "suivi: {remise: 2026-03-13}")))


def test_remote_handover_presented_before_the_interview_is_refused_on_its_journal_key(tmp_path):
    # individuel: interview Tue 03/03/2026; at a distance the presentation is the handover
    text = with_employee_keys("mode_remise: lrar", "suivi: {remise: 2026-03-02, presentation_documents: 2026-03-02}")
    errors = {e.chemin: e for e in errors_of(write(tmp_path, text))}
    assert sorted(errors) == ["salaries[0].suivi.presentation_documents", "salaries[0].suivi.remise"]
    assert errors["salaries[0].suivi.remise"].message.startswith(
        "documents du CSP envoyés le 02/03/2026 (« suivi.remise »), avant l'entretien préalable du 03/03/2026")
    e = errors["salaries[0].suivi.presentation_documents"]
    assert e.message.startswith("remise enregistrée le 02/03/2026 (« suivi.presentation_documents ») : les documents du "
                                "CSP sont remis lors de l'entretien préalable (03/03/2026) ou après")


def test_recorded_letter_before_the_planned_handover_is_refused_on_its_journal_key(tmp_path):
    text = with_employee_keys("date_remise: 2026-03-05", "suivi: {lettre_envoyee: 2026-03-04}")
    [e] = errors_of(write(tmp_path, text))
    assert e.chemin == "salaries[0].suivi.lettre_envoyee"
    assert e.message.startswith("la lettre recommandée (« suivi.lettre_envoyee », 04/03/2026) ne peut précéder la "
                                "remise des documents du CSP (date de remise : 05/03/2026)")


# --- finding 4: R-62 only when the procedure's handover was deferred by the protection ----------------

def _computed(tmp_path, text, name="dossier.yaml", au=None):
    from cspdocs.casework import compute_charged
    return compute_charged(load_dossier(write(tmp_path, text, name)), au).employees[0]


def _codes(rs, code):
    return [w for w in rs.warnings if w.startswith(f"{code} : ")]


def test_r62_warns_when_the_deferred_handover_comes_later_than_the_day_after_the_protection(tmp_path):
    # last CSE meeting Fri 13/03/2026 falls during the protection (until Fri 20/03): handover deferred,
    # at the latest Sat 21/03 (convention of 26/01/2015, art. 4 note 1)
    base = _with(collectif_10(), "fin_protection_maternite: 2026-03-20",
                 "impossibilite_maintien_contrat: fermeture définitive de l'atelier")
    late = _computed(tmp_path, _with(base, "date_remise: 2026-03-25"))
    assert late.dates["remise_au_plus_tard_maternite"].isoformat() == "2026-03-21"
    [w] = _codes(late, "R-62")
    assert w.startswith("R-62 : remise le mercredi 25/03/2026, après le lendemain de la fin de la protection de "
                        "maternité (samedi 21/03/2026)")
    assert _codes(_computed(tmp_path, _with(base, "date_remise: 2026-03-21"), "a.yaml"), "R-62") == []


def test_r62_silent_when_the_procedure_hands_over_after_the_protection(tmp_path):
    # protection until Tue 10/03/2026, last CSE meeting Fri 13/03: the procedure itself is later
    text = _with(collectif_10(), "fin_protection_maternite: 2026-03-10",
                 "impossibilite_maintien_contrat: fermeture définitive de l'atelier", "date_remise: 2026-03-16")
    rs = _computed(tmp_path, text)
    assert rs.dates["remise"].isoformat() == "2026-03-16"
    assert _codes(rs, "R-62") == []
    assert _codes(rs, "R-13")  # still inside the 10 weeks of relative protection


# --- finding 12: R-69 on a letter recorded as posted on a Sunday ----------------------------------------

def test_r69_on_a_recorded_letter_says_what_follows_instead_of_choosing_another_day(tmp_path):
    rs = _computed(tmp_path, with_employee_keys("suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-15}"))
    [w] = _codes(rs, "R-69")
    assert w == ("R-69 : la lettre recommandée est enregistrée comme postée le dimanche 15/03/2026 (« suivi.lettre_envoyee »), "
                 "un dimanche (C. trav. L3132-3, L3133-1) : un dépôt ce jour-là n'est pris en charge par la poste qu'au "
                 "premier jour de levée postale suivant, le lundi 16/03/2026 ; vérifiez la date de la preuve de dépôt et, "
                 "par prudence, comptez à partir du lundi 16/03/2026 les délais qui courent de l'envoi.")
    planned = _computed(tmp_path, with_employee_keys("date_envoi_lettre: 2026-03-15"), "plan.yaml")
    [p] = _codes(planned, "R-69")
    assert p.endswith(": choisissez un autre jour.")


# --- finding 3: no internal key in the explanations -------------------------------------------------------

def test_explanations_use_french_words_not_output_keys(tmp_path):
    import re
    rs = _computed(tmp_path, with_employee_keys())
    texts = {e.path: e.reasoning for e in rs.explanations}
    assert texts["dates.fin_delai_envoi_lettre"] == (
        "Dernier jour du délai pendant lequel la lettre ne peut pas encore être expédiée : elle peut l'être au plus "
        "tôt le lendemain (date d'envoi au plus tôt).")
    leaked = [t for t in texts.values() if re.search(r"\b(dates|montants)\.[a-z_]+", t)]
    assert leaked == []


# --- finding 5: every error of a case at once ---------------------------------------------------------------

def test_a_duplicated_matricule_is_reported_with_another_rows_error(tmp_path):
    from pathlib import Path

    from tests.case.test_case_csv import HEADER, ROW, case_with_csv
    csv_text = (HEADER + ";salaire_brut_mensuel\n" + ROW + ";2850\n" + ROW + ";2900\n"
                + ROW.replace("E001", "E002").replace("Madame", "Mlle") + ";2900\n")
    found = [(Path(e.fichier).name, e.ligne, e.chemin) for e in errors_of(case_with_csv(tmp_path, csv_text))]
    assert found == [("salaries.csv", 3, "salaries[1].matricule"), ("salaries.csv", 4, "salaries[2].civilite")]


def test_loader_journal_and_engine_errors_come_together(tmp_path):
    """individuel, interview Tue 03/03/2026: earliest letter Thu 12/03/2026, period until Tue 24/03/2026.
    Before: the loader's errors first (R-75 journal contradictions), the engine's on the next run."""
    from cspdocs.case.errors import DossierInvalide
    from cspdocs.casework import load_case

    text = with_employee_keys(
        # loader: the bulletin transmitted without acceptance (R-75, case checks)
        "suivi: {remise: 2026-03-03, lettre_envoyee: 2026-03-10, bulletin_transmis: 2026-03-11}") + (
        "  - matricule: E002\n    civilite: Monsieur\n    prenom: Paul\n    nom: Roux\n"
        "    adresse: {rue: 1 rue Haute, code_postal: '57000', ville: Metz}\n    date_entree: 2018-01-08\n"
        "    emploi: Cariste\n    salaire_brut_mensuel: 2400.00\n"
        "    suivi: {remise: 2026-03-03, contribution_payee: 2026-03-20}\n"
        "    reponse: {decision: acceptation, date: 2026-03-25}\n")
    path = write(tmp_path, text)
    try:
        load_case(path, au=date_(2026, 3, 18))
    except DossierInvalide as invalid:
        found = [(e.chemin, e.message[:60]) for e in invalid.erreurs]
    else:
        raise AssertionError("invalid case accepted")
    assert found == [  # loader (case checks) and engine together, sorted by line
        ("salaries[0].suivi.bulletin_transmis", "la transmission du bulletin d'acceptation (11/03/2026) est e"),
        ("salaries[0].suivi.lettre_envoyee", "la lettre ne peut être envoyée avant le jeudi 12/03/2026, da"),
        ("salaries[1].suivi.contribution_payee", "le versement de la contribution (20/03/2026) précède l'accep"),
        ("salaries[1].suivi.contribution_payee", "date du vendredi 20/03/2026 postérieure à la date d'observat"),
        ("salaries[1].reponse.date", "réponse du mercredi 25/03/2026 postérieure à la date d'obser"),
        ("salaries[1].reponse.date", "l'acceptation du mercredi 25/03/2026 est postérieure à l'exp"),
    ]


def date_(*parts):
    from datetime import date
    return date(*parts)


# --- issue 9 leftovers: dated parameters instead of constants -------------------------------------------

def test_reflection_constraint_of_the_mentions_reads_the_dated_duration(tmp_path):
    from datetime import date
    from types import SimpleNamespace

    from cspdocs.mentions.checker import constraint_detail
    from cspdocs.mentions.loading import load_catalogue

    [c] = [c for m in load_catalogue().all_mentions() for c in m.contraintes if c.fait == "dates.fin_delai_reflexion"]
    assert (c.operateur, c.reference, c.jours) == ("apres_ou_egal", "dates.remise", "parametres.duree_delai_reflexion_jours")
    rs = _computed(tmp_path, with_employee_keys())
    assert rs.parameters["duree_delai_reflexion_jours"] == 21
    mention = SimpleNamespace(contraintes=(c,))
    faits = {"dates.remise": date(2026, 3, 3), "parametres.duree_delai_reflexion_jours": 21}
    assert constraint_detail(mention, SimpleNamespace(faits={**faits, "dates.fin_delai_reflexion": date(2026, 3, 24)})) == ""
    detail = constraint_detail(mention, SimpleNamespace(faits={**faits, "dates.fin_delai_reflexion": date(2026, 3, 23)}))
    assert detail.endswith("(dates.remise + 21 jours)")


def test_window_notice_fraction_and_prime_rate_are_dated_parameters(tmp_path):
    from datetime import date
    from decimal import Decimal

    from cspdocs.engine.csp_dates import prime_reclassement_estimate
    from cspdocs.rules.lookup import lookup, parameter

    assert lookup("periode_licenciement_collectif_jours", date(2026, 3, 3)).valeur == 30
    assert parameter("periode_licenciement_collectif_jours").regle == "R-56"
    assert lookup("jours_par_mois_preavis", date(2026, 3, 24)).valeur == 30
    assert lookup("taux_prime_reclassement", date(2026, 3, 25)).valeur == "0.50"
    # spec vector A27: CSP from 25/03/2026, ASP 73,80 € a day, job from 01/09/2026
    out = prime_reclassement_estimate(date(2026, 3, 25), Decimal("73.80"), date(2026, 9, 1))
    assert "× 50 % =" in out["raisonnement"]
    # a conventional notice of 2,5 months (legal: 2): 2 months + 15 days (half of the 30 days a month counts)
    rs = _computed(tmp_path, with_employee_keys("preavis_mois: 2.5"))
    rupture = rs.dates["rupture_si_acceptation"]
    assert (rupture.isoformat(), rs.dates["fin_preavis"].isoformat()) == ("2026-03-24", "2026-06-08")


# --- issue 8 leftovers -------------------------------------------------------------------------------------

def test_statement_of_impossibility_without_maternity_protection_is_a_warning(tmp_path):
    from tests.case.test_case_checks import warnings_of
    text = with_employee_keys("impossibilite_maintien_contrat: fermeture de l'atelier")
    assert warnings_of(tmp_path, text) == [(
        line_of(text, "impossibilite_maintien_contrat"), "salaries[0].impossibilite_maintien_contrat",
        "R-61 : « impossibilite_maintien_contrat » est donné sans « fin_protection_maternite » : aucun document ne le "
        "reprend, il n'est énoncé que pendant les semaines de protection relative qui suivent la protection liée au "
        "congé de maternité (C. trav. L1225-4 al. 1) ; renseignez la fin de cette protection ou retirez la clé")]


def test_zero_salary_error_cites_r59(tmp_path):
    from tests.case.test_case_loading import only_error, variant
    e = only_error(tmp_path, variant(("salaire_brut_mensuel: 2850.00", "salaire_brut_mensuel: 0")))
    assert e.message == ("« 0 » doit être strictement supérieur à 0 : un salaire nul donnerait un préavis, une "
                         "indemnité et une contribution nuls (R-59)")


def test_engine_prose_agrees_with_the_employees_civilite(tmp_path):
    # BASE's employee is « Madame Julie Bernard »; accepted on Fri 06/03/2026, before any letter
    woman = _computed(tmp_path, with_employee_keys("reponse: {decision: acceptation, date: 2026-03-06}"))
    texts = {e.path: e.reasoning for e in woman.explanations}
    assert texts["lettre.variante"].startswith("La salariée a accepté le CSP le vendredi 06/03/2026, avant tout envoi")
    man = _computed(tmp_path, with_employee_keys("reponse: {decision: acceptation, date: 2026-03-06}")
                    .replace("civilite: Madame", "civilite: Monsieur"), "m.yaml")
    assert {e.path: e.reasoning for e in man.explanations}["lettre.variante"].startswith("Le salarié a accepté")


def test_documents_posted_before_the_last_cse_meeting_are_refused_on_the_journal_key(tmp_path):
    # at a distance: posted Wed 11/03/2026, before the last CSE meeting of Fri 13/03, presented Mon 16/03
    text = _with(collectif_10(), "mode_remise: lrar", "suivi: {remise: 2026-03-11, presentation_documents: 2026-03-16}")
    [e] = errors_of(write(tmp_path, text))
    assert e.chemin == "salaries[0].suivi.remise"
    assert e.message == ("documents du CSP envoyés le 11/03/2026 (« suivi.remise »), avant la dernière réunion du CSE "
                         "du 13/03/2026 : ils ne peuvent partir avant elle, et le document d'information, daté de "
                         "l'envoi, la présenterait comme passée (C. trav. L1233-38 ; R-11 ; R-14)")
    load_dossier(write(tmp_path, text.replace("remise: 2026-03-11", "remise: 2026-03-13"), "ok.yaml"))
