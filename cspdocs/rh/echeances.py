"""Each employee's state, next action and deadlines, as the engine computed them, for the summary,
the table view and the calendar.

Nothing of the law is computed here. The state and the actions are the engine's
(``engine/actions.py``: ``follow_up``, with their due dates, statuses and legal sources); the other
deadlines are dates of ``EmployeeResult.dates`` with the engine's explanation and sources. This
module only chooses what to show:

- every action the engine gives a due date (done ones too, so that a calendar event does not vanish
  once done), except those that do not apply to the employee;
- the plan's other dates (earliest and last day to post the letter, rupture if accepted, and, while
  no acceptance is recorded, the contribution's due date and the end of the priorité de réembauche
  in case of acceptance), unless an action already covers the same deadline, the letter is posted,
  or the employee's answer (or the expiry of the period) makes a date "if accepted" moot.

A deadline's ``cle`` is the plan date's key when the action and the plan date are the same deadline
(the contribution's due date before and after the acceptance): the calendar's UIDs derive from it,
so a re-imported calendar updates the event instead of duplicating it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from ..engine.actions import A_FAIRE, EN_RETARD, FAIT, SANS_OBJET, follow_up
from ..engine.facts import CaseResult, EmployeeResult
from ..engine.findings import Finding
from ..engine.timeline import VueAu, view_as_of, view_of_current

# action of the engine -> key of the plan date it is the same deadline as
MEME_ECHEANCE = {
    "lettre": "envoi_lettre",
    "contribution": "echeance_contribution_employeur",
}

# (date key of the engine, label, applies only if the CSP is accepted)
DATES_DU_PLAN: tuple[tuple[str, str, bool], ...] = (
    ("remise", "Remise des documents du CSP", False),
    ("fin_delai_reflexion", "Fin du délai de réflexion", False),
    ("envoi_lettre_au_plus_tot", "Lettre recommandée : envoi au plus tôt", False),
    ("envoi_lettre", "Lettre recommandée : envoi prévu", False),
    ("rupture_si_acceptation", "Rupture du contrat en cas d'acceptation", True),
    ("echeance_contribution_employeur", "Contribution à l'opérateur : échéance (en cas d'acceptation)", True),
    ("fin_priorite_reembauche", "Fin de la priorité de réembauche (en cas d'acceptation)", True),
)
# « fin_delai_envoi_lettre » (the last day of the period during which the letter may NOT be posted)
# is deliberately not shown: an HR reader takes any « date limite d'envoi » for a deadline to post.
_LETTRE = {"envoi_lettre_au_plus_tot", "envoi_lettre"}
# states in which the CSP was not (or not yet known to be) accepted and never will be
_SANS_ADHESION = {"refuse", "expire_sans_reponse", "lettre_envoyee"}

STATUTS = {FAIT: "fait", A_FAIRE: "à faire", EN_RETARD: "en retard", SANS_OBJET: "sans objet", None: "date prévue"}


@dataclass(frozen=True)
class Echeance:
    cle: str
    libelle: str
    date: date
    matricule: str
    nom: str  # "Prénom Nom"
    raisonnement: str
    sources: tuple[str, ...]
    statut: Optional[str] = None  # the engine's action status; None: a date of the plan
    fait_le: Optional[date] = None
    note: str = ""
    si_acceptation: bool = False  # a date of the plan that applies only if the CSP is accepted


def rule_label(f: Finding) -> str:
    """The rule code the HR outputs show for a finding (« autre » when it has none)."""
    return f.code or "autre"


@dataclass(frozen=True)
class Fiche:
    """One employee as the HR outputs show them: the engine's result and follow-up as of ``au``."""

    rs: EmployeeResult  # the facts as of ``au`` (the plan, re-dated where it slipped: R-76)
    au: date
    suivi: dict[str, Any]  # engine/actions.follow_up
    echeances: tuple[Echeance, ...]
    notes: tuple[Finding, ...] = ()  # findings of the HR outputs themselves (R-78: published documents stale)
    # deadlines withdrawn (the answer or the expiry made an "if accepted" date moot, the letter was
    # posted, or the event is no longer published): the calendar keeps them as cancelled events
    retirees: tuple[Echeance, ...] = ()

    @property
    def etat(self) -> str:
        return self.suivi["etat_libelle"]

    @property
    def constats(self) -> tuple[Finding, ...]:
        """The employee's warnings as of ``au``, as data, each once: the engine's (R-76 included), the
        follow-up's (R-71 to R-73), the notes (R-78)."""
        found: dict[str, Finding] = {}
        for f in (*self.rs.constats, *self.suivi["constats"], *self.notes):
            if not f.blocking:
                found.setdefault(f.text, f)
        return tuple(found.values())

    @property
    def warnings(self) -> tuple[str, ...]:
        """The lines of ``constats`` (« R-48 : ... »)."""
        return tuple(f.text for f in self.constats)

    def rule_codes(self) -> tuple[str, ...]:
        """The rule codes of ``constats``, each once, in order (« autre » for a finding without one)."""
        return tuple(dict.fromkeys(rule_label(f) for f in self.constats))

    def en_retard(self) -> list[dict[str, Any]]:
        return [a for a in self.suivi["actions"] if a["statut"] == EN_RETARD]

    def prochaine(self) -> Optional[dict[str, Any]]:
        """The next thing to do: the oldest overdue action, else the first action due (by due date,
        an action without a known date last)."""
        late = self.en_retard()
        if late:
            return min(late, key=lambda a: a["echeance"])
        due = [a for a in self.suivi["actions"] if a["statut"] == A_FAIRE]
        return min(due, key=lambda a: (a["echeance"] is None, a["echeance"] or date.min), default=None)


