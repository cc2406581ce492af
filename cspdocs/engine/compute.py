"""From a validated case to computed facts: one pure function per employee.

Reads the model, calls the date and amount rules, collects explanations and warnings. The
rules themselves live in dates.py and amounts.py, each next to its source.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Iterable, Optional

from num2words import num2words

from ..calendar import Calendar
from ..case.model import Dossier, Salarie
from ..case.places import calendar_for
from . import amounts as A
from . import case_findings
from . import notice as N
from . import journal as J
from . import parameters as PR
from . import procedure_rules as P
from . import dates as D
from .facts import Explication, Fact, ResultatDossier, ResultatSalarie, money

CONTRACT_DATE_KEYS = (
    "remise",
    "debut_delai_reflexion",
    "fin_delai_reflexion",
    "envoi_lettre_au_plus_tot",
    "envoi_lettre",
    "rupture_si_acceptation",
    "debut_csp",
    "fin_csp",
    "fin_10e_mois_csp",
    "echeance_contribution_employeur",
    "fin_priorite_reembauche",
)
CONTRACT_AMOUNT_KEYS = (
    "anciennete_annees",
    "salaire_reference",
    "preavis_mois",
    "indemnite_preavis",
    "contribution_employeur",
    "contribution_employeur_charges_comprises",
    "excedent_preavis_salarie",
    "indemnite_legale_licenciement",
    "indemnite_licenciement_due",
    "penalite_defaut_proposition",
    "asp_journaliere",
)

ART4_2 = "Convention du 26 janvier 2015, art. 4 § 2"


class _Collector:
    """Accumulates values, explanations and warnings for one employee."""

    def __init__(self) -> None:
        self.dates: dict[str, Optional[date]] = {}
        self.montants: dict[str, Any] = {}
        self.explications: list[Explication] = []
        self.avertissements: list[str] = []
        self.blocages: list[tuple[tuple, str]] = []
        # recomputes the last day of the letter's délai on another calendar (A8)
        self.letter_delay_on: Optional[Any] = None
        self.reflection_days = 0  # dated parameter duree_delai_reflexion_jours, at the handover
        self.one_year_months = 0  # dated parameter anciennete_un_an_mois, at the engagement

    def block(self, loc: tuple, message: str) -> None:
        self.blocages.append((loc, message))

    def date(self, key: str, fact: Fact) -> Optional[date]:
        self.dates[key] = fact.valeur
        self.explications.append(Explication(f"dates.{key}", fact.valeur, fact.raisonnement, fact.sources))
        return fact.valeur

    def redate(self, key: str, fact: Fact) -> Optional[date]:
        """Replace a date already recorded (one explanation per fact)."""
        self.explications = [e for e in self.explications if e.fait != f"dates.{key}"]
        return self.date(key, fact)

    def unknown_date(self, key: str, why: str, sources: tuple[str, ...]) -> None:
        self.date(key, Fact(None, why, sources))

    def amount(self, key: str, fact: Fact) -> Any:
        self.montants[key] = fact.valeur
        self.explications.append(Explication(f"montants.{key}", fact.valeur, fact.raisonnement, fact.sources))
        return fact.valeur

    def warn(self, text: str) -> None:
        if text not in self.avertissements:
            self.avertissements.append(text)


# --- procedure-level facts ---------------------------------------------------------------


def engagement_date(dossier: Dossier) -> tuple[Optional[date], str, bool]:
    """R-05 (review correction), A10: the engagement date selecting the texts in force.
    Returns (date, reasoning, inferred)."""
    proc = dossier.procedure
    if proc.date_engagement:
        return proc.date_engagement, "date d'engagement déclarée dans le dossier", False
    if proc.type in ("individuel", "collectif_moins_de_10") or proc.cse is False:
        if proc.date_entretien_prealable:
            return proc.date_entretien_prealable, "date de l'entretien préalable (règle Unédic, A10)", False
    if proc.date_convocation_premiere_reunion_cse:
        return (
            proc.date_convocation_premiere_reunion_cse,
            "date de présentation de la convocation à la première réunion du CSE (règle Unédic, A10)",
            False,
        )
    known = [
        d
        for d in (
            proc.date_entretien_prealable,
            proc.date_notification_projet_administration,
            proc.date_derniere_reunion_cse,
            proc.date_decision_administration,
        )
        if d
    ]
    if known:
        return min(known), "date la plus ancienne connue de la procédure (date d'engagement non déclarée)", True
    return None, "aucune date de procédure connue", True


def regime(dossier: Dossier, zone_is_mayotte: bool) -> tuple[dict[str, Any], list[str]]:
    engaged, how, inferred = engagement_date(dossier)
    warnings: list[str] = []
    if inferred:
        warnings.append(
            f"A10 : la date d'engagement de la procédure n'est pas déclarée ; retenue : {how} "
            f"({D.fr(engaged)}). Renseignez procedure.date_engagement pour lever le doute."
        )
    name = "regime_csp_mayotte" if zone_is_mayotte else "regime_csp"
    period = PR.in_force(name, engagement=engaged) if engaged else None
    if period is None:
        warnings.append(
            f"A11 : aucun texte connu ne régit le CSP pour une procédure engagée le {D.fr(engaged)} "
            f"(la convention connue court jusqu'au 31/12/2026). Les règles de dates de la convention du "
            f"26 janvier 2015 sont appliquées à titre conservatoire : vérifiez le texte en vigueur."
        )
        return {"texte": None, "valable_jusqu_au": None, "date_engagement": engaged, "reference": None}, warnings
    return {
        "texte": period.valeur,
        "valable_jusqu_au": period.au,
        "date_engagement": engaged,
        "reference": period.reference,
    }, warnings


# --- handover ------------------------------------------------------------------------------


def handover(dossier: Dossier, s: Salarie) -> Optional[tuple[Fact, str]]:
    """R-10 to R-14, R-51: the handover date and its circumstance; None when the case lacks the
    procedural date it depends on (the loader refuses such a case; its checks call this too)."""
    proc = dossier.procedure
    interview = s.date_entretien_prealable or proc.date_entretien_prealable
    protected_own_interview = s.salarie_protege is not None and s.date_entretien_prealable is not None
    if proc.type == "pse":
        decision = proc.date_decision_administration
        if decision is None:
            return None
        after = decision + timedelta(days=1)
        fact = Fact(
            after,
            f"PSE : les documents sont remis au lendemain de la notification (ou de l'acquisition) de la décision "
            f"de validation ou d'homologation du {D.fr(decision)}, soit le {D.fr(after)} (A12 : date de décision déclarée).",
            (ART4_2 + " al. 3", "C. trav. art. L1233-66", "C. trav. art. L1233-57-4"),
        )
        circ = "lendemain_decision_administration"
        if protected_own_interview and interview and interview > after:
            fact = Fact(
                interview,
                f"Salarié protégé : remise lors de son entretien préalable du {D.fr(interview)}, postérieur au "
                f"lendemain de la décision administrative ({D.fr(after)}).",
                (ART4_2 + " al. 1", "C. trav. art. L1233-66"),
            )
            circ = "entretien_prealable"
    elif proc.type == "collectif_10_et_plus" and proc.cse and not protected_own_interview:
        last = proc.date_derniere_reunion_cse
        if last is None:
            return None
        fact = Fact(
            last,
            f"Licenciement d'au moins 10 salariés avec CSE, sans entretien préalable : remise à l'issue de la dernière "
            f"réunion de consultation du CSE, le {D.fr(last)}.",
            (ART4_2 + " al. 2", "C. trav. art. L1233-38", "C. trav. art. L1233-66"),
        )
        circ = "derniere_reunion_cse"
    else:
        if interview is None:
            return None
        why = (
            "Salarié protégé : il bénéficie toujours d'un entretien préalable (R-51) ; r"
            if proc.type == "collectif_10_et_plus"
            else ""
        )
        fact = Fact(
            interview,
            f"{why}{'emise' if why else 'Remise'} au cours de l'entretien préalable du {D.fr(interview)}, contre récépissé.",
            (ART4_2 + " al. 1", "C. trav. art. L1233-66"),
        )
        circ = "entretien_prealable"
    if s.date_remise and s.date_remise != fact.valeur:
        mode = {"main_propre": "en main propre", "lrar": "par lettre recommandée", "electronique": "par voie électronique"}
        fact = Fact(
            s.date_remise,
            f"Date de remise déclarée dans le dossier ({mode[s.mode_remise]}) : {D.fr(s.date_remise)} "
            f"(date procédurale : {D.fr(fact.valeur)}). {fact.raisonnement}",
            fact.sources,
        )
        circ = "date_convenue"
    return fact, circ


# --- per employee --------------------------------------------------------------------------


def compute_salarie(dossier: Dossier, s: Salarie, regime_info: dict[str, Any], au: Optional[date] = None) -> ResultatSalarie:
    c = _Collector()
    raw, s = s, J.effective(s)  # issue 10: the journal's actual dates win over the planned ones
    if au is not None:
        _journal_in_future(raw, au, c)
    emp, proc = dossier.employeur, dossier.procedure
    cal: Calendar = calendar_for(emp, s)
    protected = s.salarie_protege is not None
    refused_authorisation = protected and s.salarie_protege.autorisation_refusee
    notif = s.salarie_protege.date_notification_autorisation if protected else None
    judicial = emp.procedure_collective is not None
    interview = s.date_entretien_prealable or proc.date_entretien_prealable

    # Handover and operator
    found = handover(dossier, s)
    if found is None:
        raise ValueError(f"salarié {s.matricule} : date de remise indéterminable (dossier non validé par le chargement)")
    remise_fact, circonstance = found
    remise = c.date("remise", remise_fact)
    op = PR.resolved("operateur", c.warn, document=remise)
    operateur = op.valeur
    c.explications.append(
        Explication(
            "operateur",
            operateur,
            f"Opérateur nommé dans les documents datés de la remise ({D.fr(remise)}) : {operateur}.",
            (op.reference,),
        )
    )
    if s.date_remise and proc.type == "pse" and proc.date_decision_administration and s.date_remise <= proc.date_decision_administration:
        c.warn("R-12 : la remise déclarée précède le lendemain de la décision administrative : le CSP doit être proposé après la notification de la décision (L1233-66).")
    if s.mode_remise != "main_propre":
        c.dates["envoi_documents"] = s.date_envoi_documents
        if s.date_envoi_documents is None:
            c.warn("R-14 : documents envoyés à distance sans « date_envoi_documents » : renseignez la date d'envoi, qui date le document d'information et l'énoncé du motif.")
    if s.mode_remise == "lrar":
        c.warn("A4 : remise par lettre recommandée : la date de remise retenue doit être celle de la première présentation de la lettre, non celle du retrait.")
    if s.mode_remise == "electronique":
        c.warn("R-14 : remise par voie électronique : elle suppose l'accord préalable du salarié et un accusé de réception électronique.")

    c.one_year_months = PR.value("anciennete_un_an_mois", c.warn, engagement=engagement_date(dossier)[0])

    # Reflection period
    c.date("debut_delai_reflexion", D.reflection_start(remise))
    duree = PR.value("duree_delai_reflexion_jours", c.warn, remise=remise)
    c.reflection_days = duree
    fin21_fact = D.reflection_last_day(remise, cal, duree)
    fin21 = c.date("fin_delai_reflexion_21_jours", fin21_fact)
    if fin21 != remise + timedelta(days=duree):
        c.warn(f"A1 : le {duree}e jour du délai de réflexion tombe un samedi, un dimanche ou un jour férié : la fin des {duree} jours est prorogée au {D.fr(fin21)} (jamais un samedi)"
               + (" ; pour ce salarié protégé, la fin retenue dépend en outre de la notification de l'autorisation." if protected else "."))
    fin: Optional[date]
    if not protected:
        fin = c.date("fin_delai_reflexion", fin21_fact)
    elif refused_authorisation:
        fin = None
        c.unknown_date(
            "fin_delai_reflexion",
            "Salarié protégé : l'autorisation de licenciement a été refusée ; aucune rupture ne suit et l'acceptation "
            "éventuelle du CSP reste sans effet.",
            ("Convention du 26 janvier 2015, art. 4 § 1 al. 3", "C. trav. art. L2411-1"),
        )
        c.warn("R-51 : autorisation de licenciement refusée : pas de rupture, pas de lettre de licenciement.")
    elif notif is None:
        fin = None
        c.unknown_date(
            "fin_delai_reflexion",
            f"Salarié protégé : le délai est prolongé jusqu'au lendemain de la notification de la décision de "
            f"l'autorité administrative, qui n'est pas encore connue ; fin normale à titre indicatif : {D.fr(fin21)}.",
            ("Convention du 26 janvier 2015, art. 4 § 1 al. 3",),
        )
        c.warn("R-51 : salarié protégé sans date de notification de l'autorisation : la fin du délai de réflexion, la rupture et les dates qui en dépendent restent inconnues.")
    else:
        fact, strict = D.protected_last_day(fin21, notif, cal, duree)
        fin = c.date("fin_delai_reflexion", fact)
        c.dates["fin_delai_reflexion_lecture_stricte"] = strict
        if strict != fin:
            c.warn(f"A2 : salarié protégé : fin du délai retenue {D.fr(fin)} (lendemain de la notification prorogé) ; lecture stricte : {D.fr(strict)}.")
    if protected and notif:
        c.dates["notification_autorisation"] = notif

    # Earliest dismissal letter: the latest of the bounds that apply
    earliest = earliest_letter(dossier, s, cal, remise, interview, c)
    if refused_authorisation:
        earliest = None
        _amend_explanation(c, "dates.envoi_lettre_au_plus_tot", None,
                           " Salarié protégé : l'autorisation ayant été refusée, aucune lettre de licenciement ne peut être envoyée.",
                           ("C. trav. art. L2411-1",))
    elif protected and notif is None:
        earliest = None
        _amend_explanation(c, "dates.envoi_lettre_au_plus_tot", None,
                           " Salarié protégé : aucune lettre avant la notification de l'autorisation, encore inconnue.",
                           ("C. trav. art. L2411-1",))
    elif protected:
        after = notif + timedelta(days=1)
        earliest = max(earliest, after) if earliest else after
        _amend_explanation(c, "dates.envoi_lettre_au_plus_tot", earliest,
                           f" Salarié protégé : aucune lettre avant la notification de l'autorisation ({D.fr(notif)}) ; "
                           f"borne retenue le lendemain, {D.fr(after)} ; la plus tardive des bornes est retenue : {D.fr(earliest)} (R-25).",
                           ("C. trav. art. L2411-1", "Convention du 26 janvier 2015, art. 4 § 1 al. 3"))
    c.dates["envoi_lettre_au_plus_tot"] = earliest

    # Planned dispatch
    if s.date_envoi_lettre:
        envoi = c.date("envoi_lettre", Fact(s.date_envoi_lettre, f"Date d'envoi prévue déclarée : {D.fr(s.date_envoi_lettre)}.", ("Dossier",)))
        after_acceptance = s.reponse is not None and s.reponse.decision == "acceptation" and s.reponse.date <= envoi
        # the post-acceptance letter notifies no dismissal: the L1233-15 / L1233-39 bounds do not apply
        if earliest and envoi < earliest and not after_acceptance:
            c.block(J.journal_source(raw, "date_envoi_lettre"), f"la lettre ne peut être envoyée avant le {D.fr(earliest)}, date légale au plus tôt "
                    f"(R-22 à R-25 ; voir « cspdocs compute ») : un envoi le {D.fr(envoi)} serait irrégulier")
    elif earliest:
        bound = next((e for e in c.explications if e.fait == "dates.envoi_lettre_au_plus_tot"), None)
        # a registered letter is not posted on a Sunday or a public holiday: the planned date is
        # the first day from the legal bound that is neither (Saturday is a postal day, R-23).
        planned = earliest
        while planned.weekday() == 6 or cal.is_holiday(planned):
            planned += timedelta(days=1)
        moved = "" if planned == earliest else (
            f" ; le {D.fr(earliest)} étant un dimanche ou un jour férié, l'envoi est prévu le premier jour de levée postale suivant, le {D.fr(planned)}")
        envoi = c.date("envoi_lettre", Fact(planned, f"Aucune date d'envoi déclarée : date légale au plus tôt, {D.fr(earliest)}{moved} (choisissez un jour de levée postale).",
                                            (bound.sources if bound else ()) + (("C. trav. art. L3133-1",) if moved else ())))
    else:
        envoi = None
        c.unknown_date("envoi_lettre", "Date d'envoi inconnue tant que la date au plus tôt ne l'est pas.", ())

    # Issue 10: a recorded acceptance shapes the letter. Unless a letter is recorded as posted before
    # it, the letter is the post-acceptance letter, dated on or after the acceptance: never a
    # conservatoire letter dated before an adherent's acceptance.
    posted = raw.suivi.lettre_envoyee if raw.suivi else None
    rep_ = s.reponse
    if (rep_ and rep_.decision == "acceptation" and envoi is not None and envoi < rep_.date
            and (posted is None or posted >= rep_.date)):
        if s.date_envoi_lettre and posted is None:
            c.warn(f"R-74 : la lettre prévue le {D.fr(s.date_envoi_lettre)} n'est pas enregistrée comme envoyée avant "
                   f"l'acceptation du {D.fr(rep_.date)} (« suivi.lettre_envoyee ») : la lettre est celle qui suit l'acceptation, "
                   "datée au plus tôt de l'acceptation.")
        envoi = c.redate("envoi_lettre", Fact(rep_.date, f"Le salarié a accepté le CSP le {D.fr(rep_.date)} sans qu'aucune lettre "
                                            "ne soit enregistrée comme envoyée avant : la lettre postérieure à l'acceptation est "
                                            f"datée au plus tôt du {D.fr(rep_.date)}.",
                                            ("Convention du 26 janvier 2015, art. 5 § 1", "Guide de l'employeur (étape 6)")))

    # An acceptance after the period has no effect: silence is a refusal (art. 5 § 1 al. 3)
    if s.reponse and s.reponse.decision == "acceptation" and fin and s.reponse.date > fin:
        c.block(("reponse", "date"), f"l'acceptation du {D.fr(s.reponse.date)} est postérieure à l'expiration du délai de "
                f"réflexion ({D.fr(fin)}) : elle est sans effet, le silence valant refus (Convention du 26 janvier 2015, "
                f"art. 5 § 1) ; enregistrez un refus ou corrigez la date")

    # Letter variant (R-27, mentions.md 3A/3B/3C)
    lettre = letter_variant(s, envoi, fin, c)
    operateur_lettre = PR.value("operateur", c.warn, document=envoi or remise)

    # CSP dates
    rupture = fin
    ac = s.reponse.decision == "acceptation" if s.reponse else None
    if rupture:
        c.date("rupture_si_acceptation", Fact(rupture, f"En cas d'acceptation, le contrat est rompu d'un commun accord à la date d'expiration du délai de réflexion : {D.fr(rupture)}.", ("Convention du 26 janvier 2015, art. 5 § 1", "C. trav. art. L1233-67", "Cass. soc. 1er juin 2022, n° 20-17.360")))
        debut = rupture + timedelta(days=1)
        c.date("debut_csp", Fact(debut, f"Le CSP commence le lendemain de la fin du contrat : {D.fr(debut)} (statut de stagiaire de la formation professionnelle)"
                                 + (" ; sans objet si le salarié maintient son refus." if ac is False else "."), ("Convention du 26 janvier 2015, art. 5 § 1 et art. 6",)))
        csp_months = PR.value("duree_csp_mois", c.warn, debut_csp=debut)
        bonus_months = PR.value("duree_prime_reclassement_mois", c.warn, debut_csp=debut)
        c.date("fin_csp", D.csp_end(debut, csp_months))
        c.date("fin_10e_mois_csp", D.tenth_month_end(debut, bonus_months))
        if ac is False:
            # R-32 review correction: on refusal the year runs from the end of the notice, which starts
            # at the first presentation of the letter (L1234-3): unknown here, so no guessed date.
            c.unknown_date(
                "fin_priorite_reembauche",
                "Le salarié a refusé le CSP : la priorité de réembauche court pendant un an à compter de la fin du "
                "préavis, exécuté ou non, qui commence à la première présentation de la lettre de licenciement ; "
                "date à établir d'après l'avis de réception.",
                ("C. trav. art. L1233-45", "C. trav. art. L1234-3"),
            )
        else:
            c.date("fin_priorite_reembauche", D.rehiring_priority_end(
                rupture, PR.value("duree_priorite_reembauche_mois", c.warn, rupture=rupture)))
        touched = (debut, c.dates["fin_csp"], c.dates["fin_10e_mois_csp"])
        if any((d.month, d.day) == (2, 29) for d in touched) or D.add_months(debut, csp_months).day != debut.day \
                or D.add_months(debut, bonus_months).day != debut.day:
            c.warn(f"A5 : la durée de {csp_months} mois du CSP touche un 29 février : anniversaire reporté au 1er mars, fin la veille.")
    else:
        for key in ("rupture_si_acceptation", "debut_csp", "fin_csp", "fin_10e_mois_csp", "fin_priorite_reembauche"):
            c.unknown_date(key, "Inconnue tant que la fin du délai de réflexion ne l'est pas (salarié protégé, R-51).", ("Convention du 26 janvier 2015, art. 4 § 1 al. 3",))

    # Amounts
    operateur_paiement = None
    conditions = compute_amounts(dossier, s, c, rupture or fin21, provisional=rupture is None, lettre=lettre, envoi=envoi)

    if rupture and conditions["anciennete_un_an_ou_plus"]:
        debut = c.dates["debut_csp"]
        due = PR.value("echeance_contribution_employeur", c.warn, debut_csp=debut)
        fact = D.employer_payment_due(debut, due["jour"], due["mois_suivants"])
        c.date("echeance_contribution_employeur", fact)
        pay_op = PR.resolved("operateur", c.warn, document=fact.valeur)
        operateur_paiement = pay_op.valeur
        if pay_op.valeur != operateur:
            c.warn(f"R-06 : opérateur : documents remis sous le nom « {operateur} », contribution payée à « {pay_op.valeur} » ({pay_op.reference}).")
    elif rupture:
        c.unknown_date("echeance_contribution_employeur", "Ancienneté inférieure à un an : aucune contribution n'est due à l'opérateur.", ("Convention du 26 janvier 2015, art. 21",))
    else:
        c.unknown_date("echeance_contribution_employeur", "Inconnue tant que le début du CSP ne l'est pas.", ())

    # Other dates useful to the documents
    if interview:
        c.dates["entretien_prealable"] = interview
    if proc.date_derniere_reunion_cse:
        c.dates["derniere_reunion_cse"] = proc.date_derniere_reunion_cse
    if proc.date_decision_administration:
        c.dates["decision_administration"] = proc.date_decision_administration
    c.dates["enonce_motif"] = remise
    c.explications.append(Explication("dates.enonce_motif", remise, f"L'énoncé écrit du motif économique est remis avec les documents du CSP, le {D.fr(remise)}, au plus tard lors de l'acceptation.", ("Cass. soc. 17 mars 2015, n° 13-26.941", "Cass. soc. 16 novembre 2016, n° 15-12.293", "Cass. soc. 23 novembre 2022, n° 21-17.483")))
    if emp.date_jugement and emp.procedure_collective:
        fact = D.ags_window_end(emp.date_jugement, emp.procedure_collective, proc.type == "pse",
                                PR.value("delai_garantie_ags_liquidation_jours", c.warn, jugement=emp.date_jugement))
        c.date("limite_garantie_ags", fact)
        if fact.valeur and remise > fact.valeur:
            c.warn(f"R-54 : la remise ({D.fr(remise)}) est postérieure à la fenêtre de garantie AGS (jusqu'au {D.fr(fact.valeur)}) : les sommes de rupture risquent de ne pas être garanties.")

    _warnings(dossier, s, cal, remise, fin, lettre, c)
    relative_maternity = P.maternity(s, remise, envoi, fin, c)
    P.redressement(dossier, envoi, c)
    P.ags_letter(dossier, envoi, c.dates.get("limite_garantie_ags"), c)
    P.rest_days(cal, interview, envoi, s.date_envoi_lettre is not None, c)
    P.pse_decision(dossier, c)
    _explain_remaining(c)

    conditions.update(
        salarie_protege=protected,
        pse=proc.type == "pse",
        maternite=s.fin_protection_maternite is not None,
        cadre=s.cadre,
        procedure_collective_judiciaire=judicial,
        autorisation_refusee=bool(refused_authorisation),
        accepte=ac is True,
        refuse=ac is False,
        # documents dated at the handover cannot state a decision notified later
        decision_autorisation_attendue_a_la_remise=protected and (notif is None or notif > remise),
        regime_inconnu=regime_info.get("texte") is None,
        liquidation=emp.procedure_collective == "liquidation",
        redressement=emp.procedure_collective == "redressement",
        # the letter and the motive statement state why the contract cannot be maintained
        protection_relative_maternite=relative_maternity,
        **P.signature(dossier),
    )
    return ResultatSalarie(
        parametres=document_parameters(dossier, remise, rupture or fin21, cal.zone == "mayotte"),
        salarie=s,
        zone=cal.zone,
        operateur=operateur,
        dates=c.dates,
        lettre=lettre,
        montants=c.montants,
        explications=tuple(c.explications),
        avertissements=tuple(c.avertissements),
        circonstance_remise=circonstance,
        conditions=conditions,
        operateur_paiement=operateur_paiement,
        operateur_lettre=operateur_lettre,
        regime=regime_info,
        blocages=tuple(c.blocages),
    )


_DERIVED = {
    "dates.fin_preavis": ("Fin du préavis qu'aurait effectué le salarié, comptée à partir de la rupture : base de l'ancienneté retenue pour l'indemnité de licenciement.", ("ANI du 31 mai 2011, art. 9", "C. trav. art. L1234-1")),
    "dates.fin_delai_envoi_lettre": ("Dernier jour du délai avant lequel la lettre ne peut être expédiée (voir dates.envoi_lettre_au_plus_tot).", ("C. trav. art. L1233-15", "C. trav. art. L1233-39", "C. trav. art. R1231-1")),
    "dates.envoi_documents": ("Date d'envoi des documents du CSP par lettre recommandée ou voie électronique, déclarée dans le dossier ; le délai court du lendemain de leur première présentation.", ("Guide employeur du CSP (étape 4)",)),
    "dates.entretien_prealable": ("Date de l'entretien préalable déclarée dans le dossier.", ("C. trav. art. L1233-11",)),
    "dates.derniere_reunion_cse": ("Date de la dernière réunion du CSE déclarée dans le dossier.", ("C. trav. art. L1233-30",)),
    "dates.decision_administration": ("Date de notification ou d'acquisition de la décision administrative déclarée dans le dossier.", ("C. trav. art. L1233-57-4",)),
    "dates.ordonnance_juge_commissaire": ("Date de l'ordonnance du juge-commissaire autorisant les licenciements, déclarée dans le dossier.", ("C. com. art. L631-17",)),
    "dates.notification_autorisation": ("Date de notification à l'employeur de l'autorisation de licenciement déclarée dans le dossier.", ("C. trav. art. L2421-3",)),
    "dates.fin_delai_reflexion_lecture_stricte": ("Fin du délai de réflexion selon la lecture stricte (lendemain de la notification sans prorogation), non retenue (A2).", ("Convention du 26 janvier 2015, art. 4 § 1 al. 3",)),
    "montants.anciennete_mois_fin_preavis": ("Mois complets d'ancienneté à la fin du préavis non exécuté (voir montants.anciennete_annees).", ("C. trav. art. R1234-1", "ANI du 31 mai 2011, art. 9")),
    "montants.anciennete_mois_rupture": ("Mois complets d'ancienneté à la date de rupture.", ("C. trav. art. R1234-1",)),
    "montants.salaire_moyen_12_mois": ("Moyenne mensuelle des 12 derniers mois (voir montants.salaire_reference).", ("C. trav. art. R1234-4",)),
    "montants.salaire_moyen_3_mois": ("Tiers des 3 derniers mois (voir montants.salaire_reference).", ("C. trav. art. R1234-4",)),
    "montants.indemnite_legale_a_la_rupture": ("Indemnité légale calculée sur l'ancienneté à la date de rupture (voir montants.indemnite_legale_licenciement et la lecture retenue).", ("C. trav. art. R1234-2", "Cass. soc. 2 décembre 2009, n° 08-44.656")),
    "montants.indemnite_legale_fin_preavis": ("Indemnité légale calculée sur l'ancienneté à la fin du préavis non exécuté (voir montants.indemnite_legale_licenciement et la lecture retenue).", ("C. trav. art. R1234-2", "ANI du 31 mai 2011, art. 9")),
    "montants.lecture_anciennete_indemnite": ("Lecture retenue pour l'ancienneté de l'indemnité de licenciement (procedure.lecture_anciennete_indemnite) : fin_preavis (ANI 2011, art. 9, par défaut) ou rupture (Cass. soc. 2 décembre 2009).", ("ANI du 31 mai 2011, art. 9", "Cass. soc. 2 décembre 2009, n° 08-44.656")),
}


def _explain_remaining(c: _Collector) -> None:
    """Every output value carries an explanation: derived and declared values get theirs here."""
    explained = {e.fait for e in c.explications}
    for group, values in (("dates", c.dates), ("montants", c.montants)):
        for key, value in values.items():
            fait = f"{group}.{key}"
            if fait not in explained:
                text, sources = _DERIVED[fait]
                c.explications.append(Explication(fait, value, text, sources))


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _amend_explanation(c: _Collector, fait: str, value: Any, more: str, sources: tuple[str, ...]) -> None:
    """Complete a fact's explanation with a further bound (one explanation per fact)."""
    for i, e in enumerate(c.explications):
        if e.fait == fait:
            c.explications[i] = Explication(fait, value, e.raisonnement + more, e.sources + tuple(x for x in sources if x not in e.sources))
            return
    c.explications.append(Explication(fait, value, more.strip(), sources))


