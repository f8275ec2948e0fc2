"""Background work: every network call runs in a :class:`CoreTask`, never on the GUI thread."""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from qgis.core import QgsTask

from ..core.errors import Cancelled, OsmRoundtripError

logger = logging.getLogger("osm_roundtrip")


class CoreTask(QgsTask):
    """Runs ``work(task)`` in a worker thread and reports on the GUI thread.

    ``work`` receives the task: it calls ``task.isCanceled`` between chunks (pass it as the
    core's ``cancel`` callable) and ``task.report(done, total)`` for progress. ``run()`` stores
    the result or the exception; ``finished()`` calls ``on_done(result, error)`` on the GUI
    thread. ``run()`` never touches widgets or the project.
    """

    def __init__(
        self,
        description: str,
        work: Callable[[CoreTask], Any],
        on_done: Optional[Callable[[Any, Optional[BaseException]], None]] = None,
        flags=QgsTask.Flag.CanCancel,
    ) -> None:
        super().__init__(description, flags)
        self._work = work
        self._on_done = on_done
        self.result: Any = None
        self.error: Optional[BaseException] = None

    def report(self, done: float, total: float) -> None:
        if total:
            self.setProgress(min(100.0, 100.0 * done / total))

    def run(self) -> bool:
        try:
            self.result = self._work(self)
        except Cancelled as exc:
            self.error = exc
            return False
        except OsmRoundtripError as exc:  # expected failure: its message says it all
            logger.warning("%s: %s", self.description(), exc)
            self.error = exc
            return False
        except Exception as exc:  # reported in finished() on the GUI thread
            logger.exception("%s failed", self.description())
            self.error = exc
            return False
        return not self.isCanceled()

    def finished(self, ok: bool) -> None:
        if not ok and self.error is None:
            self.error = Cancelled()
        if self._on_done is not None:
            self._on_done(self.result if ok else None, self.error)
