"""Employees read from a CSV file (``salaries_csv: salaries.csv`` in the case file).

Format (case-format.md, completed here):
- UTF-8 (a byte-order mark, as written by spreadsheets, is accepted); separator ``;`` or ``,``,
  detected on the header row (the one that occurs more often; ``;`` on a tie);
- a header row whose columns are the employee keys, nested keys joined with ``.``
  (``adresse.code_postal``, ``reponse.decision``); column names are case-sensitive;
- an empty cell means "not given" (the key's default applies); fully empty rows are ignored;
- yes/no cells: ``oui``/``non``, ``true``/``false``, ``vrai``/``faux``, ``1``/``0``;
- amounts: ``2850.00``, ``2850,00`` or ``2 850,00`` (spaces and a trailing ``€`` are ignored);
- ``salaires_12_derniers_mois``: the amounts in one cell separated by ``|``, oldest first;
- ``salarie_protege``: a yes/no column (``oui`` = protected employee whose authorisation is not
  notified yet), optionally with ``salarie_protege.date_notification_autorisation``;
- dates ``AAAA-MM-JJ`` as everywhere else.
Rows keep their line numbers for error messages (a quoted cell may span several lines).
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from .fields import BOOL, DECIMAL, INT, LIST, MODEL, model_at, salarie_columns

TRUE = {"oui", "o", "vrai", "true", "1", "yes", "y"}
FALSE = {"non", "n", "faux", "false", "0", "no"}
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_LIST_SEPARATOR = "|"


@dataclass
class CsvProblem:
    line: Optional[int]
    column: Optional[str]
    message: str
    loc: tuple = ()


@dataclass
class CsvEmployees:
    rows: list[dict] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)
    problems: list[CsvProblem] = field(default_factory=list)


@lru_cache(maxsize=1)
def _columns() -> dict[str, str]:
    """Allowed columns and their kind; a sub-model column only when all its keys are optional."""
    allowed = {}
    for name, kind in salarie_columns().items():
        if kind == MODEL:
            model = model_at(("salaries", 0) + tuple(name.split(".")))
            if model is None or any(f.is_required() for f in model.model_fields.values()):
                continue
        allowed[name] = kind
    return allowed


def _decimal(text: str) -> str:
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).removesuffix("€").replace(",", ".")
    return cleaned if _NUMBER.fullmatch(cleaned) else text


def _boolean(text: str) -> Any:
    low = text.lower()
    if low in TRUE:
        return True
    if low in FALSE:
        return False
    return text


def _cell(kind: str, text: str) -> Any:
    if kind == BOOL or kind == MODEL:
        return _boolean(text)
    if kind in (DECIMAL, INT):
        return _decimal(text)
    if kind == LIST:
        return [_decimal(part.strip()) for part in text.split(_LIST_SEPARATOR)]
    return text


def _decode(raw: bytes, result: CsvEmployees) -> Optional[str]:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        result.problems.append(CsvProblem(
            line, None, "le fichier n'est pas encodé en UTF-8 : enregistrez-le au format « CSV UTF-8 »"))
        return None


def _separator(header_line: str) -> str:
    return "," if header_line.count(",") > header_line.count(";") else ";"


def _check_header(header: list[str], line: int, result: CsvEmployees) -> bool:
    allowed = _columns()
    ok = True
    seen: set[str] = set()
    for index, name in enumerate(header, start=1):
        if not name:
            result.problems.append(CsvProblem(line, None, f"la colonne n°{index} n'a pas de nom"))
            ok = False
        elif name in seen:
            result.problems.append(CsvProblem(line, name, "colonne en double"))
            ok = False
        elif name not in allowed:
            message = ("colonne inconnue (les noms de colonnes sont sensibles à la casse ; "
                       "vérifiez l'orthographe)")
            close = difflib.get_close_matches(name, list(allowed), n=1, cutoff=0.75)
            lower = next((c for c in allowed if c.lower() == name.lower()), None)
            if lower or close:
                message += f" ; vouliez-vous dire « {lower or close[0]} » ?"
            result.problems.append(CsvProblem(line, name, message))
            ok = False
        seen.add(name)
    return ok


def _row(header: list[str], cells: list[str], index: int, line: int, result: CsvEmployees) -> dict:
    kinds = _columns()
    employee: dict[str, Any] = {}
    declined: list[str] = []  # yes/no group columns set to "non"
    for name, text in zip(header, cells):
        text = text.strip()
        if not text:
            continue
        kind = kinds[name]
        value = _cell(kind, text)
        if kind == MODEL:  # e.g. salarie_protege: oui / non
            if value is True:
                employee.setdefault(name, {})
            elif value is False:
                declined.append(name)
            else:
                result.problems.append(CsvProblem(
                    line, name, f"« {text} » ne convient pas (attendu : oui ou non)", ("salaries", index, name)))
            continue
        *parents, last = name.split(".")
        target = employee
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value
    for name in declined:
        if employee.get(name):
            result.problems.append(CsvProblem(
                line, name, "vaut « non » alors que des colonnes de ce groupe sont remplies",
                ("salaries", index, name)))
        employee.pop(name, None)
    return employee


def read_salaries_csv(path: Path) -> CsvEmployees:
    """Employees of a CSV file; the problems found are returned, not raised."""
    result = CsvEmployees()
    text = _decode(path.read_bytes(), result)
    if text is None:
        return result
    if not text.strip():
        result.problems.append(CsvProblem(None, None, "le fichier est vide (une ligne d'en-tête est attendue)"))
        return result
    first_line = next(line for line in text.splitlines() if line.strip())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(first_line))
    header: Optional[list[str]] = None
    header_line = 0
    previous = 0
    for cells in reader:
        line, previous = previous + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header, header_line = [c.strip() for c in cells], line
            if not _check_header(header, line, result):
                return result
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            result.problems.append(CsvProblem(
                line, None, f"la ligne a {len(cells)} cellules pour {len(header)} colonnes d'en-tête"))
        index = len(result.rows)
        result.rows.append(_row(header, cells, index, line, result))
        result.row_lines.append(line)
    if not result.rows:
        result.problems.append(CsvProblem(header_line or None, None, "aucun salarié : le fichier ne contient que l'en-tête"))
    return result
