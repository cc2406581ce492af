"""The mandatory mentions of existing DOCX or PDF documents (``cspdocs check``, ``api.check_documents``).

Which files (a folder is walked; merged PDF dossiers are skipped there), what each one is (its
title, its generated file name, or the artefact given), whose it is (the employee's folder name
``<matricule>-<nom>``, the file's content, or the matricule given), then, employee by employee, the
dated mention check (each document against what was known at its date: cspdocs/render/dated.py)
and, beside the report, the case's findings (issue 8: every finding reaches every output).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from .engine.facts import CaseResult, EmployeeResult
from .mentions.extract import DocumentIllisible, Texte, document_text
from .mentions.folding import fold
from .mentions.model import default_catalogue
from .mentions.recognition import recognise_artefact
from .mentions.report import MentionReport
from .pdf.stage import DOSSIER_GLOBAL_PDF, DOSSIER_PDF
from .publish import employee_folder, safe_name
from .render import dated
from .render.artefacts import ARTEFACTS as RENDER_ARTEFACTS
from .report import case_warnings

SUFFIXES = (".docx", ".pdf")
# Merged dossiers written by "generate --pdf" repeat the artefacts they contain: skipped when a
# folder is walked (a merged file given explicitly is still checked).
MERGED = {DOSSIER_PDF, DOSSIER_GLOBAL_PDF}
# A generated (or template) file name, without its extension, -> its artefact.
FILE_NAMES = {Path(name).stem.lower(): a.cle for a in RENDER_ARTEFACTS for name in (a.fichier, a.modele)}


class CheckError(ValueError):
    """The documents or the employee asked for cannot be checked (a French message); ``param_hint``
    names the command-line argument at fault, when it is one."""

    def __init__(self, message: str, param_hint: Optional[str] = None):
        super().__init__(message)
        self.param_hint = param_hint


@dataclass
class CheckOutcome:
    """What ``check_documents`` found: the mention report, one line per recognised document (its
    artefact and employee, and how each was recognised) and the case's findings."""

    report: MentionReport
    lines: list[str] = field(default_factory=list)
    case_warnings: list[str] = field(default_factory=list)
    catalogue: Any = None

    @property
    def blocking(self) -> bool:
        """A mandatory mention missing or wrong, or a document that could not be checked."""
        return self.report.blocking

    def as_json(self) -> dict[str, Any]:
        return {**self.report.to_json(), "avertissements_dossier": self.case_warnings}

    def text(self, detail: bool = False) -> str:
        """The French report (``detail``: the documents and the mentions present too)."""
        parts = ["Documents :", "\n".join(self.lines)] if self.lines and detail else []
        parts.append(self.report.texte(detail=detail, catalogue=self.catalogue))
        parts += [f"Avertissement du dossier : {warning}" for warning in self.case_warnings]
        return "\n".join(parts)


def collect(paths: Iterable[Union[str, Path]]) -> list[Path]:
    """The DOCX and PDF files to check: the files given, and those under the folders given."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*")
                                if p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))
                                and p.name not in MERGED))
        elif path.is_file():
            files.append(path)
        else:
            raise CheckError(f"fichier ou dossier introuvable : {raw}", param_hint="FICHIER_OU_DOSSIER")
    return files


def employee_of(path: Path, texte: Texte, resultat: CaseResult) -> tuple[Optional[EmployeeResult], str]:
    """(employee, how it was recognised) from the folder name, then the content."""
    salaries = resultat.employees
    parts = [p.lower() for p in path.parts[:-1]]
    for rs in salaries:
        if employee_folder(rs.employee.matricule, rs.employee.nom).lower() in parts:
            return rs, "dossier"
    prefixed = [rs for rs in salaries if any(_names_matricule(p, rs) for p in parts)]
    if len(prefixed) == 1:
        return prefixed[0], "dossier"
    text = " " + fold(texte.normalise) + " "
    by_name = [rs for rs in salaries if f" {fold(rs.employee.prenom + ' ' + rs.employee.nom)} " in text
               or f" {fold(rs.employee.nom + ' ' + rs.employee.prenom)} " in text]
    if len(by_name) > 1:
        by_name = [rs for rs in by_name
                   if re.search(rf"(?<!\w){re.escape(fold(rs.employee.matricule))}(?!\w)", text)] or by_name
    if len(by_name) == 1:
        return by_name[0], "contenu"
    if len(salaries) == 1:
        return salaries[0], "seul salarié du dossier"
    return None, ""


def _names_matricule(folder: str, rs: EmployeeResult) -> bool:
    """A folder named after the employee's matricule (``E101``, ``E101-anything``)."""
    matricule = safe_name(rs.employee.matricule).lower()
    return folder == matricule or folder.startswith(matricule + "-")


