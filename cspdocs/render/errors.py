"""Rendering errors as values the CLI can print in French."""

from __future__ import annotations

PART_LABELS = {
    "document": "corps du document",
    "header": "en-tête",
    "footer": "pied de page",
    "footnotes": "notes de bas de page",
    "endnotes": "notes de fin",
    "core": "propriétés du document",
    "custom": "propriétés personnalisées",
}


class ErreurModele(Exception):
    """A template could not be compiled or rendered; names the template and the paragraph."""

    def __init__(self, modele: str, partie: str, type_partie: str, paragraphe: str, cause: str):
        self.modele = modele
        self.partie = partie
        self.type_partie = type_partie
        self.paragraphe = paragraphe
        self.cause = cause
        super().__init__(str(self))

    def __str__(self) -> str:
        lieu = PART_LABELS.get(self.type_partie, self.type_partie)
        return (
            f"modèle « {self.modele} », {lieu} ({self.partie}), "
            f"paragraphe « {self.paragraphe} » : {self.cause}"
        )
