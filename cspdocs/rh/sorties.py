"""Writing the HR outputs (synthese.xlsx, synthese.csv, echeancier.ics) into a folder.

``generate`` calls them through ``SortiesRh``, a post-write hook of publish.py: the files land in
the temporary folder with the documents (after the PDF stage, so PDF links are known), are listed
in the manifest under ``complements.rh`` with their SHA-256, and are published atomically with the
rest. ``cspdocs synthese`` writes them for a case without generating documents.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Optional

from ..engine.facts import ResultatDossier
from ..render.artefacts import ARTEFACTS
from .echeancier import calendrier
from .synthese import Suivi, csv_bytes, xlsx

SYNTHESE_XLSX = "synthese.xlsx"
SYNTHESE_CSV = "synthese.csv"
ECHEANCIER = "echeancier.ics"
FICHIERS = (SYNTHESE_XLSX, SYNTHESE_CSV, ECHEANCIER)
_LABELS = {a.cle: a.libelle for a in ARTEFACTS}


def contenus(resultat: ResultatDossier, suivi: Suivi, agrege: bool = False) -> dict[str, bytes]:
    return {
        SYNTHESE_XLSX: xlsx(resultat, suivi),
        SYNTHESE_CSV: csv_bytes(resultat, suivi),
        ECHEANCIER: calendrier(resultat, agrege=agrege),
    }


def ecrire(dossier: Path, resultat: ResultatDossier, suivi: Suivi, agrege: bool = False) -> dict[str, str]:
    """Write the three files into ``dossier``; returns {name: sha256}."""
    written = {}
    for name, data in contenus(resultat, suivi, agrege).items():
        (dossier / name).write_bytes(data)
        written[name] = hashlib.sha256(data).hexdigest()
    return written


def _status(rapport, matricule: str) -> Optional[str]:
    docs = [d for d in rapport.documents if d.employe == matricule]
    if not docs:
        return None
    if not all(d.conforme for d in docs):
        return "non conformes"
    missing = sum(1 for d in docs for r in d.resultats if r.echec and not r.bloquant)
    return "conformes" + (f" ({missing} mention(s) recommandée(s) absente(s))" if missing else "")


def suivi_publication(entries: list[dict[str, Any]], rapport=None) -> Suivi:
    """Links and mention status from manifest entries (this run's and the carried-over ones)."""
    suivi = Suivi(mentions_defaut="vérifiées lors d'une génération précédente")
    for entry in entries:
        links = []
        for artefact in entry.get("artefacts", []):
            label = _LABELS.get(artefact["cle"], artefact["cle"])
            links.append((label, artefact["chemin"]))
            if "pdf" in artefact:
                links.append((f"{label} (PDF)", artefact["pdf"]["chemin"]))
        if entry.get("dossier_pdf"):
            links.append(("Dossier PDF", entry["dossier_pdf"]["chemin"]))
        suivi.documents[entry["matricule"]] = links
        status = _status(rapport, entry["matricule"]) if rapport is not None else None
        if status:
            suivi.mentions[entry["matricule"]] = status
    return suivi


class SortiesRh:
    """Post-write hook for publish(): runs ``avant`` (the PDF stage) first, then writes the HR files."""

    def __init__(self, resultat: ResultatDossier, rapport=None, avant=None):
        self.resultat, self.rapport, self.avant = resultat, rapport, avant

    def __call__(self, ecriture) -> dict[str, Any]:
        complements = dict(self.avant(ecriture) or {}) if self.avant is not None else {}
        entries = list(ecriture.conserves) + list(ecriture.salaries.values())
        suivi = suivi_publication(entries, self.rapport)
        complements["rh"] = ecrire(ecriture.dossier, self.resultat, suivi)
        return complements
