"""Before anything is rendered: can the documents be written under the output folder?

cspdocs never writes through a symbolic link (the documents would land in another folder than the
one named), never into a file's place, never replaces a folder holding the case's own files
(``-o dossiers`` for ``dossiers/martin/martin.yaml``) nor one whose manifest is corrupt; with PDFs,
the temporary work area must be usable too. Each reason is a French sentence (None: writable).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional, Sequence

from .os_errors import reason


def _first_existing(path: Path) -> Path:
    while not path.exists() and not path.is_symlink() and path != path.parent:
        path = path.parent
    return path


def manifest_problem(path: Path) -> Optional[str]:
    """Why the previous manifest at ``path`` cannot be read (corrupt, truncated), or None (absent or
    readable): such a folder is not recognised as cspdocs' output, so it is neither replaced nor
    completed (``--employe``)."""
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
    """Why the documents cannot be written under ``sortie`` (and ``sortie/<nom>``), or None."""
    if sortie.is_symlink():
        return (f"le dossier de sortie « {sortie} » est un lien symbolique (vers « {os.readlink(sortie)} ») : "
                "donnez le dossier réel ; cspdocs n'écrit pas à travers un lien")
    existing = _first_existing(sortie)
    if existing.exists() and not existing.is_dir():
        return f"« {existing} » est un fichier, pas un dossier : choisissez un autre dossier de sortie"
    if existing.exists() and not os.access(existing, os.W_OK | os.X_OK):
        return f"le dossier « {existing} » n'est pas accessible en écriture : choisissez un autre dossier de sortie"
    return _case_folder_problem(sortie, nom, sources) if nom is not None else None


def _case_folder_problem(sortie: Path, nom: str, sources: Sequence[Path]) -> Optional[str]:
    """Why ``sortie/<nom>`` cannot be replaced: a link, a file, a corrupt manifest, the case's own files."""
    from .publish import safe_name

    case_folder = sortie / safe_name(nom)
    if case_folder.is_symlink():
        return (f"« {case_folder} » est un lien symbolique (vers « {os.readlink(case_folder)} ») : cspdocs "
                "n'écrit pas à travers un lien ; supprimez le lien ou choisissez un autre dossier de sortie")
    if case_folder.exists() and not case_folder.is_dir():
        return (f"« {case_folder} » est un fichier : cspdocs n'écrit pas à sa place ; déplacez-le ou "
                "choisissez un autre dossier de sortie")
    if not case_folder.is_dir():
        return None
    unreadable = manifest_problem(case_folder / "manifest.json")
    if unreadable:
        return unreadable
    inside = case_folder.resolve()
    for source in sources:
        if Path(source).resolve().is_relative_to(inside):
            return (f"« {case_folder} » contient {Path(source).name}, un fichier du dossier : la sortie "
                    "remplacerait ce dossier ; choisissez un autre dossier de sortie")
    return None


def writable_problem(sortie: Path, nom: Optional[str], pdf: bool, sources: Sequence[Path] = ()) -> Optional[str]:
    """The output folder's problem, then (``pdf``) the temporary work area's, or None."""
    from . import scratch

    problem = output_problem(sortie, nom, sources)
    if problem is None and pdf:
        try:
            scratch.root()
        except OSError as exc:
            problem = str(exc)
    return problem
