"""Searching a compiled pattern from the places its required words are (same matches, fewer tries).

Python's regular expressions look for a match at every position of the text, unless the pattern
starts with a literal (then they jump from one occurrence of it to the next). Many patterns of the
mention files start otherwise: an optional punctuation (``, le {date}`` is ``[.,;:!?]?\\s?le…``),
an alternative (``(☒|☑|…) ?j'accepte``). Such a pattern often still contains, within its first
items, a literal every match has at a bounded distance from its start (``accepte``, 2 to 7
characters in), or an alternative of such literals (``(remettez|retournez|…)``). ``search`` then tries the pattern only at the positions that distance allows
around each occurrence of that literal, in increasing order: the first position where it matches
is where ``regex.search`` would have found it, and the match is the same (``regex.match`` at that
position), since no match can start anywhere else. Past a budget of tries (the literal is
frequent in that text), it lets ``regex.search`` search the rest, from the first start not tried;
for any pattern it cannot read, it calls ``regex.search``.

When something follows that literal in the pattern (``, le {date}``: ``le`` then a date), the
positions to try come from the rest of the pattern instead: the pattern from that literal on,
compiled apart (``rest``), is searched with ``rest.search``, which re runs at the speed of its
leading literal; a match of the whole pattern has its literal where ``rest`` matches, so only the
few places where the literal is followed by the rest are tried, however common the literal is
(``le``, two letters, is then enough). The rest may not refer back to a group before it, and a
literal that starts the pattern has no rest (it would be the pattern itself).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

try:  # the parser and compiler of the standard library's regular expressions
    from re import _parser as _sre_parse  # Python >= 3.11
    from re import _constants as _sre_constants
    from re._compiler import compile as _compile
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    from sre_compile import compile as _compile  # type: ignore[no-redef]

_MIN_LITERAL = 3  # shorter literals are too frequent in a French text
_MIN_LITERAL_REST = 2  # unless the rest of the pattern follows them (see the module docstring)
_MAX_SPREAD = 12  # at most this many start positions tried per occurrence of the literal
_CHARS_PER_TRY = 50  # a try costs about what re spends on this many characters (at its fastest)
# (literals, least and greatest offset of them from a match's start, the rest or None)
Plan = tuple[tuple[str, ...], int, int, Optional["re.Pattern[str]"]]
_PLANS: dict["re.Pattern[str]", Optional[Plan]] = {}
_REFERENCES = tuple(getattr(_sre_constants, name) for name in ("GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE",
                    "GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE") if hasattr(_sre_constants, name))
_MAX_PLANS = 2048


def _literals(items: list, i: int) -> tuple[Optional[tuple[str, ...]], int]:
    """The literal texts item ``i`` starts (a run of literal characters, or an alternative whose
    every branch is one) and the index after them; (None, i + 1) for any other item."""
    op, av = items[i]
    if op is _sre_constants.LITERAL:
        j = i
        while j < len(items) and items[j][0] is _sre_constants.LITERAL:
            j += 1
        return ("".join(chr(a) for _, a in items[i:j]),), j
    if op is _sre_constants.BRANCH:
        texts = []
        for branch in av[1]:
            if not branch or any(o is not _sre_constants.LITERAL for o, _ in branch):
                return None, i + 1
            texts.append("".join(chr(a) for _, a in branch))
        return tuple(texts), i + 1
    return None, i + 1


def _plan_of(regex: "re.Pattern[str]") -> Optional[Plan]:
    """(literals, least and greatest offset of them from a match's start, rest), or None: among
    the pattern's first items, all of bounded width, the one whose literals are the longest."""
    if regex.flags & re.IGNORECASE or not isinstance(regex.pattern, str):
        return None
    try:
        parsed = _sre_parse.parse(regex.pattern, regex.flags)
        items = list(parsed)
        if not items or items[0][0] is _sre_constants.LITERAL:
            return None  # re already jumps between the occurrences of a leading literal
        best: Optional[tuple[tuple[str, ...], int, int, int, int]] = None
        low = high = i = 0
        while i < len(items):
            texts, j = _literals(items, i)
            shortest = min(map(len, texts)) if texts else 0
            least = _MIN_LITERAL if j == len(items) else _MIN_LITERAL_REST
            if (texts and shortest >= least and high - low < _MAX_SPREAD
                    and (best is None or shortest > min(map(len, best[0])))):
                best = (texts, low, high, i, j)
            lo, hi = _sre_parse.SubPattern(parsed.state, items[i:j]).getwidth()
            if hi >= _sre_constants.MAXREPEAT or high + hi - low - lo >= _MAX_SPREAD:
                break  # an unbounded or wide gap: no usable literal beyond
            low, high, i = low + lo, high + hi, j
        if best is None:
            return None
        texts, low, high, start, after = best
        rest = None  # from the first item on, the rest would be the pattern itself: no use
        if 0 < start and after < len(items) and not _refers_back(items):
            rest = _compile(_sre_parse.SubPattern(parsed.state, items[start:]), regex.flags)
        elif min(map(len, texts)) < _MIN_LITERAL:
            return None
        return texts, low, high, rest
    except Exception:  # a pattern this parser reads otherwise than re: no shortcut
        return None


def _refers_back(items) -> bool:
    """Whether ``items`` hold a reference to a group (the rest alone would not know the group)."""
    for op, av in items:
        if op in _REFERENCES:
            return True
        if op is _sre_constants.BRANCH:
            if any(_refers_back(b) for b in av[1]):
                return True
        elif op is _sre_constants.SUBPATTERN or op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT):
            if _refers_back(av[-1]):
                return True
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            if _refers_back(av[1]):
                return True
        elif isinstance(av, _sre_parse.SubPattern):
            if _refers_back(av):
                return True
        elif isinstance(av, (list, tuple)) and any(isinstance(x, _sre_parse.SubPattern) for x in av):
            return True  # an item this function does not know: as if it referred back
    return False


