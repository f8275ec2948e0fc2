"""Reader of OSM PBF files (``.osm.pbf``) in pure Python: ``zlib`` and ``struct`` only.

The format (https://wiki.openstreetmap.org/wiki/PBF_Format) is a sequence of blocks, each a
4-byte big-endian length, a ``BlobHeader`` protobuf message of that length and a ``Blob`` of the
size the header gives. The first block is an ``OSMHeader`` (bounding box, required features),
the others ``OSMData`` blocks: a ``PrimitiveBlock`` with its string table and groups of nodes
(plain or *dense*), ways and relations. This module decodes the protobuf wire format itself, so
nothing beyond the standard library is needed (QGIS installs ship neither pyosmium nor a
protobuf package, and GDAL's OSM driver drops the untagged nodes of ways and every version).

It yields the same :class:`~.model.DataSet` as :mod:`.xmlreader` for the same data: ids,
versions, tags, coordinates at 10^-7 degrees, node lists, members with roles, changeset,
timestamp, user and uid, the header's bounding box; deleted elements (``visible`` false in
history files) are not loaded; of two versions of an element the higher one is kept.

One block is held in memory at a time (at most 32 MiB compressed and unpacked, as the format
allows). A truncated file, an oversize block, a damaged zlib stream, a wrong ``raw_size``, a
compression other than zlib, an unknown required feature or a file that is not PBF at all raise
:class:`OsmPbfError` with a message naming the problem and the byte offset.

The hot spot is decoding the packed varint arrays (coordinates, ids, metadata): each is decoded
in one tight loop over the bytes, with zigzag and delta decoding folded in.
"""

from __future__ import annotations

import gc
import os
import re
import struct
import time
import zlib
from typing import Callable, List, Optional, Tuple, Union

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, BadPayload, Cancelled
from .model import SCALE, DataSet, Member, Node, Relation, Way, keep_latest
from .xmlreader import read_local_file

__all__ = ["OsmPbfError", "is_pbf_head", "load_pbf_file", "parse_pbf_stream"]

ProgressCallback = Callable[[int, int, str], None]

MAX_HEADER_SIZE = 64 * 1024  # BlobHeader, by the format's specification
MAX_BLOB_SIZE = 32 * 1024 * 1024  # Blob, compressed or not
SUPPORTED_FEATURES = {"OsmSchema-V0.6", "DenseNodes", "HistoricalInformation"}
COMPRESSIONS = {4: "lzma", 5: "bzip2", 6: "lz4", 7: "zstd"}  # Blob fields we cannot unpack
MEMBER_TYPES = ("node", "way", "relation")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_OVERLONG = re.compile(rb"[\x80-\xff]{10}")  # a varint is at most 10 bytes long
_new = object.__new__


class OsmPbfError(BadPayload):
    """The file cannot be read as OSM PBF (not PBF, truncated, damaged, unsupported)."""


class _Corrupt(Exception):
    """Internal: the protobuf data of a block is malformed (turned into an OsmPbfError)."""


# ---------------------------------------------------------------------------------------------
# Protobuf wire format
# ---------------------------------------------------------------------------------------------


def _varint(buf: bytes, pos: int) -> Tuple[int, int]:
    """The unsigned varint at ``pos`` and the position after it."""
    try:
        b = buf[pos]
        if b < 128:
            return b, pos + 1
        result = b & 0x7F
        shift = 7
        while True:
            pos += 1
            b = buf[pos]
            result |= (b & 0x7F) << shift
            if b < 128:
                return result, pos + 1
            shift += 7
            if shift > 63:
                raise _Corrupt("varint longer than 10 bytes")
    except IndexError:
        raise _Corrupt("message ends inside a number") from None


