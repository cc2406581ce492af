"""Reading and validating the mention files into a ``Catalogue`` (the definitions: model.py).

Every problem is a ``FichierMentionsInvalide`` naming the file, the place in it and what is
expected, in French.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

from ..rules.yaml_data import load_yaml
from .facts import ConditionInvalide, validate_condition, validate_path
from .model import (ARTEFACTS, CONSTRAINT_OPS, DATA_DIR, GENERIC_PLACEHOLDERS, NIVEAUX, MentionFile, Cas, Catalogue,
                    Contrainte, Controle, Extraction, FichierMentionsInvalide, Interdiction, Mention, Reconnaissance,
                    Section, ValeurAffichee)
from .patterns import MotifInvalide, check_syntax, placeholders


class _Reader:
    def __init__(self, fichier: str):
        self.fichier = fichier

    def fail(self, where: str, message: str) -> FichierMentionsInvalide:
        return FichierMentionsInvalide(f"{self.fichier} : {where} : {message}")

    def keys(self, data: Any, where: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
        if not isinstance(data, dict):
            raise self.fail(where, "un dictionnaire est attendu")
        unknown = [k for k in data if k not in allowed]
        if unknown:
            raise self.fail(where, f"clé inconnue « {unknown[0]} » (clés admises : {', '.join(allowed)})")
        for key in required:
            if key not in data or data[key] in (None, ""):
                raise self.fail(where, f"clé obligatoire « {key} » manquante")
        return data

    def text(self, data: dict, key: str, where: str, default: Optional[str] = None) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{key}", "un texte non vide est attendu")
        return value.strip()

    def motifs(self, value: Any, where: str, formes: Mapping[str, Any]) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, "une liste de motifs (textes) est attendue")
        for pattern in value:
            try:
                check_syntax(pattern)
            except MotifInvalide as exc:
                raise self.fail(where, str(exc)) from exc
            for path in placeholders(pattern):
                if path in GENERIC_PLACEHOLDERS:
                    continue
                self.path(path, where)
        return tuple(value)

    def path(self, path: Any, where: str) -> str:
        try:
            validate_path(path, where)
        except ConditionInvalide as exc:
            raise FichierMentionsInvalide(f"{self.fichier} : {exc}") from exc
        return path

    def condition(self, value: Any, where: str) -> Mapping[str, Any]:
        try:
            validate_condition(value, where)
        except ConditionInvalide as exc:
            raise FichierMentionsInvalide(f"{self.fichier} : {exc}") from exc
        return value or {}

    def reconnaissance(self, data: dict, where: str, formes: Mapping[str, Any]) -> Reconnaissance:
        et = data.get("et") or []
        if not isinstance(et, list):
            raise self.fail(f"{where}.et", "une liste de groupes de motifs est attendue")
        groups = tuple(self.motifs(g, f"{where}.et[{i}]", formes) for i, g in enumerate(et))
        valeurs = []
        for i, v in enumerate(data.get("valeurs") or []):
            if isinstance(v, str):
                valeurs.append((self.path(v, f"{where}.valeurs[{i}]"), False))
            else:
                v = self.keys(v, f"{where}.valeurs[{i}]", ("fait", "si_connue"), ("fait",))
                valeurs.append((self.path(v["fait"], f"{where}.valeurs[{i}]"), bool(v.get("si_connue", False))))
        return Reconnaissance(self.motifs(data.get("motifs"), f"{where}.motifs", formes), groups, tuple(valeurs))


MENTION_KEYS = (
    "id", "libelle", "niveau", "source", "attendu", "condition", "motifs", "et", "valeurs", "dans",
    "cas", "contraintes", "valeurs_affichees", "interdite", "artefacts",
)


def _mention(r: _Reader, data: Any, where: str, artefact: str, formes: Mapping[str, Any],
             sections: Mapping[str, Section]) -> Mention:
    data = r.keys(data, where, MENTION_KEYS, ("id", "libelle", "niveau", "source", "attendu"))
    mention_id = str(data["id"])
    where = f"mention {mention_id}"
    if data["niveau"] not in NIVEAUX:
        raise r.fail(where, f"niveau « {data['niveau']} » inconnu (obligatoire ou recommandee)")
    dans = data.get("dans")
    if dans is not None and dans not in sections:
        raise r.fail(where, f"section « {dans} » inconnue (sections : {', '.join(sections) or 'aucune'})")
    cas = []
    for i, c in enumerate(data.get("cas") or []):
        c = r.keys(c, f"{where}.cas[{i}]", ("condition", "motifs", "et", "valeurs", "attendu"), ("condition",))
        cas.append(Cas(r.condition(c["condition"], f"{where}.cas[{i}].condition"),
                       r.reconnaissance(c, f"{where}.cas[{i}]", formes), c.get("attendu")))
    contraintes = []
    for i, c in enumerate(data.get("contraintes") or []):
        c = r.keys(c, f"{where}.contraintes[{i}]", ("fait", "jours", *CONSTRAINT_OPS), ("fait",))
        ops = [k for k in CONSTRAINT_OPS if k in c]
        if len(ops) != 1:
            raise r.fail(f"{where}.contraintes[{i}]", "une et une seule comparaison : " + ", ".join(CONSTRAINT_OPS))
        jours = c.get("jours", 0)  # a number, or the path of a dated value (parametres.X) read per employee
        jours = r.path(jours, where) if isinstance(jours, str) else int(jours)
        contraintes.append(Contrainte(r.path(c["fait"], where), ops[0], r.path(c[ops[0]], where), jours))
    affichees = []
    for i, v in enumerate(data.get("valeurs_affichees") or []):
        v = r.keys(v, f"{where}.valeurs_affichees[{i}]", ("motif", "fait"), ("motif", "fait"))
        (motif,) = r.motifs([v["motif"]], f"{where}.valeurs_affichees[{i}]", formes)
        if sum(1 for p in placeholders(motif) if p in GENERIC_PLACEHOLDERS) != 1:
            raise r.fail(f"{where}.valeurs_affichees[{i}]", "le motif doit contenir exactement un {date} ou {montant}")
        affichees.append(ValeurAffichee(motif, r.path(v["fait"], where)))
    interdite = None
    if data.get("interdite") is not None:
        i = r.keys(data["interdite"], f"{where}.interdite", ("condition", "motifs", "attendu"), ("motifs",))
        interdite = Interdiction(r.condition(i.get("condition"), f"{where}.interdite.condition"),
                                 r.motifs(i["motifs"], f"{where}.interdite.motifs", formes),
                                 i.get("attendu") or data["attendu"])
    mention = Mention(
        id=mention_id,
        artefact=artefact,
        libelle=r.text(data, "libelle", where),
        niveau=data["niveau"],
        source=r.text(data, "source", where),
        attendu=r.text(data, "attendu", where),
        condition=r.condition(data.get("condition"), f"{where}.condition"),
        reconnaissance=r.reconnaissance(data, where, formes),
        dans=dans,
        cas=tuple(cas),
        contraintes=tuple(contraintes),
        valeurs_affichees=tuple(affichees),
        interdite=interdite,
    )
    if not mention.positive and mention.interdite is None:
        raise r.fail(where, "ni motifs, ni valeurs, ni contraintes, ni interdiction : la mention ne vérifie rien")
    return mention


def _load_yaml(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FichierMentionsInvalide(f"{path.name} : illisible ({exc})") from exc


def load_catalogue(directory: Optional[Path] = None) -> Catalogue:
    """Read and validate every mention file of ``directory`` (default: this package)."""
    directory = Path(directory) if directory else DATA_DIR
    formes, shared = _load_common(directory)
    artefacts = {name: _load_artefact(directory, name, formes, shared[name]) for name in ARTEFACTS}
    return Catalogue(artefacts, formes, _load_controles(directory, formes))


Formes = dict[str, dict[str, tuple[str, ...]]]


def _load_common(directory: Path) -> tuple[Formes, dict[str, list[Any]]]:
    """commun.yaml: the enumeration forms, and the mentions shared by several artefacts (by artefact)."""
    commun_path = directory / "commun.yaml"
    commun = _load_yaml(commun_path) if commun_path.exists() else {}
    r = _Reader("commun.yaml")
    commun = r.keys(commun or {}, "racine", ("formes", "mentions"))
    formes: Formes = {}
    for path, by_value in (commun.get("formes") or {}).items():
        r.path(path, f"formes.{path}")
        if not isinstance(by_value, dict):
            raise r.fail(f"formes.{path}", "un dictionnaire valeur -> motifs est attendu")
        formes[path] = {str(k): r.motifs(v, f"formes.{path}.{k}", {}) for k, v in by_value.items()}
    shared: dict[str, list[Any]] = {a: [] for a in ARTEFACTS}
    for i, m in enumerate(commun.get("mentions") or []):
        targets = m.get("artefacts") if isinstance(m, dict) else None
        if not isinstance(targets, list) or not targets or any(t not in ARTEFACTS for t in targets):
            raise r.fail(f"mentions[{i}].artefacts", f"liste d'artefacts attendue parmi {', '.join(ARTEFACTS)}")
        for t in targets:
            shared[t].append(m)
    return formes, shared


def _load_artefact(directory: Path, name: str, formes: Formes, shared: list[Any]) -> MentionFile:
    """One artefact's mention file (``<name>.yaml``), with the shared mentions of commun.yaml."""
    path = directory / f"{name}.yaml"
    r = _Reader(path.name)
    data = r.keys(_load_yaml(path), "racine",
                  ("artefact", "libelle", "applicable", "reconnaissance", "sections", "extractions",
                   "variantes", "mentions"),
                  ("artefact", "libelle", "reconnaissance", "mentions"))
    if data["artefact"] != name:
        raise r.fail("artefact", f"« {data['artefact']} » au lieu de « {name} »")
    sections = {}
    for sname, s in (data.get("sections") or {}).items():
        s = r.keys(s, f"sections.{sname}", ("debut", "longueur"), ("debut",))
        sections[sname] = Section(r.motifs(s["debut"], f"sections.{sname}.debut", formes), int(s.get("longueur", 3000)))
    extractions = _extractions(r, data, formes)
    variantes = {k: r.motifs(v, f"variantes.{k}", formes) for k, v in (data.get("variantes") or {}).items()}
    mentions = []
    seen: set[str] = set()
    for i, m in enumerate(list(data["mentions"]) + shared):
        mention = _mention(r, m, f"mentions[{i}]", name, formes, sections)
        if mention.id in seen:
            raise r.fail(f"mention {mention.id}", "identifiant en double")
        seen.add(mention.id)
        mentions.append(mention)
    return MentionFile(
        id=name,
        libelle=r.text(data, "libelle", "racine"),
        reconnaissance=r.motifs(data["reconnaissance"], "reconnaissance", formes),
        mentions=tuple(mentions),
        applicable=r.condition(data.get("applicable"), "applicable"),
        sections=sections,
        extractions=extractions,
        variantes=variantes,
    )


