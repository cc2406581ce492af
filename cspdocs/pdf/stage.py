"""The PDF stage of ``cspdocs generate --pdf``: PDFs beside the DOCX files, the mention check
on the PDF text, one ``dossier.pdf`` per employee and, on request, one PDF for the whole case.

It runs as publish's post-write hook, on the temporary folder::

    etape = EtapePdf(resultat, rapport_docx, soffice=find_soffice())   # before rendering: fails at once
    publish(lot, sortie, post_ecriture=etape, mentions=rapport_docx.to_json())

so that any failure (LibreOffice killed or timed out, a mandatory mention lost in a PDF, a dossier
that cannot be assembled) publishes nothing and leaves the previous output untouched.

Reproducible bytes: every date stamped in a PDF is ``case_moment(resultat)``, the earliest
handover date of the whole case at 00:00 UTC (never the clock, and the same whatever
``--employe`` selects); /ID is derived from the content (normalize.py).

Handover order of a dossier: the artefacts sorted by their document date, then, on the same
day, information document (with the acceptance slip), statement of the economic motive,
receipt, registered letter. The receipt acknowledges both the information document and the
statement of the motive (template ``recepisse.docx``, "Documents remis"), so it follows them;
the statement must be given at the latest at the handover (cross-check in
mentions/controles.yaml); the letter is sent last, never before the legal date (L1233-15,
L1233-39). With the engine's dates (statement dated the handover day) this is always
information, motif, récépissé, lettre.

Manifest (written by publish): each artefact entry gains ``pdf`` = {chemin, sha256, pages};
each employee entry gains ``dossier_pdf`` = {chemin, sha256, pages, contenu: [{cle, titre,
page}]} (``page``: first page, from 1); ``complements.pdf`` records the moment, LibreOffice's
producer string, the handover order, the mention check of the PDF text (``compact_report``: the
status of every mention of every PDF, and every mention whose status differs from the DOCX check
in ``ecarts_docx_pdf``) and the case-wide dossier, if any.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Optional, Sequence

from pypdf import PdfReader

from ..engine.facts import CaseResult
from ..mentions.checker import INTERDITE, STATUTS
from lxml import etree

from ..mentions.extract import Texte, margin_texts
from ..mentions.pipeline import check_rendered
from ..mentions.report import MentionReport
from ..publish import Writer
from ..render.artefacts import ARTEFACTS, Artefact
from .dossier import DossierPart, DossierSection, build_case_dossier, build_dossier
from .errors import DossierError, PdfError
from .pipeline import PdfResult, build_pdfs
from .text import normalize_text

DOSSIER_PDF = "dossier.pdf"
DOSSIER_GLOBAL_PDF = "dossier-global.pdf"

#: Same-day order of the artefacts in a dossier (see the module docstring).
HANDOVER_RANK = {"information": 0, "motif": 1, "recepisse": 2, "lettre": 3}

_BY_KEY = {a.cle: a for a in ARTEFACTS}


def case_moment(resultat: CaseResult) -> datetime:
    """The date stamped in every PDF of the case: its earliest handover date, 00:00 UTC.

    Falls back on the earliest date the engine knows, then on the earliest hiring date
    (always present), so that a case is always datable without the clock.
    """
    found = [d for rs in resultat.salaries if isinstance(d := rs.dates.get("remise"), date)]
    if not found:
        found = [d for rs in resultat.salaries for d in rs.dates.values() if isinstance(d, date)]
    if not found:
        found = [rs.salarie.date_entree for rs in resultat.salaries]
    day = min(found)
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def employer_name(resultat: CaseResult) -> str:
    """The employer as the documents name it (and LibreOffice's PDFs carry as Author):
    raison sociale and legal form, « Cartonnerie de l'Ill SAS » (as render/context.py)."""
    e = resultat.dossier.employeur
    return f"{e.raison_sociale} {e.forme_juridique}" if e.forme_juridique else e.raison_sociale


def bookmark_title(artefact: Artefact) -> str:
    """The artefact's French label, capitalised: « Énoncé du motif économique »."""
    return artefact.libelle[:1].upper() + artefact.libelle[1:]


def handover_order(keys: Sequence[str], dates: dict[str, Optional[date]]) -> list[str]:
    """Artefact keys in handover order (see the module docstring)."""

    def sort_key(key: str) -> tuple[date, int]:
        artefact = _BY_KEY.get(key)
        when = dates.get(artefact.date_document) if artefact else None
        return (when if isinstance(when, date) else date.max, HANDOVER_RANK.get(key, len(HANDOVER_RANK)))

    return sorted(keys, key=sort_key)


class MentionsPdfNonConformes(PdfError):
    """A mandatory mention fails in the text of a PDF (nothing is published)."""

    def __init__(self, rapport: MentionReport, ecarts: list[dict[str, Any]]) -> None:
        self.rapport = rapport
        self.ecarts = ecarts
        lines = ["Contrôle des mentions sur le texte des PDF : échec."]
        lost = [e for e in ecarts if e["niveau"] == "obligatoire"]
        if lost:
            lines.append("Mentions obligatoires conformes dans le DOCX mais pas dans le PDF "
                         "(conversion par LibreOffice, polices ?) :")
            lines += [
                f"  - {e['matricule']}, {e['fichier']} : {e['mention']} {e['libelle']} "
                f"(DOCX : {_statut(e['statut_docx'])} ; PDF : {_statut(e['statut_pdf'])})"
                for e in lost
            ]
        lines.append(rapport.texte())
        super().__init__("\n".join(lines))


def _keyed(rapport: MentionReport) -> dict[tuple[str, str, str, bool], tuple[Any, Any]]:
    """(matricule, artefact, mention, forbidden wording?) -> (document, result).

    A mention gives one result for its presence and, when a forbidden wording is found, a
    second one with the same id: the flag tells them apart."""
    return {
        (d.employe, d.artefact, r.mention, r.statut == INTERDITE): (d, r)
        for d in rapport.documents for r in d.resultats
    }


def ecarts_docx_pdf(docx: MentionReport, pdf: MentionReport) -> list[dict[str, Any]]:
    """Every mention whose status in a PDF differs from its status in the DOCX (``None``:
    no such result, e.g. a forbidden wording found in one only)."""
    before, after = _keyed(docx), _keyed(pdf)
    converted = {(d.employe, d.artefact) for d in pdf.documents}
    found = []
    for key in [*after, *(k for k in before if k not in after)]:
        if key[:2] not in converted:
            continue
        d, r = after.get(key) or before[key]
        statut_docx = before[key][1].statut if key in before else None
        statut_pdf = after[key][1].statut if key in after else None
        if statut_docx != statut_pdf:
            pdf_doc = after[key][0] if key in after else next(
                x for x in pdf.documents if (x.employe, x.artefact) == key[:2])
            found.append({
                "matricule": d.employe, "artefact": d.artefact, "fichier": pdf_doc.fichier,
                "mention": r.mention, "libelle": r.libelle, "niveau": r.niveau,
                "statut_docx": statut_docx, "statut_pdf": statut_pdf,
            })
    return found


def _statut(statut: Optional[str]) -> str:
    return STATUTS[statut] if statut is not None else "non trouvée"


def compact_report(rapport: MentionReport, ecarts: list[dict[str, Any]]) -> dict[str, Any]:
    """The PDF mention check for manifest.json: the status of every mention of every PDF,
    without repeating the wording, source and expected text already given for the DOCX files
    (``manifest["mentions"]``), and the mentions whose status differs from the DOCX."""
    full = rapport.to_json()
    return {
        "statut": full["statut"],
        "mentions_obligatoires_en_defaut": full["mentions_obligatoires_en_defaut"],
        "avertissements": full["avertissements"],
        "erreurs": full["erreurs"],
        "ecarts_docx_pdf": ecarts,
        "documents": [
            {
                "matricule": d.employe,
                "artefact": d.artefact,
                "fichier": d.fichier,
                "conforme": d.conforme,
                "mentions": [{"id": r.mention, "statut": r.statut} for r in d.resultats],
            }
            for d in rapport.documents
        ],
        "controles": [
            {"matricule": r.employe, "id": r.mention, "statut": r.statut} for r in rapport.controles
        ],
    }


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


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

    # --- the hook ------------------------------------------------------------------------

    def __call__(self, ecriture: Writer) -> dict[str, Any]:
        start = time.perf_counter()
        root = ecriture.dossier
        # A case-wide dossier needs the carried-over employees' PDFs: check before converting.
        carried = self._carried_sections(ecriture) if self.dossier_global else {}

        jobs: list[tuple[str, str, dict[str, Any], Path]] = []  # matricule, key, entry, docx
        for s in ecriture.lot.salaries:
            entry = ecriture.salaries[s.matricule]
            for artefact_entry in entry["artefacts"]:
                jobs.append((s.matricule, artefact_entry["cle"], artefact_entry,
                             root / artefact_entry["chemin"]))
        # Each employee's PDFs are checked and assembled (dossier.pdf) as soon as the last of them
        # is final, while LibreOffice converts the next employees' documents.
        by_docx = {job[3]: job for job in jobs}
        pending: dict[str, int] = {}
        for job in jobs:
            pending[job[0]] = pending.get(job[0], 0) + 1
        finished: dict[Path, PdfResult] = {}
        lock = threading.Lock()
        assembler = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cspdocs-dossier")
        work: dict[str, Future] = {}
        entries = {s.matricule: (ecriture.salaries[s.matricule], f"{s.prenom} {s.nom}") for s in ecriture.lot.salaries}

        def on_result(result: PdfResult) -> None:
            matricule = by_docx[result.docx][0]
            with lock:
                finished[result.docx] = result
                pending[matricule] -= 1
                if pending[matricule] == 0:
                    mine = [job for job in jobs if job[0] == matricule]
                    work[matricule] = assembler.submit(self._employee, root, matricule, *entries[matricule],
                                                       mine, dict(finished))

        try:
            build_pdfs([job[3] for job in jobs], moment=self.moment, workers=self.workers,
                       timeout=self.timeout, soffice=self.soffice, on_result=on_result)
            for matricule, (entry, name) in entries.items():
                if matricule not in work:  # no document at all: nothing was converted
                    work[matricule] = assembler.submit(self._employee, root, matricule, entry, name, [], {})
            outcomes = {m: work[m].result() for m in entries}
        finally:
            assembler.shutdown(wait=True, cancel_futures=True)
        self.rapport = MentionReport(self.resultat.nom)
        for checked, _, _ in outcomes.values():
            self.rapport.merge(checked)
        ecarts = ecarts_docx_pdf(self.rapport_docx, self.rapport)
        if self.rapport.bloquant:
            raise MentionsPdfNonConformes(self.rapport, ecarts)
        sections = dict(carried)
        for matricule, (_, parts, error) in outcomes.items():
            if error is not None:
                raise error
            sections[matricule] = DossierSection(self._section_title(matricule, entries[matricule][1]), parts)
        results = {job[3]: finished[job[3]] for job in jobs}  # in document order

        global_entry = None
        if self.dossier_global:
            global_entry = self._case_dossier(root, sections)
        self.stats = PdfStatistics(len(jobs), len(ecriture.lot.salaries), time.perf_counter() - start)
        return {
            "pdf": {
                "moment": self.moment.isoformat(),
                "producteur": _producer(results),
                "ordre_remise": ("date du document, puis le même jour : "
                                 + ", ".join(sorted(HANDOVER_RANK, key=HANDOVER_RANK.get))),
                "mentions": compact_report(self.rapport, ecarts),
                "dossier_global": global_entry,
            }
        }

    # --- steps ---------------------------------------------------------------------------

    def _employee(self, root: Path, matricule: str, entry: dict[str, Any], name: str, jobs,
                  results: dict[Path, PdfResult]) -> tuple[MentionReport, list[DossierPart], Optional[Exception]]:
        """One employee, once its PDFs are final: the mention check on their text (extracted
        once, during the conversion), their manifest entries, and dossier.pdf (the error, if the
        dossier cannot be assembled, is returned: a failed mention check is reported first)."""
        rendered: dict[str, dict[str, Texte]] = {}
        labels: dict[tuple[str, str], str] = {}
        for _, key, artefact_entry, docx in jobs:
            result = results[docx]
            text = _margins_last(result.text or "", docx)
            rendered.setdefault(matricule, {})[key] = Texte((text,), "", text)
            labels[(matricule, key)] = result.pdf.name
            artefact_entry["pdf"] = {
                "chemin": result.pdf.relative_to(root).as_posix(),
                "sha256": result.sha256,
                "pages": result.pages,
            }
        rapport = check_rendered(self.resultat, rendered)
        for d in rapport.documents:
            d.fichier = labels.get((d.employe, d.artefact), d.fichier)
        if rapport.bloquant:
            return rapport, [], None
        try:
            return rapport, self._employee_dossier(root, entry, name), None
        except PdfError as exc:
            return rapport, [], exc

    def _employee_dossier(self, root: Path, entry: dict[str, Any], name: str) -> list[DossierPart]:
        """Write <folder>/dossier.pdf; record it in ``entry``; return its parts."""
        by_key = {a["cle"]: a for a in entry["artefacts"]}
        rs = self._resultat_salarie(entry["matricule"])
        order = handover_order(list(by_key), dict(rs.dates) if rs else {})
        parts, contents, page = [], [], 1
        for key in order:
            title = bookmark_title(_BY_KEY[key]) if key in _BY_KEY else key
            parts.append(DossierPart(title, root / by_key[key]["pdf"]["chemin"]))
            contents.append({"cle": key, "titre": title, "page": page})
            page += by_key[key]["pdf"]["pages"]
        out = root / entry["repertoire"] / DOSSIER_PDF
        employer = employer_name(self.resultat)
        build_dossier(parts, out, title=f"Contrat de sécurisation professionnelle – {name}",
                      author=employer, subject=f"{name} (matricule {entry['matricule']})",
                      moment=self.moment)
        entry["dossier_pdf"] = {
            "chemin": out.relative_to(root).as_posix(),
            "sha256": _sha256_file(out),
            "pages": page - 1,
            "contenu": contents,
        }
        return parts

    def _carried_sections(self, ecriture: Writer) -> dict[str, DossierSection]:
        """Sections of the employees carried over from the previous output (``--employe``)."""
        sections: dict[str, DossierSection] = {}
        missing: list[str] = []
        for entry in ecriture.conserves:
            matricule = entry.get("matricule", "?")
            dossier = entry.get("dossier_pdf")
            by_key = {a.get("cle"): a for a in entry.get("artefacts", [])}
            if not dossier or not all(by_key.get(c.get("cle"), {}).get("pdf") for c in dossier.get("contenu", [])):
                missing.append(matricule)
                continue
            parts = []
            for item in dossier["contenu"]:
                pdf_entry = by_key[item["cle"]]["pdf"]
                path = ecriture.dossier / pdf_entry["chemin"]
                if not path.is_file() or _sha256_file(path) != pdf_entry["sha256"]:
                    raise DossierError(
                        f"Dossier global impossible : le PDF {pdf_entry['chemin']} du salarié {matricule} "
                        "est absent ou a été modifié depuis sa génération ; régénérez ce salarié "
                        "(--employe) ou tout le dossier."
                    )
                parts.append(DossierPart(item["titre"], path))
            rs = self._resultat_salarie(matricule)
            name = f"{rs.salarie.prenom} {rs.salarie.nom}" if rs else ""
            sections[matricule] = DossierSection(self._section_title(matricule, name), parts)
        if missing:
            raise DossierError(
                "Dossier global impossible : les documents déjà publiés de "
                + ", ".join(missing)
                + " n'ont pas de version PDF. Régénérez tout le dossier avec --pdf --dossier-global "
                "(sans --employe)."
            )
        return sections

    def _case_dossier(self, root: Path, sections: dict[str, DossierSection]) -> dict[str, Any]:
        """Write <case>/dossier-global.pdf, employees in the case file's order."""
        order = [rs.salarie.matricule for rs in self.resultat.salaries]
        ranked = sorted(sections, key=lambda m: (order.index(m) if m in order else len(order)))
        chosen = [sections[m] for m in ranked]
        out = root / DOSSIER_GLOBAL_PDF
        name = self.resultat.nom
        build_case_dossier(
            chosen, out,
            title=f"Contrat de sécurisation professionnelle – dossier « {name} »",
            author=employer_name(self.resultat),
            subject=f"{len(chosen)} salarié{'s' if len(chosen) > 1 else ''} : " + ", ".join(ranked),
            moment=self.moment,
        )
        self.chemin_dossier_global = out.relative_to(root)
        return {
            "chemin": out.relative_to(root).as_posix(),
            "sha256": _sha256_file(out),
            "pages": len(PdfReader(out).pages),
            "salaries": ranked,
        }

    # --- helpers ---------------------------------------------------------------------------

    def _resultat_salarie(self, matricule: str):
        for rs in self.resultat.salaries:
            if rs.salarie.matricule == matricule:
                return rs
        return None

    @staticmethod
    def _section_title(matricule: str, name: str) -> str:
        return f"{name} ({matricule})" if name.strip() else matricule


def _margins_last(text: str, docx: Path) -> str:
    """The PDF text with the document's own header and footer lines taken out of the flow and
    given once at the end (as the DOCX text has them): a header printed on the following pages
    only (a "different first page") is not repeated on every page, so the PDF extraction leaves
    it in the middle of any sentence running over a page break."""
    try:
        margins = margin_texts(docx)
    except (OSError, ValueError, KeyError, etree.XMLSyntaxError):
        return text
    found = [m for m in dict.fromkeys(margins) if len(m) > 20 and m in text]
    for margin in found:
        text = text.replace(margin, " ")
    return normalize_text(" ".join([text, *found])) if found else text


def _producer(results: dict[Path, PdfResult]) -> Optional[str]:
    """LibreOffice's /Producer string ("LibreOffice 7.4"), read from one PDF of the run."""
    for result in results.values():
        try:
            metadata = PdfReader(result.pdf).metadata
        except Exception:  # informative only
            return None
        return str(metadata.producer) if metadata is not None and metadata.producer else None
    return None


__all__ = [
    "DOSSIER_GLOBAL_PDF",
    "DOSSIER_PDF",
    "HANDOVER_RANK",
    "EtapePdf",
    "MentionsPdfNonConformes",
    "StatistiquesPdf",
    "bookmark_title",
    "case_moment",
    "compact_report",
    "ecarts_docx_pdf",
    "employer_name",
    "handover_order",
]