def _fields(buf: bytes) -> List[Tuple[int, object]]:
    """Fields of a message: ``(number, value)``; value is an int (varint, fixed) or bytes."""
    out = []
    pos, end = 0, len(buf)
    while pos < end:
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 2:
            size, pos = _varint(buf, pos)
            if pos + size > end:
                raise _Corrupt(f"field {number} runs past the end of its message")
            value = buf[pos : pos + size]
            pos += size
        elif wire == 1:
            if pos + 8 > end:
                raise _Corrupt("message ends inside a number")
            value = struct.unpack_from("<Q", buf, pos)[0]
            pos += 8
        elif wire == 5:
            if pos + 4 > end:
                raise _Corrupt("message ends inside a number")
            value = struct.unpack_from("<I", buf, pos)[0]
            pos += 4
        else:
            raise _Corrupt(f"unknown wire type {wire} of field {number}")
        out.append((number, value))
    return out


def _check_packed(buf: bytes) -> None:
    if _OVERLONG.search(buf) or (buf and buf[-1] >= 128):
        raise _Corrupt("malformed packed numbers")


def _uints(buf: bytes) -> List[int]:
    """A packed array of unsigned varints (uint32, int32 >= 0, enum, bool)."""
    if not _HIGH_BYTE.search(buf):
        return list(buf)  # every number is a single byte
    _check_packed(buf)
    out: List[int] = []
    append = out.append
    value = shift = 0
    for b in buf:
        if b & 0x80:
            value |= (b & 0x7F) << shift
            shift += 7
        elif shift:
            append(value | (b << shift))
            value = shift = 0
        else:
            append(b)
    return out


def _sints_delta(buf: bytes) -> List[int]:
    """A packed array of zigzag varints (sint32/sint64) holding deltas: the running sums."""
    _check_packed(buf)
    out: List[int] = []
    append = out.append
    total = value = shift = 0
    for b in buf:  # one branch per byte; single-byte numbers take the shortest path
        if b & 0x80:
            value |= (b & 0x7F) << shift
            shift += 7
        elif shift:
            value |= b << shift
            total += (value >> 1) ^ -(value & 1)
            append(total)
            value = shift = 0
        else:
            total += (b >> 1) ^ -(b & 1)
            append(total)
    return out


