"""cspdocs: paperwork for the contrat de sécurisation professionnelle."""

# MAJEUR.MINEUR.CORRECTIF (see CHANGELOG.md and cspdocs/version.py); pyproject.toml reads it from here.
__version__ = "0.4.4"
