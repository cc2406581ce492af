"""A sheet's hyperlinks, kept on disk and spliced in as openpyxl writes them (same bytes).

openpyxl keeps a ``Hyperlink`` object per link on the sheet until the workbook is saved, then
writes, after the rows, a ``<hyperlinks>`` element (one ``<hyperlink>`` per link, ``r:id`` naming a
relationship) and, in the sheet's relationships part (``xl/worksheets/_rels/sheetN.xml.rels``,
the member right after the sheet's), one external ``hyperlink`` relationship per link, numbered
from ``rId1`` in the order of the links. synthese.xlsx has four links per employee: here each is
formatted once into two temporary files (the elements and the relationships), and the saved
workbook gets them where openpyxl would have put them (classeur.enregistrer_reproductible). A link
of an unusual kind (no target, a location, a tooltip) or a target to escape is serialised by
openpyxl/lxml themselves.
"""

from __future__ import annotations

import re
import tempfile
from typing import BinaryIO, Optional

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PLAIN = re.compile(r"[A-Za-z0-9 ._/'()+,;=@~-]*\Z")  # nothing lxml would escape in an attribute
# the elements written after <hyperlinks> in a worksheet (openpyxl's WorksheetWriter.write_tail)
_AFTER = (b"<printOptions", b"<pageMargins", b"<pageSetup", b"<headerFooter", b"<rowBreaks", b"<colBreaks",
          b"<drawing", b"<legacyDrawing", b"<tableParts", b"</worksheet>")


def rels_path(sheet_member: str) -> str:
    """``xl/worksheets/sheet1.xml`` -> ``xl/worksheets/_rels/sheet1.xml.rels``."""
    folder, _, name = sheet_member.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


class LinkSpool:
    """The hyperlinks of one sheet, in the order openpyxl would have recorded them."""

    def __init__(self) -> None:
        self._elements: BinaryIO = tempfile.TemporaryFile()
        self._rels: BinaryIO = tempfile.TemporaryFile()
        self.count = 0  # links written
        self.rels = 0  # relationships (links with a target)

    def add(self, ref: str, target: Optional[str]) -> None:
        """A link from cell ``ref`` to ``target`` (what ``cell.hyperlink = target`` records)."""
        if target and _PLAIN.match(target):
            self.rels += 1
            rid = f"rId{self.rels}"
            self._elements.write(f'<hyperlink xmlns:r="{REL_NS}" ref="{ref}" r:id="{rid}"/>'.encode("ascii"))
            self._rels.write(f'<Relationship Type="{REL_NS}/hyperlink" Target="{target}" TargetMode="External" '
                             f'Id="{rid}"/>'.encode("ascii"))
            self.count += 1
            return
        from openpyxl.worksheet.hyperlink import Hyperlink

        self.add_openpyxl(Hyperlink(ref=ref, target=target))

    def add_openpyxl(self, link) -> None:
        """A link openpyxl recorded on the sheet (``Hyperlink``), serialised by openpyxl."""
        from openpyxl.packaging.relationship import Relationship
        from openpyxl.xml.functions import tostring

        if (link.location is None and link.tooltip is None and link.display is None and link.id is None
                and link.target and _PLAIN.match(link.target)):
            self.add(link.ref, link.target)
            return
        if link.target:
            self.rels += 1
            link.id = f"rId{self.rels}"
            rel = Relationship(type="hyperlink", TargetMode="External", Target=link.target, Id=link.id)
            self._rels.write(tostring(rel.to_tree()))
        self._elements.write(tostring(link.to_tree()))
        self.count += 1

    def splice(self, tail: bytes, out: BinaryIO) -> None:
        """Write the rest of the sheet after ``</sheetData>`` (``tail``) with ``<hyperlinks>`` in it."""
        if not self.count:
            out.write(tail)
            return
        if b"<hyperlinks>" in tail:
            raise ValueError("la feuille a déjà des liens hypertextes")
        at = min((i for i in (tail.find(t) for t in _AFTER) if i >= 0), default=len(tail))
        out.write(tail[:at] + b"<hyperlinks>")
        _copy(self._elements, out)
        out.write(b"</hyperlinks>" + tail[at:])

    def write_rels(self, out: BinaryIO) -> None:
        """The sheet's relationships part (only when ``rels``)."""
        out.write(f'<Relationships xmlns="{PKG_REL_NS}">'.encode("ascii"))
        _copy(self._rels, out)
        out.write(b"</Relationships>")

    def size(self) -> int:
        return self._elements.tell() + self._rels.tell()

    def close(self) -> None:
        self._elements.close()
        self._rels.close()


def _copy(source: BinaryIO, out: BinaryIO) -> None:
    import shutil

    end = source.tell()
    source.seek(0)
    shutil.copyfileobj(source, out, 1 << 20)
    source.seek(end)
