"""Checking one artefact's text against its mention file and the engine's facts.

    results = check_artefact("lettre", text, resultat_dossier, resultat_salarie)

``text`` is a document text (raw or normalised), a ``Texte`` from extract.py, or a
``TexteCompare``. Each applicable mention gives one ``Resultat`` (present, missing, not
conforming), plus one per forbidden wording found. Nothing here knows any mention: everything
comes from the mention files (model.py).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from ..engine.facts import CaseResult, EmployeeResult
from .extract import Texte
from .facts import Faits
from .model import (
    CONSTRAINT_OPS,
    GENERIC_PLACEHOLDERS,
    MentionFile,
    Catalogue,
    Mention,
    Reconnaissance,
    default_catalogue,
)
from .patterns import (
    compile_regex,
    display,
    fold,
    fold_raw,
    parse_date,
    parse_money,
    placeholders,
    to_regex,
    tokenize,
    value_source,
)

PRESENTE = "presente"
ABSENTE = "absente"
INTERDITE = "interdite_presente"
NON_CONFORME = "non_conforme"
STATUTS = {
    PRESENTE: "présente",
    ABSENTE: "absente",
    INTERDITE: "présente alors qu'elle est interdite",
    NON_CONFORME: "non conforme",
}


@dataclass(frozen=True)
class Resultat:
    """The outcome of one mention (or one cross-artefact check) for one document."""

    artefact: str
    mention: str  # mention id as numbered in mentions.md, or a cross-check id
    libelle: str
    niveau: str  # "obligatoire" | "recommandee"
    source: str
    statut: str  # PRESENTE | ABSENTE | INTERDITE | NON_CONFORME
    attendu: str  # French: what was expected, with the employee's values
    detail: str = ""  # French: what was found, or why it fails
    employe: str = ""  # matricule
    passages: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)

    @property
    def echec(self) -> bool:
        return self.statut != PRESENTE

    @property
    def bloquant(self) -> bool:
        return self.echec and self.niveau == "obligatoire"

    def to_json(self) -> dict[str, Any]:
        data = {
            "id": self.mention,
            "libelle": self.libelle,
            "niveau": self.niveau,
            "source": self.source,
            "statut": self.statut,
            "attendu": self.attendu,
        }
        if self.detail:
            data["detail"] = self.detail
        return data


class TexteCompare:
    """Folded text of a document (paragraphs folded one by one, joined by a space).

    Keeps each paragraph's offset so that a match can be traced back to its paragraphs.
    """

    def __init__(self, paragraphes: Sequence[str]):
        folded = [fold(p) for p in paragraphes]
        self.paragraphes = tuple(p for p in folded)
        starts, pos = [], 0
        for p in self.paragraphes:
            starts.append(pos)
            pos += len(p) + 1
        self.debuts = starts
        self.texte = " ".join(self.paragraphes)

    @classmethod
    def de(cls, text: Union[str, Texte, "TexteCompare"]) -> "TexteCompare":
        if isinstance(text, TexteCompare):
            return text
        if isinstance(text, Texte):
            return cls(text.paragraphes)
        return cls(str(text).split("\n"))

    def paragraphes_de(self, span: tuple[int, int]) -> list[int]:
        """Indices of the paragraphs a span of ``texte`` covers."""
        first = bisect.bisect_right(self.debuts, span[0]) - 1
        last = bisect.bisect_right(self.debuts, max(span[0], span[1] - 1)) - 1
        return list(range(max(first, 0), max(last, 0) + 1))

    def extrait(self, span: tuple[int, int], marge: int = 30) -> str:
        start, end = max(0, span[0] - marge), min(len(self.texte), span[1] + marge)
        return ("…" if start else "") + self.texte[start:end].strip() + ("…" if end < len(self.texte) else "")


# --- matching helpers ------------------------------------------------------------------------


# Batch-wide caches (a process checks one batch at a time; neither changes any result):
# - compiled patterns, by pattern and the value regexes of its placeholders: an employee whose
#   facts have the same values as a previous one reuses its regexes (most patterns have no value);
# - for each pattern, where it matched last time (``_anchor``): in the next document the same
#   wording is usually there again, and ``Matcher.find`` tries there first.
_COMPILED: dict[tuple[str, bool, tuple[Optional[str], ...]], "re.Pattern[str]"] = {}
_MAX_COMPILED = 1024
_HINTS: dict[str, tuple[tuple[str, int], ...]] = {}  # the last few, most recent first
_KEPT, _TRIES = 3, 3
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
        self._regexes: dict[tuple[str, bool], "re.Pattern[str]"] = {}  # one employee's patterns

    def value_regex(self, path: str) -> Optional[str]:
        if path not in self._values:
            self._values[path] = value_source(path, self.faits.get(path), self.catalogue.formes)
        return self._values[path]

    def regex(self, pattern: str, generic_values: bool = False) -> "re.Pattern[str]":
        key = (pattern, generic_values)
        found = self._regexes.get(key)
        if found is None:
            values = tuple(self.value_regex(path) for path in placeholders(pattern)
                           if path not in GENERIC_PLACEHOLDERS)
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
        return self.regex(pattern).search(text)

    def find(self, pattern: str, text: str, regex: Optional["re.Pattern[str]"] = None) -> Optional[re.Match]:
        """A match of ``pattern`` in ``text``, not necessarily the first: for presence tests
        (``regex``: the compiled pattern when it is not a mention file's pattern, e.g. a value).

        Tries first where the pattern matched in the previous documents (a few substring searches
        and anchored matches), then searches the whole text.
        """
        if regex is None:
            word = required_word(pattern)
            if word and word not in text:
                return None
            regex = self.regex(pattern)
        hints = _HINTS.get(pattern, ())
        for anchor, offset in hints:
            at = text.find(anchor)
            for _ in range(_TRIES):
                if at < 0:
                    break
                m = regex.match(text, at + offset)
                if m:
                    return m
                at = text.find(anchor, at + 1)
        m = regex.search(text)
        if m:
            anchor = _anchor(text, m)
            if anchor:
                _HINTS[pattern] = (anchor,) + tuple(h for h in hints if h != anchor)[:_KEPT - 1]
        return m

    def finditer(self, pattern: str, text: str, generic_values: bool = False) -> Iterable[re.Match]:
        word = required_word(pattern)
        if word and word not in text:
            return iter(())
        return self.regex(pattern, generic_values).finditer(text)

    def any(self, patterns: Sequence[str], text: str) -> Optional[re.Match]:
        """A match of the first pattern that matches (``find``: for presence tests)."""
        for p in patterns:
            m = self.find(p, text)
            if m:
                return m
        return None

    def fill(self, text: str) -> str:
        """Replace {paths} in a French sentence by the employee's values."""
        if "{" not in text:
            return text

        def repl(m: re.Match) -> str:
            path = m.group(1)
            if path in GENERIC_PLACEHOLDERS:
                return "…"
            return display(self.faits.get(path), path)
        return _FILL.sub(repl, text)


def _dates_in(m: re.Match, count: int) -> list[date]:
    groups = m.groupdict()
    out = []
    for n in range(count):
        d = parse_date(groups, n)
        if d:
            out.append(d)
    return out


def _generic_count(pattern: str) -> int:
    return sum(1 for kind, text in tokenize(pattern) if kind == "ph" and text in GENERIC_PLACEHOLDERS)


def _value_kind(path: str, value: Any) -> str:
    return "date" if isinstance(value, date) else "autre"


# --- one artefact ----------------------------------------------------------------------------


def _region(art: MentionFile, mention: Mention, matcher: Matcher, text: TexteCompare) -> tuple[Optional[str], int, str]:
    """(searched text, its offset in the whole text, detail when the section is missing)."""
    if not mention.dans:
        return text.texte, 0, ""
    section = art.sections[mention.dans]
    best = None
    for pattern in section.debut:
        m = matcher.search(pattern, text.texte)
        if m and (best is None or m.start() < best):
            best = m.start()
    if best is None:
        return None, 0, f"partie « {mention.dans} » du document introuvable"
    return text.texte[best:best + section.longueur], best, ""


def _check_reco(reco: Reconnaissance, matcher: Matcher, region: str, offset: int) -> tuple[bool, str, list[tuple[int, int]]]:
    """(recognised, French detail when not, spans found)."""
    spans: list[tuple[int, int]] = []
    if reco.motifs:
        m = matcher.any(reco.motifs, region)
        if not m:
            return False, "formulation introuvable", spans
        spans.append((m.start() + offset, m.end() + offset))
    for group in reco.et:
        m = matcher.any(group, region)
        if not m:
            return False, "formulation introuvable (un élément attendu manque)", spans
        spans.append((m.start() + offset, m.end() + offset))
    for path, only_if_known in reco.valeurs:
        value = matcher.faits.get(path)
        if value is None:
            if only_if_known:
                continue
            return False, f"valeur inconnue du moteur ({path}) : la mention ne peut pas être vérifiée", spans
        source = matcher.value_regex(path)
        m = matcher.find("{" + path + "}", region, compile_regex(source)) if source else None
        if not m:
            return False, f"valeur « {display(value, path)} » ({path}) introuvable", spans
        spans.append((m.start() + offset, m.end() + offset))
    return True, "", spans


def _constraint_detail(mention: Mention, matcher: Matcher) -> str:
    for c in mention.contraintes:
        value, ref = matcher.faits.get(c.fait), matcher.faits.get(c.reference)
        if not isinstance(value, date) or not isinstance(ref, date):
            continue
        days = matcher.faits.get(c.jours) if isinstance(c.jours, str) else c.jours
        if not isinstance(days, int):
            continue
        bound = ref + timedelta(days=days)
        ok = {
            "apres": value > bound,
            "apres_ou_egal": value >= bound,
            "avant": value < bound,
            "avant_ou_egal": value <= bound,
        }[c.operateur]
        if not ok:
            extra = f" + {days} jours" if days else ""
            return (
                f"{c.fait} = {display(value)} : date qui devrait être {CONSTRAINT_OPS[c.operateur]} "
                f"{display(bound)} ({c.reference}{extra})"
            )
    return ""


def _displayed_values_detail(mention: Mention, matcher: Matcher, region: str) -> str:
    for v in mention.valeurs_affichees:
        expected = matcher.faits.get(v.fait)
        if expected is None:
            continue
        for m in matcher.finditer(v.motif, region):
            groups = m.groupdict()
            if "date" in placeholders(v.motif):
                found = parse_date(groups, 0)
                ok = found is None or found == expected
                shown = display(found) if found else m.group(0)
            else:
                raw = groups.get("e0")
                found = parse_money(raw) if raw else None
                ok = found is None or found == expected
                shown = display(found, v.fait) if found is not None else m.group(0)
            if not ok:
                return (
                    f"valeur affichée « {shown} » au lieu de « {display(expected, v.fait)} » ({v.fait}) "
                    f"dans « {m.group(0)} »"
                )
    return ""


def check_mention(art: MentionFile, mention: Mention, text: TexteCompare, matcher: Matcher,
                  employe: str = "") -> list[Resultat]:
    faits = matcher.faits
    out: list[Resultat] = []
    common = dict(artefact=art.id, mention=mention.id, libelle=mention.libelle, niveau=mention.niveau,
                  source=mention.source, employe=employe)
    if mention.positive and faits.holds(mention.condition):
        case = next((c for c in mention.cas if faits.holds(c.condition)), None) if mention.cas else None
        attendu = matcher.fill(mention.attendu if case is None or not case.attendu else case.attendu)
        region, offset, missing = _region(art, mention, matcher, text)
        statut, detail, spans = PRESENTE, "", []
        if region is None:
            statut, detail = ABSENTE, missing
        else:
            ok, detail, spans = _check_reco(mention.reconnaissance, matcher, region, offset)
            if ok and case is not None:
                ok, detail, more = _check_reco(case.reconnaissance, matcher, region, offset)
                spans += more
            if not ok:
                # a wording showing another value than the engine's is the likelier cause
                wrong = _displayed_values_detail(mention, matcher, region) if mention.valeurs_affichees else ""
                statut, detail = (NON_CONFORME, f"{detail} ; {wrong}") if wrong else (ABSENTE, detail)
            else:
                detail = ((mention.contraintes and _constraint_detail(mention, matcher))
                          or (mention.valeurs_affichees and _displayed_values_detail(mention, matcher, region)) or "")
                if detail:
                    statut = NON_CONFORME
        out.append(Resultat(statut=statut, attendu=attendu, detail=detail, passages=tuple(spans), **common))
    forbidden = mention.interdite
    if forbidden is not None and faits.holds(forbidden.condition):
        for pattern in forbidden.motifs:
            m = matcher.search(pattern, text.texte)
            if m:
                out.append(Resultat(
                    statut=INTERDITE, attendu=matcher.fill(forbidden.attendu),
                    detail=f"formulation interdite trouvée : « {text.extrait((m.start(), m.end()), 0)} »",
                    passages=((m.start(), m.end()),), **common))
                break
    return out


def artefact_applicable(artefact: str, resultat_dossier: CaseResult, resultat_salarie: EmployeeResult,
                        catalogue: Optional[Catalogue] = None) -> bool:
    catalogue = catalogue or default_catalogue()
    return Faits(resultat_dossier, resultat_salarie).holds(catalogue.artefact(artefact).applicable)


def check_artefact(artefact: str, text: Union[str, Texte, TexteCompare], resultat_dossier: CaseResult,
                   resultat_salarie: EmployeeResult, catalogue: Optional[Catalogue] = None,
                   matcher: Optional[Matcher] = None) -> list[Resultat]:
    """The mentions of ``artefact`` checked in ``text`` for one employee.

    Returns one Resultat per applicable mention (and per forbidden wording found); an empty list
    when the artefact does not apply to this employee (e.g. no récépissé for a handover by LRAR).
    """
    catalogue = catalogue or default_catalogue()
    art = catalogue.artefact(artefact)
    # One matcher per employee (``matcher``) compiles each of its patterns once for all its documents.
    faits = matcher.faits if matcher is not None else Faits(resultat_dossier, resultat_salarie)
    if not faits.holds(art.applicable):
        return []
    matcher = matcher or Matcher(catalogue, faits)
    folded = TexteCompare.de(text)
    employe = resultat_salarie.salarie.matricule
    results: list[Resultat] = []
    for mention in art.mentions:
        results.extend(check_mention(art, mention, folded, matcher, employe))
    return results


# --- recognition and extraction ------------------------------------------------------------------


def recognise_artefact(text: Union[str, Texte, TexteCompare], catalogue: Optional[Catalogue] = None,
                       titre: str = "") -> Optional[str]:
    """The artefact whose title wording appears first in the text (document title first), or None."""
    catalogue = catalogue or default_catalogue()
    folded = TexteCompare.de(text).texte
    for candidate in (fold(titre), folded):
        if not candidate:
            continue
        best: Optional[tuple[int, str]] = None
        for name, art in catalogue.artefacts.items():
            for pattern in art.reconnaissance:
                m = compile_regex(to_regex(pattern, lambda _p: None)[0]).search(candidate)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), name)
        if best:
            return best[1]
    return None


def extract_dates(artefact: str, name: str, text: TexteCompare, matcher: Matcher) -> list[tuple[date, tuple[int, int]]]:
    """Dates read by the extraction ``name`` of ``artefact`` (with their spans)."""
    art = matcher.catalogue.artefact(artefact)
    extraction = art.extractions.get(name)
    if extraction is None:
        return []
    found: list[tuple[date, tuple[int, int]]] = []
    for pattern in extraction.motifs:
        for m in matcher.finditer(pattern, text.texte):
            for d in _dates_in(m, 1):
                found.append((d, (m.start(), m.end())))
            if extraction.mode == "premiere":
                break
    found.sort(key=lambda item: item[1][0])
    if extraction.mode == "premiere":
        return found[:1]
    return found


def detect_variant(text: TexteCompare, matcher: Matcher) -> Optional[str]:
    art = matcher.catalogue.artefact("lettre")
    for variant, patterns in art.variantes.items():
        if matcher.any(patterns, text.texte):
            return variant
    return None
