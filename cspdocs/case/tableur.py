"""Employees read from a spreadsheet: ``salaries_csv: salaries.csv`` or ``salaries_csv: salaries.xlsx``.

The file must be a regular file inside the case file's folder (or one of its sub-folders, symlinks
resolved): a path such as ``../../etc/passwd`` or ``/proc/self/environ`` is refused before anything
is read, and no message ever quotes more than a short, cleaned cell of the file.

Reading: csv_source.py / xlsx_source.py give rows of cells; here the header row is matched to the
columns of colonnes.py, each cell is converted by cellules.py and nested keys are rebuilt
(``adresse.code_postal`` -> ``{"adresse": {"code_postal": ...}}``). Errors keep their row and
column; regroupement.py reports the same problem on many rows once.

Documented limits (README): file ``LIMITE_FICHIER`` bytes, unpacked workbook ``LIMITE_DECOMPRESSE``,
``LIMITE_LIGNES`` employees, ``LIMITE_CELLULE`` characters per cell.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..suggestions import close_matches, did_you_mean
from ..limits import MAX_EMPLOYEES, MAX_FILE_BYTES, MAX_TEXT
from .cellules import Probleme, convert, is_empty, shown
from .colonnes import Colonne, colonne_nommee, colonnes, normalise
from .csv_source import Lignes, read_csv
from .errors import ErreurDossier
from .fields import MODEL
from .xlsx_source import read_xlsx

LIMITE_FICHIER = MAX_FILE_BYTES  # bytes of the CSV or XLSX file (cspdocs/limits.py)
LIMITE_DECOMPRESSE = 200 * 1024 * 1024  # bytes of a workbook once unpacked (zip bombs)
LIMITE_LIGNES = MAX_EMPLOYEES  # employees in one file
LIMITE_CELLULE = MAX_TEXT  # characters in one cell (no employee key takes a longer text)
EXEMPLE = "EXEMPLE"  # matricule of the example row of the blank workbook: skipped
_HEADER_SEARCH = 20  # rows looked at to find the header (a title row may come first)


@dataclass
class LectureSalaries:
    fichier: str
    rows: list[dict] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)
    erreurs: list[ErreurDossier] = field(default_factory=list)
    notes: list[ErreurDossier] = field(default_factory=list)  # non-blocking: encoding, example row
    encodage: Optional[str] = None  # "UTF-8", "Windows-1252"…; None for a workbook
    format: str = "csv"  # "csv" | "xlsx"
    colonnes_lues: dict[str, str] = field(default_factory=dict)  # key -> 'F « Code postal »'
    cellules_signalees: set[tuple[int, str]] = field(default_factory=set)  # (line, key) already reported

    def erreur(self, line: Optional[int], message: str, colonne: Optional[str] = None, chemin: str = "") -> None:
        self.erreurs.append(ErreurDossier(self.fichier, line, chemin, message, colonne))


def letter(index: int) -> str:
    """0 -> "A", 26 -> "AA"."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


def safe_path(case_path: Path, name: str) -> tuple[Optional[Path], Optional[str]]:
    """(the file to read, None) or (None, the French reason it is refused)."""
    written = Path(name)
    if written.is_absolute():
        return None, (f"chemin absolu refusé : {shown(name, 80)} ; placez le fichier dans le dossier du cas "
                      "(à côté du fichier YAML) et donnez son nom")
    base = case_path.parent.resolve()
    target = (base / written).resolve()
    if not target.is_relative_to(base):
        return None, (f"{shown(name, 80)} est hors du dossier du cas ({base}) : seuls les fichiers placés dans ce "
                      "dossier ou ses sous-dossiers sont lus")
    if not target.exists():
        return None, f"fichier CSV introuvable : {case_path.parent / written}"
    if not stat.S_ISREG(os.stat(target).st_mode):
        return None, f"{shown(name, 80)} n'est pas un fichier ordinaire"
    if target.stat().st_size > LIMITE_FICHIER:
        return None, (f"fichier trop volumineux (plus de {LIMITE_FICHIER // 2**20} Mio, soit environ "
                      f"{LIMITE_LIGNES:_} salariés) : répartissez la procédure en plusieurs dossiers").replace("_", " ")
    return target, None


