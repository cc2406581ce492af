"""French messages for file-system errors (never the operating system's English text)."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Optional

_MESSAGES = {
    errno.ENOENT: "dossier inexistant",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOSPC: "plus d'espace disque",
    errno.EDQUOT: "quota disque dépassé",
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EEXIST: "existe déjà et n'est pas un dossier",  # mkdir over a file
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EBUSY: "fichier occupé (ouvert dans une autre application ?)",
}


def reason(exc: OSError) -> str:
    """« permission refusée »: what went wrong, in French."""
    return _MESSAGES.get(exc.errno, f"erreur du système (code {exc.errno})" if exc.errno else "erreur du système")


def message_os(exc: OSError, path: Optional[Path] = None) -> str:
    """« Erreur d'écriture : CHEMIN : permission refusée » (the path of the error, else ``path``)."""
    where = exc.filename or path
    what = reason(exc)
    return f"Erreur d'écriture : {where} : {what}" if where else f"Erreur d'écriture : {what}"