def earliest_letter(dossier: Dossier, s: Salarie, cal: Calendar, remise: date, interview: Optional[date], c: _Collector) -> Optional[date]:
    """R-22 to R-24, A13: the earliest lawful dispatch of the dismissal letter, before the
    protected-employee bound."""
    proc, emp = dossier.procedure, dossier.employeur
    if emp.procedure_collective:
        value = remise + timedelta(days=1)
        fact = Fact(
            value,
            f"{emp.procedure_collective.capitalize()} judiciaire : les délais des articles L1233-15 et L1233-39 ne "
            f"s'appliquent pas ; lettre à compter du lendemain de la remise, {D.fr(value)} (une attente inutile peut "
            f"faire sortir la rupture des délais de garantie de l'AGS).",
            ("C. trav. art. L1233-59", "Cass. soc. 17 mai 2023, n° 21-21.041"),
        )
    elif proc.type == "pse":
        fact = Fact(
            remise,
            f"PSE : la lettre ne peut être envoyée qu'après la notification de la décision administrative ; le CSP devant "
            f"être proposé avant, la date retenue est celle de la remise, {D.fr(remise)} (A13).",
            ("C. trav. art. L1233-39 al. 5 et 6", "C. trav. art. L1233-57-4"),
        )
    elif proc.type in ("individuel", "collectif_moins_de_10"):
        assert interview is not None
        delays = PR.value("delai_envoi_lettre_jours_ouvrables", c.warn, entretien_prealable=interview)
        jours = delays["cadre_licenciement_individuel" if (s.cadre and proc.type == "individuel") else "autres"]
        fact, last = D.earliest_letter_l1233_15(interview, cal, jours)
        c.dates["fin_delai_envoi_lettre"] = last
        c.letter_delay_on = lambda other: D.earliest_letter_l1233_15(interview, other, jours)[1]
        if s.cadre and proc.type != "individuel":
            fact = Fact(fact.valeur, fact.raisonnement + " Cadre compris dans un licenciement collectif de 2 à 9 salariés : le délai de 15 jours est réservé au licenciement individuel d'un cadre.", fact.sources)
    else:  # collectif_10_et_plus
        notification = proc.date_notification_projet_administration
        if notification is None:
            c.unknown_date("envoi_lettre_au_plus_tot", "Date de notification du projet à l'administration non renseignée : délai de 30 jours non calculable (L1233-39).", ("C. trav. art. L1233-39",))
            c.warn("R-24 : procedure.date_notification_projet_administration manque : la date d'envoi au plus tôt est inconnue.")
            return None
        jours = PR.value("delai_envoi_lettre_collectif_jours", c.warn, notification_projet=notification)
        fact, last = D.earliest_letter_l1233_39(notification, cal, jours)
        c.dates["fin_delai_envoi_lettre"] = last
        c.letter_delay_on = lambda other: D.earliest_letter_l1233_39(notification, other, jours)[1]
    value = fact.valeur
    if value < remise:
        fact = Fact(remise, fact.raisonnement + f" La lettre ne pouvant précéder la proposition du CSP, la date retenue est celle de la remise, {D.fr(remise)}.", fact.sources)
    c.date("envoi_lettre_au_plus_tot", fact)
    return fact.valeur


