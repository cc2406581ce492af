"""Publishing a rendered batch: a temporary folder next to the destination, then one move.

The case folder ``<sortie>/<dossier>/`` is replaced only once every file of the batch is written:
a failed run leaves the previous output untouched. ``manifest.json`` records the inputs (case
file, CSV, templates, rules data, cspdocs version) by SHA-256 and, per artefact, its path, SHA-256
and variant. No timestamp goes into the manifest: the same inputs give the same bytes.

With a selection of employees (``--employe``), the other employees' folders and manifest entries
of the previous output are carried over, each entry keeping the fingerprint of the inputs that
produced it (``empreinte_entrees``).

Post-write hook (``post_ecriture``): called with an ``Ecriture`` once every DOCX file and every
carried-over folder is in the temporary folder, before the manifest is written and the folder
swapped into place. It may add files to the temporary folder and keys to the manifest entries of
this run's employees (``Ecriture.salaries``; the PDF stage adds ``pdf`` to each artefact and
``dossier_pdf`` to each employee, see cspdocs/pdf/stage.py); its return value is recorded under
``manifest["complements"]``. If it raises, nothing is published and the exception propagates.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from . import __version__
from .version import manifest_fingerprints
from .generate import Lot, LotSalarie

RULES_DIR = Path(__file__).resolve().parent / "rules"
MANIFEST = "manifest.json"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 80



@dataclass(frozen=True)
class Ecriture:
    """What a post-write hook sees (see the module docstring)."""

    dossier: Path  # the temporary case folder, renamed to sortie/<dossier>/ on success
    lot: Lot
    # matricule -> manifest entry of each employee written by this run, in the batch's order;
    # a hook may add keys (never remove any).
    salaries: dict[str, dict[str, Any]]
    # manifest entries carried over from the previous output (``--employe``): read only.
    conserves: tuple[dict[str, Any], ...]


# Called once the DOCX files are written, before the manifest and the move (e.g. PDFs);
# returns data recorded in the manifest under the key "complements".
PostEcriture = Callable[[Ecriture], dict[str, Any]]


def safe_name(text: str) -> str:
    """A file-name component: accents folded, only [A-Za-z0-9._-], never '.', '..' nor empty."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    name = _UNSAFE.sub("-", folded)
    name = re.sub(r"-{2,}", "-", name).strip("-.")
    name = name[:_MAX_NAME].rstrip("-.")
    return name or "_"


def employee_folder(matricule: str, nom: str) -> str:
    return safe_name(f"{matricule}-{nom}")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    return sha256_bytes(Path(path).read_bytes())


@dataclass(frozen=True)
class Publication:
    dossier: Path  # the published case folder
    manifest: dict[str, Any]
    fichiers: tuple[Path, ...]  # files written by this run (absolute, final location; manifest excluded)


def inputs(lot: Lot) -> dict[str, Any]:
    case, *others = lot.sources
    data: dict[str, Any] = {
        "cspdocs": __version__,
        "dossier": {"fichier": case.name, "sha256": sha256_file(case)},
        "fichiers_sources": [{"fichier": p.name, "sha256": sha256_file(p)} for p in others],
        "modeles": [
            {"fichier": name, "origine": m.origine, "sha256": m.modele.sha256}
            for name, m in sorted(lot.modeles.items())
        ],
        "regles": [
            {"fichier": p.name, "sha256": sha256_file(p)} for p in sorted(RULES_DIR.glob("*.yaml"))
        ],
    }
    data.update(manifest_fingerprints())  # mention rules, engine code, rules validity (cspdocs/version.py)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    data["empreinte_entrees"] = sha256_bytes(canonical)
    return data


def _folders(lot: Lot) -> dict[str, str]:
    """matricule -> folder name; disambiguates two employees whose names sanitise alike."""
    folders: dict[str, str] = {}
    used: set[str] = set()
    for s in lot.salaries:
        name = employee_folder(s.matricule, s.nom)
        if name.lower() in used:
            name = f"{name}-{sha256_bytes(s.matricule.encode('utf-8'))[:8]}"
        used.add(name.lower())
        folders[s.matricule] = name
    return folders