def _extractions(r: _Reader, data: Mapping[str, Any], formes: Formes) -> dict[str, Extraction]:
    extractions = {}
    for ename, e in (data.get("extractions") or {}).items():
        e = r.keys(e, f"extractions.{ename}", ("motifs", "mode"), ("motifs",))
        mode = e.get("mode", "toutes")
        if mode not in ("toutes", "premiere"):
            raise r.fail(f"extractions.{ename}.mode", "toutes ou premiere")
        motifs = r.motifs(e["motifs"], f"extractions.{ename}.motifs", formes)
        for m in motifs:
            if placeholders(m).count("date") != 1:
                raise r.fail(f"extractions.{ename}", f"le motif « {m} » doit contenir un et un seul {{date}}")
        extractions[ename] = Extraction(motifs, mode)
    return extractions


def _load_controles(directory: Path, formes: Formes) -> dict[str, Controle]:
    """controles.yaml: the cross-artefact checks (none when the file is absent)."""
    controles_path = directory / "controles.yaml"
    controles: dict[str, Controle] = {}
    if controles_path.exists():
        r = _Reader("controles.yaml")
        data = r.keys(_load_yaml(controles_path), "racine", ("controles",), ("controles",))
        for i, c in enumerate(data["controles"]):
            c = r.keys(c, f"controles[{i}]", ("id", "libelle", "niveau", "source", "attendu", "motifs"),
                       ("id", "libelle", "niveau", "source", "attendu"))
            if c["niveau"] not in NIVEAUX:
                raise r.fail(f"controles[{i}]", f"niveau « {c['niveau']} » inconnu")
            controles[str(c["id"])] = Controle(str(c["id"]), c["libelle"], c["niveau"], c["source"], c["attendu"],
                                               r.motifs(c.get("motifs"), f"controles[{i}].motifs", formes))
    return controles


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return load_catalogue()