JOURNAL_KEYS = ("remise", "presentation_documents", "lettre_envoyee", "presentation_lettre", "bulletin_transmis",
                "dossier_transmis", "contribution_payee", "documents_fin_contrat", "dreets_informee")


def _journal_in_future(s: Salarie, au: date, c: _Collector) -> None:
    """Issue 10: the journal records what happened: nothing in it can be later than the as-of date."""
    for key in JOURNAL_KEYS:
        day = getattr(s.suivi, key, None) if s.suivi else None
        if day is not None and day > au:
            c.block(("suivi", key), f"date du {D.fr(day)} postérieure à la date d'observation ({D.fr(au)}) : le journal "
                                    "n'enregistre que ce qui s'est passé (R-75)")
    if s.reponse is not None and s.reponse.date > au:
        c.block(("reponse", "date"), f"réponse du {D.fr(s.reponse.date)} postérieure à la date d'observation ({D.fr(au)}) (R-75)")


def variant_for(rep: Any, envoi: Optional[date], fin: Optional[date]) -> Optional[str]:
    """R-27, mentions.md 3A/3B/3C, issue 10: the wording of a letter sent on ``envoi`` (one rule,
    used by the engine and by the mention cross-checks on a document's own date)."""
    if rep and rep.decision == "acceptation" and (envoi is None or rep.date <= envoi):
        return "apres_acceptation"
    if envoi is None or fin is None:
        return None
    return "conservatoire" if envoi <= fin else "licenciement"


