"""What the validator reports: issues (rule, severity, message, elements, place) and their fixes."""

from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from ..errors import Message

ERROR, WARNING = "error", "warning"
SEVERITIES = (ERROR, WARNING)

ElementKey = Tuple[str, int]  # (type, id); placeholder ids of new elements are negative
Source = Tuple[str, int]  # (layer, fid) of an edited feature
Location = Tuple[float, float]  # (lon, lat)


class Fix:
    """A tag edit that solves an issue: ``remove`` these keys, then ``set`` these tags.

    ``source`` is the ``(layer, fid)`` of the edited feature whose tags the fix changes (``None``
    when the element has no feature of its own); ``element`` the OSM element concerned.
    """

    __slots__ = ("description", "element", "remove", "set", "source")

    def __init__(
        self,
        description: Message,
        element: ElementKey,
        source: Optional[Source],
        remove: Iterable[str] = (),
        set: Optional[Mapping[str, str]] = None,
    ) -> None:
        self.description = description
        self.element = element
        self.source = source
        self.remove = tuple(remove)
        self.set: Dict[str, str] = dict(set or {})

    def __repr__(self) -> str:
        return f"Fix({self.description.message!r}, -{list(self.remove)} +{self.set})"


def apply_fix(fix: Fix, tags: Mapping[str, str]) -> Dict[str, str]:
    """The tags after ``fix`` (a new dict; ``tags`` is left as it is)."""
    result = {k: v for k, v in tags.items() if k not in fix.remove}
    result.update(fix.set)
    return result


class Issue:
    """One problem found by a rule.

    ``rule`` is a stable id (``crossing_ways``, ``missing_tag``, …), ``severity`` :data:`ERROR`
    (blocks the upload) or :data:`WARNING` (the user acknowledges it), ``message`` a translatable
    :class:`~..errors.Message`, ``elements`` the OSM elements concerned, ``sources`` the
    ``(layer, fid)`` of their features when known, ``location`` a ``(lon, lat)`` to zoom to
    (``None`` for issues of the changeset as a whole) and ``fixes`` what can be applied.
    """

    __slots__ = ("elements", "fixes", "location", "message", "rule", "severity", "sources")

    def __init__(
        self,
        rule: str,
        severity: str,
        message: Message,
        elements: Iterable[ElementKey] = (),
        sources: Iterable[Source] = (),
        location: Optional[Location] = None,
        fixes: Iterable[Fix] = (),
    ) -> None:
        if severity not in SEVERITIES:
            raise ValueError(severity)
        self.rule = rule
        self.severity = severity
        self.message = message
        self.elements = list(elements)
        self.sources = list(dict.fromkeys(sources))
        self.location = location
        self.fixes = list(fixes)

    def describe(self) -> str:
        """One English line for logs and tests."""
        return f"{self.severity} {self.rule}: {self.message.message}"

    def __repr__(self) -> str:
        return f"Issue({self.describe()!r}, {self.elements})"


class ValidationReport:
    """All issues of one validation, errors first."""

    __slots__ = ("issues", "tag_rules")

    def __init__(self, issues: List[Issue], tag_rules: bool) -> None:
        order = {ERROR: 0, WARNING: 1}
        self.issues = sorted(issues, key=lambda issue: order[issue.severity])
        self.tag_rules = tag_rules  # False when the tagging schema was not available

    @property
    def errors(self) -> List[Issue]:
        return [issue for issue in self.issues if issue.severity == ERROR]

    @property
    def warnings(self) -> List[Issue]:
        return [issue for issue in self.issues if issue.severity == WARNING]

    @property
    def blocking(self) -> bool:
        """True when the upload must not go ahead."""
        return any(issue.severity == ERROR for issue in self.issues)

    def rules(self) -> List[str]:
        return sorted({issue.rule for issue in self.issues})

    def __len__(self) -> int:
        return len(self.issues)

    def __iter__(self):
        return iter(self.issues)

    def describe(self) -> List[str]:
        return [issue.describe() for issue in self.issues]
