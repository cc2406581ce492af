"""LibreOffice's PDFs handled object by object (rawfile.py, normalize.py, merge.py), on stored
LibreOffice PDFs: what varies from one conversion to the next is normalised away, everything
else is copied as is; merging keeps every page's text; other files go through pypdf."""

from __future__ import annotations

import io
import zlib
from datetime import datetime, timedelta, timezone

import pytest
from pypdf import PdfReader, PdfWriter

from cspdocs.pdf import fasttext, rawfile
from cspdocs.pdf.dossier import DossierPart, build_dossier
from cspdocs.pdf.merge import scan_body
from cspdocs.pdf.normalize import normalize_pdf
from cspdocs.pdf.objects import Name, Objects, Ref, parse_value, text_of
from cspdocs.pdf.text import extract_pages
from tests.support.paths import TESTS

FIXTURES = TESTS / "fixtures" / "pdf"
LETTER = FIXTURES / "lettre_proposition.pdf"  # 2 pages
NOTE = FIXTURES / "note_information.pdf"  # 1 page
PDFA = TESTS / "pdf" / "fixtures" / "note_pdfa.pdf"  # 1 page, PDF/A-2b (tests/pdf/fixtures/README.md)
MOMENT = datetime(2026, 4, 27, 9, 30, tzinfo=timezone(timedelta(hours=2)))


def _icc_number(raw: rawfile.RawPdf) -> int:
    return next(n for n in raw.order if b"/N 3" in raw.body(n)[:80] and b"stream" in raw.body(n))


def restamped(data: bytes) -> bytes:
    """``data`` as another conversion writes it: the ICC profile dated otherwise and compressed
    to another length, LibreOffice's separate length object following it."""
    raw = rawfile.parse(data)
    number = _icc_number(raw)
    body = raw.body(number)
    length = int(body.split(b"/Length ")[1].split()[0])
    reader = PdfReader(io.BytesIO(data))
    icc = reader.get_object(number).get_data()
    other = zlib.compress(icc[:24] + bytes(range(12)) + icc[36:], 1)
    head = body[:body.index(b"stream")]
    return rawfile.rewrite(raw, {
        number: rawfile.indirect(number, head + b"stream\n" + other + b"\nendstream"),
        length: rawfile.indirect(length, b"%d" % len(other)),
    })


def test_layout_of_a_libreoffice_pdf() -> None:
    data = LETTER.read_bytes()
    raw = rawfile.parse(data)
    assert raw.root in raw.spans and raw.info in raw.spans
    assert all(raw.object_bytes(n).startswith(b"%d 0 obj" % n) for n in raw.order)
    copy = rawfile.rewrite(raw, {})
    assert [p.extract_text() for p in PdfReader(io.BytesIO(copy)).pages] == [
        p.extract_text() for p in PdfReader(LETTER).pages]


def test_another_conversion_gives_the_same_bytes() -> None:
    data = PDFA.read_bytes()
    other = restamped(data)
    assert other != data and len(other) != len(data)
    assert normalize_pdf(other, MOMENT) == normalize_pdf(data, MOMENT)


def test_normalised_pdf_keeps_the_objects_it_does_not_fix() -> None:
    raw = rawfile.parse(PDFA.read_bytes())
    fixed = rawfile.parse(normalize_pdf(PDFA, MOMENT))
    icc = _icc_number(raw)
    changed = {n for n in raw.order if raw.object_bytes(n) != fixed.object_bytes(n)}
    assert raw.info in changed and icc in changed
    assert len(changed) <= 5  # information, XMP, ICC profile and its length
    reader = PdfReader(io.BytesIO(fixed.data), strict=True)
    assert reader.get_object(icc).get_data()[24:36] == b"\x07\xea\x00\x04\x00\x1b\x00\x07\x00\x1e\x00\x00"


def test_incremental_update_is_normalised_by_pypdf() -> None:
    writer = PdfWriter(LETTER, incremental=True)
    writer.add_metadata({"/Title": "Modifié"})
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    with pytest.raises(rawfile.NotSimple):
        rawfile.parse(data)
    reader = PdfReader(io.BytesIO(normalize_pdf(data, MOMENT)))
    assert reader.metadata["/Title"] == "Modifié"
    assert reader.metadata["/ModDate"] == "D:20260427093000+02'00'"


def test_references_in_strings_and_streams_are_left_alone() -> None:
    body = b"<</A (x 1 0 R (y) \\) 9 0 R) /B 2 0 R/C <00>/D [3 0 R 4 0 R]/E<</F 5 0 R>>>>stream\n6 0 R"
    refs, stream_at = scan_body(body)
    assert [target for _, _, target in refs] == [2, 3, 4, 5]
    assert body[stream_at:].startswith(b"stream")


