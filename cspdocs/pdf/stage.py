"""The PDF stage of ``cspdocs generate --pdf``: PDFs beside the DOCX files, the mention check
on the PDF text, one ``dossier.pdf`` per employee and, on request, one PDF for the whole case.

It runs as publish's post-write hook, on the temporary folder::

    etape = PdfStage(resultat, rapport_docx, soffice=find_soffice())   # before rendering: fails at once
    publish(lot, sortie, post_ecriture=etape, mentions=rapport_docx.to_json())

so that any failure (LibreOffice killed or timed out, a mandatory mention lost in a PDF, a dossier
that cannot be assembled) publishes nothing and leaves the previous output untouched. Each
employee's PDFs are checked and assembled as soon as the last of them is final, while LibreOffice
converts the next employees' documents. Dates, names and the handover order of the dossiers:
handover.py; the mention check: mention_check.py; the case-wide dossier: case_dossier.py.

Manifest (written by publish): each artefact entry gains ``pdf`` = {chemin, sha256, pages};
each employee entry gains ``dossier_pdf`` = {chemin, sha256, pages, contenu: [{cle, titre,
page}]} (``page``: first page, from 1); ``complements.pdf`` records the moment, LibreOffice's
producer string, the handover order, the mention check of the PDF text (``compact_report``: the
status of every mention of every PDF, and every mention whose status differs from the DOCX check
in ``ecarts_docx_pdf``) and the case-wide dossier, if any.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

from ..engine.facts import CaseResult
from ..mentions.report import MentionReport
from ..publish import Writer
from .case_dossier import carried_sections, sha256_file, write_case_dossier
from .dossier import DossierPart, DossierSection, build_dossier
from .errors import PdfError
from .handover import (
    BY_KEY,
    DOSSIER_GLOBAL_PDF,
    DOSSIER_PDF,
    HANDOVER_RANK,
    bookmark_title,
    case_moment,
    employer_name,
    handover_order,
    section_title,
)
from .info import read_producer
from .mention_check import MentionsPdfNonConformes, check_pdf_texts, compact_report, ecarts_docx_pdf
from .pipeline import PdfResult, build_pdfs

#: One document to convert: (matricule, artefact key, its manifest entry, its DOCX).
Job = tuple[str, str, dict[str, Any], Path]


@dataclass
class PdfStatistics:
    """Figures of the last run, for the command's summary line."""

    documents: int = 0
    dossiers: int = 0
    secondes: float = 0.0  # the whole stage: conversion, check, dossiers

    @property
    def documents_par_seconde(self) -> float:
        return self.documents / self.secondes if self.secondes else 0.0


