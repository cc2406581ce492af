"""Cross-field checks (cspdocs/engine/case_checks.py, employee_checks.py): each names its rule; lines point at the key concerned."""

from __future__ import annotations

from cspdocs.case.loader import load_dossier

from tests.case.test_case_loading import BASE, FIXTURES, errors_of, only_error, variant, write

# BASE: Metz (Moselle: alsace-moselle holidays), individuel, interview Tue 03/03/2026, one employee.
EMPLOYEE_END = "    salaire_brut_mensuel: 2850.00\n"


def with_employee_keys(*lines: str, base: str = BASE) -> str:
    return variant((EMPLOYEE_END, EMPLOYEE_END + "".join(f"    {line}\n" for line in lines)), base=base)


def collectif_10(cse: str = "true", effectif: int = 24) -> str:
    return variant(
        ("  effectif: 24", f"  effectif: {effectif}"),
        ("  type: individuel\n  date_entretien_prealable: 2026-03-03\n",
         "  type: collectif_10_et_plus\n"
         f"  cse: {cse}\n"
         "  date_premiere_reunion_cse: 2026-03-02\n"
         "  date_derniere_reunion_cse: 2026-03-13\n"
         "  date_notification_projet_administration: 2026-03-03\n"))


PSE = variant(
    ("  effectif: 24", "  effectif: 180"),
    ("  type: individuel\n  date_entretien_prealable: 2026-03-03\n",
     "  type: pse\n  date_notification_projet_administration: 2026-04-20\n"
     "  date_decision_administration: 2026-06-11\n"))


def warnings_of(tmp_path, text):
    return [(w.ligne, w.chemin, w.message) for w in load_dossier(write(tmp_path, text)).warnings]


# --- R-07 and the employer -------------------------------------------------------------------------

def test_r07_congé_de_reclassement(tmp_path):
    e = only_error(tmp_path, variant(("effectif: 24", "effectif: 1000")))
    assert (e.ligne, e.chemin) == (5, "employeur.effectif")
    assert e.message == (
        "l'entreprise compte 1\u00a0000 salariés (1 000 ou plus) : l'employeur est soumis au congé de "
        "reclassement, qu'il doit proposer à la place du CSP (C. trav. L1233-71) ; le CSP n'est dû quelle "
        "que soit la taille qu'en redressement ou liquidation judiciaire (L1233-75) : renseignez alors "
        "« employeur.procedure_collective » (R-07)")


def test_r07_group_headcount(tmp_path):
    e = only_error(tmp_path, variant(("effectif: 24", "effectif: 24\n  effectif_groupe: 4500")))
    assert (e.ligne, e.chemin) == (6, "employeur.effectif_groupe")
    assert e.message.startswith("le groupe compte 4\u00a0500 salariés (1 000 ou plus)")


def test_r07_receivership_owes_the_csp(tmp_path):
    text = variant(("effectif: 24", "effectif: 1000\n  procedure_collective: liquidation\n  date_jugement: 2026-02-20\n"
                                   "  mandataire: {nom: Maître Anne Roux, qualite: liquidateur judiciaire}"))
    assert warnings_of(tmp_path, text) == []


def test_liquidation_requires_the_liquidator_who_signs(tmp_path):
    """R-54, C. com. L641-9: in liquidation the officer cannot dismiss; the liquidator signs."""
    text = variant(("effectif: 24", "effectif: 24\n  procedure_collective: liquidation\n  date_jugement: 2026-02-20"))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (6, "employeur.mandataire")
    assert "le liquidateur seul peut licencier (C. com. art. L641-9" in e.message


def test_judgment_date_without_receivership(tmp_path):
    e = only_error(tmp_path, variant(("effectif: 24", "effectif: 24\n  date_jugement: 2026-02-20")))
    assert (e.ligne, e.chemin) == (6, "employeur.date_jugement")
    assert e.message == ("date de jugement donnée sans procédure collective : renseignez "
                         "« employeur.procedure_collective » (redressement ou liquidation) ou retirez la date (R-54)")


