"""A DOCX file as reviewable text: one paragraph per line, headers, footers and properties too.

Used by ``cspdocs templates show`` (a wording change in a template shows in a diff) and by the
tests, which read rendered documents back. Template tags are kept as they are; fields print as
``«PAGE»``; a paragraph inside a table is prefixed with ``| ``.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from .docxparts import read_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ORDER = {"core": 0, "document": 1, "header": 2, "footer": 3, "footnotes": 4, "endnotes": 5, "custom": 6}
_CORE_FIELDS = ("title", "subject", "creator", "keywords", "description", "category", "language")


def paragraph_text(p: etree._Element) -> str:
    """Visible text of a w:p: runs' text, tabs, breaks; field codes as «CODE», results skipped."""
    out: list[str] = []
    field_state = None  # None | "code" | "result"
    for el in p.iter():
        tag = el.tag
        if tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            field_state = {"begin": "code", "separate": "result", "end": None}[kind]
        elif tag == W + "instrText" and field_state == "code":
            out.append("«" + (el.text or "").strip().split(" ")[0] + "»")
        elif field_state == "result":
            continue
        elif tag == W + "t":
            out.append(el.text or "")
        elif tag == W + "tab" and el.getparent().tag == W + "r":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "fldSimple":
            out.append("«" + (el.get(W + "instr") or "").strip().split(" ")[0] + "»")
    return "".join(out)


def _style(p: etree._Element) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(W + "val") if style is not None else ""


def part_lines(xml: bytes, kind: str) -> list[str]:
    root = etree.fromstring(xml)
    if kind in ("core", "custom"):
        lines = []
        for el in root:
            name = etree.QName(el).localname
            if kind == "custom" or name in _CORE_FIELDS:
                lines.append(f"{name} : {''.join(el.itertext())}")
        return lines
    lines = []
    for p in root.iter(W + "p"):
        depth = sum(1 for a in p.iterancestors(W + "tc"))
        prefix = "| " * depth
        style = _style(p)
        label = f"[{style}] " if style and style not in ("Header", "Footer") else ""
        lines.append(f"{prefix}{label}{paragraph_text(p)}")
    return lines


def docx_parts_text(data: bytes, nom: str = "document") -> list[tuple[str, str, list[str]]]:
    """(member name, kind, lines) for every text-bearing part, properties and body first."""
    package = read_package(data, nom)
    members = dict(package.members)
    parts = sorted(package.kinds.items(), key=lambda item: (_ORDER.get(item[1], 9), item[0]))
    return [(name, kind, part_lines(members[name], kind)) for name, kind in parts]


def docx_text(data: bytes) -> str:
    """All the text of a document (properties, body, headers, footers), newline-separated."""
    return "\n".join(line for _, _, lines in docx_parts_text(data) for line in lines)


def format_dump(data: bytes, nom: str) -> str:
    out = []
    for name, kind, lines in docx_parts_text(data, nom):
        out.append(f"=== {name} ({kind})")
        out.extend(lines)
    return "\n".join(out) + "\n"


def is_docx(data: bytes) -> bool:
    return zipfile.is_zipfile(io.BytesIO(data))
