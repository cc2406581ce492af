"""``dossier-global.pdf`` (``--dossier-global``): every employee's dossier in one PDF, in the
case file's order, those of this run and those carried over from the previous output
(``--employe``), checked against the manifest's fingerprints before they are merged."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Iterable

from ..engine.facts import CaseResult
from .dossier import DossierPart, DossierSection, build_case_dossier
from .errors import DossierError
from .handover import DOSSIER_GLOBAL_PDF, employer_name, section_title


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def employee_name(resultat: CaseResult, matricule: str) -> str:
    for rs in resultat.employees:
        if rs.employee.matricule == matricule:
            return f"{rs.employee.prenom} {rs.employee.nom}"
    return ""


def carried_sections(resultat: CaseResult, root: Path, carried: Iterable[dict[str, Any]]) -> dict[str, DossierSection]:
    """Sections of the employees carried over from the previous output (their manifest
    entries ``carried``, files under ``root``); DossierError when one has no PDF or a PDF
    changed since it was generated."""
    sections: dict[str, DossierSection] = {}
    missing: list[str] = []
    for entry in carried:
        matricule = entry.get("matricule", "?")
        dossier = entry.get("dossier_pdf")
        by_key = {a.get("cle"): a for a in entry.get("artefacts", [])}
        if not dossier or not all(by_key.get(c.get("cle"), {}).get("pdf") for c in dossier.get("contenu", [])):
            missing.append(matricule)
            continue
        parts = []
        for item in dossier["contenu"]:
            pdf_entry = by_key[item["cle"]]["pdf"]
            path = root / pdf_entry["chemin"]
            if not path.is_file() or sha256_file(path) != pdf_entry["sha256"]:
                raise DossierError(
                    f"Dossier global impossible : le PDF {pdf_entry['chemin']} du salarié {matricule} "
                    "est absent ou a été modifié depuis sa génération ; régénérez ce salarié "
                    "(--employe) ou tout le dossier."
                )
            parts.append(DossierPart(item["titre"], path))
        sections[matricule] = DossierSection(section_title(matricule, employee_name(resultat, matricule)), parts)
    if missing:
        raise DossierError(
            "Dossier global impossible : les documents déjà publiés de "
            + ", ".join(missing)
            + " n'ont pas de version PDF. Régénérez tout le dossier avec --pdf --dossier-global "
            "(sans --employe)."
        )
    return sections


def write_case_dossier(resultat: CaseResult, root: Path, sections: dict[str, DossierSection], moment) -> dict[str, Any]:
    """Write <case>/dossier-global.pdf, employees in the case file's order; its manifest entry."""
    order = [rs.employee.matricule for rs in resultat.employees]
    ranked = sorted(sections, key=lambda m: (order.index(m) if m in order else len(order)))
    chosen = [sections[m] for m in ranked]
    out = root / DOSSIER_GLOBAL_PDF
    name = resultat.name
    build_case_dossier(
        chosen, out,
        title=f"Contrat de sécurisation professionnelle – dossier « {name} »",
        author=employer_name(resultat),
        subject=f"{len(chosen)} salarié{'s' if len(chosen) > 1 else ''} : " + ", ".join(ranked),
        moment=moment,
    )
    return {
        "chemin": out.relative_to(root).as_posix(),
        "sha256": sha256_file(out),
        "pages": page_count(out),
        "salaries": ranked,
    }


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader  # only for the case-wide dossier, once per run

    return len(PdfReader(pdf).pages)


__all__ = ["carried_sections", "employee_name", "sha256_file", "write_case_dossier"]
