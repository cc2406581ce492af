"""Benchmark: render the four artefacts for N employees, compiled renderer vs a naive docxtpl loop.

Usage: python benchmarks/bench_render.py [N]      (default 1000 employees, i.e. 4 N documents)

Both run in the same process on the same contexts (computed by the real engine from a generated
case): the naive loop creates a new ``DocxTemplate`` per document, renders it with the same
sandboxed environment and saves it to memory; the compiled renderer (cspdocs.render.ModeleDocx)
loads and compiles each template once and reuses it. Prints documents per second and the ratio.
"""

from __future__ import annotations

import io
import sys
import time
from datetime import date, timedelta

from docxtpl import DocxTemplate

from cspdocs.case.model import Dossier
from cspdocs.engine.compute import compute_dossier
from cspdocs.render.artefacts import ARTEFACTS, document_date
from cspdocs.render.context import build_context
from cspdocs.render.environment import make_environment
from cspdocs.render.modeles import load_templates


def case(n: int) -> Dossier:
    employees = [{
        "matricule": f"M{i:05d}", "civilite": "Madame" if i % 2 else "Monsieur", "prenom": "Camille",
        "nom": f"Martin-{i}", "adresse": {"rue": f"{i} rue de la Paix", "code_postal": "75011", "ville": "Paris"},
        "date_entree": (date(2000, 1, 3) + timedelta(days=37 * i % 9000)).isoformat(),
        "emploi": "Opératrice de production", "cadre": i % 7 == 0,
        "salaire_brut_mensuel": round(1800 + i * 0.37, 2),
        "date_entretien_prealable": (date(2026, 3, 2) + timedelta(days=i % 60)).isoformat(),
        "reponse": {"decision": "acceptation", "date": "2026-03-20"} if i % 5 == 0 and i % 60 < 10 else None,
    } for i in range(n)]
    return Dossier.model_validate({
        "employeur": {"raison_sociale": "Banc d'essai", "forme_juridique": "SA",
                      "adresse": {"rue": "1 quai de Valmy", "code_postal": "75010", "ville": "Paris"},
                      "effectif": 900, "signataire": {"nom": "Alix Bernard", "qualite": "Directrice des ressources humaines"}},
        "procedure": {"type": "collectif_moins_de_10", "date_entretien_prealable": "2026-03-02",
                      "motif_economique": {"cause": "difficultes_economiques", "consequence": "suppression",
                                           "faits": "Baisse du chiffre d'affaires de 25 % sur quatre trimestres consécutifs."},
                      "reclassement": "Aucun poste disponible dans l'entreprise ni dans le groupe."},
        "salaries": employees,
    })


def main(n: int) -> None:
    resultat = compute_dossier(case(n), "banc")
    jobs = []
    for rs in resultat.employees:
        ctx = build_context(resultat, rs)
        for artefact in ARTEFACTS:
            if artefact.omission(ctx) is None:
                jobs.append((artefact, ctx))
    print(f"{n} salariés, {len(jobs)} documents")

    start = time.perf_counter()
    modeles = load_templates()
    total_fast = 0
    for artefact, ctx in jobs:
        total_fast += len(modeles[artefact.modele].modele.rendre(ctx, document_date(artefact, ctx)))
    fast = time.perf_counter() - start
    print(f"rendu compilé (modèles chargés une fois) : {fast:7.2f} s  {len(jobs) / fast:8.1f} documents/s "
          f"({total_fast / len(jobs) / 1024:.1f} Kio par document)")

    env = make_environment()
    start = time.perf_counter()
    for artefact, ctx in jobs:
        tpl = DocxTemplate(str(modeles[artefact.modele].chemin))
        tpl.render(ctx, jinja_env=env)
        buffer = io.BytesIO()
        tpl.save(buffer)
    naive = time.perf_counter() - start
    print(f"boucle docxtpl naïve (un DocxTemplate par document) : {naive:7.2f} s  {len(jobs) / naive:8.1f} documents/s")
    print(f"rapport : {naive / fast:.1f} fois plus rapide")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
