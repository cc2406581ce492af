"""The dates of the CSP itself (R-30 to R-43, R-54): rupture, start and end, the 10th month, the
rehiring priority, the employer's contribution due date and the other dates the documents state."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Optional

from ..case.model import Dossier, Salarie
from . import amounts as A
from . import dates as D
from . import parameters as PR
from .collector import Collector
from .facts import fact


def csp_dates(s: Salarie, rupture: Optional[date], c: Collector) -> None:
    """R-30 to R-39, A5: the CSP's dates, unknown while the end of the period is (R-51)."""
    ac = s.reponse.decision == "acceptation" if s.reponse else None
    if rupture:
        c.date("rupture_si_acceptation", fact("dates.rupture_si_acceptation", rupture))
        debut = rupture + timedelta(days=1)
        c.date("debut_csp", fact("dates.debut_csp", debut,
                                 rupture=rupture, refus=ac is False, civilite=s.civilite))
        csp_months = PR.value("duree_csp_mois", c.warn, debut_csp=debut)
        bonus_months = PR.value("duree_prime_reclassement_mois", c.warn, debut_csp=debut)
        c.date("fin_csp", D.csp_end(debut, csp_months))
        c.date("fin_10e_mois_csp", D.tenth_month_end(debut, bonus_months))
        priority_months = PR.value("duree_priorite_reembauche_mois", c.warn, rupture=rupture)
        if ac is False:
            # R-32 review correction: on refusal the year runs from the end of the notice, which starts
            # at the first presentation of the letter (L1234-3): unknown here, so no guessed date.
            c.unknown_date("fin_priorite_reembauche", "/refus", civilite=s.civilite, mois=priority_months)
        else:
            c.date("fin_priorite_reembauche", D.rehiring_priority_end(rupture, priority_months, s.civilite))
        touched = (debut, c.dates["fin_csp"], c.dates["fin_10e_mois_csp"])
        if any((d.month, d.day) == (2, 29) for d in touched) or D.add_months(debut, csp_months).day != debut.day \
                or D.add_months(debut, bonus_months).day != debut.day:
            c.warn("A5", f"la durée de {csp_months} mois du CSP touche un 29 février : anniversaire reporté au 1er mars, fin la veille.")
    else:
        for key in ("rupture_si_acceptation", "debut_csp", "fin_csp", "fin_10e_mois_csp", "fin_priorite_reembauche"):
            c.unknown_date(key, "+inconnue_sans_fin_delai", civilite=s.civilite)



def contribution_due(rupture: Optional[date], one_year: bool, operateur: str, c: Collector) -> Optional[str]:
    """R-43, R-06: the contribution's due date and the operator named at it (None when none is due)."""
    payment_operator = None
    if rupture and one_year:
        debut = c.dates["debut_csp"]
        due = PR.value("echeance_contribution_employeur", c.warn, debut_csp=debut)
        due_fact = D.employer_payment_due(debut, due["jour"], due["mois_suivants"])
        c.date("echeance_contribution_employeur", due_fact)
        pay_op = PR.resolved("operateur", c.warn, document=due_fact.value)
        payment_operator = pay_op.valeur
        if pay_op.valeur != operateur:
            c.warn("R-06", f"opérateur : documents remis sous le nom « {operateur} », contribution payée à « {pay_op.valeur} » ({pay_op.reference}).")
    elif rupture:
        c.unknown_date("echeance_contribution_employeur", "/moins_un_an")
    else:
        c.unknown_date("echeance_contribution_employeur", "/debut_csp_inconnu")
    return payment_operator


def procedure_dates(dossier: Dossier, s: Salarie, remise: date, c: Collector) -> None:
    """The procedure's dates the documents state, the motive statement's date and the AGS window (R-54)."""
    emp, proc = dossier.employeur, dossier.procedure
    interview = s.date_entretien_prealable or proc.date_entretien_prealable
    if interview:
        c.dates["entretien_prealable"] = interview
    if proc.date_derniere_reunion_cse:
        c.dates["derniere_reunion_cse"] = proc.date_derniere_reunion_cse
    if proc.date_decision_administration:
        c.dates["decision_administration"] = proc.date_decision_administration
    c.dates["enonce_motif"] = remise
    c.explain("dates.enonce_motif", fact("dates.enonce_motif", remise,
        remise=remise))
    if emp.date_jugement and emp.procedure_collective:
        ags = D.ags_window_end(emp.date_jugement, emp.procedure_collective, proc.type == "pse",
                               PR.value("delai_garantie_ags_liquidation_jours", c.warn, jugement=emp.date_jugement))
        c.date("limite_garantie_ags", ags)
        if ags.value and remise > ags.value:
            c.warn("R-54", f"la remise ({D.fr(remise)}) est postérieure à la fenêtre de garantie AGS (jusqu'au {D.fr(ags.value)}) : les sommes de rupture risquent de ne pas être garanties.")


def prime_reclassement_estimate(debut: date, asp: Decimal, job_start: date, warn: PR.Warn = PR.ignore) -> dict:
    """R-47 (A27): the prime au reclassement with the dated values in force at the start of the CSP
    (its duration, the months a job may start in, the share of the remaining rights)."""
    return A.prime_reclassement(debut, asp, job_start, PR.value("duree_csp_mois", warn, debut_csp=debut),
                                PR.value("duree_prime_reclassement_mois", warn, debut_csp=debut),
                                Decimal(PR.value("taux_prime_reclassement", warn, debut_csp=debut)))
