"""`synthese.xlsx`, written row by row (openpyxl's write-only mode: memory stays flat in employees).

Sheets:
- « Synthèse »: the columns of synthese.py, header frozen with the identity columns, filters, dates
  JJ/MM/AAAA, euros, links to the documents, an overdue next action in red, a totals row (answers
  counted, amounts summed);
- « Actions »: every action and deadline of every employee by due date (echeances.py), with the
  status as of the date, what was recorded and the legal sources; overdue ones in red;
- « Avertissements »: the warnings of the case and of each employee, with their rule code.

Column widths are set by kind before the first row (a write-only sheet cannot be measured after).
The actions are sorted by date: they go, as short tuples (about 10 per employee), to a sort on
disk (tri_disque.py) until the end; the rows of the summary are not kept.

openpyxl writes each sheet's header; the rows are written by xlsx_rows.DirectRows, the bytes
openpyxl would write, ten times faster (``direct=False``: every row through openpyxl, for the test
that compares the two). Each cell is described once (``_item``: a value, or a style key, the value
and how an openpyxl cell of that style is made) for both writers.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from .classeur import cellule_sure, enregistrer_reproductible
from .echeances import STATUTS
from .lignes import HrRow
from .echeances import rule_label
from .synthese import FORMAT_DATE, FORMAT_EURO, Colonne, Table, answers_text
from .tri_disque import DiskSort
from .xlsx_rows import DirectRows

_WIDTHS = {"date": 12, "euro": 15, "nombre": 11, "lien": 30, "texte": 18}


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _print_setup(sheet, width_pages: int) -> None:
    """Landscape A4, a few pages wide, the header repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = width_pages
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"


def _date_format(cell) -> None:
    cell.number_format = FORMAT_DATE


def _euro_format(cell) -> None:
    cell.number_format = FORMAT_EURO


def _action_order(action: tuple) -> tuple:
    return action[:3]  # echeances.ordre: date, matricule, deadline


def _hyperlink_style(cell) -> None:
    cell.style = "Hyperlink"


