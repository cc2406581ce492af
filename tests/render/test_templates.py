"""The default templates: in sync with their text source, tags never split across runs, CLI."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from cspdocs.cli import main
from cspdocs.render.artefacts import TEMPLATE_NAMES
from cspdocs.render.modeles import default_templates_dir
from tests.support.render import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_committed_templates_match_their_source(tmp_path):
    """templates/*.docx are exactly what tools/build_templates.py builds (regenerate after a change)."""
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_templates.py"), str(tmp_path)],
                   check=True, capture_output=True)
    for name in TEMPLATE_NAMES:
        assert (tmp_path / name).read_bytes() == (ROOT / "templates" / name).read_bytes(), name


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_no_tag_is_split_across_runs(name):
    with zipfile.ZipFile(default_templates_dir() / name) as zf:
        for member in zf.namelist():
            if not member.endswith(".xml"):
                continue
            root = etree.fromstring(zf.read(member))
            for t in root.iter(W + "t"):
                text = t.text or ""
                stripped = TAG.sub("", text)
                assert not re.search(r"\{\{|\}\}|\{%|%\}", stripped), f"{name} {member}: {text!r}"
            for p in root.iter(W + "p"):
                runs = [t.text or "" for t in p.iter(W + "t")]
                joined = "".join(runs)
                for tag in TAG.findall(joined):
                    assert any(tag in r for r in runs), f"{name}: tag split across runs: {tag}"


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_paragraph_tags_stand_alone(name):
    """A {%p ... %} tag is the only text of its paragraph (docxtpl removes the paragraph)."""
    with zipfile.ZipFile(default_templates_dir() / name) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    for p in root.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        if "{%p" in text:
            assert re.fullmatch(r"\{%p [^%]*%\}", text), text


def test_templates_use_liberation_fonts_and_a4():
    with zipfile.ZipFile(default_templates_dir() / "lettre.docx") as zf:
        styles = zf.read("word/styles.xml").decode()
        document = zf.read("word/document.xml").decode()
    assert "Liberation Serif" in styles and "Liberation Sans" in styles
    assert "Calibri" not in styles and "asciiTheme" not in styles
    assert 'w:w="11906"' in document and 'w:h="16838"' in document  # A4 in twentieths of a point


def test_export_copies_the_defaults(tmp_path):
    result = run("templates", "export", str(tmp_path / "mes-modeles"))
    assert result.exit_code == 0
    for name in TEMPLATE_NAMES:
        assert (tmp_path / "mes-modeles" / name).read_bytes() == (default_templates_dir() / name).read_bytes()
    again = CliRunner().invoke(main, ["templates", "export", str(tmp_path / "mes-modeles")])
    assert again.exit_code == 1 and "--force" in again.output
    assert run("templates", "export", str(tmp_path / "mes-modeles"), "--force").exit_code == 0


def test_show_prints_text_with_tags_headers_footers_and_properties():
    result = run("templates", "show", "lettre")
    assert result.exit_code == 0
    out = result.output
    assert "=== docProps/core.xml (core)" in out
    assert "=== word/document.xml (document)" in out
    assert "(header)" in out and "(footer)" in out
    assert '{%p if lettre.variante == "conservatoire" %}' in out
    assert "Page «PAGE» / «NUMPAGES»" in out
    assert "title : Lettre recommandée avec demande d'avis de réception – {{ salarie.nom_complet }}" in out


def test_show_accepts_a_path_and_rejects_unknown_names(tmp_path):
    path = default_templates_dir() / "motif.docx"
    assert run("templates", "show", str(path)).output == run("templates", "show", "motif.docx").output
    result = CliRunner().invoke(main, ["templates", "show", "inconnu"])
    assert result.exit_code == 2 and "modèle introuvable" in result.output
