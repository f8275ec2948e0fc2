"""Validation before upload, as JOSM and iD do it: pure Python, no Qt.

:func:`validate_changes` runs every rule over the changes of one diff and returns a
:class:`ValidationReport`: *errors* block the upload, *warnings* need the user's acknowledgement.
Rules judge what the user created or changed and what that touches, never untouched data:

========================  =====================================================================
``missing_tag``           new element without tags that is no vertex or member; only name-like
``duplicate_node``        nodes at one position; a node twice in a row in a way
``close_nodes``           consecutive nodes of a way closer than 0.2 m
``self_intersection``     a way or an area outline that crosses itself
``unclosed_ring``         area tags on an open way; area relation whose rings do not close
``crossing_ways``         highways, railways, waterways, buildings crossing without a junction
``almost_junction``       a new or moved highway end a few metres from another highway
``disconnected_highway``  new highways joined to no other road
``mismatched_geometry``   tags meant for another geometry (schema)
``outdated_tags``         deprecated tags and missing preset tags, with a fix (schema)
``many_deletions``        many deleted features
``api_limits``            what the API refuses (:func:`..osm.osmchange.problems_of`)
``schema_unavailable``    the tag rules could not run (said when tags were edited)
========================  =====================================================================

A fix (:class:`Fix`) is a tag edit on one feature; :func:`apply_fix` gives the tags after it.
The adapters choose the schema's folder (the plugin's ``data/id-tagging-schema``, see
:data:`.schema.BUNDLED_FOLDER`, or the build's cache in a development checkout) and load it once
with :func:`load_schema`.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from ..errors import CONTEXT, QT_TRANSLATE_NOOP, Message
from ..osm.diff import OsmChanges, gc_paused
from ..osm.features import EditedFeature
from ..osm.model import DataSet
from . import changeset_rules, connectivity, crossings, geometry_rules, tag_rules
from .context import Context
from .issues import ERROR, WARNING, Fix, Issue, ValidationReport, apply_fix
from .schema import Schema, SchemaUnavailable, load_schema

__all__ = [
    "ERROR",
    "WARNING",
    "Fix",
    "Issue",
    "Schema",
    "SchemaUnavailable",
    "ValidationReport",
    "apply_fix",
    "load_schema",
    "validate_changes",
]

GEOMETRY_RULES = (
    tag_rules.missing_tag,
    geometry_rules.duplicate_nodes,
    geometry_rules.close_nodes,
    geometry_rules.self_intersection,
    geometry_rules.unclosed_rings,
    crossings.crossing_ways,
    connectivity.almost_junction,
    connectivity.disconnected_highway,
    changeset_rules.many_deletions,
)
SCHEMA_RULES = (tag_rules.mismatched_geometry, tag_rules.outdated_tags)


def validate_changes(
    changes: OsmChanges,
    base: DataSet,
    edited: Optional[Dict[str, List[EditedFeature]]] = None,
    schema: Optional[Schema] = None,
    capabilities=None,
    comment: Optional[str] = None,
) -> ValidationReport:
    """Check the changes before upload.

    ``base`` is the downloaded snapshot the changes apply to, ``edited`` the features of the OSM
    layers (to name the features of elements the changes do not list), ``schema`` the tag
    knowledge (:func:`load_schema`; without it the tag rules are skipped and a warning says so),
    ``capabilities`` the server's limits and ``comment`` the changeset comment (``None``: not
    checked).
    """
    with gc_paused():  # many small objects, all alive: collections would only cost time
        issues = _run(Context(changes, base, edited), schema, capabilities, comment)
    return ValidationReport(issues, tag_rules=schema is not None)


def _run(ctx: Context, schema, capabilities, comment) -> List[Issue]:
    issues: List[Issue] = []
    for rule in GEOMETRY_RULES:
        issues.extend(rule(ctx))
    if schema is not None:
        for rule in SCHEMA_RULES:
            issues.extend(rule(ctx, schema))
    elif ctx.retagged:
        issues.append(
            Issue(
                "schema_unavailable",
                WARNING,
                Message(
                    QT_TRANSLATE_NOOP(
                        CONTEXT,
                        "The tag checks (outdated tags, tags for the wrong geometry) did not "
                        "run: the iD tagging schema is not available.",
                    )
                ),
            )
        )
    issues.extend(changeset_rules.api_limits(ctx, capabilities, comment))
    return issues
