"""The output folder ``SORTIE/<case>/``: a switch that survives a kill, and the recovery of a killed run.

Which folders cspdocs may replace is published_folder.py. The switch: the new output is written
into a hidden sibling ``.<case>.tmp-XXXX`` (holding the marker file ``.cspdocs-temporaire`` until
it is complete), then exchanged with the previous output in one atomic
``renameat2(RENAME_EXCHANGE)`` (Linux); elsewhere the previous output is first renamed
``.<case>.ancien-XXXX``. Every run holds a ``flock`` on its temporary folder, so a later run
recognises the leftovers of a killed run (no lock holder) and recovers them before doing anything:
an ``ancien`` folder whose output is missing is put back, every other leftover of ours is removed,
and each action is reported in French.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from .published_folder import (
    MANIFEST,
    MARKER,
    MENTIONS_REPORT,
    SortieRefusee,
    case_identity,
    check_replaceable,
    foreign_files,
    read_manifest,
)

# Re-exported for publish.py, pipeline/run.py, generate.py, commands/generate.py, delivered.py and
# tests/pipeline (until they import what a published folder holds from published_folder.py).
__all__ = ["MANIFEST", "MARKER", "MENTIONS_REPORT", "SortieRefusee", "TempFolder", "case_identity",
           "check_replaceable", "foreign_files", "locked", "old_prefix", "read_manifest", "recover", "switch",
           "temp_prefix"]


def temp_prefix(name: str) -> str:
    return f".{name}.tmp-"


def old_prefix(name: str) -> str:
    return f".{name}.ancien-"


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
