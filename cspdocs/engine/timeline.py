"""Documents through time (issue 10): which facts each document is rendered from, as of a date.

The plan (``compute_salarie`` on the case as written, journal folded in) never depends on the
as-of date. The documents do:

- a document recorded as delivered (the handover documents: ``suivi.remise``; the letter:
  ``suivi.lettre_envoyee``) is rendered from what was known on its own date: journal entries,
  answers and an authorisation notified after it are left out (``known_on``), so later events never
  change it and regenerating reproduces it byte for byte;
- a document not recorded as delivered is never dated before the as-of date: when its planned date
  has passed, it is dated at the as-of date (a registered letter: the first postal day from it,
  R-69), its wording chosen for that date and the answers recorded, and the user is told the plan
  slipped (R-76). The dates that follow from it (the reflection period after a late handover) are
  computed by the same engine rules from the slipped date.

Pure functions of the case, the plan and the as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Callable, Optional

from ..calendar import Calendar
from ..case.model import Salarie
from .dates import fr
from .facts import EmployeeResult
from .findings import Finding

# Documents dated with the handover (information document, receipt, motive statement), the letter,
# and the two follow-up documents (art. 4 § 1 of the convention of 26 January 2015).
REMISE, LETTRE, CONFIRMATION, ECHEANCE = "remise", "lettre", "confirmation", "nouvelle_echeance"
ARTEFACT_GROUP = {"information": REMISE, "recepisse": REMISE, "motif": REMISE, "lettre": LETTRE,
                  "confirmation": CONFIRMATION, "nouvelle_echeance": ECHEANCE}
# The date key (``dates.…``) each follow-up document bears, and the journal key recording its delivery.
FOLLOW_UP = {CONFIRMATION: ("confirmation_remise", "confirmation_envoyee"),
             ECHEANCE: ("notification_nouvelle_echeance", "nouvelle_echeance_remise")}
ART4_1 = "Convention du 26 janvier 2015, art. 4 § 1"


def finding(code: str, loc: tuple, message: str) -> Finding:
    """A non-blocking finding of the documents through time (R-76, R-80; R-77, R-78 in cspdocs/delivered.py)
    about the key path ``loc`` (within the employee), citing the sources of its rule (rules/regles.yaml)."""
    from ..rules.registre import regles

    rule = regles().get(code)
    return Finding(loc, message, blocking=False, code=code,
                   sources=tuple(s.id for s in rule.sources) if rule is not None else ())

# Journal keys that record an event; each is left out of what is known before its date.
_EVENT_KEYS = ("remise", "presentation_documents", "lettre_envoyee", "presentation_lettre", "bulletin_transmis",
               "dossier_transmis", "contribution_payee", "documents_fin_contrat", "dreets_informee",
               "confirmation_envoyee", "nouvelle_echeance_remise")


def postal_day_from(day: date, cal: Calendar) -> date:
    """R-69: the first day from ``day`` on which a registered letter can be posted (neither a Sunday
    nor a public holiday of the place of work; Saturday is a postal day)."""
    while day.weekday() == 6 or cal.is_holiday(day):
        day += timedelta(days=1)
    return day


def handover_delivered(s: Salarie) -> Optional[date]:
    """The handover documents' date if the journal records them as delivered: handed over in person,
    or posted / sent electronically (``suivi.remise``; a recorded first presentation implies it)."""
    j = s.suivi
    if j is None:
        return None
    if j.remise is not None:
        return j.remise
    return j.presentation_documents if s.mode_remise != "main_propre" else None


def handover_proven(s: Salarie) -> bool:
    """Whether the handover documents were delivered: recorded, or implied by a recorded answer or a
    posted letter (neither can precede the proposal of the CSP, R-75). When only implied, their date
    stays the planned one (the suivi command still flags the missing entry, R-71)."""
    return handover_delivered(s) is not None or s.reponse is not None or letter_delivered(s) is not None


def letter_delivered(s: Salarie) -> Optional[date]:
    return s.suivi.lettre_envoyee if s.suivi is not None else None


def handover_document_date(rs: EmployeeResult) -> Optional[date]:
    """The date the handover documents bear in the plan: the posting at a distance (R-14), else the handover."""
    if rs.employee.mode_remise != "main_propre" and rs.dates.get("envoi_documents"):
        return rs.dates["envoi_documents"]
    return rs.dates.get("remise")


def known_on(s: Salarie, day: date) -> Salarie:
    """``s`` as it was known on ``day``: journal entries, the answer, the letter's presentation and the
    notification of a protected employee's authorisation dated after ``day`` are left out (``s``
    itself when nothing is)."""
    update: dict[str, Any] = {}
    j = s.suivi
    if j is not None:
        later = {k: None for k in _EVENT_KEYS if getattr(j, k) is not None and getattr(j, k) > day}
        if later:
            update["suivi"] = j.model_copy(update=later)
    if s.reponse is not None and s.reponse.date > day:
        update["reponse"] = None
    if s.date_presentation_lettre is not None and s.date_presentation_lettre > day:
        update["date_presentation_lettre"] = None
    p = s.salarie_protege
    if p is not None and p.date_notification_autorisation is not None and p.date_notification_autorisation > day:
        update["salarie_protege"] = p.model_copy(update={"date_notification_autorisation": None})
    return s.model_copy(update=update) if update else s


@dataclass(frozen=True)
class DocumentAu:
    """One document group as of a date: its date, whether it is recorded as delivered, its planned
    date, and the facts it is rendered from."""

    groupe: str  # REMISE or LETTRE
    date: Optional[date]
    date_prevue: Optional[date]
    remis: bool
    faits: EmployeeResult


@dataclass(frozen=True)
class VueAu:
    """One employee's documents as of ``au``. ``courant``: the facts as of ``au`` (the plan, slipped
    where a planned document date has passed); ``constats``: the R-76 (plan slipped) and R-80
    findings, as data, like ``EmployeeResult.constats``; ``lines``: their lines (``"R-76 : ..."``)."""

    au: date
    plan: EmployeeResult
    courant: EmployeeResult
    remise: DocumentAu
    lettre: DocumentAu
    constats: tuple[Finding, ...]
    suivis: dict = None  # CONFIRMATION / ECHEANCE -> DocumentAu, or None while not due

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(f.text for f in self.constats)

    def group(self, artefact: str) -> Optional[DocumentAu]:
        g = ARTEFACT_GROUP.get(artefact, REMISE)
        if g == REMISE:
            return self.remise
        if g == LETTRE:
            return self.lettre
        return (self.suivis or {}).get(g)

    def pour(self, artefact: str) -> EmployeeResult:
        """The facts the artefact ``artefact`` is rendered and checked from (a follow-up document not
        due yet: the facts as of the as-of date, where its date is unknown)."""
        d = self.group(artefact)
        return d.faits if d is not None else self.courant

    def documents(self) -> dict[str, dict[str, Any]]:
        """For the JSON outputs: each document group's date, planned date and delivery."""
        groups = [self.remise, self.lettre] + [d for d in (self.suivis or {}).values() if d is not None]
        return {d.groupe: {"date": d.date, "date_prevue": d.date_prevue, "remis": d.remis} for d in groups}


