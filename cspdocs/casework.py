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
from .engine.facts import ResultatDossier


def compute_charged(charge: ChargedDossier, au: Optional[date] = None) -> ResultatDossier:
    """Compute a loaded case; raise ``DossierInvalide`` on the engine's blocking findings."""
    result = compute_dossier(charge.dossier, charge.nom, charge.avertissements, au=au)
    found = blocking_errors(result)
    if found:
        loc = charge.localisateur
        raise DossierInvalide([
            loc.erreur(path, message) if loc else ErreurDossier(str(charge.chemin), None, format_path(path), message)
            for path, message in found
        ])
    return result


def load_case(path: Path | str, au: Optional[date] = None) -> tuple[ChargedDossier, ResultatDossier]:
    """Load and compute the case at ``path``; ``DossierInvalide`` lists every error."""
    charge = load_dossier(path)
    return charge, compute_charged(charge, au)
