"""The HR files written while generate's workers run, as each employee arrives (same bytes).

Without PDF and without ``--employe``, everything an employee's rows say is known once its worker
is done: its part (rh/lignes.py), its links (its manifest entry) and its mention status (every
published document passed the check). Only the summary's link columns depend on every employee:
one per kind of document, in the order the kinds first appear. ``LiveHr`` takes the kinds of the
first employee and writes each employee's rows as it comes (sorties.HrWriter); an employee with a
kind the first one lacks (a follow-up document, say) would change the columns: the files written
so far are then abandoned and the HR files are written at the end as before, from the parts kept
on disk meanwhile (generate keeps them in any case).
"""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Optional

from ..engine.facts import CaseResult
from .sorties import VERIFIEES, HrWriter, links
from .synthese import Suivi


class _Current:
    """``Suivi.documents`` for one employee at a time (its kinds fixed from the first employee)."""

    def __init__(self, kinds: list[str]):
        self.kinds = kinds
        self.matricule: Optional[str] = None
        self.links: list[tuple[str, str]] = []

    def values(self) -> Iterator[list[tuple[str, str]]]:
        return iter([[(label, "") for label in self.kinds]])

    def get(self, matricule: str, default: Any = None) -> Any:
        return self.links if matricule == self.matricule else default


class LiveHr:
    """``add(entry, part)`` for each employee in the case's order, then ``finish``: {name: sha256},
    or None when the files must be written at the end (see the module docstring)."""

    def __init__(self, dossier: Path, resultat: CaseResult, au: date):
        self.dossier, self.resultat, self.au = dossier, resultat, au
        self._employees = iter(resultat.employees)
        self._writer: Optional[HrWriter] = None
        self._links: Optional[_Current] = None
        self.valid = True

    def add(self, entry: dict[str, Any], part: Optional[bytes]) -> None:
        if not self.valid:
            return
        docs = links(entry)
        if self._writer is None:
            self._links = _Current(list(dict.fromkeys(label for label, _ in docs)))
            suivi = Suivi(mentions_defaut=VERIFIEES, documents=self._links)  # type: ignore[arg-type]
            self._writer = HrWriter(self.dossier, self.resultat, suivi, self.au)
        assert self._links is not None
        rs = next(self._employees, None)
        kinds = self._links.kinds
        if rs is None or rs.employee.matricule != entry["matricule"] or any(k not in kinds for k, _ in docs):
            self.discard()
            return
        self._links.matricule, self._links.links = entry["matricule"], docs
        self._writer.add(rs, pickle.loads(part) if part is not None else None)

    def finish(self) -> Optional[dict[str, str]]:
        """The files' digests once every employee is written; None if they must be written anew."""
        if not self.valid or self._writer is None or next(self._employees, None) is not None:
            self.discard()
            return None
        writer, self._writer = self._writer, None
        self.valid = False  # closed
        return writer.close()

    def discard(self) -> None:
        self.valid = False
        if self._writer is not None:
            self._writer.discard()
            self._writer.workbook.abandonner()
            self._writer = None
