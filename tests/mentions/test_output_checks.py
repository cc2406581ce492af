"""Issue 14 item 9: an output path that is a file or a symbolic link, a missing or read-only TMPDIR,
LibreOffice missing with --pdf: a French error before anything is rendered, nothing written
anywhere (neither the output, nor the link's target, nor another temporary folder)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cspdocs.cli import main
from cspdocs.pdf import soffice
from tests.support.pdf import require_libreoffice
from tests.support.paths import ROOT

CASE = ROOT / "tests" / "fixtures" / "hostile" / "base.yaml"
NOTHING = "Aucun document écrit."


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() and not p.is_symlink()
                                         else ("->" + os.readlink(p) if p.is_symlink() else "dir"))
            for p in sorted(folder.rglob("*"))}


@pytest.fixture()
def case(tmp_path):
    path = tmp_path / "dossier.yaml"
    shutil.copy(CASE, path)
    return path


def test_output_is_a_file(tmp_path, case):
    (tmp_path / "sortie").write_text("mes notes", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run("generate", str(case), "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 2 and "est un fichier" in result.stderr
    result = run("generate", str(case), "-o", str(tmp_path / "sortie" / "sous-dossier"))
    assert result.exit_code == 1
    assert f"Erreur : « {tmp_path / 'sortie'} » est un fichier, pas un dossier : choisissez un autre dossier de sortie\n{NOTHING}" in result.stderr
    assert snapshot(tmp_path) == before


def test_output_is_a_symlink_to_another_folder(tmp_path, case):
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "a-moi.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sortie").symlink_to(elsewhere)
    before = snapshot(tmp_path)
    result = run("generate", str(case), "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 1
    assert (f"Erreur : le dossier de sortie « {tmp_path / 'sortie'} » est un lien symbolique (vers « {elsewhere} ») : "
            f"donnez le dossier réel ; cspdocs n'écrit pas à travers un lien\n{NOTHING}") in result.stderr
    assert snapshot(tmp_path) == before


def test_case_folder_is_a_symlink_to_another_folder(tmp_path, case):
    out = tmp_path / "sortie"
    out.mkdir()
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "a-moi.txt").write_text("x", encoding="utf-8")
    (out / "dossier").symlink_to(elsewhere)
    before = snapshot(tmp_path)
    result = run("generate", str(case), "-o", str(out))
    assert result.exit_code == 1
    assert f"Erreur : « {out / 'dossier'} » est un lien symbolique (vers « {elsewhere} ») : cspdocs n'écrit pas" in result.stderr
    assert snapshot(tmp_path) == before


def test_case_folder_is_a_file(tmp_path, case):
    out = tmp_path / "sortie"
    out.mkdir()
    (out / "dossier").write_text("x", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run("generate", str(case), "-o", str(out))
    assert result.exit_code == 1 and f"« {out / 'dossier'} » est un fichier : cspdocs n'écrit pas à sa place" in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", ["absent", "fichier", "lecture-seule"])
def test_unusable_tmpdir_with_pdf(tmp_path, case, monkeypatch, kind):
    out = tmp_path / "sortie"
    tmpdir = tmp_path / "tmp"
    if kind == "fichier":
        tmpdir.write_text("x")
    elif kind == "lecture-seule":
        tmpdir.mkdir()
        tmpdir.chmod(0o555)
        real_access = os.access
        # root writes anywhere: make the check see what an ordinary user sees
        monkeypatch.setattr("cspdocs.scratch.os.access",
                            lambda p, mode: False if Path(p) == tmpdir else real_access(p, mode))
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    system_tmp = Path("/tmp")
    before_system = {p.name for p in system_tmp.iterdir() if p.name.startswith("cspdocs-pdf-")}
    result = run("generate", str(case), "-o", str(out), "--pdf")
    assert result.exit_code == 1, result.output
    expected = ("n'existe pas ou n'est pas un dossier : créez-le, ou corrigez ou retirez la variable TMPDIR"
                if kind != "lecture-seule" else
                "n'est pas accessible en écriture : donnez un dossier où vous pouvez écrire, ou retirez la variable TMPDIR")
    assert f"Erreur : le dossier temporaire TMPDIR={tmpdir} {expected}\n{NOTHING}" in result.stderr
    assert not out.exists()
    if kind == "lecture-seule":
        assert list(tmpdir.iterdir()) == []
    # nothing went to another temporary folder instead
    assert {p.name for p in system_tmp.iterdir() if p.name.startswith("cspdocs-pdf-")} == before_system


def test_unusable_tmpdir_without_pdf_is_not_needed(tmp_path, case, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "absent"))
    result = run("generate", str(case), "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "absent").exists()


def test_libreoffice_missing_with_pdf(tmp_path, case, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv(soffice.SOFFICE_ENV, raising=False)
    monkeypatch.setattr(soffice, "_CANDIDATES", ("soffice", "libreoffice"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    result = run("generate", str(case), "-o", str(tmp_path / "sortie"), "--pdf")
    assert result.exit_code == 1
    assert result.stderr.startswith("Erreur : La sortie PDF nécessite LibreOffice, introuvable sur cette machine "
                                    "(recherché : soffice, libreoffice).")
    assert "sudo apt-get install libreoffice-writer-nogui" in result.stderr and NOTHING in result.stderr
    assert not (tmp_path / "sortie").exists() and list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.libreoffice
def test_pdf_works_with_a_bare_path(tmp_path, case):
    """LibreOffice's launcher is a shell script needing dirname, grep, uname: a PATH without the
    system folders must not turn into a conversion failure."""
    require_libreoffice()
    found = soffice.find_soffice()
    env = dict(os.environ, PATH=str(tmp_path), CSPDOCS_SOFFICE=found, TMPDIR=str(tmp_path))
    result = subprocess.run([str(Path(sys.executable).parent / "cspdocs"), "generate", str(case), "-o",
                             str(tmp_path / "sortie"), "--pdf"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "sortie" / "dossier").rglob("*.pdf"))) >= 4


def test_output_would_replace_the_folder_holding_the_case(tmp_path):
    """``dossiers/martin/martin.yaml`` generated with ``-o dossiers``: the output folder would be
    ``dossiers/martin`` itself."""
    folder = tmp_path / "dossiers" / "martin"
    folder.mkdir(parents=True)
    case = folder / "martin.yaml"
    shutil.copy(CASE, case)
    (folder / "notes.txt").write_text("mes notes", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run("generate", str(case), "-o", str(tmp_path / "dossiers"))
    assert result.exit_code == 1
    assert (f"Erreur : « {folder} » contient martin.yaml, un fichier du dossier : la sortie remplacerait ce "
            f"dossier ; choisissez un autre dossier de sortie\n{NOTHING}") in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("employe", [True, False])
def test_corrupt_previous_manifest(tmp_path, case, employe):
    """A previous output whose manifest.json is corrupt (truncated, edited): refused with the file and
    line, with or without --employe; nothing lost, nothing left behind."""
    out = tmp_path / "sortie"
    assert run("generate", str(case), "-o", str(out)).exit_code == 0
    manifest = out / "dossier" / "manifest.json"
    manifest.write_text('{"salaries": [\n  {corrompu', encoding="utf-8")
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["generate", str(case), "-o", str(out)] + (["--employe", "E001"] if employe else []))
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a French message, not a traceback
    assert f"{manifest}:2 : manifeste illisible ou incomplet" in result.stderr
    assert snapshot(tmp_path) == before