def test_receivership_without_judgment_date_warns(tmp_path):
    text = variant(("effectif: 24", "effectif: 24\n  procedure_collective: redressement\n"
                                     "  ordonnance_juge_commissaire: {date: 2026-02-20, objet: trois licenciements}"))
    assert warnings_of(tmp_path, text) == [(
        6, "employeur.procedure_collective",
        "R-54 : date du jugement d'ouverture (« employeur.date_jugement ») non renseignée : le délai de garantie "
        "de l'AGS (C. trav. L3253-8) ne peut pas être vérifié")]


def test_zone_contradicting_postal_code_warns(tmp_path):
    text = variant(("effectif: 24", "effectif: 24\n  zone: metropole"))
    assert warnings_of(tmp_path, text) == [(
        6, "employeur.zone",
        "R-48 : la zone « metropole » ne correspond pas au code postal 57000 (« alsace-moselle ») : "
        "vérifiez les jours fériés retenus")]


# --- employees ---------------------------------------------------------------------------------------

def test_duplicate_matricule(tmp_path):
    text = BASE + BASE.split("salaries:\n")[1]
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (24, "salaries[1].matricule")
    assert e.message == ("le matricule « E001 » est déjà celui de salaries[0] : chaque matricule doit être "
                         "unique dans le dossier")


def test_salary_required(tmp_path):
    e = only_error(tmp_path, variant((EMPLOYEE_END, "")))
    assert (e.ligne, e.chemin) == (16, "salaries[0].salaire_brut_mensuel")
    assert e.message == ("clé obligatoire : donnez « salaire_brut_mensuel » ou « salaires_12_derniers_mois » "
                         "(salaire de référence de l'indemnité de licenciement et du préavis)")


def test_salary_history_is_enough(tmp_path):
    text = variant(("salaire_brut_mensuel: 2850.00", "salaires_12_derniers_mois: [2800, 2900]"))
    assert load_dossier(write(tmp_path, text)).dossier.salaries[0].salaire_brut_mensuel is None


def test_entry_after_interview(tmp_path):
    e = only_error(tmp_path, variant(("date_entree: 2015-03-01", "date_entree: 2026-03-04")))
    assert (e.ligne, e.chemin) == (21, "salaries[0].date_entree")
    assert e.message == ("la date d'entrée (04/03/2026) est postérieure à l'entretien préalable (03/03/2026) : "
                         "dates incohérentes")


def test_answer_before_handover(tmp_path):
    e = only_error(tmp_path, with_employee_keys("reponse: {decision: acceptation, date: 2026-03-02}"))
    assert (e.ligne, e.chemin) == (24, "salaries[0].reponse.date")
    # BASE's employee is « Madame »: the message agrees (issue 9 item 3)
    assert e.message == ("la réponse de la salariée (02/03/2026) précède la remise des documents du CSP "
                         "(entretien préalable : 03/03/2026) : le délai de réflexion court à compter de la "
                         "remise (R-15, R-19)")


def test_letter_before_handover(tmp_path):
    e = only_error(tmp_path, with_employee_keys("date_remise: 2026-03-05", "date_envoi_lettre: 2026-03-04"))
    assert (e.ligne, e.chemin) == (25, "salaries[0].date_envoi_lettre")
    assert e.message == ("la lettre recommandée (04/03/2026) ne peut précéder la remise des documents du CSP "
                         "(date de remise : 05/03/2026) : le CSP est proposé avant la notification (R-27, A13)")


def test_handover_before_interview(tmp_path):
    e = only_error(tmp_path, with_employee_keys("date_remise: 2026-03-02"))
    assert (e.ligne, e.chemin) == (24, "salaries[0].date_remise")
    assert e.message == ("remise le 02/03/2026 : les documents du CSP sont remis lors de l'entretien préalable "
                         "(03/03/2026) ou après (salariée absente, R-14), pas avant (C. trav. L1233-66 ; R-10)")


