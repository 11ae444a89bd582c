"""Write a parsed Disclosure back out as a document, the way finance offices lay them out.

Test fixtures, not product code: ``load(to_docx(load(x)))`` must give the model of
``x``. Each table is written from what the model keeps of it: the title, the unit line,
the header rows as printed (merged cells once, a vertically merged cell blank below its
first row), the body rows as printed and the note. The spans of merged header cells are
not stored, so they are rebuilt from the column labels (``Table.columns``), which name
every header cell a column sits under.

- ``to_docx``: unit line as the first table row or a paragraph, real merged cells, and
  on request a table split over a page break, cell lines as line breaks, the title as
  the first table row, headings as bold paragraphs.
- ``to_xlsx``: one sheet per table (or all on one sheet), amounts as numbers with a
  number format or as text.
- ``to_txt``: the text extraction form of seed.txt.
- ``comparable``: what must survive a rewrite, as plain data for ``==``.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from collections.abc import Mapping

from budget.model import Disclosure, Section, Table, TableKind
from loaders.recognize import squash

# ---------------------------------------------------------------- layout


@dataclass(frozen=True)
class Placed:
    """One printed cell: its grid rectangle (rows, columns) and its text."""

    row: int
    col: int
    span: int
    depth: int
    text: str


def header_spans(table: Table) -> list[list[int]]:
    """The span of each printed header cell: a labelled cell covers the columns whose
    labels name it; a blank cell continues the cell above it (same start, same span)."""
    width = len(table.columns)
    parts = [label.split("/") for label in table.columns]
    result: list[list[int]] = []
    above: dict[int, int] = {}  # start column -> span, in the row above
    for row in table.header:
        spans, c = [], 0
        for k, text in enumerate(row):
            room = width - c - (len(row) - k - 1)  # leave a column for each cell to come
            if k == len(row) - 1:
                span = width - c
            elif text:
                word, span = squash(text), 1
                while span < room and word in parts[c + span]:
                    span += 1
            else:
                span = above.get(c, 1)
            span = max(1, min(span, room))
            spans.append(span)
            c += span
        above = {}
        c = 0
        for span in spans:
            above[c] = span
            c += span
        result.append(spans)
    return result


def body_spans(row: tuple[str, ...], width: int) -> list[int]:
    """A short body row is a label merged over the leading columns ("合计" over 类/款/项)."""
    spans = [1] * len(row)
    if row and len(row) < width:
        spans[0] = width - len(row) + 1
    return spans


def unit_parts(unit_line: str) -> list[str]:
    """ "216001名称 预算年度：2023 单位：万元" -> its three printed pieces."""
    return [p for p in re.split(r"\s+(?=预算年度|单位\s*[:：(（]|[（(]单位|截止时间|金额单位)", unit_line.strip()) if p]


def layout(table: Table, unit_row: bool, title_row: bool = False) -> list[Placed]:
    """The table's cells on a grid: [title row], [unit line row], header rows, body rows."""
    width = len(table.columns) or max((len(r) for r in table.header + table.rows), default=1)
    placed: list[Placed] = []
    r = 0
    if title_row and table.title:
        placed.append(Placed(0, 0, width, 1, table.title))
        r += 1
    if unit_row and table.unit_line:
        pieces = unit_parts(table.unit_line)
        if len(pieces) > width:
            pieces = [" ".join(pieces)]
        spans = [width - len(pieces) + 1] + [1] * (len(pieces) - 1)
        c = 0
        for text, span in zip(pieces, spans, strict=False):
            placed.append(Placed(r, c, span, 1, text))
            c += span
        r += 1
    owners: dict[tuple[int, int], int] = {}  # (start col, span) -> index of the open cell
    for row, spans in zip(table.header, header_spans(table), strict=False):
        c, current = 0, {}
        for text, span in zip(row, spans, strict=False):
            key = (c, span)
            if not text and key in owners:  # merged down from the row above
                p = placed[owners[key]]
                placed[owners[key]] = Placed(p.row, p.col, p.span, p.depth + 1, p.text)
                current[key] = owners[key]
            else:
                current[key] = len(placed)
                placed.append(Placed(r, c, span, 1, text))
            c += span
        owners = current
        r += 1
    for row in table.rows:
        c = 0
        for text, span in zip(row, body_spans(row, width), strict=False):
            placed.append(Placed(r, c, span, 1, text))
            c += span
        r += 1
    return placed


