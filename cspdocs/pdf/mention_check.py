"""The mention check on the text of the PDFs: each employee's PDFs checked as the DOCX were
(mentions/pipeline.check_rendered), what differs from the DOCX check, the compact report kept in
manifest.json, and the error that stops publication when a mandatory mention is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from lxml import etree

from ..engine.facts import CaseResult
from ..mentions.checker import INTERDITE, STATUTS
from ..mentions.extract import Texte, margin_texts
from ..mentions.pipeline import check_rendered
from ..mentions.report import MentionReport
from .errors import PdfError
from .text import normalize_text


class MentionsPdfNonConformes(PdfError):
    """A mandatory mention fails in the text of a PDF (nothing is published)."""

    def __init__(self, rapport: MentionReport, ecarts: list[dict[str, Any]]) -> None:
        self.rapport = rapport
        self.ecarts = ecarts
        lines = ["Contrôle des mentions sur le texte des PDF : échec."]
        lost = [e for e in ecarts if e["niveau"] == "obligatoire"]
        if lost:
            lines.append("Mentions obligatoires conformes dans le DOCX mais pas dans le PDF "
                         "(conversion par LibreOffice, polices ?) :")
            lines += [
                f"  - {e['matricule']}, {e['fichier']} : {e['mention']} {e['libelle']} "
                f"(DOCX : {_statut(e['statut_docx'])} ; PDF : {_statut(e['statut_pdf'])})"
                for e in lost
            ]
        lines.append(rapport.texte())
        super().__init__("\n".join(lines))


def check_pdf_texts(resultat: CaseResult, matricule: str, texts: dict[str, tuple[str, Path, str]]) -> MentionReport:
    """The mention check of one employee's PDFs: ``texts`` maps each artefact key to (the PDF's
    text, its DOCX, the PDF's file name shown in the report)."""
    mine = {}
    for key, (text, docx, _) in texts.items():
        text = margins_last(text, docx)
        mine[key] = Texte((text,), "", text)
    rapport = check_rendered(resultat, {matricule: mine} if mine else {})
    for d in rapport.documents:
        if d.employe == matricule and d.artefact in texts:
            d.fichier = texts[d.artefact][2]
    return rapport


def margins_last(text: str, docx: Path) -> str:
    """The PDF text with the document's own header and footer lines taken out of the flow and
    given once at the end (as the DOCX text has them): a header printed on the following pages
    only (a "different first page") is not repeated on every page, so the PDF extraction leaves
    it in the middle of any sentence running over a page break."""
    try:
        margins = margin_texts(docx)
    except (OSError, ValueError, KeyError, etree.XMLSyntaxError):
        return text
    found = [m for m in dict.fromkeys(margins) if len(m) > 20 and m in text]
    for margin in found:
        text = text.replace(margin, " ")
    return normalize_text(" ".join([text, *found])) if found else text


def _keyed(rapport: MentionReport) -> dict[tuple[str, str, str, bool], tuple[Any, Any]]:
    """(matricule, artefact, mention, forbidden wording?) -> (document, result).

    A mention gives one result for its presence and, when a forbidden wording is found, a
    second one with the same id: the flag tells them apart."""
    return {
        (d.employe, d.artefact, r.mention, r.statut == INTERDITE): (d, r)
        for d in rapport.documents for r in d.resultats
    }


def ecarts_docx_pdf(docx: MentionReport, pdf: MentionReport) -> list[dict[str, Any]]:
    """Every mention whose status in a PDF differs from its status in the DOCX (``None``:
    no such result, e.g. a forbidden wording found in one only)."""
    before, after = _keyed(docx), _keyed(pdf)
    converted = {(d.employe, d.artefact) for d in pdf.documents}
    found = []
    for key in [*after, *(k for k in before if k not in after)]:
        if key[:2] not in converted:
            continue
        d, r = after.get(key) or before[key]
        statut_docx = before[key][1].statut if key in before else None
        statut_pdf = after[key][1].statut if key in after else None
        if statut_docx != statut_pdf:
            pdf_doc = after[key][0] if key in after else next(
                x for x in pdf.documents if (x.employe, x.artefact) == key[:2])
            found.append({
                "matricule": d.employe, "artefact": d.artefact, "fichier": pdf_doc.fichier,
                "mention": r.mention, "libelle": r.libelle, "niveau": r.niveau,
                "statut_docx": statut_docx, "statut_pdf": statut_pdf,
            })
    return found


def _statut(statut: Optional[str]) -> str:
    return STATUTS[statut] if statut is not None else "non trouvée"


def compact_report(rapport: MentionReport, ecarts: list[dict[str, Any]]) -> dict[str, Any]:
    """The PDF mention check for manifest.json: the status of every mention of every PDF,
    without repeating the wording, source and expected text already given for the DOCX files
    (``manifest["mentions"]``), and the mentions whose status differs from the DOCX."""
    full = rapport.to_json()
    return {
        "statut": full["statut"],
        "mentions_obligatoires_en_defaut": full["mentions_obligatoires_en_defaut"],
        "avertissements": full["avertissements"],
        "erreurs": full["erreurs"],
        "ecarts_docx_pdf": ecarts,
        "documents": [
            {
                "matricule": d.employe,
                "artefact": d.artefact,
                "fichier": d.fichier,
                "conforme": d.conforme,
                "mentions": [{"id": r.mention, "statut": r.statut} for r in d.resultats],
            }
            for d in rapport.documents
        ],
        "controles": [
            {"matricule": r.employe, "id": r.mention, "statut": r.statut} for r in rapport.controles
        ],
    }


__all__ = ["MentionsPdfNonConformes", "check_pdf_texts", "compact_report", "ecarts_docx_pdf", "margins_last"]
