"""Tables printed without rulings: runs of text lines whose text stands in columns.

The PDF reader (``loaders.pdf``) finds ruled tables from the page's lines and boxes;
the printed lines left over come here, and runs of them that stand in columns with
amounts become tables (``_Table`` with ``aligned=True``). ``loaders.pdf`` is imported
lazily (it imports this module).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.pdf import _Char, _Table

_AMOUNT = re.compile(r"^-?[\d,]+(?:\.\d+)?$")


def _join_chars(line: list[_Char]) -> str:
    from loaders.pdf import _join_chars as join

    return join(line)


def tables(groups: list[list[_Char]], number: int) -> tuple[list[_Table], list[list[_Char]]]:
    """The page's tables without rulings from its printed lines ``groups`` (page
    ``number``), and the lines left over."""
    return _aligned_tables(groups, number)


def _segments(line: list[_Char]) -> list[list[_Char]]:
    """A printed line cut where the gap between characters is a column gap."""
    part = [line[0]]
    parts: list[list[_Char]] = [part]
    digits = line[0].text.isdigit()  # the piece so far is a code: all digits
    for char in line[1:]:
        last = part[-1]
        gap = char.x0 - last.x1
        size = last.size if last.size > 4 else 4
        # A full character's width of white is a column gap; so is any visible gap
        # between a code ("208", "05") and the name that follows it.
        code_then_name = digits and len(part) <= 9 and not char.text.isascii()
        if gap > size * 0.9 or (code_then_name and gap > size * 0.2):
            part = [char]
            parts.append(part)
            digits = char.text.isdigit()
        else:
            part.append(char)
            digits = digits and char.text.isdigit()
    if len(parts) == 1:
        return parts  # the line whole: it prints (the reader keeps printed lines only)
    return [part for part in parts if _join_chars(part)]


def _is_code_piece(chars: list[_Char]) -> bool:
    return 1 <= len(chars) <= 9 and all(c.text.isdigit() for c in chars)


def _is_amount(text: str) -> bool:
    return bool(_AMOUNT.match(text.replace(" ", ""))) and any(ch.isdigit() for ch in text)


def _aligned_tables(groups: list[list[_Char]], number: int) -> tuple[list[_Table], list[list[_Char]]]:
    """Tables printed without rulings: runs of lines whose text stands in columns.

    A run is a sequence of lines cut into two or more pieces by column gaps, with
    amounts on at least two of them. Columns are the bands that the pieces of the
    lines with amounts occupy; a header piece over several bands is a merged cell. A
    one-piece line tight under a row continues that row's cell (a wrapped name).
    """
    cut = [_segments(group) for group in groups]
    tables: list[_Table] = []
    used: set[int] = set()
    i = 0
    while i < len(groups):
        if len(cut[i]) < 2:
            i += 1
            continue
        j = i
        while j + 1 < len(groups) and (len(cut[j + 1]) >= 2 or _wraps(groups[j], groups[j + 1], cut, j + 1)):
            j += 1
        run = list(range(i, j + 1))
        table = _aligned_table([cut[k] for k in run], [groups[k] for k in run], number)
        if table is not None:
            tables.append(table)
            used.update(run)
        i = j + 1
    return tables, [group for k, group in enumerate(groups) if k not in used]


def _wraps(previous: list[_Char], line: list[_Char], cut, k: int) -> bool:
    """A single piece inside a table (a header label on its own line, the rest of a
    wrapped cell, a row with its amount blank), provided the table goes on below."""
    return len(cut[k]) == 1 and any(len(row) >= 2 for row in cut[k + 1 : k + 4])


def _aligned_table(pieces: list[list[list[_Char]]], lines: list[list[_Char]], number: int) -> _Table | None:
    data = [row for row in pieces if any(_is_amount(_join_chars(p)) for p in row) and len(row) >= 2]
    if len(data) < 2:
        return None
    bands: list[list[float]] = []
    for x0, x1 in sorted((p[0].x0, p[-1].x1) for row in data for p in row):
        if bands and x0 <= bands[-1][1] + 1:
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    # A header piece clear of every band labels the band beside it (a centred label
    # over right-aligned amounts, within two and a half characters) or, farther, a
    # column left blank in every data row: that opens a band of its own.
    for row in pieces:
        if row in data:
            continue
        for piece in row:
            x0, x1 = piece[0].x0, piece[-1].x1
            if any(min(x1, b1) - max(x0, b0) > 0 for b0, b1 in bands):
                continue
            # Amounts sit right-aligned under a centred label: look right first.
            gap, nearest = min(
                (max(b0 - x1, x0 - b1) - (0.5 if b0 >= x1 else 0), n) for n, (b0, b1) in enumerate(bands)
            )
            if gap <= 2.5 * max(piece[0].size, 4):
                bands[nearest] = [min(bands[nearest][0], x0), max(bands[nearest][1], x1)]
            else:
                bands.append([x0, x1])
                bands.sort()
    if len(bands) < 3:
        return None  # two columns are a list with amounts (a contents page), not a table
    rows: list[list[list]] = []
    previous = None
    for row, line in zip(pieces, lines, strict=False):
        tight = previous is not None and line[0].base - previous[0].base < 1.5 * max(line[0].size, 4)
        previous = line
        if len(row) == 1 and rows and tight and _is_continuation(row, rows, bands):
            continue
        cells: list[list] = [["", 1] for _ in bands]
        covered = [False] * len(bands)
        for piece in row:
            x0, x1 = piece[0].x0, piece[-1].x1
            hit = [b for b, (b0, b1) in enumerate(bands) if min(x1, b1) - max(x0, b0) > 0]
            if not hit:  # in a gap between bands: the nearest band by centre
                centre = (x0 + x1) / 2
                hit = [min(range(len(bands)), key=lambda b: abs((bands[b][0] + bands[b][1]) / 2 - centre))]
            first, last = hit[0], hit[-1]
            text = _join_chars(piece)
            cells[first][0] = f"{cells[first][0]} {text}".strip()
            if last > first and not any(covered[first + 1 : last + 1]):
                cells[first][1] = last - first + 1
                for b in range(first + 1, last + 1):
                    covered[b] = True
            covered[first] = True
        out, b = [], 0
        while b < len(cells):
            cells[b][1] = max(min(cells[b][1], len(cells) - b), 1)
            out.append(cells[b])
            b += cells[b][1]
        rows.append(out)
    xs = [bands[0][0]] + [(a[1] + b[0]) / 2 for a, b in zip(bands, bands[1:], strict=False)] + [bands[-1][1]]
    top = min(c.top for line in lines for c in line)
    bottom = max(c.bottom for line in lines for c in line)
    from loaders.pdf import _Table

    return _Table(rows, xs[0], xs[-1], top, bottom, xs, number, aligned=True)


def _is_continuation(row: list[list[_Char]], rows: list[list[list]], bands) -> bool:
    """Append a wrapped cell's next line to the row above; True when done."""
    piece = row[0]
    centre = (piece[0].x0 + piece[-1].x1) / 2
    band = min(range(len(bands)), key=lambda b: abs((bands[b][0] + bands[b][1]) / 2 - centre))
    position = 0
    for cell in rows[-1]:
        if position == band:
            if not cell[0] or _is_amount(_join_chars(piece)):
                return False
            cell[0] += _join_chars(piece)
            return True
        position += cell[1]
    return False