Compute = Callable[[Salarie], EmployeeResult]


def _slip_handover(raw: Salarie, plan: EmployeeResult, au: date, cal: Calendar) -> tuple[Salarie, Optional[Finding]]:
    """The handover documents not delivered and planned before ``au`` are dated at ``au`` (R-76)."""
    planned = handover_document_date(plan)
    if handover_proven(raw) or planned is None or planned >= au:
        return raw, None
    update: dict[str, Any] = {}
    if raw.mode_remise == "main_propre":
        new = au
        update["date_remise"] = au
        what = "les documents du CSP (document d'information, récépissé, énoncé du motif) sont datés"
    else:
        new = postal_day_from(au, cal)
        update["date_envoi_documents"] = new
        transit = (plan.dates["remise"] - planned) if plan.dates.get("remise") else timedelta(days=1)
        update["date_remise"] = new + max(transit, timedelta(days=1))
        what = "les documents du CSP sont postés"
    # a letter planned before the new handover cannot be sent: the earliest lawful date is recomputed
    if raw.date_envoi_lettre is not None and raw.date_envoi_lettre < au and letter_delivered(raw) is None:
        update["date_envoi_lettre"] = None
    note = finding("R-76", ("suivi", "remise"), (
        f"la remise prévue le {fr(planned)} n'est pas enregistrée (« suivi.remise ») et cette date est "
        f"passée au {fr(au)} : {what} du {fr(new)}, jamais antidatés, et le délai de réflexion court de cette "
        f"remise. Si les documents ont bien été remis le {fr(planned)}, enregistrez-le dans « suivi.remise »."))
    return raw.model_copy(update=update), note


def _slip_letter(raw: Salarie, current: EmployeeResult, au: date, cal: Calendar) -> tuple[Salarie, Optional[Finding]]:
    """The letter not recorded as posted and planned before ``au`` is dated at the first postal day
    from ``au`` (R-69, R-76), its wording chosen for that date."""
    planned = current.dates.get("envoi_lettre")
    if letter_delivered(raw) is not None or planned is None or planned >= au:
        return raw, None
    new = postal_day_from(au, cal)
    note = finding("R-76", ("suivi", "lettre_envoyee"), (
        f"la lettre prévue le {fr(planned)} n'est pas enregistrée comme envoyée (« suivi.lettre_envoyee ») "
        f"et cette date est passée au {fr(au)} : elle est datée du {fr(new)}, jamais antidatée, avec la rédaction "
        f"qui convient à cette date et aux réponses enregistrées. Si elle a bien été postée le {fr(planned)}, "
        "enregistrez-le dans « suivi.lettre_envoyee »."))
    return raw.model_copy(update={"date_envoi_lettre": new}), note


