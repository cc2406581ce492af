"""Mandatory mentions: mention files as data, text extraction, checks, template linter.

Entry points:

- ``check_artefact(artefact, text, resultat_dossier, resultat_salarie)`` (checker.py): one document;
- ``check_lot(resultat_dossier, lot)`` / ``check_rendered(resultat_dossier, {matricule: {artefact:
  bytes}})`` (pipeline.py): every document of a generate run, with the cross-artefact checks; the
  returned ``MentionReport`` is ``bloquant`` when an obligatoire mention fails (publish nothing),
  ``texte()`` gives the French report, ``to_json()`` the manifest entry;
- ``lint(templates_dir)`` (lint.py) and ``junit_xml`` (junit.py);
- ``cspdocs check`` and ``cspdocs lint`` (cspdocs/commands/check.py, lint.py).
"""

from .checker import check_artefact
from .pipeline import check_employee, check_lot, check_rendered
from .recognition import recognise_artefact
from .report import MentionReport
from .result import Resultat

__all__ = ["MentionReport", "Resultat", "check_artefact", "check_employee", "check_lot", "check_rendered",
           "recognise_artefact"]
