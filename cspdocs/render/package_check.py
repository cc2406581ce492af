"""Validating a template's DOCX package before anything reads it (issue 14, item 5).

A firm's template is a ZIP of XML parts. Before use it must be:

- of bounded size (file, member count, each member and the total once decompressed, compression
  ratio): no zip bomb;
- made of plain member names (no absolute path, no ``..``, no backslash, no duplicate);
- made of XML without a document type declaration (no entity bomb, no external entity);
- described by its ``[Content_Types].xml``, every member having a content type;
- free of macros and active content (``vbaProject``, ActiveX, macro-enabled main part);
- free of external relationships, except hyperlinks to web or mail addresses (which Word never
  fetches by itself): no linked image, remote template, frame or object a reader's Word would
  fetch when the employee opens the letter.

Every problem found gives one French message; the template is refused when there is any.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

from lxml import etree

LIMITE_FICHIER = 25 * 2**20  # bytes of the .docx file
LIMITE_MEMBRES = 500  # members in the archive
LIMITE_MEMBRE = 30 * 2**20  # bytes of one member once decompressed
LIMITE_TOTAL = 60 * 2**20  # bytes of all members once decompressed
LIMITE_RATIO = 200  # decompressed / compressed size, for members over 1 MB

CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_LINK_SCHEMES = ("http", "https", "mailto")
_MACRO_TYPES = re.compile(r"macroEnabled|vbaProject|vbaData|activeX|ms-office\.activeX", re.IGNORECASE)
_MACRO_NAMES = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml|activeX\d*\.(xml|bin))$|(^|/)activeX/", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class ModeleRefuse(ValueError):
    """The package is refused; ``problemes`` holds one French message per problem."""

    def __init__(self, nom: str, problemes: list[str]):
        self.nom = nom
        self.problemes = problemes
        super().__init__(f"modèle « {nom} » refusé : " + " ; ".join(problemes))


@dataclass(frozen=True)
class Contenu:
    members: tuple[tuple[str, bytes], ...]  # (name, bytes) in archive order
    content_types: etree._Element


def _name_problem(name: str) -> str | None:
    if "\x00" in name or "\\" in name:
        return f"nom de fichier interne invalide dans l'archive : {name!r}"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return f"chemin absolu dans l'archive : {name!r}"
    if ".." in name.split("/"):
        return f"chemin qui sort de l'archive (« .. ») : {name!r}"
    return None


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """The member's bytes, or None when it decompresses to more than ``limit`` (sizes can lie)."""
    with zf.open(info) as stream:
        data = stream.read(limit + 1)
    return None if len(data) > limit else data


def _mo(n: int) -> str:
    return f"{n // 2**20} Mo"


def open_package(data: bytes, nom: str) -> Contenu:
    """The members of a template package, after every check above (raises ``ModeleRefuse``)."""
    if len(data) > LIMITE_FICHIER:
        raise ModeleRefuse(nom, [f"fichier trop gros ({len(data) // 2**20} Mo, au plus {_mo(LIMITE_FICHIER)})"])
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ModeleRefuse(nom, ["ce n'est pas un fichier DOCX lisible (archive ZIP invalide ou tronquée) : "
                                 "enregistrez-le de nouveau au format .docx"]) from exc
    if len(infos) > LIMITE_MEMBRES:
        raise ModeleRefuse(nom, [f"archive de {len(infos)} fichiers internes (au plus {LIMITE_MEMBRES})"])
    members, problems = _read_members(zf, infos)
    if problems:
        raise ModeleRefuse(nom, problems)
    by_name = dict(members)
    if CONTENT_TYPES not in by_name:
        raise ModeleRefuse(nom, [f"{CONTENT_TYPES} absent : ce n'est pas un document Word (.docx)"])
    parsed, problems = _parse_xml(members)
    if CONTENT_TYPES not in parsed:
        raise ModeleRefuse(nom, problems or [f"{CONTENT_TYPES} illisible"])
    problems.extend(_content_type_problems(parsed[CONTENT_TYPES], by_name))
    for name, root in parsed.items():
        if name.endswith(".rels"):
            problems.extend(_relationship_problems(name, root, by_name))
    if problems:
        raise ModeleRefuse(nom, problems)
    return Contenu(tuple(members), parsed[CONTENT_TYPES])


