"""The dismissal letter (R-22 to R-27, R-69, R-74, A3, A13): the earliest lawful dispatch, the planned
dispatch and the wording it takes. ``variant_for`` is the one rule of the wording, used by the engine
and by the mention cross-checks on a document's own date (cspdocs/mentions/crosscheck.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional

from ..calendar import Calendar
from ..case.model import Dossier, Salarie
from . import dates as D
from . import journal as J
from . import parameters as PR
from .collector import Collector, amend_explanation
from .facts import extend, fact
from .procedure import at_engagement, engagement_date
from .timeline import postal_day_from


def letter_dates(dossier: Dossier, raw: Salarie, s: Salarie, cal: Calendar, remise: date,
                 fin: Optional[date], c: Collector) -> Optional[date]:
    """Records the earliest and the planned dispatch; returns the planned dispatch (None when unknown)."""
    earliest = _earliest_with_protection(dossier, s, cal, remise, c)
    envoi = _planned(raw, s, cal, earliest, c)
    envoi = _after_acceptance(raw, s, envoi, c)
    _late_acceptance(s, fin, c)
    return envoi


def _earliest_with_protection(dossier: Dossier, s: Salarie, cal: Calendar, remise: date, c: Collector) -> Optional[date]:
    """R-22 to R-25: the latest of the bounds that apply, a protected employee's included."""
    protected = s.salarie_protege is not None
    refused_authorisation = protected and s.salarie_protege.autorisation_refusee
    notif = s.salarie_protege.date_notification_autorisation if protected else None
    interview = s.date_entretien_prealable or dossier.procedure.date_entretien_prealable
    earliest = earliest_letter(dossier, s, cal, remise, interview, c)
    if refused_authorisation:
        earliest = None
        amend_explanation(c, "dates.envoi_lettre_au_plus_tot", None, "+lettre_autorisation_refusee",
                          civilite=s.civilite)
    elif protected and notif is None:
        earliest = None
        amend_explanation(c, "dates.envoi_lettre_au_plus_tot", None, "+lettre_notification_inconnue",
                          civilite=s.civilite)
    elif protected:
        after = notif + timedelta(days=1)
        earliest = max(earliest, after) if earliest else after
        amend_explanation(c, "dates.envoi_lettre_au_plus_tot", earliest, "+lettre_apres_autorisation",
                          civilite=s.civilite, notification_autorisation=notif, lendemain_notification=after)
    c.dates["envoi_lettre_au_plus_tot"] = earliest
    return earliest


def _planned(raw: Salarie, s: Salarie, cal: Calendar, earliest: Optional[date], c: Collector) -> Optional[date]:
    """The declared dispatch (blocked before the earliest), else the earliest postal day (R-69)."""
    if s.date_envoi_lettre:
        envoi = c.date("envoi_lettre", fact("dates.envoi_lettre/declaree", s.date_envoi_lettre))
        after_acceptance = s.reponse is not None and s.reponse.decision == "acceptation" and s.reponse.date <= envoi
        # the post-acceptance letter notifies no dismissal: the L1233-15 / L1233-39 bounds do not apply
        if earliest and envoi < earliest and not after_acceptance:
            c.block("R-22", J.journal_source(raw, "date_envoi_lettre"), f"la lettre ne peut être envoyée avant le {D.fr(earliest)}, date légale au plus tôt "
                    f"(R-22 à R-25 ; voir « cspdocs compute ») : un envoi le {D.fr(envoi)} serait irrégulier")
    elif earliest:
        bound = next((e for e in c.explanations if e.path == "dates.envoi_lettre_au_plus_tot"), None)
        # a registered letter is not posted on a Sunday or a public holiday: the planned date is
        # the first day from the legal bound that is neither (Saturday is a postal day, R-23).
        planned = postal_day_from(earliest, cal)
        moved = planned != earliest
        envoi = c.date("envoi_lettre", fact("dates.envoi_lettre/au_plus_tot", planned,
                                            (bound.sources if bound else ()) + (("C. trav. art. L3133-1",) if moved else ()),
                                            au_plus_tot=earliest, deplace=moved))
    else:
        envoi = None
        c.unknown_date("envoi_lettre", "/inconnue")
    return envoi


def _after_acceptance(raw: Salarie, s: Salarie, envoi: Optional[date], c: Collector) -> Optional[date]:
    """Issue 10: a recorded acceptance shapes the letter. Unless a letter is recorded as posted before
    it, the letter is the post-acceptance letter, dated on or after the acceptance: never a
    conservatoire letter dated before an adherent's acceptance."""
    posted = raw.suivi.lettre_envoyee if raw.suivi else None
    rep_ = s.reponse
    if (rep_ and rep_.decision == "acceptation" and envoi is not None and envoi < rep_.date
            and (posted is None or posted >= rep_.date)):
        if s.date_envoi_lettre and posted is None:
            c.warn("R-74", f"la lettre prévue le {D.fr(s.date_envoi_lettre)} n'est pas enregistrée comme envoyée avant "
                   f"l'acceptation du {D.fr(rep_.date)} (« suivi.lettre_envoyee ») : la lettre est celle qui suit l'acceptation, "
                   "datée au plus tôt de l'acceptation.")
        envoi = c.redate("envoi_lettre", fact("dates.envoi_lettre/apres_acceptation", rep_.date, civilite=s.civilite, acceptation=rep_.date))
    return envoi


