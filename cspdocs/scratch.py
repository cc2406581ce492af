"""The temporary work area: one private folder per run, removed at its end, removed by the next run
when a run was killed (kill -9, power cut).

The PDF stage (LibreOffice's inputs, outputs, profiles and own temporary files) works in
``<temporary folder>/cspdocs-<uid>/<label>-XXXXXXXX/`` (mode 0700), where the temporary folder is
``$TMPDIR`` when it is set, else the system's. A ``TMPDIR`` that is missing or not writable is an
error (``ErreurTemporaire``), never silently replaced by another folder: documents holding
employees' data go only where the user said. Nothing else of cspdocs writes there.

Each run holds a lock (``<label>-XXXXXXXX.verrou``, ``flock``) while it lives. ``sweep`` (run at the
start of every command, see interrupt.py) removes the folders whose lock is free, after killing any
process still working in them (LibreOffice children carry ``CSPDOCS_SCRATCH`` in their
environment). A small guard process per run does the same at once when the run dies with a kill -9.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from . import interrupt

try:
    import fcntl
except ImportError:  # not POSIX: no locks, nothing is swept
    fcntl = None  # type: ignore[assignment]

#: Environment variable marking the processes that work in a run's folder (value: that folder).
MARKER = "CSPDOCS_SCRATCH"
LOCK_SUFFIX = ".verrou"


class ErreurTemporaire(OSError):
    """The temporary folder cannot be used (French message)."""


def base_dir() -> Path:
    """$TMPDIR when set (it must exist and be writable), else the system's temporary folder."""
    value = os.environ.get("TMPDIR")
    if not value:
        return Path(tempfile.gettempdir())
    path = Path(value)
    if not path.is_dir():
        raise ErreurTemporaire(f"le dossier temporaire TMPDIR={value} n'existe pas ou n'est pas un dossier : "
                               "créez-le, ou corrigez ou retirez la variable TMPDIR")
    if not os.access(path, os.W_OK | os.X_OK):
        raise ErreurTemporaire(f"le dossier temporaire TMPDIR={value} n'est pas accessible en écriture : "
                               "donnez un dossier où vous pouvez écrire, ou retirez la variable TMPDIR")
    return path


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def root(create: bool = True) -> Optional[Path]:
    """The private root of the work area (created with mode 0700), or None if absent and not ``create``."""
    path = base_dir() / f"cspdocs-{_uid()}"
    if create:
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            pass
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != _uid()):
        raise ErreurTemporaire(f"{path} n'est pas un dossier privé de l'utilisateur (lien, fichier ou dossier "
                               "d'un autre utilisateur) : supprimez-le ou choisissez un autre TMPDIR")
    if info.st_mode & 0o077:
        os.chmod(path, 0o700)
    return path


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Exclusive lock of the root while runs are created or swept (no race between the two)."""
    if fcntl is None:
        yield
        return
    with open(path / LOCK_SUFFIX, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(lock: Path) -> bool:
    """True when a living run holds ``lock``."""
    if fcntl is None:
        return True
    try:
        fd = os.open(lock, os.O_RDWR)  # never created here: a lock its run just removed stays removed
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # (releases the lock taken just above)
    return False


def processes_in(folder: Path) -> list[int]:
    """Processes (Linux /proc) whose environment marks them as working in ``folder``."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    prefix = f"{MARKER}={folder}".encode()
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            variables = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(v == prefix or v.startswith(prefix + b"/") for v in variables):
            found.append(int(entry.name))
    return found


def _kill_processes(folder: Path) -> int:
    pids = processes_in(folder)
    for pid in pids:
        try:
            os.kill(pid, 9)
        except OSError:
            pass
    return len(pids)


