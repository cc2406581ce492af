"""`cspdocs generate --pdf` failures, with fake soffice scripts (no LibreOffice needed):
missing LibreOffice, hung, killed or failing converter, PDF text that lost mentions, global
dossier over employees without PDFs. Each fails with a French message, publishes nothing and
leaves the previous output untouched. Also the stage's pure helpers."""

from __future__ import annotations

import hashlib
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

import cspdocs.pipeline.workers as pipeline_workers
from cspdocs.case.loader import load_dossier
from cspdocs.cli import main
from cspdocs.engine.compute import compute_dossier
from cspdocs.pdf.soffice import SOFFICE_ENV
from cspdocs.pdf.handover import bookmark_title, case_moment, handover_order
from cspdocs.render.artefacts import ARTEFACTS
from tests.support.pdf import write_fake_soffice
from tests.support.paths import ROOT

ALSACE = ROOT / "cases" / "collectif-alsace.yaml"
INDIVIDUEL = ROOT / "cases" / "individuel.yaml"
FIXTURE_PDF = ROOT / "tests" / "fixtures" / "pdf" / "lettre_proposition.pdf"

# Behaves like soffice --convert-to, but every "PDF" is a stored letter that is not the
# document: its text lacks the mandatory mentions the DOCX had.
WRONG_PDF_CONVERTER = f"""
echo call >> "$CALLS"
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do
  case "$a" in *.docx)
    n=$(basename "$a" .docx)
    echo "convert $a -> $out/$n.pdf using filter : writer_pdf_Export"
    cp "{FIXTURE_PDF}" "$out/$n.pdf";;
  esac
done
"""


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def tree(path: Path) -> dict[str, str]:
    """Every file under ``path`` (hidden temporary folders included) -> SHA-256."""
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }


@pytest.fixture()
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "calls.txt"
    monkeypatch.setenv("CALLS", str(path))
    monkeypatch.setenv("CSPDOCS_LO_PROFILE_CACHE", "off")
    return path


@pytest.fixture()
def previous(tmp_path: Path) -> Path:
    """A previous (DOCX) output of individuel.yaml, which a failed run must leave as it is."""
    out = tmp_path / "sortie"
    result = run("generate", INDIVIDUEL, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def _fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    fake = write_fake_soffice(tmp_path / "soffice", body)
    monkeypatch.setenv(SOFFICE_ENV, str(fake))
    return fake


# --- LibreOffice missing ----------------------------------------------------------------------


@pytest.fixture()
def no_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list:
    """CSPDOCS_SOFFICE names a missing program; records any rendering (there must be none)."""
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "absent" / "soffice"))
    rendered: list = []
    original = pipeline_workers.render_employee

    def spy(*args, **kwargs):
        rendered.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline_workers, "render_employee", spy)
    return rendered


def _assert_missing_soffice_message(result, tmp_path: Path) -> None:
    assert result.exit_code == 1
    assert "La sortie PDF nécessite LibreOffice, introuvable sur cette machine" in result.output
    assert str(tmp_path / "absent" / "soffice") in result.output
    assert "apt-get install libreoffice-writer-nogui fonts-liberation2" in result.output
    assert "Aucun document écrit." in result.output


def test_missing_soffice_fails_at_once_with_pdf_flag(tmp_path: Path, no_soffice) -> None:
    out = tmp_path / "sortie"
    start = time.monotonic()
    result = run("generate", ALSACE, "-o", out, "--pdf")
    assert time.monotonic() - start < 5
    _assert_missing_soffice_message(result, tmp_path)
    assert no_soffice == []  # failed before rendering anything
    assert not out.exists()  # nothing written


def test_missing_soffice_fails_before_rendering_with_pdf_key(tmp_path: Path, no_soffice) -> None:
    case = tmp_path / "individuel.yaml"
    case.write_text(INDIVIDUEL.read_text(encoding="utf-8") + "\npdf: true\n", encoding="utf-8")
    out = tmp_path / "sortie"
    result = run("generate", case, "-o", out)
    _assert_missing_soffice_message(result, tmp_path)
    assert no_soffice == [] and not out.exists()


def test_docx_generation_never_needs_libreoffice(tmp_path: Path, no_soffice) -> None:
    result = run("generate", INDIVIDUEL, "-o", tmp_path / "sortie")
    assert result.exit_code == 0, result.output
    assert not list((tmp_path / "sortie").rglob("*.pdf"))
    # "pdf: true" in the case file, overridden on the command line
    case = tmp_path / "individuel.yaml"
    case.write_text(INDIVIDUEL.read_text(encoding="utf-8") + "\npdf: true\n", encoding="utf-8")
    result = run("generate", case, "-o", tmp_path / "autre", "--sans-pdf")
    assert result.exit_code == 0, result.output
    assert not list((tmp_path / "autre").rglob("*.pdf"))


def test_global_dossier_needs_pdf(tmp_path: Path) -> None:
    result = run("generate", INDIVIDUEL, "-o", tmp_path, "--sans-pdf", "--dossier-global")
    assert result.exit_code == 2
    assert "--dossier-global assemble les PDF : incompatible avec --sans-pdf." in result.output


# --- converter failures -----------------------------------------------------------------------


def _assert_nothing_published(result, previous: Path, before: dict[str, str]) -> None:
    assert result.exit_code == 1
    assert "Aucun document publié ; la sortie précédente est inchangée." in result.output
    assert tree(previous) == before  # no new file, no partial dossier, no temporary folder
    assert not list(previous.rglob("*.pdf"))


