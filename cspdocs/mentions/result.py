"""The outcome of checking one mention (or one cross-artefact check) in one document: ``Resultat``
and its statuses (present, missing, forbidden wording present, not conforming)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PRESENTE = "presente"
ABSENTE = "absente"
INTERDITE = "interdite_presente"
NON_CONFORME = "non_conforme"
STATUTS = {
    PRESENTE: "présente",
    ABSENTE: "absente",
    INTERDITE: "présente alors qu'elle est interdite",
    NON_CONFORME: "non conforme",
}


@dataclass(frozen=True)
class Resultat:
    """The outcome of one mention (or one cross-artefact check) for one document."""

    artefact: str
    mention: str  # mention id as numbered in mentions.md, or a cross-check id
    libelle: str
    niveau: str  # "obligatoire" | "recommandee"
    source: str
    statut: str  # PRESENTE | ABSENTE | INTERDITE | NON_CONFORME
    attendu: str  # French: what was expected, with the employee's values
    detail: str = ""  # French: what was found, or why it fails
    employe: str = ""  # matricule
    passages: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)

    @property
    def echec(self) -> bool:
        return self.statut != PRESENTE

    @property
    def blocking(self) -> bool:
        return self.echec and self.niveau == "obligatoire"

    def to_json(self) -> dict[str, Any]:
        data = {
            "id": self.mention,
            "libelle": self.libelle,
            "niveau": self.niveau,
            "source": self.source,
            "statut": self.statut,
            "attendu": self.attendu,
        }
        if self.detail:
            data["detail"] = self.detail
        return data


_new = object.__new__


def make_result(head: tuple[str, str, str, str, str], statut: str, attendu: str, detail: str, employe: str,
                passages: tuple[tuple[int, int], ...]) -> Resultat:
    """``Resultat(*head, statut, attendu, detail, employe, passages)``, ``head`` being (artefact,
    mention, libelle, niveau, source): the same object, made without the frozen dataclass's
    one ``object.__setattr__`` per field (a check makes one per mention and document)."""
    r = _new(Resultat)
    r.__dict__.update(artefact=head[0], mention=head[1], libelle=head[2], niveau=head[3], source=head[4],
                      statut=statut, attendu=attendu, detail=detail, employe=employe, passages=passages)
    return r