def test_handover_after_interview_is_allowed(tmp_path):
    assert load_dossier(write(tmp_path, with_employee_keys("mode_remise: lrar", "date_remise: 2026-03-06")))


# --- procedure types ---------------------------------------------------------------------------------

def test_individual_needs_interview(tmp_path):
    e = only_error(tmp_path, variant(("  date_entretien_prealable: 2026-03-03\n", "")))
    assert (e.ligne, e.chemin) == (7, "procedure.date_entretien_prealable")
    assert e.message == ("date de l'entretien préalable obligatoire pour une procédure « individuel » : les "
                         "documents du CSP sont remis lors de cet entretien (C. trav. L1233-66 ; R-10) ; "
                         "donnez-la ici ou pour chaque salarié")


def test_interview_per_employee(tmp_path):
    text = variant(("  type: individuel\n  date_entretien_prealable: 2026-03-03\n",
                    "  type: collectif_moins_de_10\n"))
    second = BASE.split("salaries:\n")[1].replace('"E001"', '"E002"')
    text = with_employee_keys("date_entretien_prealable: 2026-03-03", base=text) + second
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (24, "salaries[1].date_entretien_prealable")
    assert e.message == ("date de l'entretien préalable obligatoire pour une procédure « collectif_moins_de_10 » : "
                         "les documents du CSP sont remis lors de cet entretien (C. trav. L1233-66 ; R-10)")


def test_individual_with_several_employees_warns(tmp_path):
    text = BASE + BASE.split("salaries:\n")[1].replace('"E001"', '"E002"')
    assert warnings_of(tmp_path, text) == [(
        8, "procedure.type",
        "R-22 : procédure « individuel » pour 2 salariés : de 2 à 9 licenciements sur 30 jours, utilisez "
        "« collectif_moins_de_10 » (le délai de 15 jours ouvrables des cadres ne vaut que pour le "
        "licenciement individuel)")]


def test_collectif_10_with_cse_is_valid(tmp_path):
    assert load_dossier(write(tmp_path, collectif_10())).warnings == ()


def test_collectif_10_needs_cse_flag(tmp_path):
    text = collectif_10().replace("  cse: true\n", "")
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (7, "procedure.cse")
    assert e.message == ("clé obligatoire pour une procédure « collectif_10_et_plus » : indiquez si un CSE existe "
                         "(true : remise à l'issue de la dernière réunion ; false : remise lors de l'entretien "
                         "préalable) (R-10, R-11)")


def test_collectif_10_with_cse_needs_dates(tmp_path):
    text = (collectif_10().replace("  date_derniere_reunion_cse: 2026-03-13\n", "")
            .replace("  date_notification_projet_administration: 2026-03-03\n", ""))
    found = [(e.ligne, e.chemin, e.message) for e in errors_of(write(tmp_path, text))]
    assert found == [
        (7, "procedure.date_derniere_reunion_cse",
         "clé obligatoire pour une procédure « collectif_10_et_plus » avec CSE : les documents sont remis à "
         "l'issue de la dernière réunion du CSE (C. trav. L1233-38 ; R-11)"),
        (7, "procedure.date_notification_projet_administration",
         "clé obligatoire pour une procédure « collectif_10_et_plus » : date de notification du projet de "
         "licenciement à la DREETS, point de départ du délai de 30 jours avant l'envoi des lettres "
         "(C. trav. L1233-46, L1233-39 ; R-24)"),
    ]


def test_collectif_10_without_cse_needs_interview(tmp_path):
    e = only_error(tmp_path, collectif_10(cse="false"))
    assert (e.ligne, e.chemin) == (7, "procedure.date_entretien_prealable")
    assert e.message.startswith("date de l'entretien préalable obligatoire pour une procédure "
                                "« collectif_10_et_plus » sans CSE : ")


