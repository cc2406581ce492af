"""Text normalisation and extraction for the mention checks (no LibreOffice needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from cspdocs.pdf import fasttext, runs
from cspdocs.pdf.text import (
    extract_clean_pages,
    extract_pages,
    extract_pdf_text,
    match_key,
    missing_mentions,
    normalize_text,
    strip_repeated_margins,
)
from tests.support.paths import TESTS

FIXTURES = TESTS / "fixtures" / "pdf"
LETTER = FIXTURES / "lettre_proposition.pdf"  # LibreOffice 7.4 output of pdf_support.make_letter
NOTE = FIXTURES / "note_information.pdf"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8\u202f233,33\u00a0€", "8 233,33 €"),
        ("l\u2019allocation", "l'allocation"),
        ("« contrat de sécurisation »", '"contrat de sécurisation"'),
        ("\u201ccontrat\u201d", '"contrat"'),
        ("un  délai\tde\n\nréflexion ", "un délai de réflexion"),
        ("sécu\u00adrisation", "sécurisation"),
        ("France-\nTravail", "France-Travail"),
        ("peut-\n  être", "peut-être"),
        ("\ufb01n de contrat", "fin de contrat"),
        ("fin\nPage 1 / 2\ndébut", "fin début"),
        ("fin\npage 2 sur 3\ndébut", "fin début"),
        ("fin\n2/3\ndébut", "fin début"),
        ("fin\n- 2 -\ndébut", "fin début"),
        ("Le 3/4 du salaire", "Le 3/4 du salaire"),  # not alone on its line: kept
        ("non\u2011cadre", "non-cadre"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected
    assert normalize_text(expected) == expected  # idempotent


def test_match_key_ignores_layout_differences() -> None:
    docx = "Vous disposez d\u2019un délai de réflexion de 21\u00a0jours."
    pdf = "Vous  disposez  d'un  délai  de\nréflexion de 21 jours."
    hyphenated = "Vous disposez d'un délai de ré-\nflexion de 21 jours."
    assert match_key(docx) == match_key(pdf) == match_key(hyphenated)


def test_missing_mentions() -> None:
    text = "Le « contrat de sécurisation\nprofessionnelle » vous est proposé. Page 1 / 1"
    mentions = ["« contrat de sécurisation professionnelle »", "délai de réflexion"]
    assert missing_mentions(text, mentions) == ["délai de réflexion"]


def test_repeated_margins_leave_the_text_flow() -> None:
    pages = [
        "Société X — Strasbourg\nDébut de la phrase\nqui continue\nSociété X – lettre Page 1 / 3",
        "Société X — Strasbourg\nsur la page\nSociété X – lettre Page 2 / 3",
        "Société X — Strasbourg\nsuivante.\nSociété X – lettre Page 3 / 3",
    ]
    joined = normalize_text("\n".join(strip_repeated_margins(pages)))
    assert joined == (
        "Début de la phrase qui continue sur la page suivante. "
        "Société X — Strasbourg Société X – lettre Page 1 / 3"
    )
    assert strip_repeated_margins(["un", "deux"]) == ["un", "deux"]


def test_extracted_french_text_survives() -> None:
    text = extract_pdf_text(LETTER)
    for fragment in ("sécurisation", "Lefèvre", "œuvre", "naïve", "Noël", "Ça", "À", "É",
                     '"contrat de sécurisation professionnelle"', "8 233,33 €", "75 %",
                     "l'allocation", "21 jours"):
        assert fragment in text
    assert "Page 1" not in text
    assert text.count("12 rue de l'Église") == 1  # header de-duplicated across pages
    pages = extract_clean_pages(LETTER)
    assert len(pages) == 2 and "\n" in pages[0]
    assert "Église" not in pages[0] and pages[1].endswith("67000 Strasbourg")  # moved last


@pytest.mark.parametrize("pdf", [LETTER, NOTE], ids=lambda p: p.name)
def test_fast_extraction_matches_pypdf(pdf: Path) -> None:
    fast = extract_pages(pdf)
    slow = extract_pages(pdf, engine="pypdf")
    assert len(fast) == len(slow)
    for page_fast, page_slow in zip(fast, slow):
        assert normalize_text(page_fast) == normalize_text(page_slow)
        assert page_fast.count("\n") == page_slow.count("\n")  # same line breaks
    # and the fast path really ran (no fallback) on LibreOffice's output
    reader = PdfReader(pdf)
    assert all(fasttext.page_text(page) for page in reader.pages)


def _font(mapping: dict[int, str]) -> fasttext.Font:
    return fasttext.Font(mapping, {code: 500.0 for code in mapping}, 0.0)


def _run(content: bytes, mapping: dict[int, str] | None = None) -> str:
    mapping = mapping or {1: "a", 2: "b", 3: " ", 4: "é"}
    return fasttext.TextInterpreter({"F1": _font(mapping)}).run(content)


def test_fast_path_lines_and_spaces() -> None:
    content = (
        b"BT 90 700 Td /F1 10 Tf [<0102>-3<03>2<04>]TJ ET\n"
        b"BT 200 700 Td /F1 10 Tf <01>Tj ET\n"  # same line, far right: a space
        b"BT 90 686 Td /F1 10 Tf (\\001\\002)Tj 12 TL T* [<01> -600 <02>] TJ ET"
    )
    assert _run(content) == "ab é a\nab\na b"


def test_libreoffice_text_blocks_read_in_one_token_or_operator_by_operator() -> None:
    # LibreOffice's usual block (q, colour, BT, Td, Tf, one TJ, ET, Q), marked content around it,
    # then a block with a second show inside: the long array must not make the tokenizer backtrack
    # exponentially when the one-token form does not apply.
    long = b"[" + b"<01>-85<02>-4" * 2000 + b"]TJ"
    content = (
        b"/P <</MCID 0>> BDC q 0 0 0 rg\nBT\n90 700 Td /F1 10 Tf[<0102>-3<04>]TJ\nET\nQ\nEMC\n"
        b"q 0 0 0 rg\nBT\n90 686 Td /F1 10 Tf" + long + b"\n1 0 0 1 90 672 Tm\n/F1 10 Tf<04>Tj\nET\nQ"
    )
    assert _run(content) == "abé\n" + "ab" * 2000 + "\né"


@pytest.mark.parametrize(
    "content",
    [
        b"BT 0 1 -1 0 100 100 Tm /F1 10 Tf <01>Tj ET",  # rotated
        b"BT 90 700 Td /F1 10 Tf <09>Tj ET",  # code without ToUnicode entry
        b"q /Fm0 Do Q",  # a form XObject may hold text
        b"BT /F9 10 Tf <01>Tj ET",  # unknown font
        b"BT 90 700 Td /F1 10 Tf (a(b)c) Tj ET",  # nested parentheses
    ],
)
def test_fast_path_gives_up_when_unsure(content: bytes) -> None:
    with pytest.raises(fasttext.Unsupported):
        _run(content)


def test_a_run_decoded_once_per_font_is_not_decoded_again() -> None:
    # runs.py: the same TJ array with the same font gives the same pieces from the font's memory
    font = _font({1: "a", 2: "b", 3: " ", 4: "é"})
    interpreter = lambda: fasttext.TextInterpreter({"F1": font})  # noqa: E731
    content = b"q 0 g\nBT\n90 700 Td /F1 10 Tf[<0102>-300<04>]TJ\nET\nQ\nq 0 g\nBT\n90 686 Td /F1 10 Tf<0304>Tj\nET\nQ"
    assert interpreter().run(content) == "ab é\n é"
    assert set(font.runs) == {b"<0102>-300<04>", b"<0304>"}
    font.runs[b"<0304>"] = (("remembered",), 1000.0, 2, 1)  # what a second reading takes
    assert interpreter().run(content) == "ab é\nremembered"


def test_a_gap_opening_a_run_depends_on_the_line_and_is_not_remembered() -> None:
    font = _font({1: "a", 2: "b"})
    content = b"BT 90 700 Td /F1 10 Tf <01>Tj ET\nq 0 g\nBT\n95 700 Td /F1 10 Tf[-300<02>]TJ\nET\nQ"
    assert fasttext.TextInterpreter({"F1": font}).run(content) == "a b"
    alone = b"q 0 g\nBT\n95 700 Td /F1 10 Tf[-300<02>]TJ\nET\nQ"
    assert fasttext.TextInterpreter({"F1": font}).run(alone) == "b"  # nothing before: no space
    assert b"-300<02>" not in font.runs


def test_the_runs_remembered_per_font_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(runs, "_RUNS_PER_FONT", 2)
    font = _font({1: "a", 2: "b", 3: "c"})
    for code in (b"<01>", b"<02>", b"<03>"):
        assert runs.string_run(font, code)[0] == (font.decode(bytes.fromhex(code[1:-1].decode())),)
    assert set(font.runs) == {b"<01>", b"<02>"}


@pytest.mark.parametrize("body", [b"<01> 1.2.3", b"<01> 1e5", b"<0<1>>"])
def test_a_malformed_hex_array_read_loosely_is_refused(body: bytes) -> None:
    # the tokenizer reads LibreOffice's TJ arrays with a character class; their form is checked
    with pytest.raises(fasttext.Unsupported):
        _run(b"q 0 g\nBT\n90 700 Td /F1 10 Tf[" + body + b"]TJ\nET\nQ")


def test_parse_to_unicode_ranges() -> None:
    cmap = (
        b"2 beginbfchar\n<01> <0053>\n<02> <00E9>\nendbfchar\n"
        b"1 beginbfrange\n<03> <05> <0061>\nendbfrange\n"
        b"1 beginbfrange\n<06> <07> [<0066006C> <2019>]\nendbfrange\n"
    )
    assert fasttext.parse_to_unicode(cmap) == {
        1: "S", 2: "é", 3: "a", 4: "b", 5: "c", 6: "fl", 7: "\u2019",
    }


# --- the document's own headers and footers, given once after the PDF text (mention_check.py) ----

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def _docx(header: str, footer: str) -> bytes:
    import io
    import zipfile

    def part(tag: str, text: str) -> str:
        return f'<w:{tag} {_W}><w:p><w:r><w:t>{text}</w:t></w:r></w:p><w:p/></w:{tag}>'

    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             f'<Override PartName="/word/document.xml" ContentType="{_TYPE}document.main+xml"/>'
             f'<Override PartName="/word/footer1.xml" ContentType="{_TYPE}footer+xml"/>'
             f'<Override PartName="/word/header1.xml" ContentType="{_TYPE}header+xml"/>'
             f'<Override PartName="/word/header2.xml" ContentType="{_TYPE}header+xml"/></Types>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("word/document.xml", f'<w:document {_W}><w:body>{part("p", "corps")}</w:body></w:document>')
        zf.writestr("word/header1.xml", part("hdr", header))
        zf.writestr("word/footer1.xml", part("ftr", footer))  # header2.xml declared but absent
    return buffer.getvalue()


def test_margin_texts_reads_each_document_s_own_headers_and_footers() -> None:
    from cspdocs.mentions.extract import margin_texts

    first = _docx("Société  Acme – Lettre recommandée", "Page de pied « un »")
    assert margin_texts(first) == ['Page de pied "un"', "Société Acme – Lettre recommandée"]
    assert margin_texts(first) == margin_texts(_docx("Société  Acme – Lettre recommandée", "Page de pied « un »"))
    # read once per distinct bytes: another employee's header is not taken for the first one's
    assert margin_texts(_docx("Société Bêta", "Page de pied « un »")) == ['Page de pied "un"', "Société Bêta"]


def test_margins_last_moves_the_header_out_of_a_sentence_running_over_a_page(tmp_path) -> None:
    from cspdocs.pdf.mention_check import margins_last

    docx = tmp_path / "lettre.docx"
    docx.write_bytes(_docx("Société Acme – Lettre recommandée", "court"))
    text = "le délai de Société Acme – Lettre recommandée réflexion est de 21 jours"
    assert margins_last(text, docx) == "le délai de réflexion est de 21 jours Société Acme – Lettre recommandée"
    assert margins_last("sans en-tête", docx) == "sans en-tête"  # short margins ("court") are left
    assert margins_last(text, tmp_path / "absent.docx") == text  # unreadable DOCX: text as is
