"""Cross-artefact checks (mentions.md, "Cross-artefact checks"): X.1 to X.5 of controles.yaml.

They compare what the documents of one employee say with each other and with the engine:

- X.1 the same last day of the reflection period in the information document, the receipt and
  the letter (the dates read by each artefact's ``extractions.fin_delai_reflexion``); none in the
  information document and the receipt when they are dated before it can be known (documents
  posted at a distance, protected employee whose authorisation is notified after the handover);
- X.2 the motive statement dated no later than the handover (recommended);
- X.3 a written motive (motive statement, or information document stating it) dated no later
  than the acceptance, when the employee accepted (R-31, the 3C blocking rule);
- X.4 the letter dated no earlier than ``dates.envoi_lettre_au_plus_tot``;
- X.5 the letter's wording (variant recognised in the text) consistent with its date (R-27).

A check whose documents are not among those given is skipped (nothing to compare).
"""

from __future__ import annotations

from datetime import date
from typing import Callable, Optional, Sequence

from ..engine.documents import handover_documents_state_dates
from ..engine.facts import CaseResult, EmployeeResult
from ..engine.letter import variant_for
from .display import display
from .facts import Faits
from .folded_text import TexteCompare
from .matcher import Matcher
from .model import Catalogue, default_catalogue
from .recognition import detect_variant, extract_dates
from .result import ABSENTE, NON_CONFORME, PRESENTE, Resultat, make_result

CROISE = "controles"
DATES_A_LA_REMISE = ("information", "recepisse")  # documents dated at the handover (or the posting)
VARIANT_LABELS = {
    "conservatoire": "lettre envoyée pendant le délai de réflexion (notification conditionnelle)",
    "licenciement": "lettre de licenciement pour motif économique",
    "apres_acceptation": "lettre consécutive à l'adhésion au CSP",
}

Document = tuple[str, TexteCompare, str]  # (artefact, folded text, label shown in reports)


def _result(catalogue: Catalogue, matcher: Matcher, check_id: str, statut: str, detail: str,
            employe: str) -> Resultat:
    c = catalogue.controles[check_id]
    return make_result((CROISE, c.id, c.libelle, c.niveau, c.source), statut, matcher.fill(c.attendu), detail,
                       employe, ())


def _first(docs: Sequence[Document], artefact: str) -> list[Document]:
    return [d for d in docs if d[0] == artefact]


def _variant_expected(letter_day: date, faits: Faits) -> Optional[str]:
    """R-27 on the letter's own date (mirrors the engine's choice, for the document's date)."""
    return variant_for(faits.salarie.employee.reponse, letter_day, faits.get("dates.fin_delai_reflexion"))


def cross_check(documents: Sequence[Document], resultat_dossier: CaseResult,
                resultat_salarie: EmployeeResult, catalogue: Optional[Catalogue] = None,
                matcher: Optional[Matcher] = None) -> list[Resultat]:
    """``matcher``: the one that checked the documents, reused when it reads these same facts."""
    catalogue = catalogue or default_catalogue()
    if (matcher is None or matcher.catalogue is not catalogue or matcher.faits.salarie is not resultat_salarie
            or matcher.faits.dossier is not resultat_dossier):
        matcher = Matcher(catalogue, Faits(resultat_dossier, resultat_salarie))
    faits = matcher.faits
    employe = resultat_salarie.employee.matricule
    out: list[Resultat] = []

    def add(check_id: str, statut: str, detail: str = "") -> None:
        if check_id in catalogue.controles:
            out.append(_result(catalogue, matcher, check_id, statut, detail, employe))

    _same_last_day(documents, faits, matcher, add)
    _motive_dates(documents, faits, matcher, catalogue, add)
    _letter(documents, faits, matcher, add)
    return out


Add = Callable[..., None]


