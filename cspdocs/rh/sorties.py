"""Writing the HR outputs (synthese.xlsx, synthese.csv, echeancier.ics) into a folder.

``generate`` calls them through ``SortiesRh``, a post-write hook of publish.py: the files land in
the temporary folder with the documents (after the PDF stage, so PDF links are known), are listed
in the manifest under ``complements.rh`` with their SHA-256, and are published atomically with the
rest. ``cspdocs synthese`` writes them for a case without generating documents.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

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


# publish() refuses a batch where a mandatory mention fails: every published document passed the
# check (recommended mentions are reported in the manifest, not here, so that a run with --employe
# gives the same summary as a full run).
VERIFIEES = "vérifiées (toutes présentes)"


def suivi_publication(entries: list[dict[str, Any]]) -> Suivi:
    """Links and mention status from manifest entries (this run's and the carried-over ones)."""
    suivi = Suivi(mentions_defaut=VERIFIEES)
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
    return suivi


class SortiesRh:
    """Post-write hook for publish(): runs ``avant`` (the PDF stage) first, then writes the HR files."""

    def __init__(self, resultat: ResultatDossier, avant=None):
        self.resultat, self.avant = resultat, avant

    def __call__(self, ecriture) -> dict[str, Any]:
        complements = dict(self.avant(ecriture) or {}) if self.avant is not None else {}
        entries = list(ecriture.conserves) + list(ecriture.salaries.values())
        suivi = suivi_publication(entries)
        complements["rh"] = ecrire(ecriture.dossier, self.resultat, suivi)
        return complements
