"""The mention report: per employee, artefact and mention, in French, and as JSON for manifest.json."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from .result import STATUTS, Resultat
from .model import NIVEAU_LABELS, Catalogue, default_catalogue

CROISE_LABEL = "contrôles entre documents"


@dataclass
class CheckedDocument:
    employe: str  # matricule
    nom: str  # "Prénom Nom"
    artefact: str
    fichier: str  # file name or label
    resultats: list[Resultat] = field(default_factory=list)
    applicable: bool = True

    @property
    def conforme(self) -> bool:
        return not any(r.blocking for r in self.resultats)


@dataclass
class MentionReport:
    dossier: str
    documents: list[CheckedDocument] = field(default_factory=list)
    controles: list[Resultat] = field(default_factory=list)
    erreurs: list[str] = field(default_factory=list)  # unreadable or unrecognised files (French)
    noms: dict[str, str] = field(default_factory=dict)  # matricule -> "Prénom Nom"
    # Counts of what was checked, when ``documents`` keeps only the documents with a failure
    # (a streamed check, cspdocs/pipeline): (employees, documents, applicable documents).
    comptes: Optional[tuple[int, int, int]] = None

    @property
    def resultats(self) -> list[Resultat]:
        return [r for d in self.documents for r in d.resultats] + list(self.controles)

    @property
    def bloquants(self) -> list[Resultat]:
        return [r for r in self.resultats if r.blocking]

    @property
    def warnings(self) -> list[Resultat]:
        return [r for r in self.resultats if r.echec and not r.blocking]

    @property
    def blocking(self) -> bool:
        """True when an obligatoire mention fails (or a document could not be checked)."""
        return bool(self.bloquants or self.erreurs)

    def merge(self, other: "MentionReport") -> None:
        self.documents.extend(other.documents)
        self.controles.extend(other.controles)
        self.erreurs.extend(other.erreurs)
        self.noms.update(other.noms)

    # --- French text -------------------------------------------------------------------

    def texte(self, detail: bool = False, catalogue: Optional[Catalogue] = None) -> str:
        """The report in French: failures (and, with ``detail``, every mention checked)."""
        catalogue = catalogue or default_catalogue()
        employees = sorted({d.employe for d in self.documents} | {r.employe for r in self.controles})
        n_employees, n_documents, n_applicable = self.comptes or (
            len(employees), len(self.documents), sum(1 for d in self.documents if d.applicable))
        lines = [
            f"Contrôle des mentions — dossier « {self.dossier} » : {n_employees} salarié"
            f"{'s' if n_employees > 1 else ''}, {n_applicable} "
            f"document{'s' if n_documents > 1 else ''} vérifié{'s' if n_documents > 1 else ''}."
        ]
        for message in self.erreurs:
            lines.append(f"ERREUR : {message}")
        for employe in employees:
            docs = [d for d in self.documents if d.employe == employe]
            checks = [r for r in self.controles if r.employe == employe]
            shown = [(d, [r for r in d.resultats if detail or r.echec]) for d in docs]
            shown_checks = [r for r in checks if detail or r.echec]
            not_applicable = [d for d in docs if not d.applicable]
            if not detail and not any(rs for _, rs in shown) and not shown_checks and not not_applicable:
                continue
            lines.append("")
            lines.append(f"{employe} — {self.noms.get(employe, '')}".rstrip(" —"))
            for d, results in shown:
                label = catalogue.artefact(d.artefact).libelle if d.artefact in catalogue.artefacts else d.artefact
                if not d.applicable:
                    lines.append(f"  {d.fichier} ({label}) : sans objet pour ce salarié, non vérifié")
                    continue
                if not results:
                    continue
                lines.append(f"  {d.fichier} ({label})")
                lines.extend(_lines(results))
            if shown_checks:
                lines.append(f"  {CROISE_LABEL}")
                lines.extend(_lines(shown_checks))
        blocking, warnings = len(self.bloquants), len(self.warnings)
        lines.append("")
        if blocking or self.erreurs:
            lines.append(
                f"Bilan : {blocking} mention{'s' if blocking > 1 else ''} obligatoire{'s' if blocking > 1 else ''} "
                f"manquante{'s' if blocking > 1 else ''} ou erronée{'s' if blocking > 1 else ''}"
                + (f", {len(self.erreurs)} document{'s' if len(self.erreurs) > 1 else ''} non vérifiable{'s' if len(self.erreurs) > 1 else ''}" if self.erreurs else "")
                + f" ; {warnings} avertissement{'s' if warnings > 1 else ''} (mentions recommandées)."
            )
        else:
            lines.append(
                f"Bilan : toutes les mentions obligatoires sont présentes ; {warnings} avertissement"
                f"{'s' if warnings > 1 else ''} (mentions recommandées)."
            )
        return "\n".join(lines)

    # --- JSON (manifest.json) -------------------------------------------------------------

    def json_line(self, matricule: str) -> str:
        """One employee's line of mentions.json: ``json.dumps`` of its documents and cross-checks as
        ``to_json`` gives them (compact, UTF-8), made from each result's JSON, which is cached: most
        results are the same from one employee to the next."""
        docs = ",".join(
            f'{{"matricule":{_text(d.employe)},"artefact":{_text(d.artefact)},"fichier":{_text(d.fichier)},'
            f'"applicable":{_BOOL[d.applicable]},"conforme":{_BOOL[d.conforme]},'
            f'"mentions":[{",".join(_result_json(r) for r in d.resultats)}]}}'
            for d in self.documents)
        checks = ",".join(_result_json(r, r.employe) for r in self.controles)
        return f'{{"matricule":{_text(matricule)},"documents":[{docs}],"controles":[{checks}]}}'

    def to_json(self) -> dict[str, Any]:
        return {
            "statut": "bloque" if self.blocking else "conforme",
            "mentions_obligatoires_en_defaut": len(self.bloquants),
            "avertissements": len(self.warnings),
            "erreurs": list(self.erreurs),
            "documents": [
                {
                    "matricule": d.employe,
                    "artefact": d.artefact,
                    "fichier": d.fichier,
                    "applicable": d.applicable,
                    "conforme": d.conforme,
                    "mentions": [r.to_json() for r in d.resultats],
                }
                for d in self.documents
            ],
            "controles": [dict(r.to_json(), matricule=r.employe) for r in self.controles],
        }


def _lines(results: list[Resultat]) -> list[str]:
    out = []
    for r in results:
        marker = "ERREUR" if r.blocking else ("AVERTISSEMENT" if r.echec else "ok")
        out.append(f"    {marker} {r.mention} {r.libelle} [{NIVEAU_LABELS[r.niveau]}] : {STATUTS[r.statut]}")
        if r.echec:
            out.append(f"      attendu : {r.attendu}")
            if r.detail:
                out.append(f"      constat : {r.detail}")
            out.append(f"      source : {r.source}")
    return out


_BOOL = {True: "true", False: "false"}
_JSON_CACHE: dict[tuple, str] = {}  # bounded: the results common to the employees stay
_JSON_CACHE_MAX = 4096


@lru_cache(maxsize=1024)  # an employee's matricule four times, the artefacts and file names always
def _text(value: str) -> str:
    """``_dumps`` of a text."""
    return _dumps(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _result_json(r: Resultat, matricule: Optional[str] = None) -> str:
    """``_dumps(r.to_json())`` (with ``matricule`` last, as the cross-checks carry it), cached."""
    key = (r.mention, r.libelle, r.niveau, r.source, r.statut, r.attendu, r.detail, matricule)
    found = _JSON_CACHE.get(key)
    if found is None:
        data = r.to_json() if matricule is None else dict(r.to_json(), matricule=matricule)
        if len(_JSON_CACHE) >= _JSON_CACHE_MAX:
            _JSON_CACHE.clear()
        found = _JSON_CACHE[key] = _dumps(data)
    return found
