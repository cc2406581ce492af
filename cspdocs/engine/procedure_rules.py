"""Rules of the procedure that shape a letter or block it (issue 8, items 2, 3, 8, 9, 10).

Each function reads the case and the dates already computed for one employee, and records its
facts, warnings and blocking findings on the collector of compute.py. Every rule cites its source.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional

from ..calendar import Calendar
from ..case.model import Dossier, Salarie
from . import dates as D
from . import parameters as PR
from .facts import fact
from .timeline import postal_day_from



def maternity(s: Salarie, remise: date, envoi: Optional[date], rupture: Optional[date], c: Any,
              procedural: Optional[date] = None) -> bool:
    """R-61, R-62. Returns whether the relative protection applies to a document of this employee.
    ``procedural``: the handover date the procedure gives (engine/procedure.procedural_handover).

    L1225-4 al. 1: during the 10 weeks after the end of the maternity protection (leave and paid
    leave taken right after), the employer may dismiss only for serious misconduct or for an
    impossibility to maintain the contract unrelated to pregnancy or childbirth, and the letter must
    state that reason (Cass. soc. 21/01/2009, 10/05/2012 n° 10-28.510, 07/12/2017 n° 16-23.190): a
    letter without it makes the dismissal void. The rupture of an adherent falling in the window is
    treated alike (the safer reading: the statement costs nothing)."""
    end = s.fin_protection_maternite
    if end is None:
        return False
    # art. 4 note 1 of the convention of 26/01/2015: for an employee protected by L1225-4 al. 2, the
    # documents "peuvent être remis, au plus tard, le lendemain de la fin de la période de protection
    # liée au congé de maternité" (R-62, legal-rules.md R-13): a handover the procedure would place
    # during the protection is deferred, at the latest to that day. When the procedure's own handover
    # date already falls after the protection, nothing is deferred and a later handover is no delay.
    latest = end + timedelta(days=1)
    c.date("remise_au_plus_tard_maternite", fact("dates.remise_au_plus_tard_maternite", latest, fin_protection_maternite=end))
    deferred = procedural is None or procedural <= end
    if remise > latest and deferred:
        c.warn("R-62", f"remise le {D.fr(remise)}, après le lendemain de la fin de la protection de maternité ({D.fr(latest)}) "
               "que vise la convention (art. 4, note 1) ; aucun acte préparatoire ne pouvant intervenir pendant la protection "
               "(Cass. soc. 29 novembre 2023, n° 22-15.794), remettez les documents dès que la procédure le permet.")
    act_day = envoi or remise
    weeks_p = PR.resolved("duree_protection_relative_maternite_semaines", c.warn, lettre_ou_remise=act_day)
    relative_end = end + timedelta(weeks=int(weeks_p.valeur))
    c.date("fin_protection_relative_maternite", fact("dates.fin_protection_relative_maternite", relative_end,
                                                     (weeks_p.reference,), semaines=weeks_p.valeur,
                                                     fin_protection_maternite=end))
    inside = [(what, day) for what, day in (("la remise", remise), ("la lettre", envoi), ("la rupture", rupture))
              if day is not None and end < day <= relative_end]
    if not inside:
        return False
    if s.impossibilite_maintien_contrat is None:
        what, day = inside[0]
        c.block("R-61", ("impossibilite_maintien_contrat",), (
            f"{what} ({D.fr(day)}) intervient pendant les {weeks_p.valeur} semaines de protection relative suivant le congé de "
            f"maternité (jusqu'au {D.fr(relative_end)}) : la rupture n'est possible que pour faute grave ou impossibilité de "
            "maintenir le contrat pour un motif étranger à la grossesse ou à l'accouchement, que la lettre doit énoncer, "
            "à peine de nullité (C. trav. L1225-4 al. 1 ; Cass. soc. 10 mai 2012, n° 10-28.510) : renseignez "
            "« impossibilite_maintien_contrat » (R-61)"))
    return True


def redressement(dossier: Dossier, envoi: Optional[date], c: Any) -> None:
    """R-63: in redressement judiciaire, during the observation period, dismissals must be urgent,
    unavoidable and indispensable and authorised by an ordonnance of the juge-commissaire (C. com.
    L631-17), which the letter and the motive statement cite (Cass. soc. 27/05/2020 n° 18-20.153)."""
    emp = dossier.employeur
    if emp.procedure_collective != "redressement":
        return
    order = emp.ordonnance_juge_commissaire
    if order is None:
        return  # refused by the case checks (engine/case_checks.py, R-63)
    c.dates["ordonnance_juge_commissaire"] = order.date
    if envoi is not None and envoi < order.date:
        c.block("R-63", ("date_envoi_lettre",), (
            f"la lettre ({D.fr(envoi)}) précède l'ordonnance du juge-commissaire ({D.fr(order.date)}) qui autorise les "
            "licenciements (C. com. art. L631-17) (R-63)"))
    m = emp.mandataire
    if m is not None and m.mission is None:
        c.warn("R-64", "redressement judiciaire : la mission de l'administrateur judiciaire (« employeur.mandataire.mission » : "
               "surveillance, assistance ou representation) n'est pas donnée ; les documents sont signés conjointement par "
               "l'employeur et l'administrateur, ce qui vaut quelle que soit la mission (C. com. art. L631-12).")


def signature(dossier: Dossier) -> dict[str, bool]:
    """R-64: who signs. Liquidation: the liquidator alone (C. com. L641-9). Redressement: the mission
    the judgment gave the administrator (C. com. L631-12): representation, he signs alone;
    assistance (or an unknown mission), the employer signs with him; surveillance, the employer."""
    emp = dossier.employeur
    m = emp.mandataire
    alone = m is not None and (emp.procedure_collective == "liquidation"
                               or (emp.procedure_collective == "redressement" and m.mission == "representation"))
    joint = (m is not None and emp.procedure_collective == "redressement" and m.mission in (None, "assistance"))
    return {"signature_mandataire_seul": alone, "signature_conjointe": joint}


def ags_letter(dossier: Dossier, envoi: Optional[date], window_end: Optional[date], c: Any) -> None:
    """R-54, L3253-8 2° c: in liquidation, the rupture sums of an employee who refuses the CSP are
    guaranteed only if the rupture (the letter) falls within 15 days (21 with a PSE) of the judgment."""
    if dossier.employeur.procedure_collective != "liquidation" or envoi is None or window_end is None:
        return
    if envoi > window_end:
        c.warn("R-54", f"la lettre ({D.fr(envoi)}) est postérieure à la fenêtre de garantie de l'AGS (jusqu'au "
               f"{D.fr(window_end)}, C. trav. L3253-8 2° c) : en cas de refus du CSP, les sommes dues au titre de la rupture "
               "risquent de ne pas être garanties.")


def rest_days(cal: Calendar, interview: Optional[date], envoi: Optional[date], declared_envoi: bool, c: Any,
              recorded_envoi: bool = False) -> None:
    """R-69: an interview or a letter dated on a Sunday (weekly rest, C. trav. L3132-3) or a public
    holiday (L3133-1 and the local days): the post does not take registered letters that day and an
    interview then is open to challenge. A letter the journal records as posted that day
    (``recorded_envoi``) cannot be moved: the warning says so and from which postal day the delays
    running from the posting should prudently be counted."""
    for what, day, chosen in (("l'entretien préalable", interview, True), ("la lettre recommandée", envoi, declared_envoi)):
        if day is None:
            continue
        name = cal.holiday_name(day)
        if day.weekday() == 6 or name:
            kind = f"jour férié ({name})" if name else "dimanche"
            if recorded_envoi and what == "la lettre recommandée":
                postal = postal_day_from(day, cal)
                c.warn("R-69", f"la lettre recommandée est enregistrée comme postée le {D.fr(day)} (« suivi.lettre_envoyee »), "
                       f"un {kind} (C. trav. L3132-3, L3133-1) : un dépôt ce jour-là n'est pris en charge par la poste qu'au "
                       f"premier jour de levée postale suivant, le {D.fr(postal)} ; vérifiez la date de la preuve de dépôt "
                       f"et, par prudence, comptez à partir du {D.fr(postal)} les délais qui courent de l'envoi.")
                continue
            advice = "choisissez un autre jour" if chosen else "date légale au plus tôt : envoyez-la le premier jour de levée postale suivant"
            c.warn("R-69", f"{what} est daté{'e' if what.startswith('la') else ''} du {D.fr(day)}, un {kind} "
                   f"(C. trav. L3132-3, L3133-1) : {advice}.")


DECISION_TEXT = {
    ("validation", False): "la décision de validation de l'accord collectif",
    ("validation", True): "la décision implicite de validation de l'accord collectif",
    ("homologation", False): "la décision d'homologation du document unilatéral",
    ("homologation", True): "la décision implicite d'homologation du document unilatéral",
}


def pse_decision(dossier: Dossier, c: Any) -> None:
    """R-70: the PSE documents name the decision (L1233-57-2 validation of a majority agreement,
    L1233-57-3 homologation of a unilateral document; implicit after 15 or 21 days, L1233-57-4)."""
    p = dossier.procedure
    if p.type == "pse" and p.decision_administration is None:
        c.warn("R-70", "PSE : la nature de la décision administrative (« procedure.decision_administration » : validation "
               "ou homologation, implicite ou non, autorité) n'est pas donnée ; les documents écrivent « validation ou "
               "homologation … notifiée ou acquise » (C. trav. L1233-57-4).")
