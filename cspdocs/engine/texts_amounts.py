"""The French templates of the amount facts (R-41 to R-47, R-65 to R-67): formula id → (rule code,
template). See engine/prose.py for the placeholders; a template's text is part of the contract
JSON (« raisonnement »): change it deliberately only."""

# citations several formulas share
PREAVIS_OPERATEUR = ("C. trav. art. L1234-5", "C. trav. art. L1233-67", "C. trav. art. L1233-69",
                     "Convention du 26 janvier 2015, art. 21")
INDEMNITE_LEGALE = ("C. trav. art. L1234-9", "C. trav. art. R1234-1", "C. trav. art. R1234-2")

TEXTS: dict[str, tuple] = {
    # the notice
    "montants.preavis_mois/aucun": ("R-46", "Ancienneté de {mois_anciennete:am} : moins de {un_mois_des:am} d'ancienneté : "
                                            "préavis fixé par la convention collective ou l'usage (aucun préavis légal).",
        ("C. trav. art. L1234-1",)),
    "montants.preavis_mois/un_mois": ("R-46", "Ancienneté de {mois_anciennete:am} : de {un_mois_des:am} à moins de "
                                              "{deux_mois_des:am} d'ancienneté : 1 mois.",
        ("C. trav. art. L1234-1",)),
    "montants.preavis_mois/deux_mois": ("R-46", "Ancienneté de {mois_anciennete:am} : au moins {deux_mois_des:am} "
                                                "d'ancienneté : 2 mois.",
        ("C. trav. art. L1234-1",)),
    "+travailleur_handicape": (None, " Travailleur handicapé : durée doublée, dans la limite de "
                                     "{plafond_travailleur_handicape} mois, soit {preavis_legal_mois} mois.",
        ("C. trav. art. L5213-9",)),
    "+preavis_legal_retenu": (None, " Préavis légal retenu : {preavis_legal_mois} mois."),
    "+preavis_declare": (None, " Préavis conventionnel ou contractuel déclaré : {preavis_declare_mois} mois ; préavis "
                               "légal : {preavis_legal_mois} mois ; le plus long est retenu : {valeur} mois.",
        ("Convention du 26 janvier 2015, art. 21",)),
    "dates.anciennete_appreciee_le/envoi": ("R-65", "Ancienneté appréciée à la date d'envoi de la lettre de licenciement, "
                                                    "le {envoi:date}.",
        ("Cass. soc. 26 septembre 2006, n° 05-43.841", "C. trav. art. L1234-1")),
    "dates.anciennete_appreciee_le/rupture": ("R-65", "Aucune lettre de licenciement ne précède la rupture : ancienneté "
                                                      "appréciée à la rupture, le {rupture:date}.",
        ("Cass. soc. 26 septembre 2006, n° 05-43.841", "C. trav. art. L1234-1")),
    "montants.salaire_mensuel_preavis/declare": (
        "R-66", "Rémunération mensuelle qu'aurait perçue {civilite:le_salarie} pendant le préavis, déclarée : "
                "{valeur:eur}.",
        ("C. trav. art. L1234-5",)),
    "montants.salaire_mensuel_preavis/mensuel": ("R-66", "Rémunération mensuelle du préavis : salaire mensuel brut "
                                                         "{salaire_mensuel:eur}",
        ("C. trav. art. L1234-5",)),
    "montants.salaire_mensuel_preavis/mois": (
        "R-66", "Rémunération mensuelle du préavis : le plus élevé du dernier salaire ({dernier_salaire:eur}) et de la "
                "moyenne des {nombre_mois} mois déclarés ({moyenne_mois:eur}), qui comprend la part variable : "
                "{salaire_fixe:eur}",
        ("C. trav. art. L1234-5",)),
    "+salaire_preavis": (None, "{remuneration_variable:? + rémunération variable moyenne {remuneration_variable:eur}|}"
                               "{prime_annuelle:? + prime annuelle au prorata ({prime_annuelle:eur} / 12 = "
                               "{prime_prorata:eur})|} = {valeur:eur}."),
    # seniority and the reference salary
    "montants.anciennete_annees": (
        "R-45", "Ancienneté du {date_entree:date} à la fin du préavis qu'aurait effectué {civilite:le_salarie} "
                "({fin_preavis:date}) : {mois_anciennete_fin_preavis:am}, soit {mois_anciennete_fin_preavis} mois complets"
                "{mois_non_comptes:? (après déduction de {mois_non_comptes} mois non pris en compte, L1234-11)|}. À la "
                "date de rupture ({rupture:date}) : {mois_anciennete_rupture:am}.",
        ("ANI du 31 mai 2011, art. 9", "C. trav. art. L1233-67", "C. trav. art. R1234-1", "C. trav. art. L1234-11")),
    "montants.salaire_reference/mois": ("R-45", "Salaire de référence ({nombre_mois} mois de salaire déclarés",
        ("C. trav. art. R1234-4",)),
    "montants.salaire_reference/mensuel": ("R-45", "Salaire de référence (salaire mensuel brut déclaré "
                                                   "{salaire_mensuel:eur}{remuneration_variable:? et rémunération variable "
                                                   "moyenne de {remuneration_variable:eur}|}",
        ("C. trav. art. R1234-4",)),
    "+salaire_reference_bases": (None, "{prime_annuelle:? ; prime annuelle de {prime_annuelle:eur} comptée en entier sur "
                                       "12 mois et au prorata sur 3 mois|}) : moyenne des 12 derniers mois (ou de tous les "
                                       "mois si moins de 12) = {moyenne_12_mois:eur} ; tiers des 3 derniers mois = "
                                       "{moyenne_3_mois:eur} ; le plus favorable est retenu : {valeur:eur}."),
    # the notice indemnity and the employer's contribution
    "montants.indemnite_preavis": ("R-42", "Indemnité compensatrice de préavis : {mois_de_preavis} mois × "
                                           "{salaire_mensuel:eur} = {valeur:eur}.",
        PREAVIS_OPERATEUR),
    "montants.contribution_employeur/moins_un_an": ("R-42", "Ancienneté inférieure à un an : aucune contribution n'est "
                                                            "due à l'opérateur.",
        PREAVIS_OPERATEUR),
    "montants.contribution_employeur": ("R-42", "Contribution à l'opérateur : indemnité de préavis ({indemnite_preavis:eur}) "
                                                "dans la limite de {plafond_mois} mois de salaire ({plafond:eur}) : "
                                                "{valeur:eur} (cotisations salariales comprises).",
        PREAVIS_OPERATEUR),
    "montants.contribution_employeur_charges_comprises/sans_objet": ("R-42", "Sans objet : aucune contribution n'est due.",
        PREAVIS_OPERATEUR),
    "montants.contribution_employeur_charges_comprises/taux_inconnu": (
        "R-42", "Taux de charges patronales non renseigné : montant charges comprises non calculé.",
        PREAVIS_OPERATEUR),
    "montants.contribution_employeur_charges_comprises": (
        "R-42", "Contribution majorée des charges patronales : {contribution:eur} × (1 + {taux_charges:virgule}) = "
                "{valeur:eur}.",
        PREAVIS_OPERATEUR),
    "montants.excedent_preavis_salarie/moins_un_an": (
        "R-42", "Ancienneté inférieure à un an : l'employeur verse {civilite:au_salarie}, à la rupture, l'indemnité de "
                "préavis qu'il aurait due ({indemnite_preavis:eur}).",
        PREAVIS_OPERATEUR),
    "montants.excedent_preavis_salarie": ("R-42", "Part du préavis au-delà de {plafond_mois} mois versée "
                                                  "{civilite:au_salarie} à la rupture : {valeur:eur}.",
        PREAVIS_OPERATEUR),
    # the severance indemnity (R-45, R-67, A9)
    "montants.indemnite_legale_licenciement/sans": ("R-45", "Ancienneté de {mois_anciennete:am}, inférieure à "
                                                            "{anciennete_minimale_mois} mois : pas d'indemnité légale.",
        INDEMNITE_LEGALE),
    "montants.indemnite_legale_licenciement": (
        "R-45", "Ancienneté retenue : {mois_anciennete:am} ({mois_anciennete} mois complets). {mois_premiere_tranche:am} "
                "× {fraction_jusqu_a_tranche:fraction} × {salaire_reference:eur}{mois_au_dela:? + {mois_au_dela:am} × "
                "{fraction_au_dela:fraction} × {salaire_reference:eur}|} = {valeur:eur}.",
        INDEMNITE_LEGALE),
    "+lecture_fin_preavis": (None, " Lecture retenue (ANI du 31 mai 2011, art. 9) : ancienneté comptée jusqu'à la fin du "
                                   "préavis non exécuté. À la date de rupture (lecture de Cass. soc. 2 décembre 2009, "
                                   "n° 08-44.656) : {mois_anciennete_rupture:am}, soit {indemnite_a_la_rupture:eur}.",
        ("ANI du 31 mai 2011, art. 9", "Cass. soc. 2 décembre 2009, n° 08-44.656")),
    "+lecture_rupture": (None, " Lecture retenue par le dossier (Cass. soc. 2 décembre 2009, n° 08-44.656) : ancienneté à "
                               "la date de rupture, {mois_anciennete_rupture:am}. Jusqu'à la fin du préavis non exécuté "
                               "(ANI du 31 mai 2011, art. 9) : {mois_anciennete_fin_preavis:am}, soit "
                               "{indemnite_fin_preavis:eur}.",
        ("ANI du 31 mai 2011, art. 9", "Cass. soc. 2 décembre 2009, n° 08-44.656")),
    "montants.indemnite_licenciement_due/conventionnelle": (
        "R-45", "Indemnité conventionnelle déclarée ({indemnite_conventionnelle:eur}), plus favorable que l'indemnité "
                "légale ({indemnite_legale:eur}) : elle est due.",
        ("C. trav. art. L1234-9", "Convention collective applicable")),
    "montants.indemnite_licenciement_due/legale": (
        "R-45", "Indemnité due : indemnité légale ({indemnite_legale:eur}), plus favorable que l'indemnité conventionnelle "
                "déclarée ({indemnite_conventionnelle:eur}).",
        ("C. trav. art. L1234-9",)),
    "montants.indemnite_licenciement_due/sans_conventionnelle": (
        "R-45", "Indemnité due : indemnité légale ({indemnite_legale:eur}), aucune indemnité conventionnelle plus "
                "favorable n'étant déclarée.",
        ("C. trav. art. L1234-9",)),
    # the penalty and the ASP (R-41, R-04, A11)
    "montants.penalite_defaut_proposition": (
        "R-44", "Si le CSP n'est pas proposé, l'employeur doit {mois_refus} mois de salaire ({montant_refus:eur}), "
                "{mois_adhesion} mois si {civilite:le_salarie} adhère sur proposition de l'opérateur "
                "({montant_adhesion:eur}). Estimation : l'assiette exacte retenue par l'opérateur n'est pas connue "
                "(salaire mensuel {salaire_mensuel:eur}).",
        ("C. trav. art. L1233-66 al. 2", "Décret n° 2013-639 du 17 juillet 2013, art. 2")),
    "montants.asp_journaliere": ("R-41", "Allocation de sécurisation professionnelle : {taux:pct} % du salaire journalier "
                                         "de référence ({salaire_journalier_reference:eur}) = {valeur:eur} par jour (brut, "
                                         "estimation ; l'opérateur calcule le montant définitif)."),
    "montants.asp_journaliere/sjr_inconnu": ("R-41", "Salaire journalier de référence non renseigné : ASP non estimée.",
        ("Convention du 26 janvier 2015",)),
    "montants.asp_journaliere/moins_un_an": ("R-41", "Ancienneté inférieure à un an : l'allocation est égale à l'ARE, "
                                                     "calculée par l'opérateur.",
        ("ANI du 31 mai 2011, art. 3", "Convention du 26 janvier 2015")),
    "montants.asp_journaliere/mayotte": ("R-41", "Mayotte : paramètres de l'ASP non vérifiés (convention du 17 juillet "
                                                 "2018) ; pas d'estimation.",
        ("Convention du 17 juillet 2018 relative au CSP à Mayotte",)),
    "montants.asp_journaliere/taux_inconnu": ("R-41", "Aucun texte connu ne fixe le taux de l'ASP à cette date.",
        ()),
    "+sans_objet_autorisation_refusee": (None, "Sans objet : l'autorisation de licenciement a été refusée, aucune rupture "
                                               "ne suit.",
        ("C. trav. art. L2411-1",)),
    # values derived beside the facts (collector.DERIVED)
    "montants.anciennete_mois_fin_preavis": ("R-45", "Mois complets d'ancienneté à la fin du préavis non exécuté (base de "
                                                     "l'ancienneté en années retenue pour l'indemnité).",
        ("C. trav. art. R1234-1", "ANI du 31 mai 2011, art. 9")),
    "montants.anciennete_mois_rupture": ("R-45", "Mois complets d'ancienneté à la date de rupture.",
        ("C. trav. art. R1234-1",)),
    "montants.salaire_moyen_12_mois": ("R-45", "Moyenne mensuelle des 12 derniers mois (l'une des deux bases comparées pour "
                                               "le salaire de référence).",
        ("C. trav. art. R1234-4",)),
    "montants.salaire_moyen_3_mois": ("R-45", "Tiers des 3 derniers mois (l'une des deux bases comparées pour le salaire de "
                                              "référence).",
        ("C. trav. art. R1234-4",)),
    "montants.indemnite_legale_a_la_rupture": (
        "R-67", "Indemnité légale calculée sur l'ancienneté à la date de rupture (comparée à l'indemnité de licenciement "
                "retenue selon la lecture de l'ancienneté).",
        ("C. trav. art. R1234-2", "Cass. soc. 2 décembre 2009, n° 08-44.656")),
    "montants.indemnite_legale_fin_preavis": (
        "R-45", "Indemnité légale calculée sur l'ancienneté à la fin du préavis non exécuté (comparée à l'indemnité de "
                "licenciement retenue selon la lecture de l'ancienneté).",
        ("C. trav. art. R1234-2", "ANI du 31 mai 2011, art. 9")),
    "montants.lecture_anciennete_indemnite": (
        "R-67", "Lecture retenue pour l'ancienneté de l'indemnité de licenciement (procedure.lecture_anciennete_indemnite) : "
                "fin_preavis (ANI 2011, art. 9, par défaut) ou rupture (Cass. soc. 2 décembre 2009).",
        ("ANI du 31 mai 2011, art. 9", "Cass. soc. 2 décembre 2009, n° 08-44.656")),
    # the prime au reclassement estimate (R-47, A27: amounts.prime_reclassement, not a fact of compute)
    "prime_reclassement": ("R-47", "Reprise d'emploi le {reprise_emploi:date}, fin du {mois}e mois le "
                                   "{fin_10e_mois:date} : {eligible:?éligible ; {jours_restants} jours restants × "
                                   "{asp_journaliere:eur} × {taux:pct} % = {valeur:eur}, en deux versements.|non "
                                   "éligible (reprise après la fin du {mois}e mois).}",
        ()),
}
