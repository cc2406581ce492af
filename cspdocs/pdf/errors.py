"""Errors of the PDF stage. Messages are read by users, so they are in French."""

from __future__ import annotations

from pathlib import Path

INSTALL_HINT = (
    "Installez LibreOffice et les polices, par exemple sous Debian ou Ubuntu :\n"
    "  sudo apt-get install libreoffice-writer-nogui fonts-liberation2\n"
    "ou indiquez le chemin de soffice dans la variable d'environnement CSPDOCS_SOFFICE."
)


class PdfError(Exception):
    """Base class of every error raised by cspdocs.pdf."""


class SofficeNotFoundError(PdfError):
    """LibreOffice (soffice) is not installed or not executable."""

    def __init__(self, tried: str | None = None) -> None:
        where = f" (recherché : {tried})" if tried else ""
        super().__init__(
            "La sortie PDF nécessite LibreOffice, introuvable sur cette machine"
            f"{where}.\n{INSTALL_HINT}"
        )


class ConversionError(PdfError):
    """One or more documents could not be converted to PDF.

    ``failures`` maps each DOCX that failed to a short French reason;
    ``output`` is LibreOffice's own stdout/stderr for the failed attempts.
    """

    def __init__(
        self, message: str, failures: dict[Path, str] | None = None, output: str = ""
    ) -> None:
        self.failures = dict(failures or {})
        self.output = output
        super().__init__(message)


class ConversionTimeoutError(ConversionError):
    """LibreOffice did not finish a batch in time and was killed."""


class InvalidDocxError(ConversionError):
    """A file named .docx is not a readable DOCX package."""


class DossierError(PdfError):
    """A dossier PDF could not be assembled (nothing is written)."""
