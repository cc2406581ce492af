"""Each document rendered and checked from the facts of its own date (issue 10).

The engine (cspdocs/engine/timeline.py) says, as of the case's as-of date (``CaseResult.as_of``),
which facts each document is rendered from: a delivered document from what was known on its date,
an undelivered one from the facts as of the as-of date (never backdated). This module applies it
to one employee: the facts per artefact, and the mention check of each document against its own
facts (the cross-artefact checks against the facts as of the as-of date). Without an as-of date
(``au`` None: library use on the plan), every document uses the plan, as before.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..engine.facts import CaseResult, EmployeeResult
from ..engine.timeline import VueAu

_RAW_INDEX: dict[int, tuple[CaseResult, dict[int, int]]] = {}


def _raw_salarie(resultat: CaseResult, rs: EmployeeResult):
    """The employee as written in the case (journal not folded) for the computed ``rs``."""
    cached = _RAW_INDEX.get(id(resultat))
    if cached is None or cached[0] is not resultat:
        cached = (resultat, {id(r): i for i, r in enumerate(resultat.employees)})
        _RAW_INDEX.clear()
        _RAW_INDEX[id(resultat)] = cached
    i = cached[1].get(id(rs))
    if i is None:  # a result built elsewhere (tests): match by matricule
        i = next(k for k, r in enumerate(resultat.employees) if r.employee.matricule == rs.employee.matricule)
    return resultat.case.salaries[i]


_LAST: list = [None, None, None]  # (resultat, rs, view): rendering then checking one employee computes it once


def view(resultat: CaseResult, rs: EmployeeResult) -> Optional[VueAu]:
    """The employee's documents as of the case's as-of date, or None without one."""
    au = getattr(resultat, "as_of", None)
    if au is None:
        return None
    if _LAST[0] is resultat and _LAST[1] is rs:
        return _LAST[2]
    _LAST[:] = [resultat, rs, _view(resultat, rs, au)]
    return _LAST[2]


def _view(resultat: CaseResult, rs: EmployeeResult, au) -> VueAu:
    from ..engine.timeline import view_for

    return view_for(resultat.case, rs, au, _raw_salarie(resultat, rs), rs.regime or resultat.regime)


def facts_for(v: Optional[VueAu], rs: EmployeeResult, artefact: str) -> EmployeeResult:
    return rs if v is None else v.pour(artefact)


def delivered(v: Optional[VueAu], artefact: str) -> bool:
    """Whether the journal records the artefact's document as delivered."""
    d = v.group(artefact) if v is not None else None
    return d is not None and d.remis


def check(resultat: CaseResult, rs: EmployeeResult, v: Optional[VueAu],
          documents: Sequence[tuple[Optional[str], object, str]], catalogue=None):
    """The mention check of one employee's documents, each against the facts it was rendered from;
    the cross-artefact checks against the facts as of the as-of date."""
    from ..mentions.pipeline import check_employee

    if v is None or all(v.pour(a or "") is v.courant for a, _, _ in documents):
        return check_employee(resultat, v.courant if v is not None else rs, documents, catalogue)
    from ..mentions.checker import Matcher, TexteCompare, check_artefact, recognise_artefact
    from ..mentions.crosscheck import cross_check
    from ..mentions.facts import Faits
    from ..mentions.model import default_catalogue
    from ..mentions.report import CheckedDocument, MentionReport

    catalogue = catalogue or default_catalogue()
    rapport = MentionReport(resultat.name)
    matricule = rs.employee.matricule
    rapport.noms[matricule] = f"{rs.employee.prenom} {rs.employee.nom}"
    matchers: dict[int, Matcher] = {}
    folded_docs = []
    for artefact, texte, label in documents:
        artefact = artefact or recognise_artefact(texte, catalogue, texte.titre)
        if artefact is None:
            rapport.erreurs.append(f"{label} : document non reconnu (aucun titre de document CSP trouvé) ; "
                                   "préciser l'artefact avec --artefact")
            continue
        facts = v.pour(artefact)
        matcher = matchers.setdefault(id(facts), Matcher(catalogue, Faits(resultat, facts)))
        folded = TexteCompare.de(texte)
        applicable = matcher.faits.holds(catalogue.artefact(artefact).applicable)
        results = check_artefact(artefact, folded, resultat, facts, catalogue, matcher) if applicable else []
        rapport.documents.append(CheckedDocument(matricule, rapport.noms[matricule], artefact, label, results, applicable))
        if applicable:
            folded_docs.append((artefact, folded, label))
    rapport.controles.extend(cross_check(folded_docs, resultat, v.courant, catalogue, matchers.get(id(v.courant))))
    return rapport


def annotate(entry: dict, s) -> None:
    """Manifest entry of one employee (issue 10): each artefact's date and whether it is recorded as
    delivered (``remis``), and the digest of what the documents are rendered from."""
    by_key = {d.artefact.cle: d for d in s.documents}
    for a in entry.get("artefacts", []):
        doc = by_key.get(a.get("cle"))
        if doc is not None and doc.date is not None:
            a["date"] = doc.date.isoformat()
            a["remis"] = doc.remis
    if getattr(s, "empreinte_faits", None):
        entry["empreinte_faits"] = s.empreinte_faits
