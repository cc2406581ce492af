"""Large synthetic case files for the benchmarks: the employees of cases/pse.yaml, replicated.

Each copy gets its own matricule, name, hiring date and salary, so that no cache flatters the
figures (every document differs).
"""

from __future__ import annotations

import copy
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PSE = ROOT / "cases" / "pse.yaml"


def pse_case(n: int) -> dict:
    data = yaml.safe_load(PSE.read_text(encoding="utf-8"))
    models = data["salaries"]
    employees = []
    for i in range(n):
        e = copy.deepcopy(models[i % len(models)])
        e["matricule"] = f"B-{i:05d}"
        e["nom"] = f"{e['nom']} {i}"
        if not e.get("impossibilite_maintien_contrat"):  # its wording depends on the dates: kept as is
            start = date.fromisoformat(str(e["date_entree"])) + timedelta(days=(37 * i) % 3000)
            e["date_entree"] = min(start, date(2024, 1, 2)).isoformat()
        e["salaire_brut_mensuel"] = round(float(e["salaire_brut_mensuel"]) + (i % 997) * 0.37, 2)
        employees.append(e)
    data["salaries"] = employees
    return data


def write_pse_case(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"pse-{n}.yaml"
    path.write_text(yaml.safe_dump(pse_case(n), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


if __name__ == "__main__":  # python benchmarks/cases.py N FOLDER: prints the path written
    print(write_pse_case(Path(sys.argv[2]), int(sys.argv[1])))
