"""What a CI pins: the version, the validity of the rules, and fingerprints of what produced a document.

- ``version_text()`` is what ``cspdocs --version`` prints: the version and the last day of the
  procedures the shipped rules cover (the end of the last known conventional text, read from
  rules/parametres.yaml: the same data the engine uses);
- ``manifest_fingerprints()`` adds to each manifest the SHA-256 of the mention rules
  (mentions/*.yaml) and of the engine's code, next to the rules data and templates the manifest
  already hashes, so that two outputs can be compared input by input.

Version scheme (CHANGELOG.md): MAJEUR.MINEUR.CORRECTIF; a change of rules, mentions or default
templates bumps MINEUR; a change of the public contract (case keys, ``compute`` JSON) bumps MAJEUR.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any, Optional

from . import __version__

PACKAGE = Path(__file__).resolve().parent
PARAMETERS = PACKAGE / "rules" / "parametres.yaml"
REGIME = "regime_csp"  # the parameter whose last period bounds every rule's validity


def rules_validity() -> tuple[Optional[date], Optional[date], str]:
    """(first day, last day, last text) of the procedures the shipped rules cover."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(PARAMETERS.read_text(encoding="utf-8"), Loader=loader)
    periods = data[REGIME]["periodes"]
    return periods[0]["du"], periods[-1]["au"], str(periods[-1].get("reference") or periods[-1]["valeur"])


def _fr(d: Optional[date]) -> str:
    from .formats import cli_date

    return cli_date(d, "sans limite connue")


def version_text() -> str:
    first, last, text = rules_validity()
    return (f"cspdocs {__version__}\n"
            f"Règles : procédures engagées du {_fr(first)} au {_fr(last)} (dernier texte : {text})")


def _sha(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def manifest_fingerprints() -> dict[str, Any]:
    """Keys added to the manifest's inputs (publish.py): mention rules, engine code, rules validity."""
    mentions = sorted((PACKAGE / "mentions").glob("*.yaml"))
    engine = sorted((PACKAGE / "engine").rglob("*.py")) + sorted((PACKAGE / "rules").glob("*.py"))
    _first, last, _text = rules_validity()
    return {
        "regles_mentions": [{"fichier": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
                            for p in mentions],
        "moteur": {"sha256": _sha(engine), "fichiers": len(engine)},
        "regles_valables_jusqu_au": last.isoformat() if last else None,
    }
