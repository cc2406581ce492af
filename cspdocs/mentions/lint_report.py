"""Text and JSON views of a lint report: each problem once, with the scenarios it affects."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..render.artefacts import ARTEFACTS
from .result import STATUTS, Resultat
from .lint_static import AVERTISSEMENT
from .model import NIVEAU_LABELS

if TYPE_CHECKING:
    from .lint import CasLint, LintReport

CROISE = "controles"


def _id_key(mention_id: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.]", mention_id))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n > 1 else ''}"


def served_files(rapport: "LintReport") -> list[dict[str, str]]:
    """Which file serves each document (the same rule as ``generate``)."""
    inv = rapport.inventaire
    out = []
    for a in ARTEFACTS:
        custom = inv is not None and inv.origines.get(a.cle) == "personnalise"
        out.append({"document": a.cle, "libelle": a.libelle,
                    "fichier": inv.chemins[a.cle].name if custom else a.modele,
                    "origine": "personnalise" if custom else "defaut"})
    return out


def render_errors(rapport: "LintReport") -> list[dict[str, Any]]:
    """Rendering errors grouped by template and message (unusable templates are said once, statically)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for c in rapport.cas + rapport.controles:
        if c.erreur and c.modele not in rapport.inutilisables:
            groups.setdefault((c.modele, c.erreur), []).append(c.scenario)
    return [{"modele": m, "message": e, "scenarios": s} for (m, e), s in groups.items()]


def mention_failures(rapport: "LintReport") -> list[dict[str, Any]]:
    """Failed mentions grouped by template and mention, with the scenarios and the first one's detail."""
    groups: dict[tuple[str, str, str, str], list[tuple["CasLint", Resultat]]] = {}
    for c in rapport.cas + rapport.controles:
        for r in c.resultats:
            if r.echec:
                groups.setdefault((c.modele, r.mention, r.statut, r.niveau), []).append((c, r))
    models = rapport.modeles + [CROISE]
    order = sorted(groups.items(), key=lambda kv: (models.index(kv[0][0]) if kv[0][0] in models else 99,
                                                   kv[0][3] != "obligatoire", _id_key(kv[0][1])))
    out = []
    for (modele, mention, statut, niveau), items in order:
        first_case, r = items[0]
        out.append({"modele": modele, "mention": mention, "libelle": r.libelle, "niveau": niveau,
                    "statut": statut, "statut_libelle": STATUTS.get(statut, statut),
                    "scenarios": [c.scenario for c, _ in items], "attendu": r.attendu,
                    "attendu_scenario": first_case.scenario, "constat": r.detail, "source": r.source})
    return out


def _counts(rapport: "LintReport") -> dict[str, int]:
    return {
        "mentions_obligatoires_en_defaut": sum(len(c.echecs) for c in rapport.cas + rapport.controles),
        "avertissements": sum(len(c.warnings) for c in rapport.cas + rapport.controles)
        + sum(1 for c in rapport.constats if c.niveau == AVERTISSEMENT),
        "erreurs": len(rapport.erreurs) + len(render_errors(rapport)),
    }


def json_report(rapport: "LintReport") -> dict[str, Any]:
    return {
        "dossier": rapport.dossier,
        "ok": rapport.ok,
        "duree_s": round(rapport.duree, 2),
        "scenarios": [sc.id for sc in rapport.scenarios],
        "documents": served_files(rapport),
        "fichiers_non_utilises": list(rapport.inventaire.ignores) if rapport.inventaire else [],
        "problemes": [c.as_dict() for c in rapport.constats],
        "rendus_impossibles": render_errors(rapport),
        "mentions": mention_failures(rapport),
        "couverture_manquante": list(rapport.couverture),
        "bilan": _counts(rapport),
    }


def text_report(rapport: "LintReport") -> str:
    rendered = sum(1 for c in rapport.cas if not c.sans_objet and not c.erreur)
    lines = [
        f"Vérification des modèles de {rapport.dossier} : {_plural(len(rapport.modeles), 'modèle')}, "
        f"{len(rapport.scenarios)} scénarios, {rendered} rendus en {rapport.duree:.1f} s".replace(".", ",") + "."
    ]
    if rapport.inventaire is not None:
        lines.append("Documents et modèles utilisés (les mêmes pour cspdocs generate) :")
        for d in served_files(rapport):
            source = d["fichier"] if d["origine"] == "personnalise" else f"modèle par défaut ({d['fichier']})"
            lines.append(f"    {d['libelle']} ← {source}")
    for c in rapport.constats:
        lines.append(c.texte())
    for e in render_errors(rapport):
        lines.append(f"ERREUR {e['modele']} — {e['message']} — {_scenarios(e['scenarios'], len(rapport.scenarios))}")
    for m in mention_failures(rapport):
        marker = "ERREUR" if m["niveau"] == "obligatoire" else "AVERTISSEMENT"
        niveau = NIVEAU_LABELS[m["niveau"]]
        lines.append(f"{marker} {m['modele']} — mention {m['mention']} {m['libelle']} [{niveau}] : "
                     f"{m['statut'].replace('_', ' ')} — {_scenarios(m['scenarios'], len(rapport.scenarios))}")
        lines.append(f"    attendu ({m['attendu_scenario']}) : {m['attendu']}")
        if m["constat"]:
            lines.append(f"    constat : {m['constat']}")
        lines.append(f"    source : {m['source']}")
    if rapport.couverture:
        lines.append("Conditions des fichiers de mentions qu'aucun scénario n'exerce :")
        lines.extend(f"    {g}" for g in rapport.couverture)
    counts = _counts(rapport)
    blocking, warnings, broken = (counts["mentions_obligatoires_en_defaut"], counts["avertissements"],
                                  counts["erreurs"])
    if rapport.ok:
        lines.append(f"Bilan : toutes les mentions obligatoires sont présentes dans tous les scénarios ; "
                     f"{_plural(warnings, 'avertissement')}.")
    else:
        lines.append(f"Bilan : {blocking} mention{'s' if blocking > 1 else ''} obligatoire"
                     f"{'s' if blocking > 1 else ''} en défaut, {_plural(broken, 'erreur')} "
                     f"de modèle ou de rendu ; {_plural(warnings, 'avertissement')}.")
    return "\n".join(lines)


def _scenarios(names: list[str], total: int) -> str:
    if len(names) == 1:
        return f"scénario : {names[0]}"
    if len(names) == total and total > 3:
        return f"tous les scénarios ({total})"
    return f"scénarios ({len(names)}) : {', '.join(names)}"
