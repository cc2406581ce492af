"""JUnit XML for ``cspdocs lint --junit FILE``: one test case per (template, scenario).

Each template is a ``testsuite``; its cases are the scenarios (``failure`` for a missing
obligatoire mention, ``error`` for a template that cannot be compiled or rendered, ``skipped``
when the artefact is not produced in that scenario; recommended mentions go to ``system-out``).
The template's static findings form one more case, « analyse statique »; the cross-artefact
checks form a suite of their own, « controles ».
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .result import STATUTS, Resultat
from .lint import AVERTISSEMENT, CROISE, ERREUR, CasLint, LintReport
from .model import NIVEAU_LABELS

STATIC_CASE = "analyse statique"


def _describe(r: Resultat) -> str:
    lines = [f"{r.mention} {r.libelle} [{NIVEAU_LABELS[r.niveau]}] : {STATUTS[r.statut]}",
             f"  attendu : {r.attendu}"]
    if r.detail:
        lines.append(f"  constat : {r.detail}")
    lines.append(f"  source : {r.source}")
    return "\n".join(lines)


def _case_element(suite: ET.Element, case: CasLint) -> tuple[int, int, int]:
    el = ET.SubElement(suite, "testcase", classname=case.modele, name=case.scenario, time=f"{case.duree:.4f}")
    failures = errors = skipped = 0
    if case.sans_objet:
        ET.SubElement(el, "skipped", message=f"sans objet : {case.sans_objet}")
        skipped = 1
    elif case.erreur:
        err = ET.SubElement(el, "error", message=case.erreur[:500], type="rendu")
        err.text = case.erreur
        errors = 1
    elif case.echecs:
        names = ", ".join(r.mention for r in case.echecs)
        fail = ET.SubElement(el, "failure", type="mention obligatoire",
                             message=f"mentions obligatoires en défaut : {names}")
        fail.text = "\n".join(_describe(r) for r in case.echecs)
        failures = 1
    out = [f"scénario : {case.libelle}"] + [_describe(r) for r in case.warnings]
    ET.SubElement(el, "system-out").text = "\n".join(out)
    return failures, errors, skipped


def junit_xml(rapport: LintReport) -> bytes:
    root = ET.Element("testsuites", name="cspdocs lint")
    totals = [0, 0, 0, 0]
    groups = [(modele, [c for c in rapport.cas if c.modele == modele]) for modele in rapport.modeles]
    groups.append((CROISE, list(rapport.controles)))
    for modele, cases in groups:
        suite = ET.SubElement(root, "testsuite", name=modele)
        counts = [0, 0, 0, 0]  # tests, failures, errors, skipped
        if modele != CROISE:
            findings = [c for c in rapport.constats if c.modele == modele]
            el = ET.SubElement(suite, "testcase", classname=modele, name=STATIC_CASE, time="0")
            counts[0] += 1
            errors = [c for c in findings if c.niveau == ERREUR]
            if errors:
                err = ET.SubElement(el, "error", type=errors[0].categorie, message=errors[0].message[:500])
                err.text = "\n".join(c.texte() for c in errors)
                counts[2] += 1
            warnings = [c for c in findings if c.niveau == AVERTISSEMENT]
            if warnings:
                ET.SubElement(el, "system-out").text = "\n".join(c.texte() for c in warnings)
        for case in cases:
            f, e, s = _case_element(suite, case)
            counts[0] += 1
            counts[1] += f
            counts[2] += e
            counts[3] += s
        duration = sum(c.duree for c in cases)
        suite.set("tests", str(counts[0]))
        suite.set("failures", str(counts[1]))
        suite.set("errors", str(counts[2]))
        suite.set("skipped", str(counts[3]))
        suite.set("time", f"{duration:.4f}")
        totals = [a + b for a, b in zip(totals, counts)]
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    root.set("skipped", str(totals[3]))
    root.set("time", f"{rapport.duree:.4f}")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_junit(rapport: LintReport, path: Path | str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(junit_xml(rapport))
