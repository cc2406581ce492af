"""Helpers for the mention tests (no tests here): render a default artefact for a scenario, blank
the paragraphs that carry a mention in a rendered DOCX, edit a copy of a template."""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional

from lxml import etree

from cspdocs.mentions.checker import Matcher, TexteCompare, artefact_applicable, check_artefact, check_mention
from cspdocs.mentions.docx_xml import FALLBACK, PARAGRAPH, TEXT_RUN, collect_text, inside_fallback
from cspdocs.mentions.extract import docx_parts, docx_text
from cspdocs.mentions.facts import Faits
from cspdocs.mentions.loading import default_catalogue
from cspdocs.mentions.scenarios import ComputedScenario, computed_scenarios
from cspdocs.render.artefacts import ARTEFACTS, document_date
from cspdocs.render.context import build_context
from cspdocs.render.renderer import CompiledTemplate
from tests.support.paths import ROOT

TEMPLATES = ROOT / "templates"
CASES = ROOT / "cases"
EXAMPLE_CASES = sorted(CASES.glob("*.yaml")) + [CASES / "csv" / "collectif-csv.yaml"]
BY_CLE = {a.cle: a for a in ARTEFACTS}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@lru_cache(maxsize=None)
def template(path: str) -> CompiledTemplate:
    return CompiledTemplate.charger(path)


def render(artefact: str, sc: ComputedScenario, templates: Path = TEMPLATES) -> bytes:
    ctx = build_context(sc.resultat, sc.salarie)
    definition = BY_CLE[artefact]
    return template(str(templates / definition.modele)).rendre(ctx, document_date(definition, ctx))


def produced(artefact: str, sc: ComputedScenario) -> bool:
    ctx = build_context(sc.resultat, sc.salarie)
    return BY_CLE[artefact].omission(ctx) is None and artefact_applicable(artefact, sc.resultat, sc.salarie)


def scenario_for(artefact: str, mention_id: str) -> ComputedScenario:
    """The first scenario where the artefact is produced and the mention's positive part applies."""
    mention = default_catalogue().artefact(artefact).mention(mention_id)
    for sc in computed_scenarios():
        if not produced(artefact, sc):
            continue
        faits = Faits(sc.resultat, sc.salarie)
        if faits.holds(mention.condition) and (not mention.cas or any(faits.holds(c.condition) for c in mention.cas)):
            return sc
    raise LookupError(f"aucun scénario pour {artefact} {mention_id}")


def _rezip(data: bytes, replaced: dict[str, bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, replaced.get(info.filename, src.read(info)))
    return out.getvalue()


def blank_paragraphs(data: bytes, indices: Iterable[int]) -> bytes:
    """Empty the paragraphs of ``docx_text(data).paragraphes`` at ``indices`` (same reading order)."""
    wanted = set(indices)
    parts, _title = docx_parts(data)
    index = -1
    replaced = {}
    for name, xml in parts:
        root = etree.fromstring(xml)
        changed = False
        for p in root.iter(PARAGRAPH):
            if inside_fallback(p):
                continue
            pieces: list[str] = []
            collect_text(p, pieces)
            if not "".join(pieces).strip():
                continue
            index += 1
            if index in wanted:
                for t in p.iter(TEXT_RUN):
                    owner = t.getparent()
                    while owner is not None and owner.tag != PARAGRAPH:
                        owner = owner.getparent()
                    if owner is p:
                        t.text = ""
                changed = True
        if changed:
            replaced[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _rezip(data, replaced)


def mention_result(data: bytes, artefact: str, mention_id: str, sc: ComputedScenario):
    catalogue = default_catalogue()
    art = catalogue.artefact(artefact)
    texte = TexteCompare.de(docx_text(data))
    matcher = Matcher(catalogue, Faits(sc.resultat, sc.salarie))
    results = check_mention(art, art.mention(mention_id), texte, matcher)
    return results[0] if results else None, texte


def remove_mention(data: bytes, artefact: str, mention_id: str, sc: ComputedScenario, rounds: int = 12) -> bytes:
    """Blank, round after round, the paragraphs where the mention is recognised, until it is not."""
    for _ in range(rounds):
        result, texte = mention_result(data, artefact, mention_id, sc)
        if result is None or result.echec:
            return data
        spans = list(result.passages)
        if not spans:
            raise AssertionError(f"{mention_id} présente sans passage repéré")
        data = blank_paragraphs(data, texte.paragraphes_de(spans[0]))
    raise AssertionError(f"{mention_id} : toujours présente après {rounds} suppressions")


def replace_in_docx(data: bytes, old: str, new: str, count: int = -1) -> bytes:
    """Replace text in the paragraphs of every text part (the paragraph's runs are merged into the
    first one when ``old`` spans several runs)."""
    parts, _ = docx_parts(data)
    replaced = {}
    done = 0
    for name, xml in parts:
        root = etree.fromstring(xml)
        changed = False
        for p in root.iter(PARAGRAPH):
            ts = [t for t in p.iter(TEXT_RUN) if _owner(t) is p]
            text = "".join(t.text or "" for t in ts)
            if old not in text or (0 <= count <= done):
                continue
            n = text.count(old) if count < 0 else min(text.count(old), count - done)
            ts[0].text = text.replace(old, new, n)
            for t in ts[1:]:
                t.text = ""
            done += n
            changed = True
        if changed:
            replaced[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not done:
        raise AssertionError(f"« {old} » introuvable")
    return _rezip(data, replaced)


def _owner(t: etree._Element) -> Optional[etree._Element]:
    owner = t.getparent()
    while owner is not None and owner.tag != PARAGRAPH:
        owner = owner.getparent()
    return owner


def edit_template(src: Path, dst: Path, edit: Callable[[etree._Element], int], part: str = "word/document.xml") -> Path:
    """Copy a template, applying ``edit`` to one part's XML root (returns how many changes)."""
    data = src.read_bytes()
    zf = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(zf.read(part))
    changes = edit(root)
    if not changes:
        raise AssertionError(f"{src.name} : rien à modifier")
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(_rezip(data, {part: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)}))
    return dst


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(TEXT_RUN))


def blank_template_paragraphs(containing: str) -> Callable[[etree._Element], int]:
    """An ``edit`` emptying every template paragraph whose text contains ``containing``."""
    def edit(root: etree._Element) -> int:
        n = 0
        for p in root.iter(PARAGRAPH):
            if containing in paragraph_text(p):
                for t in p.iter(TEXT_RUN):
                    t.text = ""
                n += 1
        return n
    return edit


def replace_template_text(old: str, new: str) -> Callable[[etree._Element], int]:
    def edit(root: etree._Element) -> int:
        n = 0
        for t in root.iter(TEXT_RUN):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)
                n += 1
        return n
    return edit


def copy_templates(dst: Path, names: Optional[Iterable[str]] = None) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for p in TEMPLATES.glob("*.docx"):
        if names is None or p.name in names:
            (dst / p.name).write_bytes(p.read_bytes())
    return dst


def obligatoire_mentions() -> list[tuple[str, str]]:
    return [(m.artefact, m.id) for m in default_catalogue().all_mentions() if m.obligatoire and m.positive]


def check(data: bytes, artefact: str, sc: ComputedScenario):
    return check_artefact(artefact, docx_text(data), sc.resultat, sc.salarie)
