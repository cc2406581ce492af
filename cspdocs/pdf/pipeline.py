"""The PDF stage of ``generate --pdf``: convert, normalise, hash and extract text.

LibreOffice reports each PDF as soon as it has moved on to the next document; that
PDF is then normalised (reproducible bytes), written beside its DOCX (or into
``out_dir``) atomically, hashed and its text extracted once, in a pool of worker
threads, while LibreOffice keeps converting: overlapping the two is what keeps
the stage close to the speed of bare parallel conversion.

If anything fails, the PDFs written by this call are removed again: a failed run
leaves no partial output.
"""

from __future__ import annotations

import io
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from .. import scratch
from . import fasttext, rawfile
from .convert import Converter, _check_unique_targets, pdf_target
from .errors import ConversionError
from .lazy_pypdf import errors as pypdf_errors
from .normalize import normalize_pdf, sha256, write_atomic
from .objects import Objects
from .text import extract_pdf_text

if TYPE_CHECKING:
    from pypdf import PdfReader


@dataclass(frozen=True)
class PdfResult:
    """One converted document."""

    docx: Path
    pdf: Path
    sha256: str  # of the final (normalised) bytes, for manifest.json
    pages: int
    text: str | None  # normalised text (text.extract_pdf_text), None if not asked


def finish_pdf(
    raw: str,
    target: str,
    moment: datetime,
    extract: bool,
    metadata: Mapping[str, str] | None = None,
) -> tuple[str, int, str | None]:
    """Normalise the raw PDF ``raw`` into ``target``; return (sha256, pages, text).

    Runs in a worker thread while LibreOffice converts the next documents.
    """
    with open(raw, "rb") as handle:
        original = handle.read()
    source = _parsed(original)  # parsed once: normalised and read from the same objects
    data = normalize_pdf(source, moment, dict(metadata) if metadata else None)
    text = extract_pdf_text(source) if extract else None
    write_atomic(Path(target), data)
    pages = _page_count(source)
    os.unlink(raw)
    return sha256(data), pages, text


def _parsed(data: bytes) -> Objects | PdfReader:
    """LibreOffice's PDF read from its bytes (objects.py), or by pypdf when it is laid out otherwise."""
    try:
        objects = Objects(rawfile.parse(data))
        fasttext.raw_pages(objects)  # the page tree is readable
        return objects
    except (rawfile.NotSimple, LookupError, TypeError, ValueError):
        from pypdf import PdfReader

        return PdfReader(io.BytesIO(data))


def _page_count(source: Objects | PdfReader) -> int:
    return len(fasttext.raw_pages(source)) if isinstance(source, Objects) else len(source.pages)


def build_pdfs(
    docx_paths: Sequence[Path],
    *,
    moment: datetime,
    out_dir: Path | None = None,
    workers: int | None = None,
    timeout: float | None = None,
    soffice: str | os.PathLike[str] | None = None,
    extract_text: bool = True,
    metadata: Mapping[Path, Mapping[str, str]] | None = None,
    on_result: Callable[[PdfResult], None] | None = None,
) -> dict[Path, PdfResult]:
    """Convert ``docx_paths`` into reproducible PDFs; return DOCX -> PdfResult.

    ``moment`` is the creation/modification date stamped in every PDF (derive it from
    the case, not from the clock). PDFs go beside each DOCX, or into ``out_dir``.
    ``workers`` soffice processes (default: one per core) and as many post-processing
    workers; ``timeout`` is per batch (default 60 s + 10 s per document).
    ``metadata`` optionally sets document-information entries per DOCX, e.g. ``{docx: {"Title":
    ..., "Author": employer}}`` (otherwise LibreOffice copies the DOCX core properties).
    ``on_result(result)`` is called in a worker thread as soon as each PDF is final (the caller
    can check or assemble it while LibreOffice converts the next ones); it must not raise.
    Raises SofficeNotFoundError at once when LibreOffice is missing, InvalidDocxError,
    ConversionError / ConversionTimeoutError naming the files, with French messages."""
    sources = [Path(p) for p in docx_paths]
    targets = [pdf_target(p, out_dir) for p in sources]
    _check_unique_targets(sources, targets)
    converter = Converter(workers=workers, timeout=timeout, soffice=soffice)
    if not sources:
        return {}
    futures: dict[int, Future] = {}
    lock = threading.Lock()
    # Threads, not processes: the work is short (normalize.py, text.py), and a process pool would
    # re-import the caller's __main__ (spawn/forkserver) or fork while LibreOffice's reader threads run.
    pool = ThreadPoolExecutor(max_workers=converter.workers, thread_name_prefix="cspdocs-pdf")
    try:

        def finish(index: int, raw: Path, extra: Mapping[str, str] | None) -> tuple[str, int, str | None]:
            done = finish_pdf(str(raw), str(targets[index]), moment, extract_text, extra)
            if on_result is not None:
                on_result(PdfResult(sources[index], targets[index], *done))
            return done

        def on_pdf(index: int, raw: Path) -> None:
            extra = (metadata or {}).get(sources[index])
            future = pool.submit(finish, index, raw, extra)
            with lock:
                futures[index] = future

        with scratch.session("pdf") as tmp:  # removed by the next run if this one is killed
            try:
                converter.run(sources, tmp, on_pdf)
                results = _collect(sources, targets, futures)
            except BaseException:
                _discard(targets, futures)
                raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def _collect(
    sources: Sequence[Path], targets: Sequence[Path], futures: dict[int, Future]
) -> dict[Path, PdfResult]:
    results: dict[Path, PdfResult] = {}
    errors: list[str] = []
    for index in range(len(sources)):
        try:
            digest, pages, text = futures[index].result()
        except (*pypdf_errors(), OSError, ValueError) as exc:
            errors.append(f"  - {sources[index]} : PDF produit illisible ou non enregistrable ({exc})")
            continue
        results[sources[index]] = PdfResult(sources[index], targets[index], digest, pages, text)
    if errors:
        raise ConversionError(
            "Échec du traitement des PDF produits par LibreOffice :\n" + "\n".join(errors)
        )
    return results


def _discard(targets: Sequence[Path], futures: dict[int, Future]) -> None:
    """Remove every PDF this call wrote (after its worker finished)."""
    for index, future in list(futures.items()):
        future.cancel()
        try:
            future.result()
        except BaseException:
            pass
        if future.done() and not future.cancelled() and future.exception() is None:
            targets[index].unlink(missing_ok=True)


__all__ = ["PdfResult", "build_pdfs", "finish_pdf"]
