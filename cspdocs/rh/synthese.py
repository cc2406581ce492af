"""`synthese.xlsx` and `synthese.csv`: one row per employee, for the HR team's spreadsheet.

Columns: identity, handover mode, recorded answer, every date the engine computed, letter variant,
amounts, warnings by rule code, mention check status, links to the documents. The workbook adds a
frozen header with filters, French date and euro formats, a totals row, a sheet of the deadlines
by date (echeances.py) and a sheet of the warnings. The CSV (UTF-8 with BOM, ``;``, decimal comma)
has the same columns, without totals. Every text cell goes through ``cellule_sure`` (formula
injection). Values are the engine's: nothing is computed here but counts and sums.

The employee's state and actions (issue 10) are not columns yet: the engine does not provide them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any, Optional

from ..case.colonnes import par_cle
from ..engine.compute import CONTRACT_AMOUNT_KEYS, CONTRACT_DATE_KEYS
from ..engine.facts import ResultatDossier, ResultatSalarie
from ..report import _AMOUNT_LABELS, _DATE_LABELS
from .classeur import cellule_sure, octets_reproductibles
from .echeances import echeances

DATE_LABELS = dict(_DATE_LABELS) | {
    "derniere_reunion_cse": "Dernière réunion du CSE",
    "enonce_motif": "Énoncé du motif",
    "fin_delai_envoi_lettre": "Date limite d'envoi de la lettre",
    "fin_delai_reflexion_21_jours": "Fin des 21 jours",
    "fin_preavis": "Fin du préavis (théorique)",
    "decision_administration": "Décision administrative (PSE)",
    "entretien_prealable": "Entretien préalable",
    "envoi_documents": "Envoi des documents",
    "fin_delai_reflexion_lecture_stricte": "Fin du délai (lecture stricte)",
    "notification_autorisation": "Notification de l'autorisation",
}
AMOUNT_LABELS = dict(_AMOUNT_LABELS) | {
    "anciennete_annees": "Ancienneté (années)",
    "preavis_mois": "Préavis (mois)",
}
NOT_MONEY = {"anciennete_annees", "preavis_mois"}
NOT_SUMMED = NOT_MONEY | {"salaire_reference", "asp_journaliere"}  # a total of these means nothing
VARIANTES = {
    "conservatoire": "Conservatoire (pendant le délai)",
    "apres_acceptation": "Après acceptation",
    "licenciement": "Licenciement",
}
REPONSES = {"acceptation": "Acceptation", "refus": "Refus"}
SANS_REPONSE = "sans réponse enregistrée"
FORMAT_DATE = "DD/MM/YYYY"
FORMAT_EURO = '#,##0.00\\ "€"'


@dataclass
class Colonne:
    titre: str
    genre: str  # "texte" | "date" | "euro" | "nombre" | "lien"
    total: bool = False


@dataclass
class Suivi:
    """What generate knows beyond the engine: documents written and their mention check."""

    documents: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # matricule -> (label, path)
    mentions: dict[str, str] = field(default_factory=dict)  # matricule -> status
    mentions_defaut: str = "non vérifiées (documents non générés par cette commande)"


def rule_code(warning: str) -> str:
    head, sep, _ = warning.partition(" : ")
    return head if sep and len(head) <= 12 else "autre"


def _date_keys(resultat: ResultatDossier) -> list[str]:
    extra = sorted({k for rs in resultat.salaries for k in rs.dates} - set(CONTRACT_DATE_KEYS))
    return list(CONTRACT_DATE_KEYS) + extra


def _amount_columns() -> list[tuple[str, str, Optional[str]]]:
    out = []
    for key in CONTRACT_AMOUNT_KEYS:
        if key == "penalite_defaut_proposition":
            out.append((key, "Pénalité si CSP non proposé (refus)", "refus"))
            out.append((key, "Pénalité si CSP non proposé (adhésion)", "adhesion"))
        else:
            out.append((key, AMOUNT_LABELS.get(key, key), None))
    return out


def _amount(rs: ResultatSalarie, key: str, part: Optional[str]) -> Optional[Decimal]:
    value = rs.montants.get(key)
    if part is not None:
        value = value.get(part) if isinstance(value, dict) else None
    return value if isinstance(value, (Decimal, int)) and not isinstance(value, bool) else None


def table(resultat: ResultatDossier, suivi: Suivi) -> tuple[list[Colonne], list[list[Any]]]:
    """The columns and one row of values per employee (dates as ``date``, amounts as ``Decimal``)."""
    date_keys = _date_keys(resultat)
    amounts = _amount_columns()
    # one column per kind of document, in the order they are produced (a document not produced
    # for an employee, e.g. no receipt after a remote handover, leaves its cell empty)
    kinds = list(dict.fromkeys(label for docs in suivi.documents.values() for label, _ in docs))
    mode = par_cle("mode_remise")
    columns = [Colonne(t, "texte") for t in ("Matricule", "Civilité", "Prénom", "Nom", "Emploi", "Mode de remise",
                                             "Réponse")]
    columns.append(Colonne("Date de la réponse", "date"))
    columns += [Colonne(DATE_LABELS.get(k, k), "date") for k in date_keys]
    columns.append(Colonne("Lettre recommandée", "texte"))
    columns += [Colonne(label, "nombre" if key in NOT_MONEY else "euro", key not in NOT_SUMMED)
                for key, label, _ in amounts]
    columns += [Colonne("Avertissements (règles)", "texte"), Colonne("Mentions obligatoires", "texte")]
    columns += [Colonne(label[:1].upper() + label[1:], "lien") for label in kinds]
    rows = []
    for rs in resultat.salaries:
        s = rs.salarie
        row: list[Any] = [s.matricule, s.civilite, s.prenom, s.nom, s.emploi,
                          mode.libelle(s.mode_remise) if mode else s.mode_remise,
                          REPONSES[s.reponse.decision] if s.reponse else SANS_REPONSE,
                          s.reponse.date if s.reponse else None]
        row += [rs.dates.get(k) for k in date_keys]
        row.append(VARIANTES.get(rs.lettre.get("variante"), "inconnue"))
        row += [_amount(rs, key, part) for key, _, part in amounts]
        row.append(", ".join(dict.fromkeys(rule_code(w) for w in rs.avertissements)))
        row.append(suivi.mentions.get(s.matricule, suivi.mentions_defaut))
        docs = dict(suivi.documents.get(s.matricule, []))
        row += [(PurePosixPath(docs[k]).name, docs[k]) if k in docs else None for k in kinds]
        rows.append(row)
    return columns, rows


def answers_count(resultat: ResultatDossier) -> str:
    counts = {"acceptation": 0, "refus": 0, None: 0}
    for rs in resultat.salaries:
        counts[rs.salarie.reponse.decision if rs.salarie.reponse else None] += 1
    return (f"{counts['acceptation']} acceptation(s), {counts['refus']} refus, "
            f"{counts[None]} {SANS_REPONSE}")


def xlsx(resultat: ResultatDossier, suivi: Suivi) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns, rows = table(resultat, suivi)
    book = Workbook()
    sheet = book.active
    sheet.title = "Synthèse"
    sheet.append([c.titre for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = 42
    # (sheet.max_row scans every cell: rows are counted here instead)
    for row, values in enumerate(rows, start=2):
        sheet.append([_cell(c, v) for c, v in zip(columns, values)])
        for index, (c, v) in enumerate(zip(columns, values), start=1):
            _format(sheet.cell(row, index), c, v)
    last = len(rows) + 1
    total_row = last + 1
    sheet.cell(total_row, 1, f"Total ({len(rows)} salariés)").font = Font(bold=True)
    sheet.cell(total_row, 7, cellule_sure(answers_count(resultat))).font = Font(bold=True)
    for index, c in enumerate(columns, start=1):
        if c.total:
            values = [r[index - 1] for r in rows if r[index - 1] is not None]
            cell = sheet.cell(total_row, index, sum(values, Decimal(0)))
            cell.number_format = FORMAT_EURO
            cell.font = Font(bold=True)
        longest = max([len(_width_text(r[index - 1])) for r in rows] + [min(len(c.titre), 16)])
        sheet.column_dimensions[get_column_letter(index)].width = max(11, min(40, longest + 2))
    sheet.freeze_panes = "E2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    _print_setup(sheet, width_pages=4)
    _deadlines_sheet(book, resultat)
    _warnings_sheet(book, resultat)
    return octets_reproductibles(book)


def _print_setup(sheet, width_pages: int) -> None:
    """Landscape, a few pages wide, identity columns and header repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = width_pages
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "1:1"