def _read_members(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> tuple[list[tuple[str, bytes]], list[str]]:
    """Each member's bytes, read within the size limits (names, duplicates, ZIP bombs), and the problems."""
    problems: list[str] = []
    seen: set[str] = set()
    total = 0
    members: list[tuple[str, bytes]] = []
    for info in infos:
        name = info.filename
        problem = _name_problem(name)
        if not problem and name.lower() in seen:
            problem = f"fichier interne en double dans l'archive : {name}"
        problem = problem or _size_problem(info, total)
        if problem:
            problems.append(problem)
            continue
        seen.add(name.lower())
        try:
            content = _read_bounded(zf, info, min(LIMITE_MEMBRE, LIMITE_TOTAL - total))
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            problems.append(f"{name} : illisible dans l'archive (compression inconnue ou données corrompues)")
            continue
        if content is None:
            problems.append(f"{name} : se décompresse au-delà de la taille annoncée — bombe ZIP ?")
            continue
        total += len(content)
        members.append((name, content))
    return members, problems


def _size_problem(info: zipfile.ZipInfo, total: int) -> Optional[str]:
    """A member announced too big, alone or with those read before, or too compressed (ZIP bomb)."""
    name = info.filename
    if info.file_size > LIMITE_MEMBRE or total + info.file_size > LIMITE_TOTAL:
        return (f"{name} : trop gros une fois décompressé ({info.file_size // 2**20} Mo annoncés, "
                f"au plus {_mo(LIMITE_MEMBRE)} par fichier et {_mo(LIMITE_TOTAL)} au total) — bombe ZIP ?")
    if info.file_size > 2**20 and info.file_size > LIMITE_RATIO * max(info.compress_size, 1):
        return (f"{name} : taux de compression anormal ({info.file_size // max(info.compress_size, 1)} "
                "pour 1) — bombe ZIP ?")
    return None


def _parse_xml(members: list[tuple[str, bytes]]) -> tuple[dict[str, etree._Element], list[str]]:
    """The XML and relationship members parsed (no DOCTYPE or ENTITY), and the problems."""
    problems: list[str] = []
    parsed: dict[str, etree._Element] = {}
    for name, content in members:
        if not name.endswith((".xml", ".rels")):
            continue
        if _DOCTYPE.search(content):
            problems.append(f"{name} : déclaration DOCTYPE ou ENTITY interdite (Word n'en écrit jamais ; "
                            "risque de bombe d'entités XML)")
            continue
        try:
            parsed[name] = etree.fromstring(content, _XML_PARSER)
        except etree.XMLSyntaxError as exc:
            line = f" à la ligne {exc.lineno}" if getattr(exc, "lineno", None) else ""
            problems.append(f"{name} : XML mal formé{line} (fichier abîmé ou modifié hors de Word)")
    return parsed, problems


def _content_type_problems(root: etree._Element, by_name: dict[str, bytes]) -> list[str]:
    if root.tag != _CT_NS + "Types":
        return [f"{CONTENT_TYPES} : ce n'est pas une table des types de contenu Office"]
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iter(_CT_NS + "Default")}
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in root.iter(_CT_NS + "Override")}
    problems = []
    for ctype in list(defaults.values()) + list(overrides.values()):
        if _MACRO_TYPES.search(ctype):
            problems.append(f"contenu actif déclaré ({ctype}) : les macros et contrôles ActiveX sont interdits ; "
                            "enregistrer le modèle au format .docx (sans macros)")
    for name in by_name:
        if _MACRO_NAMES.search(name):
            problems.append(f"{name} : macros ou contrôles ActiveX interdits dans un modèle")
        if name == CONTENT_TYPES:
            continue
        base_name = posixpath.basename(name)
        extension = base_name.rsplit(".", 1)[1].lower() if "." in base_name else ""
        if name not in overrides and extension not in defaults:
            problems.append(f"{name} : aucun type de contenu déclaré dans {CONTENT_TYPES}")
    return sorted(set(problems), key=problems.index)


def _relationship_problems(name: str, root: etree._Element, by_name: dict[str, bytes]) -> list[str]:
    problems = []
    # word/_rels/document.xml.rels -> targets are relative to word/
    base = posixpath.dirname(posixpath.dirname(name))
    for rel in root.iter(_REL_NS + "Relationship"):
        target = rel.get("Target", "")
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if _MACRO_TYPES.search(rel.get("Type", "")):
            problems.append(f"{name} : relation vers des macros ({kind}) interdite dans un modèle")
            continue
        if rel.get("TargetMode") == "External":
            scheme = urlsplit(target).scheme.lower()
            if rel.get("Type") == _HYPERLINK and scheme in _LINK_SCHEMES:
                continue
            problems.append(f"{name} : relation externe « {kind} » vers {target!r} interdite (Word irait la "
                            "chercher à l'ouverture du document) ; insérer l'image ou l'objet dans le document")
            continue
        resolved = posixpath.normpath(posixpath.join(base, target)) if not target.startswith("/") else target[1:]
        if resolved.startswith("../") or resolved == "..":
            problems.append(f"{name} : relation « {kind} » vers {target!r}, hors de l'archive")
    return problems
