"""Builder for the default DOCX templates: a small line markup turned into Word with python-docx.

Used by ``tools/build_templates.py``, which holds the templates' text. One line of markup is one
Word paragraph; Jinja tags are always written inside a single run, so Word never sees a tag split
across runs.

Markup (one paragraph per line, blank lines ignored):

    # text            document title                       (style "CSP Titre")
    ## text           section heading                      (style "CSP Intertitre")
    ~ text            small print                          (style "CSP Note")
    - text            dash list item                       (style "CSP Liste")
    > text            paragraph aligned on the address column (place and date, signature)
    {%p ... %}        docxtpl paragraph tag (the paragraph disappears when rendered)
    @space N          empty paragraph N millimetres high
    @pagebreak        page break
    @cut              cut line of a detachable slip
    @table W1,W2[,..] [box] [height=N]   start a table (column widths in mm; "box" draws borders)
    @cell             start the next cell of the table
    @endtable         end the table
    @keep / @endkeep  paragraphs in between stay on the same page (closing and signature)
    other             body paragraph                       (style "Normal", justified)

Inline: **bold**; [[PAGE]] and [[NUMPAGES]] become page-number fields; "\\t" is a tab.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

SERIF = "Liberation Serif"  # metric-compatible with Times New Roman
SANS = "Liberation Sans"  # metric-compatible with Arial
BODY_SIZE = Pt(11)
TEXT_WIDTH_MM = 160  # A4 (210 mm) minus 25 mm margins on each side
ADDRESS_COLUMN_MM = 85  # window-envelope address: 25 + 85 = 110 mm from the left edge (La Poste zone)
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid",
               "Header", "HeaderChar", "Footer", "FooterChar"}
FIXED_DATE = datetime(2026, 1, 1)

_TAG_OR_TEXT = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\*\*|\[\[PAGE\]\]|\[\[NUMPAGES\]\]|\t)")


@dataclass
class Template:
    """The source of one template: markup for the body, header (pages 2+), footer, properties."""

    filename: str
    body: str
    header: str  # header of the second and following pages
    footer: str
    title: str
    subject: str
    keywords: str = "contrat de sécurisation professionnelle, CSP, licenciement économique"
    category: str = "Documents CSP"


# --- styles -------------------------------------------------------------------------------

def _set_fonts(rpr_owner, name: str) -> None:
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _setup_defaults(doc) -> None:
    styles = doc.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) not in KEEP_STYLES:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), SERIF)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "fr-FR")
    lang.set(qn("w:eastAsia"), "fr-FR")
    spacing = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")


def _paragraph_style(doc, name, *, font=SERIF, size=BODY_SIZE, bold=False, italic=False,
                     align=None, before=0, after=6, keep_next=False, left=None, hanging=None,
                     color=None, base="Normal"):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles[base]
    style.quick_style = True
    _set_fonts(style.element, font)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = italic
    if color:
        style.font.color.rgb = color
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next
    fmt.widow_control = True
    if align is not None:
        fmt.alignment = align
    if left is not None:
        fmt.left_indent = left
    if hanging is not None:
        fmt.first_line_indent = -hanging
    return style


def setup_styles(doc) -> None:
    _setup_defaults(doc)
    normal = doc.styles["Normal"]
    _set_fonts(normal.element, SERIF)
    normal.font.size = BODY_SIZE
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_after = Pt(6)
    fmt.widow_control = True
    _paragraph_style(doc, "CSP Titre", font=SANS, size=Pt(13), bold=True,
                     align=WD_ALIGN_PARAGRAPH.CENTER, before=6, after=4, keep_next=True)
    _paragraph_style(doc, "CSP Intertitre", font=SANS, size=Pt(11), bold=True,
                     align=WD_ALIGN_PARAGRAPH.LEFT, before=10, after=4, keep_next=True)
    _paragraph_style(doc, "CSP Note", size=Pt(9), italic=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                     after=8)
    _paragraph_style(doc, "CSP Liste", left=Mm(8), hanging=Mm(5), after=3)
    _paragraph_style(doc, "CSP Colonne", align=WD_ALIGN_PARAGRAPH.LEFT, left=Mm(ADDRESS_COLUMN_MM),
                     after=0)
    _paragraph_style(doc, "CSP Bloc", align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    _paragraph_style(doc, "CSP Cellule", align=WD_ALIGN_PARAGRAPH.LEFT, after=2)
    _paragraph_style(doc, "CSP Coupure", font=SANS, size=Pt(9), align=WD_ALIGN_PARAGRAPH.CENTER,
                     after=10, color=RGBColor(0x55, 0x55, 0x55))
    for name in ("Header", "Footer"):
        style = doc.styles[name]
        _set_fonts(style.element, SANS)
        style.font.size = Pt(8)
        style.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        style.paragraph_format.space_after = Pt(0)
        tabs = style.element.pPr.find(qn("w:tabs"))
        if tabs is not None:
            style.element.pPr.remove(tabs)
        style.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)


# --- inline content -----------------------------------------------------------------------

def _field(paragraph, instruction: str, placeholder: str, bold: bool) -> None:
    def run_with(element):
        run = paragraph.add_run()
        run.bold = bold or None
        run._r.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run(placeholder).bold = bold or None
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


_NBSP = "\u00a0"
_DIGIT_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")
_TYPOGRAPHY = (
    (re.compile(r" (?=[:;%»?!])"), _NBSP),  # French spacing before high punctuation
    (re.compile(r"(?<=«) "), _NBSP),
    (re.compile(r"(?<=\bL\.) (?=\d)"), _NBSP),  # "L. 1233-66" never broken
    (re.compile(r"(?<=[n°§]) (?=\d)"), _NBSP),
    (re.compile(r"(?<=\d) (?=[a-zA-Zéèàû])"), _NBSP),  # "21 jours", "88 jours"
)


def typography(text: str) -> str:
    """No-break spaces where French typography requires them (text outside tags only)."""
    for pattern, replacement in _TYPOGRAPHY:
        text = pattern.sub(replacement, text)
    return text


def add_inline(paragraph, text: str) -> None:
    """Runs for one line: **bold** toggles, tags kept whole in one run, fields, tabs."""
    bold = False
    for token in _TAG_OR_TEXT.split(text):
        if not token:
            continue
        if token == "**":
            bold = not bold
        elif token == "[[PAGE]]":
            _field(paragraph, "PAGE", "1", bold)
        elif token == "[[NUMPAGES]]":
            _field(paragraph, "NUMPAGES", "1", bold)
        elif token == "\t":
            paragraph.add_run().add_tab()
        else:
            if token.startswith(("{{", "{%", "{#")):
                pieces = [token]
            else:
                # "L. 1233-67": a hyphen between digits never breaks the line (w:noBreakHyphen)
                pieces = _DIGIT_HYPHEN.split(typography(token))
            for i, piece in enumerate(pieces):
                if i:
                    run = paragraph.add_run()
                    run._r.append(OxmlElement("w:noBreakHyphen"))
                    if bold:
                        run.bold = True
                if piece:
                    run = paragraph.add_run(piece)
                    if bold:
                        run.bold = True
    if bold:
        raise ValueError(f"unbalanced ** in: {text!r}")


# --- block content ------------------------------------------------------------------------

def _cell_margins(table, mm: float) -> None:
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(mm * 56.7)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def _borders(table, visible: bool) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        if visible and side not in ("insideH", "insideV"):
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "6")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


class _Container:
    """Where paragraphs go: the document body, a header/footer, or a table cell."""

    def __init__(self, target, fresh: bool):
        self.target = target
        self.fresh = fresh  # a new table cell holds one empty paragraph to reuse first

    def paragraph(self, style=None):
        if self.fresh:
            self.fresh = False
            p = self.target.paragraphs[0]
            if style:
                p.style = style
            return p
        return self.target.add_paragraph(style=style)


def _new_table(doc, container, spec: str):
    parts = spec.split()
    widths = [float(w) for w in parts[0].split(",")]
    box = "box" in parts[1:]
    height = next((float(p.split("=")[1]) for p in parts[1:] if p.startswith("height=")), None)
    if container.target is not doc:
        raise ValueError("@table is only allowed in the document body")
    table = doc.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _borders(table, box)
    _cell_margins(table, 2.0 if box else 0)
    for i, width in enumerate(widths):
        table.columns[i].width = Mm(width)
        table.rows[0].cells[i].width = Mm(width)
    if height:
        table.rows[0].height = Mm(height)
        table.rows[0].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    return table


class _Writer:
    """Appends markup lines to a document, keeping track of tables and keep-together blocks."""

    _PREFIXES = (("## ", "CSP Intertitre"), ("# ", "CSP Titre"), ("~ ", "CSP Note"),
                 ("- ", "CSP Liste"), ("> ", "CSP Colonne"))

    def __init__(self, doc, target):
        self.doc = doc
        self.stack = [_Container(target, fresh=False)]
        self.table = None
        self.cell_index = -1
        self.keep = False
        self.cell_style = "CSP Bloc"

    def line(self, line: str) -> None:
        if line in ("@keep", "@endkeep"):
            self.keep = line == "@keep"
        elif line.startswith("@table "):
            self.table = _new_table(self.doc, self.stack[-1], line[len("@table "):])
            self.cell_index = -1
            # boxed forms get a little air between lines; address blocks stay tight
            self.cell_style = "CSP Cellule" if " box" in line else "CSP Bloc"
        elif line == "@cell":
            self.cell_index += 1
            if len(self.stack) > 1:
                self.stack.pop()
            self.stack.append(_Container(self.table.rows[0].cells[self.cell_index], fresh=True))
        elif line == "@endtable":
            self.stack.pop()
            self.table = None
        else:
            paragraph = self._paragraph(line)
            if self.keep:
                paragraph.paragraph_format.keep_with_next = True

    def _paragraph(self, line: str):
        here = self.stack[-1]
        if line.startswith("@space "):
            p = here.paragraph("CSP Bloc")
            p.paragraph_format.line_spacing = Mm(float(line.split()[1]))
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            return p
        if line == "@pagebreak":
            p = here.paragraph("CSP Bloc")
            p.add_run().add_break(WD_BREAK.PAGE)
            return p
        if line == "@cut":
            p = here.paragraph("CSP Coupure")
            add_inline(p, "✂ " + "- " * 40 + "\u00a0(à détacher)")
            return p
        style, text = None, line
        for prefix, name in self._PREFIXES:
            if line.startswith(prefix):
                style, text = name, line[len(prefix):]
                break
        if style is None and len(self.stack) > 1:
            style = self.cell_style  # text in table cells is left-aligned
        p = here.paragraph(style)
        if style == "CSP Liste":
            text = "–\t" + text
            p.paragraph_format.tab_stops.add_tab_stop(Mm(8))
        add_inline(p, text)
        return p


def add_markup(doc, target, markup: str) -> None:
    """Append the paragraphs described by ``markup`` (see module docstring)."""
    writer = _Writer(doc, target)
    for raw in markup.strip("\n").splitlines():
        if raw.strip():
            writer.line(raw.strip())
    if len(writer.stack) != 1 or writer.keep:
        raise ValueError("@table without @endtable, or @keep without @endkeep")


def _fill(part, markup: str, style: str) -> None:
    part.is_linked_to_previous = False
    paragraph = part.paragraphs[0]
    lines = [line for line in markup.strip("\n").splitlines() if line.strip()] or [""]
    for i, line in enumerate(lines):
        p = paragraph if i == 0 else part.add_paragraph()
        p.style = style
        add_inline(p, line.strip())


# --- document -----------------------------------------------------------------------------

def _strip_package(doc) -> None:
    """Drop what python-docx's default template carries but a letter does not need."""
    for rId, rel in list(doc.part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in ("stylesWithEffects", "customXml", "webSettings"):
            del doc.part.rels[rId]
    package_rels = doc.part.package.rels
    for rId, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rId]
    settings = doc.settings.element
    hyphenation = OxmlElement("w:autoHyphenation")
    settings.append(hyphenation)


