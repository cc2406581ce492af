"""`cspdocs check CASE.yaml FILE_OR_DIR...`: mandatory mentions of existing DOCX or PDF documents.

Each file's artefact is recognised from its title (or its generated file name), or given with
``--artefact``; its employee from the folder name (``<matricule>-<nom>``), the file's content
(name, matricule), or ``--employe``. Exit 1 when an obligatoire mention is missing or wrong, or a
document cannot be checked; 0 otherwise.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Optional

import click

from ..pdf.stage import DOSSIER_GLOBAL_PDF, DOSSIER_PDF
from ..engine.dates import fr
from ..render import dated
from .common import as_of_option, load_and_compute, parse_as_of
from .sortie import informer
from ..report import case_warnings
from ..engine.facts import CaseResult, EmployeeResult
from ..mentions.checker import recognise_artefact
from ..mentions.extract import DocumentIllisible, Texte, document_text
from ..mentions.model import ARTEFACTS, default_catalogue
from ..mentions.patterns import fold
from ..mentions.report import MentionReport
from ..publish import employee_folder, safe_name
from ..render.artefacts import ARTEFACTS as RENDER_ARTEFACTS

SUFFIXES = (".docx", ".pdf")
# Merged dossiers written by "generate --pdf" repeat the artefacts they contain: skipped when a
# folder is walked (a merged file given explicitly is still checked).
MERGED = {DOSSIER_PDF, DOSSIER_GLOBAL_PDF}
_FILE_NAMES = {}
for _a in RENDER_ARTEFACTS:
    for _name in (_a.fichier, _a.modele):
        _FILE_NAMES[Path(_name).stem.lower()] = _a.cle


def collect(paths: tuple[str, ...]) -> list[Path]:
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
            raise click.BadParameter(f"fichier ou dossier introuvable : {raw}", param_hint="FICHIER_OU_DOSSIER")
    return files


def employee_of(path: Path, texte: Texte, resultat: CaseResult) -> tuple[Optional[EmployeeResult], str]:
    """(employee, how it was recognised) from the folder name, then the content."""
    salaries = resultat.employees
    parts = [p.lower() for p in path.parts[:-1]]
    for rs in salaries:
        folder = employee_folder(rs.employee.matricule, rs.employee.nom).lower()
        if folder in parts:
            return rs, "dossier"
    prefixed = [rs for rs in salaries
                if any(p == safe_name(rs.employee.matricule).lower() or p.startswith(safe_name(rs.employee.matricule).lower() + "-")
                       for p in parts)]
    if len(prefixed) == 1:
        return prefixed[0], "dossier"
    text = " " + fold(texte.normalise) + " "
    by_name = [rs for rs in salaries if f" {fold(rs.employee.prenom + ' ' + rs.employee.nom)} " in text
               or f" {fold(rs.employee.nom + ' ' + rs.employee.prenom)} " in text]
    if len(by_name) > 1:
        by_name = [rs for rs in by_name if re.search(rf"(?<!\w){re.escape(fold(rs.employee.matricule))}(?!\w)", text)] or by_name
    if len(by_name) == 1:
        return by_name[0], "contenu"
    if len(salaries) == 1:
        return salaries[0], "seul salarié du dossier"
    return None, ""


def published_as_of(paths: tuple[str, ...]):
    """Without ``--au``: the as-of date the documents were generated at, when they sit in a folder
    cspdocs published (``au`` of its manifest.json, the nearest one up to two levels above)."""
    import json
    from datetime import date

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


@click.command("check")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@click.argument("documents", nargs=-1, required=True, metavar="FICHIER_OU_DOSSIER...")
@click.option("--artefact", type=click.Choice(ARTEFACTS),
              help="Nature des documents (sinon reconnue par leur titre) : information, recepisse, lettre, motif, "
                   "confirmation, nouvelle_echeance (courriers de suivi).")
@click.option("--employe", "matricule", metavar="MATRICULE",
              help="Matricule du salarié concerné (sinon reconnu par le dossier ou le contenu).")
@click.option("--format", "fmt", type=click.Choice(["texte", "json"]), default="texte", show_default=True,
              help="texte : rapport en français ; json : le détail de chaque mention.")
@click.option("--detail", is_flag=True, help="Texte : affiche aussi les mentions présentes.")
@as_of_option
def command(dossier: str, documents: tuple[str, ...], artefact: Optional[str], matricule: Optional[str],
            fmt: str, detail: bool, au: Optional[str]) -> None:
    """Vérifie les mentions obligatoires de documents DOCX ou PDF existants au regard du DOSSIER."""
    published = None if au else published_as_of(documents)
    as_of = published or parse_as_of(au)
    charge, resultat = load_and_compute(dossier, au=as_of)
    if fmt == "texte" and as_of is not None:
        how = "celle de leur génération, d'après manifest.json" if published else "--au"
        informer(f"Date d'observation : {fr(as_of)} ({how}) ; chaque document est vérifié au regard de ce qui était "
                 "connu à sa date.")
    forced = None
    if matricule:
        forced = next((rs for rs in resultat.employees if rs.employee.matricule == matricule), None)
        if forced is None:
            raise click.UsageError(f"matricule absent du dossier : {matricule}")
    files = collect(documents)
    if not files:
        raise click.UsageError("aucun fichier DOCX ou PDF à vérifier")
    catalogue = default_catalogue()
    rapport = MentionReport(charge.nom)
    grouped: dict[str, list[tuple[Optional[str], Texte, str]]] = defaultdict(list)
    employees: dict[str, EmployeeResult] = {}
    lines = []
    for path in files:
        label = str(path)
        try:
            texte = document_text(path)
        except (DocumentIllisible, OSError) as exc:
            rapport.erreurs.append(f"{label} : {exc}")
            continue
        kind = artefact or recognise_artefact(texte, catalogue, texte.titre) or _FILE_NAMES.get(path.stem.lower())
        how = "option --artefact" if artefact else "titre"
        if kind is None:
            rapport.erreurs.append(f"{label} : nature du document non reconnue (aucun titre de document CSP) ; "
                                   "préciser --artefact")
            continue
        rs, found_by = (forced, "option --employe") if forced else employee_of(path, texte, resultat)
        if rs is None:
            rapport.erreurs.append(f"{label} : salarié non reconnu (ni par le nom du dossier, ni par le contenu) ; "
                                   "préciser --employe")
            continue
        employees[rs.employee.matricule] = rs
        grouped[rs.employee.matricule].append((kind, texte, label))
        lines.append(f"  {label} : {kind} ({how}), salarié {rs.employee.matricule} ({found_by})")
    for m, docs in grouped.items():
        rs = employees[m]
        rapport.merge(dated.check(resultat, rs, dated.view(resultat, rs), docs, catalogue))
    warnings = case_warnings(resultat, tuple(employees.values()))  # the case's findings (issue 8)
    if fmt == "json":
        click.echo(json.dumps({**rapport.to_json(), "avertissements_dossier": warnings}, ensure_ascii=False, indent=2))
    else:
        if lines and detail:
            click.echo("Documents :")
            click.echo("\n".join(lines))
        click.echo(rapport.texte(detail=detail, catalogue=catalogue))
        for warning in warnings:
            click.echo(f"Avertissement du dossier : {warning}")
    sys.exit(1 if rapport.blocking else 0)
