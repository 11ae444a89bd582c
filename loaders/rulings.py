"""Ruled tables from a page's rulings: edges snapped and joined, their crossings, the
cells those crossings enclose, and the tables the touching cells form.

This is the "lines" strategy of pdfplumber's table finder (itself after Nurminen's
thesis and Tabula), which the PDF reader was built and measured on, written to stay
near-linear: sorted sweeps and lookups instead of comparing every pair of edges, so a
page drawn with thousands of segments stays fast. Coordinates have the origin at the
top left of the page (``top`` grows downwards).

An edge is ``(x0, top, x1, bottom)``: horizontal edges have ``top == bottom``,
vertical ones are placed at ``x0``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from operator import itemgetter

import numpy

Edge = tuple[float, float, float, float]
Cell = tuple[float, float, float, float]  # x0, top, x1, bottom

SNAP = 3.0  # rulings this close (points) are one line: double strokes, thin filled bars
JOIN = 3.0  # collinear pieces with gaps this small are one ruling (dashed or broken lines)
CROSS = 3.0  # how far an edge may stop short of another and still meet it
MIN_PIECE = 1.0  # shorter pieces are dots, not rulings
MIN_EDGE = 3.0  # after joining, shorter edges are dropped


# Below this many edges a page's rulings are merged in plain Python: numpy's fixed cost
# per call is more than the loop it saves (a page of one small table draws a few dozen).
ARRAY_EDGES = 96


def distinct(values: numpy.ndarray) -> numpy.ndarray:
    """The distinct values, sorted (no NaN among them): ``numpy.unique``'s result, by a
    sort. (numpy 2's unique hashes instead: 10-15x slower on a page's few hundred.)"""
    ordered = numpy.sort(values, kind="stable")
    keep = numpy.empty(len(ordered), bool)
    keep[:1] = True
    numpy.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def find_tables(horizontal, vertical) -> list[list[Cell]]:
    """The ruled tables on a page, top to bottom, each as its cells (two or more).
    ``horizontal`` and ``vertical`` are edges: lists of tuples, or arrays of four
    columns (as the PDF reader gives them)."""
    h = _merge(_pieces(horizontal, 0, 2), horizontal=True)
    v = _merge(_pieces(vertical, 1, 3), horizontal=False)
    h = [e for e in h if e[2] - e[0] >= MIN_EDGE]
    v = [e for e in v if e[3] - e[1] >= MIN_EDGE]
    h = _close_open_ends(h, v)
    return _tables(*_cells(*_crossings(h, v)))


def _pieces(edges, start: int, stop: int):
    """The edges at least MIN_PIECE long (shorter ones are dots), in their order: an
    array when there are many and all are numbers (no NaN), else a list of tuples."""
    if isinstance(edges, numpy.ndarray):
        long = edges[edges[:, stop] - edges[:, start] >= MIN_PIECE]
        if len(long) >= ARRAY_EDGES and not numpy.isnan(long).any():
            return long
        return list(map(tuple, long.tolist()))
    return [e for e in edges if e[stop] - e[start] >= MIN_PIECE]


def _merge(edges, horizontal: bool) -> list[Edge]:
    """Snap edges lying within SNAP of one another onto their mean position, then join
    the collinear pieces that touch or nearly touch."""
    if isinstance(edges, numpy.ndarray):
        return _merge_arrays(edges, horizontal)
    if not edges:
        return []
    at = 1 if horizontal else 0  # the coordinate that places the edge: top or x0
    # Clusters chain through the sorted distinct positions (pdfplumber's cluster_list):
    # each position within SNAP of the previous one joins its cluster.
    positions = sorted({e[at] for e in edges})
    cluster: dict[float, int] = {}
    current, last = 0, positions[0]
    for value in positions:
        if value > last + SNAP:
            current += 1
        cluster[value] = current
        last = value
    totals: dict[int, list[float]] = defaultdict(lambda: [0.0, 0])
    for e in edges:
        total = totals[cluster[e[at]]]
        total[0] += e[at]
        total[1] += 1
    mean = {c: total / count for c, (total, count) in totals.items()}
    groups: dict[float, list[tuple[float, float]]] = defaultdict(list)
    for x0, top, x1, bottom in edges:
        if horizontal:
            groups[mean[cluster[top]]].append((x0, x1))
        else:
            groups[mean[cluster[x0]]].append((top, bottom))
    merged: list[Edge] = []
    for position in sorted(groups):
        pieces = sorted(groups[position])
        start, stop = pieces[0]
        for low, high in pieces[1:]:
            if low <= stop + JOIN:
                stop = max(stop, high)
            else:
                merged.append(_edge(position, start, stop, horizontal))
                start, stop = low, high
        merged.append(_edge(position, start, stop, horizontal))
    return merged


def _merge_arrays(edges: numpy.ndarray, horizontal: bool) -> list[Edge]:
    """``_merge`` in whole-array steps, for a page of many edges (no NaN): the same
    clusters, the same means (numpy.bincount adds in the edges' order, as the loop
    does), the same joins."""
    at = 1 if horizontal else 0
    position = edges[:, at]
    low, high = (edges[:, 0], edges[:, 2]) if horizontal else (edges[:, 1], edges[:, 3])
    places = distinct(position)
    opens = numpy.empty(len(places), bool)
    opens[0] = True
    opens[1:] = places[1:] > places[:-1] + SNAP
    cluster = (numpy.cumsum(opens) - 1)[numpy.searchsorted(places, position)]
    mean = numpy.bincount(cluster, weights=position) / numpy.bincount(cluster)
    # Each cluster's pieces by (start, end); a piece joins the ruling before it when it
    # starts within JOIN of the farthest end so far. (At a gap the new piece reaches
    # past every earlier end, so the farthest end since the cluster's first piece is
    # the farthest since the ruling's first.) That running maximum, per cluster, is a
    # plain running maximum of integer keys: cluster, then the end's rank.
    order = numpy.lexsort((high, low, cluster))
    cluster, low, high = cluster[order], low[order], high[order]
    ends = distinct(high)
    width = len(ends)
    key = cluster * width + numpy.searchsorted(ends, high)
    reach = ends[numpy.maximum.accumulate(key) - cluster * width]
    first = numpy.empty(len(order), bool)
    first[0] = True
    first[1:] = (cluster[1:] != cluster[:-1]) | (low[1:] > reach[:-1] + JOIN)
    starts = numpy.flatnonzero(first)
    last = numpy.append(starts[1:] - 1, len(order) - 1)
    at_ = mean[cluster[starts]].tolist()
    begin, end = low[starts].tolist(), reach[last].tolist()
    if horizontal:
        return list(zip(begin, at_, end, at_, strict=True))
    return list(zip(at_, begin, at_, end, strict=True))


def _close_open_ends(h: list[Edge], v: list[Edge]) -> list[Edge]:
    """The tables' first and last rules drawn on under the cells a page break left open.

    A form printed across pages (one project per row group, its name and amounts in
    tall merged cells beside its indicators' rows) ends a page inside a group: the tall
    cells' vertical rules run down to the table's last rule, but that rule is drawn only
    under the indicators' cells, so the tall cells are never closed and the page's grid
    loses its left columns (and on the next page, likewise at the top). A rule is drawn
    on over the verticals that end exactly on its line beside it, when it is the end of
    its table (no vertical through it goes on past it) and of the page over that span (no
    rule beyond it), those verticals belong to the same table (they meet a rule that
    also runs over the closed part, or none)."""
    if not h or not v:
        return h
    closed = list(h)
    for end in (3, 1):  # the verticals' bottoms against last rules, their tops against first rules
        ordered = sorted(v, key=lambda e: e[end])
        ends = [e[end] for e in ordered]
        for k, rule in enumerate(closed):
            y, x0, x1 = rule[1], rule[0], rule[2]
            beside = [
                e
                for e in ordered[bisect_left(ends, y - CROSS) : bisect_right(ends, y + CROSS)]
                if not x0 - CROSS <= e[0] <= x1 + CROSS
            ]
            if not beside:
                continue
            # The rule ends its table: every vertical meeting it stops there; and it closes
            # cells of its own (two verticals over its span end on it: not a stray piece under
            # a column, beijing_greening_part2 p1).
            if any(_through(e, y, end) and x0 - CROSS <= e[0] <= x1 + CROSS for e in v):
                continue
            if sum(1 for e in v if abs(e[end] - y) <= CROSS and x0 - CROSS <= e[0] <= x1 + CROSS) < 2:
                continue
            # The verticals beside it are the table's: each meets another rule that
            # also runs over the rule's own part, or no rule at all (a tall cell's side
            # open at both ends, on a page inside its group).
            joined = []
            for e in beside:
                met = [
                    other
                    for other in closed
                    if other is not rule
                    and other[0] - CROSS <= e[0] <= other[2] + CROSS
                    and e[1] - CROSS <= other[1] <= e[3] + CROSS
                ]
                if met and not any(other[0] <= x1 and other[2] >= x0 for other in met):
                    continue
                joined.append(e[0])
            if not joined:
                continue
            start, stop = min(x0, *joined), max(x1, *joined)
            # Nothing in the span drawn on goes through the line: it is the open cells' end;
            # and no rule lies past it over that span: it is where the page stops the table
            # (a chart's bars of one height, standing on its axis under its gridlines, are not).
            if any(_through(e, y, end) and start - CROSS <= e[0] <= stop + CROSS for e in v):
                continue
            if any((o[1] > y + CROSS if end == 3 else o[1] < y - CROSS) and o[0] <= stop and o[2] >= start for o in h):
                continue
            # Other pieces of rule on the line over that span each close cells of their own
            # (both their ends at verticals): a piece ending between verticals is a rule drawn
            # broken, its gap no page's end (a cell with a gap in its rule is left as found).
            at = [e[0] for e in v if e[1] - CROSS <= y <= e[3] + CROSS]
            if any(
                o is not rule
                and abs(o[1] - y) <= SNAP
                and o[0] <= stop
                and o[2] >= start
                and not (any(abs(o[0] - x) <= CROSS for x in at) and any(abs(o[2] - x) <= CROSS for x in at))
                for o in closed
            ):
                continue
            closed[k] = (start, y, stop, y)
    return closed


def _through(e: Edge, y: float, end: int) -> bool:
    """Whether vertical ``e`` meets the line at ``y`` and goes on past it (below when
    ``end`` is its bottom, above when its top)."""
    if end == 3:
        return e[1] <= y + CROSS and e[3] > y + CROSS
    return e[3] >= y - CROSS and e[1] < y - CROSS


def _edge(position: float, start: float, stop: float, horizontal: bool) -> Edge:
    return (start, position, stop, position) if horizontal else (position, start, position, stop)


def _crossings(h: list[Edge], v: list[Edge]) -> tuple[dict[int, int], dict[int, int], list[float], list[float]]:
    """Where a vertical and a horizontal edge meet (within CROSS). A point is numbered
    by its place on the grid of the edges' positions, ``column * len(ys) + row``: sorted
    numbers are the points sorted by x, then y, and the corners of a cell are found by
    arithmetic on them, not by hashing pairs of floats. For each point, the vertical and
    the horizontal edges through it as bit masks (bit k: edge k; equal edges share one;
    two masks share an edge when their ``&`` is not 0). Also the x of each column and
    the y of each row."""
    h = sorted(h, key=_TOP)
    xs, ys = sorted({e[0] for e in v}), sorted({e[1] for e in h})
    column = {x: i for i, x in enumerate(xs)}
    rows = len(ys)
    row = {y: i for i, y in enumerate(ys)}
    tops = [e[1] for e in h]
    h_ids: dict[Edge, int] = {}
    h_bits = [1 << h_ids.setdefault(he, len(h_ids)) for he in h]
    h_rows = [row[top] for top in tops]
    v_ids: dict[Edge, int] = {}
    verticals: dict[int, int] = {}
    horizontals: dict[int, int] = {}
    for ve in v:
        x = ve[0]
        bit = 1 << v_ids.setdefault(ve, len(v_ids))
        place = column[x] * rows
        for k in range(bisect_left(tops, ve[1] - CROSS), bisect_right(tops, ve[3] + CROSS)):
            he = h[k]
            if he[0] - CROSS <= x <= he[2] + CROSS:
                point = place + h_rows[k]
                verticals[point] = verticals.get(point, 0) | bit
                horizontals[point] = horizontals.get(point, 0) | h_bits[k]
    return verticals, horizontals, xs, ys


_TOP = itemgetter(1)


def _cells(
    verticals: dict[int, int], horizontals: dict[int, int], xs: list[float], ys: list[float]
) -> tuple[list[Cell], list[tuple[int, int, int, int]]]:
    """For each crossing (numbered as ``_crossings`` numbers them), the smallest cell it
    is the top-left corner of: a crossing below and one to the right, joined to it by
    edges, with the fourth corner joined to both. Each cell with its corners' numbers
    (top left, bottom left, top right, bottom right)."""
    rows = len(ys)
    points = sorted(verticals)
    down: dict[int, list[int]] = defaultdict(list)  # column -> its crossings, top to bottom
    across: dict[int, list[int]] = defaultdict(list)  # row -> its crossings, left to right
    for point in points:
        down[point // rows].append(point)
        across[point % rows].append(point)
    cells: list[Cell] = []
    corners: list[tuple[int, int, int, int]] = []
    for point in points:
        column, row = divmod(point, rows)
        line = across[row]
        at = bisect_right(line, point)
        if at == len(line):
            continue  # nothing to the right: no cell (a table's right edge), whatever lies below
        rights = line[at:]  # the same for every crossing below
        vs, hs = verticals[point], horizontals[point]
        under = down[column]
        found = False
        for below in under[bisect_right(under, point) :]:
            if not vs & verticals[below]:
                continue  # no edge down to it
            below_h = horizontals[below]
            for right in rights:
                if not hs & horizontals[right]:
                    continue  # no edge across to it
                opposite = right + below - point  # the right one's column, the lower one's row
                opposite_v = verticals.get(opposite)
                if opposite_v is not None and opposite_v & verticals[right] and horizontals[opposite] & below_h:
                    cells.append((xs[column], ys[row], xs[right // rows], ys[below % rows]))
                    corners.append((point, below, right, opposite))
                    found = True
                    break
            if found:
                break
    return cells, corners


def _tables(cells: list[Cell], points: list[tuple[int, int, int, int]]) -> list[list[Cell]]:
    """Cells that share corners (``points``: each cell's corners, numbered), transitively, are
    one table.

    The cells of a table keep the order pdfplumber gave them (repeated passes over the
    remaining cells, each taking every cell touching the table so far), since the
    reader resolves overlapping cells by that order.
    """
    # Corners numbered from 0 (the walks below index lists by them).
    number: dict[int, int] = {}
    corners_of = [
        (
            number.setdefault(p, len(number)),
            number.setdefault(q, len(number)),
            number.setdefault(r, len(number)),
            number.setdefault(s, len(number)),
        )
        for p, q, r, s in points
    ]
    cells_at: list[list[int]] = [[] for _ in range(len(number))]
    for i, corners in enumerate(corners_of):
        for corner in corners:
            cells_at[corner].append(i)
    # The components, each found by a walk from its first cell (so in order of their
    # first cell, as a union-find gives them), every corner's cells looked at once.
    seen = [False] * len(cells)
    walked = [False] * len(number)
    components: list[list[int]] = []
    for start in range(len(cells)):
        if seen[start]:
            continue
        seen[start] = True
        component, stack = [start], [start]
        while stack:
            for corner in corners_of[stack.pop()]:
                if walked[corner]:
                    continue
                walked[corner] = True
                for j in cells_at[corner]:
                    if not seen[j]:
                        seen[j] = True
                        component.append(j)
                        stack.append(j)
        if len(component) > 1:
            component.sort()
            components.append(component)
    tables = []
    touched = [False] * len(number)
    for component in components:
        ordered: list[int] = []
        remaining = component
        for corner in corners_of[component[0]]:
            touched[corner] = True
        while remaining:
            left = []
            for i in remaining:
                p, q, r, s = corners_of[i]
                if touched[p] or touched[q] or touched[r] or touched[s]:
                    ordered.append(i)
                    touched[p] = touched[q] = touched[r] = touched[s] = True
                else:
                    left.append(i)
            remaining = left
        tables.append([cells[i] for i in ordered])
    tables.sort(key=lambda table: min((c[1], c[0]) for c in table))
    return tables
