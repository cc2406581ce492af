"""End to end with the real LibreOffice: skipped without soffice, failed without it on CI."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from cspdocs.pdf.convert import convert_to_pdf
from cspdocs.pdf.dossier import DossierPart, build_dossier, read_outline
from cspdocs.pdf.errors import ConversionError
from cspdocs.pdf.pipeline import build_pdfs
from cspdocs.pdf.text import extract_pages, extract_pdf_text, missing_mentions, normalize_text
from tests.support.pdf import MENTIONS, make_letter, require_libreoffice

pytestmark = pytest.mark.libreoffice
MOMENT = datetime(2026, 4, 27, 9, 0, tzinfo=timezone(timedelta(hours=2)))
EMPLOYEES = ("Élodie Lefèvre", "Jérôme Bénard")
ARTEFACTS = (  # file stem, bookmark title, paragraphs repeat (pages)
    ("proposition", "Lettre de proposition du CSP", 3),
    ("information", "Document d'information sur le CSP", 1),
)


@pytest.fixture(autouse=True)
def _libreoffice() -> None:
    require_libreoffice()


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("case")
    for employee in EMPLOYEES:
        for stem, _, repeat in ARTEFACTS:
            make_letter(root / employee / f"{stem}.docx", name=employee, repeat=repeat)
    return root


@pytest.fixture(scope="module")
def converted(case_dir: Path):
    require_libreoffice()
    docs = sorted(case_dir.rglob("*.docx"))
    return build_pdfs(docs, moment=MOMENT)


def test_each_pdf_exists_with_the_right_page_count(converted) -> None:
    assert len(converted) == len(EMPLOYEES) * len(ARTEFACTS)
    for docx, result in converted.items():
        assert result.pdf == docx.with_suffix(".pdf")
        expected = 2 if docx.stem == "proposition" else 1
        assert result.pages == expected == len(PdfReader(result.pdf).pages)


def test_french_typography_survives(converted) -> None:
    for docx, result in converted.items():
        assert result.text == extract_pdf_text(result.pdf)
        assert missing_mentions(result.text, MENTIONS) == []
        assert docx.parent.name in result.text  # the employee's name, accents included
        for fragment in ("œuvre", "Noël", "Ça", '"contrat de sécurisation professionnelle"',
                         "8 233,33 €", "l'allocation"):
            assert fragment in result.text


def test_pdf_text_matches_docx_text(converted) -> None:
    from docx import Document

    for docx, result in converted.items():
        document = Document(str(docx))
        body = normalize_text("\n".join(p.text for p in document.paragraphs))
        assert body in result.text


def test_fast_extraction_agrees_with_pypdf(converted) -> None:
    for result in converted.values():
        fast = extract_pages(result.pdf)
        slow = extract_pages(result.pdf, engine="pypdf")
        assert [normalize_text(p) for p in fast] == [normalize_text(p) for p in slow]


def test_two_conversions_give_identical_bytes(case_dir: Path, converted, tmp_path: Path) -> None:
    docs = sorted(case_dir.rglob("*.docx"))
    again = build_pdfs(docs, moment=MOMENT, out_dir=None, workers=1)
    for docx in docs:
        assert again[docx].sha256 == converted[docx].sha256
    raw = convert_to_pdf(docs[:1], tmp_path)[docs[0]].read_bytes()
    assert raw != converted[docs[0]].pdf.read_bytes()  # LibreOffice's own bytes vary


def test_dossier_per_employee(converted, case_dir: Path) -> None:
    for employee in EMPLOYEES:
        parts = [
            DossierPart(title, case_dir / employee / f"{stem}.pdf") for stem, title, _ in ARTEFACTS
        ]
        out = build_dossier(
            parts, case_dir / employee / "dossier.pdf", title=f"Dossier CSP — {employee}",
            author="Société Alsacienne de Mécanique", subject=employee, moment=MOMENT,
        )
        assert read_outline(out) == [
            (0, "Lettre de proposition du CSP", 0),
            (0, "Document d'information sur le CSP", 2),
        ]
        assert PdfReader(out).metadata.subject == employee


def _broken_docx(path: Path, good: Path) -> Path:
    """A ZIP that looks like a DOCX but whose document.xml is cut in half."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[: len(data) // 2] if name == "word/document.xml" else data)
    return path


def test_corrupted_docx_gives_a_clear_error_and_no_dossier(tmp_path: Path) -> None:
    good = make_letter(tmp_path / "Zoé" / "proposition.docx", name="Zoé Châtelain")
    bad = _broken_docx(tmp_path / "Zoé" / "information.docx", good)
    dossier = tmp_path / "Zoé" / "dossier.pdf"
    with pytest.raises(ConversionError) as caught:
        results = build_pdfs([good, bad], moment=MOMENT, timeout=120)
        build_dossier([DossierPart("x", r.pdf) for r in results.values()], dossier,
                      title="D", author="E", subject="S", moment=MOMENT)
    message = str(caught.value)
    assert f"{bad} : LibreOffice n'a pas pu ouvrir ce fichier" in message
    assert "source file could not be loaded" in message  # LibreOffice's own words
    assert str(good) not in message.split("Sortie de LibreOffice")[0]
    assert not dossier.exists()
    assert not list(tmp_path.rglob("*.pdf"))  # the good document's PDF was removed too


def test_a_marked_profile_skips_libreoffice_s_graphics_self_test(tmp_path: Path) -> None:
    """LibreOffice writes GraphicsRenderTests.log when it runs its self-test (0.8 s of CPU a start)."""
    import subprocess

    from cspdocs.pdf import profile
    from cspdocs.pdf.soffice import find_soffice

    soffice = find_soffice()
    docx = make_letter(tmp_path / "lettre.docx", name=EMPLOYEES[0])
    for marked in (False, True):
        user = tmp_path / f"profile-{marked}"
        user.mkdir()
        if marked:
            assert profile.mark_version_seen(user, profile.product_version(soffice))
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={user.as_uri()}", "--convert-to", "pdf",
                        "--outdir", str(tmp_path / f"out-{marked}"), str(docx)], check=True, capture_output=True,
                       timeout=120)
        assert (tmp_path / f"out-{marked}" / "lettre.pdf").stat().st_size > 0
        assert (user / "user" / "GraphicsRenderTests.log").exists() is not marked
        if marked:  # LibreOffice rewrites its registry on exit and keeps the mark
            assert "ooSetupLastVersion" in (user / profile.REGISTRY).read_text()
