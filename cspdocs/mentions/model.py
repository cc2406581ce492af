"""The mention files (one YAML file per artefact) as validated, immutable definitions.

Each file ``<artefact>.yaml`` of this package describes one artefact:

    artefact: lettre                       # identifier (also the default template's stem)
    libelle: Lettre recommandée avec AR    # French name shown in reports
    applicable: {connu: lettre.variante}   # optional: when the artefact exists at all
    reconnaissance: [motifs...]            # title wordings that identify a document as this artefact
    sections:                              # optional: named zones a mention can be limited to
      bulletin: {debut: [motifs...], longueur: 3000}
    extractions:                           # dates read from the text for the cross-artefact checks
      fin_delai_reflexion: {motifs: [...], mode: toutes}   # toutes | premiere
    variantes: {conservatoire: [motifs...], ...}           # optional: which wording a text uses
    mentions:
      - id: "3A.3"
        libelle: Rappel de la date d'expiration du délai de réflexion
        niveau: obligatoire                # obligatoire | recommandee
        source: Convention du 26 janvier 2015, art. 4 § 2 dernier al. ; ANI du 31 mai 2011, art. 7.4
        attendu: « le délai de réflexion expire le {dates.fin_delai_reflexion} »   # for reports
        condition: {variante: [conservatoire]}        # optional (see facts.py)
        dans: bulletin                     # optional: search only in that section
        motifs: [...]                      # one of these wordings must be found (patterns.py)
        et: [[...], [...]]                 # and one wording of each of these groups
        valeurs: [dates.remise, {fait: dates.notification_autorisation, si_connue: true}]
        cas:                               # extra requirements by situation (first that holds)
          - {condition: {...}, motifs: [...], et: [...], valeurs: [...], attendu: ...}
        contraintes:                       # facts that must be in order (dates)
          - {fait: dates.remise, apres: salarie.fin_protection_maternite}
        valeurs_affichees:                 # if such a wording shows a value, it must be this fact
          - {motif: "limite de (trois|3) mois ... soit {montant}", fait: montants.contribution_employeur}
        interdite:                         # a wording that must NOT appear (when its condition holds)
          condition: {variante: [licenciement, apres_acceptation]}
          motifs: [...]

``commun.yaml`` holds the French forms of enumerated facts (``formes``) and mentions that apply to
several artefacts (key ``artefacts``); ``controles.yaml`` names the cross-artefact checks.
Everything a mention needs is here: no mention is written in Python. This module holds the
definitions; loading.py reads and validates the files into them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional, Union


DATA_DIR = Path(__file__).resolve().parent
ARTEFACTS = ("information", "recepisse", "lettre", "motif", "confirmation", "nouvelle_echeance")
NIVEAUX = ("obligatoire", "recommandee")
NIVEAU_LABELS = {"obligatoire": "obligatoire", "recommandee": "recommandée"}
CONSTRAINT_OPS = {
    "apres": "postérieure au",
    "apres_ou_egal": "au plus tôt le",
    "avant": "antérieure au",
    "avant_ou_egal": "au plus tard le",
}
GENERIC_PLACEHOLDERS = ("date", "montant")


class FichierMentionsInvalide(ValueError):
    """A mention file does not follow the format above (French message naming the key)."""


@dataclass(frozen=True)
class Reconnaissance:
    """How a requirement is recognised: wordings and values."""

    motifs: tuple[str, ...] = ()
    et: tuple[tuple[str, ...], ...] = ()
    valeurs: tuple[tuple[str, bool], ...] = ()  # (path, only if known)

    @property
    def vide(self) -> bool:
        return not (self.motifs or self.et or self.valeurs)


@dataclass(frozen=True)
class Cas:
    condition: Mapping[str, Any]
    reconnaissance: Reconnaissance
    attendu: Optional[str] = None


@dataclass(frozen=True)
class Contrainte:
    fait: str
    operateur: str  # key of CONSTRAINT_OPS
    reference: str
    jours: Union[int, str] = 0  # days, or the path of a dated value giving them (parametres.X)


@dataclass(frozen=True)
class ValeurAffichee:
    motif: str
    fait: str


@dataclass(frozen=True)
class Interdiction:
    condition: Mapping[str, Any]
    motifs: tuple[str, ...]
    attendu: str


@dataclass(frozen=True)
class Mention:
    id: str
    artefact: str
    libelle: str
    niveau: str
    source: str
    attendu: str
    condition: Mapping[str, Any] = field(default_factory=dict)
    reconnaissance: Reconnaissance = Reconnaissance()
    dans: Optional[str] = None
    cas: tuple[Cas, ...] = ()
    contraintes: tuple[Contrainte, ...] = ()
    valeurs_affichees: tuple[ValeurAffichee, ...] = ()
    interdite: Optional[Interdiction] = None

    @property
    def obligatoire(self) -> bool:
        return self.niveau == "obligatoire"

    @property
    def positive(self) -> bool:
        """True when the mention requires something to be present."""
        return not self.reconnaissance.vide or any(not c.reconnaissance.vide for c in self.cas) or bool(self.contraintes)


@dataclass(frozen=True)
class Section:
    debut: tuple[str, ...]
    longueur: int


@dataclass(frozen=True)
class Extraction:
    motifs: tuple[str, ...]
    mode: str  # "toutes" | "premiere"


@dataclass(frozen=True)
class MentionFile:
    id: str
    libelle: str
    reconnaissance: tuple[str, ...]
    mentions: tuple[Mention, ...]
    applicable: Mapping[str, Any] = field(default_factory=dict)
    sections: Mapping[str, Section] = field(default_factory=dict)
    extractions: Mapping[str, Extraction] = field(default_factory=dict)
    variantes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def mention(self, mention_id: str) -> Mention:
        for m in self.mentions:
            if m.id == mention_id:
                return m
        raise KeyError(mention_id)


@dataclass(frozen=True)
class Controle:
    id: str
    libelle: str
    niveau: str
    source: str
    attendu: str
    motifs: tuple[str, ...] = ()  # wordings the check looks for, when it needs any


@dataclass(frozen=True)
class Catalogue:
    artefacts: Mapping[str, MentionFile]
    formes: Mapping[str, Mapping[str, tuple[str, ...]]]
    controles: Mapping[str, Controle]

    def artefact(self, name: str) -> MentionFile:
        return self.artefacts[name]

    def all_mentions(self) -> list[Mention]:
        return [m for a in self.artefacts.values() for m in a.mentions]


def __getattr__(name: str) -> Any:
    # load_catalogue and default_catalogue live in loading.py (which imports this module); kept
    # reachable here, lazily, for custom scripts written against cspdocs 0.2.
    if name in ("load_catalogue", "default_catalogue"):
        from . import loading

        return getattr(loading, name)
    raise AttributeError(name)