def _late_acceptance(s: Salarie, fin: Optional[date], c: Collector) -> None:
    """An acceptance after the period has no effect: silence is a refusal (art. 5 § 1 al. 3)."""
    if s.reponse and s.reponse.decision == "acceptation" and fin and s.reponse.date > fin:
        c.block("R-19", ("reponse", "date"), f"l'acceptation du {D.fr(s.reponse.date)} est postérieure à l'expiration du délai de "
                f"réflexion ({D.fr(fin)}) : elle est sans effet, le silence valant refus (Convention du 26 janvier 2015, "
                f"art. 5 § 1) ; enregistrez un refus ou corrigez la date")


def earliest_letter(dossier: Dossier, s: Salarie, cal: Calendar, remise: date, interview: Optional[date], c: Collector) -> Optional[date]:
    """R-22 to R-24, A13: the earliest lawful dispatch of the dismissal letter, before the
    protected-employee bound."""
    proc, emp = dossier.procedure, dossier.employeur
    if emp.procedure_collective:
        after = remise + timedelta(days=1)
        bound = fact("dates.envoi_lettre_au_plus_tot/procedure_collective", after,
                     procedure_collective=emp.procedure_collective, remise=remise, lettre_a_compter=after)
    elif proc.type == "pse":
        bound = fact("dates.envoi_lettre_au_plus_tot/pse", remise,
                     remise=remise)
    elif proc.type in ("individuel", "collectif_moins_de_10"):
        assert interview is not None
        delays = PR.value("delai_envoi_lettre_jours_ouvrables", c.warn, entretien_prealable=interview)
        jours = delays["cadre_licenciement_individuel" if (s.cadre and proc.type == "individuel") else "autres"]
        bound, last = D.earliest_letter_l1233_15(interview, cal, jours)
        c.dates["fin_delai_envoi_lettre"] = last
        c.letter_delay_on = lambda other: D.earliest_letter_l1233_15(interview, other, jours)[1]
        if s.cadre and proc.type != "individuel":
            bound = extend(bound, "+cadre_collectif", jours_cadre=delays["cadre_licenciement_individuel"],
                           seuil_licenciement_collectif=at_engagement(dossier, "seuil_licenciement_collectif"))
    else:  # collectif_10_et_plus
        notification = proc.date_notification_projet_administration
        if notification is None:
            c.unknown_date("envoi_lettre_au_plus_tot", "/notification_projet_inconnue")
            c.warn("R-24", "procedure.date_notification_projet_administration manque : la date d'envoi au plus tôt est inconnue.")
            return None
        jours = PR.value("delai_envoi_lettre_collectif_jours", c.warn, notification_projet=notification)
        engaged = engagement_date(dossier)[0]
        sizes = (PR.value("seuil_licenciement_collectif", c.warn, engagement=engaged),
                 PR.value("seuil_pse_salaries", c.warn, engagement=engaged))
        bound, last = D.earliest_letter_l1233_39(notification, cal, jours, *sizes)
        c.dates["fin_delai_envoi_lettre"] = last
        c.letter_delay_on = lambda other: D.earliest_letter_l1233_39(notification, other, jours, *sizes)[1]
    if bound.value < remise:
        bound = extend(bound, "+avant_remise", remise, remise=remise)
    c.date("envoi_lettre_au_plus_tot", bound)
    return bound.value


def variant_for(rep: Any, envoi: Optional[date], fin: Optional[date]) -> Optional[str]:
    """R-27, mentions.md 3A/3B/3C, issue 10: the wording of a letter sent on ``envoi`` (one rule,
    used by the engine and by the mention cross-checks on a document's own date)."""
    if rep and rep.decision == "acceptation" and (envoi is None or rep.date <= envoi):
        return "apres_acceptation"
    if envoi is None or fin is None:
        return None
    return "conservatoire" if envoi <= fin else "licenciement"


def letter_variant(s: Salarie, envoi: Optional[date], fin: Optional[date], c: Collector) -> dict[str, Any]:
    """R-27, mentions.md 3A/3B/3C: which wording the registered letter takes."""
    rep = s.reponse
    if rep and rep.decision == "acceptation" and (envoi is None or rep.date <= envoi):
        variante, why = "apres_acceptation", "apres_acceptation"
    elif envoi is None or fin is None:
        variante, why = None, "inconnue"
    elif rep and rep.decision == "refus" and rep.date <= envoi and envoi <= fin:
        # Issue 10: art. 4 § 2 makes no exception while the period runs: after an express refusal the
        # letter sent during the period keeps the reminder of its expiry (the prudent reading).
        variante, why = "conservatoire", "refus_pendant_le_delai"
    elif rep and rep.decision == "refus" and rep.date <= envoi:
        variante, why = "licenciement", "refus"
    elif envoi <= fin:
        variante, why = "conservatoire", "conservatoire"
    else:
        variante, why = "licenciement", "licenciement"
    assert variante == variant_for(rep, envoi, fin)  # the explanation above follows the one rule
    rappel = None if variante is None else variante == "conservatoire"
    c.explain("lettre.variante", fact(f"lettre.variante/{why}", variante, civilite=s.civilite,
                                      reponse=rep.date if rep else None, decision=rep.decision if rep else None,
                                      envoi=envoi, fin_delai_reflexion=fin))
    return {"variante": variante, "rappel_delai_requis": rappel}
