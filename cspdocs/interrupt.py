"""Ctrl-C, SIGTERM (a CI cancel) and SIGHUP (a closed terminal): stop the children, clean up, exit.

While a command runs (``InterruptibleGroup``, the CLI's group class), the three signals are handled
alike: every child process group registered here (LibreOffice, see pdf/convert.py) is killed at
once, the command's ``finally`` blocks and context managers run (the temporary folders are removed:
publish.py, scratch.py), and cspdocs exits with 128 + the signal number (130 Ctrl-C, 143 SIGTERM,
129 SIGHUP), saying so in French. Further signals during that clean-up are ignored, so that it
completes. What a kill -9 leaves behind, the next run removes (scratch.py, swept at the start of
every command).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Callable, Optional

import click

_HANDLED = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None),
                             getattr(signal, "SIGHUP", None)) if s is not None)
_NAMES = {signal.SIGINT: "Ctrl-C (SIGINT)"}
_NAMES.update({s: s.name for s in _HANDLED if s != signal.SIGINT})

_lock = threading.RLock()  # re-entrant: the handler runs in the main thread, which may hold it
_groups: set[int] = set()
_received: Optional[int] = None
# Called with each process group when it is registered or killed (scratch.py's guard).
_listeners: list[Callable[[str, int], None]] = []


class Interruption(KeyboardInterrupt):
    """Raised in the main thread by a handled signal (a KeyboardInterrupt: every clean-up runs)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def stopping() -> bool:
    return _received is not None


def check() -> None:
    """Raise Interruption in the calling thread once a signal arrived (before starting new work)."""
    if _received is not None:
        raise Interruption(_received)


def _kill(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def register_group(pgid: int) -> None:
    """A child process group to kill on interruption; killed at once if one already arrived."""
    with _lock:
        if _received is not None:
            _kill(pgid)
            return
        _groups.add(pgid)
        for listener in _listeners:
            listener("+", pgid)


def unregister_group(pgid: int) -> None:
    with _lock:
        _groups.discard(pgid)
        for listener in _listeners:
            listener("-", pgid)


def add_listener(listener: Callable[[str, int], None]) -> None:
    with _lock:
        _listeners.append(listener)
        for pgid in _groups:
            listener("+", pgid)


def remove_listener(listener: Callable[[str, int], None]) -> None:
    with _lock:
        if listener in _listeners:
            _listeners.remove(listener)


def kill_children() -> None:
    with _lock:
        for pgid in sorted(_groups):
            _kill(pgid)
        _groups.clear()


def _handler(signum, frame) -> None:
    global _received
    for handled in _HANDLED:  # the clean-up must complete
        signal.signal(handled, signal.SIG_IGN)
    _received = signum
    kill_children()
    raise Interruption(signum)


def message(signum: int) -> str:
    return (f"Interrompu par {_NAMES.get(signum, f'le signal {signum}')} : travail arrêté (conversions PDF "
            "comprises), fichiers temporaires supprimés ; une sortie déjà publiée n'est pas modifiée.")


def _sweep() -> None:
    """Remove what interrupted runs left in the work area, saying so (scratch.py)."""
    from .scratch import sweep

    note = sweep().texte()
    if note:
        click.echo(note, err=True)


class InterruptibleGroup(click.Group):
    """The CLI's group: installs the handlers around the command, reports an interruption."""

    def invoke(self, ctx: click.Context):
        global _received
        main_thread = threading.current_thread() is threading.main_thread()
        previous = {s: signal.getsignal(s) for s in _HANDLED} if main_thread else {}
        for handled in previous:
            signal.signal(handled, _handler)
        _received = None
        try:
            _sweep()
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            signum = exc.signum if isinstance(exc, Interruption) else signal.SIGINT
            kill_children()
            click.echo("", err=True)
            click.echo(message(signum), err=True)
            sys.exit(128 + signum)
        finally:
            for handled, handler in previous.items():
                signal.signal(handled, handler)
