"""The blank employees' workbook (`cspdocs modele-tableur`), built from the column table.

Sheet « Salariés »: one column per column of colonnes.py, required ones first; the header row is
frozen and filtered, each header carries a comment saying what the column expects; choice and
yes/no columns get a drop-down list of their French labels; date columns are formatted JJ/MM/AAAA
amounts as euros (months and the rate of charges as plain numbers and a percentage), the lists
cover the whole column; row 2 is an example (matricule ``EXEMPLE``, skipped when read back).
Sheet « Colonnes »: the same information as a table, for printing.
"""

from __future__ import annotations

from datetime import date

from ..case.colonnes import NON_MONETAIRES, Colonne, colonnes
from ..case.fields import BOOL, DATE, DECIMAL, LIST, MODEL
from ..case.tableur import EXEMPLE
from ..case.xlsx_source import FEUILLE
from .classeur import octets_reproductibles

FORMAT_DATE = "DD/MM/YYYY"
FORMAT_EURO = '#,##0.00\\ "€"'
LIGNES_FORMATEES = 500  # rows below the header that get the date/amount formats (cell by cell)
# the drop-down lists apply to the whole column (down to Excel's last row: 1,048,576), at no cost
DERNIERE_LIGNE_EXCEL = 1_048_576

EXEMPLE_LIGNE = {
    "matricule": EXEMPLE,
    "civilite": "Madame",
    "prenom": "Camille",
    "nom": "Exemple",
    "adresse.rue": "12 rue des Lilas",
    "adresse.code_postal": "33600",
    "adresse.ville": "Pessac",
    "date_entree": date(2012, 9, 3),
    "emploi": "Technicienne de maintenance",
    "cadre": False,
    "salaire_brut_mensuel": 2850.0,
    "mode_remise": "main_propre",
    "date_convocation": date(2026, 6, 12),
}


def ordered() -> list[Colonne]:
    cols = list(colonnes())
    return [c for c in cols if c.obligatoire] + [c for c in cols if not c.obligatoire]


def _choices(colonne: Colonne) -> list[str]:
    if colonne.choix:
        return [label for _, label in colonne.choix]
    if colonne.genre in (BOOL, MODEL):
        return ["Oui", "Non"]
    return []


def _example(colonne: Colonne):
    value = EXEMPLE_LIGNE.get(colonne.cle)
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if colonne.choix and value is not None:
        return colonne.libelle(value)
    return value


def construire():
    """The blank workbook (an openpyxl Workbook)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = FEUILLE
    required_fill = PatternFill("solid", fgColor="F4B183")
    optional_fill = PatternFill("solid", fgColor="DDEBF7")
    cols = ordered()
    last_row = LIGNES_FORMATEES + 1
    for index, colonne in enumerate(cols, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(1, index, colonne.entete)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = required_fill if colonne.obligatoire else optional_fill
        note = f"{colonne.aide}\n(clé : {colonne.cle}{' ; obligatoire' if colonne.obligatoire else ''})"
        cell.comment = Comment(note, "cspdocs", width=320, height=120)
        sheet.column_dimensions[letter].width = max(14, min(34, len(colonne.entete) + 4))
        choices = _choices(colonne)
        if choices:
            validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                        showErrorMessage=True, errorTitle=colonne.entete,
                                        error="Choisissez une valeur de la liste : " + ", ".join(choices))
            validation.add(f"{letter}2:{letter}{DERNIERE_LIGNE_EXCEL}")
            sheet.add_data_validation(validation)
        number_format = {DATE: FORMAT_DATE, DECIMAL: FORMAT_EURO}.get(colonne.genre)
        if colonne.cle in NON_MONETAIRES:  # months, a rate: never shown in euros
            number_format = NON_MONETAIRES[colonne.cle][1]
        if number_format:
            for row in range(2, last_row + 1):
                sheet.cell(row, index).number_format = number_format
        example = _example(colonne)
        if example is not None:
            sheet.cell(2, index, example).font = Font(italic=True, color="808080")
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(cols))}1"
    sheet.row_dimensions[1].height = 45
    _help_sheet(book, cols)
    return book


def _help_sheet(book, cols: list[Colonne]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet("Colonnes")
    sheet.append(["En-tête", "Clé", "Obligatoire", "Ce qui est attendu", "Autres en-têtes acceptés"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for colonne in cols:
        sheet.append([colonne.entete, colonne.cle, "oui" if colonne.obligatoire else "", colonne.aide,
                      ", ".join(colonne.alias)])
    for letter, width in zip("ABCDE", (34, 40, 12, 80, 40)):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.append([])
    sheet.append([f"La ligne 2 de la feuille « {FEUILLE} » est un exemple (matricule {EXEMPLE}) : elle est ignorée "
                  "à la lecture ; remplacez-la ou laissez-la."])
    sheet.append(["Listes de salaires (« Salaires des 12 derniers mois ») : montants séparés par « | », du plus "
                  "ancien au plus récent."] if any(c.genre == LIST for c in cols) else [])


def octets() -> bytes:
    return octets_reproductibles(construire())


def texte_colonnes() -> str:
    """The accepted columns, for ``--colonnes``."""
    lines = ["Colonnes acceptées (en-tête français, ou la clé entre parenthèses ; casse et accents indifférents) :", ""]
    for colonne in ordered():
        flag = " — obligatoire" if colonne.obligatoire else ""
        lines.append(f"{colonne.entete} ({colonne.cle}){flag}")
        lines.append(f"    {colonne.aide}")
        if colonne.alias:
            lines.append(f"    aussi : {', '.join(colonne.alias)}")
    return "\n".join(lines) + "\n"
