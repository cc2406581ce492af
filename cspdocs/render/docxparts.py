"""Reading a DOCX template: its members in order, and which XML parts carry template tags."""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# content type -> kind of templated part
TEMPLATED_TYPES = {
    _WML + "document.main+xml": "document",
    _WML + "header+xml": "header",
    _WML + "footer+xml": "footer",
    _WML + "footnotes+xml": "footnotes",
    _WML + "endnotes+xml": "endnotes",
    "application/vnd.openxmlformats-package.core-properties+xml": "core",
    "application/vnd.openxmlformats-officedocument.custom-properties+xml": "custom",
}


class ModeleInvalide(ValueError):
    """The file is not a usable DOCX template."""


@dataclass(frozen=True)
class Package:
    members: tuple[tuple[str, bytes], ...]  # (name, uncompressed bytes) in archive order
    kinds: dict[str, str]  # member name -> kind, for templated parts only


def read_package(data: bytes, nom: str) -> Package:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = tuple((info.filename, zf.read(info)) for info in zf.infolist() if not info.is_dir())
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ModeleInvalide(f"modèle « {nom} » : ce n'est pas un fichier DOCX lisible ({exc})") from exc
    names = dict(members)
    if "[Content_Types].xml" not in names:
        raise ModeleInvalide(f"modèle « {nom} » : [Content_Types].xml absent, ce n'est pas un DOCX")
    root = etree.fromstring(names["[Content_Types].xml"])
    kinds: dict[str, str] = {}
    for override in root.iter(_CT_NS + "Override"):
        kind = TEMPLATED_TYPES.get(override.get("ContentType", ""))
        if kind:
            kinds[posixpath.normpath(override.get("PartName", "").lstrip("/"))] = kind
    if "document" not in kinds.values():
        raise ModeleInvalide(
            f"modèle « {nom} » : pas de document Word principal (un modèle .dotx doit être "
            "enregistré au format .docx)"
        )
    return Package(members, {name: kind for name, kind in kinds.items() if name in names})
