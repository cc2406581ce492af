"""DOCX -> PDF with LibreOffice: batched calls, one worker per core, timeout and retry.

Each soffice call (batch.py) converts a whole batch (LibreOffice's start-up, about a second, is
paid once per batch), each worker has its own throw-away profile directory (a copy
of a warm one, see profile.py) so that calls never hand their work to another
running instance, and each batch runs in its own process group so that a timeout, Ctrl-C,
SIGTERM or SIGHUP (interrupt.py) kills LibreOffice and all its children; a kill -9 of cspdocs is
handled by the work area's guard and sweep (scratch.py), where every file of the conversion lives.

PDFs are reported as soon as LibreOffice has moved on to the next document: the caller can
post-process batch 1's PDFs while the rest is still converting (see pipeline.py). A batch that
fails is retried once from a fresh profile; the errors name every file that still fails.
"""

from __future__ import annotations

import math
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .. import scratch
from .batch import Attempt, BatchRun, PdfCallback
from .errors import ConversionError, ConversionTimeoutError, InvalidDocxError
from .soffice import docx_problem, find_soffice

#: Timeout of one batch: base + per document (seconds). A 2-page letter takes ~0.1 s.
TIMEOUT_BASE = 60.0
TIMEOUT_PER_DOCUMENT = 10.0
#: Largest batch handed to one soffice call (bounds what a crash costs to redo).
MAX_BATCH = 100


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def batch_timeout(n_documents: int, timeout: float | None = None) -> float:
    """Timeout of a batch of ``n_documents``; an explicit ``timeout`` wins."""
    if timeout is not None:
        return timeout
    return TIMEOUT_BASE + TIMEOUT_PER_DOCUMENT * n_documents


def plan_batches(n_documents: int, workers: int, max_batch: int = MAX_BATCH) -> list[range]:
    """Split ``range(n_documents)`` into contiguous balanced batches, at least one per worker."""
    if n_documents <= 0:
        return []
    count = max(min(workers, n_documents), math.ceil(n_documents / max_batch))
    size, extra = divmod(n_documents, count)
    batches, start = [], 0
    for k in range(count):
        stop = start + size + (1 if k < extra else 0)
        batches.append(range(start, stop))
        start = stop
    return batches


def _failure_reason(attempt: Attempt, index: int, timeout: float) -> str:
    if index in attempt.reasons:
        return attempt.reasons[index]
    if attempt.timed_out:
        return f"délai de {timeout:g} s dépassé, LibreOffice a été arrêté"
    if attempt.returncode not in (0, None):
        return f"LibreOffice s'est arrêté avec le code {attempt.returncode}"
    return "LibreOffice n'a produit aucun PDF pour ce fichier"


@dataclass
class _Failure:
    reason: str
    timed_out: bool
    log: list[str]


class Converter:
    """Converts many DOCX files with a pool of soffice workers (see convert_to_pdf)."""

    def __init__(
        self,
        workers: int | None = None,
        timeout: float | None = None,
        soffice: str | os.PathLike[str] | None = None,
        retries: int = 1,
        max_batch: int = MAX_BATCH,
    ) -> None:
        self.soffice = find_soffice(soffice)  # fails at once when LibreOffice is missing
        self.workers = max(1, workers or available_cores())
        self.timeout = timeout
        self.retries = retries
        self.max_batch = max_batch

    def run(
        self, docx_paths: Sequence[Path], work_dir: Path, on_pdf: PdfCallback | None = None
    ) -> dict[int, Path]:
        """Convert every document into ``work_dir``; return index -> raw PDF path.

        Raises InvalidDocxError before starting LibreOffice if a file is not a DOCX,
        ConversionError (ConversionTimeoutError on timeout) if any document still fails
        after the retry. ``on_pdf`` is called as each PDF is finished.
        """
        sources = [Path(p) for p in docx_paths]
        problems = {p: why for p in sources if (why := docx_problem(p)) is not None}
        if problems:
            raise InvalidDocxError(_report("Conversion en PDF impossible", problems), problems)
        batches = plan_batches(len(sources), self.workers, self.max_batch)
        done: dict[int, Path] = {}
        failures: dict[int, _Failure] = {}
        lock = threading.Lock()

        def convert_batch(number: int, indices: range) -> None:
            pending: list[int] = list(indices)
            for attempt_number in range(self.retries + 1):
                limit = batch_timeout(len(pending), self.timeout)
                run = BatchRun(
                    self.soffice,
                    sources,
                    pending,
                    work_dir / f"batch{number:04d}-try{attempt_number}",
                    limit,
                    on_pdf,
                    warm=attempt_number == 0,  # a retry starts from a fresh profile
                )
                attempt = run.run()
                if attempt.callback_errors:
                    raise attempt.callback_errors[0]
                with lock:
                    done.update(attempt.done)
                    # LibreOffice said it cannot load these: retrying would not help.
                    for index in pending:
                        if index in attempt.reasons:
                            failures[index] = _Failure(attempt.reasons[index], False, attempt.log)
                pending = [i for i in pending if i not in attempt.done and i not in attempt.reasons]
                if not pending:
                    return
            with lock:
                for index in pending:
                    failures[index] = _Failure(
                        _failure_reason(attempt, index, limit), attempt.timed_out, attempt.log
                    )

        with ThreadPoolExecutor(max_workers=min(self.workers, len(batches) or 1)) as pool:
            for future in [pool.submit(convert_batch, n, b) for n, b in enumerate(batches)]:
                future.result()
        if failures:
            raise _conversion_error(sources, failures)
        return done


