"""The rows of an Excel workbook (.xlsx), read with openpyxl (cells are read by tableur.py).

- The sheet named « Salariés » (as written by ``cspdocs modele-tableur``), else the first sheet.
- Cells keep their type: a date cell is a ``datetime``, a number a ``float``/``int``.
- A formula is read through the value the spreadsheet last computed; a formula never computed
  (a file written by a program and never opened) is an error, not an empty cell.
- Merged cells are reported by tableur.py (one value per cell is expected); row numbers are the
  workbook's own, as Excel shows them.
- The package is checked before openpyxl opens it: a zip archive whose content would unpack to more
  than ``limite_decompresse`` bytes (a zip bomb) is refused.
"""

from __future__ import annotations

import io
import zipfile
from typing import Optional

from .cellules import Probleme
from .csv_source import Lignes

FEUILLE = "Salariés"


def _package_problem(raw: bytes, limit: int) -> Optional[Probleme]:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            total = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return Probleme("ce fichier n'est pas un classeur Excel .xlsx lisible (archive invalide) ; "
                        "enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV UTF-8 »")
    if total > limit:
        return Probleme(f"classeur trop volumineux une fois décompressé (plus de {limit // 2**20} Mio)")
    if "xl/workbook.xml" not in names:
        return Probleme("ce fichier n'est pas un classeur Excel .xlsx (fichier .xlsx attendu ; "
                        "un classeur .xls ou .ods doit être enregistré au format .xlsx)")
    return None


def read_xlsx(raw: bytes, limite_decompresse: int) -> Lignes:
    import openpyxl  # only when a workbook is read

    out = Lignes(lettres=True)
    problem = _package_problem(raw, limite_decompresse)
    if problem is not None:
        out.problems.append((None, problem))
        return out
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), data_only=False)
    except Exception:  # openpyxl raises many kinds of errors on a damaged package
        out.problems.append((None, Probleme("classeur Excel illisible ou endommagé : ouvrez-le et "
                                            "enregistrez-le à nouveau au format .xlsx")))
        return out
    sheet = book[FEUILLE] if FEUILLE in book.sheetnames else book.worksheets[0]
    formulas = [(c.row, c.column) for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    computed = None
    if formulas:
        computed = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)[sheet.title]
    for index, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = list(row)
        while cells and cells[-1] is None:
            cells.pop()
        out.rows.append((index, cells))
    for r, c in formulas:
        value = computed.cell(r, c).value if computed is not None else None
        cells = out.rows[r - 1][1]
        if value is None:
            cells[c - 1] = Probleme("formule sans valeur calculée : ouvrez le classeur dans Excel ou "
                                    "LibreOffice et enregistrez-le, ou remplacez la formule par sa valeur")
        else:
            cells[c - 1] = value
    out.fusions = [(str(r), r.min_row, r.max_row, r.min_col) for r in sheet.merged_cells.ranges]
    return out
