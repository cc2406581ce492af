"""Benchmark of `cspdocs generate` (issue 12): figures, floors and ratios, in one run.

    .venv/bin/python benchmarks/bench_generate.py [--n 1000] [--big 5000] [--pdf 25] [--rounds 4] [--pdf-rounds 5] [--serial]

Every figure is measured in a separate process (wall time, and CPU time of the process and its
children, LibreOffice included, from ``wait4``) on case files generated from cases/pse.yaml
(benchmarks/cases.py). This process stays small (the case files and the naive loop are made in
processes of their own): a child's peak memory, as ``wait4`` reports it, starts at its parent's. ``generate`` and its floor run back to back
in each of ``--rounds`` passes (in alternate order): the ratio to the floor is taken pass by pass,
under the same load, and the median of the passes is the figure (with their range); the absolute
figures are the best of the passes. The machine may be shared, so wall time varies; CPU time is the
steadier figure.

- ``cspdocs --version``;
- ``generate`` on N employees (4 artefacts each, mention check, manifest, HR files) against the
  floor (benchmarks/floor.py: same loading, bare rendering, one regular expression over the
  rendered XML, files written; same number of processes), and with ``--serial`` both on one core
  too; and a naive docxtpl loop (a new ``DocxTemplate`` per document, on a sample of documents);
- ``generate`` on BIG employees: wall time and peak resident memory (largest process), and the
  memory of loading and computing the case alone at N and BIG: what the documents, their check
  and their publication add beyond it must not grow with the employees (streaming);
- ``generate --pdf`` on a few employees: the PDF stage (``--pdf`` run minus DOCX-only run)
  against bare parallel ``soffice --convert-to pdf`` batches on the same DOCX files;
- ``lint`` on the default templates;
- the engine on 5,000 employees (bench_compute.py, in its own process: CPU time);
- a summary: each target of issue 12, its figure, met or not.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))


PY = sys.executable
CLI = [PY, "-c", "import sys; from cspdocs.cli import main; sys.argv[0] = 'cspdocs'; main()"]
LOAD = [PY, "-c", "import sys; from datetime import date; from cspdocs.casework import load_case; "
        "load_case(sys.argv[1], au=date.today())"]


def measure(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """(wall s, CPU s of the process and its descendants, peak RSS in MiB of the largest one)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"échec de {' '.join(cmd[-6:])} :\n{proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def best(results: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    return min(r[0] for r in results), min(r[1] for r in results), max(r[2] for r in results)


def ratios(ours: list[tuple], floor: list[tuple], index: int) -> list[float]:
    """Pass by pass, ours / floor of the figure at ``index`` (0 wall, 1 CPU)."""
    return [a[index] / b[index] for a, b in zip(ours, floor)]


def median(values: list[float]) -> float:
    return statistics.median(values)


def spread(values: list[float]) -> str:
    """« ×1,42 (×1,38 à ×1,47) »: the median and the range of the passes."""
    text = f"×{median(values):.2f}"
    if len(values) > 1:
        text += f" (×{min(values):.2f} à ×{max(values):.2f})"
    return text.replace(".", ",")


def fmt(x: float) -> str:
    return f"{x:6.2f}".replace(".", ",")


def write_case(folder: Path, n: int) -> Path:
    """benchmarks/cases.py in a process of its own (see the module docstring)."""
    out = subprocess.run([PY, str(ROOT / "benchmarks" / "cases.py"), str(n), str(folder)],
                         capture_output=True, text=True, check=True).stdout
    return Path(out.strip().splitlines()[-1])


def naive(case: Path, sample: int) -> float:
    """``naive_docs_per_second`` in a process of its own (see the module docstring)."""
    out = subprocess.run([PY, str(Path(__file__).resolve()), "--naive", str(case), str(sample)],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip().splitlines()[-1])


