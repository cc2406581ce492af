"""``generate``: the one pipeline behind ``cspdocs generate`` (and the library API).

    charge, resultat = load_case("cases/pse.yaml")          # DossierInvalide: nothing written
    generation = run(charge, resultat, "output", pdf=True)    # or generate("cases/pse.yaml", ...)

Steps: the engine's blocking findings (``load_case``), the templates, the destination check and
the recovery of an interrupted run (``Publisher``), then, employee by employee (in worker
processes for large batches, in the batch's order), rendering, the check of the mandatory
mentions on the XML the renderer holds, and writing into the temporary folder; the full mention
report is streamed into ``mentions.json``. A blocking mention anywhere publishes nothing
(``MentionsBloquantes``, with every failure of the batch). Each worker also makes its employees'
part of the HR files from the facts it rendered them from (cspdocs/rh/lignes.py; kept on disk
meanwhile). Then the PDF stage, if asked, the HR files (synthesis, calendar: cspdocs/rh/sorties.py,
written from those parts), the manifest and the atomic switch.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..case.loader import ChargedDossier
from ..casework import load_case
from ..delivered import compare_with_published
from ..engine.facts import CaseResult
from ..generate import Batch, BatchEmployee
from ..selection import select
from ..mentions.model import default_catalogue
from ..mentions.report import MentionReport
from ..output_folder import MENTIONS_REPORT, case_identity
from ..publish import Publication, Publisher
from ..render.modeles import load_templates
from ..rh.lignes import HrRowMaker, HrRowSpool
from ..rh.sorties import HrOutputs
from ..rh.sorties_live import LiveHr
from . import workers as pool

# progress(done, total) after each employee written (e.g. cspdocs/rh/progression.py's bar); when
# it also has ``etape(label, total=None)``, that is called as each stage starts.
Progress = Callable[[int, int], None]


def _stage(progress: Optional[Progress], label: str, total: Optional[int] = None) -> None:
    etape = getattr(progress, "etape", None)
    if etape is not None:
        etape(label, total=total)


class MentionsBloquantes(Exception):
    """A mandatory mention fails in a rendered document: nothing is published."""

    def __init__(self, rapport: MentionReport):
        self.rapport = rapport
        super().__init__(rapport.texte())


@dataclass
class Generation:
    """What a successful run published, for the caller to report."""

    publication: Publication
    lot: Batch  # the employees without their documents' bytes (warnings, omitted artefacts)
    rapport: MentionReport  # the DOCX mention check: failures only (every result with PDF)
    documents: int  # DOCX files written by this run
    etape: Any = None  # the PDF stage (cspdocs.pdf.stage.EtapePdf), when PDFs were made


class _MentionsFile:
    """mentions.json, written employee by employee (and hashed as it goes: never read back whole)."""

    def __init__(self, root: Path, dossier: str):
        self.path = root / MENTIONS_REPORT
        self._file = self.path.open("w", encoding="utf-8", newline="\n")
        self._hash = hashlib.sha256()
        self._write('{\n"dossier": ' + json.dumps(dossier, ensure_ascii=False) + ',\n"salaries": [')
        self._first = True

    def _write(self, text: str) -> None:
        self._file.write(text)
        self._hash.update(text.encode("utf-8"))

    def add(self, line: str) -> None:
        self._write(("\n" if self._first else ",\n") + line)
        self._first = False

    def close(self, summary: dict[str, Any]) -> dict[str, Any]:
        tail = "".join(f",\n{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in summary.items())
        self._write("\n]" + tail + "\n}\n")
        self._file.close()
        return {**summary, "rapport": {"chemin": MENTIONS_REPORT, "sha256": self._hash.hexdigest()}}

    def discard(self) -> None:
        self._file.close()


class _Shared:
    """One object per distinct key, text or finding in the records kept in memory until the manifest
    is written (the summaries; the manifest entries too when the PDF stage adds to them). Each
    employee's come unpickled from a worker, as new objects: most repeat from one employee to the
    next (keys, warnings, variants), about 4 KB of the 9 KB an employee costs."""

    UNIQUE = frozenset({"sha256", "chemin", "repertoire", "matricule", "empreinte_faits"})  # not shared

    def __init__(self) -> None:
        self._pool: dict[Any, Any] = {}

    def one(self, value: Any) -> Any:
        try:
            return self._pool.setdefault(value, value)
        except TypeError:  # a finding holding a list: kept as it is
            return value

    def value(self, value: Any) -> Any:
        """A manifest entry (dicts, lists, texts...) with its keys and repeated texts shared."""
        if isinstance(value, str):
            return self.one(value)
        if isinstance(value, dict):
            return {self.one(k): v if k in self.UNIQUE else self.value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(v) for v in value]
        return value

    def summary(self, s: BatchEmployee) -> BatchEmployee:
        return replace(s, warnings=tuple(self.one(w) for w in s.warnings),
                       constats=tuple(self.one(f) for f in s.constats))


def run(charge: ChargedDossier, resultat: CaseResult, sortie: Path | str = "output", *,
        modeles: Optional[Path | str] = None, matricules: Optional[Iterable[str]] = None,
        pdf: Optional[bool] = None, dossier_global: bool = False, delai_pdf: Optional[float] = None,
        soffice: Optional[str] = None, workers: Optional[int] = None,
        progress: Optional[Progress] = None, reecrire_remis: bool = False) -> Generation:
    """Render, check and publish a computed case (see the module docstring).

    ``pdf`` None: the case file's ``pdf`` key decides. Raises ``MatriculeInconnu``,
    ``SortieRefusee``, ``ErreurGeneration``/``ErreurModele``/``ModeleInvalide``,
    ``MentionsBloquantes``, ``PdfError`` (``SofficeNotFoundError`` before anything is rendered)
    or ``OSError``: in every case nothing is published and the previous output is untouched.
    """
    want_pdf = dossier_global or (pdf if pdf is not None else charge.dossier.pdf)
    if want_pdf and soffice is None:
        from ..pdf.soffice import find_soffice

        soffice = find_soffice()
    jeu = load_templates(Path(modeles) if modeles else None)
    selection = tuple(dict.fromkeys(matricules)) if matricules else None
    chosen = select(resultat, selection)
    header = Batch(charge.nom, tuple(charge.sources), jeu, (), tuple(resultat.warnings), selection,
                 case_identity(charge.dossier),
                 {"lecture_anciennete_indemnite": charge.dossier.procedure.lecture_anciennete_indemnite})
    # the manifest entries on disk until the manifest is written, unless the PDF stage adds to them
    publisher = Publisher(header, Path(sortie), spool=not want_pdf)
    if resultat.as_of is not None:
        publisher.manifest["au"] = resultat.as_of.isoformat()  # issue 10: the as-of date of the documents
    try:
        return _publish(publisher, resultat, chosen, want_pdf, dossier_global, delai_pdf, soffice,
                        workers, progress, reecrire_remis)
    except BaseException:
        publisher.abort()
        raise


def _publish(publisher: Publisher, resultat, chosen, want_pdf, dossier_global, delai_pdf, soffice,
             workers, progress, reecrire_remis=False) -> Generation:
    # without PDF nor --employe, the HR files are written as the employees come (rh/sorties_live.py)
    au = resultat.as_of or date.today()  # the HR files' date: the state and next action shown are as of it
    live = LiveHr(publisher.root, resultat, au) if not want_pdf and publisher.lot.selection is None else None
    with HrRowSpool() as hr_parts:  # each employee's part of the HR files, made by the workers
        try:
            return _publish_parts(publisher, resultat, chosen, want_pdf, dossier_global, delai_pdf, soffice,
                                  workers, progress, reecrire_remis, hr_parts, live, au)
        finally:
            if live is not None:
                live.discard()


def _publish_parts(publisher, resultat, chosen, want_pdf, dossier_global, delai_pdf, soffice, workers, progress,
                   reecrire_remis, hr_parts, live, au: date) -> Generation:
    catalogue = default_catalogue()
    ctx = pool.Context(resultat, chosen, publisher.lot.modeles, catalogue, publisher.root,
                       publisher.fingerprint, keep_full=bool(want_pdf), hr=HrRowMaker(resultat, au))
    jobs = pool.chunks([(i, publisher.folder(rs.employee.matricule, rs.employee.nom))
                        for i, rs in enumerate(chosen)])
    _stage(progress, "Documents DOCX", total=len(chosen))  # rendered, checked and written
    report = _MentionsFile(publisher.root, resultat.name)
    rapport = MentionReport(resultat.name)
    counts = [0, 0, 0]  # employees with documents, documents, applicable documents
    try:
        shared = _Shared()
        for done in pool.process(ctx, jobs, workers):
            entry = done.entry if publisher.spooled else shared.value(done.entry)
            publisher.record(shared.summary(done.summary), entry, done.files)
            report.add(done.report_line)
            if done.hr is not None:
                hr_parts.add(done.hr)  # kept in any case: the HR files may have to be written at the end
            if live is not None:
                live.add(done.entry, done.hr)
            rapport.merge(done.rapport)
            counts[0] += done.documents > 0
            counts[1] += done.documents
            counts[2] += done.applicable
            if progress is not None:
                progress(len(publisher.entries), len(chosen))
    except BaseException:
        report.discard()
        raise
    if not want_pdf:
        rapport.comptes = (counts[0], counts[1], counts[2])
    full = rapport.to_json()
    summary = {k: full[k] for k in ("statut", "mentions_obligatoires_en_defaut", "avertissements", "erreurs")}
    mentions = report.close(summary)
    if rapport.blocking:
        raise MentionsBloquantes(rapport)
    # issue 10: delivered documents never silently rewritten; other employees' documents out of date
    perimes: list[str] = []  # carried-over employees whose documents are stale: marked R-78 in the summary
    time_notes = compare_with_published(publisher, resultat, reecrire_remis, perimes)
    etape = None
    if want_pdf:
        from ..pdf.stage import PdfStage  # imports pypdf: only when asked

        etape = PdfStage(resultat, rapport, soffice=soffice, dossier_global=dossier_global, timeout=delai_pdf)
    _stage(progress, "PDF (LibreOffice) et publication" if want_pdf else "Publication")
    # synthese.xlsx/csv and echeancier.ics are written after the PDF stage (cspdocs/rh/sorties.py)
    hr = HrOutputs(resultat, avant=etape, au=au, perimes=perimes, parts=hr_parts, live=live)
    publication = publisher.finish(post_ecriture=hr, mentions=mentions)
    if time_notes:
        publication = replace(publication, notes=publication.notes + tuple(time_notes))
    return Generation(publication, publisher.finished_lot, rapport, counts[1], etape)


def generate(dossier: Path | str, sortie: Path | str = "output", **options: Any) -> Generation:
    """Load, compute, render, check and publish a case file (``run``'s options)."""
    charge, resultat = load_case(dossier)
    return run(charge, resultat, sortie, **options)


__all__ = ["Generation", "LotSalarie", "MentionsBloquantes", "generate", "load_case", "run"]
