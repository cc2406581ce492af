"""The rows of a write-only openpyxl sheet, serialised here as openpyxl serialises them (same bytes).

synthese.xlsx has about 80 cells per employee; openpyxl spends about 10 µs on each (a cell
object, its style looked up in the workbook, a few lxml calls), a second of CPU per 1,000
employees. Here a row is one formatted string:

- openpyxl writes the sheet with its header row only; the rows appended here go to a temporary
  file and are spliced into the sheet's XML when the workbook is saved
  (classeur.enregistrer_reproductible), and their hyperlinks, kept on disk too (xlsx_links.py), go
  where openpyxl would have written them;
- a styled cell names its style by a key: the first cell of each key is a real openpyxl cell,
  written by openpyxl's own cell writer, which registers its font, number format and cell style in
  the workbook in the very order openpyxl would; later cells of that key reuse the style's id;
- plain texts, numbers and dates are written by ``_plain``, which follows
  ``openpyxl.cell._writer.lxml_write_cell`` (inline strings, ``xml:space`` when the text has outer
  spaces, ASCII output with character references); anything else (a text openpyxl would take for a
  formula or an error code, a boolean, a time...) goes through openpyxl's writer too.

tests/rh/test_synthese_xlsx_bytes.py checks that a workbook written this way has the bytes of the
same workbook written cell by cell by openpyxl.
"""

from __future__ import annotations

import io
import math
import re
import tempfile
from datetime import date
from decimal import Decimal
from typing import Any, Callable, Optional

from .xlsx_links import LinkSpool

# (style key, value, configure): configure(cell) gives an openpyxl cell of ``value`` that style
# (e.g. sets its number format); with a hyperlink, (key, text, configure, target)
Styled = tuple
_BATCH = 256
_MAX_TAILS = 8192
_UNSEEN = object()  # rows buffered before they go to the temporary file
# what openpyxl refuses in a cell (ILLEGAL_CHARACTERS_RE) or lxml in a text: left to them, they raise
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _letters(count: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(i) for i in range(1, count + 1)]


