"""Findings of the engine on one employee that are not a computed value: the warnings on the readings
and review rules a case touches (A3, A7, A8, A12, A13, R-13, R-52, R-55), the journal dated after the
as-of date (R-75), and the blocking findings as the CLI reports them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Optional

from ..calendar import Calendar
from ..case.model import Dossier, Salarie
from . import dates as D
from . import parameters as PR
from . import wording as W
from .collector import Collector
from .facts import CaseResult


def review_warnings(dossier: Dossier, s: Salarie, cal: Calendar, remise: date, fin: Optional[date], lettre: dict, c: Collector) -> None:
    """Warnings for the ambiguities (section 11) and review rules R-13, R-52, R-55 a case touches."""
    proc = dossier.procedure
    if cal.zone == "saint-martin":
        c.warn("A7", "Saint-Martin : les 27 et 28 mai sont tous deux traités comme fériés (textes incertains) ; délais allongés en conséquence.")
    if cal.zone == "alsace-moselle" and cal.good_friday:
        # A8: warn only when counting Good Friday as a holiday changes a computed délai.
        without = replace(cal, good_friday=False)
        changed = D.reflection_last_day(remise, without, c.reflection_days).value != c.dates.get("fin_delai_reflexion_21_jours")
        if c.letter_delay_on is not None:
            changed = changed or c.letter_delay_on(without) != c.dates.get("fin_delai_envoi_lettre")
        if changed:
            this = "cette salariée" if W.feminine(s) else "ce salarié"
            c.warn("A8", f"le Vendredi saint, compté comme férié dans toute l'Alsace-Moselle, modifie un délai de {this} ; "
                   "il ne l'est légalement que dans les communes ayant un temple protestant ou une église mixte "
                   "(sinon : employeur.vendredi_saint_ferie: false).")
    if proc.type in ("individuel", "collectif_moins_de_10") and not dossier.employeur.procedure_collective:
        c.warn("A3", "la lettre est datée au plus tôt du lendemain du dernier jour du délai de l'article L1233-15 (lecture « jours pleins ») ; certains praticiens admettent l'envoi le dernier jour.")
    if proc.type == "pse":
        c.warn("A12", "la date de décision administrative (ou d'acquisition implicite) est celle déclarée dans le dossier ; elle n'est pas recalculée.")
        c.warn("A13", "PSE : la lettre est datée au plus tôt du jour de la remise (lendemain de la décision) : le CSP doit être proposé avant toute lettre.")
    if s.fin_protection_maternite:
        weeks = PR.value("duree_protection_relative_maternite_semaines", c.warn,
                         lettre_ou_remise=c.dates.get("envoi_lettre") or remise)
        relative_end = s.fin_protection_maternite + timedelta(weeks=weeks)
        if s.fin_protection_maternite < remise <= relative_end:
            c.warn("R-13", f"la remise ({D.fr(remise)}) intervient pendant les {weeks} semaines de protection relative suivant le congé de maternité (jusqu'au {D.fr(relative_end)}) : un motif économique justifie rarement la rupture ; faire relire par un conseil (L1225-4 al. 1).")
    if lettre.get("variante") == "licenciement" and fin and not s.reponse:
        days = PR.value("delai_verification_courrier_jours", c.warn, fin_delai_reflexion=fin)
        if s.date_envoi_lettre is None or s.date_envoi_lettre <= fin + timedelta(days=days):
            c.warn("R-52", f"lettre de licenciement sans réponse enregistrée dans les {days} jours suivant la fin du délai : un bulletin posté le dernier jour vaut acceptation (Cass. soc. 26 mars 2025, n° 23-21.099) ; vérifiez le courrier reçu.")
    if proc.motif_economique.consequence == "modification_refusee" and not proc.date_proposition_modification:
        c.warn("R-55", "modification du contrat refusée : la procédure de l'article L1222-6 (proposition par LRAR, un mois de réflexion) doit avoir précédé ; renseignez procedure.date_proposition_modification.")


JOURNAL_KEYS = ("remise", "presentation_documents", "lettre_envoyee", "presentation_lettre", "bulletin_transmis",
                "dossier_transmis", "contribution_payee", "documents_fin_contrat", "dreets_informee",
                "confirmation_envoyee", "nouvelle_echeance_remise")


def journal_in_future(s: Salarie, au: date, c: Collector) -> None:
    """Issue 10: the journal records what happened: nothing in it can be later than the as-of date."""
    for key in JOURNAL_KEYS:
        day = getattr(s.suivi, key, None) if s.suivi else None
        if day is not None and day > au:
            c.block("R-75", ("suivi", key), f"date du {D.fr(day)} postérieure à la date d'observation ({D.fr(au)}) : le journal "
                                    "n'enregistre que ce qui s'est passé (R-75)")
    if s.reponse is not None and s.reponse.date > au:
        c.block("R-75", ("reponse", "date"), f"réponse du {D.fr(s.reponse.date)} postérieure à la date d'observation ({D.fr(au)}) (R-75)")


def blocking_errors(result: CaseResult) -> list[tuple[tuple, str]]:
    """The engine's blocking findings as (key path in the case file, French message)."""
    return [
        (("salaries", index) + loc, message)
        for index, r in enumerate(result.employees)
        for loc, message in r.blockers
    ]
