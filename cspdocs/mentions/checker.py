"""Checking one artefact's text against its mention file and the engine's facts.

    results = check_artefact("lettre", text, resultat_dossier, resultat_salarie)

``text`` is a document text (raw or normalised), a ``Texte`` from extract.py, or a
``TexteCompare``. Each applicable mention gives one ``Resultat`` (present, missing, not
conforming), plus one per forbidden wording found. Nothing here knows any mention: everything
comes from the mention files (model.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional, Union

from ..engine.facts import CaseResult, EmployeeResult
from .display import display
from .extract import Texte
from .facts import Faits
from .folded_text import TexteCompare
from .matcher import Matcher
from .model import CONSTRAINT_OPS, Catalogue, Mention, MentionFile, Reconnaissance, default_catalogue
from .patterns import compile_regex, placeholders
from .plan import MentionPlan, plans
from .recognition import recognise_artefact
from .result import ABSENTE, INTERDITE, NON_CONFORME, PRESENTE, STATUTS, Resultat, make_result
from .value_forms import parse_date, parse_money

# Re-exported for callers outside cspdocs/mentions (render/dated.py, commands/check.py, pdf/stage.py,
# tests/support/mentions.py) until they import from the modules named after each job.
__all__ = ["ABSENTE", "INTERDITE", "NON_CONFORME", "PRESENTE", "STATUTS", "Matcher", "Resultat", "TexteCompare",
           "artefact_applicable", "check_artefact", "check_mention", "recognise_artefact"]


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
        spans.append(m.span() if not offset else (m.start() + offset, m.end() + offset))
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
        literal = matcher.value_literal(path)  # a text fact: found as it is written, mostly
        at = region.find(literal) if literal else -1
        if at >= 0:
            spans.append((at + offset, at + len(literal) + offset))
            continue
        source = matcher.value_regex(path)
        m = matcher.find("{" + path + "}", region, compile_regex(source)) if source else None
        if not m:
            return False, f"valeur « {display(value, path)} » ({path}) introuvable", spans
        spans.append((m.start() + offset, m.end() + offset))
    return True, "", spans


def constraint_detail(mention: Mention, matcher: Matcher) -> str:
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
    """The results of one mention in one document (one, or none when its condition does not hold,
    and one more when a forbidden wording is found)."""
    out: list[Resultat] = []
    check_planned(art, MentionPlan(art, mention), text, matcher, employe, out)
    return out


def check_planned(art: MentionFile, plan: MentionPlan, text: TexteCompare, matcher: Matcher, employe: str,
                  out: list[Resultat]) -> None:
    """``check_mention`` of the mention ``plan`` reads (plan.py), its results appended to ``out``."""
    faits = matcher.faits
    if plan.positive and plan.condition(faits):
        mention = plan.mention
        case = None
        for holds, c in plan.cases:
            if holds(faits):
                case = c
                break
        attendu = matcher.fill(plan.attendu if case is None or not case.attendu else case.attendu)
        region, offset, missing = _region(art, mention, matcher, text) if mention.dans else (text.texte, 0, "")
        statut, detail, spans = PRESENTE, "", []
        if region is None:
            statut, detail = ABSENTE, missing
        else:
            ok, detail, spans = _check_reco(plan.reconnaissance, matcher, region, offset)
            if ok and case is not None:
                ok, detail, more = _check_reco(case.reconnaissance, matcher, region, offset)
                spans += more
            if not ok:
                # a wording showing another value than the engine's is the likelier cause
                wrong = _displayed_values_detail(mention, matcher, region) if mention.valeurs_affichees else ""
                statut, detail = (NON_CONFORME, f"{detail} ; {wrong}") if wrong else (ABSENTE, detail)
            else:
                detail = ((mention.contraintes and constraint_detail(mention, matcher))
                          or (mention.valeurs_affichees and _displayed_values_detail(mention, matcher, region)) or "")
                if detail:
                    statut = NON_CONFORME
        out.append(make_result(plan.head, statut, attendu, detail, employe, tuple(spans)))
    if plan.forbidden is not None and plan.forbidden(faits):
        for pattern in plan.forbidden_motifs:
            m = matcher.search(pattern, text.texte)
            if m:
                out.append(make_result(
                    plan.head, INTERDITE, matcher.fill(plan.forbidden_attendu),
                    f"formulation interdite trouvée : « {text.extrait((m.start(), m.end()), 0)} »",
                    employe, ((m.start(), m.end()),)))
                break


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
    employe = resultat_salarie.employee.matricule
    results: list[Resultat] = []
    for plan in plans(art):
        check_planned(art, plan, folded, matcher, employe, results)
    return results