def published_as_of(paths: Iterable[Union[str, Path]]) -> Optional[date]:
    """The as-of date the documents were generated at, when they sit in a folder cspdocs published
    (``au`` of its manifest.json, the nearest one up to two levels above), else None."""
    for raw in paths:
        path = Path(raw).resolve()
        for folder in ([path] if path.is_dir() else []) + list(path.parents)[:3]:
            manifest = folder / "manifest.json"
            if manifest.is_file():
                try:
                    value = json.loads(manifest.read_text(encoding="utf-8")).get("au")
                    return date.fromisoformat(value) if isinstance(value, str) else None
                except (OSError, ValueError, AttributeError):
                    return None
    return None


def check_documents(case: Union[str, os.PathLike, CaseResult], paths: Iterable[Union[str, Path]],
                    artefact: Optional[str] = None, matricule: Optional[str] = None,
                    au: Optional[date] = None) -> CheckOutcome:
    """Check the documents at ``paths`` against ``case`` (a case file, computed as of ``au``, or a
    computed ``CaseResult``). ``artefact`` and ``matricule`` force what each document is and whose.

    Raises ``DossierInvalide`` (a case file that does not validate) and ``CheckError`` (unknown
    matricule, missing path, no document); an unreadable or unrecognised document is an error of
    the report (``CheckOutcome.blocking``), the others are still checked."""
    if not isinstance(case, CaseResult):
        from .casework import load_case

        case = load_case(case, au)[1]
    forced = None
    if matricule:
        forced = next((rs for rs in case.employees if rs.employee.matricule == matricule), None)
        if forced is None:
            raise CheckError(f"matricule absent du dossier : {matricule}")
    files = collect(paths)
    if not files:
        raise CheckError("aucun fichier DOCX ou PDF à vérifier")
    outcome = CheckOutcome(MentionReport(case.name), catalogue=default_catalogue())
    grouped = _recognise(files, case, artefact, forced, outcome)
    for rs, docs in grouped.values():
        outcome.report.merge(dated.check(case, rs, dated.view(case, rs), docs, outcome.catalogue))
    outcome.case_warnings = case_warnings(case, tuple(rs for rs, _ in grouped.values()))
    return outcome


def _recognise(files: list[Path], case: CaseResult, artefact: Optional[str], forced: Optional[EmployeeResult],
               outcome: CheckOutcome) -> dict[str, tuple[EmployeeResult, list]]:
    """Each readable file's artefact and employee (a line of ``outcome`` each), grouped by employee;
    a file unreadable, or whose artefact or employee is not recognised, is an error of the report."""
    grouped: dict[str, tuple[EmployeeResult, list]] = {}
    errors = outcome.report.erreurs
    for path in files:
        label = str(path)
        try:
            texte = document_text(path)
        except (DocumentIllisible, OSError) as exc:
            errors.append(f"{label} : {exc}")
            continue
        kind = artefact or recognise_artefact(texte, outcome.catalogue, texte.titre) or FILE_NAMES.get(path.stem.lower())
        how = "option --artefact" if artefact else "titre"
        if kind is None:
            errors.append(f"{label} : nature du document non reconnue (aucun titre de document CSP) ; "
                          "préciser --artefact")
            continue
        rs, found_by = (forced, "option --employe") if forced else employee_of(path, texte, case)
        if rs is None:
            errors.append(f"{label} : salarié non reconnu (ni par le nom du dossier, ni par le contenu) ; "
                          "préciser --employe")
            continue
        grouped.setdefault(rs.employee.matricule, (rs, []))[1].append((kind, texte, label))
        outcome.lines.append(f"  {label} : {kind} ({how}), salarié {rs.employee.matricule} ({found_by})")
    return grouped