def letter_variant(s: Salarie, envoi: Optional[date], fin: Optional[date], c: _Collector) -> dict[str, Any]:
    """R-27, mentions.md 3A/3B/3C: which wording the registered letter takes."""
    src = ("Convention du 26 janvier 2015, art. 4 § 2 dernier al.", "ANI du 31 mai 2011, art. 7.4")
    rep = s.reponse
    if rep and rep.decision == "acceptation" and (envoi is None or rep.date <= envoi):
        variante, why = "apres_acceptation", f"Le salarié a accepté le CSP le {D.fr(rep.date)}, avant tout envoi : lettre postérieure à l'acceptation, sans notification de licenciement."
    elif envoi is None or fin is None:
        variante, why = None, "Variante inconnue tant que la date d'envoi ou la fin du délai de réflexion ne l'est pas."
    elif rep and rep.decision == "refus" and rep.date <= envoi and envoi <= fin:
        # Issue 10: art. 4 § 2 makes no exception while the period runs: after an express refusal the
        # letter sent during the period keeps the reminder of its expiry (the prudent reading).
        variante, why = "conservatoire", (f"Le salarié a refusé le CSP le {D.fr(rep.date)}, mais la lettre est envoyée le {D.fr(envoi)}, "
                                          f"pendant le délai (jusqu'au {D.fr(fin)}) : elle en rappelle la date d'expiration, la convention "
                                          "ne faisant pas d'exception au rappel tant que le délai court (lecture prudente).")
    elif rep and rep.decision == "refus" and rep.date <= envoi:
        variante, why = "licenciement", f"Le salarié a refusé le CSP le {D.fr(rep.date)} : lettre de licenciement pour motif économique ordinaire."
    elif envoi <= fin:
        variante, why = "conservatoire", f"Lettre envoyée le {D.fr(envoi)}, au plus tard le dernier jour du délai ({D.fr(fin)}, jusqu'à 24 heures) : elle rappelle la date d'expiration du délai et précise qu'en cas de refus elle notifie le licenciement."
    else:
        variante, why = "licenciement", f"Lettre envoyée le {D.fr(envoi)}, après l'expiration du délai ({D.fr(fin)}) sans acceptation : lettre de licenciement pour motif économique."
    assert variante == variant_for(rep, envoi, fin)  # the explanation above follows the one rule
    rappel = None if variante is None else variante == "conservatoire"
    c.explications.append(Explication("lettre.variante", variante, why, src))
    return {"variante": variante, "rappel_delai_requis": rappel}


