"""PDF output: LibreOffice conversion, reproducible bytes, dossiers, text for mention checks.

Typical use by ``generate --pdf`` (see each module for details)::

    results = build_pdfs(docx_paths, moment=case_moment)        # PDFs beside the DOCX
    build_dossier([DossierPart(title, results[docx].pdf) ...],
                  folder / "dossier.pdf", title=..., author=employer,
                  subject=employee, moment=case_moment)
    missing_mentions(results[docx].text, mentions)              # mention check on the PDF
"""

from .convert import convert_to_pdf
from .dossier import DossierPart, DossierSection, build_case_dossier, build_dossier, read_outline
from .errors import (
    ConversionError,
    ConversionTimeoutError,
    DossierError,
    InvalidDocxError,
    PdfError,
    SofficeNotFoundError,
)
from .normalize import normalize_pdf, pdf_date
from .pipeline import PdfResult, build_pdfs
from .soffice import find_soffice, soffice_available
from .text import extract_pdf_text, match_key, missing_mentions, normalize_text

__all__ = [
    "ConversionError",
    "ConversionTimeoutError",
    "DossierError",
    "DossierPart",
    "DossierSection",
    "InvalidDocxError",
    "PdfError",
    "PdfResult",
    "SofficeNotFoundError",
    "build_case_dossier",
    "build_dossier",
    "build_pdfs",
    "convert_to_pdf",
    "extract_pdf_text",
    "find_soffice",
    "match_key",
    "missing_mentions",
    "normalize_pdf",
    "normalize_text",
    "pdf_date",
    "read_outline",
    "soffice_available",
]
