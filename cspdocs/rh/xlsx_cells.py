"""Cells of a worksheet row as openpyxl writes them, formatted before the row's number is known.

``plain_cell`` is the XML openpyxl's cell writer gives a plain text, number or date
(``openpyxl.cell._writer.lxml_write_cell``; xlsx_rows.py has the details), or None when openpyxl
must write the cell itself. ``template`` formats a run of cells the same way with two things left
open: the row's number (``ROW``, in each cell reference) and the id of each cell style (``marker``),
which only the workbook knows, in the order its styles were first used. generate's workers format
each employee's cells so (rh/lignes.py); the parent fills the two in (xlsx_rows.DirectRows
``append_template``), a ``str.replace`` per row instead of a formatting per cell.

No openpyxl here (a worker would import it for nothing): its few constants are copied, and
tests/rh/test_xlsx_cells.py checks them against openpyxl's.
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, Optional, Sequence

ROW = "\x00"  # the row's number, in a template (never in a cell: such a text goes to openpyxl)
# what openpyxl refuses in a cell (ILLEGAL_CHARACTERS_RE) or lxml in a text: left to them, they raise
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))  # openpyxl's
_EPOCH = date(1899, 12, 30).toordinal()  # openpyxl's WINDOWS_EPOCH (a workbook's default)
_SERIALS: dict[date, str] = {}  # a date's serial as a cell value: a case's dates repeat a lot


def marker(index: int) -> str:
    """The place of the template's ``index``-th style (``' s="N"'`` or nothing, once known)."""
    return "\x01" + chr(0x41 + index)


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


def serial(value: date) -> str:
    """A date as openpyxl writes it (``to_excel``: days since 1899-12-30, one less up to 1900-02-28)."""
    text = _SERIALS.get(value)
    if text is None:
        days = value.toordinal() - _EPOCH
        if 0 < days <= 60:
            days -= 1
        text = _SERIALS[value] = "%.16g" % float(days)
    return text


_CACHED = 20_000  # texts and dates whose cell is kept (most repeat from one employee to the next)
_CELLS: dict[tuple[Any, str, bool], Optional[str]] = {}  # (text or date, style, dates) -> what follows the ref


def plain_cell(value: Any, ref: str, style: str, dates: bool) -> Optional[str]:
    """The cell's XML, or None when openpyxl must write it (see the module docstring). ``dates``:
    the style is a date format (an unstyled date gets openpyxl's default date format)."""
    kind = type(value)
    if kind is str or kind is date:
        key = (value, style, dates)
        try:
            rest = _CELLS[key]
        except KeyError:
            if len(_CELLS) >= _CACHED:
                _CELLS.clear()
            rest = _CELLS[key] = _rest(value, style, dates)
        return None if rest is None else f'<c r="{ref}"{rest}'
    if kind is int or kind is float or kind is Decimal:
        if kind is not int and (math.isnan(value) or math.isinf(value)):
            return None
        return f'<c r="{ref}"{style} t="n"><v>{"%.16g" % value}</v></c>'
    return None


def _rest(value: Any, style: str, dates: bool) -> Optional[str]:
    """A text's or a date's cell after its reference (``plain_cell``)."""
    if type(value) is date:
        return f'{style} t="n"><v>{serial(value)}</v></c>' if dates else None
    value = value[:32767]
    if UNSAFE.search(value) or (len(value) > 1 and value[0] == "=") or value in ERROR_CODES:
        return None
    if value == "":
        return f'{style} t="inlineStr"></c>'
    space = "" if value == value.strip() else ' xml:space="preserve"'
    return f'{style} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'


class Template(NamedTuple):
    """Cells formatted but for the row's number and the style ids (see the module docstring)."""

    xml: str
    # (style name, first value) per style, in the order the cells use them: the key of the style is
    # (name, type of the value); the value makes the first cell of a style the workbook lacks
    styles: tuple[tuple[str, Any], ...] = ()


def template(items: Sequence[Any], letters: Sequence[str]) -> Optional[Template]:
    """The cells of ``items`` in the columns ``letters`` (one each): None (empty), a plain value or a
    (style name, value) pair. None when a cell needs openpyxl (the caller keeps the values)."""
    parts: list[str] = []
    keys: dict[tuple[str, type], str] = {}
    styles: list[tuple[str, Any]] = []
    for letter, item in zip(letters, items):
        if item is None:
            continue
        ref = letter + ROW
        if type(item) is tuple:
            if len(item) != 2:  # a link: recorded with the sheet's others, by the parent
                return None
            name, value = item
            key = (name, type(value))
            mark = keys.get(key)
            if mark is None:
                mark = keys[key] = marker(len(styles))
                styles.append((name, value))
            xml = plain_cell(value, ref, mark, True)
        else:
            xml = plain_cell(item, ref, "", False)
        if xml is None:
            return None
        parts.append(xml)
    return Template("".join(parts), tuple(styles))


def column_letter(index: int) -> str:
    """The letters of the 1-based column ``index`` (openpyxl's ``get_column_letter``)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(0x41 + rest) + letters
    return letters
