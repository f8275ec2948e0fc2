"""A uniform grid of way segments, so that crossings and near ends are found without testing every
pair of ways: only segments that share a cell are compared."""

from __future__ import annotations

import math
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

Coord = Tuple[float, float]
Cell = Tuple[int, int]
CELL = 0.001  # degrees: about 110 m north-south, 75 m east-west at 47°N


def cells_of_box(
    x1: float, y1: float, x2: float, y2: float, margin: float = 0.0, cell: float = CELL
) -> Iterator[Cell]:
    if x1 > x2:
        x1, x2 = x2, x1
    if y1 > y2:
        y1, y2 = y2, y1
    i1, i2 = math.floor((x1 - margin) / cell), math.floor((x2 + margin) / cell)
    j1, j2 = math.floor((y1 - margin) / cell), math.floor((y2 + margin) / cell)
    for i in range(i1, i2 + 1):
        for j in range(j1, j2 + 1):
            yield (i, j)


class SegmentGrid:
    """Segments ``(way id, index)`` by the cells their bounding boxes cover.

    ``only`` (when given) restricts the index to those cells (the neighbourhood of what was
    edited), which keeps building it proportional to the edit rather than to the download.
    """

    def __init__(self, only: Optional[Set[Cell]] = None, cell: float = CELL) -> None:
        self.cell = cell
        self.only = only
        self.cells: Dict[Cell, List[Tuple[int, int]]] = {}

    def add_way(self, way_id: int, coords: Sequence[Coord]) -> None:
        cell, only, cells = self.cell, self.only, self.cells
        for index in range(len(coords) - 1):
            (x1, y1), (x2, y2) = coords[index], coords[index + 1]
            i1, i2 = math.floor(x1 / cell), math.floor(x2 / cell)
            j1, j2 = math.floor(y1 / cell), math.floor(y2 / cell)
            if i1 == i2 and j1 == j2:  # the usual short segment
                if only is None or (i1, j1) in only:
                    cells.setdefault((i1, j1), []).append((way_id, index))
                continue
            for key in cells_of_box(x1, y1, x2, y2, cell=cell):
                if only is None or key in only:
                    cells.setdefault(key, []).append((way_id, index))

    def near(
        self, a: Coord, b: Coord, margin: float = 0.0
    ) -> Set[Tuple[int, int]]:  # (way id, segment index)
        found: Set[Tuple[int, int]] = set()
        cells = self.cells
        for key in cells_of_box(a[0], a[1], b[0], b[1], margin, self.cell):
            items = cells.get(key)
            if items:
                found.update(items)
        return found


def cells_of_segments(
    segments: Iterable[Tuple[Coord, Coord]], margin: float = 0.0, cell: float = CELL
) -> Set[Cell]:
    out: Set[Cell] = set()
    for a, b in segments:
        out.update(cells_of_box(a[0], a[1], b[0], b[1], margin, cell))
    return out


def crossing_point(a: Coord, b: Coord, c: Coord, d: Coord):
    """Where segment ab properly crosses segment cd (each passes strictly through the other),
    else ``None``. Touching at an end and collinear overlaps are not crossings."""
    ax, ay = a
    bx, by = b
    cx, cy = c
    dx, dy = d
    # bounding boxes first: most candidate pairs end here
    if (ax < cx and ax < dx and bx < cx and bx < dx) or (
        ax > cx and ax > dx and bx > cx and bx > dx
    ):
        return None
    if (ay < cy and ay < dy and by < cy and by < dy) or (
        ay > cy and ay > dy and by > cy and by > dy
    ):
        return None
    d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
    d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
    if (d1 > 0 and d2 > 0) or (d1 < 0 and d2 < 0) or d1 == 0 or d2 == 0:
        return None
    d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
    if (d3 > 0 and d4 > 0) or (d3 < 0 and d4 < 0) or d3 == 0 or d4 == 0:
        return None
    t = d1 / (d1 - d2)
    return (ax + (bx - ax) * t, ay + (by - ay) * t)


def nearest_on_segment(p: Coord, a: Coord, b: Coord) -> Coord:
    """The point of segment ab nearest to p (in a plane scaled to metres at p's latitude)."""
    k = math.cos(math.radians(p[1]))
    ax, bx, px = a[0] * k, b[0] * k, p[0] * k
    dx, dy = bx - ax, b[1] - a[1]
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return a
    t = max(0.0, min(1.0, ((px - ax) * dx + (p[1] - a[1]) * dy) / length2))
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
