"""Rendering, employee by employee: every applicable artefact to bytes, without touching the disk.

The data a run carries (``Lot``, ``LotSalarie``...) and the rendering steps; the whole run (check
of the mentions, PDF, publication) is ``cspdocs.pipeline.generate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .case.loader import ChargedDossier
from .engine.facts import CaseResult, EmployeeResult
from .engine.findings import Finding
from .mentions.extract import Texte, texte_parts
from .mentions.docx_quick import plain_parts
from .output_folder import case_identity
from .render import dated
from .render.artefacts import ARTEFACTS, NOT_DUE, Artefact, document_date
from .render.context import build_context
from .render.errors import ErreurModele
from .render.modeles import LoadedTemplate
from .selection import select


@dataclass(frozen=True)
class RenderedDocument:
    artefact: Artefact
    variante: Optional[str]
    contenu: bytes  # the DOCX file
    date: Optional[date] = None  # the date the document bears (issue 10)
    remis: bool = False  # recorded as delivered in the journal (issue 10)


@dataclass(frozen=True)
class OmittedArtefact:
    """A document not produced for an employee and why, as a finding (engine/documents.py: its rule
    code as data); ``raison`` is its line (« R-14 : ... »), as the manifest and the messages show it."""

    artefact: Artefact
    constat: Finding

    @property
    def raison(self) -> str:
        return self.constat.text


@dataclass(frozen=True)
class BatchEmployee:
    matricule: str
    prenom: str
    nom: str
    documents: tuple[RenderedDocument, ...]
    omis: tuple[OmittedArtefact, ...]
    warnings: tuple[str, ...]  # the lines of ``constats``' warnings (manifest, HR summary)
    empreinte_faits: Optional[str] = None  # digest of what the documents are rendered from (issue 10)
    # the employee's findings as data (engine/findings.py), as of the run's date (R-76 included)
    constats: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Batch:
    """Everything one run produces, in memory."""

    nom: str  # case name (file stem): names the output folder
    sources: tuple[Path, ...]  # the case file, then its CSV if any
    modeles: dict[str, LoadedTemplate]
    salaries: tuple[BatchEmployee, ...]
    warnings: tuple[str, ...]
    selection: Optional[tuple[str, ...]]  # matricules asked with --employe, None for all
    identite: Optional[dict] = None  # employer and procedure (output_folder.case_identity)
    # readings the case chose where the law is unsettled (issue 8 item 7), recorded in the manifest
    lectures: Optional[dict] = None
    # the case's findings and this run's (R-77, R-78: cspdocs/delivered.py) as data; ``avertissements``
    # holds the case's lines (manifest)
    constats: tuple[Finding, ...] = ()


class ErreurGeneration(Exception):
    """Rendering failed for one employee's artefact: nothing is published."""

    def __init__(self, matricule: str, artefact: Artefact, cause: Exception):
        self.matricule = matricule
        self.artefact = artefact
        self.cause = cause
        super().__init__(f"salarié {matricule}, {artefact.libelle} : {cause}")


def render_employee(resultat: CaseResult, rs: EmployeeResult, modeles: dict[str, LoadedTemplate],
                                    textes: Optional[list[tuple[str, Texte, str]]] = None) -> BatchEmployee:
    """Render every applicable artefact of one employee (bytes in memory).

    With ``textes``, appends each document's text as the mention check reads it, taken from the
    XML the renderer holds (``(artefact key, text, file name)``): no need to read the DOCX again.
    Each document is rendered from the facts of its own date as of ``resultat.as_of`` (issue 10,
    cspdocs/render/dated.py).
    """
    v = dated.view(resultat, rs)
    documents, omis = [], []
    pairs = employee_contexts(resultat, rs, v)
    for artefact, ctx in pairs:
        found = artefact.omission(ctx)
        if found is NOT_DUE:  # a follow-up document not due: nothing to report
            continue
        if found is not None:
            omis.append(OmittedArtefact(artefact, found))
            continue
        when = document_date(artefact, ctx)
        try:
            rendu = modeles[artefact.modele].modele.rendre_detail(ctx, when)
        except ErreurModele as exc:
            raise ErreurGeneration(rs.employee.matricule, artefact, exc) from exc
        documents.append(RenderedDocument(artefact, artefact.variante(ctx), rendu.contenu, when,
                                       dated.delivered(v, artefact.cle)))
        if textes is not None:
            modele = modeles[artefact.modele].modele
            textes.append((artefact.cle, texte_parts(rendu.parties, core=rendu.core, plain=plain_parts(modele)),
                           artefact.fichier))
    current = v.courant if v is not None else rs
    return BatchEmployee(rs.employee.matricule, rs.employee.prenom, rs.employee.nom,
                         tuple(documents), tuple(omis), tuple(current.warnings), facts_digest(pairs, modeles),
                         tuple(f for f in current.constats if not f.blocking))


def employee_contexts(resultat: CaseResult, rs: EmployeeResult, v: Any) -> list[tuple[Artefact, dict]]:
    """Each artefact with the template context it is rendered from (one context per distinct facts)."""
    contexts: dict[int, dict] = {}
    out = []
    for artefact in ARTEFACTS:
        facts = dated.facts_for(v, rs, artefact.cle)
        ctx = contexts.get(id(facts))
        if ctx is None:
            ctx = contexts[id(facts)] = build_context(resultat, facts)
        out.append((artefact, ctx))
    return out


def facts_digest(pairs: list[tuple[Artefact, dict]], modeles: dict[str, LoadedTemplate]) -> str:
    """What an employee's documents are rendered from, as a digest (cspdocs/delivered.py)."""
    from .delivered import context_digest

    unique = list({id(ctx): ctx for _, ctx in pairs}.values())
    return context_digest(unique, [getattr(modeles[a.modele].modele, "sha256", "") for a, _ in pairs if a.modele in modeles])


def render_batch(
    charge: ChargedDossier,
    resultat: CaseResult,
    modeles: dict[str, LoadedTemplate],
    matricules: Optional[Iterable[str]] = None,
    progression: Optional[Callable[[int, int], None]] = None,
) -> Batch:
    """Render every applicable artefact of every selected employee (bytes in memory);
    ``progression(done, total)`` after each employee (cspdocs/rh/progression.py).

    For tools and tests; ``cspdocs.pipeline.generate`` streams the same rendering employee by
    employee instead of holding a whole batch.
    """
    selection = tuple(dict.fromkeys(matricules)) if matricules else None
    chosen = select(resultat, selection)
    lots = []
    for rs in chosen:
        lots.append(render_employee(resultat, rs, modeles))
        if progression is not None:
            progression(len(lots), len(chosen))
    return Batch(charge.nom, tuple(charge.sources), modeles, tuple(lots),
                 tuple(resultat.warnings), selection, case_identity(charge.dossier),
                 constats=tuple(resultat.constats))