def test_merged_dossier_keeps_every_page(tmp_path) -> None:
    out = build_dossier([DossierPart("Lettre", LETTER), DossierPart("Note", PDFA.read_bytes())],
                        tmp_path / "dossier.pdf", title="D", author="E", subject="S", moment=MOMENT)
    merged = PdfReader(out, strict=True)
    assert extract_pages(merged) == extract_pages(LETTER) + extract_pages(PDFA)
    assert merged.pages[0].mediabox == PdfReader(LETTER).pages[0].mediabox
    assert "/StructTreeRoot" not in merged.trailer["/Root"]


def _xref_table(data: bytes) -> int:
    return data.rindex(b"\nxref\n") + 1


def test_the_cross_reference_table_read_whole_gives_every_offset() -> None:
    data = LETTER.read_bytes()
    lines = data[_xref_table(data):data.rindex(b"trailer")].split(b"\n")[1:]
    first = int(lines[0].split()[0])
    expected = {first + i: int(line[:10]) for i, line in enumerate(lines[1:]) if line[17:18] == b"n"}
    raw = rawfile.parse(data)
    assert {n: raw.spans[n][0] for n in raw.order} == expected and len(expected) > 20


@pytest.mark.parametrize("damage", [
    lambda t: t.replace(b" n \n", b" x \n", 1),  # an entry neither in use nor free
    lambda t: t.replace(b" 00000 n", b" 00001 n", 1),  # another generation
    lambda t: t.replace(b"\n0 ", b"\n0 9", 1),  # more entries announced than written
])
def test_a_damaged_cross_reference_table_is_refused(damage) -> None:
    data = LETTER.read_bytes()
    at = _xref_table(data)
    broken = data[:at] + damage(data[at:])
    with pytest.raises(rawfile.NotSimple):
        rawfile.parse(broken)


def test_objects_read_from_the_bytes() -> None:
    value, end = parse_value(b"<</A [1 2.5 /N#20x (s\\)(t)) <4142> 3 0 R true null] /B<</C -1>>>> tail", 0)
    assert value == {"/A": [1, 2.5, "/N#20x", b"s)(t)", b"AB", Ref(3), True, None], "/B": {"/C": -1}}
    assert isinstance(value["/A"][2], Name)
    with pytest.raises(rawfile.NotSimple):
        parse_value(b"<</A [1 2>>", 0)
    assert text_of(b"\xfe\xff\x00\xe9") == "é" and text_of(b"D:2026") == "D:2026"


@pytest.mark.parametrize("array", [b"[ 250 333.5 -1 +2 .5 1. ]", b"[250]", b"[]", b"[ ]", b"[1\n2\r3]"])
def test_arrays_of_numbers_read_in_one_match_as_item_by_item(array: bytes) -> None:
    # a font's /Widths is read whole (objects._NUMBERS): the same values, the same types, the
    # same end as the token-by-token reading it shortcuts (a name first forces that reading)
    whole, end = parse_value(array + b" tail", 0)
    items, _ = parse_value(b"[/N " + array[1:] + b" tail", 0)
    assert whole == items[1:] and [type(v) for v in whole] == [type(v) for v in items[1:]]
    assert end == len(array)


@pytest.mark.parametrize("array", [b"[1 2", b"[1.2.3]", b"[1-2]", b"[1 2>>"])
def test_malformed_arrays_of_numbers_are_still_refused(array: bytes) -> None:
    with pytest.raises(rawfile.NotSimple):
        parse_value(array, 0)


def test_streams_read_from_the_bytes() -> None:
    objects = Objects(rawfile.parse(PDFA.read_bytes()))
    catalog = objects.get(objects.raw.root)
    assert b"<pdfaid:part>2</pdfaid:part>" in objects.stream(catalog["/Metadata"])
    page = fasttext.raw_pages(objects)[0]
    assert b"BT" in objects.stream(page["/Contents"])
    assert "/Resources" in page and "/MediaBox" in page  # inherited from the page tree


@pytest.mark.parametrize("pdf", [LETTER, NOTE, PDFA], ids=lambda p: p.name)
def test_text_from_the_bytes_is_the_text_through_pypdf(pdf) -> None:
    assert extract_pages(pdf.read_bytes()) == extract_pages(PdfReader(pdf))


def _font_file(font: bytes, missing: bytes = b"0") -> Objects:
    """A one-font file: the font dictionary ``font`` (object 3), its descriptor (4), its
    ToUnicode stream (5)."""
    cmap = zlib.compress(b"1 beginbfchar\n<01> <0061>\nendbfchar\n")
    objects = [
        (1, rawfile.indirect(1, b"<</Type/Catalog/Pages 2 0 R>>")),
        (2, rawfile.indirect(2, b"<</Type/Pages/Kids[]/Count 0>>")),
        (3, rawfile.indirect(3, font)),
        (4, rawfile.indirect(4, b"<</Type/FontDescriptor/FontName/A/MissingWidth " + missing + b">>")),
        (5, rawfile.indirect(5, rawfile.stream_body(b"<</Filter/FlateDecode/Length", cmap))),
        (6, rawfile.indirect(6, b"7")),
    ]
    return Objects(rawfile.parse(rawfile.write(b"%PDF-1.6\n", objects, root=1, info=None)))


