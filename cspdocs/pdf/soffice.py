"""Finding LibreOffice and checking DOCX files before handing them to it."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from .errors import SofficeNotFoundError

#: Environment variable naming the soffice executable (tests point it at fakes).
SOFFICE_ENV = "CSPDOCS_SOFFICE"

_CANDIDATES = (
    "soffice",
    "libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


def find_soffice(soffice: str | os.PathLike[str] | None = None) -> str:
    """Return the soffice executable to run, or raise SofficeNotFoundError at once.

    Order: the explicit argument, then $CSPDOCS_SOFFICE, then the usual names and places.
    """
    explicit = soffice if soffice is not None else os.environ.get(SOFFICE_ENV) or None
    if explicit is not None:
        found = shutil.which(os.fspath(explicit))
        if found is None:
            raise SofficeNotFoundError(os.fspath(explicit))
        return found
    for candidate in _CANDIDATES:
        found = shutil.which(candidate)
        if found is not None:
            return found
    raise SofficeNotFoundError("soffice, libreoffice")


def soffice_available(soffice: str | os.PathLike[str] | None = None) -> bool:
    """True when find_soffice() would succeed."""
    try:
        find_soffice(soffice)
    except SofficeNotFoundError:
        return False
    return True


def docx_problem(path: Path) -> str | None:
    """A French reason why ``path`` is not a convertible DOCX, or None if it looks fine.

    LibreOffice happily imports random bytes as plain text, so a corrupted DOCX must be
    caught before conversion: it must be a ZIP package holding word/document.xml.
    """
    if not path.is_file():
        return "fichier introuvable"
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "ce n'est pas un document DOCX valide (archive ZIP illisible ou corrompue)"
    if "word/document.xml" not in names:
        return "ce n'est pas un document DOCX valide (word/document.xml absent)"
    return None
