"""The libyaml fast path of cspdocs/case/yaml_source.py reads what the Python loader reads, and
every error still comes from the Python loader (same French message, same line)."""

from pathlib import Path

import pytest
import yaml

from cspdocs.case import yaml_source as ys
from cspdocs.limits import MAX_NESTING

ROOT = Path(__file__).resolve().parents[2]
needs_libyaml = pytest.mark.skipif(ys._CLoader is None, reason="PyYAML built without libyaml")


def _python_only(monkeypatch):
    monkeypatch.setattr(ys, "_CLoader", None)


def _read(text):
    try:
        doc = ys.read_yaml(text)
    except ys.YamlSyntaxError as e:
        return ("erreur", e.line, e.message)
    return (doc.data, doc.lines, [(p.loc, p.line, p.message) for p in doc.problems])


@needs_libyaml
@pytest.mark.parametrize("case", sorted((ROOT / "cases").glob("*.yaml")), ids=lambda p: p.name)
def test_the_example_cases_give_the_same_data_and_lines(case, monkeypatch):
    text = case.read_text(encoding="utf-8")
    fast = _read(text)
    _python_only(monkeypatch)
    assert fast == _read(text)
    assert fast[1][("salaries", 0, "matricule")] > 1


@needs_libyaml
def test_a_valid_text_is_composed_by_libyaml(monkeypatch):
    monkeypatch.setattr(ys, "_BoundedLoader", None)  # the Python loader would fail if used
    doc = ys.read_yaml("a: 1\nb:\n  - {c: x}\n")
    assert doc.data == {"a": 1, "b": [{"c": "x"}]} and doc.lines[("b", 0, "c")] == 3


BAD = [
    "a: 1\nb: [1, 2\n",  # flow list not closed
    "a: 1\n  b: 2\n",  # indentation
    "a: *nulle\n",  # undefined alias
    "a: 1\n---\nb: 2\n",  # two documents
    "a:\tb\n",  # a tab: always the Python loader
    "a: 1\n\ufeffb: 2\n",  # a BOM inside the text
    "a: \x01\n",  # control character
    "",  # empty
]


@needs_libyaml
@pytest.mark.parametrize("text", BAD)
def test_errors_are_the_python_loader_s(text, monkeypatch):
    fast = _read(text)
    _python_only(monkeypatch)
    assert fast == _read(text)


@needs_libyaml
@pytest.mark.parametrize("text", [
    # a mapping at the deepest level allowed: its key is one level too deep (line of the key)
    "".join("  " * i + f"k{i}:\n" for i in range(MAX_NESTING)) + "  " * MAX_NESTING + "v\n",
    "".join("  " * i + f"k{i}:\n" for i in range(MAX_NESTING - 1)) + "  " * (MAX_NESTING - 1) + "k: v\n",
    # a reference (*ancre) too deep, to a shallow anchor
    "a: &a [1]\nb: " + "[" * (MAX_NESTING - 1) + "*a" + "]" * (MAX_NESTING - 1) + "\n",
    "x: " + "[" * 5000 + "]" * 5000 + "\n",  # deeper than libyaml's own limit
])
def test_too_deep_is_said_like_the_python_loader(text, monkeypatch):
    fast = _read(text)
    _python_only(monkeypatch)
    slow = _read(text)
    assert fast == slow
    assert slow[0] == "erreur" and slow[2].startswith("imbrication trop profonde")


@needs_libyaml
def test_the_deepest_nesting_allowed_is_read_by_libyaml(monkeypatch):
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_NESTING - 1)) + "  " * (MAX_NESTING - 1) + "v\n"
    fast = _read(text)
    monkeypatch.setattr(ys, "_BoundedLoader", None)
    assert _read(text) == fast and fast[0] != "erreur"
    _python_only(monkeypatch)
    monkeypatch.setattr(ys, "_BoundedLoader", type("L", (yaml.SafeLoader,), {}))
    assert _read(text) == fast
