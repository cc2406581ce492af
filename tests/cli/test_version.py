"""Versions a CI can pin (issue 13 item 4): one version, its CHANGELOG entry, the rules' validity,
fingerprints of the mention rules and the engine in every manifest, a CI snippet without ellipsis."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

from cspdocs import __version__
from cspdocs.cli import main
from cspdocs.version import manifest_fingerprints, rules_validity, version_text
from tests.support.paths import ROOT



def test_version_has_one_source_and_a_changelog_entry():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" in project["dynamic"] and "version" not in project
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    assert f"\n## {__version__}\n" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_rules_validity_is_read_from_the_dated_parameters():
    first, last, text = rules_validity()
    assert first.isoformat() == "2011-09-01" and last.isoformat() >= "2026-12-31"
    assert last.strftime("%d/%m/%Y") in version_text() and text in version_text()


def test_fingerprints_cover_mention_rules_and_engine():
    data = manifest_fingerprints()
    assert {m["fichier"] for m in data["regles_mentions"]} >= {"information.yaml", "lettre.yaml", "controles.yaml"}
    assert len(data["moteur"]["sha256"]) == 64 and data["moteur"]["fichiers"] > 3
    assert manifest_fingerprints() == data  # stable


def test_manifest_records_them(tmp_path):
    result = CliRunner().invoke(main, ["-q", "generate", "cases/individuel.yaml", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    manifest = json.loads(next(tmp_path.rglob("manifest.json")).read_text(encoding="utf-8"))
    text = json.dumps(manifest, ensure_ascii=False)
    fingerprints = manifest_fingerprints()
    assert fingerprints["moteur"]["sha256"] in text
    assert all(m["sha256"] in text for m in fingerprints["regles_mentions"])
    assert __version__ in text


def test_readme_ci_snippets_work_as_written():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Contrôler les mentions obligatoires"):readme.index("## Référence")]
    blocks = re.findall(r"```yaml\n(.*?)```", section, re.S)
    assert len(blocks) >= 3
    for block in blocks:
        assert "…" not in block and "..." not in block, block
    commands = re.findall(r"- (cspdocs [^\n]+)", section) + re.findall(r"run: (cspdocs [^\n]+)", section)
    assert commands
    for line in commands:
        args = line.split()[1:]
        # every option the snippets use exists (the folder itself is the firm's)
        for option in (a for a in args if a.startswith("--")):
            help_text = CliRunner().invoke(main, [args[0], "--help"] if args[0] != "--version" else ["--help"]).output
            assert option in help_text, (line, option)