def compute_amounts(dossier: Dossier, s: Salarie, c: _Collector, rupture: date, provisional: bool, lettre: dict, envoi: Optional[date]) -> dict[str, bool]:
    """R-41 to R-47 for one employee; returns the conditions the documents need."""
    if s.salarie_protege is not None and s.salarie_protege.autorisation_refusee:
        # no rupture follows a refused authorisation: no rupture amount is owed.
        for key in CONTRACT_AMOUNT_KEYS:
            c.amount(key, Fact(None, "Sans objet : l'autorisation de licenciement a été refusée, aucune rupture ne suit.",
                               ("C. trav. art. L2411-1",)))
        at_least = seniority_months(s, rupture) >= c.one_year_months
        return {"anciennete_un_an_ou_plus": at_least, "anciennete_moins_un_an": not at_least,
                "anciennete_un_an_incertaine": False}
    if provisional:
        c.warn(f"R-51 : montants provisoires calculés sur la fin normale du délai ({D.fr(rupture)}) : ils seront recalculés à la notification de l'autorisation ; les documents ne les donnent pas comme définitifs.")
    non_comptes = s.mois_non_comptes_anciennete

    def seniority(on: date) -> int:
        return seniority_months(s, on)

    at_rupture = seniority(rupture)
    # the notice length is given by the seniority on the day the letter is sent (Cass. soc.
    # 26/09/2006 n° 05-43.841), at the rupture when no letter precedes it.
    day = N.rights_day(lettre.get("variante"), envoi, rupture)
    c.dates["anciennete_appreciee_le"] = day.valeur
    c.explications.append(Explication("dates.anciennete_appreciee_le", day.valeur, day.raisonnement, day.sources))
    at_rights = seniority(day.valeur)
    scale = PR.value("bareme_preavis_legal", c.warn, appreciation_anciennete=day.valeur)
    legal = A.legal_notice_months(at_rights, s.travailleur_handicape, scale)
    if legal.valeur != A.legal_notice_months(at_rupture, s.travailleur_handicape, scale).valeur:
        c.warn(f"R-65 : un seuil d'ancienneté du préavis légal (6 mois, 2 ans) est franchi entre l'envoi de la lettre "
               f"({D.fr(day.valeur)} : {A.years_months(at_rights)}) et la rupture ({D.fr(rupture)} : {A.years_months(at_rupture)}) : "
               f"le préavis est celui de la date d'envoi, {legal.valeur} mois (Cass. soc. 26 septembre 2006, n° 05-43.841).")
    notice = c.amount("preavis_mois", A.notice_months(legal, s.preavis_mois))
    if s.travailleur_handicape and legal.valeur == 0 and s.preavis_mois is None:
        c.warn("R-46 : travailleur handicapé de moins de 6 mois d'ancienneté : le préavis fixé par la convention collective ou l'usage est doublé (L5213-9, dans la limite de 3 mois) ; renseignez « preavis_mois ».")
    whole = int(notice)
    extra_days = int(((notice - whole) * 30).to_integral_value())
    fin_preavis = A.add_months(rupture, whole) + timedelta(days=extra_days)
    c.dates["fin_preavis"] = fin_preavis
    at_end = seniority(fin_preavis)
    c.amount(
        "anciennete_annees",
        Fact(
            (Decimal(at_end) / 12).quantize(Decimal("0.01")),
            f"Ancienneté du {D.fr(s.date_entree)} à la fin du préavis qu'aurait effectué le salarié ({D.fr(fin_preavis)}) : "
            f"{A.years_months(at_end)}, soit {at_end} mois complets"
            + (f" (après déduction de {non_comptes} mois non pris en compte, L1234-11)" if non_comptes else "")
            + f". À la date de rupture ({D.fr(rupture)}) : {A.years_months(at_rupture)}.",
            ("ANI du 31 mai 2011, art. 9", "C. trav. art. L1233-67", "C. trav. art. R1234-1", "C. trav. art. L1234-11"),
        ),
    )
    c.montants["anciennete_mois_fin_preavis"] = at_end
    c.montants["anciennete_mois_rupture"] = at_rupture

    ref_fact, avg12, avg3 = A.reference_salary(s.salaire_brut_mensuel, s.salaires_12_derniers_mois, s.primes_annuelles_3_derniers_mois,
                                            s.remuneration_variable_mensuelle)
    c.amount("salaire_reference", ref_fact)
    reference = max(avg12, avg3)  # unrounded: amounts are rounded at the end only
    c.montants["salaire_moyen_12_mois"] = money(avg12)
    c.montants["salaire_moyen_3_mois"] = money(avg3)
    pay = N.notice_pay(s)  # what the employee would have earned during the notice (L1234-5)
    monthly = pay.valeur
    c.montants["salaire_mensuel_preavis"] = money(monthly)
    c.explications.append(Explication("montants.salaire_mensuel_preavis", money(monthly), pay.raisonnement, pay.sources))
    if s.primes_annuelles_3_derniers_mois and s.salaire_preavis_mensuel is None:
        c.warn("R-66 : la prime annuelle déclarée est comptée au prorata dans l'indemnité de préavis et la contribution "
               "(C. trav. L1234-5) ; si elle était exceptionnelle, donnez « salaire_preavis_mensuel ».")

    # the 1-year threshold is assessed at the presentation of the letter when it is notified
    # during the reflection period, otherwise on the last day of the period. Without a known
    # presentation, the day after dispatch is assumed (the earliest possible presentation).
    if lettre.get("variante") == "conservatoire" and envoi:
        threshold_day = s.date_presentation_lettre or envoi + timedelta(days=1)
        how = "présentation de la lettre" + ("" if s.date_presentation_lettre else f", au plus tôt le {D.fr(threshold_day)}")
    else:
        threshold_day, how = rupture, "fin du délai de réflexion"
    year = c.one_year_months
    one_year = seniority(threshold_day) >= year
    if one_year != (seniority(rupture) >= year):
        c.warn(f"R-41 : l'ancienneté d'un an est appréciée à la date de {how} ({D.fr(threshold_day)}) : le salarié a moins d'un an à cette date mais un an à la fin du délai ; la date d'envoi de la lettre change le montant de l'allocation (niveau de l'ARE) et le destinataire du préavis.")
    cap = PR.value("plafond_contribution_employeur_mois", c.warn, debut_csp=rupture + timedelta(days=1))
    split = A.notice_split(monthly, notice, one_year, s.taux_charges_patronales, cap)
    c.amount("indemnite_preavis", split.indemnite_preavis)
    c.amount("contribution_employeur", split.contribution)
    c.amount("contribution_employeur_charges_comprises", split.contribution_charges)
    c.amount("excedent_preavis_salarie", split.excedent)

    fractions = PR.value("fractions_indemnite_legale", c.warn, rupture=rupture)
    minimum = PR.value("anciennete_minimale_indemnite_mois", c.warn, rupture=rupture)
    tranche = PR.value("tranche_indemnite_legale_mois", c.warn, rupture=rupture)
    legal_end = A.legal_severance(at_end, reference, fractions, minimum, tranche)
    legal_rupture = A.legal_severance(at_rupture, reference, fractions, minimum, tranche)
    # the reading is the case's choice (procedure.lecture_anciennete_indemnite); default: the
    # ANI of 31/05/2011 art. 9 (end of the notice not worked, the higher amount, R-45).
    reading = dossier.procedure.lecture_anciennete_indemnite
    chosen = legal_end if reading == "fin_preavis" else legal_rupture
    c.montants["lecture_anciennete_indemnite"] = reading
    chosen_text = ("Lecture retenue (ANI du 31 mai 2011, art. 9) : ancienneté comptée jusqu'à la fin du préavis non exécuté. "
                   f"À la date de rupture (lecture de Cass. soc. 2 décembre 2009, n° 08-44.656) : {A.years_months(at_rupture)}, "
                   f"soit {A.eur(legal_rupture.valeur)}."
                   if reading == "fin_preavis" else
                   "Lecture retenue par le dossier (Cass. soc. 2 décembre 2009, n° 08-44.656) : ancienneté à la date de rupture, "
                   f"{A.years_months(at_rupture)}. Jusqu'à la fin du préavis non exécuté (ANI du 31 mai 2011, art. 9) : "
                   f"{A.years_months(at_end)}, soit {A.eur(legal_end.valeur)}.")
    legal_value = c.amount(
        "indemnite_legale_licenciement",
        Fact(
            chosen.valeur,
            chosen.raisonnement + " " + chosen_text,
            chosen.sources + ("ANI du 31 mai 2011, art. 9", "Cass. soc. 2 décembre 2009, n° 08-44.656"),
        ),
    )
    c.montants["indemnite_legale_a_la_rupture"] = legal_rupture.valeur
    c.montants["indemnite_legale_fin_preavis"] = legal_end.valeur
    if legal_rupture.valeur != legal_end.valeur:
        if reading == "fin_preavis":
            c.warn(f"R-45 : indemnité légale de {A.eur(legal_value)} avec l'ancienneté à la fin du préavis (lecture retenue, ANI 2011 art. 9) ; {A.eur(legal_rupture.valeur)} à la date de rupture (Cass. soc. 2 décembre 2009).")
        else:
            c.warn(f"R-67 : indemnité légale de {A.eur(legal_value)} avec l'ancienneté à la rupture (lecture choisie par le dossier, Cass. soc. 2 décembre 2009) ; {A.eur(legal_end.valeur)} en comptant le préavis non exécuté (ANI 2011 art. 9) : un salarié pourrait réclamer la différence.")
    if reading == "fin_preavis" and (at_end >= minimum) != (at_rupture >= minimum):
        c.warn(f"A9 : le seuil de {minimum} mois d'ancienneté n'est atteint qu'en comptant le préavis non exécuté : indemnité retenue, à faire valider"
               + (f" (à la date d'envoi de la lettre, {D.fr(day.valeur)}, l'ancienneté est de {A.years_months(at_rights)} : Cass. soc. 26 septembre 2006, n° 05-43.841)." if at_rights < minimum else "."))
    if s.indemnite_conventionnelle is not None and s.indemnite_conventionnelle > legal_value:
        due = Fact(money(s.indemnite_conventionnelle), f"Indemnité conventionnelle déclarée ({A.eur(s.indemnite_conventionnelle)}), plus favorable que l'indemnité légale ({A.eur(legal_value)}) : elle est due.", ("C. trav. art. L1234-9", "Convention collective applicable"))
    else:
        due = Fact(legal_value, f"Indemnité due : indemnité légale ({A.eur(legal_value)})" + (f", plus favorable que l'indemnité conventionnelle déclarée ({A.eur(s.indemnite_conventionnelle)})." if s.indemnite_conventionnelle is not None else ", aucune indemnité conventionnelle plus favorable n'étant déclarée."), ("C. trav. art. L1234-9",))
    c.amount("indemnite_licenciement_due", due)

    months = PR.value("penalite_defaut_proposition_mois", c.warn, rupture=rupture)
    c.amount("penalite_defaut_proposition", A.penalty(money(avg12), months))

    asp_fact = asp(s, c, one_year, dossier)
    c.amount("asp_journaliere", asp_fact)
    # Item 5 of issue 8: when the 1-year threshold depends on a letter date nobody has chosen yet, the
    # documents must not assert either side.
    uncertain = (one_year != (seniority(rupture) >= year) and s.date_envoi_lettre is None
                 and s.date_presentation_lettre is None)
    # A protected employee awaiting the authorisation: the rupture and the letter come at an
    # unknown later date, when seniority may have reached one year: under a year on the
    # provisional date, the documents must not assert it (a year reached stays reached).
    uncertain = uncertain or (provisional and not one_year)
    return {"anciennete_un_an_ou_plus": one_year, "anciennete_moins_un_an": not one_year,
            "anciennete_un_an_incertaine": uncertain}