def _write_employee(root: Path, folder: str, s: LotSalarie, fingerprint: str) -> tuple[dict[str, Any], list[Path]]:
    directory = root / folder
    directory.mkdir()
    written, artefacts = [], []
    for doc in s.documents:
        path = directory / doc.artefact.fichier
        path.write_bytes(doc.contenu)
        written.append(path)
        artefacts.append({
            "cle": doc.artefact.cle,
            "chemin": f"{folder}/{doc.artefact.fichier}",
            "sha256": sha256_bytes(doc.contenu),
            "variante": doc.variante,
            "modele": doc.artefact.modele,
        })
    entry = {
        "matricule": s.matricule,
        "repertoire": folder,
        "empreinte_entrees": fingerprint,
        "artefacts": artefacts,
        "omis": [{"cle": o.artefact.cle, "raison": o.raison} for o in s.omis],
        "avertissements": list(s.avertissements),
    }
    return entry, written


def _previous_entries(dest: Path, lot: Lot, tmp: Path) -> list[dict[str, Any]]:
    """With --employe: copy the other employees' folders of the previous output."""
    manifest_path = dest / MANIFEST
    if lot.selection is None or not manifest_path.is_file():
        return []
    try:
        previous = json.loads(manifest_path.read_text(encoding="utf-8"))
        entries = list(previous["salaries"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{manifest_path} illisible : impossible de conserver les autres salariés ({exc})") from exc
    kept = []
    for entry in entries:
        if entry.get("matricule") in lot.selection:
            continue
        folder = entry.get("repertoire", "")
        if safe_name(folder) != folder or not (dest / folder).is_dir():
            continue
        shutil.copytree(dest / folder, tmp / folder)
        kept.append(entry)
    return kept


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _swap(tmp: Path, dest: Path) -> None:
    if not dest.exists():
        os.rename(tmp, dest)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.ancien-", dir=dest.parent))
    os.rmdir(old)
    os.rename(dest, old)
    try:
        os.rename(tmp, dest)
    except BaseException:
        os.rename(old, dest)
        raise
    shutil.rmtree(old, ignore_errors=True)


def publish(lot: Lot, sortie: Path, post_ecriture: Optional[PostEcriture] = None,
            mentions: Optional[dict] = None) -> Publication:
    """Write the batch under ``sortie/<dossier>/`` atomically (see module docstring)."""
    sortie = Path(sortie)
    sortie.mkdir(parents=True, exist_ok=True)
    dest = sortie / safe_name(lot.nom)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=sortie))
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        manifest = inputs(lot)
        fingerprint = manifest["empreinte_entrees"]
        entries = _previous_entries(dest, lot, tmp)
        folders = _folders(lot)
        taken = {e["repertoire"].lower() for e in entries}
        written: list[Path] = []
        new_entries = {}
        for s in lot.salaries:
            folder = folders[s.matricule]
            if folder.lower() in taken:
                folder = f"{folder}-{sha256_bytes(s.matricule.encode('utf-8'))[:8]}"
            entry, files = _write_employee(tmp, folder, s, fingerprint)
            new_entries[s.matricule] = entry
            written.extend(files)
        manifest["selection"] = list(lot.selection) if lot.selection else None
        manifest["avertissements"] = list(lot.avertissements)
        manifest["salaries"] = entries + list(new_entries.values())
        if mentions is not None:
            manifest["mentions"] = mentions  # the mention check of this run (issue 4)
        if post_ecriture is not None:
            manifest["complements"] = post_ecriture(Ecriture(tmp, lot, new_entries, tuple(entries)))
            # Files the hook added (PDFs...) count as written by this run too.
            carried = {e["repertoire"] for e in entries}
            written = [
                p for p in sorted(tmp.rglob("*"))
                if p.is_file() and p.relative_to(tmp).parts[0] not in carried and p != tmp / MANIFEST
            ]
        (tmp / MANIFEST).write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        _swap(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    final = tuple(dest / p.relative_to(tmp) for p in written)
    return Publication(dest, manifest, final)