def _report(title: str, reasons: dict[Path, str], total: int | None = None) -> str:
    count = f"{len(reasons)} document(s)" + (f" sur {total}" if total else "")
    lines = [f"{title} : {count} en échec."]
    lines += [f"  - {path} : {why}" for path, why in reasons.items()]
    return "\n".join(lines)


def _conversion_error(sources: Sequence[Path], failures: dict[int, _Failure]) -> ConversionError:
    reasons = {sources[i]: f.reason for i, f in sorted(failures.items())}
    message = _report("Échec de la conversion en PDF", reasons, len(sources))
    logs: dict[int, str] = {}  # one entry per failed soffice call
    for failure in failures.values():
        logs.setdefault(id(failure.log), "\n".join(failure.log))
    output = "\n".join(log for log in logs.values() if log) or "(aucune sortie)"
    message += "\nSortie de LibreOffice (dernière tentative) :\n" + _indent(output)
    cls = ConversionTimeoutError if any(f.timed_out for f in failures.values()) else ConversionError
    return cls(message, reasons, output)


def _indent(text: str, prefix: str = "  ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


def convert_to_pdf(
    docx_paths: Sequence[Path],
    out_dir: Path | None = None,
    *,
    workers: int | None = None,
    timeout: float | None = None,
    soffice: str | os.PathLike[str] | None = None,
) -> dict[Path, Path]:
    """Convert DOCX files to (raw, not normalised) PDFs; return DOCX -> PDF.

    PDFs go to ``out_dir`` (same stem) or, when it is None, beside each DOCX.
    ``timeout`` is per batch (default: 60 s + 10 s per document). Raises
    SofficeNotFoundError, InvalidDocxError, ConversionError/ConversionTimeoutError,
    all with French messages. For reproducible, checked PDFs use pipeline.build_pdfs.
    """
    sources = [Path(p) for p in docx_paths]
    targets = [pdf_target(p, out_dir) for p in sources]
    _check_unique_targets(sources, targets)
    converter = Converter(workers=workers, timeout=timeout, soffice=soffice)
    with scratch.session("pdf") as tmp:
        raw = converter.run(sources, tmp)
        for index, pdf in raw.items():
            targets[index].parent.mkdir(parents=True, exist_ok=True)
            shutil.move(pdf, targets[index])
    return {sources[i]: targets[i] for i in range(len(sources))}


def pdf_target(docx: Path, out_dir: Path | None) -> Path:
    """Where the PDF of ``docx`` goes: in ``out_dir`` or beside the DOCX."""
    return (out_dir if out_dir is not None else docx.parent) / (docx.stem + ".pdf")


def _check_unique_targets(sources: Sequence[Path], targets: Sequence[Path]) -> None:
    seen: dict[Path, Path] = {}
    for source, target in zip(sources, targets):
        key = target.resolve()
        if key in seen and seen[key] != source.resolve():
            raise ConversionError(
                f"Deux documents produiraient le même PDF {target} : {seen[key]} et {source}."
            )
        seen[key] = source.resolve()