def _signed64(value: int) -> int:
    """An int64 field (two's complement in a varint) as a Python int."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _zigzag(value: int) -> int:
    return (value >> 1) ^ -(value & 1)


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------


class _Reader:
    """Decodes the blocks of one file into a data set."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.dataset = DataSet()
        self.deleted: dict = {}  # (type, id) -> version of a deleted element
        self.offset = 0  # of the block being decoded, for error messages
        self.times: dict = {}

    # --- errors ---------------------------------------------------------------------------

    def error(self, template: str, **params) -> OsmPbfError:
        return OsmPbfError(template, source=self.source, offset=self.offset, **params)

    def corrupt(self, reason: str) -> OsmPbfError:
        return self.error(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The PBF file {source} has invalid data in the block at byte {offset}: {reason}",
            ),
            reason=reason,
        )

    # --- framing --------------------------------------------------------------------------

    def read_block(self, stream, first: bool) -> Optional[Tuple[str, bytes]]:
        """The next ``(type, unpacked data)``, ``None`` at the end of the file."""
        head = stream.read(4)
        if not head:
            if first:
                raise self.error(QT_TRANSLATE_NOOP(CONTEXT, "The OSM data from {source} is empty."))
            return None
        if len(head) < 4:
            raise self.truncated()
        (size,) = struct.unpack(">I", head)
        if size > MAX_HEADER_SIZE:
            if first:
                raise self.not_pbf()
            raise self.error(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The PBF file {source} has a block header of {size} bytes at byte {offset}; "
                    "the format allows at most 64 KiB.",
                ),
                size=size,
            )
        header = stream.read(size)
        if len(header) < size:
            if first:
                raise self.not_pbf()
            raise self.truncated()
        kind, datasize = "", None
        try:
            for number, value in _fields(header):
                if number == 1 and isinstance(value, bytes):
                    kind = value.decode("utf-8")
                elif number == 3 and isinstance(value, int):
                    datasize = value
        except (_Corrupt, UnicodeDecodeError):
            if first:
                raise self.not_pbf() from None
            raise self.corrupt("the block header cannot be decoded") from None
        if first and kind != "OSMHeader":
            raise self.not_pbf()
        if datasize is None:
            raise self.corrupt("the block header has no size")
        if datasize > MAX_BLOB_SIZE:
            raise self.error(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The PBF file {source} has a data block of {size} bytes at byte {offset}; "
                    "the format allows at most 32 MiB.",
                ),
                size=datasize,
            )
        blob = stream.read(datasize)
        if len(blob) < datasize:
            raise self.truncated()
        return kind, self.unpack(blob)

    def truncated(self) -> OsmPbfError:
        return self.error(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The PBF file {source} is truncated: its block at byte {offset} is cut off.",
            )
        )

    def not_pbf(self) -> OsmPbfError:
        return OsmPbfError(
            QT_TRANSLATE_NOOP(CONTEXT, "The file {source} is not an OSM PBF file."),
            source=self.source,
        )

    def unpack(self, blob: bytes) -> bytes:
        raw = compressed = None
        raw_size = None
        other = ""
        try:
            fields = _fields(blob)
        except _Corrupt as exc:
            raise self.corrupt(str(exc)) from None
        for number, value in fields:
            if number == 1:
                raw = value
            elif number == 2:
                raw_size = value
            elif number == 3:
                compressed = value
            elif number in COMPRESSIONS:
                other = COMPRESSIONS[number]
        if raw is not None:
            if raw_size is not None and raw_size != len(raw):  # type: ignore[arg-type]
                raise self.wrong_size(len(raw), raw_size)  # type: ignore[arg-type]
            return raw  # type: ignore[return-value]
        if compressed is None:
            if other:
                raise self.error(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "The PBF file {source} uses {compression} compression (block at byte "
                        "{offset}), which cannot be read; only zlib is supported. Convert it, for "
                        "example with: osmium cat -o out.osm.pbf {source}",
                    ),
                    compression=other,
                )
            raise self.corrupt("the block holds no data")
        if raw_size is None or raw_size > MAX_BLOB_SIZE:
            raise self.corrupt(f"invalid unpacked size {raw_size}")
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(compressed, raw_size + 1)  # type: ignore[arg-type]
        except zlib.error as exc:
            raise self.error(
                QT_TRANSLATE_NOOP(
                    CONTEXT,
                    "The PBF file {source} has a damaged compressed block at byte {offset}: "
                    "{reason}",
                ),
                reason=str(exc),
            ) from None
        if len(data) != raw_size or not inflater.eof:
            raise self.wrong_size(len(data) if inflater.eof else f"more than {raw_size}", raw_size)
        return data

    def wrong_size(self, actual, expected: int) -> OsmPbfError:
        return self.error(
            QT_TRANSLATE_NOOP(
                CONTEXT,
                "The PBF file {source} has a block at byte {offset} that unpacks to {actual} "
                "bytes instead of the {expected} it declares.",
            ),
            actual=actual,
            expected=expected,
        )

    # --- header ---------------------------------------------------------------------------

    def header(self, data: bytes) -> None:
        for number, value in _fields(data):
            if number == 1 and isinstance(value, bytes):
                box = {k: _zigzag(v) for k, v in _fields(value) if isinstance(v, int)}
                left, right = box.get(1, 0), box.get(2, 0)
                top, bottom = box.get(3, 0), box.get(4, 0)
                bounds = (_nano(left), _nano(bottom), _nano(right), _nano(top))
                if bounds not in self.dataset.bounds:
                    self.dataset.bounds.append(bounds)
            elif number == 4 and isinstance(value, bytes):
                feature = value.decode("utf-8", "replace")
                if feature not in SUPPORTED_FEATURES:
                    raise self.error(
                        QT_TRANSLATE_NOOP(
                            CONTEXT,
                            "The PBF file {source} requires the feature “{feature}”, "
                            "which this reader does not support.",
                        ),
                        feature=feature,
                    )

    # --- data -----------------------------------------------------------------------------

    def primitive_block(self, data: bytes) -> None:
        strings: List[str] = []
        groups = []
        granularity, lat_offset, lon_offset, date_granularity = 100, 0, 0, 1000
        for number, value in _fields(data):
            if number == 1:
                strings = [s.decode("utf-8") for n, s in _fields(value) if n == 1]  # type: ignore
            elif number == 2:
                groups.append(value)
            elif number == 17:
                granularity = value  # type: ignore[assignment]
            elif number == 18:
                date_granularity = value  # type: ignore[assignment]
            elif number == 19:
                lat_offset = _signed64(value)  # type: ignore[arg-type]
            elif number == 20:
                lon_offset = _signed64(value)  # type: ignore[arg-type]
        if granularity == 100 and lat_offset == 0 and lon_offset == 0:
            self.to_lat = self.to_lon = None
        else:
            self.to_lat = _scaler(granularity, lat_offset)
            self.to_lon = _scaler(granularity, lon_offset)
        self.strings = strings
        self.date_granularity = date_granularity
        for group in groups:
            for number, value in _fields(group):  # type: ignore[arg-type]
                if number == 2:
                    self.dense(value)  # type: ignore[arg-type]
                elif number == 3:
                    self.way(value)  # type: ignore[arg-type]
                elif number == 1:
                    self.node(value)  # type: ignore[arg-type]
                elif number == 4:
                    self.relation(value)  # type: ignore[arg-type]

    def timestamp(self, value: int) -> str:
        if not value:
            return ""
        seconds = value * self.date_granularity // 1000
        text = self.times.get(seconds)
        if text is None:
            try:
                text = time.strftime(TIME_FORMAT, time.gmtime(seconds))
            except (OverflowError, OSError, ValueError):
                raise _Corrupt(f"impossible timestamp {value}") from None
            self.times[seconds] = text
        return text

    def dense(self, data: bytes) -> None:
        ids: List[int] = []
        lats: List[int] = []
        lons: List[int] = []
        keys_vals: List[int] = []
        info = b""
        for number, value in _fields(data):
            if number == 1:
                ids = _sints_delta(value)  # type: ignore[arg-type]
            elif number == 8:
                lats = _sints_delta(value)  # type: ignore[arg-type]
            elif number == 9:
                lons = _sints_delta(value)  # type: ignore[arg-type]
            elif number == 10:
                keys_vals = _uints(value)  # type: ignore[arg-type]
            elif number == 5:
                info = value  # type: ignore[assignment]
        count = len(ids)
        if len(lats) != count or len(lons) != count:
            raise _Corrupt("dense nodes with unequal arrays")
        lats = self.coordinates(lats, self.to_lat)
        lons = self.coordinates(lons, self.to_lon)
        versions = changesets = uids = users = None
        visibles = None
        timestamps: Optional[List[int]] = None
        if info:
            for number, value in _fields(info):
                if number == 1:
                    versions = _uints(value)  # type: ignore[arg-type]
                elif number == 2:
                    timestamps = _sints_delta(value)  # type: ignore[arg-type]
                elif number == 3:
                    changesets = _sints_delta(value)  # type: ignore[arg-type]
                elif number == 4:
                    uids = _sints_delta(value)  # type: ignore[arg-type]
                elif number == 5:
                    users = _sints_delta(value)  # type: ignore[arg-type]
                elif number == 6:
                    visibles = _uints(value)  # type: ignore[arg-type]
        self.check_positions(lats, lons, ids, visibles)
        zero = [0] * count
        for array in (versions, timestamps, changesets, uids, users, visibles):
            if array is not None and len(array) != count:
                raise _Corrupt("dense node metadata of the wrong length")
        strings = self.strings
        names = [strings[i] for i in users] if users is not None else [""] * count
        if timestamps is not None:
            texts = {t: self.timestamp(t) for t in set(timestamps)}  # few distinct values
            times = [texts[t] for t in timestamps]
        else:
            times = [""] * count
        columns = zip(
            ids,
            lats,
            lons,
            versions if versions is not None else zero,
            changesets if changesets is not None else zero,
            times,
            uids if uids is not None else zero,
            names,
            visibles if visibles is not None else zero,
        )
        nodes = self.dataset.nodes
        deleted = self.deleted
        position = 0
        tagged = bool(keys_vals)
        live = visibles is None
        for node_id, lat, lon, version, changeset, stamp, uid, user, visible in columns:
            node = _new(Node)
            node.id = node_id
            node.lat = lat
            node.lon = lon
            node.version = version
            node.changeset = changeset
            node.timestamp = stamp
            node.uid = uid
            node.user = user
            tags: dict = {}
            if tagged:
                key = keys_vals[position]
                while key:
                    tags[strings[key]] = strings[keys_vals[position + 1]]
                    position += 2
                    key = keys_vals[position]
                position += 1
            node.tags = tags
            if live:
                node.visible = True
                old = nodes.get(node_id)
                if (old is None or old.version <= version) and not deleted:
                    nodes[node_id] = node
                    continue
            else:
                node.visible = bool(visible)
            keep_latest(nodes, deleted, node)

    def coordinates(self, values: List[int], convert) -> List[float]:
        return [v / SCALE for v in values] if convert is None else [convert(v) for v in values]

    def check_positions(self, lats: List[float], lons: List[float], ids, visibles) -> None:
        """Every live node within -90…90, -180…180 (deleted ones may have no position)."""
        if not lats or (
            min(lats) >= -90.0 and max(lats) <= 90.0 and min(lons) >= -180.0 and max(lons) <= 180.0
        ):
            return
        for index, (lat, lon) in enumerate(zip(lats, lons)):
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) and (
                visibles is None or visibles[index]
            ):
                raise self.error(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "The PBF file {source} has node {id} at an impossible position in the "
                        "block at byte {offset}.",
                    ),
                    id=ids[index],
                )

    def info(self, element, data: Optional[bytes]) -> None:
        element.version = element.changeset = element.uid = 0
        element.timestamp = element.user = ""
        element.visible = True
        if not data:
            return
        for number, value in _fields(data):
            if number == 1:
                element.version = value
            elif number == 2:
                element.timestamp = self.timestamp(_signed64(value))  # type: ignore[arg-type]
            elif number == 3:
                element.changeset = _signed64(value)  # type: ignore[arg-type]
            elif number == 4:
                element.uid = _signed64(value) & 0xFFFFFFFF  # type: ignore[arg-type]
                if element.uid >= 1 << 31:
                    element.uid -= 1 << 32
            elif number == 5:
                element.user = self.strings[value]  # type: ignore[index]
            elif number == 6:
                element.visible = bool(value)

    def element(self, element, data: bytes):
        """Common fields of a node, way or relation; returns the rest of its fields."""
        keys = values = b""
        info = None
        rest = []
        for number, value in _fields(data):
            if number == 1:
                element.id = value
            elif number == 2:
                keys = value
            elif number == 3:
                values = value
            elif number == 4:
                info = value
            else:
                rest.append((number, value))
        self.info(element, info)  # type: ignore[arg-type]
        strings = self.strings
        key_list, value_list = _uints(keys), _uints(values)  # type: ignore[arg-type]
        if len(key_list) != len(value_list):
            raise _Corrupt("keys and values of different lengths")
        element.tags = {strings[k]: strings[v] for k, v in zip(key_list, value_list)}
        return rest

    def node(self, data: bytes) -> None:
        node = _new(Node)
        node.id = 0
        lat = lon = 0
        for number, value in self.element(node, data):
            if number == 8:
                lat = _zigzag(value)  # type: ignore[arg-type]
            elif number == 9:
                lon = _zigzag(value)  # type: ignore[arg-type]
        node.id = _zigzag(node.id)  # sint64, unlike the ids of ways and relations
        node.lat = self.coordinates([lat], self.to_lat)[0]
        node.lon = self.coordinates([lon], self.to_lon)[0]
        self.check_positions([node.lat], [node.lon], [node.id], [node.visible])
        keep_latest(self.dataset.nodes, self.deleted, node)

    def way(self, data: bytes) -> None:
        way = _new(Way)
        way.id = 0
        way.nodes = []
        for number, value in self.element(way, data):
            if number == 8:
                way.nodes = _sints_delta(value)  # type: ignore[arg-type]
            # 9, 10: node locations (LocationsOnWays), not needed
        way.id = _signed64(way.id)
        keep_latest(self.dataset.ways, self.deleted, way)

    def relation(self, data: bytes) -> None:
        relation = _new(Relation)
        relation.id = 0
        roles: List[int] = []
        refs: List[int] = []
        types: List[int] = []
        for number, value in self.element(relation, data):
            if number == 8:
                roles = _uints(value)  # type: ignore[arg-type]
            elif number == 9:
                refs = _sints_delta(value)  # type: ignore[arg-type]
            elif number == 10:
                types = _uints(value)  # type: ignore[arg-type]
        if not len(roles) == len(refs) == len(types):
            raise _Corrupt("relation members with unequal arrays")
        strings = self.strings
        try:
            relation.members = [
                Member(MEMBER_TYPES[t], ref, strings[r]) for r, ref, t in zip(roles, refs, types)
            ]
        except IndexError:
            raise _Corrupt("unknown member type") from None
        relation.id = _signed64(relation.id)
        keep_latest(self.dataset.relations, self.deleted, relation)