def _same_last_day(documents: Sequence[Document], faits: Faits, matcher: Matcher, add: Add) -> None:
    """X.1: the same last day everywhere; none in the documents dated before it can be known."""
    fin = faits.get("dates.fin_delai_reflexion")
    seen: list[tuple[str, date]] = []
    seen_with_artefact: list[tuple[str, str, date]] = []
    for artefact, text, label in documents:
        if artefact not in ("information", "recepisse", "lettre"):
            continue
        for day, _span in extract_dates(artefact, "fin_delai_reflexion", text, matcher):
            seen.append((label, day))
            seen_with_artefact.append((artefact, label, day))
    # documents dated before the last day can be known (posted at a distance, or handed over before
    # a protected employee's authorisation is notified) state the rule, never a date
    early = not handover_documents_state_dates(  # the engine's one rule (issue 9)
        faits.get("salarie.mode_remise"), bool(faits.get("conditions.decision_autorisation_attendue_a_la_remise")))
    premature = [(label, d) for artefact, label, d in seen_with_artefact if early and artefact in DATES_A_LA_REMISE]
    if premature:
        listing = " ; ".join(f"{label} : {display(d)}" for label, d in sorted(set(premature), key=lambda x: (x[0], x[1])))
        add("X.1", NON_CONFORME, f"dernier jour indiqué dans un document daté de l'envoi ou de la remise, où il "
            f"n'est pas encore connu : {listing}")
    elif seen:
        days = {d for _, d in seen}
        wrong = [(label, d) for label, d in seen if (fin is not None and d != fin)]
        if len(days) > 1 or wrong:
            listing = " ; ".join(f"{label} : {display(d)}" for label, d in sorted(set(seen), key=lambda x: (x[0], x[1])))
            add("X.1", NON_CONFORME, f"dates du dernier jour trouvées : {listing}"
                + (f" (moteur : {display(fin)})" if fin is not None else ""))
        else:
            add("X.1", PRESENTE)


def _motive_dates(documents: Sequence[Document], faits: Faits, matcher: Matcher, catalogue: Catalogue, add: Add) -> None:
    """X.2 and X.3: the written motive's date, before the handover and before the acceptance (R-31)."""
    motive_dates: list[tuple[str, Optional[date]]] = []
    for artefact, text, label in _first(documents, "motif"):
        found = extract_dates("motif", "date_document", text, matcher)
        motive_dates.append((label, found[0][0] if found else None))
    remise = faits.get("dates.remise")
    for label, day in motive_dates:
        if day is None:
            add("X.2", ABSENTE, f"{label} : date de l'énoncé introuvable (« …, le <date> »)")
        elif remise is not None and day > remise:
            add("X.2", NON_CONFORME, f"{label} : énoncé daté du {display(day)}, après la remise du {display(remise)}")
        else:
            add("X.2", PRESENTE)
    acceptance = faits.get("reponse.acceptation")
    if acceptance is not None:
        candidates = [(label, d) for label, d in motive_dates if d is not None]
        stating = catalogue.controles["X.3"].motifs if "X.3" in catalogue.controles else ()
        for artefact, text, label in _first(documents, "information"):
            if stating and matcher.any(stating, text.texte):
                found = extract_dates("information", "date_document", text, matcher)
                day = found[0][0] if found else faits.get("dates.remise")
                if day is not None:
                    candidates.append((label, day))
        if motive_dates or _first(documents, "information"):
            good = [(label, d) for label, d in candidates if d <= acceptance]
            if good:
                add("X.3", PRESENTE)
            elif candidates:
                listing = " ; ".join(f"{label} : {display(d)}" for label, d in candidates)
                add("X.3", NON_CONFORME, f"motif écrit daté après l'acceptation du {display(acceptance)} ({listing}) : "
                    "un motif donné après l'acceptation ne régularise pas la rupture (R-31)")
            else:
                add("X.3", ABSENTE, "aucun motif économique écrit et daté dans les documents vérifiés")


def _letter(documents: Sequence[Document], faits: Faits, matcher: Matcher, add: Add) -> None:
    """X.4 and X.5: the letter's date (not before the earliest) and its wording for that date (R-27)."""
    for artefact, text, label in _first(documents, "lettre"):
        found = extract_dates("lettre", "date_document", text, matcher)
        letter_day = found[0][0] if found else None
        variant = detect_variant(text, matcher)
        earliest = faits.get("dates.envoi_lettre_au_plus_tot")
        if variant in ("conservatoire", "licenciement") and earliest is not None:
            if letter_day is None:
                add("X.4", ABSENTE, f"{label} : date de la lettre introuvable (« …, le <date> »)")
            elif letter_day < earliest:
                add("X.4", NON_CONFORME, f"{label} : lettre datée du {display(letter_day)}, avant la date légale "
                    f"au plus tôt du {display(earliest)}")
            else:
                add("X.4", PRESENTE)
        day = letter_day or faits.get("dates.envoi_lettre")
        expected = _variant_expected(day, faits) if day is not None else None
        if expected is None:
            continue
        if variant == expected:
            add("X.5", PRESENTE)
        else:
            found_label = VARIANT_LABELS.get(variant, "rédaction non reconnue")
            add("X.5", NON_CONFORME, f"{label} : {found_label} ; attendu pour une lettre du {display(day)} : "
                f"{VARIANT_LABELS[expected]}")