def seniority_months(s: Salarie, on: date) -> int:
    """Complete months of service on ``on``, less the months not counted (L1234-11)."""
    return max(0, int(Decimal(A.complete_months(s.date_entree, on)) - s.mois_non_comptes_anciennete))


def asp(s: Salarie, c: _Collector, one_year: bool, dossier: Dossier) -> Fact:
    if s.salaire_journalier_reference is None:
        return Fact(None, "Salaire journalier de référence non renseigné : ASP non estimée.", ("Convention du 26 janvier 2015",))
    if not one_year:
        return Fact(None, "Ancienneté inférieure à un an : l'allocation est égale à l'ARE, calculée par l'opérateur.", ("ANI du 31 mai 2011, art. 3", "Convention du 26 janvier 2015"))
    if calendar_zone(dossier, s) == "mayotte":
        c.warn("R-04 : Mayotte : les paramètres de l'ASP propres à Mayotte n'ont pas été vérifiés ; l'ASP n'est pas estimée.")
        return Fact(None, "Mayotte : paramètres de l'ASP non vérifiés (convention du 17 juillet 2018) ; pas d'estimation.", ("Convention du 17 juillet 2018 relative au CSP à Mayotte",))
    on = engagement_date(dossier)[0]
    rate = PR.in_force("taux_asp", engagement=on) if on else None
    if rate is None:
        c.warn("A11 : aucun taux d'ASP connu pour cette date d'engagement : ASP non estimée.")
        return Fact(None, "Aucun texte connu ne fixe le taux de l'ASP à cette date.", ())
    return A.asp_daily(s.salaire_journalier_reference, Decimal(rate.valeur), rate.reference)