def document_order(d: Disclosure) -> list[Section | Table]:
    """Sections and tables in reading order: by page when the source had pages, else
    the narrative first (a Word source keeps no positions for its tables)."""
    if all(t.page is not None for t in d.tables) and all(s.page is not None for s in d.sections):
        items: list[Section | Table] = []
        sections = list(d.sections)
        for table in d.tables:
            while sections and sections[0].page < table.page:
                items.append(sections.pop(0))
            items.append(table)
        return items + sections
    return [*d.sections, *d.tables]


def _is_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"-?(0|[1-9][\d,]*)(\.\d+)?", text))


def _number(text: str, accounting: bool = False) -> tuple[int | float, str]:
    """A printed amount as an Excel value and the number format that prints it back
    (``accounting``: the 会计专用 format finance workbooks use, zero shown as "-")."""
    plain = text.replace(",", "")
    places = len(plain.split(".")[1]) if "." in plain else 0
    decimals = "." + "0" * places if places else ""
    fmt = ("#,##0" if "," in text else "0") + decimals
    if accounting:
        fmt = f'_ * #,##0{decimals}_ ;_ * -#,##0{decimals}_ ;_ * "-"??_ ;_ @_ '
    value = Decimal(plain)
    return (int(value) if places == 0 else float(value)), fmt


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# ---------------------------------------------------------------- Word


