"""`cspdocs suivi CASE.yaml [--au AAAA-MM-JJ]`: each employee's state and the actions due, as of a date.

The rules live in the engine (cspdocs/engine/actions.py); this command parses and prints.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any, Optional

import click

from ..engine.actions import case_follow_up
from ..engine.amounts import eur
from ..engine.dates import fr
from ..report import _plain
from ..rh.tableau import tableau
from .compute import SEUIL_TABLEAU
from .synthese import AGREGE, write_summary
from .common import as_of_option, load_and_compute, parse_as_of, selected_employees

STATUTS = {"fait": "fait", "a_faire": "à faire", "en_retard": "EN RETARD", "sans_objet": "sans objet"}


def suivi_json(nom: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "dossier": nom,
        "au": _plain(data["au"]),
        "salaries": [{"matricule": rs.employee.matricule, **_plain({k: v for k, v in f.items() if k != "faits"})}
                     for rs, f in data["salaries"]],
        "totaux": _plain(data["totaux"]),
    }


def suivi_text(nom: str, data: dict[str, Any]) -> str:
    lines = [f"Suivi du dossier {nom} au {fr(data['au'])}", ""]
    for rs, f in data["salaries"]:
        s = rs.employee
        lines.append(f"{s.civilite} {s.prenom} {s.nom} (matricule {s.matricule}) — {f['etat_libelle']}")
        for a in f["actions"]:
            if a["statut"] == "sans_objet":
                continue
            when = fr(a["echeance"]) if a["echeance"] else "—"
            done = f", le {fr(a['fait_le'])}" if a["statut"] == "fait" and a["fait_le"] else ""
            note = f" ({a['note']})" if a["note"] else ""
            lines.append(f"    [{STATUTS[a['statut']]}{done}] {a['libelle']} — échéance {when}{note}")
            lines.append(f"        Sources : {' ; '.join(a['sources'])}")
        lines += [f"    ⚠ {c}" for c in f["constats"]]
        lines.append("")
    t = data["totaux"]
    r = t["reponses"]
    lines.append(f"Réponses : {r['acceptation']} acceptation(s), {r['refus']} refus, {r['sans_reponse']} sans réponse "
                 f"(refus), {r['en_attente']} en attente.")
    for m in t["montants_dus"]:
        lines.append(f"Contribution à verser au plus tard le {fr(m['echeance'])} : {eur(m['montant'])}")
    return "\n".join(lines) + "\n"


@click.command("suivi")
@click.argument("dossier", type=click.Path(exists=True, dir_okay=False))
@as_of_option
@click.option("--format", "fmt", type=click.Choice(["texte", "tableau", "json"]), default=None,
              help="texte : état et actions lisibles ; tableau : une ligne par salarié (état, prochaine action), "
                   f"comptes et totaux, à la largeur du terminal (par défaut au-delà de {SEUIL_TABLEAU} salariés) ; "
                   "json : le même contenu, pour un outil.")
@click.option("--employe", "matricules", multiple=True, metavar="MATRICULE",
              help="Ne traiter que ce(s) salarié(s) (option répétable).")
@click.option("--synthese", "synthese", type=click.Path(file_okay=False), metavar="DOSSIER_DE_SORTIE",
              help="Écrit aussi synthese.xlsx, synthese.csv et echeancier.ics à cette date dans ce dossier "
                   "(comme « cspdocs synthese --au »).")
@click.option("--agrege", is_flag=True, help="Avec --synthese : " + AGREGE[0].lower() + AGREGE[1:])
@click.option("--force", is_flag=True, help="Avec --synthese : remplacer les fichiers déjà présents.")
def command(dossier: str, au: Optional[str], fmt: Optional[str], matricules: tuple[str, ...],
            synthese: Optional[str], agrege: bool, force: bool) -> None:
    """État de la procédure de chaque salarié du DOSSIER et actions dues, à une date."""
    as_of = parse_as_of(au) or date.today()  # None only under the test suite (tests/conftest.py)
    charge, result = load_and_compute(dossier, au=as_of)
    selected = selected_employees(result, matricules)
    data = case_follow_up(result, as_of, selected)
    if synthese is not None:  # cspdocs/commands/synthese.py (issue 11): every employee, not only --employe
        write_summary(Path(synthese), result, as_of, agrege, force)
    if fmt is None:  # the table for many employees, as compute does
        fmt = "tableau" if len(selected) > SEUIL_TABLEAU else "texte"
    if fmt == "tableau":  # cspdocs/rh/tableau.py (issue 11)
        width = shutil.get_terminal_size((100, 24)).columns
        slipped = tuple(f"{rs.employee.matricule} : {c}" for rs, f in data["salaries"] for c in f["constats"]
                        if c.startswith("R-76"))  # the plan slipped (review finding 1)
        click.echo(tableau(result, selected, width=width, notes=tuple(f"⚠ {c}" for c in slipped), au=as_of), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(suivi_json(charge.nom, data), ensure_ascii=False, indent=2))
    else:
        click.echo(suivi_text(charge.nom, data), nl=False)
