"""One employee's part of the HR files (synthese.xlsx, synthese.csv, echeancier.ics), made apart.

What the HR files say about an employee comes from the engine's facts as of the date (the fiche,
echeances.py), not from the documents written, except the mention status and the links
(``Table.ligne_suivi``, added when the files are written). ``generate``'s workers make this part
with the employee's documents, from the facts as of the date they already computed to render
them (cspdocs/pipeline/workers.py): the files are then written from these parts, in the case's
order, without computing anything again; ``HrRowSpool`` keeps them on disk meanwhile (memory stays
flat in employees). An employee no worker made (carried over by ``--employe``, or ``cspdocs
synthese``) gets the same part, made when the files are written (``HrRowMaker.row``).
"""

from __future__ import annotations

import pickle
import tempfile
from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from ..engine.facts import CaseResult, EmployeeResult
from ..engine.findings import Finding
from ..engine.timeline import VueAu
from .echeances import STATUTS, Fiche, fiche, fiche_au, rule_label
from .echeancier import evenements
from .synthese import Suivi, Table, answer_kind


@dataclass(frozen=True)
class HrRow:
    matricule: str
    nom: str  # "Prénom Nom"
    valeurs: list[Any]  # Table.ligne_faits
    constats: tuple[tuple[str, str], ...]  # Fiche.constats as (rule code, line) pairs
    reponse: str  # synthese.answer_kind
    # (due date, matricule, deadline key, status, label, done on, note, sources) by deadline
    actions: tuple[tuple, ...]
    ics: bytes  # echeancier.evenements (the calendar per employee)


def row_of(table: Table, f: Fiche, nom_dossier: str) -> HrRow:
    s = f.rs.employee
    actions = tuple((e.date, e.matricule, e.cle, STATUTS[e.statut], e.libelle, e.fait_le, e.note, " ; ".join(e.sources))
                    for e in f.echeances)
    return HrRow(s.matricule, f"{s.prenom} {s.nom}", table.ligne_faits(f),
                 tuple((rule_label(c), c.text) for c in f.constats), answer_kind(f),
                 actions, evenements(f, nom_dossier, f.au))


class HrRowMaker:
    """Makes employees' parts as of ``au``; built before generate's workers fork (they inherit it)."""

    def __init__(self, resultat: CaseResult, au: date, table: Optional[Table] = None):
        self.resultat, self.au = resultat, au
        self.table = table if table is not None else Table(resultat, Suivi(), au)  # the facts' columns only

    def fiche(self, rs: EmployeeResult, current: Optional[EmployeeResult] = None, raw=None,
              notes: tuple[Finding, ...] = (), vue: Optional[VueAu] = None) -> Fiche:
        """``current``: the employee's facts as of ``au`` when already computed (echeances.faits_au);
        ``vue``: the view as of ``au`` they are the ``courant`` of, when known (none computed again)."""
        if vue is not None:
            return fiche_au(self.resultat, vue.courant, self.au, notes=notes, vue=vue)
        if current is not None:
            return fiche_au(self.resultat, current, self.au, notes=notes)
        return fiche(self.resultat, rs, self.au, raw=raw, notes=notes)

    def row(self, rs: EmployeeResult, current: Optional[EmployeeResult] = None, raw=None,
            notes: tuple[str, ...] = (), vue: Optional[VueAu] = None) -> HrRow:
        return row_of(self.table, self.fiche(rs, current, raw, notes, vue), self.resultat.name)


class HrRowSpool:
    """The parts of this run's employees, in the case's order, in a temporary file until written."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._next: Optional[HrRow] = None
        self._reading = False

    @staticmethod
    def pack(row: HrRow) -> bytes:
        """A part as ``add`` stores it (a worker packs it: the parent then copies bytes, never
        unpickling it to pickle it again)."""
        return pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)

    def add(self, row: HrRow | bytes) -> None:
        """The next part, or its ``pack``."""
        self._file.write(row if isinstance(row, bytes) else self.pack(row))

    def take(self, matricule: str) -> Optional[HrRow]:
        """The next part if it is this employee's (the files are written in the same order), else None."""
        if not self._reading:
            self._file.seek(0)
            self._reading = True
            self._next = self._load()
        if self._next is not None and self._next.matricule == matricule:
            row, self._next = self._next, self._load()
            return row
        return None

    def _load(self) -> Optional[HrRow]:
        try:
            return pickle.load(self._file)
        except EOFError:
            return None

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "HrRowSpool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
