"""An employee's cells of synthese.xlsx and its line of synthese.csv, formatted with its part.

generate's workers make each employee's part of the HR files (lignes.py); formatting its cells
there, rather than in the parent as the files are written, leaves the parent, which also receives
every employee's documents, little more than copying text. What is formatted here is what does not
depend on the other employees: the summary's cells up to the warnings (the mention status and the
links come from the run: sorties.HrWriter adds them), the CSV fields of those columns, each row of
the warnings and of the actions sheets. What does, the row numbers and the style ids, is left open
(xlsx_cells.template) and filled in by the parent.

Each cell is described here once (``cell``, ``warning_items``, ``action_items``: a value, or a
(style name, value[, link]) tuple) for both the direct rows and openpyxl (synthese_xlsx.py).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any, Optional, Sequence

from .classeur import cellule_sure
from .echeances import STATUTS
from .synthese import Colonne, Table, _csv_value
from .xlsx_cells import Template, column_letter, template

LATE = STATUTS["en_retard"]
_LETTERS_8 = [column_letter(i) for i in range(1, 9)]


def cell(c: Colonne, value: Any) -> Any:
    """The cell of ``value`` in the summary's column ``c``: None, a plain value, or (style, value[, link])."""
    if value is None:
        return None
    if c.genre == "lien":
        return ("lien", cellule_sure(value[0]), value[1])
    if c.genre == "date":
        return ("date", value)
    if c.genre == "euro":
        return ("euro", value)
    if c.titre == "Prochaine action" and value.startswith("EN RETARD"):
        return ("rouge", cellule_sure(value))
    if c.genre == "nombre" and isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return cellule_sure(value)


def warning_items(matricule: str, name: str, code: str, text: str) -> list[Any]:
    """A row of the « Avertissements » sheet."""
    return [cellule_sure(matricule), cellule_sure(name), code, cellule_sure(text)]


def action_items(when, matricule: str, statut: str, libelle: str, name: str, done, note: str, sources: str) -> list[Any]:
    """A row of the « Actions » sheet (overdue in red)."""
    return [("date", when), ("rouge", statut) if statut == LATE else statut,
            cellule_sure(libelle), cellule_sure(matricule), cellule_sure(name),
            ("date", done) if done is not None else None, cellule_sure(note) or None, sources]


class CellFormatter:
    """Formats an employee's cells for ``table``'s columns (made before generate's workers fork)."""

    def __init__(self, table: Table):
        self.colonnes = table.colonnes
        self.letters = [column_letter(i) for i in range(1, len(self.colonnes) + 1)]
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, delimiter=";", lineterminator="\r\n")  # synthese.SyntheseCsv's

    def summary(self, values: Sequence[Any]) -> Optional[Template]:
        """The summary's first ``len(values)`` cells, or None when openpyxl must write one of them."""
        return template([cell(c, v) for c, v in zip(self.colonnes, values)], self.letters)

    def csv(self, values: Sequence[Any]) -> str:
        """The CSV fields of the first ``len(values)`` columns, as SyntheseCsv writes them (no line end)."""
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow([_csv_value(c, v) for c, v in zip(self.colonnes, values)])
        return self._buffer.getvalue()[:-2]

    @staticmethod
    def warning(matricule: str, name: str, code: str, text: str) -> Optional[Template]:
        return template(warning_items(matricule, name, code, text), _LETTERS_8)

    @staticmethod
    def action(when, matricule: str, statut: str, libelle: str, name: str, done, note: str,
               sources: str) -> Optional[Template]:
        return template(action_items(when, matricule, statut, libelle, name, done, note, sources), _LETTERS_8)
