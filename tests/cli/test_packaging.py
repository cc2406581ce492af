"""The explicit package list of pyproject.toml covers every package of the tree (wheel completeness)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from tests.support.paths import ROOT



def test_every_package_is_listed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "cspdocs").rglob("__init__.py")
    }
    assert on_disk <= listed, f"paquets absents de pyproject.toml : {sorted(on_disk - listed)}"
    assert config["package-dir"]["cspdocs.default_templates"] == "templates"
    assert sorted(p.name for p in (ROOT / "templates").glob("*.docx")) == [
        "confirmation.docx", "information.docx", "lettre.docx", "motif.docx", "nouvelle_echeance.docx", "recepisse.docx"]
