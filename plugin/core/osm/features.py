"""The edited state as the differ sees it: features of the four OSM layers, in WGS84.

The QGIS adapters (and the pure GeoPackage reader) turn layer features into these records; the
differ compares them with the base snapshot (a :class:`~.model.DataSet`). Coordinates are
``(lon, lat)`` tuples in EPSG:4326.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple, Union

Coord = Tuple[float, float]  # (lon, lat)
Ring = List[Coord]  # closed: first == last
PolygonCoords = List[Ring]  # exterior ring first, then holes
MultiPolygonCoords = List[PolygonCoords]

POINTS, LINES, POLYGONS, RELATIONS = "osm_points", "osm_lines", "osm_polygons", "osm_relations"
LAYERS = (POINTS, LINES, POLYGONS, RELATIONS)

# Columns of the OSM layers that are not tag keys. Every other column is a tag key.
FID, GEOM = "fid", "geom"
OSM_TYPE, OSM_ID, OSM_VERSION = "osm_type", "osm_id", "osm_version"
OTHER_TAGS = "other_tags"  # JSON object of the tags that have no column of their own
MEMBERS = "osm_members"  # relations layer: JSON list of [type, ref, role]
INCOMPLETE = "osm_incomplete"  # 1 when members were outside the downloaded area
RESERVED_COLUMNS = frozenset(
    {FID, GEOM, OSM_TYPE, OSM_ID, OSM_VERSION, OTHER_TAGS, MEMBERS, INCOMPLETE}
)

Geometry = Union[None, Coord, List[Coord], MultiPolygonCoords]


@dataclass
class EditedFeature:
    """One feature of an OSM layer as it is now (after the user's edits).

    ``osm_type``/``osm_id`` are ``None`` for features the user created. ``geometry`` is a
    ``(lon, lat)`` for points, a list of coordinates for lines, a list of polygons (each a list of
    rings) for polygons, and ``None`` for the relations table.
    """

    layer: str
    fid: int
    osm_type: Optional[str]
    osm_id: Optional[int]
    tags: Dict[str, str] = field(default_factory=dict)
    geometry: Geometry = None
    members: Optional[List[Tuple[str, int, str]]] = None  # relations layer only