class SyntheseXlsx:
    """``ajouter(fiche, values)`` for each employee, then ``fermer(path)``."""

    def __init__(self, table: Table, direct: bool = True):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        self.table, self.colonnes = table, table.colonnes
        self.book = Workbook(write_only=True)
        self.bold = Font(bold=True)
        self.red = Font(color="C00000", bold=True)
        header_fill = PatternFill("solid", fgColor="DDEBF7")
        wrap = Alignment(wrap_text=True, vertical="top")
        self.sheet = self._sheet("Synthèse", [(c.titre, c.largeur or _WIDTHS[c.genre]) for c in self.colonnes],
                                 header_fill, wrap, freeze="E2", height=45, pages=4)
        self.actions_sheet = self._sheet("Actions", [("Échéance", 12), ("Statut", 12), ("Action", 84),
                                                     ("Matricule", 12), ("Salarié", 26), ("Fait le", 12),
                                                     ("Note", 40), ("Sources", 70)],
                                         header_fill, wrap, freeze="A2", height=18, pages=1)
        self.warnings_sheet = self._sheet("Avertissements", [("Matricule", 12), ("Salarié", 26), ("Règle", 10),
                                                             ("Avertissement", 120)],
                                          header_fill, wrap, freeze="A2", height=18, pages=1)
        self.direct = direct
        self._rows = {id(sheet): DirectRows(sheet, columns) if direct else None
                      for sheet, columns in ((self.sheet, len(self.colonnes)), (self.actions_sheet, 8),
                                             (self.warnings_sheet, 4))}
        self.rows = self.warning_rows = 1
        self.actions = DiskSort(key=_action_order)
        self.totals: dict[int, Any] = {}
        self.answers: Counter = Counter()
        for f in table.resultat.constats:
            if not f.blocking:
                self._warning("", "(dossier)", rule_label(f), f.text)

    def _sheet(self, title: str, columns: list[tuple[str, int]], fill, wrap, freeze: str, height: int, pages: int):
        from openpyxl.cell import WriteOnlyCell

        sheet = self.book.create_sheet(title)
        for index, (_, width) in enumerate(columns, start=1):
            sheet.column_dimensions[_letter(index)].width = width
        sheet.freeze_panes = freeze
        _print_setup(sheet, pages)
        sheet.row_dimensions[1].height = height
        header = []
        for name, _ in columns:
            cell = WriteOnlyCell(sheet, name)
            cell.font, cell.fill, cell.alignment = self.bold, fill, wrap
            header.append(cell)
        sheet.append(header)
        return sheet

    def _red_font(self, cell) -> None:
        cell.font = self.red

    def _bold_font(self, cell) -> None:
        cell.font = self.bold

    def _bold_euro(self, cell) -> None:
        cell.font = self.bold
        cell.number_format = FORMAT_EURO

    def _item(self, c: Colonne, value: Any):
        """The cell of ``value`` in column ``c``: a plain value, or (style, value, configure[, link])."""
        if value is None:
            return None
        if c.genre == "lien":
            return ("lien", cellule_sure(value[0]), _hyperlink_style, value[1])
        if c.genre == "date":
            return ("date", value, _date_format)
        if c.genre == "euro":
            return ("euro", value, _euro_format)
        if c.titre == "Prochaine action" and value.startswith("EN RETARD"):
            return ("rouge", cellule_sure(value), self._red_font)
        if c.genre == "nombre" and isinstance(value, Decimal):
            return float(value) if value != value.to_integral_value() else int(value)
        return cellule_sure(value)

    def _append(self, sheet, items: list[Any]) -> None:
        """One row of ``sheet``, by DirectRows, or (``direct=False``) by openpyxl cell by cell."""
        rows = self._rows[id(sheet)]
        if rows is not None:
            rows.append(items)
            return
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for item in items:
            if type(item) is tuple:
                cell = WriteOnlyCell(sheet, item[1])
                if len(item) > 3:
                    cell.hyperlink = item[3]
                item[2](cell)
                item = cell
            cells.append(item)
        sheet.append(cells)

    def _warning(self, matricule: str, name: str, code: str, text: str) -> None:
        self._append(self.warnings_sheet, [cellule_sure(matricule), cellule_sure(name), code, cellule_sure(text)])
        self.warning_rows += 1

    def ajouter(self, part: HrRow, values: list[Any]) -> None:
        """One employee: its part (rh/lignes.py) and its row's values (``Table.ligne``)."""
        self._append(self.sheet, [self._item(c, v) for c, v in zip(self.colonnes, values)])
        self.rows += 1
        for index, (c, v) in enumerate(zip(self.colonnes, values)):
            if c.total and v is not None:
                self.totals[index] = self.totals.get(index, 0) + v
        self.answers[part.reponse] += 1
        for code, text in part.constats:
            self._warning(part.matricule, part.nom, code, text)
        for when, matricule, key, statut, libelle, done, note, sources in part.actions:
            self.actions.add((when, matricule, key, statut, libelle, part.nom, done, note, sources))

    def _totals_row(self) -> None:
        row: list[Any] = [None] * len(self.colonnes)
        row[0] = ("gras", f"Total ({self.rows - 1} salariés)", self._bold_font)
        row[self.table.index_reponse] = ("gras", answers_text(self.answers), self._bold_font)
        for index, value in self.totals.items():
            euro = self.colonnes[index].genre == "euro"
            row[index] = ("gras-euro", value, self._bold_euro) if euro else ("gras", value, self._bold_font)
        self._append(self.sheet, row)

    def _actions_rows(self) -> None:
        sheet = self.actions_sheet
        late = STATUTS["en_retard"]
        for when, matricule, _, statut, libelle, name, done, note, sources in self.actions:
            self._append(sheet, [("date", when, _date_format),
                                 ("rouge", statut, self._red_font) if statut == late else statut,
                                 cellule_sure(libelle), cellule_sure(matricule), cellule_sure(name),
                                 ("date", done, _date_format) if done is not None else None,
                                 cellule_sure(note) or None, sources])
        sheet.auto_filter.ref = f"A1:H{len(self.actions) + 1}"
        self.actions.close()

    def abandonner(self) -> None:
        """Give up this workbook (nothing saved): its temporary files closed and removed."""
        for sheet in self.book.worksheets:  # openpyxl's stream of each sheet, ended properly
            sheet.close()
            sheet._writer.cleanup()
        for rows in self._rows.values():
            if rows is not None:
                rows.close()
        self.actions.close()

    def fermer(self, path: Path) -> None:
        self._totals_row()
        self.sheet.auto_filter.ref = f"A1:{_letter(len(self.colonnes))}{self.rows}"
        self._actions_rows()
        self.warnings_sheet.auto_filter.ref = f"A1:D{self.warning_rows}"
        direct = {sheet.title: rows for sheet, rows in
                  ((s, self._rows[id(s)]) for s in (self.sheet, self.actions_sheet, self.warnings_sheet))
                  if rows is not None}
        try:
            enregistrer_reproductible(self.book, path, direct)
        finally:
            for rows in direct.values():
                rows.close()