def test_collectif_10_from_50_employees_is_a_pse(tmp_path):
    e = only_error(tmp_path, collectif_10(effectif=50))
    assert (e.ligne, e.chemin) == (8, "procedure.type")
    assert e.message == ("procédure « collectif_10_et_plus » dans une entreprise de 50 salariés : à partir de "
                         "50 salariés, le licenciement d'au moins 10 salariés sur 30 jours impose un plan de "
                         "sauvegarde de l'emploi (C. trav. L1233-61) ; utilisez le type « pse » (R-24)")


def test_collectif_moins_de_10_with_ten_employees(tmp_path):
    text = variant(("type: individuel", "type: collectif_moins_de_10"))
    employee = BASE.split("salaries:\n")[1]
    text += "".join(employee.replace('"E001"', f'"E{n:03}"') for n in range(2, 11))
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (8, "procedure.type")
    assert e.message.startswith("procédure « collectif_moins_de_10 » pour 10 salariés : à partir de 10")


def test_pse_is_valid(tmp_path):
    assert load_dossier(write(tmp_path, PSE)).warnings == ()


def test_pse_needs_decision_date(tmp_path):
    e = only_error(tmp_path, PSE.replace("  date_decision_administration: 2026-06-11\n", ""))
    assert (e.ligne, e.chemin) == (7, "procedure.date_decision_administration")
    assert e.message == ("clé obligatoire pour un PSE : date de notification (ou d'acquisition implicite) de la "
                         "décision de validation ou d'homologation ; les documents sont remis le lendemain "
                         "(C. trav. L1233-57-4, L1233-66 ; R-12)")


def test_small_pse_is_refused(tmp_path):
    """R-57 (issue 8): no PSE, hence no validation or homologation, under 50 (L1233-61, L1233-57-4)."""
    e = only_error(tmp_path, PSE.replace("effectif: 180", "effectif: 40"))
    assert (e.ligne, e.chemin) == (5, "procedure.type")
    assert e.message.startswith("procédure « pse » dans une entreprise de 40 salariés : le plan de sauvegarde")


def test_pse_handover_not_before_the_day_after_the_decision(tmp_path):
    e = only_error(tmp_path, with_employee_keys("date_remise: 2026-06-11", base=PSE))
    assert (e.ligne, e.chemin) == (25, "salaries[0].date_remise")
    assert e.message == ("remise le 11/06/2026 : dans un PSE, les documents du CSP sont remis au lendemain de la "
                         "notification de la décision administrative (11/06/2026), pas avant "
                         "(C. trav. L1233-66 ; R-12)")


def test_decision_before_project_notification(tmp_path):
    e = only_error(tmp_path, PSE.replace("date_decision_administration: 2026-06-11", "date_decision_administration: 2026-04-10"))
    assert (e.ligne, e.chemin) == (10, "procedure.date_decision_administration")
    assert e.message == ("la décision administrative (10/04/2026) précède la notification du projet à "
                         "l'administration (20/04/2026) : dates incohérentes")


# --- convocation -------------------------------------------------------------------------------

def test_r50_interview_too_early(tmp_path):
    # Wed 25/02 + 5 jours ouvrables (26, 27, 28 Sat, 02, 03) -> the interview must be after Tue 03/03.
    e = only_error(tmp_path, with_employee_keys("date_convocation: 2026-02-25"))
    assert (e.ligne, e.chemin) == (24, "salaries[0].date_convocation")
    assert e.message == ("l'entretien préalable du 03/03/2026 est trop proche de la présentation de la "
                         "convocation du 25/02/2026 : il doit avoir lieu après 5 jours ouvrables pleins (jour "
                         "de présentation exclu, délai prorogé au premier jour ouvré), donc au plus tôt le "
                         "04/03/2026 (C. trav. L1233-11, R1231-1 ; R-50)")


def test_r50_interview_on_time(tmp_path):
    assert load_dossier(write(tmp_path, with_employee_keys("date_convocation: 2026-02-24")))


