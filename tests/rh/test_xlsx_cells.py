"""xlsx_cells copies a few constants of openpyxl (so that generate's workers need not import it):
they are openpyxl's. And a row completed from its template has the bytes of the same row appended."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from cspdocs.rh import xlsx_cells
from cspdocs.rh.xlsx_cells import column_letter, serial, template


def test_the_constants_are_openpyxl_s():
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    assert xlsx_cells.ERROR_CODES == frozenset(ERROR_CODES)
    assert all(column_letter(i) == get_column_letter(i) for i in range(1, 18279))
    day = date(1899, 12, 1)
    while day < date(2101, 1, 1):
        assert serial(day) == "%.16g" % to_excel(day), day
        day += timedelta(days=1)


def _sheet_rows(rows_items, as_template: bool) -> bytes:
    from openpyxl import Workbook

    from cspdocs.rh.xlsx_rows import DirectRows

    def date_format(cell):
        cell.number_format = "DD/MM/YYYY"

    sheet = Workbook(write_only=True).create_sheet("Feuille")
    rows = DirectRows(sheet, 5)
    letters = [column_letter(i) for i in range(1, 6)]
    for items in rows_items:
        head = template(items[:4], letters) if as_template else None
        if head is not None:
            rows.append_template(head, {"date": date_format}, items[4:], 4)
        else:
            rows.append([(i[0], i[1], date_format) if type(i) is tuple else i for i in items])
    return rows.contents().read()


def test_a_row_from_its_template_is_the_row_appended():
    rows = [["a & <b>", ("date", date(2026, 3, 4)), Decimal("12.50"), None, " x "],
            [None, ("date", date(2026, 3, 5)), 3, "=1+1", ("date", date(2026, 1, 1))],
            ["#N/A", None, None, None, None]]
    assert template(rows[2][:4], "ABCD") is None  # an error code: openpyxl writes it
    assert _sheet_rows(rows, True) == _sheet_rows(rows, False)