def view_as_of(raw: Salarie, plan: EmployeeResult, au: date, cal: Calendar, compute: Compute) -> VueAu:
    """One employee's documents as of ``au`` (see the module docstring). ``raw``: the employee as in
    the case (journal not folded); ``plan``: its computed facts; ``compute``: the engine for one
    employee (called only when a document's facts differ from the plan)."""
    notes: list[Finding] = []
    current_raw, note = _slip_handover(raw, plan, au, cal)
    current = plan if current_raw is raw else compute(current_raw)
    if note:
        notes.append(note)
    slipped_raw, note = _slip_letter(current_raw, current, au, cal)
    if note:
        notes.append(note)
        current = compute(slipped_raw)
    if notes:
        current = _with_findings(current, notes)

    def facts_on(day: Optional[date]) -> EmployeeResult:
        if day is None:
            return current
        snapshot = known_on(slipped_raw, day)
        return current if snapshot is slipped_raw else compute(snapshot)

    handed = handover_proven(raw)
    posted = letter_delivered(raw)
    remise_facts = facts_on(handover_document_date(current) if handed else None)
    lettre_facts = facts_on(posted)
    before = len(notes)
    from .follow_up import follow_up_as_of

    follow = {group: follow_up_as_of(group, raw, plan, current, facts_on, au, cal, notes) for group in FOLLOW_UP}
    if len(notes) > before:  # the follow-up findings join the warnings of the facts as of ``au``
        shown = _with_findings(current, notes)
        remise_facts = shown if remise_facts is current else remise_facts
        lettre_facts = shown if lettre_facts is current else lettre_facts
        current = shown
    return VueAu(
        au=au, plan=plan, courant=current,
        remise=DocumentAu(REMISE, handover_document_date(remise_facts), handover_document_date(plan), handed,
                          remise_facts),
        lettre=DocumentAu(LETTRE, lettre_facts.dates.get("envoi_lettre"), plan.dates.get("envoi_lettre"), posted is not None,
                          lettre_facts),
        constats=tuple(notes),
        suivis=follow,
    )


def _with_findings(rs: EmployeeResult, notes: list[Finding]) -> EmployeeResult:
    """``rs`` with the findings of the documents through time added (data and lines)."""
    extra = tuple(n for n in notes if n.text not in rs.warnings)
    if not extra:
        return rs
    return replace(rs, warnings=rs.warnings + tuple(n.text for n in extra), constats=rs.constats + extra)


_RAW: dict[int, tuple[Any, dict[str, Salarie]]] = {}  # one case at a time: id(dossier) -> employees by matricule


def raw_employee(dossier: Any, rs: EmployeeResult) -> Salarie:
    """The employee of ``rs`` as written in the case (journal not folded)."""
    cached = _RAW.get(id(dossier))
    if cached is None or cached[0] is not dossier:
        cached = (dossier, {s.matricule: s for s in dossier.salaries})
        _RAW.clear()
        _RAW[id(dossier)] = cached
    return cached[1].get(rs.employee.matricule, rs.employee)


def view_for(dossier: Any, rs: EmployeeResult, au: date, raw: Optional[Salarie] = None,
             regime: Optional[dict] = None) -> VueAu:
    """``view_as_of`` for one computed employee of ``dossier``: the one place the documents, the
    actions and the states read the facts as of ``au`` from (review finding 1)."""
    from ..case.places import calendar_for
    from .compute import compute_salarie

    raw = raw if raw is not None else raw_employee(dossier, rs)
    return view_as_of(raw, rs, au, calendar_for(dossier.employeur, raw),
                      lambda s: compute_salarie(dossier, s, regime or rs.regime, None))


_SUIVIS = frozenset(journal for _, journal in FOLLOW_UP.values())  # the follow-up documents' journal keys


def view_of_current(v: VueAu) -> VueAu:
    """What ``view_for`` gives the facts ``v.courant`` (already as of ``v.au``) for the follow-up,
    without computing it: those facts are re-dated already, so that view re-dates nothing (no R-76
    about the handover or the letter) and keeps only the follow-up documents' findings (R-76, R-80,
    about ("suivi", key): the same journal, dates and ``au``). tests/engine/test_view_of_current.py."""
    kept = tuple(f for f in v.constats if len(f.loc) == 2 and f.loc[0] == "suivi" and f.loc[1] in _SUIVIS)
    return replace(v, plan=v.courant, constats=kept)

