"""Fast DOCX rendering: compile a template once, render it for many employees.

``ModeleDocx`` reads the template's ZIP once, patches and compiles the Jinja source of every
templated part (body, headers, footers, notes, document properties) once, and compresses the
untouched members once. ``rendre`` then only renders strings, checks that each rendered part is
well-formed XML, and assembles a deterministic ZIP (fixed timestamps, template member order,
document dates taken from the case).
"""

from __future__ import annotations

import hashlib
import re
import traceback
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Mapping, Optional

from jinja2 import Environment, Template, TemplateSyntaxError
from xml.parsers import expat

from . import zipwriter
from .docxparts import ModeleInvalide, read_package
from .environment import make_environment
from .errors import ErreurModele
from .messages import french_cause
from .patch import from_rendered, line_text, to_jinja_source

# Rendered parts change for every document: fast compression (static parts use the default).
_RENDERED_LEVEL = 1
_CORE_DATE = re.compile(r"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


# Kinds of parts whose text the mention check reads (body, headers, footers, notes).
TEXT_KINDS = ("document", "header", "footer", "footnotes", "endnotes")


@dataclass(frozen=True)
class Rendu:
    """One rendered document: its DOCX bytes and the XML the renderer held while building them."""

    contenu: bytes
    # (member name, kind, XML) of the text-bearing parts: str when rendered, bytes when static
    parties: tuple[tuple[str, str, str | bytes], ...]
    core: str  # XML of the core properties ("" when none)


@dataclass(frozen=True)
class _Part:
    name: str
    kind: str
    source: str
    template: Template


def _error_line(exc: BaseException, filename: str) -> Optional[int]:
    if isinstance(exc, TemplateSyntaxError) and exc.lineno:
        return exc.lineno
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return line


def _timestamp(horodatage: date | datetime) -> str:
    if isinstance(horodatage, datetime):
        return horodatage.strftime("%Y-%m-%dT%H:%M:%SZ")
    return horodatage.strftime("%Y-%m-%dT00:00:00Z")


class CompiledTemplate:
    """A DOCX template compiled once and rendered many times."""

    def __init__(self, data: bytes, nom: str, env: Optional[Environment] = None,
                 parsed: Optional[Mapping[str, tuple[str, Any]]] = None):
        """``parsed``: part name -> (Jinja source, its AST parsed by ``env``), when a caller (the lint)
        has already parsed the parts: they are compiled from it, not parsed again."""
        self.nom = nom
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.env = env or make_environment()
        package = read_package(data, nom)
        self._order: list[str] = []
        self._static: dict[str, zipwriter.ZipMember] = {}
        self._parts: dict[str, _Part] = {}
        self._static_text: dict[str, tuple[str, str, bytes]] = {}  # text-bearing static parts
        for name, content in package.members:
            self._order.append(name)
            kind = package.kinds.get(name)
            if kind is None or (b"{" not in content and kind != "core"):
                self._static[name] = zipwriter.prepare(name, content)
                if kind in TEXT_KINDS:
                    self._static_text[name] = (name, kind, content)
                continue
            source, ast = parsed[name] if parsed and name in parsed else (None, None)
            if source is None:
                try:
                    xml = content.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise ModeleInvalide(f"modèle « {nom} » : {name} n'est pas encodé en UTF-8") from exc
                source = to_jinja_source(xml, kind)
            filename = f"{nom}:{name}"
            try:
                code = self._compile(source, ast, filename)
            except TemplateSyntaxError as exc:
                raise self._error(exc, name, kind, source) from exc
            template = self.env.template_class.from_code(self.env, code, self.env.make_globals(None))
            self._parts[name] = _Part(name, kind, source, template)

    def _compile(self, source: str, ast: Any, filename: str) -> Any:
        if ast is not None:
            try:
                return self.env.compile(ast, name=filename, filename=filename)
            except TemplateSyntaxError:
                pass  # compiled from the source below, for the error exactly as the source gives it
        return self.env.compile(source, name=filename, filename=filename)

    @classmethod
    def charger(cls, chemin: Path | str, env: Optional[Environment] = None) -> "CompiledTemplate":
        chemin = Path(chemin)
        return cls(chemin.read_bytes(), chemin.name, env)

    @property
    def sources(self) -> dict[str, str]:
        """Jinja source of each templated part (member name -> source), e.g. for linting."""
        return {name: part.source for name, part in self._parts.items()}

    def _error(self, exc: BaseException, name: str, kind: str, source: str) -> ErreurModele:
        line = _error_line(exc, f"{self.nom}:{name}")
        paragraph = line_text(source, line) if line else "?"
        cause = french_cause(exc, self.env.filters, self.env.tests)
        return ErreurModele(self.nom, name, kind, paragraph, cause)

    def _render_part(self, part: _Part, contexte: Mapping[str, Any]) -> str:
        try:
            rendered = part.template.render(contexte)
        except Exception as exc:  # any error inside a template is reported with its paragraph
            raise self._error(exc, part.name, part.kind, part.source) from exc
        return from_rendered(rendered, part.kind)

    def rendre(self, contexte: Mapping[str, Any], horodatage: date | datetime) -> bytes:
        """The DOCX bytes for one context; ``horodatage`` sets the document's creation date."""
        return self.rendre_detail(contexte, horodatage).contenu

    def rendre_detail(self, contexte: Mapping[str, Any], horodatage: date | datetime) -> Rendu:
        """``rendre``, with the XML of the text-bearing parts (the mention check reads them as is)."""
        stamp = _timestamp(horodatage)
        members = []
        texts: list[tuple[str, str, str | bytes]] = []
        core = ""
        for name in self._order:
            part = self._parts.get(name)
            if part is None:
                members.append(self._static[name])
                if name in self._static_text:
                    texts.append(self._static_text[name])
                continue
            xml = self._render_part(part, contexte)
            if part.kind == "core":
                xml = _CORE_DATE.sub(lambda m: m.group(1) + stamp + m.group(3), xml)
            data = xml.encode("utf-8")
            try:
                expat.ParserCreate().Parse(data, True)  # well-formed? (cheapest full parse)
            except expat.ExpatError as exc:
                raise ErreurModele(
                    self.nom, name, part.kind, "?",
                    f"le rendu n'est pas un XML valide ({exc}) : une balise {{% if %}} ou "
                    "{% for %} ouvre et ferme probablement dans des paragraphes différents "
                    "(utiliser {%p ... %})",
                ) from exc
            members.append(zipwriter.prepare(name, data, level=_RENDERED_LEVEL))
            if part.kind in TEXT_KINDS:
                texts.append((name, part.kind, xml))
            elif part.kind == "core":
                core = xml
        return Rendu(zipwriter.build(members), tuple(texts), core)
