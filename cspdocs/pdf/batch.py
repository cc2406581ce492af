"""One soffice call on a batch of DOCX files: its command line, its own profile and process
group, PDFs reported as soon as LibreOffice has moved on to the next document, a timeout that
kills the whole group (convert.py plans the batches and retries them).

Inputs are linked into a private staging directory under numbered names, so two documents with
the same file name (one per employee) never collide.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .. import interrupt, scratch
from . import profile

#: DOCX import filter, forced so that a broken DOCX fails instead of being read as text.
DOCX_FILTER = "MS Word 2007 XML"

#: Called with (index in docx_paths, path of the finished raw PDF) from a worker thread.
PdfCallback = Callable[[int, Path], None]

_CONVERT_LINE = re.compile(r"^convert (?P<src>.+?) -> (?P<dst>.+?) using filter")
_NOISE = ("failed to launch javaldx",)


@dataclass
class Attempt:
    """Outcome of one soffice call on a batch."""

    done: dict[int, Path] = field(default_factory=dict)
    reasons: dict[int, str] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    returncode: int | None = None
    timed_out: bool = False
    callback_errors: list[Exception] = field(default_factory=list)


class BatchRun:
    """One soffice call over ``indices``; reports PDFs as they are finished."""

    def __init__(
        self,
        soffice: str,
        sources: Sequence[Path],
        indices: Sequence[int],
        work_dir: Path,
        timeout: float,
        on_pdf: PdfCallback | None,
        warm: bool = True,
    ) -> None:
        self.soffice = soffice
        self.indices = list(indices)
        self.timeout = timeout
        self.on_pdf = on_pdf
        self.work_dir = work_dir
        self.in_dir = work_dir / "in"
        self.out_dir = work_dir / "out"
        self.profile = work_dir / "profile"
        for directory in (self.in_dir, self.out_dir):
            directory.mkdir(parents=True)
        profile.prepare(soffice, self.profile, warm)
        self.inputs = []
        for index in self.indices:
            link = self.in_dir / f"{index:06d}.docx"
            link.symlink_to(sources[index].resolve())
            self.inputs.append(link)
        self.attempt = Attempt()
        self._lock = threading.Lock()
        self._position = 0  # next document LibreOffice has not announced yet
        self._in_progress: int | None = None

    def command(self) -> list[str]:
        from .normalize import EXPORT_FILTER  # PDF/A-2b, tagged (the templates helper's hook)

        return [
            self.soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={self.profile.as_uri()}",
            f"--infilter={DOCX_FILTER}",
            "--convert-to",
            EXPORT_FILTER,
            "--outdir",
            str(self.out_dir),
            *map(str, self.inputs),
        ]

    def output_of(self, index: int) -> Path:
        return self.out_dir / f"{index:06d}.pdf"

    def _finish(self, index: int) -> None:
        """Report ``index`` as converted if LibreOffice wrote a non-empty PDF for it."""
        if index in self.attempt.done or index in self.attempt.reasons:
            return
        pdf = self.output_of(index)
        if pdf.is_file() and pdf.stat().st_size > 0:
            self.attempt.done[index] = pdf
            if self.on_pdf is not None:
                try:
                    self.on_pdf(index, pdf)
                except Exception as exc:  # keep draining LibreOffice's output
                    self.attempt.callback_errors.append(exc)

    def _on_line(self, line: str) -> None:
        with self._lock:
            self.attempt.log.append(line)
            match = _CONVERT_LINE.match(line)
            if match:
                # LibreOffice announces a document when it starts on it: the previous
                # one is complete, and any document skipped in between failed.
                stem = Path(match["dst"]).stem
                index = int(stem) if stem.isdigit() else None
                if self._in_progress is not None:
                    self._finish(self._in_progress)
                if index in self.indices:
                    self._position = self.indices.index(index) + 1
                self._in_progress = index
            elif line.startswith("Error:"):
                if self._in_progress is not None:
                    self._finish(self._in_progress)
                    self._in_progress = None
                if self._position < len(self.indices):
                    failed = self.indices[self._position]
                    self.attempt.reasons[failed] = (
                        "LibreOffice n'a pas pu ouvrir ce fichier (DOCX corrompu ?) : "
                        + line.removeprefix("Error:").strip()
                    )
                    self._position += 1

    def _read(self, stream) -> None:
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip()
            if line and not any(noise in line for noise in _NOISE):
                self._on_line(line)

    def run(self) -> Attempt:
        # LibreOffice's own temporary files stay in the run's work area (scratch.environment)
        env = dict(os.environ, SAL_USE_VCLPLUGIN="svp", **scratch.environment(self.work_dir))
        interrupt.check()  # never start LibreOffice once Ctrl-C, SIGTERM or SIGHUP arrived
        try:
            process = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # own process group: killed as a whole
                env=env,
            )
        except OSError as exc:
            self.attempt.log.append(f"{self.soffice}: {exc}")
            self.attempt.returncode = -1
            return self.attempt
        interrupt.register_group(process.pid)  # killed with us (interrupt.py, scratch.py's guard)
        reader = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        reader.start()
        try:
            self.attempt.returncode = process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.attempt.timed_out = True
            _kill_group(process)
        finally:
            interrupt.unregister_group(process.pid)
        reader.join(timeout=10)
        interrupt.check()  # killed by an interruption: not a conversion failure to retry
        process.stdout.close()
        with self._lock:
            if self.attempt.returncode == 0:
                for index in self.indices:
                    self._finish(index)
                profile.remember(self.soffice, self.profile)
            elif self._in_progress is not None:
                # Interrupted while writing it: never trust a half-written PDF.
                self.output_of(self._in_progress).unlink(missing_ok=True)
        return self.attempt


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


__all__ = ["DOCX_FILTER", "Attempt", "BatchRun", "PdfCallback"]
