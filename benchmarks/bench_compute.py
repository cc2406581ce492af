"""Benchmark: compute every date and amount for N employees (issue 2 target: 5,000 in under 2 s).

Usage: python benchmarks/bench_compute.py [N]
Prints the time of validation (model) and of the engine, and the JSON serialisation.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, timedelta

from cspdocs.case.model import Dossier
from cspdocs.engine.compute import compute_dossier
from cspdocs.report import dossier_json

ZONES = [("75011", "Paris"), ("57000", "Metz"), ("97600", "Mamoudzou"), ("97150", "Marigot"), ("67000", "Strasbourg")]


def case(n: int) -> dict:
    employees = []
    for i in range(n):
        code, town = ZONES[i % len(ZONES)]
        employees.append({
            "matricule": f"M{i:05d}", "civilite": "Madame" if i % 2 else "Monsieur", "prenom": "Prénom", "nom": f"Nom{i}",
            "adresse": {"rue": f"{i} rue de la Paix", "code_postal": code, "ville": town},
            "lieu_travail": {"code_postal": code, "ville": town},
            "date_entree": (date(2000, 1, 3) + timedelta(days=37 * i % 9000)).isoformat(),
            "emploi": "Opérateur", "cadre": i % 7 == 0,
            "salaire_brut_mensuel": round(1800 + i * 0.37, 2),  # distinct salaries: no cache flattery
            "taux_charges_patronales": 0.42 if i % 3 == 0 else None,
            "salaire_journalier_reference": 80 if i % 4 == 0 else None,
            "date_entretien_prealable": (date(2026, 3, 2) + timedelta(days=i % 120)).isoformat(),
        })
    return {
        "employeur": {"raison_sociale": "Banc d'essai SA", "adresse": {"rue": "1 quai", "code_postal": "75011", "ville": "Paris"},
                      "effectif": 900, "signataire": {"nom": "A. B.", "qualite": "DRH"}},
        "procedure": {"type": "collectif_moins_de_10", "date_entretien_prealable": "2026-03-02",
                      "motif_economique": {"cause": "difficultes_economiques", "faits": "Baisse.", "consequence": "suppression"},
                      "reclassement": "Aucun poste."},
        "salaries": employees,
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    raw = case(n)
    # Wall time and this process's CPU time (the latter is steadier on a shared machine).
    t0, c0 = time.perf_counter(), time.process_time()
    dossier = Dossier.model_validate(raw)
    t1, c1 = time.perf_counter(), time.process_time()
    result = compute_dossier(dossier, "bench")
    t2, c2 = time.perf_counter(), time.process_time()
    json.dumps(dossier_json(result), ensure_ascii=False)
    t3, c3 = time.perf_counter(), time.process_time()
    print(f"{n} salariés : validation {t1 - t0:.3f} s, moteur {t2 - t1:.3f} s (CPU {c2 - c1:.3f} s), "
          f"calcul total {t2 - t0:.3f} s ({n / (t2 - t0):.0f} salariés/s) ; sérialisation JSON {t3 - t2:.3f} s")


if __name__ == "__main__":
    main()