_PLAIN_FONT = b"<</Type/Font/Subtype/TrueType/FirstChar 1/Widths[500]/FontDescriptor 4 0 R/ToUnicode 5 0 R>>"


def test_fonts_with_the_same_bytes_are_read_once_for_every_file() -> None:
    from cspdocs.pdf import fonts

    first, second = _font_file(_PLAIN_FONT), _font_file(_PLAIN_FONT)
    font = fonts._raw_font(first, 3)
    assert font.to_unicode == {1: "a"} and font.width(b"\x01") == 500.0
    assert fonts._raw_font(second, 3) is font  # not parsed again
    assert 3 not in second._values  # the second file's font dictionary was never read
    other = fonts._raw_font(_font_file(_PLAIN_FONT, missing=b"250"), 3)  # another descriptor
    assert other is not font and other.missing_width == 250.0


@pytest.mark.parametrize("font, missing", [
    (_PLAIN_FONT.replace(b"/FirstChar 1", b"/FirstChar 6 0 R"), b"0"),  # a value held elsewhere
    (_PLAIN_FONT.replace(b"/Type/Font", b"/Type/Font/X<</Y 1>>"), b"0"),  # a nested dictionary
    (_PLAIN_FONT.replace(b"/Type/Font", b"/Type/Font/X(s)"), b"0"),  # a string
    (_PLAIN_FONT, b"6 0 R"),  # the descriptor's missing width held elsewhere
])
def test_fonts_not_plain_are_read_from_their_objects(font: bytes, missing: bytes) -> None:
    from cspdocs.pdf import fonts

    objects = _font_file(font, missing)
    assert fonts._font_bytes(objects, 3) is None
    read = fonts._raw_font(objects, 3)
    assert read.to_unicode == {1: "a"}
    assert read.missing_width == (7.0 if missing == b"6 0 R" else 0.0)


# --- pypdf only when a file needs it (lazy_pypdf.py) ---------------------------------------------

def test_the_fast_path_reads_normalises_extracts_and_merges_without_importing_pypdf(tmp_path) -> None:
    """pypdf costs ~80 ms to import, a tenth of the PDF stage's own work on 100 documents."""
    import subprocess
    import sys

    from tests.support.paths import ROOT

    code = (
        "import sys; from datetime import datetime, timezone; from pathlib import Path\n"
        "from cspdocs.pdf.stage import *  # what generate --pdf loads\n"
        "from cspdocs.pdf.pipeline import finish_pdf\n"
        "from cspdocs.pdf.dossier import DossierPart, build_dossier\n"
        "from cspdocs.pdf.info import read_producer\n"
        f"tmp = Path({str(tmp_path)!r}); raw = tmp / 'raw.pdf'; raw.write_bytes(Path({str(PDFA)!r}).read_bytes())\n"
        "moment = datetime(2026, 4, 27, tzinfo=timezone.utc)\n"
        "digest, pages, text = finish_pdf(str(raw), str(tmp / 'a.pdf'), moment, True)\n"
        "build_dossier([DossierPart('A', tmp / 'a.pdf')], tmp / 'd.pdf', title='t', author='a', subject='s',"
        " moment=moment)\n"
        "assert pages == 1 and text and read_producer(tmp / 'a.pdf').startswith('LibreOffice')\n"
        "print('pypdf' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False", result.stdout + result.stderr


@pytest.mark.parametrize("path", [LETTER, NOTE, PDFA])
def test_read_producer_gives_what_pypdf_reads(path, tmp_path) -> None:
    from cspdocs.pdf.info import read_producer

    expected = PdfReader(path).metadata.producer
    assert expected and read_producer(path) == expected
    writer = PdfWriter(clone_from=PdfReader(path))  # laid out by pypdf: read by pypdf
    writer.add_metadata({"/Producer": "Cabinet Été"})
    other = tmp_path / "other.pdf"
    with open(other, "wb") as handle:
        writer.write(handle)
    assert read_producer(other) == "Cabinet Été"
    assert read_producer(tmp_path / "absent.pdf") is None


def test_lazy_pypdf_sees_pypdf_objects_once_imported() -> None:
    from pypdf.errors import PyPdfError
    from pypdf.generic import NameObject

    from cspdocs.pdf.lazy_pypdf import errors, is_pypdf

    assert is_pypdf(PdfReader(NOTE), "PdfReader") and is_pypdf(NameObject("/A"), "NameObject")
    assert not is_pypdf("/A", "NameObject") and not is_pypdf(b"%PDF", "PdfReader")
    assert errors() == (PyPdfError,)
