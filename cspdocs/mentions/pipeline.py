"""Checking a whole set of documents: the generate pipeline and ``cspdocs check`` call this.

    rapport = check_rendered(resultat_dossier, {"E101": {"information": docx_bytes, ...}, ...})
    if rapport.bloquant: ...   # an obligatoire mention is missing: publish nothing
    manifest["mentions"] = rapport.to_json()
    print(rapport.texte())     # French report

Keys of the inner mapping are artefact names (``information``, ``recepisse``, ``lettre``,
``motif``) or template file names whose stem is one (``lettre.docx``); any other key is
recognised from the document's title. Values are DOCX or PDF bytes, or a ``Texte``.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Mapping, Optional, Sequence, Union

from ..engine.facts import CaseResult, EmployeeResult
from .checker import check_artefact
from .crosscheck import cross_check
from .extract import DocumentIllisible, Texte, document_text
from .facts import Faits
from .folded_text import TexteCompare
from .matcher import Matcher
from .model import Catalogue, default_catalogue
from .recognition import recognise_artefact
from .report import CheckedDocument, MentionReport

DocumentSource = Union[bytes, Texte, str]


def artefact_from_key(key: str, catalogue: Catalogue) -> Optional[str]:
    stem = PurePath(key).stem if "." in key else key
    return stem if stem in catalogue.artefacts else None


def check_employee(resultat: CaseResult, rs: EmployeeResult,
                   documents: Sequence[tuple[Optional[str], Texte, str]],
                   catalogue: Optional[Catalogue] = None) -> MentionReport:
    """Check one employee's documents: ``(artefact or None, text, label)`` each.

    An artefact given as None is recognised from the text; a document that cannot be
    recognised is reported as an error (it blocks).
    """
    catalogue = catalogue or default_catalogue()
    rapport = MentionReport(resultat.name)
    matricule = rs.employee.matricule
    rapport.noms[matricule] = f"{rs.employee.prenom} {rs.employee.nom}"
    folded_docs = []
    matcher = Matcher(catalogue, Faits(resultat, rs))
    for artefact, texte, label in documents:
        artefact = artefact or recognise_artefact(texte, catalogue, texte.titre)
        if artefact is None:
            rapport.erreurs.append(
                f"{label} : document non reconnu (aucun titre de document CSP trouvé) ; "
                "préciser l'artefact avec --artefact"
            )
            continue
        folded = TexteCompare.de(texte)
        applicable = matcher.faits.holds(catalogue.artefact(artefact).applicable)
        results = check_artefact(artefact, folded, resultat, rs, catalogue, matcher) if applicable else []
        rapport.documents.append(CheckedDocument(matricule, rapport.noms[matricule], artefact, label, results, applicable))
        if applicable:
            folded_docs.append((artefact, folded, label))
    rapport.controles.extend(cross_check(folded_docs, resultat, rs, catalogue, matcher))
    return rapport


def check_rendered(resultat: CaseResult, rendered: Mapping[str, Mapping[str, DocumentSource]],
                   catalogue: Optional[Catalogue] = None) -> MentionReport:
    """Check the documents rendered for each employee (matricule -> {artefact: bytes}).

    Returns the report; ``rapport.bloquant`` is True when an obligatoire mention is missing,
    forbidden wording is present, a value or a date is wrong, or a document is unreadable:
    the caller must then publish nothing.
    """
    catalogue = catalogue or default_catalogue()
    by_matricule = {rs.employee.matricule: rs for rs in resultat.employees}
    rapport = MentionReport(resultat.name)
    for matricule, docs in rendered.items():
        rs = by_matricule.get(matricule)
        if rs is None:
            rapport.erreurs.append(f"matricule « {matricule} » absent du dossier : documents non vérifiés")
            continue
        prepared: list[tuple[Optional[str], Texte, str]] = []
        for key, source in docs.items():
            try:
                texte = source if isinstance(source, Texte) else document_text(source.encode() if isinstance(source, str) else source)
            except DocumentIllisible as exc:
                rapport.erreurs.append(f"{matricule}, {key} : {exc}")
                continue
            prepared.append((artefact_from_key(key, catalogue), texte, key))
        # issue 10: each document against the facts of its own date as of resultat.as_of (render/dated.py)
        from ..render import dated

        rapport.merge(dated.check(resultat, rs, dated.view(resultat, rs), prepared, catalogue))
    return rapport


def check_lot(resultat: CaseResult, lot, catalogue: Optional[Catalogue] = None) -> MentionReport:
    """Adapter for ``cspdocs.generate``: check a rendered ``Lot`` (bytes in memory) before ``publish``.

        lot = render_batch(charge, resultat, modeles, matricules)
        rapport = check_lot(resultat, lot)
        if rapport.bloquant:   # publish nothing; print rapport.texte() on stderr; exit 1
            ...
        manifest["mentions"] = rapport.to_json()

    Each ``DocumentRendu`` is checked as its artefact (``doc.artefact.cle``) and labelled with its
    output file name; omitted artefacts (``LotSalarie.omis``) are not checked.
    """
    rendered: dict[str, dict[str, DocumentSource]] = {}
    labels: dict[tuple[str, str], str] = {}
    for s in lot.salaries:
        docs: dict[str, DocumentSource] = {}
        for doc in s.documents:
            docs[doc.artefact.cle] = doc.contenu
            labels[(s.matricule, doc.artefact.cle)] = doc.artefact.fichier
        rendered[s.matricule] = docs
    rapport = check_rendered(resultat, rendered, catalogue)
    for d in rapport.documents:
        d.fichier = labels.get((d.employe, d.artefact), d.fichier)
    return rapport