def _nano(value: int) -> float:
    """Nanodegrees as degrees rounded to 10^-7 (as the XML writes them)."""
    return round(value / 100) / SCALE


def _scaler(granularity: int, offset: int):
    def convert(value: int) -> float:
        return round((offset + granularity * value) / 100) / SCALE

    return convert


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def is_pbf_head(head: bytes) -> bool:
    """Whether ``head`` (the first bytes of a file, 64 KiB are enough) starts an OSM PBF file:
    a big-endian length, then a BlobHeader of that length whose type is ``OSMHeader``."""
    if len(head) < 5:
        return False
    (size,) = struct.unpack(">I", head[:4])
    if not 0 < size <= MAX_HEADER_SIZE or len(head) < 4 + size:
        return False
    try:
        fields = _fields(head[4 : 4 + size])
    except _Corrupt:
        return False
    return any(number == 1 and value == b"OSMHeader" for number, value in fields)


def parse_pbf_stream(
    stream,
    source: str = "",
    *,
    cancel: Optional[Callable[[], bool]] = None,
    progress: Optional[ProgressCallback] = None,
    total: int = 0,
) -> DataSet:
    """Read an OSM PBF file from a binary stream, block by block.

    ``cancel`` is checked after each block (raising :class:`Cancelled`); ``progress(done_bytes,
    total, message)`` is called after each block when given.
    """
    reader = _Reader(source)
    first = True
    gc_enabled = gc.isenabled()
    gc.disable()  # the collector would rescan the many new elements again and again
    try:
        while True:
            reader.offset = stream.tell()
            block = reader.read_block(stream, first)
            if block is None:
                break
            kind, data = block
            try:
                if first:
                    reader.header(data)
                elif kind == "OSMData":
                    reader.primitive_block(data)
                # blocks of other types are skipped, as the format asks
            except _Corrupt as exc:
                raise reader.corrupt(str(exc)) from None
            except (IndexError, UnicodeDecodeError, TypeError, AttributeError, ValueError):
                # a string index out of the table, bad UTF-8, a field of the wrong wire type...
                raise reader.corrupt("malformed primitive data") from None
            first = False
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(stream.tell(), total, "")
        return reader.dataset
    finally:
        if gc_enabled:
            gc.enable()


def load_pbf_file(
    path: Union[str, os.PathLike],
    *,
    cancel: Optional[Callable[[], bool]] = None,
    progress: Optional[ProgressCallback] = None,
) -> DataSet:
    """Read a local ``.osm.pbf`` file into a :class:`DataSet`."""
    return read_local_file(path, parse_pbf_stream, OsmPbfError, cancel=cancel, progress=progress)
