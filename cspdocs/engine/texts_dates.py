"""The French templates of the date facts (R-10 to R-39, R-50 to R-54): formula id → (rule code,
template). See engine/prose.py for the placeholders; a template's text is part of the contract
JSON (« raisonnement »): change it deliberately only."""

# citations several formulas share
CONVENTION_ART4 = "Convention du 26 janvier 2015 relative au CSP, art. 4 § 1"
GUIDE = "Guide employeur du CSP (étape 4 : délai de 21 jours calendaires)"
R1231_1 = "C. trav. art. R1231-1 (prorogation au premier jour ouvrable suivant)"
CPC_641_642 = "Code de procédure civile, art. 641 et 642"
CASS_2019 = "Cass. soc. 10 juillet 2019, n° 18-11.528"
ART4_1_AL3 = "Convention du 26 janvier 2015, art. 4 § 1 al. 3"
LETTRE_VARIANTE = ("Convention du 26 janvier 2015, art. 4 § 2 dernier al.", "ANI du 31 mai 2011, art. 7.4")

TEXTS: dict[str, tuple] = {
    # fragments shared by several facts
    "+prorogation": (None, " Ce jour n'étant pas ouvré ({jours_non_ouvres:liste}), le délai est prorogé au premier jour "
                           "qui n'est ni un samedi, ni un dimanche, ni un jour férié : {jour_proroge:date}."),
    # the reflection period (R-15 to R-20, A1, A2)
    "dates.debut_delai_reflexion": ("R-15", "Le délai court à compter du lendemain de la remise des documents "
                                           "({remise:date}) : {valeur:date}.",
        (CONVENTION_ART4, CPC_641_642, GUIDE)),
    "dates.fin_delai_reflexion_21_jours": ("R-15", "{duree_jours} jours calendaires à compter du lendemain de la remise "
                                                   "({remise:date}) : le {duree_jours}e jour est le {jour_nominal:date}, "
                                                   "le délai expirant à 24 heures.",
        (CONVENTION_ART4, GUIDE, R1231_1, CPC_641_642, CASS_2019)),
    "+feries_lieu": (None, " Jours fériés retenus : ceux du lieu de travail ({zone:zone})."),
    "dates.fin_delai_reflexion/protege": ("R-15", "{civilite:Protege} : le délai est prolongé jusqu'au lendemain de la "
                                                  "notification à l'employeur de la décision administrative "
                                                  "({notification:date}), soit le {lendemain:date}.",
        (ART4_1_AL3, "ANI du 31 mai 2011, art. 5", R1231_1)),
    "+protege_fin": (None, " Le délai ne peut être plus court que les {duree_jours} jours (fin normale : "
                           "{fin_21_jours:date}) : fin retenue {valeur:date}. Lecture stricte, sans prorogation du "
                           "lendemain : {lecture_stricte:date} (non retenue, A2)."),
    # the letter (R-22 to R-25, A3)
    "dates.envoi_lettre_au_plus_tot/l1233_15": (
        "R-22", "La lettre ne peut être expédiée moins de {jours_ouvrables} jours ouvrables après l'entretien préalable "
                "du {entretien_prealable:date} (jour de l'entretien non compté ; jours ouvrables : du lundi au samedi, "
                "hors jours fériés).{feries_non_comptes:? Jours fériés non comptés : {feries_non_comptes:liste}.|} "
                "Le {jours_ouvrables}e jour ouvrable est le {jour_ouvrable_n:date}.{jours_non_ouvres:? Ce jour n'étant "
                "pas ouvré ({jours_non_ouvres:liste}), le délai est prorogé au {dernier_jour_du_delai:date} (R1231-1).|} "
                "La lettre peut partir à compter du lendemain du dernier jour du délai, le {lettre_a_compter:date} (lecture "
                "retenue : « moins de {jours_ouvrables} jours » impose des jours pleins, A3).",
        ("C. trav. art. L1233-15", R1231_1, "Cass. soc. 3 juin 2015, n° 14-12.245", CASS_2019)),
    "dates.envoi_lettre_au_plus_tot/l1233_39": (
        "R-22", "Licenciement d'au moins {seuil_licenciement_collectif} salariés dans une entreprise de moins de "
                "{seuil_pse_salaries} salariés : la lettre ne peut être adressée avant l'expiration d'un délai de {jours} "
                "jours à compter de la notification du projet à l'administration ({notification_projet:date}), soit le "
                "{jour_nominal:date}.",
        ("C. trav. art. L1233-39", R1231_1)),
    "+lettre_a_compter": (None, " Lettre à compter du {lettre_a_compter:date}."),
    # the CSP
    "dates.fin_csp": ("R-38", "Le CSP est conclu pour {mois} mois de date à date à compter du {debut_csp:date} : veille du "
                              "{anniversaire:date}, soit le {valeur:date}. Un anniversaire inexistant (29 février) est "
                              "reporté au 1er mars (A5). Les prolongations (reprise d'activité, maladie, congés de "
                              "maternité, paternité, adoption, proche aidant, présence parentale) sont constatées par "
                              "l'opérateur et ne sont pas calculées ici (A6).",
        ("Convention du 26 janvier 2015, art. 6 (rédaction des avenants n° 5 et 9)",)),
    "dates.fin_10e_mois_csp": ("R-47", "Fin du {mois}e mois du CSP commencé le {debut_csp:date} : veille du "
                                       "{anniversaire:date}, soit le {valeur:date} (date limite de reprise d'emploi pour "
                                       "la prime au reclassement).",
        ("Convention du 26 janvier 2015 (prime au reclassement)", "Guide employeur du CSP")),
    "dates.echeance_contribution_employeur": (
        "R-43", "La contribution est exigible au plus tard le {jour} du {mois_suivants:ordinal} mois civil suivant le "
                "début du CSP ({debut_csp:date}) : {valeur:date}. Aucun report n'est prévu lorsque ce jour est chômé.",
        ("Décret n° 2013-639 du 17 juillet 2013, art. 2 II", "C. trav. art. L1233-69")),
    "dates.fin_priorite_reembauche": (
        "R-32", "Priorité de réembauche pendant {mois:duree_mois} à compter de la rupture du contrat ({rupture:date}) si "
                "{civilite:le_salarie} en fait la demande au cours de cette année : jusqu'au {valeur:date}. En cas de "
                "refus du CSP, l'année court à compter de la fin du préavis, exécuté ou non.",
        ("C. trav. art. L1233-45", "Cass. soc. 30 novembre 2011, n° 09-43.183", "Cass. soc. 26 février 2025, n° 23-15.427")),
    "dates.limite_garantie_ags/redressement": (
        "R-54", "Redressement judiciaire (jugement du {jugement:date}) : l'AGS garantit les sommes dues au titre de la "
                "rupture lorsque le CSP est proposé pendant la période d'observation, ou dans le mois suivant le "
                "jugement arrêtant le plan ; pas de limite fixe calculable ici.",
        ("C. trav. art. L3253-8, 2° a et b, et 3°",)),
    "dates.limite_garantie_ags": (
        "R-54", "Liquidation judiciaire (jugement du {jugement:date}) : l'AGS garantit les sommes dues au titre de la "
                "rupture lorsque le CSP est proposé dans les {jours} jours suivant le jugement{pse:? ({jours} jours "
                "lorsqu’un PSE est élaboré)|}, soit au plus tard le {valeur:date}.",
        ("C. trav. art. L3253-8, 2° c et 3°",)),
    # issue 10: the follow-up documents (engine/follow_up.py, R-79, R-80)
    "dates.confirmation_remise": (
        "R-79", "Remise à distance : sa première présentation (ou sa réception électronique) est connue, le "
                "{presentation_documents:date} ; un courrier confirme {civilite:au_salarie} la date de remise, le dernier "
                "jour du délai de réflexion et la date de rupture en cas d'acceptation, que les documents postés ne "
                "pouvaient donner : au plus tôt le {valeur:date}."),
    "dates.notification_nouvelle_echeance": (
        "R-80", "{civilite:Protege} : l'autorisation de licenciement est notifiée le {notification_autorisation:date} ; le "
                "délai de réflexion est prolongé jusqu'au {fin_delai_reflexion:date} : un avis de cette nouvelle date "
                "d'expiration est remis {civilite:au_salarie} sans attendre la lettre recommandée, qui pourrait lui "
                "parvenir après elle."),
    # review finding 9: the end of the notice after a refusal (engine/refusal_dates.py, R-46, L1234-3): why the
    # employee refused, then "+preavis_refus"
    "dates.fin_preavis_refus/refus": ("R-46", "Refus du CSP le {refus:date}"),
    "dates.fin_preavis_refus/lettre_licenciement": (
        "R-46", "Refus du CSP (délai de réflexion expiré sans réponse, lettre de licenciement)"),
    "dates.fin_preavis_refus/silence": (
        "R-46", "Refus du CSP (délai de réflexion expiré le {fin_delai_reflexion:date} sans réponse)"),
    "dates.fin_preavis_refus/suivi": ("R-46", "Refus du CSP"),
    "+preavis_refus": (None, " : le préavis de {preavis_mois:virgule} mois court de la première présentation de la "
                             "lettre de licenciement ({presentation_lettre:date}) et prend fin le {valeur:date} ; le "
                             "certificat de travail et le reçu pour solde de tout compte sont remis à la fin du contrat."),
    # values derived or declared beside the facts (collector.DERIVED)
    "dates.fin_preavis": ("R-45", "Fin du préavis qu'aurait effectué {civilite:le_salarie}, comptée à partir de la "
                                  "rupture : base de l'ancienneté retenue pour l'indemnité de licenciement.",
        ("ANI du 31 mai 2011, art. 9", "C. trav. art. L1234-1")),
    "dates.fin_delai_envoi_lettre": ("R-22", "Dernier jour du délai pendant lequel la lettre ne peut pas encore être "
                                             "expédiée : elle peut l'être au plus tôt le lendemain (date d'envoi au plus "
                                             "tôt).",
        ("C. trav. art. L1233-15", "C. trav. art. L1233-39", "C. trav. art. R1231-1")),
    "dates.envoi_documents": ("R-14", "Date d'envoi des documents du CSP par lettre recommandée ou voie électronique, "
                                      "déclarée dans le dossier ; le délai court du lendemain de leur première "
                                      "présentation.",
        ("Guide employeur du CSP (étape 4)",)),
    "dates.entretien_prealable": ("R-10", "Date de l'entretien préalable déclarée dans le dossier.",
        ("C. trav. art. L1233-11",)),
    "dates.derniere_reunion_cse": ("R-11", "Date de la dernière réunion du CSE déclarée dans le dossier.",
        ("C. trav. art. L1233-30",)),
    "dates.decision_administration": ("R-12", "Date de notification ou d'acquisition de la décision administrative "
                                              "déclarée dans le dossier.",
        ("C. trav. art. L1233-57-4",)),
    "dates.ordonnance_juge_commissaire": ("R-63", "Date de l'ordonnance du juge-commissaire autorisant les "
                                                  "licenciements, déclarée dans le dossier.",
        ("C. com. art. L631-17",)),
    "dates.notification_autorisation": ("R-51", "Date de notification à l'employeur de l'autorisation de licenciement "
                                                "déclarée dans le dossier.",
        ("C. trav. art. L2421-3",)),
    "dates.fin_delai_reflexion_lecture_stricte": ("A2", "Fin du délai de réflexion selon la lecture stricte (lendemain de "
                                                        "la notification sans prorogation), non retenue (A2).",
        (ART4_1_AL3,)),
    # the reflection period of a protected employee
    "dates.fin_delai_reflexion/autorisation_refusee": (
        "R-15", "{civilite:Protege} : l'autorisation de licenciement a été refusée ; aucune rupture ne suit et "
                "l'acceptation éventuelle du CSP reste sans effet.",
        (ART4_1_AL3, "C. trav. art. L2411-1")),
    "dates.fin_delai_reflexion/notification_inconnue": (
        "R-15", "{civilite:Protege} : le délai est prolongé jusqu'au lendemain de la notification de la décision de "
                "l'autorité administrative, qui n'est pas encore connue ; fin normale à titre indicatif : "
                "{fin_21_jours:date}.",
        (ART4_1_AL3,)),
    # the CSP's dates
    "dates.rupture_si_acceptation": ("R-37", "En cas d'acceptation, le contrat est rompu d'un commun accord à la date "
                                             "d'expiration du délai de réflexion : {valeur:date}.",
        ("Convention du 26 janvier 2015, art. 5 § 1", "C. trav. art. L1233-67", "Cass. soc. 1er juin 2022, n° 20-17.360")),
    "dates.debut_csp": ("R-37", "Le CSP commence le lendemain de la fin du contrat : {valeur:date} (statut de stagiaire de "
                                "la formation professionnelle){refus:? ; sans objet si {civilite:le_salarie} maintient son "
                                "refus.|.}",
        ("Convention du 26 janvier 2015, art. 5 § 1 et art. 6",)),
    "dates.fin_priorite_reembauche/refus": (
        "R-32", "{civilite:Le_salarie} a refusé le CSP : la priorité de réembauche court pendant {mois:duree_mois} à compter de la "
                "fin du préavis, exécuté ou non, qui commence à la première présentation de la lettre de licenciement ; "
                "date à établir d'après l'avis de réception.",
        ("C. trav. art. L1233-45", "C. trav. art. L1234-3")),
    "+inconnue_sans_fin_delai": (None, "Inconnue tant que la fin du délai de réflexion ne l'est pas ({civilite:protege}, "
                                       "R-51).",
        (ART4_1_AL3,)),
    "dates.echeance_contribution_employeur/moins_un_an": (
        "R-43", "Ancienneté inférieure à un an : aucune contribution n'est due à l'opérateur.",
        ("Convention du 26 janvier 2015, art. 21",)),
    "dates.echeance_contribution_employeur/debut_csp_inconnu": ("R-43", "Inconnue tant que le début du CSP ne l'est pas."),
    "dates.enonce_motif": ("R-31", "L'énoncé écrit du motif économique est remis avec les documents du CSP, le "
                                   "{remise:date}, au plus tard lors de l'acceptation.",
        ("Cass. soc. 17 mars 2015, n° 13-26.941", "Cass. soc. 16 novembre 2016, n° 15-12.293", "Cass. soc. 23 novembre 2022, n° 21-17.483")),
    # the letter's earliest and planned dispatch (R-22 to, A13)
    "dates.envoi_lettre_au_plus_tot/procedure_collective": (
        "R-22", "{procedure_collective:cap} judiciaire : les délais des articles L1233-15 et L1233-39 ne s'appliquent "
                "pas ; lettre à compter du lendemain de la remise, {lettre_a_compter:date} (une attente inutile peut faire sortir la "
                "rupture des délais de garantie de l'AGS).",
        ("C. trav. art. L1233-59", "Cass. soc. 17 mai 2023, n° 21-21.041")),
    "dates.envoi_lettre_au_plus_tot/pse": (
        "R-22", "PSE : la lettre ne peut être envoyée qu'après la notification de la décision administrative ; le CSP "
                "devant être proposé avant, la date retenue est celle de la remise, {remise:date} (A13).",
        ("C. trav. art. L1233-39 al. 5 et 6", "C. trav. art. L1233-57-4")),
    "dates.envoi_lettre_au_plus_tot/notification_projet_inconnue": (
        "R-22", "Date de notification du projet à l'administration non renseignée : délai de l'article L1233-39 avant "
                "l'envoi des lettres non calculable.",
        ("C. trav. art. L1233-39",)),
    "+cadre_collectif": (None, " Cadre compris dans un licenciement collectif de 2 à {seuil_licenciement_collectif:moins_un} "
                               "salariés : le délai de "
                               "{jours_cadre} jours est réservé au licenciement individuel d'un cadre."),
    "+avant_remise": (None, " La lettre ne pouvant précéder la proposition du CSP, la date retenue est celle de la "
                            "remise, {remise:date}."),
    "+lettre_autorisation_refusee": (None, " {civilite:Protege} : l'autorisation ayant été refusée, aucune lettre de "
                                           "licenciement ne peut être envoyée.",
        ("C. trav. art. L2411-1",)),
    "+lettre_notification_inconnue": (None, " {civilite:Protege} : aucune lettre avant la notification de "
                                            "l'autorisation, encore inconnue.",
        ("C. trav. art. L2411-1",)),
    "+lettre_apres_autorisation": (None, " {civilite:Protege} : aucune lettre avant la notification de l'autorisation "
                                         "({notification_autorisation:date}) ; borne retenue le lendemain, "
                                         "{lendemain_notification:date} ; la plus tardive des bornes est retenue : "
                                         "{valeur:date} (R-25).",
        ("C. trav. art. L2411-1", ART4_1_AL3)),
    "dates.envoi_lettre/declaree": ("R-27", "Date d'envoi prévue déclarée : {valeur:date}.",
        ("Dossier",)),
    "dates.envoi_lettre/au_plus_tot": (
        "R-27", "Aucune date d'envoi déclarée : date légale au plus tôt, {au_plus_tot:date}{deplace:? ; le "
                "{au_plus_tot:date} étant un dimanche ou un jour férié, l'envoi est prévu le premier jour de levée "
                "postale suivant, le {valeur:date}|} (choisissez un jour de levée postale)."),
    "dates.envoi_lettre/inconnue": ("R-27", "Date d'envoi inconnue tant que la date au plus tôt ne l'est pas."),
    "dates.envoi_lettre/apres_acceptation": (
        "R-27", "{civilite:Le_salarie} a accepté le CSP le {acceptation:date} sans qu'aucune lettre ne soit enregistrée "
                "comme envoyée avant : la lettre postérieure à l'acceptation est datée au plus tôt du "
                "{acceptation:date}.",
        ("Convention du 26 janvier 2015, art. 5 § 1", "Guide de l'employeur (étape 6)")),
    # the letter's wording (R-27, mentions.md 3A/3B/3C)
    "lettre.variante/apres_acceptation": (
        "R-27", "{civilite:Le_salarie} a accepté le CSP le {reponse:date}, avant tout envoi : lettre postérieure à "
                "l'acceptation, sans notification de licenciement.",
        LETTRE_VARIANTE),
    "lettre.variante/inconnue": ("R-27", "Variante inconnue tant que la date d'envoi ou la fin du délai de réflexion ne "
                                         "l'est pas.",
        LETTRE_VARIANTE),
    "lettre.variante/refus_pendant_le_delai": (
        "R-27", "{civilite:Le_salarie} a refusé le CSP le {reponse:date}, mais la lettre est envoyée le {envoi:date}, "
                "pendant le délai (jusqu'au {fin_delai_reflexion:date}) : elle en rappelle la date d'expiration, la "
                "convention ne faisant pas d'exception au rappel tant que le délai court (lecture prudente).",
        LETTRE_VARIANTE),
    "lettre.variante/refus": ("R-27", "{civilite:Le_salarie} a refusé le CSP le {reponse:date} : lettre de licenciement "
                                      "pour motif économique ordinaire.",
        LETTRE_VARIANTE),
    "lettre.variante/conservatoire": (
        "R-27", "Lettre envoyée le {envoi:date}, au plus tard le dernier jour du délai ({fin_delai_reflexion:date}, "
                "jusqu'à 24 heures) : elle rappelle la date d'expiration du délai et précise qu'en cas de refus elle "
                "notifie le licenciement.",
        LETTRE_VARIANTE),
    "lettre.variante/licenciement": (
        "R-27", "Lettre envoyée le {envoi:date}, après l'expiration du délai ({fin_delai_reflexion:date}) sans "
                "acceptation : lettre de licenciement pour motif économique.",
        LETTRE_VARIANTE),
    # the handover and the operator
    "dates.remise/pse": ("R-10", "PSE : les documents sont remis au lendemain de la notification (ou de l'acquisition) "
                                 "de la décision de validation ou d'homologation du {decision_administration:date}, soit le "
                                 "{remise_procedurale:date} (A12 : date de décision déclarée).",
        ("Convention du 26 janvier 2015, art. 4 § 2 al. 3", "C. trav. art. L1233-66", "C. trav. art. L1233-57-4")),
    "dates.remise/cse": ("R-10", "Licenciement d'au moins {seuil_licenciement_collectif} salariés avec CSE, sans entretien "
                                 "préalable : remise à l'issue de la dernière réunion de consultation du CSE, le "
                                 "{derniere_reunion_cse:date}.",
        ("Convention du 26 janvier 2015, art. 4 § 2 al. 2", "C. trav. art. L1233-38", "C. trav. art. L1233-66")),
    "dates.remise/pse_entretien_protege": (
        "R-10", "{civilite:Protege} : remise lors de son entretien préalable du {entretien_prealable:date}, postérieur au "
                "lendemain de la décision administrative ({lendemain_decision:date}).",
        ("Convention du 26 janvier 2015, art. 4 § 2 al. 1", "C. trav. art. L1233-66")),
    "dates.remise/entretien_protege": (
        "R-10", "{civilite:Protege} : {civilite:il} bénéficie toujours d'un entretien préalable (R-51) ; remise au cours "
                "de l'entretien préalable du {entretien_prealable:date}, contre récépissé.",
        ("Convention du 26 janvier 2015, art. 4 § 2 al. 1", "C. trav. art. L1233-66")),
    "dates.remise/entretien": ("R-10", "Remise au cours de l'entretien préalable du {entretien_prealable:date}, contre "
                                       "récépissé.",
        ("Convention du 26 janvier 2015, art. 4 § 2 al. 1", "C. trav. art. L1233-66")),
    "dates.remise/declaree": ("R-10", "Date de remise déclarée dans le dossier ({mode_remise:mode_remise}) : "
                                      "{remise_declaree:date} (date procédurale : {remise_procedurale:date}). "),
    "operateur": ("R-06", "Opérateur nommé dans les documents datés de la remise ({remise:date}) : {valeur}."),
    # maternity
    "dates.remise_au_plus_tard_maternite": (
        "R-62", "Protection liée au congé de maternité jusqu'au {fin_protection_maternite:date} : les documents du CSP "
                "que la procédure remettrait pendant cette protection peuvent être remis au plus tard le lendemain, "
                "{valeur:date}.",
        ("Convention du 26 janvier 2015, art. 4, note 1", "C. trav. art. L1225-4")),
    "dates.fin_protection_relative_maternite": (
        "R-61", "Protection relative de {semaines} semaines suivant la fin de la protection liée au congé de maternité "
                "({fin_protection_maternite:date}) : jusqu'au {valeur:date}.",
        ("C. trav. art. L1225-4 al. 1",)),
}
