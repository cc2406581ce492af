"""The floor of `generate` for the benchmark: the least any implementation must do, same documents.

    python benchmarks/floor.py CASE.yaml OUT_DIR [WORKERS]

Loads and computes the case exactly like `generate`, then, in WORKERS forked processes, renders
every artefact `generate` renders with the compiled templates, from the same facts (those as of
the date, cspdocs/render/dated.py: the same documents, re-dated where the plan slipped, R-76),
passes one regular expression over the XML of each rendered part (the cheapest conceivable text
check) and writes the DOCX files. No mention matching, no manifest, no HR files, no atomic switch:
what remains of `generate` once its own work is removed.
"""

from __future__ import annotations

import multiprocessing
import re
import sys
from pathlib import Path

from datetime import date

from cspdocs.casework import load_case
from cspdocs.generate import employee_contexts
from cspdocs.render import dated
from cspdocs.render.artefacts import document_date
from cspdocs.render.modeles import load_templates

_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)")
_STATE: dict = {}


def _work(indices: list[int]) -> int:
    resultat, modeles, out = _STATE["resultat"], _STATE["modeles"], _STATE["out"]
    found = 0
    for i in indices:
        rs = resultat.employees[i]
        folder = out / rs.employee.matricule
        folder.mkdir()
        for artefact, ctx in employee_contexts(resultat, rs, dated.view(resultat, rs)):
            if artefact.omission(ctx):
                continue
            rendu = modeles[artefact.modele].modele.rendre_detail(ctx, document_date(artefact, ctx))
            for _, _, xml in rendu.parties:
                if isinstance(xml, str):
                    found += len(_TEXT.findall(xml))
            (folder / artefact.fichier).write_bytes(rendu.contenu)
    return found


def main(case: str, out: str, workers: int) -> None:
    _, resultat = load_case(case, au=date.today())  # as generate: the documents as of today
    _STATE.update(resultat=resultat, modeles=load_templates(), out=Path(out))
    Path(out).mkdir(parents=True, exist_ok=True)
    n = len(resultat.employees)
    chunks = [list(range(i, min(i + 16, n))) for i in range(0, n, 16)]
    if workers <= 1:
        total = sum(_work(c) for c in chunks)
    else:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            total = sum(pool.imap(_work, chunks))
    print(total)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2)
