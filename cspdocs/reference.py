"""The French user reference, generated from the package's own data so that it cannot drift:

- ``format``: the case-file keys (JSON schema of the pydantic model: type, required, default,
  description) with an example value read from the example case files when one exists;
- ``regles``: the rules and sources registries (cspdocs/rules/regles.yaml, sources.yaml);
- ``mentions``: the mention files (cspdocs/mentions/*.yaml);
- ``variables``: the template variables (cspdocs/render/variables.yaml and the real context).

``cspdocs reference SUJET`` prints one of them; ``make docs`` writes them to docs/ (a test checks
that docs/ is up to date).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Optional

SUJETS = ("format", "regles", "mentions", "variables")
FICHIERS = {"format": "format-dossier.md", "regles": "regles.md", "mentions": "mentions.md",
            "variables": "variables-modeles.md"}
_EXAMPLES = Path(__file__).resolve().parent.parent / "cases"
GENERATED = "<!-- Généré par « make docs » (cspdocs/reference.py) : ne pas modifier à la main. -->\n"


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


# --- case format ----------------------------------------------------------------------------------


def _type(prop: dict, defs: dict) -> str:
    if "$ref" in prop:
        return f"[{prop['$ref'].rsplit('/', 1)[-1]}](#{prop['$ref'].rsplit('/', 1)[-1].lower()})"
    if "anyOf" in prop:
        kinds = [_type(p, defs) for p in prop["anyOf"] if p.get("type") != "null"]
        return " ou ".join(kinds) + (" (ou null)" if any(p.get("type") == "null" for p in prop["anyOf"]) else "")
    if "enum" in prop:
        return "une valeur parmi : " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == "array":
        return "liste de " + _type(prop.get("items", {}), defs)
    if prop.get("format") == "date":
        return "date (AAAA-MM-JJ)"
    return {"string": "texte", "integer": "entier", "number": "nombre", "boolean": "booléen",
            "object": "table"}.get(kind, kind or "valeur")


def _examples() -> dict[str, Any]:
    """Dotted key (model name.key) -> first example value found in the example case files."""
    from .rules.yaml_data import load_yaml

    found: dict[str, Any] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{path}.{k}" if path else str(k))
        elif isinstance(value, list):
            for item in value[:3]:
                walk(item, path + "[]")
        elif value is not None:
            found.setdefault(path, value)

    for path in sorted(_EXAMPLES.glob("*.yaml")) + sorted(_EXAMPLES.glob("csv/*.yaml")):
        walk(load_yaml(path.read_text(encoding="utf-8")), "")
    return found


def _typed_example(prop: dict) -> Any:
    """An example built from the key's type, for keys the example cases leave out."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    for option in options:
        if "$ref" in option or "$ref" in option.get("items", {}):
            return "voir la table"
        if "enum" in option:
            return option["enum"][0]
        if option.get("format") == "date":
            return "2026-05-11"
        if option.get("type") == "boolean":
            return "true" if not prop.get("default") else "false"
        if option.get("type") == "array" and option.get("items", {}).get("format") == "date":
            return "[2026-05-11]"
    return None


def _model_paths(schema: dict) -> dict[str, str]:
    """Model name -> its dotted path in a case file (the first place it appears)."""
    defs = schema.get("$defs", {})
    paths = {"Dossier": ""}
    queue = [("Dossier", schema)]
    while queue:
        name, model = queue.pop(0)
        for key, prop in model.get("properties", {}).items():
            refs = [prop] + prop.get("anyOf", []) + [prop.get("items", {})]
            for r in refs:
                ref = r.get("$ref") or r.get("items", {}).get("$ref") if isinstance(r, dict) else None
                if ref:
                    target = ref.rsplit("/", 1)[-1]
                    if target not in paths:
                        suffix = "[]" if prop.get("type") == "array" or r.get("type") == "array" else ""
                        paths[target] = (f"{paths[name]}.{key}" if paths[name] else key) + suffix
                        queue.append((target, defs.get(target, {})))
    return paths


def format_reference() -> str:
    from .case.schema import case_json_schema

    schema = case_json_schema()
    defs = schema.get("$defs", {})
    examples = _examples()
    where = _model_paths(schema)
    lines = [GENERATED, "# Format du fichier de dossier (YAML)", "",
             "Un dossier décrit un employeur, une procédure et un ou plusieurs salariés. Chaque table ci-dessous "
             "donne les clés d'une partie du dossier : type, caractère obligatoire, valeur par défaut, description "
             "et un exemple tiré des dossiers d'exemple (`cases/`). Le même contenu, pour un éditeur : "
             "`cspdocs schema` (JSON Schema). Les dates s'écrivent AAAA-MM-JJ ; une clé absente prend sa valeur par "
             "défaut ; une clé inconnue est une erreur.", ""]
    models = [("Dossier", schema)] + sorted(((k, v) for k, v in defs.items()), key=lambda kv: list(where).index(kv[0])
                                             if kv[0] in where else 99)
    for name, model in models:
        path = where.get(name, "")
        lines += [f"## {name}", "", model.get("description", ""), ""]
        if path:
            lines += [f"Emplacement : `{path}`", ""]
        lines += ["| clé | type | obligatoire | défaut | description | exemple |", "|---|---|---|---|---|---|"]
        required = set(model.get("required", []))
        for key, prop in model.get("properties", {}).items():
            default = prop.get("default", "") if key not in required else ""
            default = json.dumps(default, ensure_ascii=False) if default not in ("", None) else (
                "null" if "default" in prop and prop["default"] is None else "")
            full = f"{path}.{key}" if path else key
            example = examples.get(full)
            if example is None and (full + "[]") in examples:
                example = f"[{examples[full + '[]']}]"
            if example is None:
                example = _typed_example(prop)
            lines.append(f"| `{key}` | {_cell(_type(prop, defs))} | {'oui' if key in required else 'non'} | "
                         f"{_cell(default)} | {_cell(prop.get('description', ''))} | "
                         f"{_cell('`' + str(example) + '`') if example is not None else ''} |")
        lines.append("")
    return "\n".join(lines)


