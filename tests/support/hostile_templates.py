"""Hostile template packages (issue 14, item 5), built from a default template so that each one
differs from a valid DOCX by exactly one defect."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Callable
from tests.support.paths import ROOT

TEMPLATES = ROOT / "templates"
CT = "[Content_Types].xml"
DOC_RELS = "word/_rels/document.xml.rels"


def members(name: str = "lettre.docx") -> dict[str, bytes]:
    with zipfile.ZipFile(TEMPLATES / name) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def pack(parts: dict[str, bytes], extra: Callable[[zipfile.ZipFile], None] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        if extra:
            extra(zf)
    return buf.getvalue()


def _add_rel(parts: dict[str, bytes], rel: str) -> dict[str, bytes]:
    parts[DOC_RELS] = parts[DOC_RELS].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    return parts


def zip_bomb() -> bytes:
    parts = members()
    parts["word/media/bombe.xml"] = b"<a>" + b" " * (40 * 2**20) + b"</a>"
    return pack(parts)


def billion_laughs() -> bytes:
    parts = members()
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{"&lol%s;" % (i - 1 if i > 1 else "") * 10}">' for i in range(1, 10))
           + "]>")
    parts[CT] = lol.encode() + parts[CT].split(b"?>", 1)[1].replace(b"<Types ", b"<Types a=\"&lol9;\" ", 1)
    return pack(parts)


def dot_dot_member() -> bytes:
    parts = members()
    parts["../../evil.xml"] = b"<a/>"
    return pack(parts)


def absolute_member() -> bytes:
    parts = members()
    parts["/etc/evil.xml"] = b"<a/>"
    return pack(parts)


def vba_project() -> bytes:
    parts = members()
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macros"
    parts[CT] = parts[CT].replace(
        b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    return pack(_add_rel(parts, '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
                                'relationships/vbaProject" Target="vbaProject.bin"/>'))


def external_image() -> bytes:
    return pack(_add_rel(members(), '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                                    'officeDocument/2006/relationships/image" Target="https://traceur.example/p.png" '
                                    'TargetMode="External"/>'))


def external_template() -> bytes:
    parts = members()
    parts["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
        b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file://serveur/partage/'
        b'modele.dotm" TargetMode="External"/></Relationships>')
    return pack(parts)


def hyperlink() -> bytes:
    """Allowed: a clickable web address in a footer is not fetched by Word."""
    return pack(_add_rel(members(), '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/'
                                    'officeDocument/2006/relationships/hyperlink" Target="https://cabinet.example/" '
                                    'TargetMode="External"/>'))


def file_hyperlink() -> bytes:
    """A hyperlink to a Windows share: opening it leaks the reader's credentials (NTLM)."""
    return pack(_add_rel(members(), '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/'
                                    'officeDocument/2006/relationships/hyperlink" Target="file://serveur/partage" '
                                    'TargetMode="External"/>'))


def undeclared_content_type() -> bytes:
    parts = members()
    parts["word/inconnu.qqq"] = b"donnees"
    return pack(parts)


def macro_enabled_main() -> bytes:
    parts = members()
    parts[CT] = parts[CT].replace(b"document.main+xml", b"document.macroEnabled.main+xml")
    return pack(parts)


def lying_sizes() -> bytes:
    """A member whose header announces 10 bytes but which decompresses to 50 MB."""
    parts = members()
    data = pack(parts, lambda zf: zf.writestr("word/gros.xml", b"<a>" + b"a" * (50 * 2**20) + b"</a>"))
    return data


HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "zip-bomb": (zip_bomb, "bombe ZIP"),
    "billion-laughs": (billion_laughs, "DOCTYPE ou ENTITY interdite"),
    "dot-dot": (dot_dot_member, "chemin qui sort de l'archive"),
    "absolute": (absolute_member, "chemin absolu"),
    "vba": (vba_project, "macros"),
    "external-image": (external_image, "relation externe « image »"),
    "external-template": (external_template, "relation externe « attachedTemplate »"),
    "file-hyperlink": (file_hyperlink, "relation externe « hyperlink »"),
    "undeclared": (undeclared_content_type, "aucun type de contenu déclaré"),
    "macro-enabled": (macro_enabled_main, "contenu actif déclaré"),
    "lying-sizes": (lying_sizes, "bombe ZIP"),
}
