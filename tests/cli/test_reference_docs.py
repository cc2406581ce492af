"""docs/ is the reference generated from the package's data (make docs), and up to date."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cspdocs.cli import main
from cspdocs.reference import FICHIERS, GENERATORS
from tests.support.paths import ROOT

DOCS = ROOT / "docs"


@pytest.mark.parametrize("sujet", sorted(GENERATORS))
def test_docs_are_up_to_date(sujet):
    path = DOCS / FICHIERS[sujet]
    assert path.read_text(encoding="utf-8") == GENERATORS[sujet](), f"{path} est périmé : lancer « make docs »"


def test_format_reference_lists_every_key_with_its_example():
    text = GENERATORS["format"]()
    assert "| `date_entretien_prealable` | date (AAAA-MM-JJ) (ou null) | non | null |" in text
    assert "`Imprimerie Vaudrey`" in text or "`Cartonnerie de l'Ill`" in text
    for model in ("Employeur", "Procedure", "Salarie", "MotifEconomique"):
        assert f"## {model}" in text


def test_cli_reference_prints_the_same_text():
    result = CliRunner().invoke(main, ["reference", "regles"])
    assert result.exit_code == 0
    assert result.output == (DOCS / "regles.md").read_text(encoding="utf-8")


def test_readme_links_the_reference_and_never_shared():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme
    for name in FICHIERS.values():
        assert f"docs/{name}" in readme, name
