"""Load and compute a case, the one way every command and the pipeline do it: the loader's
non-blocking findings join the engine's warnings, and the engine's blocking findings (e.g. an
acceptance after the period) make the case invalid, reported like the loader's errors with their
file and line. Light on imports: the CLI's compute and the generate pipeline both use it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from .case.errors import DossierInvalide, ErreurDossier
from .case.loader import ChargedDossier, format_path, load_dossier
from .engine.compute import blocking_errors, compute_dossier
from .engine.facts import CaseResult


def compute_charged(charge: ChargedDossier, au: Optional[date] = None) -> CaseResult:
    """Compute a loaded case; raise ``DossierInvalide`` on the engine's blocking findings."""
    result = compute_dossier(charge.dossier, charge.nom, charge.warnings, au=au)
    found = blocking_errors(result)
    if found:
        loc = charge.localisateur
        raise DossierInvalide([
            loc.erreur(path, message) if loc else ErreurDossier(str(charge.chemin), None, format_path(path), message)
            for path, message in found
        ])
    return result


def load_case(path: Path | str, au: Optional[date] = None) -> tuple[ChargedDossier, CaseResult]:
    """Load and compute the case at ``path``; ``DossierInvalide`` lists every error: the loader's and,
    when the model is valid, the engine's blocking findings with them (e.g. a letter posted before
    the lawful date beside a journal contradiction), not one round after the other."""
    try:
        charge = load_dossier(path)
    except DossierInvalide as invalid:
        raise with_engine_errors(invalid, au) from None
    return charge, compute_charged(charge, au)


def with_engine_errors(invalid: DossierInvalide, au: Optional[date]) -> DossierInvalide:
    """The loader's errors plus the engine's blocking findings on the same (valid) model."""
    charge = getattr(invalid, "charge", None)
    if charge is None:
        return invalid
    known = {(e.chemin, e.message) for e in invalid.erreurs}
    extra = [charge.localisateur.erreur(path, message) for path, message in _engine_blocking(charge, au)]
    extra = [e for e in extra if (e.chemin, e.message) not in known]
    return DossierInvalide(invalid.erreurs + extra, str(charge.chemin)) if extra else invalid


def _engine_blocking(charge: ChargedDossier, au: Optional[date]) -> list[tuple[tuple, str]]:
    """The engine's blocking findings on a case the loader refused. The engine expects a checked
    case: an employee whose refused inputs it cannot compute from is skipped (the loader's errors
    already name them), the others' findings still count."""
    dossier = charge.dossier
    try:
        return blocking_errors(compute_dossier(dossier, charge.nom, (), au=au))
    except Exception:  # noqa: BLE001 - an input the loader refused; fall back employee by employee
        pass
    found: list[tuple[tuple, str]] = []
    for index, salarie in enumerate(dossier.salaries):
        try:
            one = compute_dossier(dossier.model_copy(update={"salaries": [salarie]}), charge.nom, (), au=au)
        except Exception:  # noqa: BLE001 - this employee's refused inputs: the loader named them
            continue
        found += [(("salaries", index) + path[2:], message) for path, message in blocking_errors(one)]
    return found