def _deterministic_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            new.compress_type = zipfile.ZIP_DEFLATED
            new.create_system = 0
            new.external_attr = 0
            dst.writestr(new, src.read(info))
    return out.getvalue()


def build(template: Template) -> bytes:
    doc = Document()
    _strip_package(doc)
    setup_styles(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    section.header_distance, section.footer_distance = Mm(8), Mm(10)
    section.different_first_page_header_footer = True
    add_markup(doc, doc, template.body)
    # page 1: no running header (the letterhead is in the body); pages 2+: a running header
    _fill(section.header, template.header, "Header")
    _fill(section.first_page_header, "", "Header")
    _fill(section.footer, template.footer, "Footer")
    _fill(section.first_page_footer, template.footer, "Footer")
    props = doc.core_properties
    props.title = template.title
    props.subject = template.subject
    props.author = "{{ employeur.denomination }}"
    props.keywords = template.keywords
    props.category = template.category
    props.comments = "Document établi pour {{ salarie.nom_complet }} (matricule {{ salarie.matricule }})"
    props.language = "fr-FR"
    props.last_modified_by = "cspdocs"
    props.revision = 1
    props.created = props.modified = FIXED_DATE
    buffer = io.BytesIO()
    doc.save(buffer)
    return _deterministic_zip(buffer.getvalue())
