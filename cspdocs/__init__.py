"""cspdocs: paperwork for the contrat de sécurisation professionnelle."""

__version__ = "0.1.0"
