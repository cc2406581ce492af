"""Mandatory mentions: mention files as data, text extraction, checks, template linter.

Entry points:

- ``check_artefact(artefact, text, resultat_dossier, resultat_salarie)`` (checker.py);
- ``check_rendered(resultat_dossier, rendered)`` for the generate pipeline (pipeline.py);
- ``cspdocs check`` and ``cspdocs lint`` (cspdocs/commands/check.py, lint.py).
"""