def naive_docs_per_second(case: Path, sample: int) -> float:
    from docxtpl import DocxTemplate

    from cspdocs.pipeline import load_case
    from cspdocs.render.artefacts import ARTEFACTS
    from cspdocs.render.context import build_context
    from cspdocs.render.environment import make_environment
    from cspdocs.render.modeles import load_templates

    _, resultat = load_case(case)
    modeles, env = load_templates(), make_environment()
    jobs = []
    for rs in resultat.employees:
        ctx = build_context(resultat, rs)
        jobs += [(a, ctx) for a in ARTEFACTS if a.omission(ctx) is None]
        if len(jobs) >= sample:
            break
    start = time.process_time()
    for artefact, ctx in jobs[:sample]:
        tpl = DocxTemplate(str(modeles[artefact.modele].chemin))
        tpl.render(ctx, jinja_env=env)
        tpl.save(io.BytesIO())
    return sample / (time.process_time() - start)


def count_docs(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.docx"))


def main() -> None:
    if sys.argv[1:2] == ["--naive"]:  # the naive loop, run by ``naive``
        print(naive_docs_per_second(Path(sys.argv[2]), int(sys.argv[3])))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--big", type=int, default=5000)
    parser.add_argument("--pdf", type=int, default=25, help="employees for the PDF stage (0: skip)")
    parser.add_argument("--rounds", type=int, default=4, help="passes of generate and its floor")
    parser.add_argument("--pdf-rounds", type=int, default=5, help="passes of the PDF stage (median of their ratios)")
    parser.add_argument("--naive-sample", type=int, default=24)
    parser.add_argument("--serial", action="store_true", help="also measure on one core (longer)")
    parser.add_argument("--engine", type=int, default=5000, help="employees for the engine (0: skip)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cspdocs-bench-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def verdict(ok: bool) -> str:
    return "atteint" if ok else "NON atteint"


def run(args, work: Path) -> None:
    cores = len(os.sched_getaffinity(0))
    print(f"Banc d'essai de generate ({cores} cœurs ; machine éventuellement partagée : rapports pris passage "
          f"par passage, médiane de {args.rounds} passages ; CPU = processus et enfants).\n")
    summary: list[tuple[str, str, bool]] = []
    case = write_case(work / "cas", args.n)

    version = best([measure(CLI + ["--version"]) for _ in range(5)])
    print(f"cspdocs --version : {fmt(version[0])} s (objectif ≤ 0,3 s)")
    summary.append(("cspdocs --version ≤ 0,3 s", f"{fmt(version[0]).strip()} s", version[0] <= 0.3))

    floor = [PY, str(ROOT / "benchmarks" / "floor.py")]
    pairs = {
        "": (lambda i: CLI + ["generate", str(case), "-o", str(work / f"g{i}")],
             lambda i: floor + [str(case), str(work / f"f{i}"), str(cores)]),
    }
    if args.serial:  # the same on one core (longer: off by default)
        serial = [PY, "-c", "import sys; from cspdocs.pipeline import generate; "
                  "generate(sys.argv[1], sys.argv[2], workers=1)"]
        pairs[", 1 processus"] = (lambda i: serial + [str(case), str(work / f"s{i}")],
                                  lambda i: floor + [str(case), str(work / f"f1{i}"), "1"])
    results: dict[str, list] = {}
    docs = 0
    for i in range(args.rounds):
        for label, (ours, bare) in pairs.items():
            # generate and its floor back to back, in alternate order: a pass's ratio compares two
            # runs made under the same load; the median over the passes is the figure
            order = (("generate", ours), ("plancher", bare)) if i % 2 == 0 else (("plancher", bare), ("generate", ours))
            for name, cmd in order:
                results.setdefault(name + label, []).append(measure(cmd(i)))
                if not docs and name == "generate":
                    docs = count_docs(work / f"g{i}")
                for leftover in work.glob(f"[gsf]*{i}"):
                    shutil.rmtree(leftover, ignore_errors=True)
    figures = {k: best(v) for k, v in results.items()}
    print(f"\ngenerate, {args.n} salariés ({docs} documents, contrôle des mentions, manifeste, fichiers RH ; "
          f"meilleur de {args.rounds} passages) :")
    for name, (wall, cpu, rss) in figures.items():
        print(f"  {name:24s} {fmt(wall)} s mur  {fmt(cpu)} s CPU  {rss:5d} Mio")
    g = figures["generate"]
    walls = ratios(results["generate"], results["plancher"], 0)
    cpus = ratios(results["generate"], results["plancher"], 1)
    print(f"  rapport au plancher, passage par passage : mur {spread(walls)}, CPU {spread(cpus)} ; "
          f"objectif ≤ ×1,5 et ≤ 10 s mur")
    summary.append((f"generate {args.n} ≤ 10 s mur", f"{fmt(g[0]).strip()} s", g[0] <= 10))
    summary.append((f"generate {args.n} ≤ ×1,5 le plancher (CPU)", f"×{median(cpus):.2f}".replace(".", ","),
                    median(cpus) <= 1.5))
    summary.append((f"generate {args.n} ≤ ×1,5 le plancher (mur)", f"×{median(walls):.2f}".replace(".", ","),
                    median(walls) <= 1.5))
    if args.serial:
        print(f"  sur 1 cœur : CPU {spread(ratios(results['generate, 1 processus'], results['plancher, 1 processus'], 1))}")
    naive_rate = naive(case, args.naive_sample)
    ours = docs / g[1]
    print(f"  boucle docxtpl naïve ({args.naive_sample} documents, rendu seul) : {naive_rate:.1f} documents par "
          f"seconde de CPU ; generate complet : {ours:.0f}, ×{ours / naive_rate:.1f} (objectif ≥ ×10)".replace(".", ","))
    summary.append(("generate ≥ ×10 la boucle docxtpl naïve", f"×{ours / naive_rate:.1f}".replace(".", ","),
                    ours / naive_rate >= 10))

    if args.big:
        big = write_case(work / "cas", args.big)
        wall, cpu, rss = measure(CLI + ["generate", str(big), "-o", str(work / "big")])
        shutil.rmtree(work / "big", ignore_errors=True)
        print(f"\ngenerate, {args.big} salariés : {fmt(wall)} s mur, {fmt(cpu)} s CPU, mémoire "
              f"résidente maximale {rss} Mio (plus gros processus ; {g[2]} Mio pour {args.n}) ; "
              f"objectifs ≤ 50 s et ≤ 400 Mio")
        # streaming: beyond the case loaded and computed, the memory must not grow with the employees
        loaded = {n: measure(LOAD + [str(path)])[2] for n, path in ((args.n, case), (args.big, big))}
        extra_n, extra_big = g[2] - loaded[args.n], rss - loaded[args.big]
        per_employee = (extra_big - extra_n) * 1024 / (args.big - args.n)
        print(f"  dont le dossier chargé et calculé seul : {loaded[args.big]} Mio ({loaded[args.n]} pour {args.n}) ; "
              f"au-delà, documents, contrôle et publication : {extra_big} Mio pour {args.big} salariés, "
              f"{extra_n} Mio pour {args.n}, soit {per_employee:.1f} Kio par salarié de plus (plat : ≤ 10 Kio, "
              f"rien n'est gardé des documents, environ 15 Kio chacun)".replace(".", ","))
        flat = per_employee <= 10
        summary.append((f"generate {args.big} ≤ 50 s mur", f"{fmt(wall).strip()} s", wall <= 50))
        summary.append((f"generate {args.big} ≤ 400 Mio", f"{rss} Mio ({g[2]} pour {args.n})", rss <= 400))
        summary.append(("mémoire au-delà du dossier : plate", f"{per_employee:.1f} Kio/salarié".replace(".", ","), flat))

    if args.pdf:
        summary += bench_pdf(args, work)

    lint = best([measure(CLI + ["lint", str(ROOT / "templates")]) for _ in range(2)])
    print(f"\nlint des modèles par défaut : {fmt(lint[0])} s mur, {fmt(lint[1])} s CPU (objectif ≤ 2 s)")
    summary.append(("lint des modèles par défaut ≤ 2 s", f"{fmt(lint[0]).strip()} s", lint[0] <= 2))

    if args.engine:
        out = subprocess.run([PY, str(ROOT / "benchmarks" / "bench_compute.py"), str(args.engine), "3", "--json"],
                             capture_output=True, text=True, check=True).stdout
        engine = json.loads(out.strip().splitlines()[-1])
        print(f"\nmoteur, {args.engine} salariés : {fmt(engine['moteur'])} s CPU (validation {fmt(engine['validation'])} s, "
              f"meilleur de 3) ; objectif < 2 s pour 5 000")
        target = 2 * args.engine / 5000  # 2 s for 5,000 employees
        summary.append((f"moteur {args.engine} < {fmt(target).strip()} s CPU", f"{fmt(engine['moteur']).strip()} s",
                        engine["moteur"] < target))

    print("\nBilan des objectifs (issue 12) :")
    for label, value, ok in summary:
        print(f"  {label:46s} {value:>22s}  {verdict(ok)}")


def bench_pdf(args, work: Path) -> list[tuple[str, str, bool]]:
    from bench_pdf import run_bare

    from cspdocs.pdf.convert import plan_batches
    from cspdocs.pdf.profile import mark_version_seen, product_version
    from cspdocs.pdf.soffice import find_soffice

    soffice = find_soffice()
    cores = len(os.sched_getaffinity(0))
    case = write_case(work / "cas-pdf", args.pdf)
    measure(CLI + ["generate", str(case), "-o", str(work / "pdf-docx")])
    docs = sorted((work / "pdf-docx").rglob("*.docx"))
    groups = [[docs[i] for i in r] for r in plan_batches(len(docs), cores, max_batch=len(docs))]
    run_bare(soffice, groups, work / "bare")  # warm profiles and page cache
    # For information, the same batches with profiles marked as cspdocs marks its own (pdf/profile.py:
    # no graphics self-test of LibreOffice at each start): what the stage costs beyond LibreOffice itself.
    run_bare(soffice, groups, work / "marque")
    for i in range(len(groups)):
        mark_version_seen(work / "marque" / f"profile{i}", product_version(soffice))

    def bare(folder: str):
        start, before = time.perf_counter(), os.times()
        run_bare(soffice, groups, work / folder)
        after = os.times()
        return (time.perf_counter() - start,
                (after.children_user - before.children_user) + (after.children_system - before.children_system), 0)

    rows: dict[str, list] = {"docx": [], "pdf": [], "bare": [], "marque": []}
    for i in range(args.pdf_rounds):
        rows["docx"].append(measure(CLI + ["generate", str(case), "-o", str(work / f"pd{i}")]))
        rows["pdf"].append(measure(CLI + ["generate", str(case), "-o", str(work / f"pp{i}"), "--pdf"]))
        rows["bare"].append(bare("bare"))
        rows["marque"].append(bare("marque"))

    def stage_ratios(reference: str, index: int) -> list[float]:
        """The stage of each pass (its --pdf run minus its DOCX-only run) against that pass's batches."""
        return [(p[index] - d[index]) / b[index] for d, p, b in zip(rows["docx"], rows["pdf"], rows[reference])]

    walls, cpus = stage_ratios("bare", 0), stage_ratios("bare", 1)
    d, p, b, m = best(rows["docx"]), best(rows["pdf"]), best(rows["bare"]), best(rows["marque"])
    print(f"\ngenerate --pdf, {args.pdf} salariés ({len(docs)} documents) : {fmt(p[0])} s mur, "
          f"{fmt(p[1])} s CPU ; étape PDF (conversion, contrôle, dossiers) : {fmt(p[0] - d[0])} s mur, "
          f"{fmt(p[1] - d[1])} s CPU (meilleurs de {args.pdf_rounds} passages)")
    print(f"  lots soffice bruts parallèles ({len(groups)}) : {fmt(b[0])} s mur, {fmt(b[1])} s CPU ; "
          f"rapport passage par passage : mur {spread(walls)}, CPU {spread(cpus)} (objectif ≤ ×1,2)")
    print(f"  pour information, les mêmes lots aux profils marqués comme ceux de cspdocs (sans l'autotest "
          f"graphique de LibreOffice à chaque démarrage) : {fmt(m[0])} s mur, {fmt(m[1])} s CPU ; étape PDF "
          f"contre eux : mur {spread(stage_ratios('marque', 0))}, CPU {spread(stage_ratios('marque', 1))} "
          f"(le travail propre de cspdocs au-delà de LibreOffice)")
    return [("étape PDF ≤ ×1,2 soffice nu (mur)", f"×{median(walls):.2f}".replace(".", ","), median(walls) <= 1.2),
            ("étape PDF ≤ ×1,2 soffice nu (CPU)", f"×{median(cpus):.2f}".replace(".", ","), median(cpus) <= 1.2)]


if __name__ == "__main__":
    main()
