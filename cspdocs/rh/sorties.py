"""Writing the HR outputs (synthese.xlsx, synthese.csv, echeancier.ics) into a folder.

``generate`` calls them through ``SortiesRh``, a post-write hook of publish.py: the files land in
the temporary folder with the documents (after the PDF stage, so PDF links are known), are listed
in the manifest under ``complements.rh`` with their SHA-256, and are published atomically with the
rest; each employee's row and events come from the part generate's workers made with its documents
(lignes.py). ``cspdocs synthese`` writes them for a case without generating documents. The state and next action
they show are as of a date (today by default).
"""

from __future__ import annotations

import hashlib
import heapq
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from ..engine.facts import CaseResult, EmployeeResult
from ..engine.findings import Finding
from ..render.artefacts import ARTEFACTS
from .echeancier import IcsCalendar
from .lignes import HrRow, HrRowMaker, HrRowSpool, row_of
from .synthese import Suivi, SyntheseCsv, Table
from .synthese_xlsx import SyntheseXlsx

SYNTHESE_XLSX = "synthese.xlsx"
SYNTHESE_CSV = "synthese.csv"
ECHEANCIER = "echeancier.ics"
FICHIERS = (SYNTHESE_XLSX, SYNTHESE_CSV, ECHEANCIER)
_LABELS = {a.cle: a.libelle for a in ARTEFACTS}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class HrWriter:
    """The three files written employee by employee (``add``, in the case's order), then ``close``:
    {name: sha256}. ``discard`` on failure (the files stay in the temporary folder, removed with it)."""

    def __init__(self, dossier: Path, resultat: CaseResult, suivi: Suivi, au: date, agrege: bool = False):
        self.dossier, self.resultat, self.suivi, self.agrege = dossier, resultat, suivi, agrege
        self.table = Table(resultat, suivi, au)
        self.maker = HrRowMaker(resultat, au, self.table)
        self.raws = {s.matricule: s for s in resultat.case.salaries}
        self.workbook = SyntheseXlsx(self.table)
        self._csv = (dossier / SYNTHESE_CSV).open("wb")
        self._ics = (dossier / ECHEANCIER).open("wb")
        self.summary = SyntheseCsv(self._csv, self.table)
        self.calendar = IcsCalendar(self._ics, resultat, au, agrege)

    def add(self, rs: EmployeeResult, part: Optional[HrRow]) -> None:
        """One employee; ``part``: the one its worker made, or None to make it here."""
        m = rs.employee.matricule
        notes = self.suivi.notes.get(m, ())
        if part is None or notes or self.agrege:  # R-78 notes: only for employees this run did not write
            fiche = self.maker.fiche(rs, raw=self.raws.get(m), notes=notes)
            if self.agrege:
                self.calendar.ajouter(fiche)
            part = row_of(self.table, fiche, self.resultat.name)
        values = part.valeurs + self.table.ligne_suivi(m)
        self.workbook.ajouter(part, values)
        self.summary.ajouter(values)
        if not self.agrege:
            self.calendar.ajouter_octets(part.ics)

    def close(self) -> dict[str, str]:
        try:
            self.summary.fermer()
            self.calendar.fermer()
        finally:
            self.discard()
        self.workbook.fermer(self.dossier / SYNTHESE_XLSX)
        return {name: _sha256(self.dossier / name) for name in FICHIERS}

    def discard(self) -> None:
        self._csv.close()
        self._ics.close()


def ecrire(dossier: Path, resultat: CaseResult, suivi: Suivi, au: date, agrege: bool = False,
           parts: Optional[HrRowSpool] = None) -> dict[str, str]:
    """Write the three files into ``dossier`` in one pass over the employees (each employee's
    follow-up is computed once and written to the three files at once); returns {name: sha256}.
    ``parts``: employees' parts already made (by generate's workers, rh/lignes.py), in the case's
    order; the others are made here."""
    writer = HrWriter(dossier, resultat, suivi, au, agrege)
    try:
        for rs in resultat.employees:
            writer.add(rs, parts.take(rs.employee.matricule) if parts is not None and not agrege else None)
    except BaseException:
        writer.discard()
        raise
    return writer.close()


# publish() refuses a batch where a mandatory mention fails: every published document passed the
# check (recommended mentions are reported in the manifest, not here, so that a run with --employe
# gives the same summary as a full run).
VERIFIEES = "vérifiées (toutes présentes)"
# --employe: an employee carried over whose published documents no longer match the case. The row
# shows the case as it is now (what the documents must say once regenerated) and says, in its
# warnings and its mention status, that the linked documents are stale (review finding 6).
PERIME = Finding(("documents",), "les documents publiés de ce salarié ne correspondent plus au dossier (données, "
                 "journal ou modèles modifiés depuis leur génération) : les valeurs de cette ligne sont celles du "
                 "dossier actuel, pas celles des documents liés ; régénérez-les (--employe MATRICULE, ou sans "
                 "--employe) avant de les remettre.", blocking=False, code="R-78")


