"""`generate`, stage by stage: load the case, compute, render every artefact to bytes, publish.

Rendering returns bytes per artefact (``Lot``) without touching the disk, so a check of the
mandatory mentions (issue 4) can run between ``render_batch`` and ``publish``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from .case.loader import ChargedDossier, load_dossier
from .engine.compute import compute_dossier
from .engine.facts import ResultatDossier
from .render.artefacts import ARTEFACTS, Artefact, document_date
from .render.context import build_context
from .render.errors import ErreurModele
from .render.modeles import ModeleCharge, load_templates


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


def render_batch(
    charge: ChargedDossier,
    resultat: ResultatDossier,
    modeles: dict[str, ModeleCharge],
    matricules: Optional[Iterable[str]] = None,
    progression: Optional[Callable[[int, int], None]] = None,
) -> Lot:
    """Render every applicable artefact of every selected employee (bytes in memory);
    ``progression(done, total)`` after each employee (cspdocs/rh/progression.py)."""
    selection = tuple(dict.fromkeys(matricules)) if matricules else None
    lots = []
    chosen = select(resultat, selection)
    for rs in chosen:
        ctx = build_context(resultat, rs)
        documents, omis = [], []
        for artefact in ARTEFACTS:
            raison = artefact.omission(ctx)
            if raison:
                omis.append(ArtefactOmis(artefact, raison))
                continue
            try:
                contenu = modeles[artefact.modele].modele.rendre(ctx, document_date(artefact, ctx))
            except ErreurModele as exc:
                raise ErreurGeneration(rs.salarie.matricule, artefact, exc) from exc
            documents.append(DocumentRendu(artefact, artefact.variante(ctx), contenu))
        lots.append(LotSalarie(rs.salarie.matricule, rs.salarie.prenom, rs.salarie.nom,
                               tuple(documents), tuple(omis), tuple(rs.avertissements)))
        if progression is not None:
            progression(len(lots), len(chosen))
    return Lot(charge.nom, tuple(charge.sources), modeles, tuple(lots),
               tuple(resultat.avertissements), selection)


def generate(
    dossier: Path | str,
    sortie: Path | str = "output",
    dossier_modeles: Optional[Path | str] = None,
    matricules: Optional[Iterable[str]] = None,
):
    """Load, compute, render and publish; returns the ``Publication`` (see publish.py).

    Raises ``DossierInvalide`` (nothing written), ``MatriculeInconnu``, ``ErreurGeneration``
    or ``ErreurModele`` (nothing published).
    """
    from .publish import publish

    charge = load_dossier(dossier)
    resultat = compute_dossier(charge.dossier, charge.nom, charge.avertissements)
    modeles = load_templates(Path(dossier_modeles) if dossier_modeles else None)
    lot = render_batch(charge, resultat, modeles, matricules)
    return publish(lot, Path(sortie))
