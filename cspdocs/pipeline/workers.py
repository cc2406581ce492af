"""Render, check and write employees in worker processes, in the batch's order.

Each job is a chunk of employees: a worker renders each employee's artefacts, checks their
mentions on the XML the renderer holds (no ZIP re-read), writes the files into the temporary
folder and returns only small records (manifest entry, mention report line, failures). The
parent consumes the chunks in order, so the output is the same bytes whatever the
number of workers. Workers are forked after the templates are compiled and the case computed
(``fork``: they inherit them); where ``fork`` is unavailable, or for small batches, the same
code runs in the parent process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from ..engine.facts import CaseResult, EmployeeResult
from ..generate import BatchEmployee, render_employee
from ..mentions.model import Catalogue
from ..mentions.pipeline import check_employee
from ..mentions.report import CheckedDocument, MentionReport
from ..publish import write_employee
from ..render import dated
from ..render.modeles import LoadedTemplate
from ..rh.lignes import HrRowMaker, HrRowSpool

#: Below this many employees, forking workers costs more than it saves.
MIN_PARALLEL = 40
CHUNK = 16


@dataclass
class Context:
    """What every job needs, set once in the parent before the workers fork."""

    resultat: CaseResult
    salaries: Sequence[EmployeeResult]  # the selected employees, in order
    modeles: dict[str, LoadedTemplate]
    catalogue: Catalogue
    root: Path  # the temporary folder
    fingerprint: str
    keep_full: bool  # keep every result in memory (the PDF stage compares them), not only failures
    hr: Optional[HrRowMaker] = None  # each employee's part of the HR files, made with its documents


@dataclass
class Done:
    """One employee, rendered, checked and written."""

    summary: BatchEmployee  # without the document bytes
    entry: dict[str, Any]
    files: list[str]  # the paths written (texts: cheaper to pass and to keep than Paths)
    report_line: str  # this employee's line of mentions.json
    rapport: MentionReport  # failures only (or everything with ``keep_full``)
    documents: int
    applicable: int
    hr: Optional[bytes] = None  # its part of synthese.xlsx/.csv and echeancier.ics, packed (rh/lignes.py)


@dataclass
class Failed:
    """A job raised in a worker: the parent runs it again in-process to raise the real exception."""

    job: tuple[tuple[int, str], ...]
    reason: str = field(default="")


_CONTEXT: Optional[Context] = None


def _failing_only(rapport: MentionReport) -> MentionReport:
    kept = MentionReport(rapport.dossier, erreurs=list(rapport.erreurs))
    for d in rapport.documents:
        failures = [r for r in d.resultats if r.echec]
        if failures or not d.applicable:
            kept.documents.append(CheckedDocument(d.employe, d.nom, d.artefact, d.fichier, failures, d.applicable))
    kept.controles = [r for r in rapport.controles if r.echec]
    if kept.documents or kept.controles or kept.erreurs:
        kept.noms = dict(rapport.noms)
    return kept


def _defects(results) -> list[list[str]]:
    return [[r.mention, r.statut] for r in results if r.echec]


def one_employee(ctx: Context, index: int, folder: str) -> Done:
    rs = ctx.salaries[index]
    textes: list = []
    s = render_employee(ctx.resultat, rs, ctx.modeles, textes)
    # issue 10: each document checked against the facts of its own date (the view render_employee used)
    rapport = dated.check(ctx.resultat, rs, dated.view(ctx.resultat, rs), textes, ctx.catalogue)
    entry, files = write_employee(ctx.root, folder, s, ctx.fingerprint)
    dated.annotate(entry, s)  # issue 10: each document's date, whether delivered; the facts' digest
    by_key = {d.artefact: d for d in rapport.documents}
    for artefact in entry["artefacts"]:
        checked = by_key.get(artefact["cle"])
        if checked is not None:
            artefact["mentions_en_defaut"] = _defects(checked.resultats)
    entry["controles_en_defaut"] = _defects(rapport.controles)
    line = rapport.json_line(rs.employee.matricule)
    return Done(replace(s, documents=()), entry, [str(p) for p in files], line,
                rapport if ctx.keep_full else _failing_only(rapport),
                len(rapport.documents), sum(1 for d in rapport.documents if d.applicable), _hr_row(ctx, rs))


def _hr_row(ctx: Context, rs: EmployeeResult) -> Optional[bytes]:
    """The employee's part of the HR files (``HrRowSpool.pack``), from the facts as of the date its
    documents were rendered from when the HR files are as of that same date (no second computation)."""
    if ctx.hr is None:
        return None
    v = dated.view(ctx.resultat, rs)
    return HrRowSpool.pack(ctx.hr.row(rs, vue=v if v is not None and ctx.resultat.as_of == ctx.hr.au else None))


def run_job(job: tuple[tuple[int, str], ...], again: bool = False) -> list[Done]:
    """The employees of one job; ``again``: after a worker failed, remove what it half wrote."""
    assert _CONTEXT is not None
    if again:
        for _, folder in job:
            shutil.rmtree(_CONTEXT.root / folder, ignore_errors=True)
    return [one_employee(_CONTEXT, index, folder) for index, folder in job]


def _worker_job(job: tuple[tuple[int, str], ...]):
    try:
        return run_job(job)
    except BaseException as exc:  # re-raised by the parent, which runs the job again
        return Failed(job, type(exc).__name__)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def process(ctx: Context, jobs: list[tuple[tuple[int, str], ...]], workers: Optional[int] = None) -> Iterator[Done]:
    """Every employee of ``jobs``, in order; workers only when they pay off."""
    global _CONTEXT
    _CONTEXT = ctx
    n = sum(len(job) for job in jobs)
    workers = default_workers() if workers is None else workers
    # Objects already allocated (the computed case, the compiled templates) stay out of the cyclic
    # garbage collector's reach while the documents are made: its collections do not traverse them
    # again and again, nor, in the workers, copy the pages they sit on (fork shares them copy-on-write).
    gc.freeze()
    try:
        if workers <= 1 or n < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
            for job in jobs:
                yield from run_job(job)
            return
        done = 0
        try:
            with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=multiprocessing.get_context("fork")) as pool:
                for result in pool.map(_worker_job, jobs):
                    if isinstance(result, Failed):
                        yield from run_job(result.job, again=True)  # raises the real exception here
                        raise RuntimeError(f"un processus de rendu a échoué ({result.reason})")
                    done += 1
                    yield from result
        except BrokenProcessPool:  # a worker was killed (out of memory...): finish here, in order
            for job in jobs[done:]:
                yield from run_job(job, again=True)
    finally:
        gc.unfreeze()
        _CONTEXT = None


def chunks(items: list[tuple[int, str]], size: int = CHUNK) -> list[tuple[tuple[int, str], ...]]:
    return [tuple(items[i:i + size]) for i in range(0, len(items), size)]
