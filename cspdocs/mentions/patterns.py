"""Wording patterns of the mention files, compiled to regular expressions over folded text.

Text is *folded* before matching (folding.py): lower case, no accents, apostrophes, quotes and
dashes as spaces, hyphens inside words removed, one space between words.

Pattern syntax (the same folding applies to the literal parts, so write natural French):

- plain words: matched case- and accent-insensitively; a space may be absent in the text
  (``vingt et un`` matches ``vingt-et-un``), punctuation ``. , ; : ! ?`` is optional;
- ``(a|b|c)`` one of the alternatives (nesting allowed; an empty one makes the group optional);
- ``mot*`` any word ending (``accept*`` matches ``acceptez``, ``acceptation``);
- ``~`` a gap of up to 40 characters, ``...`` up to 150, ``.....`` up to 600;
- ``{chemin}`` the value of a fact, in every French form (a date: ``mardi 24 mars 2026``,
  ``24 mars 2026``, ``24/03/2026``; an amount: ``5 700,00 €``, ``5 700 euros``; a text: the text);
  ``{date}`` / ``{montant}``: any date / amount (for extractions and forbidden wordings);
- ``\\x`` the character ``x`` literally.

No pattern can run code: the only outputs are regular expressions built from escaped literals.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable, Mapping, Optional

from ..render.xmltext import clean_text
from ..text import normalize_text
from .folding import fold, fold_raw
from .value_forms import DATE_ANY, MONEY_ANY, NUMBER_FACTS, date_regex, money_regex, number_regex

__all__ = ["GAPS", "MotifInvalide", "check_syntax", "compile_regex", "fold", "form_regex", "placeholders",
           "skeleton", "to_regex", "tokenize", "value_source"]  # fold: re-exported for commands/check.py

GAPS = {"~": 40, "...": 150, ".....": 600}

_SPACES = re.compile(r"\s+")
_NEVER = "(?!x)x"


class MotifInvalide(ValueError):
    """A pattern of a mention file is malformed."""


@lru_cache(maxsize=4096)
def _lit(text: str) -> str:
    """Regex for literal text (already or not yet folded): optional spaces and punctuation."""
    out: list[str] = []
    for ch in fold_raw(text):
        if ch.isspace():
            if not out or out[-1] != r"\s?":
                out.append(r"\s?")
        elif ch in ".,;:!?":
            out.append(r"[.,;:!?]?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


# --- pattern compiler ------------------------------------------------------------------------

_TOKEN = re.compile(r"\\(.)|(\.{5}|\.{3}|~)|(\{[a-z_][a-z0-9_.]*\})|([()|*])", re.DOTALL)

# value_regex(path) -> regex for the fact's current value, or None when unknown
ValueRegex = Callable[[str], Optional[str]]


def tokenize(pattern: str) -> list[tuple[str, str]]:
    """(kind, text) tokens: lit, gap, ph (placeholder), op (one of ( ) | *)."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    for m in _TOKEN.finditer(pattern):
        if m.start() > pos:
            tokens.append(("lit", pattern[pos:m.start()]))
        if m.group(1) is not None:
            tokens.append(("esc", m.group(1)))
        elif m.group(2):
            tokens.append(("gap", m.group(2)))
        elif m.group(3):
            tokens.append(("ph", m.group(3)[1:-1]))
        else:
            tokens.append(("op", m.group(4)))
        pos = m.end()
    if pos < len(pattern):
        tokens.append(("lit", pattern[pos:]))
    return tokens


def placeholders(pattern: str) -> list[str]:
    return list(_placeholders(pattern))


@lru_cache(maxsize=4096)
def _placeholders(pattern: str) -> tuple[str, ...]:
    return tuple(text for kind, text in tokenize(pattern) if kind == "ph")


