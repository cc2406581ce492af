"""Searching a folded text for the patterns of the mention files, with one employee's facts as the
values of their placeholders (``Matcher``), and the batch-wide caches that keep it fast."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from . import scan
from .display import display
from .facts import Faits
from .folding import fold_raw
from .model import GENERIC_PLACEHOLDERS, Catalogue
from .patterns import compile_regex, placeholders, to_regex, tokenize, value_literal, value_source

# Batch-wide caches (a process checks one batch at a time; neither changes any result):
# - compiled patterns, by pattern and the value regexes of its placeholders: an employee whose
#   facts have the same values as a previous one reuses its regexes (most patterns have no value);
# - for each pattern, where it matched last time (``_anchor``): in the next document the same
#   wording is usually there again, and ``Matcher.find`` tries there first.
_COMPILED: dict[tuple[str, bool, tuple[Optional[str], ...]], "re.Pattern[str]"] = {}
_MAX_COMPILED = 1024
_WITHOUT_VALUES: dict[str, "re.Pattern[str]"] = {}  # the patterns that name no fact, compiled
_HINTS: dict[str, tuple[tuple[str, int], ...]] = {}  # the last few, most recent first
_KEPT, _TRIES = 3, 3
# where to start looking for a pattern's first hint: a little before where it was found last (the
# employee's own texts shift the wording by a few lines at most); from the start when not there
_NEAR: dict[str, int] = {}
_NEAR_MARGIN = 400
_MIN_ANCHOR, _MAX_ANCHOR = 8, 32
_DIGITS = re.compile(r"\d")


def _anchor(text: str, m: "re.Match[str]") -> Optional[tuple[str, int]]:
    """(literal piece of ``text`` near the match, offset of the match from it), figures left out
    (they are the values, which differ between employees): the start of the matched wording, or
    else the words just before it (a value after its label)."""
    start, end = m.start(), min(m.end(), m.start() + _MAX_ANCHOR)
    digit = _DIGITS.search(text, start, end)
    own = text[start:digit.start() if digit else end]
    if len(own) >= _MIN_ANCHOR:
        return own, 0
    before = text[max(0, start - _MAX_ANCHOR):start]
    digits = [d.end() for d in _DIGITS.finditer(before)]
    before = before[digits[-1]:] if digits else before
    return (before, len(before)) if len(before) >= _MIN_ANCHOR else None


@lru_cache(maxsize=4096)
def required_word(pattern: str) -> str:
    """The longest run of letters every match of ``pattern`` contains verbatim ("" if none): a text
    without it cannot match, which a substring search tells faster than the regular expression."""
    depth, best = 0, ""
    for kind, text in tokenize(pattern):
        if kind == "op":
            depth += {"(": 1, ")": -1}.get(text, 0)
        elif kind == "lit" and depth == 0:
            for run in _RUN_BREAK.split(fold_raw(text)):
                if len(run) > len(best):
                    best = run
    return best if len(best) >= 3 else ""


_RUN_BREAK = re.compile(r"[\s.,;:!?]+")
_FILL = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")


class Matcher:
    """Compiles patterns for one employee's facts and searches a folded text."""

    def __init__(self, catalogue: Catalogue, faits: Faits):
        self.catalogue = catalogue
        self.faits = faits
        self._values: dict[str, Optional[str]] = {}
        self._literals: dict[str, Optional[str]] = {}
        self._regexes: dict[tuple[str, bool], "re.Pattern[str]"] = {}  # one employee's patterns

    def value_regex(self, path: str) -> Optional[str]:
        if path not in self._values:
            self._values[path] = value_source(path, self.faits.get(path), self.catalogue.formes)
        return self._values[path]

    def value_literal(self, path: str) -> Optional[str]:
        """patterns.value_literal of the fact (cached for the employee)."""
        try:
            return self._literals[path]
        except KeyError:
            found = self._literals[path] = value_literal(path, self.faits.get(path), self.catalogue.formes) or None
            return found

    def regex(self, pattern: str, generic_values: bool = False) -> "re.Pattern[str]":
        if not generic_values:
            found = _WITHOUT_VALUES.get(pattern)
            if found is not None:
                return found
            found = self._regex(pattern, False)
            if not _value_paths(pattern):  # no fact in it: the same regex for every employee
                if len(_WITHOUT_VALUES) >= _MAX_COMPILED:
                    _WITHOUT_VALUES.clear()
                _WITHOUT_VALUES[pattern] = found
            return found
        return self._regex(pattern, True)

    def _regex(self, pattern: str, generic_values: bool) -> "re.Pattern[str]":
        key = (pattern, generic_values)
        found = self._regexes.get(key)
        if found is None:
            values = tuple(map(self.value_regex, _value_paths(pattern)))
            shared = (pattern, generic_values, values)
            found = _COMPILED.get(shared)
            if found is None:
                source, _, _ = to_regex(pattern, self.value_regex, self.catalogue.formes, generic_values)
                if len(_COMPILED) >= _MAX_COMPILED:
                    _COMPILED.clear()
                found = _COMPILED[shared] = compile_regex(source)
            self._regexes[key] = found
        return found

    def search(self, pattern: str, text: str) -> Optional[re.Match]:
        """The first match of ``pattern`` in ``text``."""
        word = required_word(pattern)
        if word and word not in text:
            return None
        return scan.search(self.regex(pattern), text)

    def find(self, pattern: str, text: str, regex: Optional["re.Pattern[str]"] = None) -> Optional[re.Match]:
        """A match of ``pattern`` in ``text``, not necessarily the first: for presence tests
        (``regex``: the compiled pattern when it is not a mention file's pattern, e.g. a value).

        Tries first where the pattern matched in the previous documents (a few substring searches
        and anchored matches), then searches the whole text.
        """
        if regex is None:
            regex = self.regex(pattern)
            m = self._hinted(pattern, text, regex)
            if m:
                return m
            word = required_word(pattern)
            if word and word not in text:
                return None
            return self._scanned(pattern, text, regex)
        return self._hinted(pattern, text, regex) or self._scanned(pattern, text, regex)

    @staticmethod
    def _hinted(pattern: str, text: str, regex: "re.Pattern[str]") -> Optional[re.Match]:
        """A match where the pattern matched in the previous documents, if it is there again."""
        hints = _HINTS.get(pattern)
        if hints is None:
            return None
        anchor, offset = hints[0]  # the last place it matched: mostly there again, about as far in
        at = text.find(anchor, _NEAR.get(pattern, 0))
        if at < 0:
            at = text.find(anchor)
        if at >= 0:
            m = regex.match(text, at + offset)
            if m:
                return m
        for anchor, offset in hints:
            at = text.find(anchor)
            for _ in range(_TRIES):
                if at < 0:
                    break
                m = regex.match(text, at + offset)
                if m:
                    return m
                at = text.find(anchor, at + 1)
        return None

    @staticmethod
    def _scanned(pattern: str, text: str, regex: "re.Pattern[str]") -> Optional[re.Match]:
        """The first match in the whole text; where it is becomes the pattern's first hint."""
        m = scan.search(regex, text)
        if m:
            anchor = _anchor(text, m)
            if anchor:
                hints = _HINTS.get(pattern, ())
                _HINTS[pattern] = (anchor,) + tuple(h for h in hints if h != anchor)[:_KEPT - 1]
                _NEAR[pattern] = max(0, m.start() - anchor[1] - _NEAR_MARGIN)
        return m

    def finditer(self, pattern: str, text: str, generic_values: bool = False) -> Iterable[re.Match]:
        word = required_word(pattern)
        if word and word not in text:
            return iter(())
        return scan.finditer(self.regex(pattern, generic_values), text)

    def any(self, patterns: Sequence[str], text: str) -> Optional[re.Match]:
        """A match of one of ``patterns`` (for presence tests): where one of them matched in the
        previous documents first, then the first pattern found searching the whole text (a
        wording absent from this document is searched for in full only when no other one is
        where it was before)."""
        if len(patterns) == 1:
            return self.find(patterns[0], text)
        regexes: list = [None] * len(patterns)  # compiled as needed
        for i, p in enumerate(patterns):
            if p in _HINTS:  # a match found there is a match: no need to look for the required word first
                regexes[i] = regex = self.regex(p)
                m = self._hinted(p, text, regex)
                if m:
                    return m
        for i, p in enumerate(patterns):
            word = required_word(p)
            if word and word not in text:
                continue
            m = self._scanned(p, text, regexes[i] or self.regex(p))
            if m:
                return m
        return None

    def fill(self, text: str) -> str:
        """Replace {paths} in a French sentence by the employee's values (cached by the values: most
        employees share them, e.g. the case's dates)."""
        if "{" not in text:
            return text
        get = self.faits.get
        values = tuple(map(repr, map(get, _fill_paths(text))))
        key = (text, values)
        found = _FILLED.get(key)
        if found is None:
            def repl(m: re.Match) -> str:
                path = m.group(1)
                if path in GENERIC_PLACEHOLDERS:
                    return "…"
                return display(get(path), path)
            if len(_FILLED) >= _MAX_FILLED:
                _FILLED.clear()
            found = _FILLED[key] = _FILL.sub(repl, text)
        return found


# ``Matcher.fill``'s results, by sentence and the values of its placeholders (their ``repr``, which
# shows their type and text: ``display`` depends on nothing else but the path, which the sentence
# names); bounded.
_FILLED: dict[tuple[str, tuple], str] = {}
_MAX_FILLED = 4096


@lru_cache(maxsize=1024)
def _fill_paths(text: str) -> tuple[str, ...]:
    return tuple(_FILL.findall(text))


@lru_cache(maxsize=4096)
def _value_paths(pattern: str) -> tuple[str, ...]:
    """The facts ``pattern`` names, whose values its regex holds (not ``{date}``, ``{montant}``)."""
    return tuple(path for path in placeholders(pattern) if path not in GENERIC_PLACEHOLDERS)