def read_rows(path: Path) -> tuple[Lignes, str]:
    with open(path, "rb") as handle:
        raw = handle.read(LIMITE_FICHIER + 1)
    if raw.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(raw, LIMITE_DECOMPRESSE), "xlsx"
    if raw.startswith(b"\xd0\xcf\x11\xe0") or path.suffix.lower() in (".xls", ".ods"):
        lignes = Lignes()
        lignes.problems.append((None, Probleme("format non pris en charge : enregistrez le classeur au format "
                                               "« Classeur Excel (.xlsx) » ou « CSV UTF-8 »")))
        return lignes, "xls"
    return read_csv(raw, LIMITE_CELLULE), "csv"


def _header_index(rows: list[tuple[int, list]]) -> Optional[int]:
    filled = [i for i, (_, cells) in enumerate(rows) if any(not is_empty(c) for c in cells)]
    for i in filled[:_HEADER_SEARCH]:
        known = sum(1 for c in rows[i][1] if isinstance(c, str) and colonne_nommee(c) is not None)
        if known >= 2:
            return i
    return filled[0] if filled else None


def _suggestion(name: str) -> str:
    names = {normalise(n): c.entete for c in colonnes() for n in (c.cle, c.entete, *c.alias)}
    close = close_matches(normalise(name), names, limit=1, cutoff=0.75)
    return f" ; {did_you_mean([names[close[0]]])}" if close else ""


def _match_header(lecture: LectureSalaries, lignes: Lignes, line: int, cells: list,
                  data_rows: list[tuple[int, list]]) -> Optional[list[Optional[Colonne]]]:
    """The column of each position, or None when the header has errors (they are reported)."""
    ok = True
    header: list[Optional[Colonne]] = []
    seen: dict[str, str] = {}
    # a workbook's extra cells form a column without header; a CSV row's extra cells are its own error
    width = max([len(cells)] + [len(c) for _, c in data_rows]) if lignes.lettres else len(cells)
    for index in range(width):
        raw = cells[index] if index < len(cells) else None
        where = letter(index) if lignes.lettres else f"n°{index + 1}"
        if is_empty(raw):
            header.append(None)
            if any(index < len(c) and not is_empty(c[index]) for _, c in data_rows):
                lecture.erreur(line, f"la colonne {where} n'a pas d'en-tête mais contient des valeurs ; "
                                     "donnez-lui un en-tête (voir « cspdocs modele-tableur --colonnes »)")
                ok = False
            continue
        text = shown(raw, 60)
        label = f"{letter(index)} « {text} »" if lignes.lettres else f"« {text} »"
        colonne = colonne_nommee(str(raw))
        if colonne is None:
            lecture.erreur(line, "colonne inconnue" + _suggestion(str(raw))
                           + " (colonnes acceptées : « cspdocs modele-tableur --colonnes »)", label)
            ok = False
        elif colonne.cle in seen:
            lecture.erreur(line, f"colonne en double : {seen[colonne.cle]} désigne déjà « {colonne.entete} »", label)
            ok = False
        else:
            seen[colonne.cle] = label
            lecture.colonnes_lues[colonne.cle] = label
        header.append(colonne)
    given = set(seen)
    for colonne in colonnes():
        if colonne.obligatoire and colonne.cle not in given:
            lecture.erreur(line, f"colonne obligatoire absente : « {colonne.entete} » ({colonne.aide})")
            ok = False
    return header if ok else None


def _set(employee: dict, key: str, value: Any) -> None:
    *parents, last = key.split(".")
    target = employee
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _row(lecture: LectureSalaries, header: list[Optional[Colonne]], line: int, cells: list, index: int) -> dict:
    employee: dict[str, Any] = {}
    declined: list[str] = []  # yes/no group columns set to "non"
    for position, value in enumerate(cells):
        if is_empty(value):
            continue
        colonne = header[position] if position < len(header) else None
        if colonne is None:
            if position >= len(header):
                lecture.erreur(line, f"la ligne a {len(cells)} cellules pour {len(header)} colonnes d'en-tête")
                break
            continue
        chemin = f"salaries[{index}].{colonne.cle}"
        if isinstance(value, Probleme):  # e.g. a formula never computed
            lecture.erreur(line, value.message(), colonne.cle, chemin)
            lecture.cellules_signalees.add((line, colonne.cle))
            continue
        if isinstance(value, str) and len(value) > LIMITE_CELLULE:
            lecture.erreur(line, f"cellule trop longue ({len(value):_} caractères ; au plus {LIMITE_CELLULE:_})"
                           .replace("_", " "), colonne.cle, chemin)
            lecture.cellules_signalees.add((line, colonne.cle))
            continue
        converted = convert(colonne, value)
        if isinstance(converted, Probleme):
            lecture.erreur(line, converted.message(), colonne.cle, chemin)
            lecture.cellules_signalees.add((line, colonne.cle))
            continue
        if colonne.genre == MODEL:  # e.g. salarie_protege: Oui / Non
            if converted:
                employee.setdefault(colonne.cle, {})
            else:
                declined.append(colonne.cle)
            continue
        _set(employee, colonne.cle, converted)
    for key in declined:
        if employee.get(key):
            lecture.erreur(line, "vaut « Non » alors que des colonnes de ce groupe sont remplies", key,
                           f"salaries[{index}].{key}")
        employee.pop(key, None)
    return employee