def test_hung_converter_is_stopped_and_nothing_is_published(
    tmp_path: Path, monkeypatch, calls, previous
) -> None:
    pids = tmp_path / "pids"
    _fake(tmp_path, monkeypatch,
          f'echo call >> "$CALLS"; echo $$ >> "{pids}"; sleep 60 & echo $! >> "{pids}"; wait')
    before = tree(previous)
    start = time.monotonic()
    result = run("generate", INDIVIDUEL, "-o", previous, "--pdf", "--delai-pdf", "1")
    assert time.monotonic() - start < 20
    _assert_nothing_published(result, previous, before)
    assert "Erreur de la sortie PDF : Échec de la conversion en PDF" in result.output
    assert "délai de 1 s dépassé, LibreOffice a été arrêté" in result.output
    assert "1-document-information-csp.docx" in result.output
    time.sleep(0.2)
    for pid in map(int, pids.read_text().split()):  # every soffice and its children killed
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        assert "\nState:\tZ" in status


def test_killed_converter_is_reported_and_nothing_is_published(
    tmp_path: Path, monkeypatch, calls, previous
) -> None:
    _fake(tmp_path, monkeypatch,
          'echo call >> "$CALLS"; echo "LibreOffice interrompu" >&2; kill -KILL $$')
    before = tree(previous)
    result = run("generate", INDIVIDUEL, "-o", previous, "--pdf")
    _assert_nothing_published(result, previous, before)
    assert "LibreOffice s'est arrêté avec le code -9" in result.output
    assert "LibreOffice interrompu" in result.output  # LibreOffice's own output is shown
    assert len(calls.read_text().splitlines()) >= 2  # retried before giving up


def test_document_libreoffice_cannot_load_is_named(tmp_path: Path, monkeypatch, calls, previous) -> None:
    _fake(tmp_path, monkeypatch, """
echo call >> "$CALLS"
for a in "$@"; do case "$a" in *.docx) echo "Error: source file could not be loaded";; esac; done
""")
    before = tree(previous)
    result = run("generate", INDIVIDUEL, "-o", previous, "--pdf")
    _assert_nothing_published(result, previous, before)
    assert "LibreOffice n'a pas pu ouvrir ce fichier (DOCX corrompu ?)" in result.output
    assert "4-enonce-motif-economique.docx" in result.output


def test_pdf_text_missing_mandatory_mentions_fails_the_run(
    tmp_path: Path, monkeypatch, calls, previous
) -> None:
    _fake(tmp_path, monkeypatch, WRONG_PDF_CONVERTER)
    before = tree(previous)
    result = run("generate", INDIVIDUEL, "-o", previous, "--pdf", "--dossier-global")
    _assert_nothing_published(result, previous, before)
    out = result.output
    assert "Contrôle des mentions sur le texte des PDF : échec." in out
    assert "Mentions obligatoires conformes dans le DOCX mais pas dans le PDF" in out
    assert ("V-0112, 1-document-information-csp.pdf : 1.2 Date de remise du document "
            "(point de départ du délai de réflexion) (DOCX : présente ; PDF : absente)") in out
    assert "ERREUR 1.2" in out and "source : Convention du 26 janvier 2015" in out


def test_global_dossier_with_employees_without_pdf_fails_before_converting(
    tmp_path: Path, monkeypatch, calls
) -> None:
    out = tmp_path / "sortie"
    result = run("generate", ALSACE, "-o", out, "--employe", "E101", "--employe", "E102")
    assert result.exit_code == 0, result.output
    before = tree(out)
    _fake(tmp_path, monkeypatch, WRONG_PDF_CONVERTER)
    result = run("generate", ALSACE, "-o", out, "--employe", "E101", "--dossier-global")
    assert result.exit_code == 1
    assert ("Dossier global impossible : les documents déjà publiés de E102 n'ont pas de version PDF."
            in result.output)
    assert not calls.exists()  # LibreOffice was not even started
    assert tree(out) == before


# --- the stage's rules ------------------------------------------------------------------------


def test_moment_is_the_earliest_handover_of_the_whole_case() -> None:
    charge = load_dossier(ALSACE)
    resultat = compute_dossier(charge.dossier, charge.nom)
    remises = sorted(rs.dates["remise"] for rs in resultat.employees)
    assert remises[0] == date(2026, 3, 13) and remises[-1] > remises[0]
    assert case_moment(resultat) == datetime(2026, 3, 13, tzinfo=timezone.utc)


def test_handover_order() -> None:
    day, later = date(2026, 3, 13), date(2026, 4, 3)
    dates = {"remise": day, "enonce_motif": day, "envoi_lettre": later}
    keys = ["information", "recepisse", "lettre", "motif"]
    assert handover_order(keys, dates) == ["information", "motif", "recepisse", "lettre"]
    # Same day (PSE): the letter still comes last; a statement given earlier comes first.
    assert handover_order(keys, dict(dates, envoi_lettre=day)) == ["information", "motif", "recepisse", "lettre"]
    assert handover_order(keys, dict(dates, enonce_motif=date(2026, 3, 2)))[0] == "motif"
    assert handover_order(["lettre", "information"], {}) == ["information", "lettre"]  # unknown dates


def test_bookmark_titles_are_the_french_labels() -> None:
    assert [bookmark_title(a) for a in ARTEFACTS] == [
        "Document d'information CSP et bulletin d'acceptation",
        "Récépissé de remise",
        "Lettre recommandée avec demande d'avis de réception",
        "Énoncé du motif économique",
        "Confirmation de la remise à distance et des dates du délai",
        "Avis de la nouvelle date d'expiration du délai de réflexion (salarié protégé)",
    ]