# --- rules, mentions, variables ----------------------------------------------------------------------


def regles_reference() -> str:
    from .rules.registre import regles

    lines = [GENERATED, "# Codes des règles", "",
             "Chaque avertissement ou erreur de cspdocs commence par un code : `R-nn` pour une règle, `An` pour "
             "une lecture retenue là où les textes sont ambigus (toujours la plus sûre pour l'employeur). "
             "`cspdocs regles CODE` affiche la même fiche. Les liens Légifrance sont des liens de recherche "
             "construits à partir de la référence (article, numéro de pourvoi).", ""]
    for r in regles().values():
        lines += [f"## {r.code} — {r.titre}", "", r.resume, ""]
        for s in r.sources:
            link = f" — [Légifrance]({s.lien})" if s.lien else ""
            cdtn = f" — [Code du travail numérique]({s.code_travail_numerique})" if s.code_travail_numerique else ""
            lines.append(f"- {s.citation}{link}{cdtn}")
        lines.append("")
    return "\n".join(lines)


def mentions_reference() -> str:
    from .listings import condition_value
    from .mentions.loading import default_catalogue
    from .mentions.model import NIVEAU_LABELS

    catalogue = default_catalogue()
    lines = [GENERATED, "# Mentions de chaque document", "",
             "Les mentions que `cspdocs generate`, `check` et `lint` contrôlent dans chaque document (fichiers "
             "`cspdocs/mentions/*.yaml`). Une mention obligatoire absente bloque la publication ; une mention "
             "recommandée donne un avertissement. `cspdocs mentions DOCUMENT` affiche la même liste.", ""]
    for artefact in catalogue.artefacts.values():
        lines += [f"## {artefact.id} — {artefact.libelle}", "", "| id | niveau | mention | quand | source |",
                  "|---|---|---|---|---|"]
        for m in artefact.mentions:
            when = ", ".join(f"{k} = {condition_value(v)}" for k, v in m.condition.items()) if m.condition else "toujours"
            lines.append(f"| {m.id} | {NIVEAU_LABELS[m.niveau]} | {_cell(m.libelle)} | {_cell(when)} | "
                         f"{_cell(m.source)} |")
        lines.append("")
    lines += ["## Contrôles croisés entre les documents", "", "| id | niveau | contrôle | source |", "|---|---|---|---|"]
    for c in catalogue.controles.values():
        lines.append(f"| {c.id} | {NIVEAU_LABELS.get(c.niveau, c.niveau)} | {_cell(c.libelle)} | {_cell(c.source)} |")
    return "\n".join(lines) + "\n"


def variables_reference() -> str:
    from .render.filters import FILTERS
    from .render.variables import describe

    lines = [GENERATED, "# Variables des modèles", "",
             "Les variables qu'un modèle DOCX peut utiliser (`{{ salarie.nom }}`), avec leur type, un exemple tiré "
             "des scénarios de `cspdocs lint` et le cas où elles sont vides. Une date ou un montant s'affiche "
             "toujours avec un filtre : " + ", ".join(f"`{f}`" for f in FILTERS) + ". Une variable vide se teste "
             "avec `{% if … %}` ; une variable « absente » dans certains scénarios, avec `{% if x is defined %}`. "
             "`cspdocs templates variables` affiche la même liste.", "",
             "| variable | type | description | exemple | vide |", "|---|---|---|---|---|"]
    for v in describe():
        counts = []
        if v.vide_dans:
            counts.append(f"vide dans {v.vide_dans}/{v.scenarios} scénarios")
        if v.absente_dans:
            counts.append(f"absente dans {v.absente_dans}")
        vide = (v.vide or "") + (f" ({', '.join(counts)})" if counts else "")
        lines.append(f"| `{v.nom}` | {v.type} | {_cell(v.description)} | {_cell(v.exemple)} | {_cell(vide)} |")
    return "\n".join(lines) + "\n"


GENERATORS: dict[str, Callable[[], str]] = {
    "format": format_reference, "regles": regles_reference, "mentions": mentions_reference,
    "variables": variables_reference,
}


def write_docs(directory: Path, only: Optional[str] = None) -> list[Path]:
    written = []
    for sujet, generator in GENERATORS.items():
        if only in (None, sujet):
            path = directory / FICHIERS[sujet]
            path.write_text(generator(), encoding="utf-8")
            written.append(path)
    return written
