"""Converter behaviour with fake soffice scripts: batching, streaming, timeout, retry,
missing LibreOffice, corrupted DOCX (no LibreOffice needed)."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.support.pdf import make_letter, write_fake_soffice

from cspdocs.pdf.convert import convert_to_pdf, plan_batches
from cspdocs.pdf.errors import (
    ConversionError,
    ConversionTimeoutError,
    InvalidDocxError,
    SofficeNotFoundError,
)
from cspdocs.pdf.pipeline import build_pdfs
from cspdocs.pdf.soffice import SOFFICE_ENV, find_soffice
from tests.support.paths import TESTS

FIXTURE_PDF = TESTS / "fixtures" / "pdf" / "lettre_proposition.pdf"
MOMENT = datetime(2026, 4, 27, 9, 0)

# Behaves like soffice --convert-to: announces each file, then "converts" it (a copy
# of a stored LibreOffice PDF). CALLS counts the calls.
FAKE_CONVERTER = f"""
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
echo call >> "$CALLS"
for a in "$@"; do
  case "$a" in *.docx)
    n=$(basename "$a" .docx)
    echo "convert $a -> $out/$n.pdf using filter : writer_pdf_Export"
    cp "{FIXTURE_PDF}" "$out/$n.pdf";;
  esac
done
"""


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for init to reap it)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.fixture()
def docs(tmp_path: Path) -> list[Path]:
    # Same file name for two employees: outputs must not collide in the staging area.
    return [
        make_letter(tmp_path / "src" / "lefevre" / "proposition.docx"),
        make_letter(tmp_path / "src" / "benard" / "proposition.docx", name="Jérôme Bénard"),
        make_letter(tmp_path / "src" / "benard" / "information.docx", repeat=1),
    ]


@pytest.fixture()
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "calls.txt"
    monkeypatch.setenv("CALLS", str(path))
    return path


def test_plan_batches() -> None:
    assert plan_batches(0, 2) == []
    assert plan_batches(1, 2) == [range(0, 1)]
    assert plan_batches(5, 2) == [range(0, 3), range(3, 5)]
    assert [len(b) for b in plan_batches(250, 2, max_batch=100)] == [84, 83, 83]


def test_missing_soffice_fails_at_once_in_french(tmp_path: Path, docs) -> None:
    with pytest.raises(SofficeNotFoundError) as caught:
        build_pdfs(docs, moment=MOMENT, soffice=tmp_path / "no-soffice")
    message = str(caught.value)
    assert "LibreOffice" in message and "introuvable" in message
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in message
    assert not list(tmp_path.rglob("*.pdf"))


def test_soffice_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = write_fake_soffice(tmp_path / "soffice", "exit 0")
    monkeypatch.setenv(SOFFICE_ENV, str(fake))
    assert find_soffice() == str(fake)
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "missing"))
    with pytest.raises(SofficeNotFoundError):
        find_soffice()


def test_pipeline_with_fake_converter(tmp_path: Path, docs, calls) -> None:
    fake = write_fake_soffice(tmp_path / "soffice", FAKE_CONVERTER)
    results = build_pdfs(docs, moment=MOMENT, soffice=fake, workers=2)
    assert list(results) == docs
    for doc, result in results.items():
        assert result.pdf == doc.with_suffix(".pdf") and result.pdf.is_file()
        assert result.pages == 2
        assert "sécurisation professionnelle" in result.text
    assert len(calls.read_text().splitlines()) == 2  # one call per batch, 2 workers
    # same content and date: same bytes, hence same hash
    assert len({r.sha256 for r in results.values()}) == 1
    assert not list(tmp_path.rglob(".*.tmp"))


def test_pipeline_sets_metadata_per_document(tmp_path: Path, docs, calls) -> None:
    from pypdf import PdfReader

    fake = write_fake_soffice(tmp_path / "soffice", FAKE_CONVERTER)
    meta = {docs[0]: {"Title": "Lettre de proposition du CSP", "Author": "SAM"}}
    results = build_pdfs(docs[:2], moment=MOMENT, soffice=fake, metadata=meta)
    info = PdfReader(results[docs[0]].pdf).metadata
    assert (info.title, info.author) == ("Lettre de proposition du CSP", "SAM")
    assert results[docs[0]].sha256 != results[docs[1]].sha256


def test_convert_to_pdf_out_dir_and_collisions(tmp_path: Path, docs, calls) -> None:
    fake = write_fake_soffice(tmp_path / "soffice", FAKE_CONVERTER)
    out = convert_to_pdf(docs[1:], tmp_path / "pdf", soffice=fake)
    assert out == {d: tmp_path / "pdf" / (d.stem + ".pdf") for d in docs[1:]}
    assert all(p.is_file() for p in out.values())
    with pytest.raises(ConversionError, match="même PDF"):
        convert_to_pdf(docs, tmp_path / "pdf", soffice=fake)


def test_random_bytes_named_docx_is_rejected_by_name(tmp_path: Path, docs, calls) -> None:
    bad = tmp_path / "src" / "martin" / "proposition.docx"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(os.urandom(4096))
    fake = write_fake_soffice(tmp_path / "soffice", FAKE_CONVERTER)
    with pytest.raises(InvalidDocxError) as caught:
        build_pdfs(docs + [bad], moment=MOMENT, soffice=fake)
    assert str(bad) in str(caught.value)
    assert "n'est pas un document DOCX valide" in str(caught.value)
    assert list(caught.value.failures) == [bad]
    assert not calls.exists()  # LibreOffice never started
    assert not list(tmp_path.rglob("*.pdf"))


def test_hung_converter_is_killed_with_a_clear_timeout(tmp_path: Path, docs, calls) -> None:
    pids = tmp_path / "pids"
    fake = write_fake_soffice(
        tmp_path / "soffice",
        f'echo call >> "$CALLS"; echo $$ >> "{pids}"; sleep 60 & echo $! >> "{pids}"; wait',
    )
    start = time.monotonic()
    with pytest.raises(ConversionTimeoutError) as caught:
        build_pdfs(docs, moment=MOMENT, soffice=fake, workers=1, timeout=1)
    assert time.monotonic() - start < 10
    message = str(caught.value)
    assert "délai de 1 s dépassé" in message and "LibreOffice a été arrêté" in message
    for doc in docs:
        assert str(doc) in message
    assert len(calls.read_text().splitlines()) == 2  # first try + one retry
    time.sleep(0.2)
    for pid in map(int, pids.read_text().split()):  # the whole process group was killed
        assert not _running(pid)
    assert not list(tmp_path.rglob("*.pdf"))


def test_failing_converter_output_is_reported(tmp_path: Path, docs, calls) -> None:
    fake = write_fake_soffice(
        tmp_path / "soffice",
        'echo call >> "$CALLS"; echo "Fatal: javaldx hors service" >&2; exit 3',
    )
    with pytest.raises(ConversionError) as caught:
        build_pdfs(docs[:1], moment=MOMENT, soffice=fake)
    message = str(caught.value)
    assert "s'est arrêté avec le code 3" in message
    assert "Fatal: javaldx hors service" in message  # LibreOffice's own output
    assert str(docs[0]) in message
    assert len(calls.read_text().splitlines()) == 2


def test_retry_recovers_a_crashed_batch(tmp_path: Path, docs, calls) -> None:
    # The first call crashes on its first document (its PDF is not trusted); the
    # retry converts every document of the batch.
    script = f"""