@dataclass
class PdfStage:
    """publish's post-write hook producing the PDFs (see the module docstring).

    ``rapport_docx`` is the mention check of the DOCX files (to report what the PDF lost);
    ``soffice`` the LibreOffice executable (``find_soffice()``, called by the command before
    rendering so that a missing LibreOffice fails at once); ``timeout`` per conversion batch.
    """

    resultat: CaseResult
    rapport_docx: MentionReport
    soffice: str | os.PathLike[str] | None = None
    dossier_global: bool = False
    workers: Optional[int] = None
    timeout: Optional[float] = None
    moment: datetime = field(init=False)
    rapport: Optional[MentionReport] = field(default=None, init=False)
    chemin_dossier_global: Optional[Path] = field(default=None, init=False)  # relative
    stats: PdfStatistics = field(default_factory=PdfStatistics, init=False)

    def __post_init__(self) -> None:
        self.moment = case_moment(self.resultat)

    def __call__(self, ecriture: Writer) -> dict[str, Any]:
        start = time.perf_counter()
        root = ecriture.dossier
        # A case-wide dossier needs the carried-over employees' PDFs: check before converting.
        carried = carried_sections(self.resultat, root, ecriture.conserves) if self.dossier_global else {}
        jobs = [(s.matricule, a["cle"], a, root / a["chemin"])
                for s in ecriture.lot.salaries for a in ecriture.salaries[s.matricule]["artefacts"]]
        names = {s.matricule: f"{s.prenom} {s.nom}" for s in ecriture.lot.salaries}
        outcomes, results = self._convert(root, jobs, {m: (ecriture.salaries[m], n) for m, n in names.items()})
        self.rapport = MentionReport(self.resultat.name)
        for checked, _, _ in outcomes.values():
            self.rapport.merge(checked)
        ecarts = ecarts_docx_pdf(self.rapport_docx, self.rapport)
        if self.rapport.blocking:
            raise MentionsPdfNonConformes(self.rapport, ecarts)
        sections = dict(carried)
        for matricule, (_, parts, error) in outcomes.items():
            if error is not None:
                raise error
            sections[matricule] = DossierSection(section_title(matricule, names[matricule]), parts)
        global_entry = None
        if self.dossier_global:
            global_entry = write_case_dossier(self.resultat, root, sections, self.moment)
            self.chemin_dossier_global = Path(DOSSIER_GLOBAL_PDF)
        self.stats = PdfStatistics(len(jobs), len(names), time.perf_counter() - start)
        first = next(iter(results.values()), None)
        return {
            "pdf": {
                "moment": self.moment.isoformat(),
                "producteur": read_producer(first.pdf) if first else None,
                "ordre_remise": ("date du document, puis le même jour : "
                                 + ", ".join(sorted(HANDOVER_RANK, key=HANDOVER_RANK.get))),
                "mentions": compact_report(self.rapport, ecarts),
                "dossier_global": global_entry,
            }
        }

    def _convert(self, root: Path, jobs: list[Job], entries: dict[str, tuple[dict[str, Any], str]]):
        """Convert every job; each employee's check and dossier run in a worker thread as soon as
        their last PDF is final. Returns ({matricule: _employee's outcome}, {docx: PdfResult})."""
        by_docx = {job[3]: job for job in jobs}
        pending: dict[str, int] = {}
        for job in jobs:
            pending[job[0]] = pending.get(job[0], 0) + 1
        finished: dict[Path, PdfResult] = {}
        lock = threading.Lock()
        assembler = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cspdocs-dossier")
        work: dict[str, Future] = {}

        def on_result(result: PdfResult) -> None:
            matricule = by_docx[result.docx][0]
            with lock:
                finished[result.docx] = result
                pending[matricule] -= 1
                if pending[matricule] == 0:
                    mine = [job for job in jobs if job[0] == matricule]
                    work[matricule] = assembler.submit(self._employee, root, matricule, *entries[matricule],
                                                       mine, {job[3]: finished[job[3]] for job in mine})

        try:
            build_pdfs([job[3] for job in jobs], moment=self.moment, workers=self.workers,
                       timeout=self.timeout, soffice=self.soffice, on_result=on_result)
            for matricule, (entry, name) in entries.items():
                if matricule not in work:  # no document at all: nothing was converted
                    work[matricule] = assembler.submit(self._employee, root, matricule, entry, name, [], {})
            outcomes = {m: work[m].result() for m in entries}
        finally:
            assembler.shutdown(wait=True, cancel_futures=True)
        return outcomes, {job[3]: finished[job[3]] for job in jobs}  # in document order

    def _employee(self, root: Path, matricule: str, entry: dict[str, Any], name: str, jobs: list[Job],
                  results: dict[Path, PdfResult]) -> tuple[MentionReport, list[DossierPart], Optional[Exception]]:
        """One employee, once its PDFs are final: the mention check on their text (extracted
        once, during the conversion), their manifest entries, and dossier.pdf (the error, if the
        dossier cannot be assembled, is returned: a failed mention check is reported first)."""
        texts = {}
        for _, key, artefact_entry, docx in jobs:
            result = results[docx]
            texts[key] = (result.text or "", docx, result.pdf.name)
            artefact_entry["pdf"] = {
                "chemin": result.pdf.relative_to(root).as_posix(),
                "sha256": result.sha256,
                "pages": result.pages,
            }
        rapport = check_pdf_texts(self.resultat, matricule, texts)
        if rapport.blocking:
            return rapport, [], None
        try:
            return rapport, self._employee_dossier(root, entry, name), None
        except PdfError as exc:
            return rapport, [], exc

    def _employee_dossier(self, root: Path, entry: dict[str, Any], name: str) -> list[DossierPart]:
        """Write <folder>/dossier.pdf; record it in ``entry``; return its parts."""
        by_key = {a["cle"]: a for a in entry["artefacts"]}
        rs = next((r for r in self.resultat.employees if r.employee.matricule == entry["matricule"]), None)
        order = handover_order(list(by_key), dict(rs.dates) if rs else {})
        parts, contents, page = [], [], 1
        for key in order:
            title = bookmark_title(BY_KEY[key]) if key in BY_KEY else key
            parts.append(DossierPart(title, root / by_key[key]["pdf"]["chemin"]))
            contents.append({"cle": key, "titre": title, "page": page})
            page += by_key[key]["pdf"]["pages"]
        out = root / entry["repertoire"] / DOSSIER_PDF
        build_dossier(parts, out, title=f"Contrat de sécurisation professionnelle – {name}",
                      author=employer_name(self.resultat), subject=f"{name} (matricule {entry['matricule']})",
                      moment=self.moment)
        entry["dossier_pdf"] = {
            "chemin": out.relative_to(root).as_posix(),
            "sha256": sha256_file(out),
            "pages": page - 1,
            "contenu": contents,
        }
        return parts


__all__ = [
    "DOSSIER_GLOBAL_PDF",
    "DOSSIER_PDF",
    "HANDOVER_RANK",
    "MentionsPdfNonConformes",
    "PdfStage",
    "PdfStatistics",
    "bookmark_title",
    "case_moment",
    "compact_report",
    "ecarts_docx_pdf",
    "employer_name",
    "handover_order",
]
