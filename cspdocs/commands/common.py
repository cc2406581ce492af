"""What every command that reads a case does: load, validate, compute, or report the case invalid;
and what a command that writes checks first (the output folder, the temporary work area)."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Optional, Sequence

import click

from ..case.errors import DossierInvalide
from ..os_errors import reason
from ..case.loader import ChargedDossier
from ..casework import compute_charged, load_case  # noqa: F401 - compute_charged re-exported (tests)
from ..engine.facts import CaseResult


def today() -> date:
    """The default as-of date: today, or the day of ``SOURCE_DATE_EPOCH`` when it is set (the
    reproducible-builds convention: a CI run gives the same documents whatever the day)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise click.UsageError(f"SOURCE_DATE_EPOCH={epoch!r} n'est pas un nombre de secondes depuis le "
                                   "1er janvier 1970") from None
    return date.today()


def parse_as_of(value: Optional[str]) -> Optional[date]:
    """``--au AAAA-MM-JJ``, or today when absent (usage error on a bad date). None only where the
    test suite checks the plan itself (tests/conftest.py)."""
    if value is None:
        return today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"« {value} » n'est pas une date valide (attendu AAAA-MM-JJ)",
                                 param_hint="'--au'") from None


def as_of_option(f):
    """The ``--au`` option every command reading a case takes (issue 10)."""
    return click.option("--au", "au", metavar="AAAA-MM-JJ",
                        help="Date d'observation : les documents non remis ne sont jamais datés avant elle, "
                             "le journal « suivi » ne peut rien contenir après elle (par défaut : aujourd'hui).")(f)


def load_and_compute(path: str, nothing_written: bool = False, au=None) -> tuple[ChargedDossier, CaseResult]:
    """Load and compute the case at ``path``, or print every error in French and exit 1."""
    try:
        return load_case(path, au)  # every error at once: the loader's and the engine's
    except DossierInvalide as exc:
        suffix = " Aucun document écrit." if nothing_written else ""
        click.echo(f"Dossier invalide : {len(exc.erreurs)} erreur(s).{suffix}", err=True)
        for erreur in exc.erreurs:
            click.echo(str(erreur), err=True)
        sys.exit(1)


def selected_employees(result: CaseResult, matricules: Sequence[str]) -> tuple:
    """The employees ``--employe`` asks for (all when none), or a usage error naming the unknown."""
    if not matricules:
        return result.employees
    known = {r.employee.matricule for r in result.employees}
    unknown = [m for m in matricules if m not in known]
    if unknown:
        raise click.UsageError(f"matricule(s) absent(s) du dossier : {', '.join(unknown)}")
    return tuple(r for r in result.employees if r.employee.matricule in matricules)


def _first_existing(path: Path) -> Path:
    while not path.exists() and not path.is_symlink() and path != path.parent:
        path = path.parent
    return path


def manifest_problem(path: Path) -> Optional[str]:
    """Why the previous manifest at ``path`` cannot be read (corrupt, truncated), or None (absent or
    readable): such a folder is not recognised as cspdocs' output, so it is neither replaced nor
    completed (``--employe``)."""
    import json

    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        where = f"{path}"
    except json.JSONDecodeError as exc:
        where = f"{path}:{exc.lineno}"
    except OSError as exc:
        return f"{path} : manifeste illisible ({reason(exc)}) ; le dossier n'est ni remplacé ni modifié"
    else:
        if isinstance(data, dict) and isinstance(data.get("salaries"), list):
            return None
        where = f"{path}:1"
    return (f"{where} : manifeste illisible ou incomplet (JSON invalide, ou sans la liste « salaries ») : ce "
            "dossier n'est pas reconnu comme une sortie de cspdocs, il n'est ni remplacé ni complété ; "
            "déplacez-le, ou choisissez un autre dossier de sortie")


def output_problem(sortie: Path, nom: Optional[str] = None, sources: Sequence[Path] = ()) -> Optional[str]:
    """Why the documents cannot be written under ``sortie`` (and ``sortie/<nom>``), or None.

    cspdocs never writes through a symbolic link (the documents would land in another folder than
    the one named), never into a file's place, never replaces a folder holding the case's own
    files (``-o dossiers`` for ``dossiers/martin/martin.yaml``) nor one whose manifest is corrupt."""
    from ..publish import safe_name

    if sortie.is_symlink():
        return (f"le dossier de sortie « {sortie} » est un lien symbolique (vers « {os.readlink(sortie)} ») : "
                "donnez le dossier réel ; cspdocs n'écrit pas à travers un lien")
    existing = _first_existing(sortie)
    if existing.exists() and not existing.is_dir():
        return f"« {existing} » est un fichier, pas un dossier : choisissez un autre dossier de sortie"
    if existing.exists() and not os.access(existing, os.W_OK | os.X_OK):
        return f"le dossier « {existing} » n'est pas accessible en écriture : choisissez un autre dossier de sortie"
    if nom is not None:
        case_folder = sortie / safe_name(nom)
        if case_folder.is_symlink():
            return (f"« {case_folder} » est un lien symbolique (vers « {os.readlink(case_folder)} ») : cspdocs "
                    "n'écrit pas à travers un lien ; supprimez le lien ou choisissez un autre dossier de sortie")
        if case_folder.exists() and not case_folder.is_dir():
            return (f"« {case_folder} » est un fichier : cspdocs n'écrit pas à sa place ; déplacez-le ou "
                    "choisissez un autre dossier de sortie")
        if case_folder.is_dir():
            unreadable = manifest_problem(case_folder / "manifest.json")
            if unreadable:
                return unreadable
            inside = case_folder.resolve()
            for source in sources:
                if Path(source).resolve().is_relative_to(inside):
                    return (f"« {case_folder} » contient {Path(source).name}, un fichier du dossier : la sortie "
                            "remplacerait ce dossier ; choisissez un autre dossier de sortie")
    return None


def check_writable(sortie: Path, nom: Optional[str], pdf: bool, sources: Sequence[Path] = ()) -> None:
    """Before anything is rendered: the output folder (``nom``: the case's name, ``sources``: its
    files), and the work area when PDFs are asked; else print the French reason and exit 1
    (nothing is written anywhere)."""
    from .. import scratch

    problem = output_problem(sortie, nom, sources)
    if problem is None and pdf:
        try:
            scratch.root()
        except OSError as exc:
            problem = str(exc)
    if problem is not None:
        click.echo(f"Erreur : {problem}\nAucun document écrit.", err=True)
        sys.exit(1)