if [ -e "$CALLS" ]; then
{FAKE_CONVERTER}
exit 0
fi
echo call >> "$CALLS"
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do
  case "$a" in *.docx)
    n=$(basename "$a" .docx)
    echo "convert $a -> $out/$n.pdf using filter : writer_pdf_Export"
    cp "{FIXTURE_PDF}" "$out/$n.pdf"
    echo "Segmentation fault" >&2; kill -SEGV $$;;
  esac
done
"""
    fake = write_fake_soffice(tmp_path / "soffice", script)
    results = build_pdfs(docs, moment=MOMENT, soffice=fake, workers=1)
    assert sorted(results) == sorted(docs)
    assert len(calls.read_text().splitlines()) == 2


def test_warm_profile_template_is_reused(tmp_path: Path, docs, calls, monkeypatch) -> None:
    monkeypatch.setenv("CSPDOCS_LO_PROFILE_CACHE", str(tmp_path / "cache"))
    states = tmp_path / "states"
    script = f"""
for a in "$@"; do
  case "$a" in -env:UserInstallation=file://*) prof="${{a#-env:UserInstallation=file://}}";; esac
done
if [ -e "$prof/user/warm" ]; then echo warm >> "{states}"; else echo cold >> "{states}"; fi
mkdir -p "$prof/user" && touch "$prof/user/warm"
{FAKE_CONVERTER}
"""
    fake = write_fake_soffice(tmp_path / "soffice", script)
    build_pdfs(docs[:1], moment=MOMENT, soffice=fake, out_dir=tmp_path / "one")
    build_pdfs(docs[:1], moment=MOMENT, soffice=fake, out_dir=tmp_path / "two")
    assert states.read_text().split() == ["cold", "warm"]
    assert len(list((tmp_path / "cache").iterdir())) == 1
    monkeypatch.setenv("CSPDOCS_LO_PROFILE_CACHE", "off")
    build_pdfs(docs[:1], moment=MOMENT, soffice=fake, out_dir=tmp_path / "three")
    assert states.read_text().split() == ["cold", "warm", "cold"]


# --- profiles marked as having seen this LibreOffice (no graphics self-test at each start) --------

def _installed(tmp_path: Path, bootstraprc: str | None) -> Path:
    """A fake installation: program/soffice, with its bootstraprc, and a link to it elsewhere."""
    program = tmp_path / "libreoffice" / "program"
    program.mkdir(parents=True)
    fake = write_fake_soffice(program / "soffice", "exit 0")
    if bootstraprc is not None:
        (program / "bootstraprc").write_text(bootstraprc)
    link = tmp_path / "bin" / "soffice"
    link.parent.mkdir()
    link.symlink_to(fake)
    return link


def test_product_version_is_read_beside_the_real_executable(tmp_path: Path) -> None:
    from cspdocs.pdf.profile import product_version

    soffice = _installed(tmp_path, "[Bootstrap]\nInstallMode=<installmode>\nProductKey=LibreOffice 24.2\n")
    assert product_version(str(soffice)) == "24.2"
    assert product_version(str(_installed(tmp_path / "other", None))) is None


def test_mark_version_seen_adds_the_last_version_once(tmp_path: Path) -> None:
    from cspdocs.pdf.profile import REGISTRY, mark_version_seen

    fresh = tmp_path / "fresh"
    assert mark_version_seen(fresh, "7.4")
    text = (fresh / REGISTRY).read_text()
    assert ('<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse">'
            "<value>7.4</value></prop></item>") in text and text.rstrip().endswith("</oor:items>")
    assert not mark_version_seen(fresh, "7.4") and (fresh / REGISTRY).read_text() == text  # once
    used = tmp_path / "used"
    (used / REGISTRY).parent.mkdir(parents=True)
    (used / REGISTRY).write_text('<?xml version="1.0"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n'
                                 '<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" '
                                 'oor:op="fuse"><value>false</value></prop></item>\n</oor:items>\n')
    assert mark_version_seen(used, "7.4")
    kept = (used / REGISTRY).read_text()
    assert 'oor:name="FirstRun"' in kept and kept.index("FirstRun") < kept.index("ooSetupLastVersion")
    assert not mark_version_seen(tmp_path / "unknown", None) and not (tmp_path / "unknown").exists()


def test_every_profile_is_marked_copied_or_new(tmp_path: Path, monkeypatch) -> None:
    from cspdocs.pdf import profile

    soffice = str(_installed(tmp_path, "ProductKey=LibreOffice 7.4\n"))
    monkeypatch.setenv("CSPDOCS_LO_PROFILE_CACHE", str(tmp_path / "cache"))
    profile.prepare(soffice, tmp_path / "new")
    assert "<value>7.4</value>" in (tmp_path / "new" / profile.REGISTRY).read_text()
    template = profile.template_path(soffice)
    (template / "user").mkdir(parents=True)  # a template cached by an earlier version of cspdocs
    (template / "user" / "warm").touch()
    profile.prepare(soffice, tmp_path / "copy")
    assert (tmp_path / "copy" / "user" / "warm").exists()
    assert "<value>7.4</value>" in (tmp_path / "copy" / profile.REGISTRY).read_text()
    assert not (template / profile.REGISTRY).exists()  # the template itself is left as it was
