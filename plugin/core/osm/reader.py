"""One entry point for local OSM files: OSM XML (``.osm``, ``.xml``) or OSM PBF (``.osm.pbf``).

The reader is chosen by the content, not the name: a PBF file starts with a big-endian length and
a BlobHeader of type ``OSMHeader``; anything else is read as XML. A file named ``.pbf`` whose
content is neither PBF nor XML gets the PBF reader's "not an OSM PBF file" message rather than an
XML syntax error.
"""

from __future__ import annotations

import os
from typing import Callable, Optional, Union

from .model import DataSet
from .pbf import MAX_HEADER_SIZE, is_pbf_head, load_pbf_file
from .xmlreader import OsmXmlError, ProgressCallback, load_osm_file, unreadable

__all__ = ["FILE_SUFFIXES", "is_pbf_file", "read_osm_file"]

FILE_SUFFIXES = (".osm", ".xml", ".osm.pbf", ".pbf")


def _head(path: str) -> bytes:
    name = os.path.basename(path)
    try:
        with open(path, "rb") as stream:
            return stream.read(4 + MAX_HEADER_SIZE)
    except OSError as exc:
        raise unreadable(OsmXmlError, name, exc) from None


def is_pbf_file(path: Union[str, os.PathLike]) -> bool:
    """Whether the file at ``path`` is OSM PBF (by its first bytes)."""
    return is_pbf_head(_head(os.fspath(path)))


def read_osm_file(
    path: Union[str, os.PathLike],
    progress: Optional[ProgressCallback] = None,
    cancel: Optional[Callable[[], bool]] = None,
) -> DataSet:
    """Read a local OSM file, XML or PBF, into a :class:`DataSet`.

    ``progress(done_bytes, total_bytes, message)`` and ``cancel()`` as for either reader.
    """
    path = os.fspath(path)
    head = _head(path)
    if is_pbf_head(head):
        return load_pbf_file(path, cancel=cancel, progress=progress)
    looks_like_xml = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    if path.lower().endswith(".pbf") and not looks_like_xml:
        return load_pbf_file(path, cancel=cancel, progress=progress)  # names what is wrong
    return load_osm_file(path, cancel=cancel, progress=progress)
