"""Benchmark: ``cspdocs lint`` on the default templates, full scenario matrix.

Usage: python benchmarks/bench_lint.py [TEMPLATES_DIR] [RUNS]   (default templates/, 3 runs)

Each run is a fresh process-level lint (scenario computation cached after the first run, as in
one CLI call it is computed once). Prints the number of scenarios, renderings and mention checks,
and the time of the first (cold) run and the best warm run; the aim is under 10 s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else ROOT / "templates"
    runs = int(argv[2]) if len(argv) > 2 else 3
    start = time.perf_counter()
    from cspdocs.mentions.lint import lint  # imports count in the cold time, as in the CLI

    times = []
    rapport = None
    for _ in range(runs):
        t0 = time.perf_counter()
        rapport = lint(directory)
        times.append(time.perf_counter() - t0)
    cold = times[0] + (time.perf_counter() - start - sum(times)) if times else 0.0
    rendered = sum(1 for c in rapport.cas if not c.sans_objet and not c.erreur)
    checks = sum(len(c.resultats) for c in rapport.cas + rapport.controles)
    print(f"modèles : {len(rapport.modeles)} ; scénarios : {len(rapport.scenarios)} ; rendus : {rendered} ; "
          f"sans objet : {sum(1 for c in rapport.cas if c.sans_objet)} ; mentions et contrôles vérifiés : {checks}")
    print(f"lint complet, premier passage (imports et calcul des scénarios compris) : {cold:.2f} s")
    if len(times) > 1:
        print(f"lint complet, meilleur passage suivant : {min(times[1:]):.2f} s")
    print("résultat :", "conforme" if rapport.ok else "NON conforme")
    return 0 if rapport.ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
