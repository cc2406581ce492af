"""Issue 14 item 4: Ctrl-C, SIGTERM and SIGHUP stop the children, clean up and exit 130/143/129;
what a kill -9 leaves (LibreOffice children, temporary files holding employees' documents) is
removed at once by the run's guard, or by the next run (cspdocs/scratch.py)."""

from __future__ import annotations

import json
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cspdocs import interrupt, scratch
from cspdocs.interrupt import InterruptibleGroup, Interruption
from tests.support.pdf import require_libreoffice
from tests.support.paths import ROOT

CSPDOCS = Path(sys.executable).parent / "cspdocs"


# --- exit codes and messages (no LibreOffice) ------------------------------------------------------


def _group_raising(exc: BaseException) -> click.Group:
    @click.group(cls=InterruptibleGroup)
    def group() -> None:
        pass

    @group.command("x")
    def command() -> None:
        raise exc

    return group


@pytest.mark.parametrize("signum,code,name", [(signal.SIGTERM, 143, "SIGTERM"), (signal.SIGHUP, 129, "SIGHUP"),
                                              (signal.SIGINT, 130, "Ctrl-C (SIGINT)")])
def test_interruption_exit_code_and_message(signum, code, name):
    result = CliRunner().invoke(_group_raising(Interruption(signum)), ["x"])
    assert result.exit_code == code
    assert (f"Interrompu par {name} : travail arrêté (conversions PDF comprises), fichiers temporaires "
            "supprimés ; une sortie déjà publiée n'est pas modifiée.") in result.stderr


def test_plain_ctrl_c_exits_130_instead_of_1():
    result = CliRunner().invoke(_group_raising(KeyboardInterrupt()), ["x"])
    assert result.exit_code == 130 and "Ctrl-C" in result.stderr


def test_handlers_are_restored_after_the_command():
    before = signal.getsignal(signal.SIGTERM)
    CliRunner().invoke(_group_raising(Interruption(signal.SIGTERM)), ["x"])
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_group_registered_after_the_signal_is_killed_at_once(monkeypatch):
    child = subprocess.Popen(["sleep", "30"], start_new_session=True)
    monkeypatch.setattr(interrupt, "_received", signal.SIGTERM)
    interrupt.register_group(child.pid)
    assert child.wait(timeout=5) == -signal.SIGKILL
    with pytest.raises(Interruption):
        interrupt.check()


# --- the work area and its sweep ----------------------------------------------------------------------


@pytest.fixture()
def tmpdir_env(tmp_path, monkeypatch):
    base = tmp_path / "tmp"
    base.mkdir()
    monkeypatch.setenv("TMPDIR", str(base))
    return base


def test_session_is_private_and_removed(tmpdir_env):
    with scratch.session("pdf") as work:
        assert work.is_dir() and work.parent == tmpdir_env / f"cspdocs-{os.getuid()}"
        assert work.parent.stat().st_mode & 0o777 == 0o700
        (work / "lettre.docx").write_bytes(b"donnees personnelles")
        assert scratch.sweep().dossiers == 0  # a living run is never swept
        assert work.exists()
    assert sorted(p.name for p in work.parent.iterdir()) == [".verrou"]


def test_sweep_removes_a_dead_run_and_stops_its_processes(tmpdir_env):
    root = scratch.root()
    dead = root / "pdf-mort"
    (dead / "batch0000-try0").mkdir(parents=True)
    (dead / "batch0000-try0" / "lettre.docx").write_bytes(b"donnees personnelles")
    (root / "pdf-mort.verrou").write_bytes(b"")  # nobody holds the lock: its run was killed
    orphan = subprocess.Popen(["sleep", "30"], env=dict(os.environ, CSPDOCS_SCRATCH=str(dead / "batch0000-try0")))
    try:
        result = scratch.sweep()
        assert orphan.wait(timeout=5) == -signal.SIGKILL
    finally:
        orphan.kill()
    assert (result.dossiers, result.processus) == (1, 1)
    assert result.texte() == (f"Nettoyage : 1 dossier(s) temporaire(s) et 1 processus LibreOffice laissé(s) par "
                              f"une exécution interrompue de cspdocs supprimé(s) ({root}).")
    assert sorted(p.name for p in root.iterdir()) == [".verrou"]


