"""scan.py searches a pattern only around the occurrences of a literal every match contains: the
matches must be exactly those of ``re`` (``search`` at any position, ``finditer``), for every
pattern of the mention files, on the documents' texts and on texts made to trip it (the literal
repeated, cut, glued to the neighbouring words)."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cspdocs.generate import render_employee
from cspdocs.mentions import scan
from cspdocs.mentions.folded_text import TexteCompare
from cspdocs.mentions.loading import default_catalogue
from cspdocs.mentions.patterns import compile_regex, to_regex
from cspdocs.pipeline import load_case
from cspdocs.render.modeles import load_templates
from tests.support.render import CASES

_FIELDS = {"motifs", "et", "motif", "debut"}


def _patterns(obj, into: set, named: bool = False) -> set:
    if isinstance(obj, str):
        if named:
            into.add(obj)
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            _patterns(getattr(obj, f.name), into, named or f.name in _FIELDS)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            _patterns(value, into, named or key in _FIELDS or key == "variantes")
    elif isinstance(obj, (list, tuple)):
        for value in obj:
            _patterns(value, into, named)
    return into


CATALOGUE = default_catalogue()
PATTERNS = sorted(_patterns(CATALOGUE.artefacts, set()) | _patterns(CATALOGUE.controles, set()))
REGEXES = [compile_regex(to_regex(p, lambda _path: None, CATALOGUE.formes, True)[0]) for p in PATTERNS]
PLANNED = [(p, r) for p, r in zip(PATTERNS, REGEXES) if scan._plan(r) is not None]


def _texts() -> list[str]:
    charge, resultat = load_case(CASES / "collectif-alsace.yaml")
    modeles, out = load_templates(), []
    for rs in resultat.employees[:2]:
        textes: list = []
        render_employee(resultat, rs, modeles, textes)
        out += [TexteCompare.de(t).texte for _, t, _ in textes]
    return out


TEXTS = _texts()


class _always_shortcut:
    """The shortcut taken however frequent the literal (its cost rule set aside): what is tested."""

    def __enter__(self):
        self.kept, scan._CHARS_PER_TRY = scan._CHARS_PER_TRY, 0

    def __exit__(self, *exc):
        scan._CHARS_PER_TRY = self.kept


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span()
                                         and a.groupdict() == b.groupdict())


def test_the_shortcut_applies_to_patterns_of_the_mention_files():
    assert len(PLANNED) >= 10, len(PLANNED)
    # the longest literal; nothing after it: no rest
    assert scan._plan(re.compile(r"[,;]?\s?le (\d\d?) mars")) == ((" mars",), 4, 7, None)
    literals, low, high, rest = scan._plan(re.compile(r"[,;]?\s?le (\d+) mars"))  # none after an unbounded item
    assert (literals, low, high) == (("le ",), 0, 2) and rest.match("le 12 mars") and not rest.match("le mars")
    assert scan._plan(re.compile(r"(?:remettez|adressez) ?\d"))[:3] == (("remettez", "adressez"), 0, 0)
    assert scan._plan(re.compile(r"[,;]?\s?le ?(\d+) mars"))[0] == ("le",)  # two letters: the rest follows them
    assert scan._plan(re.compile(r"[,;]?\s?le")) is None  # two letters and nothing after: too frequent
    assert scan._plan(re.compile(r"(a|b)(x) ?le ?\2")) is None  # the rest would refer back to a group
    assert scan._plan(re.compile(r"abc.*def")) is None  # a leading literal: re's own shortcut
    assert scan._plan(re.compile(r"(a|b).*defgh")) is None  # an unbounded gap before the literal
    assert scan._plan(re.compile(r"(a|b)defgh", re.IGNORECASE)) is None


def test_same_matches_as_re_on_the_documents():
    with _always_shortcut():
        _compare_on_documents()
    _compare_on_documents()  # with the cost rule


def _compare_on_documents():
    for pattern, regex in PLANNED:
        for text in TEXTS:
            assert [m.span() for m in scan.finditer(regex, text)] == [m.span() for m in regex.finditer(text)], pattern
            for pos in range(0, len(text), max(1, len(text) // 7)):
                assert _same(scan.search(regex, text, pos), regex.search(text, pos)), (pattern, pos)


@st.composite
def tricky(draw):
    pattern, regex = draw(st.sampled_from(PLANNED))
    literal = draw(st.sampled_from(scan._plan(regex)[0]))
    base = draw(st.sampled_from(TEXTS))
    start = draw(st.integers(0, max(0, len(base) - 400)))
    pieces = [base[start:start + draw(st.integers(0, 400))]]
    matchable = "(?!x)x" not in regex.pattern  # a placeholder without a value never matches
    for _ in range(draw(st.integers(1, 8))):  # matches of every width, the literal cut or whole, glued anywhere
        cut = draw(st.integers(0, len(literal)))
        piece = draw(st.sampled_from([literal, literal[:cut], literal[cut:], " " + literal, literal * 2, ", le ", "1er "]))
        if matchable and draw(st.booleans()):
            piece = draw(st.from_regex(regex, fullmatch=True))
        at = draw(st.integers(0, len(pieces[0])))
        pieces[0] = pieces[0][:at] + piece + pieces[0][at:]
    return regex, pieces[0], draw(st.integers(0, len(pieces[0])))


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(tricky())
def test_same_matches_as_re_on_tricky_texts(case):
    regex, text, pos = case
    with _always_shortcut():
        assert [m.span() for m in scan.finditer(regex, text)] == [m.span() for m in regex.finditer(text)]
        assert _same(scan.search(regex, text, pos), regex.search(text, pos))
    assert [m.span() for m in scan.finditer(regex, text)] == [m.span() for m in regex.finditer(text)]
    assert _same(scan.search(regex, text, pos), regex.search(text, pos))