def _remove(folder: Path, lock: Optional[Path]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if lock is not None:
        try:
            lock.unlink()
        except FileNotFoundError:
            pass


@dataclass(frozen=True)
class Cleanup:
    dossiers: int = 0  # folders of interrupted runs removed
    processus: int = 0  # processes of interrupted runs stopped
    racine: Optional[Path] = None

    def texte(self) -> Optional[str]:
        if not self.dossiers and not self.processus:
            return None
        parts = [f"{self.dossiers} dossier(s) temporaire(s)"] if self.dossiers else []
        if self.processus:
            parts.append(f"{self.processus} processus LibreOffice")
        return (f"Nettoyage : {' et '.join(parts)} laissé(s) par une exécution interrompue de cspdocs "
                f"supprimé(s) ({self.racine}).")


def sweep() -> Cleanup:
    """Remove what killed runs left in the work area (never a living run's folder)."""
    try:
        path = root(create=False)
    except OSError:
        return Cleanup()
    if path is None or fcntl is None:
        return Cleanup()
    folders = killed = 0
    with _locked(path):
        for entry in sorted(path.iterdir()):
            if entry.name == LOCK_SUFFIX:
                continue
            if entry.name.endswith(LOCK_SUFFIX):
                work = entry.with_name(entry.name[: -len(LOCK_SUFFIX)])
                if _alive(entry):
                    continue
                killed += _kill_processes(work)
                folders += work.exists()
                _remove(work, entry)
            elif not entry.with_name(entry.name + LOCK_SUFFIX).exists():
                # a folder without its lock: the lock is created first and removed last, so it is dead
                killed += _kill_processes(entry)
                folders += 1
                if entry.is_dir() and not entry.is_symlink():
                    _remove(entry, None)
                else:
                    entry.unlink()
    return Cleanup(folders, killed, path)


# Run in a separate session by ``session``: reads "+pgid"/"-pgid" lines until the run closes the
# pipe (or dies), then kills the groups left and removes the run's folder and lock.
_GUARD = r"""
import os, shutil, signal, sys, time
work, lock = sys.argv[1], sys.argv[2]
groups = set()
for line in sys.stdin:
    line = line.strip()
    if line[:1] == "+": groups.add(int(line[1:]))
    elif line[:1] == "-": groups.discard(int(line[1:]))
for pgid in groups:
    try: os.killpg(pgid, signal.SIGKILL)
    except OSError: pass
deadline = time.monotonic() + 5
while groups and time.monotonic() < deadline:
    for pgid in list(groups):
        try: os.killpg(pgid, 0)
        except OSError: groups.discard(pgid)
    time.sleep(0.05)
for _ in range(3):
    shutil.rmtree(work, ignore_errors=True)
try: os.unlink(lock)
except OSError: pass
"""


class _Guard:
    def __init__(self, work: Path, lock: Path) -> None:
        self.process: Optional[subprocess.Popen] = None
        if fcntl is None:
            return
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _GUARD, str(work), str(lock)],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C or a closed terminal does not stop it
            )
        except OSError:
            self.process = None  # the next run's sweep still cleans up
        interrupt.add_listener(self.tell)

    def tell(self, sign: str, pgid: int) -> None:
        if self.process is None or self.process.stdin is None:
            return
        try:
            self.process.stdin.write(f"{sign}{pgid}\n".encode())
            self.process.stdin.flush()
        except OSError:
            pass

    def close(self) -> None:
        interrupt.remove_listener(self.tell)
        if self.process is None:
            return
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


@contextmanager
def session(label: str = "travail") -> Iterator[Path]:
    """A private folder for this run, removed on exit (also on Ctrl-C, SIGTERM, SIGHUP)."""
    path = root()
    with _locked(path):
        handle, name = tempfile.mkstemp(prefix=f"{label}-", suffix=LOCK_SUFFIX, dir=path)
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        lock = Path(name)
        work = lock.with_name(lock.name[: -len(LOCK_SUFFIX)])
        work.mkdir(mode=0o700)
    guard = _Guard(work, lock)
    try:
        yield work
    finally:
        if interrupt.stopping():
            interrupt.kill_children()  # (already done by the handler; a group started since is too)
        _remove(work, None)
        guard.close()
        _remove(work, lock)  # the lock last: a folder without its lock is known dead
        os.close(handle)


def environment(work: Path) -> dict[str, str]:
    """Variables for a child process working in ``work`` (a folder of a session): its temporary files
    stay there, and the sweep recognises it."""
    tmp = work / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    path = os.environ.get("PATH", "")
    # LibreOffice's launcher is a shell script: it needs dirname, grep, uname even with a bare PATH
    missing = [d for d in os.defpath.split(os.pathsep) if d and d not in path.split(os.pathsep)]
    return {MARKER: str(work), "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp),
            "PATH": os.pathsep.join([p for p in [path, *missing] if p])}

