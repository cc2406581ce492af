"""Progress of generate: periodic plain lines off a terminal, a rich bar on one, nothing when quiet."""

from __future__ import annotations

import io

from cspdocs.rh.progression import ProgressBar
from tests.support.paths import ROOT


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_plain_lines_are_periodic_with_a_final_time():
    out, clock = io.StringIO(), Clock()
    p = ProgressBar(stream=out, terminal=False, intervalle=5, horloge=clock)
    p.etape("Documents DOCX", total=500)
    for done in range(1, 501):
        clock.now += 0.1  # 50 s in all: a line every 5 s, and the last one
        p(done, 500)
    p.etape("Publication")
    clock.now += 1.2
    p.fin()
    lines = out.getvalue().splitlines()
    assert lines[0] == "Documents DOCX : 0/500"
    progress = [line for line in lines if line.startswith("Documents DOCX : ") and "%" in line]
    assert 9 <= len(progress) <= 11 and progress[-1] == "Documents DOCX : 500/500 (100 %)"
    assert lines[-2:] == ["Publication…", "Terminé en 51,2 s."]


def test_quiet_writes_nothing():
    out = io.StringIO()
    p = ProgressBar(quiet=True, stream=out, terminal=True)
    p.etape("Documents DOCX", total=3)
    p(1, 3)
    p.fin()
    assert out.getvalue() == ""


def test_terminal_gets_a_bar_then_the_time():
    out, clock = io.StringIO(), Clock()
    p = ProgressBar(stream=out, terminal=True, horloge=clock)
    p.etape("Documents DOCX", total=4)
    for done in range(1, 5):
        p(done, 4)
    clock.now = 75
    p.fin()
    text = out.getvalue()
    assert "Documents DOCX" in text and "4/4" in text
    assert text.rstrip().endswith("Terminé en 1 min 15 s.")


def test_generate_reports_progress_on_stderr_and_nothing_when_quiet(tmp_path):
    from pathlib import Path

    from click.testing import CliRunner

    from cspdocs.cli import main

    case = ROOT / "cases" / "individuel.yaml"
    result = CliRunner().invoke(main, ["generate", str(case), "-o", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    assert "Documents DOCX : 1/1 (100 %)" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("Terminé en ")
    assert "Terminé" not in result.stdout
    quiet = CliRunner().invoke(main, ["generate", str(case), "-o", str(tmp_path / "b"), "--quiet"])
    assert quiet.exit_code == 0
    assert "Documents DOCX" not in quiet.stderr and "Terminé" not in quiet.stderr


def test_global_quiet_silences_progress(tmp_path):
    from pathlib import Path

    from click.testing import CliRunner

    from cspdocs.cli import main

    case = ROOT / "cases" / "individuel.yaml"
    result = CliRunner().invoke(main, ["-q", "generate", str(case), "-o", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    assert "Documents DOCX" not in result.stderr and "Terminé" not in result.stderr
