"""Writing workbooks safely and reproducibly.

- ``cellule_sure``: a text from user data never starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return, which a spreadsheet would run as a formula (formula injection, OWASP "CSV
  injection"): such a text gets a leading apostrophe, shown by no spreadsheet as a formula.
- ``octets_reproductibles``: the same workbook gives the same bytes (fixed document dates and zip
  member times), so that outputs can be listed in a manifest of hashes; ``enregistrer_reproductible``
  does the same straight to a file, for the large write-only summary.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_FIXED = datetime(2000, 1, 1)


def cellule_sure(value: Any) -> Any:
    """A value safe to write in a cell: texts that a spreadsheet would read as a formula are defused."""
    if isinstance(value, str):
        text = value.replace("\r\n", "\n")
        return "'" + text if text.startswith(_DANGEROUS) else text
    return value


def _fixed_properties(book) -> None:
    book.properties.created = _FIXED
    book.properties.modified = _FIXED
    book.properties.creator = "cspdocs"
    book.properties.lastModifiedBy = None


def _copy_fixed(source: zipfile.ZipFile, target: zipfile.ZipFile, rows: Optional[dict[str, Any]] = None) -> None:
    """Every member of ``source`` into ``target`` with a fixed time, streamed in blocks. ``rows``:
    member name -> rows to splice in at the end of its ``<sheetData>`` (xlsx_rows.DirectRows)."""
    rows = rows or {}
    for info in source.infolist():
        fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
        fixed.compress_type = zipfile.ZIP_DEFLATED
        fixed.external_attr = 0o644 << 16
        if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
            data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", source.read(info))
            target.writestr(fixed, data)
            continue
        if info.filename in rows:  # a sheet of header rows only, small: the rows go before its end
            _splice(source, target, info, fixed, rows[info.filename])
            continue
        with source.open(info) as member, target.open(fixed, "w", force_zip64=info.file_size > 2**31) as out:
            shutil.copyfileobj(member, out, 1 << 20)


def _splice(source: zipfile.ZipFile, target: zipfile.ZipFile, info: zipfile.ZipInfo, fixed: zipfile.ZipInfo,
            spliced: Any) -> None:
    """A sheet with its rows and hyperlinks spliced in, then, as openpyxl orders the members, its
    relationships part (xlsx_rows.DirectRows, xlsx_links.LinkSpool)."""
    from .xlsx_links import rels_path

    head, end, tail = source.read(info).partition(b"</sheetData>")
    links = spliced.links
    size = info.file_size + spliced.size() + links.size()
    with target.open(fixed, "w", force_zip64=size > 2**31) as out:
        out.write(head)
        shutil.copyfileobj(spliced.contents(), out, 1 << 20)
        out.write(end)
        links.splice(tail, out)
    if links.rels:
        name = rels_path(info.filename)
        if name in source.namelist():
            raise ValueError(f"{name} : relations déjà écrites par openpyxl")
        rels = zipfile.ZipInfo(name, date_time=fixed.date_time)
        rels.compress_type, rels.external_attr = fixed.compress_type, fixed.external_attr
        with target.open(rels, "w", force_zip64=links.size() > 2**31) as out:
            links.write_rels(out)


def octets_reproductibles(book) -> bytes:
    """The workbook's bytes, identical for identical content."""
    _fixed_properties(book)
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        _copy_fixed(source, target)
    return out.getvalue()


def enregistrer_reproductible(book, path: Path, rows: Optional[dict[str, Any]] = None) -> None:
    """Save ``book`` (a write-only workbook too) at ``path`` with reproducible bytes, without holding
    the file in memory: openpyxl saves beside it, then the members are copied with fixed times.
    ``rows``: sheet title -> rows written outside openpyxl (xlsx_rows.DirectRows), spliced in."""
    _fixed_properties(book)
    raw = path.with_name(path.name + ".brut")
    try:
        book.save(raw)
        members = {book[title].path.lstrip("/"): spool for title, spool in (rows or {}).items()}
        with zipfile.ZipFile(raw) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            _copy_fixed(source, target, members)
    finally:
        raw.unlink(missing_ok=True)