def links(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """An employee's documents from its manifest entry: (label, path), DOCX then PDF."""
    out = []
    for artefact in entry.get("artefacts", []):
        label = _LABELS.get(artefact["cle"], artefact["cle"])
        out.append((label, artefact["chemin"]))
        if "pdf" in artefact:
            out.append((f"{label} (PDF)", artefact["pdf"]["chemin"]))
    if entry.get("dossier_pdf"):
        out.append(("Dossier PDF", entry["dossier_pdf"]["chemin"]))
    return out


def suivi_publication(entries: Iterable[dict[str, Any]]) -> Suivi:
    """Links and mention status from manifest entries (this run's and the carried-over ones)."""
    suivi = Suivi(mentions_defaut=VERIFIEES)
    for entry in entries:
        suivi.documents[entry["matricule"]] = links(entry)
    return suivi


class StreamedLinks:
    """``Suivi.documents`` read from manifest entries in the case's order (``entries()``: a new
    pass each call), never all in memory: ``values()`` for the summary's columns, then ``get`` for
    each employee in the case's order (as ``ecrire`` asks)."""

    def __init__(self, entries: Callable[[], Iterator[dict[str, Any]]], order: dict[str, int]):
        self._entries, self._order = entries, order
        self._cursor: Optional[Iterator[dict[str, Any]]] = None
        self._next: Optional[dict[str, Any]] = None

    def values(self) -> Iterator[list[tuple[str, str]]]:
        return (links(entry) for entry in self._entries())

    def get(self, matricule: str, default: Any = None) -> Any:
        if self._cursor is None:
            self._cursor = self._entries()
            self._next = next(self._cursor, None)
        rank = self._order.get(matricule, len(self._order))
        while self._next is not None and self._order.get(self._next.get("matricule"), len(self._order)) < rank:
            self._next = next(self._cursor, None)  # an entry no employee of the case asks for
        if self._next is None or self._next.get("matricule") != matricule:
            return default
        found, self._next = links(self._next), next(self._cursor, None)
        return found


class HrOutputs:
    """Post-write hook for publish(): runs ``avant`` (the PDF stage) first, then writes the HR files."""

    def __init__(self, resultat: CaseResult, avant=None, au: Optional[date] = None, perimes=(),
                 parts: Optional[HrRowSpool] = None, live=None):
        self.resultat, self.avant = resultat, avant
        self.au = au or date.today()  # the state and next action shown are as of this date
        self.perimes = tuple(perimes)  # --employe: carried-over employees whose documents are stale
        self.parts = parts  # this run's employees' parts, made by the workers as of ``au``
        self.live = live  # the files written as the employees came (sorties_live.LiveHr), if any
        # the files this hook adds to the folder (publish.Publisher lists them without walking it),
        # unknown when the stage before it (PDF) adds its own
        self.fichiers_ajoutes = FICHIERS if avant is None else None

    def __call__(self, ecriture) -> dict[str, Any]:
        complements = dict(self.avant(ecriture) or {}) if self.avant is not None else {}
        done = self.live.finish() if self.live is not None else None
        if done is not None:
            complements["rh"] = done
            return complements
        # in the case's order, so that a run with --employe gives the same files as a full run
        order = {rs.employee.matricule: i for i, rs in enumerate(self.resultat.employees)}
        rank = lambda e: order.get(e.get("matricule"), len(order))  # noqa: E731
        if isinstance(ecriture.salaries, dict):  # in memory (the PDF stage added to them)
            entries = sorted(list(ecriture.conserves) + list(ecriture.salaries.values()), key=rank)
            suivi = suivi_publication(entries)
        else:  # on disk, in the batch's order (the case's): merged with the carried-over ones, read twice
            carried = sorted(ecriture.conserves, key=rank)
            suivi = Suivi(mentions_defaut=VERIFIEES, documents=StreamedLinks(  # type: ignore[arg-type]
                lambda: heapq.merge(carried, _in_order(ecriture.salaries.values(), rank), key=rank), order))
        for matricule in self.perimes:
            suivi.notes[matricule] = (PERIME,)
            suivi.mentions[matricule] = "documents périmés (R-78) : à régénérer"
        complements["rh"] = ecrire(ecriture.dossier, self.resultat, suivi, self.au, parts=self.parts)
        return complements


def _in_order(entries: Iterable[dict[str, Any]], rank: Callable[[dict[str, Any]], int]) -> Iterator[dict[str, Any]]:
    last = -1
    for entry in entries:
        if rank(entry) < last:
            raise RuntimeError("entrées du manifeste hors de l'ordre du dossier")
        last = rank(entry)
        yield entry
