"""Page and paragraph styles that make an exported .docx look like a UN draft.

A4 with 2.5 cm margins, Times New Roman 12 pt (10 pt for footnotes), justified text,
preambular paragraphs and operative numbers indented 1.27 cm as in UN documents,
subparagraphs indented one and two steps further. Named paragraph styles ("UN Operative",
"UN Subparagraph", ...) keep the structure visible in Word's style pane and let the
importer read a drafter export back without guessing.
"""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
STEP = 1.27  # cm, the UN indent step

# name: (left indent, first-line indent, tab stop) in cm; all justified
BODY_STYLES = {
    "UN Preambular": (0, STEP, None),
    "UN Operative": (0, STEP, 2 * STEP),
    "UN Subparagraph": (STEP, STEP, 3 * STEP),
    "UN Subparagraph 2": (2 * STEP, STEP, 4 * STEP),
    "UN Note": (0, 0, None),
}
HEADER_STYLES = ("UN Header", "UN Sponsors", "UN Title", "UN Organ", "UN Heading", "UN Summary")
DRAFTER_STYLES = set(BODY_STYLES) | set(HEADER_STYLES)
PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                    "w:pPrChange")


def _set_font(style, size: float, bold: bool | None = None, italic: bool | None = None) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic


def _builtin(styles, name: str, xml_name: str, kind):
    """A Word built-in style by its internal lower-case name (so Word treats it as built-in)."""
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, kind)
        style.element.find(qn("w:name")).set(qn("w:val"), xml_name)
        style.element.set(qn("w:styleId"), name.replace(" ", ""))
        return style


def set_up(document) -> None:
    """Page size, margins, default font and the UN paragraph styles."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
    styles = document.styles
    normal = styles["Normal"]
    _set_font(normal, 12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, (left, first, tab) in BODY_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(first)
        fmt.space_after = Pt(6)
        if tab is not None:
            fmt.tab_stops.add_tab_stop(Cm(tab))
    styles["UN Note"].font.size = Pt(10)
    for name in HEADER_STYLES:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.paragraph_format.space_after = Pt(0)
    styles["UN Summary"].paragraph_format.space_after = Pt(4)
    styles["UN Sponsors"].paragraph_format.space_before = Pt(18)
    styles["UN Sponsors"].paragraph_format.space_after = Pt(6)
    styles["UN Sponsors"].paragraph_format.left_indent = Cm(STEP)
    title = styles["UN Title"]
    _set_font(title, 12, bold=True)
    title.paragraph_format.left_indent = Cm(STEP)
    title.paragraph_format.right_indent = Cm(2 * STEP)
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    title.paragraph_format.keep_with_next = True
    organ = styles["UN Organ"]
    organ.paragraph_format.first_line_indent = Cm(STEP)
    organ.paragraph_format.space_after = Pt(6)
    heading = styles["UN Heading"]
    _set_font(heading, 12, bold=True)
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.space_after = Pt(6)
    heading.paragraph_format.keep_with_next = True
    note = _builtin(styles, "Footnote Text", "footnote text", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    _set_font(note, 10)
    note.paragraph_format.space_after = Pt(0)
    note.paragraph_format.left_indent = Cm(STEP)
    note.paragraph_format.first_line_indent = Cm(-0.5)
    ref = _builtin(styles, "Footnote Reference", "footnote reference", WD_STYLE_TYPE.CHARACTER)
    ref.font.superscript = True


def bottom_rule(paragraph) -> None:
    """A thin rule under a header line, as under the symbol line of UN documents."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, *PPR_AFTER_BORDER)
