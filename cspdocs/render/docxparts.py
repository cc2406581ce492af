"""Reading a DOCX template: its members in order, and which XML parts carry template tags."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .package_check import ModeleRefuse, open_package

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
    """The file is not a usable DOCX template; ``problemes``: one French message per problem."""

    def __init__(self, message: str, problemes: list[str] | None = None):
        super().__init__(message)
        self.problemes = list(problemes) if problemes else [message]


@dataclass(frozen=True)
class Package:
    members: tuple[tuple[str, bytes], ...]  # (name, uncompressed bytes) in archive order
    kinds: dict[str, str]  # member name -> kind, for templated parts only


def read_package(data: bytes, nom: str) -> Package:
    """The package's members, once validated (package_check.py: sizes, names, XML, content types,
    no macros, no external targets); refusals are ``ModeleInvalide`` with one message per problem."""
    try:
        contenu = open_package(data, nom)
    except ModeleRefuse as exc:
        raise ModeleInvalide(str(exc), exc.problemes) from exc
    members, root = contenu.members, contenu.content_types
    names = dict(members)
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
