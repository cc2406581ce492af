"""Reproducible normalisation and dossiers, on stored LibreOffice PDFs (no LibreOffice needed)."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

from cspdocs.pdf.dossier import (
    DossierPart,
    DossierSection,
    build_case_dossier,
    build_dossier,
    read_outline,
)
from cspdocs.pdf.errors import DossierError
from cspdocs.pdf.normalize import normalize_pdf, pdf_date
from tests.support.paths import TESTS

FIXTURES = TESTS / "fixtures" / "pdf"
LETTER = FIXTURES / "lettre_proposition.pdf"  # 2 pages
NOTE = FIXTURES / "note_information.pdf"  # 1 page
PARIS = timezone(timedelta(hours=2))
MOMENT = datetime(2026, 4, 27, 9, 30, tzinfo=PARIS)


def test_pdf_date() -> None:
    assert pdf_date(MOMENT) == "D:20260427093000+02'00'"
    assert pdf_date(datetime(2026, 1, 5)) == "D:20260105000000Z"


def test_normalize_fixes_dates_and_id() -> None:
    raw = LETTER.read_bytes()
    assert b"/DocChecksum" in raw  # LibreOffice's varying bytes...
    data = normalize_pdf(raw, MOMENT)
    assert b"/DocChecksum" not in data  # ...are gone
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata["/CreationDate"] == "D:20260427093000+02'00'"
    assert reader.metadata["/ModDate"] == "D:20260427093000+02'00'"
    first, second = reader.trailer["/ID"]
    assert first == second and len(first) == 16 and first != b"\x00" * 16
    assert len(reader.pages) == 2
    assert normalize_pdf(raw, MOMENT) == data
    assert normalize_pdf(data, MOMENT) == data  # idempotent
    assert normalize_pdf(raw, MOMENT + timedelta(days=1)) != data


def test_content_changes_change_the_id() -> None:
    one = PdfReader(io.BytesIO(normalize_pdf(LETTER, MOMENT))).trailer["/ID"][0]
    two = PdfReader(io.BytesIO(normalize_pdf(NOTE, MOMENT))).trailer["/ID"][0]
    assert one != two


def _with_xmp(stamp: str, uuid: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(NOTE))
    packet = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
        f'xmp:MetadataDate="{stamp}"><xmp:CreateDate>{stamp}</xmp:CreateDate>'
        f"<xmp:ModifyDate>{stamp}</xmp:ModifyDate>"
        f"<xmpMM:DocumentID>uuid:{uuid}</xmpMM:DocumentID>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
    stream = StreamObject()
    stream.set_data(packet)
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    writer.root_object[NameObject("/Metadata")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_xmp_dates_and_uuids_are_normalised() -> None:
    a = _with_xmp("2026-11-22T09:00:01+00:00", "6f1c2a8e-0000-4000-8000-000000000001")
    b = _with_xmp("2026-11-23T10:11:12+00:00", "0a9b8c7d-1111-4111-8111-111111111112")
    assert normalize_pdf(a, MOMENT) == normalize_pdf(b, MOMENT)
    xmp = PdfReader(io.BytesIO(normalize_pdf(a, MOMENT))).trailer["/Root"]["/Metadata"].get_data()
    assert xmp.count(b"2026-04-27T09:30:00+02:00") == 3


def _parts() -> list[DossierPart]:
    return [
        DossierPart("Lettre de proposition du CSP", LETTER),
        DossierPart("Document d'information sur le CSP", NOTE),
        DossierPart("Récépissé de remise", NOTE.read_bytes()),
    ]


def test_dossier_bookmarks_order_and_metadata(tmp_path: Path) -> None:
    out = build_dossier(
        _parts(),
        tmp_path / "Lefèvre Élodie" / "dossier.pdf",
        title="Dossier CSP — Élodie Lefèvre",
        author="Société Alsacienne de Mécanique",
        subject="Élodie Lefèvre",
        moment=MOMENT,
    )
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    assert read_outline(out) == [
        (0, "Lettre de proposition du CSP", 0),
        (0, "Document d'information sur le CSP", 2),
        (0, "Récépissé de remise", 3),
    ]
    meta = reader.metadata
    assert meta.title == "Dossier CSP — Élodie Lefèvre"
    assert meta.author == "Société Alsacienne de Mécanique"
    assert meta.subject == "Élodie Lefèvre"
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20260427093000+02'00'"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_dossier_is_reproducible(tmp_path: Path) -> None:
    kwargs = dict(title="Dossier", author="Employeur", subject="Salarié", moment=MOMENT)
    one = build_dossier(_parts(), tmp_path / "1.pdf", **kwargs).read_bytes()
    two = build_dossier(_parts(), tmp_path / "2.pdf", **kwargs).read_bytes()
    assert one == two


def test_case_dossier_nested_bookmarks(tmp_path: Path) -> None:
    sections = [
        DossierSection("Élodie Lefèvre", _parts()[:2]),
        DossierSection("Personne", []),  # skipped
        DossierSection("Jérôme Bénard", [DossierPart("Lettre de proposition du CSP", LETTER)]),
    ]
    out = build_case_dossier(
        sections, tmp_path / "dossier-global.pdf", title="Dossier du licenciement",
        author="Société Alsacienne de Mécanique", moment=MOMENT,
    )
    assert len(PdfReader(out).pages) == 5
    assert read_outline(out) == [
        (0, "Élodie Lefèvre", 0),
        (1, "Lettre de proposition du CSP", 0),
        (1, "Document d'information sur le CSP", 2),
        (0, "Jérôme Bénard", 3),
        (1, "Lettre de proposition du CSP", 3),
    ]
    again = build_case_dossier(
        sections, tmp_path / "again.pdf", title="Dossier du licenciement",
        author="Société Alsacienne de Mécanique", moment=MOMENT,
    )
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (b"%PDF-1.6\n garbage, not a PDF", "illisible"),
        (Path("/nonexistent/lettre.pdf"), "introuvable"),
    ],
)
def test_dossier_failure_writes_nothing(tmp_path: Path, bad, words: str) -> None:
    out = tmp_path / "dossier.pdf"
    parts = _parts()[:1] + [DossierPart("Document d'information sur le CSP", bad)]
    with pytest.raises(DossierError) as caught:
        build_dossier(parts, out, title="D", author="E", subject="S", moment=MOMENT)
    assert words in str(caught.value)
    assert "Document d'information sur le CSP" in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # no dossier, no temporary file


def test_failure_keeps_previous_dossier_intact(tmp_path: Path) -> None:
    out = build_dossier(_parts(), tmp_path / "dossier.pdf", title="D", author="E",
                        subject="S", moment=MOMENT)
    before = out.read_bytes()
    with pytest.raises(DossierError):
        build_dossier([DossierPart("Cassé", b"not a pdf")], out, title="D", author="E",
                      subject="S", moment=MOMENT)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.pdf"]


def test_empty_dossier_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="aucun document"):
        build_dossier([], tmp_path / "d.pdf", title="D", author="E", subject="S", moment=MOMENT)
