"""`synthese.xlsx`, written row by row (openpyxl's write-only mode: memory stays flat in employees).

Sheets:
- « Synthèse »: the columns of synthese.py, header frozen with the identity columns, filters, dates
  JJ/MM/AAAA, euros, links to the documents, an overdue next action in red, a totals row (answers
  counted, amounts summed);
- « Actions »: every action and deadline of every employee by due date (echeances.py), with the
  status as of the date, what was recorded and the legal sources; overdue ones in red;
- « Avertissements »: the warnings of the case and of each employee, with their rule code.

Column widths are set by kind before the first row (a write-only sheet cannot be measured after).
The actions are sorted by date, so they are kept until the end, as short tuples (about 10 per
employee); the rows of the summary are not kept.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from .classeur import cellule_sure, enregistrer_reproductible
from .echeances import STATUTS, Fiche
from .synthese import FORMAT_DATE, FORMAT_EURO, Colonne, Table, answer_kind, answers_text, rule_code

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


class SyntheseXlsx:
    """``ajouter(fiche, values)`` for each employee, then ``fermer(path)``."""

    def __init__(self, table: Table):
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
        self.rows = self.warning_rows = 1
        self.actions: list[tuple] = []
        self._shared: dict[str, str] = {}
        self.totals: dict[int, Any] = {}
        self.answers: Counter = Counter()
        for text in table.resultat.avertissements:
            self._warning("", "(dossier)", text)

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

    def _cell(self, c: Colonne, value: Any):
        from openpyxl.cell import WriteOnlyCell

        if value is None:
            return None
        if c.genre == "lien":
            cell = WriteOnlyCell(self.sheet, cellule_sure(value[0]))
            cell.hyperlink = value[1]
            cell.style = "Hyperlink"
            return cell
        if c.genre in ("date", "euro"):
            cell = WriteOnlyCell(self.sheet, value)
            cell.number_format = FORMAT_DATE if c.genre == "date" else FORMAT_EURO
            return cell
        if c.titre == "Prochaine action" and value.startswith("EN RETARD"):
            cell = WriteOnlyCell(self.sheet, cellule_sure(value))
            cell.font = self.red
            return cell
        if c.genre == "nombre" and isinstance(value, Decimal):
            return float(value) if value != value.to_integral_value() else int(value)
        return cellule_sure(value)

    def _intern(self, text: str) -> str:
        return self._shared.setdefault(text, text)

    def _warning(self, matricule: str, name: str, text: str) -> None:
        self.warnings_sheet.append([cellule_sure(matricule), cellule_sure(name), rule_code(text), cellule_sure(text)])
        self.warning_rows += 1

    def ajouter(self, fiche: Fiche, values: list[Any]) -> None:
        self.sheet.append([self._cell(c, v) for c, v in zip(self.colonnes, values)])
        self.rows += 1
        for index, (c, v) in enumerate(zip(self.colonnes, values)):
            if c.total and v is not None:
                self.totals[index] = self.totals.get(index, 0) + v
        self.answers[answer_kind(fiche)] += 1
        s = fiche.rs.salarie
        name = f"{s.prenom} {s.nom}"
        for text in fiche.avertissements:
            self._warning(s.matricule, name, text)
        for e in fiche.echeances:
            self.actions.append((e.date, e.matricule, e.cle, self._intern(STATUTS[e.statut]),
                                 self._intern(e.libelle), name, e.fait_le, self._intern(e.note),
                                 self._intern(" ; ".join(e.sources))))

    def _totals_row(self) -> None:
        from openpyxl.cell import WriteOnlyCell

        row: list[Any] = [None] * len(self.colonnes)
        first = WriteOnlyCell(self.sheet, f"Total ({self.rows - 1} salariés)")
        first.font = self.bold
        row[0] = first
        answers = WriteOnlyCell(self.sheet, answers_text(self.answers))
        answers.font = self.bold
        row[self.table.index_reponse] = answers
        for index, value in self.totals.items():
            cell = WriteOnlyCell(self.sheet, value)
            cell.font = self.bold
            if self.colonnes[index].genre == "euro":
                cell.number_format = FORMAT_EURO
            row[index] = cell
        self.sheet.append(row)

    def _actions_rows(self) -> None:
        from openpyxl.cell import WriteOnlyCell

        sheet = self.actions_sheet
        self.actions.sort(key=lambda a: a[:3])  # echeances.ordre: date, matricule, deadline
        late = STATUTS["en_retard"]
        for when, matricule, _, statut, libelle, name, done, note, sources in self.actions:
            day = WriteOnlyCell(sheet, when)
            day.number_format = FORMAT_DATE
            status = WriteOnlyCell(sheet, statut)
            if statut == late:
                status.font = self.red
            done_cell = None
            if done is not None:
                done_cell = WriteOnlyCell(sheet, done)
                done_cell.number_format = FORMAT_DATE
            sheet.append([day, status, cellule_sure(libelle), cellule_sure(matricule), cellule_sure(name), done_cell,
                          cellule_sure(note) or None, sources])
        sheet.auto_filter.ref = f"A1:H{len(self.actions) + 1}"
        self.actions = []

    def fermer(self, path: Path) -> None:
        self._totals_row()
        self.sheet.auto_filter.ref = f"A1:{_letter(len(self.colonnes))}{self.rows}"
        self._actions_rows()
        self.warnings_sheet.auto_filter.ref = f"A1:D{self.warning_rows}"
        enregistrer_reproductible(self.book, path)