def _merges(lecture: LectureSalaries, lignes: Lignes, header_line: int) -> None:
    for coord, first, last, _ in lignes.fusions:
        if last >= header_line:
            lecture.erreur(first, f"cellules fusionnées {coord} : défusionnez-les (une valeur par cellule "
                                  "et par salarié)")


def read_salaries(path: Path, fichier: str) -> LectureSalaries:
    """Employees of the (already checked) spreadsheet at ``path``; problems are collected, not raised."""
    lignes, fmt = read_rows(path)
    lecture = LectureSalaries(fichier, encodage=lignes.encodage, format=fmt)
    for line, problem in lignes.problems:
        lecture.erreur(line, problem.message())
    if lignes.problems and not lignes.rows:
        return lecture
    if lecture.encodage not in (None, "UTF-8", "UTF-8 avec BOM"):
        lecture.notes.append(ErreurDossier(fichier, None, "", f"encodage détecté : {lecture.encodage} ; vérifiez "
                                           "les lettres accentuées et le symbole € (le format « CSV UTF-8 » évite "
                                           "toute ambiguïté)"))
    rows = lignes.rows
    start = _header_index(rows)
    if start is None:
        lecture.erreur(None, "le fichier est vide (une ligne d'en-tête est attendue)")
        return lecture
    header_line, header_cells = rows[start]
    data_rows = [(ln, cells) for ln, cells in rows[start + 1:] if any(not is_empty(c) for c in cells)]
    _merges(lecture, lignes, header_line)
    header = _match_header(lecture, lignes, header_line, header_cells, data_rows)
    if header is None:
        return lecture
    matricule = next((i for i, c in enumerate(header) if c is not None and c.cle == "matricule"), None)
    employees = []
    for line, cells in data_rows:
        if matricule is not None and matricule < len(cells) and str(cells[matricule]).strip() == EXEMPLE:
            lecture.notes.append(ErreurDossier(fichier, line, "", "ligne d'exemple du modèle ignorée "
                                               f"(matricule {EXEMPLE})"))
        else:
            employees.append((line, cells))
    if len(employees) > LIMITE_LIGNES:
        lecture.erreur(None, f"trop de salariés : {len(employees):_} lignes pour au plus {LIMITE_LIGNES:_} par "
                             "fichier ; répartissez-les en plusieurs dossiers".replace("_", " "))
        return lecture
    for line, cells in employees:
        index = len(lecture.rows)
        lecture.rows.append(_row(lecture, header, line, cells, index))
        lecture.row_lines.append(line)
    if not lecture.rows:
        lecture.erreur(header_line, "aucun salarié : le fichier ne contient que l'en-tête")
    return lecture


def employees_into(data: dict, case_path: Path, locator, errors: list, sources: list) -> Optional[LectureSalaries]:
    """Loader hook: fill ``data["salaries"]`` from the file named by ``salaries_csv``.

    Appends the problems to ``errors``; returns the reading (None when no file could be read)."""
    name = data["salaries_csv"]
    if not isinstance(name, str) or not name.strip():
        errors.append(locator.erreur(("salaries_csv",), "attendu le nom d'un fichier CSV ou XLSX placé à côté "
                                     "du dossier"))
        return None
    target, refused = safe_path(case_path, name.strip())
    if target is None:
        errors.append(locator.erreur(("salaries_csv",), refused))
        return None
    fichier = str(case_path.parent / name.strip())
    sources.append(case_path.parent / name.strip())
    lecture = read_salaries(target, fichier)
    locator.attach_csv(fichier, lecture.row_lines, lecture.colonnes_lues)
    errors.extend(lecture.erreurs)
    if lecture.rows:
        data["salaries"] = lecture.rows
    return lecture


def present_errors(errors: list, lecture: Optional[LectureSalaries]) -> list:
    """Loader hook: the case's errors, those of the spreadsheet grouped and named by their header."""
    from .regroupement import present

    if lecture is None:
        return list(errors)
    return present(errors, lecture.fichier, lecture.colonnes_lues, lecture.cellules_signalees)
