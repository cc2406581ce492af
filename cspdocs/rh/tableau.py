"""`compute --format tableau`: one line per employee, then counts and totals, fitted to the terminal.

Columns, most useful first; those that do not fit the width are left out (and named below the
table): matricule, name, answer, handover, end of the period, letter variant and posting date,
rupture if accepted, severance pay due, contribution, warnings by rule code. The employee's state
and next action (issue 10) will join the table when the engine provides them.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any, Optional

from ..engine.amounts import eur
from ..engine.facts import ResultatDossier, ResultatSalarie
from .synthese import SANS_REPONSE, rule_code

_VARIANTES = {"conservatoire": "conserv.", "apres_acceptation": "après acc.", "licenciement": "licenc."}
_REPONSES = {"acceptation": "acceptée", "refus": "refusée"}
_TOTALS = (
    ("indemnite_licenciement_due", "Indemnités de licenciement dues"),
    ("indemnite_preavis", "Indemnités de préavis"),
    ("contribution_employeur", "Contributions à l'opérateur (en cas d'acceptation)"),
    ("excedent_preavis_salarie", "Préavis versé aux salariés (au-delà de la contribution)"),
)


def _d(value) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def _n(count: int) -> str:
    return f"{count:_}".replace("_", "\u202f")  # French thousands separator (narrow no-break space)


def _money(value: Any) -> str:
    return eur(value) if isinstance(value, Decimal) else "—"


# (header, cell function, right aligned, priority: lower is dropped last)
COLONNES = (
    ("Matricule", lambda r: r.salarie.matricule, False, 0),
    ("Salarié", lambda r: f"{r.salarie.prenom} {r.salarie.nom}", False, 0),
    ("Réponse", lambda r: _REPONSES[r.salarie.reponse.decision] if r.salarie.reponse else "—", False, 1),
    ("Remise", lambda r: _d(r.dates.get("remise")), False, 1),
    ("Fin délai", lambda r: _d(r.dates.get("fin_delai_reflexion")), False, 1),
    ("Lettre", lambda r: f"{_VARIANTES.get(r.lettre.get('variante'), '?')} {_d(r.dates.get('envoi_lettre'))}",
     False, 2),
    ("Rupture si acc.", lambda r: _d(r.dates.get("rupture_si_acceptation")), False, 3),
    ("Indemnité due", lambda r: _money(r.montants.get("indemnite_licenciement_due")), True, 2),
    ("Contribution", lambda r: _money(r.montants.get("contribution_employeur")), True, 3),
    ("Alertes", lambda r: ",".join(dict.fromkeys(rule_code(w) for w in r.avertissements)) or "—", False, 4),
)


def _fit(headers: list[str], cells: list[list[str]], width: int, priorities: list[int]) -> list[int]:
    """Indexes of the columns kept: drop the least useful until the table fits ``width``."""
    kept = list(range(len(headers)))
    widths = [max([len(headers[i])] + [len(row[i]) for row in cells]) for i in range(len(headers))]

    def total(indexes):
        return sum(widths[i] for i in indexes) + 2 * (len(indexes) - 1)

    for priority in sorted(set(priorities), reverse=True):
        if total(kept) <= width or priority == 0:
            break
        for i in reversed([i for i in kept if priorities[i] == priority]):
            if total(kept) <= width:
                break
            kept.remove(i)
    return kept


def tableau(res: ResultatDossier, salaries: Optional[tuple[ResultatSalarie, ...]] = None,
            width: int = 100, notes: tuple[str, ...] = ()) -> str:
    salaries = res.salaries if salaries is None else salaries
    headers = [c[0] for c in COLONNES]
    cells = [[c[1](r) for c in COLONNES] for r in salaries]
    kept = _fit(headers, cells, width, [c[3] for c in COLONNES])
    widths = {i: max([len(headers[i])] + [len(row[i]) for row in cells]) for i in kept}
    name_room = width - sum(widths.values()) - 2 * (len(kept) - 1)
    if name_room < 0:  # still too wide: shorten the names
        widths[1] = max(8, widths[1] + name_room)

    def line(values: list[str]) -> str:
        parts = []
        for i in kept:
            text = values[i]
            if len(text) > widths[i]:
                text = text[: widths[i] - 1] + "…"
            parts.append(text.rjust(widths[i]) if COLONNES[i][2] else text.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    out = [f"Dossier {res.nom} — {res.dossier.employeur.raison_sociale} — {_n(len(salaries))} salarié(s)"]
    out += [f"⚠ {w}" for w in res.avertissements] + list(notes)
    out += ["", line(headers), "  ".join("─" * widths[i] for i in kept)]
    out += [line(row) for row in cells]
    dropped = [headers[i] for i in range(len(headers)) if i not in kept]
    if dropped:
        out.append(f"(colonnes non affichées faute de largeur : {', '.join(dropped)})")
    out += [""] + summary(salaries)
    out.append("Détail par salarié : --format texte (avec --employe MATRICULE pour un seul salarié).")
    return "\n".join(out) + "\n"


def summary(salaries: tuple[ResultatSalarie, ...]) -> list[str]:
    """Counts of answers and letter variants, totals of amounts, warnings by rule."""
    answers = Counter(r.salarie.reponse.decision if r.salarie.reponse else None for r in salaries)
    lines = [f"Réponses : {_n(answers['acceptation'])} acceptation(s), {_n(answers['refus'])} refus, "
             f"{_n(answers[None])} {SANS_REPONSE}"]
    variants = Counter(r.lettre.get("variante") for r in salaries)
    lines.append("Lettres : " + ", ".join(f"{_n(n)} {_VARIANTES.get(v, str(v))}" for v, n in sorted(
        variants.items(), key=lambda item: str(item[0]))))
    for key, label in _TOTALS:
        values = [r.montants.get(key) for r in salaries if isinstance(r.montants.get(key), Decimal)]
        if values:
            lines.append(f"{label} : {eur(sum(values, Decimal(0)))} ({_n(len(values))} salarié(s))")
    rules = Counter(rule_code(w) for r in salaries for w in dict.fromkeys(r.avertissements))
    if rules:
        lines.append("Avertissements : " + ", ".join(f"{code} × {_n(n)}" for code, n in sorted(rules.items())))
    return lines