def test_r50_uses_the_holidays_of_the_place_of_work(tmp_path):
    # Convocation Mon 21/12/2026, interview Tue 29/12. 26 December is a holiday in Moselle only:
    # Metz: 22, 23, 24, 28, 29 -> too early; Paris: 22, 23, 24, 26 (Sat), 28 -> on time.
    text = variant(("date_entretien_prealable: 2026-03-03", "date_entretien_prealable: 2026-12-29"))
    metz = with_employee_keys("date_convocation: 2026-12-21", base=text)
    e = only_error(tmp_path, metz)
    assert e.chemin == "salaries[0].date_convocation"
    assert "au plus tôt le 30/12/2026" in e.message
    paris = with_employee_keys("date_convocation: 2026-12-21", 'lieu_travail: {code_postal: "75011", ville: Paris}',
                               base=text)
    assert load_dossier(write(tmp_path, paris, "paris.yaml"))


# --- maternity ---------------------------------------------------------------------------------

def test_r13_convocation_during_protection(tmp_path):
    text = with_employee_keys("date_convocation: 2026-02-24", "fin_protection_maternite: 2026-02-24")
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (25, "salaries[0].fin_protection_maternite")
    assert e.message == (
        "la convocation à l'entretien préalable (présentée le 24/02/2026) intervient pendant la protection "
        "absolue liée au congé de maternité, qui court jusqu'au 24/02/2026 inclus : c'est une mesure "
        "préparatoire au licenciement, qui le rend nul même si l'entretien a lieu après la fin de la "
        "protection (Cass. soc. 29/11/2023 n°22-15.794 ; C. trav. L1225-4 ; R-13) ; la procédure ne peut "
        "être engagée qu'à partir du 25/02/2026")


def test_r13_latest_possible_convocation(tmp_path):
    # No convocation date: for an interview on Tue 03/03 it was presented on Tue 24/02 at the latest.
    e = only_error(tmp_path, with_employee_keys("fin_protection_maternite: 2026-02-24"))
    assert e.chemin == "salaries[0].fin_protection_maternite"
    assert e.message.startswith(
        "la convocation à l'entretien préalable du 03/03/2026 (présentée au plus tard le 24/02/2026, 5 jours "
        "ouvrables avant l'entretien, R-50) intervient pendant la protection absolue")
    assert "Cass. soc. 29/11/2023 n°22-15.794" in e.message


def test_r13_protection_ended_before(tmp_path):
    assert load_dossier(write(tmp_path, with_employee_keys("fin_protection_maternite: 2026-02-23")))


def test_r13_without_interview_checks_the_handover(tmp_path):
    e = only_error(tmp_path, with_employee_keys("fin_protection_maternite: 2026-06-12", base=PSE))
    assert e.message.startswith(
        "la remise des documents du CSP (lendemain de la décision administrative : 12/06/2026) intervient "
        "pendant la protection absolue liée au congé de maternité, qui court jusqu'au 12/06/2026 inclus : "
        "c'est une mesure préparatoire au licenciement, qui le rend nul (Cass. soc. 29/11/2023 n°22-15.794")


# --- protected employees -----------------------------------------------------------------------

def test_r51_protected_employee_needs_his_interview(tmp_path):
    text = with_employee_keys("salarie_protege: {date_notification_autorisation: null}", base=collectif_10())
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (27, "salaries[0].date_entretien_prealable")
    assert e.message == ("salariée protégée dans un licenciement d'au moins 10 salariés avec CSE : elle a toujours un "
                         "entretien préalable, lors duquel les documents du CSP lui sont remis ; donnez sa date "
                         "propre (C. trav. L1233-38 ; R-51)")


def test_r51_protected_employee_with_interview(tmp_path):
    text = with_employee_keys("salarie_protege: {date_notification_autorisation: 2026-04-20}",
                              "date_entretien_prealable: 2026-03-16", base=collectif_10())
    assert load_dossier(write(tmp_path, text)).warnings == ()


