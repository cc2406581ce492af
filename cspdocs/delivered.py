"""A run compared with the output already published (issue 10).

- Delivered documents are never silently rewritten: a document the journal records as delivered
  (``suivi.remise``, ``suivi.lettre_envoyee``) is rendered from what was known on its date, so
  regenerating gives the same bytes; when it would change anyway (the user edited its data: a
  name, an address, a salary, the template), the run publishes nothing and says what changed,
  unless ``--reecrire-remis`` allows it (``RemisModifie``).
- With ``--employe``, the other employees' documents are carried over: each whose documents would
  now differ (its facts or the templates changed since they were published) is named, so that
  out-of-date documents are never left in place without a word.

Each employee's manifest entry records ``empreinte_faits``: a digest of everything its documents
are rendered from (cspdocs.render.dated, the templates' digests), computed at rendering.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from .engine.findings import Finding
from .engine.timeline import finding

# Keys of a template context that do not change a document's text (explanations, warnings).
_NOT_RENDERED = ("explications", "avertissements")
MAX_LINES = 6


class RemisModifie(Exception):
    """A document recorded as delivered would be rewritten with a different content."""

    def __init__(self, changes: list[str]):
        self.changes = changes
        super().__init__(
            "Document(s) enregistré(s) comme remis dont le contenu changerait : il(s) ne sont jamais réécrits "
            "sans le dire.\n" + "\n".join(changes)
            + "\nSi la modification est voulue (erreur de saisie corrigée), relancez avec --reecrire-remis ; "
            "sinon, rétablissez les données du dossier.")


def context_digest(contexts: Iterable[Mapping[str, Any]], template_digests: Iterable[str]) -> str:
    """A digest of what an employee's documents are rendered from."""
    h = hashlib.sha256()
    for ctx in contexts:
        kept = {k: v for k, v in ctx.items() if k not in _NOT_RENDERED}
        h.update(json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    for digest in template_digests:
        h.update(digest.encode("ascii"))
    return h.hexdigest()


def _lines(path: Path) -> list[str]:
    from .mentions.extract import DocumentIllisible, document_text

    try:
        return [p for p in document_text(path).paragraphes if p.strip()]
    except (DocumentIllisible, OSError):
        return []


def what_changed(old: Path, new: Path) -> list[str]:
    """The paragraphs that differ between two versions of a document (a few, in French)."""
    out = []
    for line in difflib.unified_diff(_lines(old), _lines(new), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        out.append(("    avant : " if line.startswith("-") else "    après : ") + line[1:].strip())
        if len(out) >= MAX_LINES:
            out.append("    …")
            break
    return out or ["    (mise en forme ou propriétés du document)"]


def check_delivered(previous: Optional[dict[str, Any]], dest: Path, root: Path,
                    entries: Mapping[str, dict[str, Any]], allow: bool) -> list[Finding]:
    """Compare this run's delivered documents with the published ones. Raises ``RemisModifie`` when
    one would change and ``allow`` is False; returns the R-77 findings (rewrites allowed), one per document."""
    if not previous:
        return []
    published = {(e.get("matricule"), a.get("cle")): a
                 for e in previous.get("salaries", []) if isinstance(e, dict)
                 for a in e.get("artefacts", []) if isinstance(a, dict)}
    changes = []
    for matricule, entry in entries.items():
        for a in entry.get("artefacts", []):
            old = published.get((matricule, a["cle"]))
            if not a.get("remis") or old is None or old.get("sha256") == a["sha256"]:
                continue
            where = f"{matricule}, {a['chemin']} (remis le {a.get('date', '?')})"
            changes.append(f"  {where} :\n" + "\n".join(what_changed(dest / str(old.get("chemin")), root / a["chemin"])))
    if changes and not allow:
        raise RemisModifie(changes)
    return [finding("R-77", (), f"document remis réécrit à la demande (--reecrire-remis) : {c.strip()}") for c in changes]


def out_of_date(carried: Iterable[dict[str, Any]], current: Mapping[str, str], fingerprint: str) -> list[Finding]:
    """With ``--employe``: the R-78 finding naming the carried-over employees whose published documents
    no longer match the case (``current``: matricule -> digest of what their documents would be
    rendered from now)."""
    stale = stale_matricules(carried, current, fingerprint)
    if not stale:
        return []
    shown = ", ".join(stale[:10]) + (f"… (+{len(stale) - 10})" if len(stale) > 10 else "")
    return [finding("R-78", (), f"documents publiés d'autres salariés qui ne correspondent plus au dossier (données, journal "
                             f"ou modèles modifiés depuis leur génération) : {shown}. Ils sont conservés tels quels ; "
                             f"régénérez-les (--employe {stale[0]} …, ou sans --employe).")]


def stale_matricules(carried: Iterable[dict[str, Any]], current: Mapping[str, str], fingerprint: str) -> list[str]:
    """The matricules of ``out_of_date`` (also marked in the HR summary, cspdocs/rh/sorties.py)."""
    stale = []
    for entry in carried:
        m = entry.get("matricule")
        recorded = entry.get("empreinte_faits")
        now = current.get(m)
        if now is None:
            continue
        if recorded is not None and recorded != now:
            stale.append(m)
        elif recorded is None and entry.get("empreinte_entrees") != fingerprint:
            stale.append(m)  # published before the digest existed: the inputs changed since
    return stale


def compare_with_published(publisher: Any, resultat: Any, allow: bool, perimes: Optional[list] = None) -> list[str]:
    """The pipeline's hook, before anything is published (``publisher``: cspdocs.publish.Publisher):
    the findings of ``published_findings`` join the batch being published (``Batch.constats``, with
    the case's findings), which the CLI shows grouped with the others; no separate note is returned."""
    lot = publisher.lot
    found = published_findings(publisher, resultat, allow, perimes)
    publisher.lot = replace(lot, constats=(lot.constats or tuple(resultat.constats)) + tuple(found))
    return []


def published_findings(publisher: Any, resultat: Any, allow: bool, perimes: Optional[list] = None) -> list[Finding]:
    """This run compared with the published output (R-77, R-78; ``RemisModifie``, see ``check_delivered``).
    ``perimes``: a list extended with the matricules of the stale carried-over employees (R-78)."""
    from .generate import employee_contexts, facts_digest
    from .output_folder import read_manifest
    from .render import dated

    notes = check_delivered(read_manifest(publisher.dest), publisher.dest, publisher.root, publisher.entries, allow)
    if publisher.conserves:
        by_matricule = {rs.employee.matricule: rs for rs in resultat.employees}
        current = {}
        for entry in publisher.conserves:
            rs = by_matricule.get(entry.get("matricule"))
            if rs is not None:
                pairs = employee_contexts(resultat, rs, dated.view(resultat, rs))
                current[rs.employee.matricule] = facts_digest(pairs, publisher.lot.modeles)
        notes += out_of_date(publisher.conserves, current, publisher.fingerprint)
        if perimes is not None:
            perimes.extend(stale_matricules(publisher.conserves, current, publisher.fingerprint))
    return notes
