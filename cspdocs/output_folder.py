"""The output folder ``SORTIE/<case>/``: which folders cspdocs may replace, and a switch that survives a kill.

Never deleted (see the README, « Ce qui n'est jamais supprimé »):

- a folder cspdocs did not publish: replacing ``SORTIE/<case>/`` requires it to be empty or to hold
  a ``manifest.json`` written by cspdocs, and nothing else than the files that manifest records;
- the output published for another case file with the same stem (the manifest records the
  case's employer and procedure, ``identite_dossier``).

The switch: the new output is written into a hidden sibling ``.<case>.tmp-XXXX`` (holding the
marker file ``.cspdocs-temporaire`` until it is complete), then exchanged with the previous output
in one atomic ``renameat2(RENAME_EXCHANGE)`` (Linux); elsewhere the previous output is first
renamed ``.<case>.ancien-XXXX``. Every run holds a ``flock`` on its temporary folder, so a later
run recognises the leftovers of a killed run (no lock holder) and recovers them before doing
anything: an ``ancien`` folder whose output is missing is put back, every other leftover of ours
is removed, and each action is reported in French.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

MANIFEST = "manifest.json"
MENTIONS_REPORT = "mentions.json"
MARKER = ".cspdocs-temporaire"
_OWN_FILES = {MANIFEST, MENTIONS_REPORT}
_SHOWN = 5


class SortieRefusee(Exception):
    """The output folder cannot be replaced (French message naming the folder); nothing is written."""


def temp_prefix(name: str) -> str:
    return f".{name}.tmp-"


def old_prefix(name: str) -> str:
    return f".{name}.ancien-"


def case_identity(dossier: Any) -> dict[str, Any]:
    """What identifies the case an output belongs to: employer and procedure (not the file's
    location, so that the same inputs give the same manifest wherever they sit)."""
    employeur, procedure = dossier.employeur, dossier.procedure
    kind = getattr(procedure.type, "value", procedure.type)
    return {"employeur": employeur.raison_sociale, "siret": employeur.siret, "procedure": str(kind)}


def _describe(identity: dict[str, Any]) -> str:
    siret = f", SIRET {identity['siret']}" if identity.get("siret") else ""
    return f"employeur « {identity.get('employeur')} »{siret}, procédure {identity.get('procedure')}"


# --- locks -------------------------------------------------------------------------------------


def _try_lock(path: Path, blocking: bool) -> Optional[int]:
    """An fd holding an exclusive flock on the directory ``path``, or None when another process holds it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    return fd


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Serialise recovery and switching between cspdocs runs writing into ``folder``."""
    fd = _try_lock(folder, blocking=True)
    try:
        yield
    finally:
        os.close(fd)


# --- what a published folder holds ----------------------------------------------------------------


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


# --- recovery of a killed run ---------------------------------------------------------------------


def _ours(folder: Path) -> bool:
    """A leftover cspdocs may delete: empty, marked as temporary, or a complete published output."""
    if not any(os.scandir(folder)) or (folder / MARKER).is_file():
        return True
    manifest = read_manifest(folder)
    return manifest is not None and not foreign_files(folder, manifest)


def recover(sortie: Path, name: str) -> list[str]:
    """Recover or remove the leftovers of killed runs for ``sortie/name``; French notes of what was done.

    Call with ``locked(sortie)`` held. Leftovers locked by a running process are left alone.
    """
    dest = sortie / name
    notes: list[str] = []
    stray = dest / MARKER
    if dest.is_dir() and not dest.is_symlink() and stray.is_file():
        stray.unlink()
    leftovers = sorted(
        p for p in sortie.iterdir()
        if (p.name.startswith(temp_prefix(name)) or p.name.startswith(old_prefix(name)))
        and p.is_dir() and not p.is_symlink()
    )
    # An "ancien" folder first: it is the previous output when the switch was interrupted.
    leftovers.sort(key=lambda p: not p.name.startswith(old_prefix(name)))
    for leftover in leftovers:
        fd = _try_lock(leftover, blocking=False)
        if fd is None:
            continue  # another cspdocs run is writing it
        try:
            if not os.path.lexists(dest) and leftover.name.startswith(old_prefix(name)) \
                    and read_manifest(leftover) is not None:
                os.rename(leftover, dest)
                notes.append(f"Publication interrompue : la sortie précédente « {dest} » a été restaurée "
                             f"depuis {leftover.name}.")
            elif _ours(leftover):
                shutil.rmtree(leftover)
                notes.append(f"Publication interrompue : dossier temporaire {leftover.name} supprimé "
                             f"dans {sortie}.")
            else:
                notes.append(f"{leftover} n'a pas été reconnu comme un dossier temporaire de cspdocs : "
                             "laissé en place.")
        finally:
            os.close(fd)
    return notes


# --- the switch ---------------------------------------------------------------------------------


class TempFolder:
    """A hidden sibling of the destination, locked for the lifetime of this run."""

    def __init__(self, sortie: Path, name: str):
        self.path = Path(tempfile.mkdtemp(prefix=temp_prefix(name), dir=sortie))
        self._fd: Optional[int] = _try_lock(self.path, blocking=True)
        (self.path / MARKER).write_bytes(b"")
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(self.path, 0o777 & ~mask)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        self.close()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_libc = None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two directories (Linux renameat2); False when unsupported here."""
    global _libc
    if _libc is None:
        try:
            _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            _libc.renameat2  # noqa: B018 (glibc >= 2.28)
        except (OSError, AttributeError):
            _libc = False
    if not _libc:
        return False
    rc = _libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def switch(tmp: TempFolder, dest: Path) -> None:
    """Put the complete folder ``tmp`` in place of ``dest`` (call with ``locked(sortie)`` held)."""
    (tmp.path / MARKER).unlink()
    if not os.path.lexists(dest):
        os.rename(tmp.path, dest)
        tmp.close()
        return
    if _exchange(tmp.path, dest):
        # tmp.path now holds the previous output: mark it temporary before deleting it, so that a
        # kill during the deletion (manifest already gone) leaves a folder the next run recognises.
        (tmp.path / MARKER).write_bytes(b"")
        tmp.discard()
        return
    old = Path(tempfile.mkdtemp(prefix=old_prefix(dest.name), dir=dest.parent))
    os.rmdir(old)
    os.rename(dest, old)
    try:
        os.rename(tmp.path, dest)
    except BaseException:
        os.rename(old, dest)
        raise
    tmp.close()
    (old / MARKER).write_bytes(b"")  # as above: recognisable if killed while deleting
    shutil.rmtree(old, ignore_errors=True)