def test_authorisation_before_interview(tmp_path):
    text = with_employee_keys("salarie_protege: {date_notification_autorisation: 2026-03-10}",
                              "date_entretien_prealable: 2026-03-16", base=collectif_10())
    e = only_error(tmp_path, text)
    assert (e.ligne, e.chemin) == (27, "salaries[0].salarie_protege.date_notification_autorisation")
    assert e.message == ("la décision sur l'autorisation de licenciement (10/03/2026) précède l'entretien "
                         "préalable (16/03/2026) : la demande d'autorisation suit l'entretien (R-51)")


# --- all at once -------------------------------------------------------------------------------------

def test_incoherent_fixture():
    found = [(e.ligne, e.chemin, e.message) for e in errors_of(FIXTURES / "incoherent.yaml")]
    expected = [
        (6, "employeur.effectif", "l'entreprise compte 1\u00a0200 salariés (1 000 ou plus) : l'employeur"),
        (7, "employeur.date_jugement", "date de jugement donnée sans procédure collective : renseign"),
        (26, "salaries[0].date_convocation", "l'entretien préalable du 09/03/2026 est trop proche de la pr"),
        (27, "salaries[0].fin_protection_maternite", "la convocation à l'entretien préalable (présentée le 03/03/2"),
        (28, "salaries[1].matricule", "le matricule « E001 » est déjà celui de salaries[0] : chaque "),
        (28, "salaries[1].salaire_brut_mensuel", "clé obligatoire : donnez « salaire_brut_mensuel » ou « salai"),
        (33, "salaries[1].date_entree", "la date d'entrée (01/04/2026) est postérieure à l'entretien "),
        (36, "salaries[1].reponse.date", "la réponse du salarié (05/03/2026) précède la remise des docu"),
    ]
    assert [(line, path) for line, path, _ in found] == [(line, path) for line, path, _ in expected]
    for (_, _, message), (_, _, start) in zip(found, expected):
        assert message.startswith(start)


def test_model_and_check_errors_together(tmp_path):
    # A duplicate key (reader) does not hide the cross-field checks once the model validates.
    text = variant(("effectif: 24", "effectif: 1000\n  effectif: 1000"))
    assert [e.chemin for e in errors_of(write(tmp_path, text))] == ["employeur.effectif", "employeur.effectif"]


def test_validation_uses_the_engines_handover_date(tmp_path):
    """One handover rule (R-12): in a PSE, an employee who is not protected receives the documents the
    day after the decision, even with an interview of his own; an answer before that is incoherent."""
    from cspdocs.case.model import Dossier
    from cspdocs.engine.case_checks import check_dossier
    from cspdocs.engine.compute import compute_dossier
    from cspdocs.engine.procedure import handover

    data = {
        "employeur": {"raison_sociale": "X", "adresse": {"rue": "1 rue", "code_postal": "44000", "ville": "Nantes"},
                      "effectif": 180, "signataire": {"nom": "A", "qualite": "DRH"}},
        "procedure": {"type": "pse", "date_decision_administration": "2026-06-11",
                      "motif_economique": {"cause": "difficultes_economiques", "faits": "Baisse.", "consequence": "suppression"},
                      "reclassement": "Aucun poste."},
        "salaries": [{"matricule": "P1", "civilite": "Madame", "prenom": "A", "nom": "B",
                      "adresse": {"rue": "2 rue", "code_postal": "44000", "ville": "Nantes"},
                      "date_entree": "2010-01-04", "emploi": "Comptable", "salaire_brut_mensuel": 2500,
                      "date_entretien_prealable": "2026-06-01"}],
    }
    dossier = Dossier.model_validate(data)
    assert handover(dossier, dossier.salaries[0])[0].value == compute_dossier(dossier, "t").employees[0].dates["remise"]
    assert str(handover(dossier, dossier.salaries[0])[0].value) == "2026-06-12"
    # the validation reads the same rule (engine/procedure.trigger): a handover declared on the decision day,
    # before its morrow, is refused although the employee has an interview of his own
    data["salaries"][0]["date_remise"] = "2026-06-11"
    early = Dossier.model_validate(data)
    assert [f.loc for f in check_dossier(early) if f.blocking and "R-12" in f.message] == [("salaries", 0, "date_remise")]
