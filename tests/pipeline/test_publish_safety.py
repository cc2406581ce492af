"""Issue 14, items 1-3: `generate` never deletes what it did not publish, survives a kill at any point,
and never mixes two case files that share a file stem."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cspdocs import output_folder
from cspdocs.cli import main
from tests.support.render import CASES

INDIVIDUEL = CASES / "individuel.yaml"
ALSACE = CASES / "collectif-alsace.yaml"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def tree(path: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``path`` (hidden ones included)."""
    return {
        p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }


def user_folder(path: Path) -> dict[str, str]:
    path.mkdir(parents=True)
    (path / "notes-personnelles.txt").write_text("Mes notes, à ne jamais perdre.\n", encoding="utf-8")
    (path / "photos").mkdir()
    (path / "photos" / "vacances.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    return tree(path)


def case_named(folder: Path, name: str, source: Path = INDIVIDUEL) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(source, target)
    return target


# --- item 1: only a folder cspdocs published is replaced ------------------------------------------


def test_a_users_folder_with_the_case_name_is_never_replaced(tmp_path):
    home = tmp_path / "home"
    before = user_folder(home / "Documents")
    case = case_named(tmp_path / "cas", "Documents.yaml")
    result = run("generate", str(case), "-o", str(home))
    assert result.exit_code == 1
    assert f"Sortie refusée : le dossier « {home / 'Documents'} » existe et n'a pas été publié par cspdocs" \
        in result.output
    assert "Aucun document écrit." in result.output
    assert tree(home / "Documents") == before
    assert sorted(p.name for p in home.iterdir()) == ["Documents"]  # no temporary folder left


def test_the_case_file_beside_its_output_is_never_deleted(tmp_path):
    dossiers = tmp_path / "dossiers"
    case = case_named(dossiers / "martin", "martin.yaml")
    (dossiers / "martin" / "pieces-jointes.pdf").write_bytes(b"%PDF-1.4 courrier du salarie")
    before = tree(dossiers)
    result = run("generate", str(case), "-o", str(dossiers))
    assert result.exit_code == 1  # the command's early check names the case file (commands/common.py)
    assert f"« {dossiers / 'martin'} » contient martin.yaml" in result.output
    from cspdocs.output_folder import SortieRefusee
    from cspdocs.pipeline import generate

    with pytest.raises(SortieRefusee, match="existe et n'a pas été publié par cspdocs"):
        generate(case, dossiers)  # the library refuses on its own
    assert tree(dossiers) == before


def test_files_the_user_added_to_a_published_folder_block_the_replacement(tmp_path):
    out = tmp_path / "sortie"
    assert run("generate", str(INDIVIDUEL), "-o", str(out)).exit_code == 0
    published = out / "individuel"
    (published / "annotations.txt").write_text("remis en main propre le 3 mars\n", encoding="utf-8")
    employee = next(p for p in published.iterdir() if p.is_dir())
    (employee / ".~lock.3-lettre-recommandee.docx#").write_text("verrou", encoding="utf-8")
    before = tree(published)
    result = run("generate", str(INDIVIDUEL), "-o", str(out))
    assert result.exit_code == 1
    assert "contient 2 fichier(s) ou dossier(s) que cspdocs n'a pas écrits" in result.output
    assert "annotations.txt" in result.output and ".~lock.3-lettre-recommandee.docx#" in result.output
    assert tree(published) == before


def test_an_empty_folder_and_a_published_one_are_replaced(tmp_path):
    out = tmp_path / "sortie"
    (out / "individuel").mkdir(parents=True)
    assert run("generate", str(INDIVIDUEL), "-o", str(out)).exit_code == 0
    first = tree(out / "individuel")
    assert "manifest.json" in first
    result = run("generate", str(INDIVIDUEL), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert tree(out / "individuel") == first
    assert sorted(p.name for p in out.iterdir()) == ["individuel"]


def test_a_file_or_a_symlink_in_place_of_the_output_is_refused(tmp_path):
    from cspdocs.output_folder import SortieRefusee
    from cspdocs.pipeline import generate

    out = tmp_path / "sortie"
    out.mkdir()
    (out / "individuel").write_text("un fichier de l'utilisateur", encoding="utf-8")
    result = run("generate", str(INDIVIDUEL), "-o", str(out))
    assert result.exit_code == 1 and "Aucun document écrit." in result.output  # (commands/common.py)
    with pytest.raises(SortieRefusee, match="n'est pas un dossier"):  # the library refuses too
        generate(INDIVIDUEL, out)
    assert (out / "individuel").read_text(encoding="utf-8") == "un fichier de l'utilisateur"
    elsewhere = tmp_path / "ailleurs"
    before = user_folder(elsewhere)
    (out / "individuel").unlink()
    (out / "individuel").symlink_to(elsewhere, target_is_directory=True)
    result = run("generate", str(INDIVIDUEL), "-o", str(out))
    assert result.exit_code == 1 and "Aucun document écrit." in result.output
    with pytest.raises(SortieRefusee, match="lien symbolique"):
        generate(INDIVIDUEL, out)
    assert tree(elsewhere) == before
    assert sorted(p.name for p in out.iterdir()) == ["individuel"]


# --- item 3: two case files with the same stem -------------------------------------------------------


def test_same_stem_from_another_employer_is_refused(tmp_path):
    out = tmp_path / "out"
    case_a = case_named(tmp_path / "A", "case.yaml", ALSACE)
    case_b = case_named(tmp_path / "B", "case.yaml", ALSACE)
    text = case_b.read_text(encoding="utf-8")
    assert "raison_sociale: Cartonnerie de l'Ill" in text
    case_b.write_text(text.replace("raison_sociale: Cartonnerie de l'Ill", "raison_sociale: Autre employeur", 1),
                      encoding="utf-8")
    assert run("generate", str(case_a), "-o", str(out)).exit_code == 0
    manifest = json.loads((out / "case" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["identite_dossier"]["employeur"].startswith("Cartonnerie de l'Ill")
    before = tree(out / "case")
    for extra in ([], ["--employe", "E103"]):
        result = run("generate", str(case_b), "-o", str(out), *extra)
        assert result.exit_code == 1
        assert f"Sortie refusée : le dossier « {out / 'case'} » a été publié pour un autre dossier " \
               "(employeur « Cartonnerie de l'Ill" in result.output
        assert "pas pour celui-ci (employeur « Autre employeur" in result.output
        assert tree(out / "case") == before
    # The same case file, given by another path, or moved with its output, is the same case.
    cwd = os.getcwd()
    try:
        os.chdir(tmp_path / "A")
        assert run("generate", "case.yaml", "-o", "../out", "--employe", "E103").exit_code == 0
    finally:
        os.chdir(cwd)
    shutil.move(str(tmp_path / "out"), str(tmp_path / "A" / "sortie"))
    assert run("generate", str(case_a), "-o", str(tmp_path / "A" / "sortie")).exit_code == 0


# --- item 2: leftovers of an interrupted switch are recovered -----------------------------------------


def test_an_interrupted_switch_is_recovered_at_the_next_run(tmp_path):
    out = tmp_path / "sortie"
    assert run("generate", str(INDIVIDUEL), "-o", str(out)).exit_code == 0
    published = tree(out / "individuel")
    # A kill between the two renames of the old scheme: only the old output, set aside, remains.
    os.rename(out / "individuel", out / ".individuel.ancien-k1ll3d")
    # A kill while writing: a marked temporary folder.
    (out / ".individuel.tmp-abc123" / "E001-x").mkdir(parents=True)
    (out / ".individuel.tmp-abc123" / output_folder.MARKER).write_bytes(b"")
    # A user's folder that merely looks like a leftover is left alone.
    mine = user_folder(out / ".individuel.tmp-a-moi")
    with output_folder.locked(out):
        notes = output_folder.recover(out, "individuel")
    assert any("la sortie précédente" in n and "restaurée depuis .individuel.ancien-k1ll3d" in n for n in notes)
    assert any("dossier temporaire .individuel.tmp-abc123 supprimé" in n for n in notes)
    assert any(".individuel.tmp-a-moi n'a pas été reconnu" in n for n in notes)
    assert tree(out / "individuel") == published
    assert tree(out / ".individuel.tmp-a-moi") == mine
    # The command says what it recovered.
    (out / ".individuel.tmp-zzz").mkdir()
    result = run("generate", str(INDIVIDUEL), "-o", str(out))
    assert result.exit_code == 0
    assert "Publication interrompue : dossier temporaire .individuel.tmp-zzz supprimé" in result.output
    assert tree(out / "individuel") == published
    assert sorted(p.name for p in out.iterdir()) == [".individuel.tmp-a-moi", "individuel"]


# --- fault test: SIGKILL at random points -------------------------------------------------------------

_KILL_AT = """
import os, signal, sys
from cspdocs import output_folder
point = os.environ["CSPDOCS_TEST_KILL_AT"]
if point == "fallback":
    output_folder._exchange = lambda a, b: False
    real_rename = os.rename
    def rename(a, b):
        real_rename(a, b)
        if ".ancien-" in str(b):
            os.kill(os.getpid(), signal.SIGKILL)
    output_folder.os.rename = rename
elif point == "exchanged":
    real = output_folder._exchange
    def exchange(a, b):
        real(a, b)
        os.kill(os.getpid(), signal.SIGKILL)
    output_folder._exchange = exchange
from cspdocs.cli import main
sys.argv = ["cspdocs"] + sys.argv[1:]
main()
"""


def _generate(out: Path, case: Path, kill_at: str = "", delay: float | None = None) -> int:
    env = dict(os.environ, CSPDOCS_TEST_KILL_AT=kill_at or "none")
    proc = subprocess.Popen([sys.executable, "-c", _KILL_AT, "generate", str(case), "-o", str(out)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if delay is not None:
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=120)


def test_kill_at_any_point_loses_nothing(tmp_path):
    case = case_named(tmp_path / "cas", "collectif-alsace.yaml", ALSACE)
    out = tmp_path / "sortie"
    user = user_folder(out / "mes-fichiers")
    assert _generate(out, case) == 0
    published = tree(out / "collectif-alsace")
    case_bytes = case.read_bytes()
    started = time.perf_counter()
    assert _generate(out, case) == 0
    duration = time.perf_counter() - started
    rng = random.Random(14)
    points = ["exchanged", "fallback"] + [""] * 3
    killed = 0
    for point in points:
        delay = None if point else rng.uniform(0.2, duration * 1.1)
        code = _generate(out, case, point, delay)
        killed += code == -signal.SIGKILL
        # Killed or not, the previous output (same input, same bytes) and the user's files are intact,
        # possibly still set aside by the old scheme until the next run recovers it.
        if code == 0 or (out / "collectif-alsace").exists():
            assert tree(out / "collectif-alsace") == published, (point, delay)
        else:
            assert point == "fallback"
        assert tree(out / "mes-fichiers") == user and case.read_bytes() == case_bytes
        assert _generate(out, case) == 0  # the next run recovers, then publishes
        assert tree(out / "collectif-alsace") == published
        assert sorted(p.name for p in out.iterdir()) == ["collectif-alsace", "mes-fichiers"], (point, delay)
    assert killed >= 3  # the two deterministic points at least, and some random ones


@pytest.mark.parametrize("exchange", [True, False])
def test_a_kill_while_deleting_the_previous_output_leaves_a_recognisable_folder(tmp_path, monkeypatch, exchange):
    # Found by test_kill_at_any_point_loses_nothing under load: killed in the middle of deleting the
    # swapped-out previous output (its manifest already deleted), the leftover had neither manifest
    # nor marker, so every later run left it in place. It is now marked before the deletion starts.
    sortie = tmp_path / "sortie"
    dest = sortie / "cas"
    dest.mkdir(parents=True)
    (dest / "ancien.docx").write_bytes(b"previous output")
    tmp = output_folder.TempFolder(sortie, "cas")
    (tmp.path / "nouveau.docx").write_bytes(b"new output")
    killed: list[Path] = []

    def kill_during_rmtree(path, *args, **kwargs):  # deletes nothing: the kill comes first
        killed.append(Path(path))
        raise KeyboardInterrupt

    monkeypatch.setattr(output_folder.shutil, "rmtree", kill_during_rmtree)
    if not exchange:
        monkeypatch.setattr(output_folder, "_exchange", lambda a, b: False)
    with pytest.raises(KeyboardInterrupt):
        output_folder.switch(tmp, dest)
    tmp.close()
    assert (dest / "nouveau.docx").read_bytes() == b"new output"
    (leftover,) = killed
    assert (leftover / "ancien.docx").exists() and (leftover / output_folder.MARKER).is_file()
    monkeypatch.undo()
    notes = output_folder.recover(sortie, "cas")
    assert not leftover.exists() and "supprimé" in notes[0]
    assert sorted(p.name for p in sortie.iterdir()) == ["cas"]