def _plan(regex: "re.Pattern[str]") -> Optional[Plan]:
    try:
        return _PLANS[regex]
    except KeyError:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _PLANS[regex] = _plan_of(regex)
        return plan


def _first(text: str, literals: tuple[str, ...], start: int) -> int:
    """The first occurrence of any of ``literals`` at or after ``start`` (-1: none)."""
    if len(literals) == 1:
        return text.find(literals[0], start)
    found = [at for at in (text.find(lit, start) for lit in literals) if at >= 0]
    return min(found) if found else -1


def search(regex: "re.Pattern[str]", text: str, pos: int = 0) -> Optional["re.Match[str]"]:
    """``regex.search(text, pos)``, the same match (see the module docstring)."""
    plan = _plan(regex)
    if plan is None:
        return regex.search(text, pos)
    literals, low, high, rest = plan
    match = regex.match
    nxt = pos  # the first start not tried yet
    if rest is not None:  # the places where the literal is followed by the rest of the pattern
        found = rest.search(text, pos + low)
        while found is not None:
            at = found.start()
            for start in range(max(nxt, at - high), at - low + 1):
                m = match(text, start)
                if m:
                    return m
            nxt = max(nxt, at - low + 1)
            found = rest.search(text, at + 1)
        return None
    # the tries cost about what re spends on _CHARS_PER_TRY characters each: past the budget (the
    # literal is frequent in this text), re searches the rest, from the first start not tried
    budget = (len(text) - pos) // _CHARS_PER_TRY if _CHARS_PER_TRY else len(text) + 1
    at = _first(text, literals, pos + low)
    while at >= 0:
        for start in range(max(nxt, at - high), at - low + 1):
            m = match(text, start)
            if m:
                return m
            budget -= 1
        nxt = max(nxt, at - low + 1)
        if budget < 0:
            return regex.search(text, nxt)
        at = _first(text, literals, at + 1)
    return None


def finditer(regex: "re.Pattern[str]", text: str) -> Iterator["re.Match[str]"]:
    """``regex.finditer(text)``, the same matches (a match of these patterns is never empty)."""
    if _plan(regex) is None:
        return regex.finditer(text)
    return _planned_finditer(regex, text)


def _planned_finditer(regex: "re.Pattern[str]", text: str) -> Iterator["re.Match[str]"]:
    pos = 0
    while pos <= len(text):
        m = search(regex, text, pos)
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1