def test_the_next_command_says_what_it_cleaned(tmpdir_env):
    root = scratch.root()
    (root / "pdf-mort").mkdir()
    from cspdocs.cli import main

    result = CliRunner().invoke(main, ["compute", str(ROOT / "cases" / "individuel.yaml")])
    assert result.exit_code == 0
    assert "Nettoyage : 1 dossier(s) temporaire(s) laissé(s) par une exécution interrompue" in result.stderr
    assert not (root / "pdf-mort").exists()


def test_sweep_leaves_other_users_folders_alone(tmp_path, monkeypatch):
    """Only the private root cspdocs-<uid> is ever swept: nothing else in the temporary folder."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    (tmp_path / "cspdocs-pdf-ancien").mkdir()
    (tmp_path / "autre.txt").write_text("x")
    scratch.sweep()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autre.txt", "cspdocs-pdf-ancien"]


# --- the fault test: kill generate --pdf at random points -------------------------------------------


def _pids_marked(base: Path) -> list[int]:
    root = base / f"cspdocs-{os.getuid()}"
    return scratch.processes_in(root)


def _leftovers(base: Path) -> list[str]:
    root = base / f"cspdocs-{os.getuid()}"
    return sorted(p.name for p in root.iterdir() if p.name != ".verrou") if root.exists() else []


def _check_output(out: Path) -> None:
    """Whatever the moment of the kill, the published folder (if any) is complete: every file of its
    manifest is there with its hash."""
    manifest = out / "collectif-alsace" / "manifest.json"
    if not manifest.exists():
        return
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for employee in data["salaries"]:
        for artefact in employee["artefacts"]:
            path = out / "collectif-alsace" / artefact["chemin"]
            assert hashlib.sha256(path.read_bytes()).hexdigest() == artefact["sha256"]


@pytest.mark.libreoffice
def test_killing_generate_pdf_leaves_no_process_and_no_temporary_file(tmp_path):
    require_libreoffice()
    base = tmp_path / "tmp"
    base.mkdir()
    case = tmp_path / "collectif-alsace.yaml"
    case.write_bytes((ROOT / "cases" / "collectif-alsace.yaml").read_bytes())
    case_bytes = case.read_bytes()
    out = tmp_path / "sortie"
    env = dict(os.environ, TMPDIR=str(base))
    seed = random.randrange(10**6)
    draw = random.Random(seed)
    plan = [(signal.SIGTERM, 143), (signal.SIGKILL, -9), (signal.SIGHUP, 129), (signal.SIGKILL, -9)]
    for signum, expected in plan:
        delay = draw.uniform(1.5, 5.0)
        process = subprocess.Popen([str(CSPDOCS), "generate", str(case), "-o", str(out), "--pdf"],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
        context = f"seed {seed}, {signal.Signals(signum).name} after {delay:.2f} s: {stderr[-500:]}"
        # 0: it finished before the signal; -signum: the signal came while Python was still importing
        # cspdocs, before any child or temporary file (the shell shows 128 + signum as well)
        assert process.returncode in (expected, -signum, 0), context
        assert "Traceback" not in stderr, context
        if process.returncode == 0:
            continue
        if signum != signal.SIGKILL:  # cleaned up before exiting
            assert process.returncode == -signum or "Interrompu par" in stderr, context
            assert _pids_marked(base) == [], context
            assert _leftovers(base) == [], context
        # the next run removes whatever is left (the guard usually did it already)
        nxt = subprocess.run([str(CSPDOCS), "compute", str(case)], env=env, capture_output=True, text=True,
                             timeout=60)
        assert nxt.returncode == 0, nxt.stderr
        assert _pids_marked(base) == [], context
        assert _leftovers(base) == [], context
        assert case.read_bytes() == case_bytes  # the user's file
        _check_output(out)


def test_profile_staging_left_by_a_killed_run_is_removed(tmp_path):
    from cspdocs.pdf import profile

    old = tmp_path / ".profile-ancien"
    (old / "p" / "user").mkdir(parents=True)
    recent = tmp_path / ".profile-en-cours"
    recent.mkdir()
    past = time.time() - profile.STALE_STAGING_SECONDS - 10
    os.utime(old, (past, past))
    assert profile.remove_stale_staging(tmp_path) == 1
    assert not old.exists() and recent.exists()  # a staging in progress (another run) is kept
