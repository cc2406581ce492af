"""The rows of a CSV file: encoding, separator and line numbers (cells are read by tableur.py).

- Encoding, detected explicitly and said to the user: UTF-8 with or without a byte-order mark
  (« CSV UTF-8 » of Excel), UTF-16 with its byte-order mark (« Texte Unicode »), else Windows-1252
  (Excel's « CSV (séparateur : point-virgule) » on a French Windows). A file that is none of them is
  refused; its bytes are never echoed.
- Separator ``;``, ``,`` or tab, chosen on the header line (the most frequent; ``;`` on a tie).
- Each row keeps the line where it starts (a quoted cell may span several lines).
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from typing import Optional

from .cellules import Probleme

ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 avec BOM", "utf-16": "UTF-16", "cp1252": "Windows-1252"}
# Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@dataclass
class Lignes:
    """Rows of cells with the (1-based) line each starts on; problems without a row."""

    rows: list[tuple[int, list]] = field(default_factory=list)
    problems: list[tuple[Optional[int], Probleme]] = field(default_factory=list)
    encodage: Optional[str] = None  # French name of the detected encoding, for the user
    lettres: bool = False  # True for a workbook: columns are named by letter
    fusions: list[tuple[str, int, int, int]] = field(default_factory=list)  # merged ranges (workbook)


def decode(raw: bytes) -> tuple[Optional[str], Optional[str], Optional[tuple[int, Probleme]]]:
    """(text, encoding label, problem)."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[3:].decode("utf-8"), ENCODINGS["utf-8-sig"], None
        except UnicodeDecodeError as error:
            line = raw[: error.start + 3].count(b"\n") + 1
            return None, None, (line, Probleme("le fichier commence par une marque UTF-8 mais n'est pas en UTF-8 "
                                               "valide : enregistrez-le au format « CSV UTF-8 »"))
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), ENCODINGS["utf-16"], None
        except UnicodeDecodeError:
            return None, None, (1, Probleme("le fichier n'est pas un texte UTF-16 valide : enregistrez-le "
                                            "au format « CSV UTF-8 »"))
    try:
        return raw.decode("utf-8"), ENCODINGS["utf-8"], None
    except UnicodeDecodeError:
        pass
    bad = next((i for i, b in enumerate(raw) if b in _CP1252_HOLES or b == 0), None)
    if bad is not None:
        return None, None, _bad(raw, bad, "UTF-8 ni Windows-1252")
    return raw.decode("cp1252"), ENCODINGS["cp1252"], None


def _bad(raw: bytes, position: int, what: str) -> tuple[int, Probleme]:
    line = raw[:position].count(b"\n") + 1
    return line, Probleme(f"encodage non reconnu (ni {what}) : ce fichier n'est pas un CSV lisible ; "
                          "enregistrez-le au format « CSV UTF-8 »")


def separator(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts.values())
    return ";" if counts[";"] == best else next(s for s, n in counts.items() if n == best)


def read_csv(raw: bytes, limite_cellule: int) -> Lignes:
    out = Lignes()
    text, out.encodage, problem = decode(raw)
    if problem is not None:
        out.problems.append(problem)
        return out
    if "\x00" in text:
        out.problems.append((None, Probleme("le fichier contient des caractères nuls : ce n'est pas un CSV "
                                            "(enregistrez-le au format « CSV UTF-8 »)")))
        return out
    first = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(first))
    previous = 0
    try:
        for cells in reader:
            line, previous = previous + 1, reader.line_num
            out.rows.append((line, cells))
    except csv.Error:
        # the csv module stops at 131,072 characters per cell, or on a stray NUL or quote
        out.problems.append((previous + 1, Probleme(
            f"cellule illisible ou trop longue (au plus {limite_cellule:_} caractères par cellule)".replace("_", " "))))
    return out