def check_syntax(pattern: str) -> None:
    """Raise MotifInvalide when parentheses are unbalanced or the pattern is empty."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise MotifInvalide("motif vide")
    depth = 0
    for kind, text in tokenize(pattern):
        if kind == "op" and text == "(":
            depth += 1
        elif kind == "op" and text == ")":
            depth -= 1
            if depth < 0:
                raise MotifInvalide(f"parenthèse fermante sans ouvrante dans « {pattern} »")
        elif kind == "op" and text == "|" and depth == 0:
            raise MotifInvalide(f"« | » hors de parenthèses dans « {pattern} » : écrire (a|b)")
    if depth:
        raise MotifInvalide(f"parenthèse non fermée dans « {pattern} »")


@lru_cache(maxsize=4096)
def skeleton(pattern: str) -> tuple[tuple[str, str], ...]:
    """The pattern as (kind, text) pieces: ("re", regex source) or ("ph", placeholder path)."""
    out: list[tuple[str, str]] = []
    for kind, text in tokenize(pattern):
        if kind == "lit":
            piece = _lit(text)
        elif kind == "esc":
            piece = re.escape(fold_raw(text)) if text.strip() else r"\s"
        elif kind == "gap":
            piece = rf".{{0,{GAPS[text]}}}?"
        elif kind == "op":
            piece = {"(": "(?:", ")": ")", "|": "|", "*": r"\w*"}[text]
        else:
            out.append(("ph", text))
            continue
        if out and out[-1][0] == "re":
            out[-1] = ("re", out[-1][1] + piece)
        else:
            out.append(("re", piece))
    return tuple(out)


def to_regex(pattern: str, value_regex: ValueRegex, forms: Optional[Mapping[str, Any]] = None,
             generic_values: bool = False) -> tuple[str, tuple[str, ...], int]:
    """Regex source for ``pattern``.

    ``value_regex(path)`` gives the regex of a fact's value (None: unknown, never matches).
    ``generic_values``: date and amount facts match any date / amount (capture groups), to
    find a wording whose value is wrong.
    """
    out: list[str] = []
    used: list[str] = []
    generic = 0
    for kind, text in skeleton(pattern):
        if kind == "re":
            out.append(text)
        else:
            if text in ("date", "montant"):
                out.append("(?:" + (DATE_ANY if text == "date" else MONEY_ANY).format(n=generic) + ")")
                generic += 1
                continue
            used.append(text)
            source = value_regex(text)
            if generic_values and source is not None and source.startswith("(?#date)"):
                out.append("(?:" + DATE_ANY.format(n=generic) + ")")
                generic += 1
            elif generic_values and source is not None and source.startswith("(?#montant)"):
                out.append("(?:" + MONEY_ANY.format(n=generic) + ")")
                generic += 1
            else:
                out.append("(?:" + (source if source is not None else _NEVER) + ")")
    return "".join(out), tuple(used), generic


@lru_cache(maxsize=1024)
def compile_regex(source: str) -> "re.Pattern[str]":
    return re.compile(source, re.DOTALL)


def form_regex(patterns: list[str]) -> str:
    """Regex for a list of alternative wordings without placeholders (enumeration forms)."""
    parts = [to_regex(p, lambda _path: None)[0] for p in patterns]
    return "(?:" + "|".join(parts) + ")"


def value_source(path: str, value: Any, forms: Optional[Mapping[str, Mapping[str, list[str]]]] = None) -> Optional[str]:
    """Regex of one fact value, tagged (?#date)/(?#montant) for the relaxed matching."""
    if value is None:
        return None
    if forms and path in forms:
        wordings = forms[path].get(str(value))
        if wordings:
            return form_regex(list(wordings))
    try:
        return _value_source(path, type(value), value)
    except TypeError:  # an unhashable value: not cached
        return _value_source.__wrapped__(path, type(value), value)


@lru_cache(maxsize=2048)
def _value_source(path: str, kind: type, value: Any) -> Optional[str]:
    """value_source without enumeration forms, once per batch for each (path, value)."""
    if isinstance(value, date):
        return "(?#date)" + date_regex(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal) and path not in NUMBER_FACTS:
        return "(?#montant)" + money_regex(value)
    if isinstance(value, (int, Decimal, float)):
        return number_regex(value)
    # A value from the case (a name, the motive's facts) went through the renderer's clean_text and
    # reaches the checker through normalize_text, like the document: fold it the same way.
    return _lit(_text_value(str(value)))


def _text_value(text: str) -> str:
    return _SPACES.sub(" ", normalize_text(clean_text(text))).strip()


def value_literal(path: str, value: Any, forms: Optional[Mapping[str, Mapping[str, list[str]]]] = None) -> Optional[str]:
    """For a text fact (a name, the motive's facts), a text its regex (``value_source``) matches
    wherever it appears: the folded value, one space between words (``_lit`` makes each run of
    spaces an optional space, each punctuation mark optional); None for any other fact. A substring
    search for it tells the value is in a document without compiling a regex for each employee."""
    if value is None or isinstance(value, (date, bool, int, float, Decimal)):
        return None
    if forms and path in forms and forms[path].get(str(value)):
        return None
    return _text_literal(str(value))


@lru_cache(maxsize=4096)
def _text_literal(text: str) -> str:
    return " ".join(fold_raw(_text_value(text)).split())
