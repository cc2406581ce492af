"""Benchmark of the PDF stage against bare LibreOffice calls, on the same files, in one run.

    .venv/bin/python benchmarks/bench_pdf.py [--n 40] [--skip-sequential] [--repeat 3]

(a) bare sequential: one `soffice --convert-to pdf` call per document
(b) bare batch: one call with every document
(c) bare parallel batches: W calls at once, separate profiles (best W reported)
(d) cspdocs pipeline: conversion + normalisation + hashing + text extraction
(e) for reference, the pipeline's work without overlap: convert, then extract

Targets (issue 5): (d) >= 10x (a) in documents per second, and (d) within 1.2x of (c).
Timings are the best of --repeat runs (the machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdf_support import make_letter  # noqa: E402

from cspdocs.pdf.convert import convert_to_pdf, plan_batches  # noqa: E402
from cspdocs.pdf.normalize import normalize_pdf  # noqa: E402
from cspdocs.pdf.pipeline import build_pdfs  # noqa: E402
from cspdocs.pdf.soffice import find_soffice  # noqa: E402
from cspdocs.pdf.text import extract_pdf_text  # noqa: E402

MOMENT = datetime(2026, 4, 27, 9, 0, tzinfo=timezone.utc)
NAMES = ("Élodie Lefèvre", "Jérôme Bénard", "Françoise Noël", "Zoé Châtelain", "Loïc Guérin")


def bare_call(soffice: str, docs: list[Path], out: Path, profile: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, docs)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def run_bare(soffice: str, groups: list[list[Path]], work: Path) -> float:
    """Run one soffice call per group, all at once; return elapsed seconds."""
    shutil.rmtree(work, ignore_errors=True)
    start = time.perf_counter()
    calls = [bare_call(soffice, g, work / "out", work / f"profile{i}") for i, g in enumerate(groups)]
    for call in calls:
        if call.wait() != 0:
            raise SystemExit("soffice failed")
    return time.perf_counter() - start


def best(runs: int, measure) -> float:
    return min(measure() for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="number of documents (40)")
    parser.add_argument("--skip-sequential", action="store_true", help="skip (a), the slow one")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs for (b)-(e)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    soffice = find_soffice()
    tmp = Path(tempfile.mkdtemp(prefix="cspdocs-bench-pdf-"))
    try:
        docs = [
            make_letter(tmp / "docx" / f"salarie{i:03d}" / "proposition_csp.docx",
                        name=NAMES[i % len(NAMES)] + f" {i}")
            for i in range(args.n)
        ]
        run_bare(soffice, [docs[:1]], tmp / "warmup")  # page cache, first profile
        n, rates = len(docs), {}

        def report(key: str, label: str, seconds: float) -> None:
            rates[key] = n / seconds
            print(f"({key}) {label:<48} {seconds:7.2f} s  {n / seconds:6.1f} doc/s", flush=True)

        print(f"{n} documents (2 pages each), {os.cpu_count()} cores, best of {args.repeat}")
        if not args.skip_sequential:
            work = tmp / "seq"
            start = time.perf_counter()
            for doc in docs:
                run_bare(soffice, [[doc]], work)
            report("a", "bare sequential, one call per document", time.perf_counter() - start)
        report("b", "bare batch, one call", best(args.repeat, lambda: run_bare(soffice, [docs], tmp / "b")))
        best_c, best_w = float("inf"), 0
        for workers in sorted({2, args.workers}):
            groups = [[docs[i] for i in r] for r in plan_batches(n, workers, max_batch=n)]
            seconds = best(args.repeat, lambda: run_bare(soffice, groups, tmp / "c"))
            print(f"    bare parallel batches, {workers} workers: {seconds:.2f} s")
            if seconds < best_c:
                best_c, best_w = seconds, workers
        report("c", f"best bare parallel batches ({best_w} workers)", best_c)

        pdfs: list[Path] = []

        def pipeline() -> float:
            start = time.perf_counter()
            results = build_pdfs(docs, moment=MOMENT, out_dir=None, workers=args.workers)
            elapsed = time.perf_counter() - start
            assert all(r.text for r in results.values())
            pdfs[:] = [r.pdf for r in results.values()]
            return elapsed

        report("d", "cspdocs pipeline (convert+normalise+extract)", best(args.repeat, pipeline))

        def no_overlap() -> float:
            start = time.perf_counter()
            for pdf in convert_to_pdf(docs, None, workers=args.workers).values():
                data = normalize_pdf(pdf, MOMENT)
                extract_pdf_text(data)
            return time.perf_counter() - start

        report("e", "convert, then normalise+extract (no overlap)", best(args.repeat, no_overlap))
        for engine, label in (("auto", "fast path"), ("pypdf", "pypdf extract_text")):
            start = time.perf_counter()
            for pdf in pdfs:
                extract_pdf_text(pdf, engine=engine)
            per_doc = (time.perf_counter() - start) / len(pdfs) * 1000
            print(f"    text extraction alone, {label:<20} {per_doc:6.1f} ms/document")
        print()
        if "a" in rates:
            print(f"pipeline / sequential : {rates['d'] / rates['a']:5.1f}x  (target >= 10x)")
        print(f"pipeline / one batch  : {rates['d'] / rates['b']:5.2f}x")
        print(f"parallel / pipeline   : {rates['c'] / rates['d']:5.2f}x slower  (target <= 1.2x)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