def to_docx(
    d: Disclosure,
    unit_in_table: bool = True,
    split: Mapping[int, int] | None = None,
    continued: str | None = None,
    line_breaks: bool = False,
    title_in_table: bool = False,
    bold_headings: bool = False,
) -> bytes:
    """Word: heading + paragraphs per section; per table its title paragraph, the unit
    line (first table row, or a paragraph under the title), the table with real merged
    cells, and the note under it.

    ``split`` {table index: body rows on the first page}: that table is printed as two
    Word tables with a page break between them and its header rows repeated on top of
    the second (``continued``: a line such as "续表" above it). ``line_breaks``: the lines
    of a cell typed with Shift+Enter (one paragraph with breaks), not as paragraphs.
    ``title_in_table``: the title as the table's first row, merged across it (a table
    pasted from a workbook). ``bold_headings``: headings as bold paragraphs, no style."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    document = docx.Document()
    split = split or {}
    for item in document_order(d):
        if isinstance(item, Section):
            if item.heading and bold_headings:
                document.add_paragraph().add_run(item.heading).bold = True
            elif item.heading:
                document.add_heading(item.heading, level=min(item.level, 3))
            for line in _lines(item.text):
                document.add_paragraph(line)
            continue
        for line in item.title.split("\n") if item.title and not title_in_table else ():
            title = document.add_paragraph()
            title.alignment = WD_ALIGN_PARAGRAPH.CENTER
            title.add_run(line).bold = True
        if item.unit_line and not unit_in_table:
            document.add_paragraph(item.unit_line)
        index = next(i for i, t in enumerate(d.tables) if t is item)
        if index in split:
            first = split[index]
            write_docx_table(
                document, replace(item, rows=item.rows[:first]), unit_in_table, line_breaks, title_in_table
            )
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            if continued:
                document.add_paragraph(continued)
            rest = replace(item, rows=item.rows[first:], unit_line=None)
            write_docx_table(document, rest, unit_in_table, line_breaks, title_in_table)
        else:
            write_docx_table(document, item, unit_in_table, line_breaks, title_in_table)
        if item.note:
            document.add_paragraph(item.note)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx_table(document, table: Table, unit_in_table=True, line_breaks=False, title_in_table=False):
    """The table as a Word table with real merged cells: the XML python-docx's merge()
    and cell.text give (gridSpan and vMerge on each merged cell, its width the sum of its
    columns', the text in its first cell), built row by row. python-docx's Table.cell()
    and _Cell.merge() search the whole table on each call: about 0.25 s a document."""
    from docx.oxml.shared import qn
    from lxml.etree import SubElement  # python-docx's element classes come with its parser

    placed = layout(table, unit_in_table, title_in_table)
    rows = max(p.row + p.depth for p in placed)
    cols = max(p.col + p.span for p in placed)
    grid = document.add_table(rows=0, cols=cols)
    grid.style = "Table Grid"
    tbl = grid._tbl
    width = tbl.tblGrid.gridCol_lst[0].w.twips  # python-docx shares the text width out equally
    covering: dict[tuple[int, int], Placed] = {}  # (row, first column) -> the cell printed there
    for p in placed:
        for r in range(p.row, p.row + p.depth):
            covering[(r, p.col)] = p
    TR, TC, TC_PR, TC_W, SPAN, V_MERGE = (qn(f"w:{n}") for n in ("tr", "tc", "tcPr", "tcW", "gridSpan", "vMerge"))
    P, R, TYPE, W, VAL = qn("w:p"), qn("w:r"), qn("w:type"), qn("w:w"), qn("w:val")
    for r in range(rows):
        tr = SubElement(tbl, TR)
        c = 0
        while c < cols:
            p = covering.get((r, c))
            span = p.span if p else 1
            tc = SubElement(tr, TC)
            tc_pr = SubElement(tc, TC_PR)
            SubElement(tc_pr, TC_W, {TYPE: "dxa", W: str(width * span)})
            if span > 1:
                SubElement(tc_pr, SPAN, {VAL: str(span)})
            if p and p.depth > 1:
                SubElement(tc_pr, V_MERGE, {VAL: "restart"} if r == p.row else {})
            para = SubElement(tc, P)
            if p and r == p.row:
                lines = [p.text] if line_breaks else p.text.split("\n")
                _run(SubElement(para, R), lines[0])
                for line in lines[1:]:  # one paragraph per printed line, as typed in Word
                    para = SubElement(tc, P)
                    if line:
                        _run(SubElement(para, R), line)
            c += span
    return grid


def _run(r, text: str) -> None:
    """``r.text = text`` as python-docx sets it (a tab is <w:tab/>, a line break <w:br/>,
    xml:space="preserve" on a text with spaces at an end), without its character-by-character
    walk when the text is one plain <w:t>."""
    from docx.oxml.shared import qn
    from lxml.etree import SubElement

    if "\t" in text or "\n" in text or "\r" in text:
        r.text = text
    elif text:
        t = SubElement(r, qn("w:t"))
        t.text = text
        if len(text.strip()) < len(text):
            t.set(qn("xml:space"), "preserve")


# ---------------------------------------------------------------- Excel


def to_xlsx(
    d: Disclosure, numbers: bool = True, unit_in_table: bool = True, one_sheet: bool = False, accounting: bool = False
) -> bytes:
    """Excel: one sheet per table (title merged over its first row, the unit line, merged
    header cells, thin borders, the note below); the narrative on text sheets between
    them. ``numbers``: amounts stored as numbers with a number format, else as text.
    ``one_sheet``: everything on one sheet, a blank row between the parts."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Font, Side
    from openpyxl.styles.cell_style import StyleArray

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    book = Workbook()
    book.remove(book.active)
    # `cell.border = box` hashes the Border to find it in the workbook's list, once per
    # cell (a third of the time of writing a workbook): look it up once, set its index.
    boxed = book._borders.add(box)
    ws, text_sheet, top = None, None, 1
    for item in document_order(d):
        if isinstance(item, Section):
            if text_sheet is None:
                text_sheet = (
                    ws if one_sheet and ws is not None else book.create_sheet(f"说明{len(book.worksheets) + 1}")
                )
            if item.heading:
                text_sheet.append([item.heading])
                text_sheet.cell(text_sheet.max_row, 1).font = Font(bold=True)
            for line in _lines(item.text):
                text_sheet.append([line])
            continue
        if one_sheet:
            ws = ws or text_sheet or book.create_sheet("预算")
            top = ws.max_row + 2 if ws.max_row > 1 or ws.cell(1, 1).value else 1
            text_sheet = ws
        else:
            text_sheet, top = None, 1
            ws = book.create_sheet(f"表{len(book.worksheets) + 1}")
        placed = layout(item, unit_row=unit_in_table)
        width = max(p.col + p.span for p in placed)
        if item.title:
            ws.cell(top, 1, item.title).font = Font(bold=True)
            ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
            top += 1
        if item.unit_line and not unit_in_table:
            ws.cell(top, 1, item.unit_line)
            ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
            top += 1
        first = top + (1 if unit_in_table and item.unit_line else 0)  # the first ruled row
        body_start = first + len(item.header)
        for p in placed:
            r, c = top + p.row, 1 + p.col
            cell = ws.cell(r, c)
            if numbers and r >= body_start and _is_numeric(p.text) and _money_column(item, p.col):
                cell.value, cell.number_format = _number(p.text, accounting)
            elif p.text:
                cell.value = p.text
            if r >= first:
                for k in range(p.span):
                    for j in range(p.depth):
                        target = ws.cell(r + j, c + k)
                        target._style = target._style or StyleArray()
                        target._style.borderId = boxed
            if p.span > 1 or p.depth > 1:
                ws.merge_cells(start_row=r, start_column=c, end_row=r + p.depth - 1, end_column=c + p.span - 1)
        if item.note:
            ws.cell(top + max(p.row + p.depth for p in placed), 1, item.note)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _money_column(table: Table, col: int) -> bool:
    """Amounts become numbers; codes ("05"), serial numbers and quantities stay as typed."""
    keys = table.column_keys
    if keys and col < len(keys):
        return keys[col] is not None
    return True


# ---------------------------------------------------------------- text


def to_txt(d: Disclosure, title_in_table: bool = False) -> bytes:
    """The text extraction form (seed.txt): paragraphs are lines; a table cell is a line
    starting with a tab (its further lines follow without one); a blank line ends a row;
    merged cells are printed once, a cell merged down from above as an empty tab line."""
    out: list[str] = []
    for item in document_order(d):
        if isinstance(item, Section):
            if item.heading:
                out.append(item.heading)
            out += _lines(item.text)
            continue
        rows: list[list[str]] = []
        if item.title and title_in_table:
            rows.append([item.title])
        elif item.title:
            out.append(item.title)
        if item.unit_line:
            rows.append(unit_parts(item.unit_line))
        rows += [list(r) for r in item.header] + [list(r) for r in item.rows]
        for row in rows:
            for text in row:
                lines = text.split("\n") if text else [""]
                out.append("\t" + lines[0])
                out += lines[1:]
            out.append("")
        if item.note:
            out.append(item.note)
        out.append("")
    return ("\n".join(out) + "\n").encode("utf-8")


# ---------------------------------------------------------------- comparing models


def _money(m) -> list[str] | None:
    return None if m is None else [str(m.amount), str(m.unit)]  # str keeps the scale


def _line(line) -> dict:
    return {
        "name": line.name,
        "code": line.code,
        "level": line.level,
        "is_total": line.is_total,
        "side": line.side,
        "values": {k: _money(v) for k, v in line.values.items()},
    }


def comparable(d: Disclosure) -> dict:
    """What a reader of the document sees, independent of its format: no pages, no
    source, no printed cell text (a workbook stores "9,501,164" as 9501164)."""
    tp = d.three_public
    return {
        "unit": [d.unit.code, d.unit.name, d.unit.year, str(d.unit.money_unit), d.unit.kind],
        "tables": [
            {
                "kind": str(t.kind),
                "title": t.title,
                "empty": t.empty,
                "note": t.note,
                "money_unit": str(t.money_unit),
                "unit_line": t.unit_line,
                # A project's goals row may be its own two-cell table or merged over the
                # indicator table's width: its "columns" then differ and mean nothing.
                "columns": list(t.columns) if t.kind != TableKind.PERFORMANCE else None,
                "lines": [_line(ln) for ln in t.lines],
            }
            for t in d.tables
        ],
        "functional": [_line(ln) for ln in d.functional],
        "economic": [_line(ln) for ln in d.economic],
        "three_public": None
        if tp is None
        else {
            k: _money(getattr(tp, k))
            for k in (
                "total",
                "overseas",
                "vehicles",
                "vehicle_purchase",
                "vehicle_operation",
                "reception",
                "running_costs",
            )
        }
        | {"total_printed": tp.total_printed},
        "performance": [
            {
                "name": p.name,
                "goals": list(p.goals),
                "amount": _money(p.amount),
                "table": p.table,
                "indicators": [[i.level1, i.level2, i.level3, i.description, i.target, i.basis] for i in p.indicators],
            }
            for p in d.performance
        ],
        "procurement": [
            [
                p.project,
                p.item,
                p.catalogue_code,
                p.measure,
                None if p.quantity is None else str(p.quantity),
                _money(p.unit_price),
                _money(p.amount),
                _money(p.project_amount),
                _money(p.sme_reserve),
                p.is_total,
            ]
            for p in d.procurement
        ],
        "assets": [[a.item, None if a.quantity is None else str(a.quantity), _money(a.value)] for a in d.assets],
        "organisations": [[o.name, o.nature, o.rank, o.funding] for o in d.organisations],
        "sections": [[s.heading, s.level, s.text] for s in d.sections],
        "notes": [re.sub(r"^第\d+页\s*", "", n) for n in d.notes],
    }


# ---------------------------------------------------------------- small documents


@dataclass(frozen=True)
class Span:
    """A printed cell over ``cols`` columns and ``rows`` rows (a merged cell)."""

    text: str
    cols: int = 1
    rows: int = 1


PAGE_BREAK = object()  # an item of ``docx_of``: the next items start a new page


def docx_of(*items) -> bytes:
    """A Word document laid out item by item, to reproduce a layout seen in the wild:
    a str is a paragraph, ``PAGE_BREAK`` a page break, a list of rows a table (a row is
    a list of str or ``Span``; a cell under a merged one is left out of its row)."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for item in items:
        if item is PAGE_BREAK:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(item, str):
            document.add_paragraph(item)
        else:
            _docx_grid(document, item)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_grid(document, rows) -> None:
    taken: set[tuple[int, int]] = set()  # grid slots covered by a merged cell above
    placed: list[tuple[int, int, Span]] = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            cell = cell if isinstance(cell, Span) else Span(cell)
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rows):
                for dc in range(cell.cols):
                    taken.add((r + dr, c + dc))
            c += cell.cols
        width = max(width, max((cc + 1 for rr, cc in taken if rr == r), default=0))
    grid = document.add_table(rows=len(rows), cols=width)
    grid.style = "Table Grid"
    for r, c, cell in placed:
        if cell.cols > 1 or cell.rows > 1:
            grid.cell(r, c).merge(grid.cell(r + cell.rows - 1, c + cell.cols - 1))
    for r, c, cell in placed:
        grid.cell(r, c).text = cell.text