def _text(value: str) -> str:
    """A text node as lxml writes it in an ASCII document (before the character references)."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


class DirectRows:
    """Rows after the header of a write-only ``sheet`` (``append``), spliced in at save time."""

    def __init__(self, sheet, columns: int, first_row: int = 2):
        from openpyxl.cell.cell import ERROR_CODES
        from openpyxl.utils.datetime import to_excel

        self.sheet = sheet
        self.row = first_row  # the number of the next row
        self.spool = tempfile.TemporaryFile()
        self._pending: list[str] = []
        self.links = LinkSpool()  # the hyperlinks of these rows (never recorded on the sheet)
        self._tails: dict[tuple, Optional[str]] = {}  # _tail's results, by value and style
        self._styles: dict[Any, str] = {}  # style key -> ' s="N"' (or "" for a cell openpyxl writes unstyled)
        self._refs = _letters(columns)
        self._errors, self._to_excel = frozenset(ERROR_CODES), to_excel

    # -- cells ----------------------------------------------------------------------------------

    def _via_openpyxl(self, item: Any, ref: str, row: int, column: int) -> str:
        """One cell written by openpyxl's own writer (``item``: a value or an openpyxl cell)."""
        from openpyxl.cell import Cell, WriteOnlyCell
        from openpyxl.cell._writer import write_cell
        from openpyxl.xml.functions import xmlfile

        if isinstance(item, Cell):
            cell = item
        else:
            cell = WriteOnlyCell(self.sheet)
            cell.value = item
        cell.column, cell.row = column, row
        if cell.hyperlink is not None:
            cell.hyperlink.ref = cell.coordinate
        if cell._value is None and not cell.has_style:
            return ""
        out = io.BytesIO()
        with xmlfile(out) as xf:
            write_cell(xf, self.sheet, cell, cell.has_style)
        recorded = self.sheet._hyperlinks  # openpyxl records a cell's link on the sheet: moved to disk
        for link in recorded:
            self.links.add_openpyxl(link)
        recorded.clear()
        return out.getvalue().decode("ascii")

    def _plain(self, value: Any, ref: str, style: str, dates: bool) -> Optional[str]:
        """The cell's XML, or None when openpyxl must write it (see the module docstring). ``dates``:
        the style is a date format (an unstyled date gets openpyxl's default date format). What
        follows the cell's reference is kept for values that come back (statuses, dates, labels)."""
        kind = type(value)
        if kind is str or kind is int or kind is date:  # not float nor Decimal: -0.0 == 0.0, written apart
            key = (kind, value, style, dates)
            tail = self._tails.get(key, _UNSEEN)
            if tail is _UNSEEN:
                if len(self._tails) >= _MAX_TAILS:
                    self._tails.clear()
                tail = self._tails[key] = self._tail(value, style, dates)
        else:
            tail = self._tail(value, style, dates)
        return None if tail is None else f'<c r="{ref}"{tail}'

    def _tail(self, value: Any, style: str, dates: bool) -> Optional[str]:
        """``_plain`` without the cell's reference: its XML after the ``r`` attribute."""
        kind = type(value)
        if kind is str:
            value = value[:32767]
            if _UNSAFE.search(value) or (len(value) > 1 and value[0] == "=") or value in self._errors:
                return None
            if value == "":
                return f'{style} t="inlineStr"></c>'
            space = "" if value == value.strip() else ' xml:space="preserve"'
            return f'{style} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
        if kind is int or kind is float or kind is Decimal:
            if kind is not int and (math.isnan(value) or math.isinf(value)):
                return None
            return f'{style} t="n"><v>{"%.16g" % value}</v></c>'
        if kind is date and dates:
            return f'{style} t="n"><v>{"%.16g" % self._to_excel(value)}</v></c>'
        return None

    def _styled(self, item: Styled, ref: str, row: int, column: int) -> str:
        value = item[1]
        key = (item[0], type(value))  # a date gets a number format of its own unless the key sets one
        style = self._styles.get(key)
        if style is None:  # the first cell of this style: openpyxl registers the style and writes it
            cell = self._cell(item)
            self._styles[key] = f' s="{cell.style_id}"' if cell.has_style else ""
            return self._via_openpyxl(cell, ref, row, column)
        xml = self._plain(value, ref, style, True)
        if xml is None:
            return self._via_openpyxl(self._cell(item), ref, row, column)
        if len(item) > 3:
            self.links.add(ref, item[3])
        return xml

    def _cell(self, item: Styled):
        """The openpyxl cell of a ``Styled`` item, made as openpyxl's users make it."""
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet, item[1])
        if len(item) > 3:
            cell.hyperlink = item[3]
        item[2](cell)
        return cell

    # -- rows -----------------------------------------------------------------------------------

    def append(self, items: list[Any]) -> None:
        """One row: each item None (empty), a plain value, an openpyxl cell or a ``Styled`` tuple."""
        row = self.row
        parts = [f'<row r="{row}">']
        refs = self._refs
        for index, item in enumerate(items):
            if item is None:
                continue
            ref = f"{refs[index]}{row}"
            if type(item) is tuple:
                parts.append(self._styled(item, ref, row, index + 1))
                continue
            xml = self._plain(item, ref, "", False)
            parts.append(xml if xml is not None else self._via_openpyxl(item, ref, row, index + 1))
        parts.append("</row>")
        self._pending.append("".join(parts))
        self.row += 1
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self.spool.write("".join(self._pending).encode("ascii", "xmlcharrefreplace"))
            self._pending = []

    def size(self) -> int:
        """Bytes of XML written so far."""
        self._flush()
        return self.spool.seek(0, io.SEEK_END)

    def contents(self):
        """The temporary file of the rows, rewound (for the splice); closed by ``close``."""
        self._flush()
        self.spool.seek(0)
        return self.spool

    def close(self) -> None:
        self.spool.close()
        self.links.close()

