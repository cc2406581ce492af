"""Progress of `generate` on stderr: a bar in a terminal, periodic plain lines otherwise, nothing quiet.

    progression = Progression(quiet=False)
    progression.etape("Documents DOCX", total=500)   # a stage, with its number of steps if known
    progression(120, 500)                            # the pipeline's callback: done, total
    progression.fin()                                # "Terminé en 12,3 s."

In a terminal the bar is drawn by rich (on stderr, so stdout stays clean for scripts). Elsewhere
(a CI log, a file) a line is written when a stage starts, then at most every ``intervalle`` seconds,
and when a stage completes. Stdout is never used.
"""

from __future__ import annotations

import sys
import time
from typing import Any, Callable, Optional, TextIO


from ..formats import duration as _seconds


class ProgressBar:
    def __init__(self, quiet: bool = False, stream: Optional[TextIO] = None, intervalle: float = 5.0,
                 terminal: Optional[bool] = None, horloge: Callable[[], float] = time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.intervalle = intervalle
        self.horloge = horloge
        self.debut = horloge()
        self._libelle = ""
        self._dernier = 0.0
        self._bar: Any = None
        self._task: Any = None

    # --- stages -------------------------------------------------------------------------------
    def etape(self, libelle: str, total: Optional[int] = None) -> None:
        if self.quiet:
            return
        self._close_bar()
        self._libelle = libelle
        if self.terminal and total:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("reste"), TimeRemainingColumn(),
                                 console=Console(file=self.stream), transient=False)
            self._bar.start()
            self._task = self._bar.add_task(libelle, total=total)
        else:
            self._line(f"{libelle}…" if total is None else f"{libelle} : 0/{total}")
        self._dernier = self.horloge()

    def __call__(self, fait: int, total: int) -> None:
        """The pipeline's progress callback, after each employee."""
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.update(self._task, completed=fait, total=total)
            return
        now = self.horloge()
        if fait >= total or now - self._dernier >= self.intervalle:
            percent = 100 * fait // total if total else 100
            self._line(f"{self._libelle or 'Progression'} : {fait}/{total} ({percent} %)")
            self._dernier = now

    def fin(self, message: str = "Terminé") -> None:
        if self.quiet:
            return
        self._close_bar()
        self._line(f"{message} en {_seconds(self.horloge() - self.debut)}.")

    def interrompu(self) -> None:
        """Stop the bar (an error follows): the terminal is left clean."""
        self._close_bar()

    # --- output -------------------------------------------------------------------------------
    def _close_bar(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = self._task = None

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