def _width_text(value: Any) -> str:
    if isinstance(value, tuple):  # a link: (label, path)
        return value[0]
    return "00/00/0000" if isinstance(value, date) else ("" if value is None else str(value))


def _cell(c: Colonne, value: Any) -> Any:
    if c.genre == "lien":
        return cellule_sure(value[0]) if value else None
    return cellule_sure(value)


def _format(cell, c: Colonne, value: Any) -> None:
    if c.genre == "date":
        cell.number_format = FORMAT_DATE
    elif c.genre == "euro":
        cell.number_format = FORMAT_EURO
    elif c.genre == "lien" and value:
        cell.hyperlink = value[1]
        cell.style = "Hyperlink"


def _deadlines_sheet(book, resultat: ResultatDossier) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("Échéances")
    sheet.append(["Date", "Échéance", "Matricule", "Salarié", "Sources"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    row = 1
    for row, e in enumerate(echeances(resultat), start=2):
        sheet.append([e.date, e.libelle, cellule_sure(e.matricule), cellule_sure(e.nom), " ; ".join(e.sources)])
        sheet.cell(row, 1).number_format = FORMAT_DATE
    for letter, width in zip("ABCDE", (12, 52, 14, 28, 90)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:E{row}"
    _print_setup(sheet, width_pages=1)


def _warnings_sheet(book, resultat: ResultatDossier) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("Avertissements")
    sheet.append(["Matricule", "Salarié", "Règle", "Avertissement"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 1
    for text in resultat.avertissements:
        sheet.append(["", "(dossier)", rule_code(text), cellule_sure(text)])
        count += 1
    for rs in resultat.salaries:
        for text in rs.avertissements:
            sheet.append([cellule_sure(rs.salarie.matricule), cellule_sure(f"{rs.salarie.prenom} {rs.salarie.nom}"),
                          rule_code(text), cellule_sure(text)])
            count += 1
    for letter, width in zip("ABCD", (14, 28, 10, 120)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:D{count}"
    _print_setup(sheet, width_pages=1)


def _csv_value(c: Colonne, value: Any) -> str:
    if value is None:
        return ""
    if c.genre == "lien":
        return cellule_sure(value[1])
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (Decimal, int, float)):
        return format(value, "f").replace(".", ",") if isinstance(value, Decimal) else str(value).replace(".", ",")
    return cellule_sure(str(value))


def csv_bytes(resultat: ResultatDossier, suivi: Suivi) -> bytes:
    columns, rows = table(resultat, suivi)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.titre for c in columns])
    for values in rows:
        writer.writerow([_csv_value(c, v) for c, v in zip(columns, values)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