def document_parameters(dossier: Dossier, remise: date, rupture: date, mayotte: bool) -> dict[str, Any]:
    """The dated values the documents state (issue 9: templates print them, the mention checks read
    them; never restated as constants in a template): looked up by the date the law designates.
    Mayotte: the ASP parameters of its own convention are not verified (R-04): no rate."""
    engaged = engagement_date(dossier)[0]
    rate = PR.in_force("taux_asp", engagement=engaged) if engaged and not mayotte else None
    # out-of-period warnings: given by compute_salarie's lookups of the same parameters
    n_days = PR.value("duree_delai_reflexion_jours", PR.ignore, remise=remise)
    n_cap = PR.value("plafond_contribution_employeur_mois", PR.ignore, debut_csp=rupture + timedelta(days=1))
    return {
        "taux_asp": Decimal(rate.valeur) if rate else None,
        "taux_asp_pourcent": int(Decimal(rate.valeur) * 100) if rate else None,
        "duree_delai_reflexion_jours": n_days,
        "plafond_contribution_mois": n_cap,
        # the same values in French words, as the documents write them ("vingt et un jours")
        "duree_delai_reflexion_lettres": num2words(n_days, lang="fr") if n_days else None,
        "duree_delai_reflexion_ordinal": num2words(n_days, lang="fr", to="ordinal") if n_days else None,
        "plafond_contribution_lettres": num2words(n_cap, lang="fr") if n_cap else None,
    }


