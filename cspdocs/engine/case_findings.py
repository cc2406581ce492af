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

_EMPLOYEE = re.compile(r"salaries\[(\d+)\]")


def split_code(message: str) -> tuple[str, str]:
    """``"R-48 : text"`` -> ``("R-48", "text")``; ``("", message)`` when it has no code."""
    head, sep, rest = message.partition(" : ")
    if sep and 2 <= len(head) <= 12 and " " not in head:
        return head, rest
    return "", message


def warning_text(finding: Any) -> str:
    """One finding as a warning line: its rule code first, then where, then what."""
    code, text = split_code(finding.message)
    where = finding.fichier if finding.ligne is None else f"{finding.fichier}:{finding.ligne}"
    if getattr(finding, "colonne", None):
        where += f" (colonne {finding.colonne})"
    located = f"{where}: {finding.chemin} : {text}" if finding.chemin else f"{where}: {text}"
    return f"{code} : {located}" if code else located


def route(findings: Iterable[Any], employees: int) -> tuple[list[str], dict[int, list[str]]]:
    """(case-level warnings, {employee index: warnings})."""
    case: list[str] = []
    per_employee: dict[int, list[str]] = {}
    for finding in findings:
        if not split_code(finding.message)[0]:
            continue  # a reader's note without a rule code (e.g. a spreadsheet's example row): its reader shows it
        match = _EMPLOYEE.match(finding.chemin or "")
        index = int(match.group(1)) if match else None
        if index is not None and 0 <= index < employees:
            per_employee.setdefault(index, []).append(warning_text(finding))
        else:
            case.append(warning_text(finding))
    return case, per_employee
