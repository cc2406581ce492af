"""What a folder cspdocs published holds (``manifest.json`` and the files it records), and whether
cspdocs may replace the folder ``SORTIE/<case>/``.

Never deleted (see the README, « Ce qui n'est jamais supprimé »):

- a folder cspdocs did not publish: replacing ``SORTIE/<case>/`` requires it to be empty or to hold
  a ``manifest.json`` written by cspdocs, and nothing else than the files that manifest records;
- the output published for another case file with the same stem (the manifest records the
  case's employer and procedure, ``identite_dossier``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Optional

MANIFEST = "manifest.json"
MENTIONS_REPORT = "mentions.json"
MARKER = ".cspdocs-temporaire"  # a temporary folder still being written (output_folder.py)
_OWN_FILES = {MANIFEST, MENTIONS_REPORT}
_SHOWN = 5


class SortieRefusee(Exception):
    """The output folder cannot be replaced (French message naming the folder); nothing is written."""


def case_identity(dossier: Any) -> dict[str, Any]:
    """What identifies the case an output belongs to: employer and procedure (not the file's
    location, so that the same inputs give the same manifest wherever they sit)."""
    employeur, procedure = dossier.employeur, dossier.procedure
    kind = getattr(procedure.type, "value", procedure.type)
    return {"employeur": employeur.raison_sociale, "siret": employeur.siret, "procedure": str(kind)}


def _describe(identity: dict[str, Any]) -> str:
    siret = f", SIRET {identity['siret']}" if identity.get("siret") else ""
    return f"employeur « {identity.get('employeur')} »{siret}, procédure {identity.get('procedure')}"


def read_manifest(folder: Path) -> Optional[dict[str, Any]]:
    """The manifest of a folder cspdocs published, or None when there is none it recognises."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or "cspdocs" not in data or not isinstance(data.get("salaries"), list) \
            or not isinstance(data.get("dossier"), dict):
        return None
    return data


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _recorded_paths(node: Any, out: set[str]) -> set[str]:
    """Every file a manifest records: each ``chemin`` (DOCX, PDF, dossiers) and each file name
    mapped to its SHA-256 (``complements.rh``: synthesis and calendar)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "chemin" and isinstance(value, str):
                out.add(value)
            elif isinstance(value, str) and _SHA256.fullmatch(value) and "." in key and "/" not in key:
                out.add(key)
            else:
                _recorded_paths(value, out)
    elif isinstance(node, list):
        for value in node:
            _recorded_paths(value, out)
    return out


def foreign_files(folder: Path, manifest: dict[str, Any]) -> list[str]:
    """Files and folders under ``folder`` its manifest does not account for (relative, sorted)."""
    recorded = _recorded_paths(manifest, set()) | _OWN_FILES | {MARKER}
    folders = {e.get("repertoire") for e in manifest.get("salaries", []) if isinstance(e, dict)}
    dirs = {str(Path(p).parent.as_posix()) for p in recorded} | {f for f in folders if isinstance(f, str)}
    found = []
    for root, subdirs, files in os.walk(folder):
        rel = Path(root).relative_to(folder).as_posix()
        rel = "" if rel == "." else rel + "/"
        for d in list(subdirs):
            if (rel + d) not in dirs or os.path.islink(os.path.join(root, d)):
                found.append(rel + d + "/")
                subdirs.remove(d)
        found.extend(rel + f for f in files if (rel + f) not in recorded)
    return sorted(found)


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:_SHOWN])
    return shown + (f"… (+{len(items) - _SHOWN})" if len(items) > _SHOWN else "")


def check_replaceable(dest: Path, identity: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The previous manifest of ``dest`` ({} for an empty folder, None when absent), or SortieRefusee."""
    if not os.path.lexists(dest):
        return None
    if dest.is_symlink() or not dest.is_dir():
        raise SortieRefusee(
            f"Sortie refusée : « {dest} » existe et n'est pas un dossier (fichier ou lien symbolique) ; "
            "cspdocs ne le remplace pas. Choisissez un autre dossier de sortie (-o) ou déplacez-le."
        )
    if not any(os.scandir(dest)):
        return {}
    manifest = read_manifest(dest)
    if manifest is None:
        raise SortieRefusee(
            f"Sortie refusée : le dossier « {dest} » existe et n'a pas été publié par cspdocs (pas de "
            f"{MANIFEST} reconnu) ; il n'est ni remplacé ni modifié. Choisissez un autre dossier de "
            "sortie (-o), ou renommez le fichier du dossier (le nom du dossier de sortie en vient)."
        )
    recorded = manifest.get("identite_dossier")
    if identity is not None and isinstance(recorded, dict) and recorded != identity:
        raise SortieRefusee(
            f"Sortie refusée : le dossier « {dest} » a été publié pour un autre dossier "
            f"({_describe(recorded)}), pas pour celui-ci ({_describe(identity)}) ; ses documents ne "
            "sont ni mélangés ni remplacés. Choisissez un autre dossier de sortie (-o) ou renommez le "
            "fichier du dossier (le nom du dossier de sortie en vient) ; si c'est bien le même dossier, "
            "corrigé, supprimez ou déplacez d'abord l'ancienne sortie."
        )
    foreign = foreign_files(dest, manifest)
    if foreign:
        raise SortieRefusee(
            f"Sortie refusée : le dossier « {dest} » contient {len(foreign)} fichier(s) ou dossier(s) "
            f"que cspdocs n'a pas écrits ({_listing(foreign)}) ; rien n'est supprimé. Déplacez-les, "
            "puis relancez (un document ouvert dans un traitement de texte laisse aussi un fichier "
            "de verrouillage : fermez-le)."
        )
    return manifest