def calendar_zone(dossier: Dossier, s: Salarie) -> str:
    return calendar_for(dossier.employeur, s).zone


def _warnings(dossier: Dossier, s: Salarie, cal: Calendar, remise: date, fin: Optional[date], lettre: dict, c: _Collector) -> None:
    """Warnings for the ambiguities (section 11) and review rules R-13, R-52, R-55 a case touches."""
    proc = dossier.procedure
    if cal.zone == "saint-martin":
        c.warn("A7 : Saint-Martin : les 27 et 28 mai sont tous deux traités comme fériés (textes incertains) ; délais allongés en conséquence.")
    if cal.zone == "alsace-moselle" and cal.good_friday:
        # A8: warn only when counting Good Friday as a holiday changes a computed délai.
        without = replace(cal, good_friday=False)
        changed = D.reflection_last_day(remise, without, c.reflection_days).valeur != c.dates.get("fin_delai_reflexion_21_jours")
        if c.letter_delay_on is not None:
            changed = changed or c.letter_delay_on(without) != c.dates.get("fin_delai_envoi_lettre")
        if changed:
            c.warn("A8 : le Vendredi saint, compté comme férié dans toute l'Alsace-Moselle, modifie un délai de ce salarié ; "
                   "il ne l'est légalement que dans les communes ayant un temple protestant ou une église mixte "
                   "(sinon : employeur.vendredi_saint_ferie: false).")
    if proc.type in ("individuel", "collectif_moins_de_10") and not dossier.employeur.procedure_collective:
        c.warn("A3 : la lettre est datée au plus tôt du lendemain du dernier jour du délai de l'article L1233-15 (lecture « jours pleins ») ; certains praticiens admettent l'envoi le dernier jour.")
    if proc.type == "pse":
        c.warn("A12 : la date de décision administrative (ou d'acquisition implicite) est celle déclarée dans le dossier ; elle n'est pas recalculée.")
        c.warn("A13 : PSE : la lettre est datée au plus tôt du jour de la remise (lendemain de la décision) : le CSP doit être proposé avant toute lettre.")
    if s.fin_protection_maternite:
        weeks = PR.value("duree_protection_relative_maternite_semaines", c.warn,
                         lettre_ou_remise=c.dates.get("envoi_lettre") or remise)
        relative_end = s.fin_protection_maternite + timedelta(weeks=weeks)
        if s.fin_protection_maternite < remise <= relative_end:
            c.warn(f"R-13 : la remise ({D.fr(remise)}) intervient pendant les {weeks} semaines de protection relative suivant le congé de maternité (jusqu'au {D.fr(relative_end)}) : un motif économique justifie rarement la rupture ; faire relire par un conseil (L1225-4 al. 1).")
    if lettre.get("variante") == "licenciement" and fin and not s.reponse:
        days = PR.value("delai_verification_courrier_jours", c.warn, fin_delai_reflexion=fin)
        if s.date_envoi_lettre is None or s.date_envoi_lettre <= fin + timedelta(days=days):
            c.warn(f"R-52 : lettre de licenciement sans réponse enregistrée dans les {days} jours suivant la fin du délai : un bulletin posté le dernier jour vaut acceptation (Cass. soc. 26 mars 2025, n° 23-21.099) ; vérifiez le courrier reçu.")
    if proc.motif_economique.consequence == "modification_refusee" and not proc.date_proposition_modification:
        c.warn("R-55 : modification du contrat refusée : la procédure de l'article L1222-6 (proposition par LRAR, un mois de réflexion) doit avoir précédé ; renseignez procedure.date_proposition_modification.")


# --- the case --------------------------------------------------------------------------------


def compute_dossier(dossier: Dossier, nom: str, constats: Iterable[Any] = (), au: Optional[date] = None) -> ResultatDossier:
    """Facts for every employee. The regime depends on the place of work (R-04: Mayotte has its
    own convention); the case-level regime is the metropolitan one unless every employee works in
    Mayotte. ``constats``: the loader's non-blocking findings (``ChargedDossier.avertissements``),
    added to the warnings of the case or of the employee they name, with their file and line."""
    zones = [calendar_zone(dossier, s) == "mayotte" for s in dossier.salaries]
    regimes = {m: regime(dossier, m) for m in set(zones)}
    results = tuple(compute_salarie(dossier, s, regimes[m][0], au) for s, m in zip(dossier.salaries, zones))
    main = regimes[all(zones)]
    case_found, employee_found = case_findings.route(constats, len(results))
    if employee_found:
        results = tuple(
            replace(r, avertissements=tuple(employee_found[i]) + r.avertissements) if i in employee_found else r
            for i, r in enumerate(results)
        )
    warnings = list(dict.fromkeys(case_found + [w for r in regimes.values() for w in r[1]]))
    return ResultatDossier(nom=nom, dossier=dossier, regime=main[0], salaries=results, avertissements=tuple(warnings))


def blocking_errors(result: ResultatDossier) -> list[tuple[tuple, str]]:
    """The engine's blocking findings as (key path in the case file, French message)."""
    return [
        (("salaries", index) + loc, message)
        for index, r in enumerate(result.salaries)
        for loc, message in r.blocages
    ]
