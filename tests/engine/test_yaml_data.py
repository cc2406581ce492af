"""cspdocs/rules/yaml_data.py: the shipped data files read with libyaml give exactly what the pure-Python
``yaml.safe_load`` gives, and an invalid file raises the pure-Python loader's error and message."""

from pathlib import Path

import pytest
import yaml

from cspdocs.rules import yaml_data

PACKAGE = Path(yaml_data.__file__).resolve().parents[1]
needs_libyaml = pytest.mark.skipif(yaml_data._CLoader is None, reason="PyYAML built without libyaml")


@needs_libyaml
@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.yaml")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_shipped_file_gives_the_same_data(path):
    text = path.read_text(encoding="utf-8")
    expected = yaml.safe_load(text)
    got = yaml_data.load_yaml(text)
    assert got == expected
    assert repr(got) == repr(expected)  # same types and key order, not only equal values


@pytest.mark.parametrize("text", ["a: [1, 2\nb: 3\n", "a:\n\t- b\n", "- a\n b: c\n"])
def test_an_invalid_file_raises_what_safe_load_raises(text):
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(text)
    with pytest.raises(yaml.YAMLError) as got:
        yaml_data.load_yaml(text)
    assert type(got.value) is type(expected.value)
    assert str(got.value) == str(expected.value)
