"""Helpers shared by the rendering, generation and template tests (this module holds no test).

French formats are re-implemented here by hand, independently of cspdocs.render.filters, so the
tests check the documents against an expectation the code under test did not produce.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx

from cspdocs.render.textdump import docx_text
from tests.support.paths import ROOT

CASES = ROOT / "cases"
EXAMPLE_CASES = sorted(CASES.glob("*.yaml")) + [CASES / "csv" / "collectif-csv.yaml"]

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
UNRENDERED = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


def fr_long(d: date) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    return f"{DAYS[d.weekday()]} {day} {MONTHS[d.month - 1]} {d.year}"


def fr_short(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fr_euros(x: Decimal) -> str:
    cents = f"{x:.2f}"
    whole, frac = cents.split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return "\u202f".join(groups) + "," + frac + "\u00a0€"


def all_text(data: bytes) -> str:
    """Every text of the document (properties, body, headers, footers), NBSP kept."""
    return docx_text(data)


def python_docx_text(data: bytes) -> str:
    """What python-docx sees: body paragraphs, table cells, headers, footers, core properties."""
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            lines.extend(p.text for p in part.paragraphs)
    props = document.core_properties
    lines.extend([props.title or "", props.author or "", props.subject or "", props.comments or ""])
    return "\n".join(lines)


def normalise_spaces(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def zip_is_valid(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.testzip() is None
