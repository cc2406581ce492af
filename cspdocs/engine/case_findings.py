"""The case file's non-blocking findings (engine/case_checks.py), placed where the user reads results.

The loader turns each finding into an error-like value with the file, the line and the key path
(``ErreurDossier``: ``fichier``, ``ligne``, ``chemin``, ``message``). Every output must show them
(issue 8, item 1): they are added to the computed warnings, the employee's own findings to that
employee (``salaries[3].zone`` goes to the fourth employee), the others to the case, in the same
shape as the engine's warnings: ``"R-48 : cases/x.yaml:12: employeur.zone : text"``. Only findings with
a rule code (every finding of the case checks has one) are added; a reader's own notes are shown by it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from .findings import Finding

_EMPLOYEE = re.compile(r"salaries\[(\d+)\]")


def located(finding: Any) -> Finding:
    """A located finding of the loader (``ErreurDossier`` with its ``code``) as the engine's finding
    type: the message names the file, the line and the key path."""
    code = finding.code
    text = finding.message.removeprefix(f"{code} : ") if code else finding.message
    where = finding.fichier if finding.ligne is None else f"{finding.fichier}:{finding.ligne}"
    if getattr(finding, "colonne", None):
        where += f" (colonne {finding.colonne})"
    message = f"{where}: {finding.chemin} : {text}" if finding.chemin else f"{where}: {text}"
    return Finding((finding.chemin,) if finding.chemin else (), message, blocking=False, code=code)


def warning_text(finding: Any) -> str:
    """One finding as a warning line: its rule code first, then where, then what."""
    return located(finding).text


def route(findings: Iterable[Any], employees: int) -> tuple[list[Finding], dict[int, list[Finding]]]:
    """(case-level findings, {employee index: findings})."""
    case: list[Finding] = []
    per_employee: dict[int, list[Finding]] = {}
    for finding in findings:
        if not finding.code:
            continue  # a reader's note without a rule code (e.g. a spreadsheet's example row): its reader shows it
        match = _EMPLOYEE.match(finding.chemin or "")
        index = int(match.group(1)) if match else None
        if index is not None and 0 <= index < employees:
            per_employee.setdefault(index, []).append(located(finding))
        else:
            case.append(located(finding))
    return case, per_employee
