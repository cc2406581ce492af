"""Rendering, employee by employee: every applicable artefact to bytes, without touching the disk.

The data a run carries (``Lot``, ``LotSalarie``...) and the rendering steps; the whole run (check
of the mentions, PDF, publication) is ``cspdocs.pipeline.generate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from .case.loader import ChargedDossier
from .engine.facts import ResultatDossier, ResultatSalarie
from .mentions.extract import Texte, core_title, texte_parts
from .output_folder import case_identity
from .render.artefacts import ARTEFACTS, Artefact, document_date
from .render.context import build_context
from .render.errors import ErreurModele
from .render.modeles import ModeleCharge


@dataclass(frozen=True)
class DocumentRendu:
    artefact: Artefact
    variante: Optional[str]
    contenu: bytes  # the DOCX file


@dataclass(frozen=True)
class ArtefactOmis:
    artefact: Artefact
    raison: str


@dataclass(frozen=True)
class LotSalarie:
    matricule: str
    prenom: str
    nom: str
    documents: tuple[DocumentRendu, ...]
    omis: tuple[ArtefactOmis, ...]
    avertissements: tuple[str, ...]


@dataclass(frozen=True)
class Lot:
    """Everything one run produces, in memory."""

    nom: str  # case name (file stem): names the output folder
    sources: tuple[Path, ...]  # the case file, then its CSV if any
    modeles: dict[str, ModeleCharge]
    salaries: tuple[LotSalarie, ...]
    avertissements: tuple[str, ...]
    selection: Optional[tuple[str, ...]]  # matricules asked with --employe, None for all
    identite: Optional[dict] = None  # employer and procedure (output_folder.case_identity)
    # readings the case chose where the law is unsettled (issue 8 item 7), recorded in the manifest
    lectures: Optional[dict] = None


class ErreurGeneration(Exception):
    """Rendering failed for one employee's artefact: nothing is published."""

    def __init__(self, matricule: str, artefact: Artefact, cause: Exception):
        self.matricule = matricule
        self.artefact = artefact
        self.cause = cause
        super().__init__(f"salarié {matricule}, {artefact.libelle} : {cause}")


class MatriculeInconnu(ValueError):
    def __init__(self, inconnus: Iterable[str]):
        self.inconnus = tuple(inconnus)
        super().__init__("matricule(s) absent(s) du dossier : " + ", ".join(self.inconnus))


def select(resultat: ResultatDossier, matricules: Optional[Iterable[str]]):
    if not matricules:
        return resultat.salaries
    wanted = list(dict.fromkeys(matricules))
    known = {r.salarie.matricule for r in resultat.salaries}
    unknown = [m for m in wanted if m not in known]
    if unknown:
        raise MatriculeInconnu(unknown)
    return tuple(r for r in resultat.salaries if r.salarie.matricule in wanted)


def render_employee(resultat: ResultatDossier, rs: ResultatSalarie, modeles: dict[str, ModeleCharge],
                    textes: Optional[list[tuple[str, Texte, str]]] = None) -> LotSalarie:
    """Render every applicable artefact of one employee (bytes in memory).

    With ``textes``, appends each document's text as the mention check reads it, taken from the
    XML the renderer holds (``(artefact key, text, file name)``): no need to read the DOCX again.
    """
    ctx = build_context(resultat, rs)
    documents, omis = [], []
    for artefact in ARTEFACTS:
        raison = artefact.omission(ctx)
        if raison:
            omis.append(ArtefactOmis(artefact, raison))
            continue
        try:
            rendu = modeles[artefact.modele].modele.rendre_detail(ctx, document_date(artefact, ctx))
        except ErreurModele as exc:
            raise ErreurGeneration(rs.salarie.matricule, artefact, exc) from exc
        documents.append(DocumentRendu(artefact, artefact.variante(ctx), rendu.contenu))
        if textes is not None:
            textes.append((artefact.cle, texte_parts(rendu.parties, core_title(rendu.core)), artefact.fichier))
    return LotSalarie(rs.salarie.matricule, rs.salarie.prenom, rs.salarie.nom,
                      tuple(documents), tuple(omis), tuple(rs.avertissements))


def render_batch(
    charge: ChargedDossier,
    resultat: ResultatDossier,
    modeles: dict[str, ModeleCharge],
    matricules: Optional[Iterable[str]] = None,
    progression: Optional[Callable[[int, int], None]] = None,
) -> Lot:
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
    return Lot(charge.nom, tuple(charge.sources), modeles, tuple(lots),
               tuple(resultat.avertissements), selection, case_identity(charge.dossier))