def faits_au(resultat: CaseResult, rs: EmployeeResult, au: date, raw=None) -> EmployeeResult:
    """The employee's facts as of ``au``, the ones the documents of a run at ``au`` are rendered from
    (engine/timeline.py ``VueAu.courant``): where a handover or a letter not recorded has its planned
    date passed, it is re-dated at ``au`` and the dates that follow are recomputed, with the R-76
    finding. ``raw``: the employee as written in the case (journal not folded)."""
    from ..case.places import calendar_for
    from ..engine.compute import compute_salarie

    dossier = resultat.case
    if raw is None:
        raw = next(s for s in dossier.salaries if s.matricule == rs.employee.matricule)
    regime = rs.regime or resultat.regime
    return view_as_of(raw, rs, au, calendar_for(dossier.employeur, raw),
                      lambda s: compute_salarie(dossier, s, regime, None)).courant


def fiche(resultat: CaseResult, rs: EmployeeResult, au: date, follow: Optional[dict[str, Any]] = None,
          raw=None, notes: tuple[Finding, ...] = ()) -> Fiche:
    """``rs``: the plan; the fiche reads the facts as of ``au`` (``faits_au``). ``follow``: the
    engine's follow-up of those facts when already computed."""
    return fiche_au(resultat, faits_au(resultat, rs, au, raw), au, follow, notes)


def fiche_au(resultat: CaseResult, current: EmployeeResult, au: date, follow: Optional[dict[str, Any]] = None,
             notes: tuple[Finding, ...] = (), vue: Optional[VueAu] = None) -> Fiche:
    """The fiche of facts already as of ``au`` (``faits_au``). ``vue``: the view as of ``au`` these
    facts are the ``courant`` of, when known (``follow_up`` then does not compute a view again)."""
    if follow is None:
        follow = follow_up(resultat.case, current, au, view_of_current(vue) if vue is not None else None)
    live, withdrawn = _echeances(current, follow)
    return Fiche(current, au, follow, tuple(live), notes, tuple(withdrawn))


def fiches(resultat: CaseResult, au: date, salaries=None, notes: Optional[dict[str, tuple[Finding, ...]]] = None):
    """The employees one at a time (a generator: nothing is kept for the whole case). ``notes``:
    matricule -> extra findings shown with the employee's warnings."""
    raws = {s.matricule: s for s in resultat.case.salaries}
    notes = notes or {}
    for rs in resultat.employees if salaries is None else salaries:
        m = rs.employee.matricule
        yield fiche(resultat, rs, au, raw=raws.get(m), notes=notes.get(m, ()))


# Events published by earlier versions and no longer published: cancelled under their UID so that a
# calendar that imported them drops them (the last day BEFORE which the letter may not be posted).
RETIRES = (("fin_delai_envoi_lettre", "Lettre recommandée : ancien événement (voir « envoi au plus tôt »)"),)


def _echeances(rs: EmployeeResult, follow: dict[str, Any]) -> tuple[list[Echeance], list[Echeance]]:
    """The deadlines shown, and the ones withdrawn (kept as cancelled events by the calendar)."""
    s = rs.employee
    name = f"{s.prenom} {s.nom}"
    out, covered, withdrawn = [], set(), []
    letter_done = False
    for a in follow["actions"]:
        if a["action"] == "lettre" and a["statut"] in (FAIT, SANS_OBJET):
            letter_done = True
        if a["statut"] == SANS_OBJET or a["echeance"] is None:
            continue
        key = MEME_ECHEANCE.get(a["action"], a["action"])
        covered.add(key)
        out.append(Echeance(key, a["libelle"], a["echeance"], s.matricule, name, "", tuple(a["sources"]),
                            a["statut"], a["fait_le"], a["note"]))
    moot = follow["etat"] in _SANS_ADHESION
    for key, label, if_accepted in DATES_DU_PLAN:
        when = rs.dates.get(key)
        if when is None or key in covered:
            continue
        explanation = rs.explanation(f"dates.{key}")
        e = Echeance(key, label, when, s.matricule, name, explanation.reasoning if explanation else "",
                     tuple(explanation.sources) if explanation else (), si_acceptation=if_accepted)
        if (if_accepted and moot) or (key in _LETTRE and letter_done):
            withdrawn.append(e)
        else:
            out.append(e)
    for key, label in RETIRES:
        when = rs.dates.get(key)
        if when is not None:
            withdrawn.append(Echeance(key, label, when, s.matricule, name, "", ("C. trav. art. L1233-39",)))
    return sorted(out, key=lambda e: e.date), withdrawn


def ordre(e: Echeance) -> tuple:
    """Sort key: by date, then employee."""
    return (e.date, e.matricule, e.cle)


def echeances(resultat: CaseResult, au: date) -> list[Echeance]:
    """Every deadline of every employee, by date then employee (kept in memory: for tests and small cases)."""
    return sorted((e for f in fiches(resultat, au) for e in f.echeances), key=ordre)
