"""Background work: every network call runs in a :class:`CoreTask`, never on the GUI thread.

Running tasks are cancelled when QGIS quits (``aboutToQuit``) and when the plugin is unloaded
(:func:`cancel_running`): their requests stop within a tenth of a second, so QGIS, which waits
for its worker threads before it exits, is not held by a server that does not answer.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from qgis.core import QgsTask

from ..core.errors import Cancelled, OsmRoundtripError
from .compat import TASK_FLAGS

logger = logging.getLogger("osm_roundtrip")

_running: set = set()  # tasks created and not finished yet (owned by QGIS's task manager)
_quit_hook = []  # the application the aboutToQuit connection was made on


def cancel_running() -> int:
    """Cancel every task of the plugin that has not finished; returns how many."""
    tasks = list(_running)
    for task in tasks:
        try:
            task.cancel()
        except RuntimeError:  # already deleted by the task manager
            _running.discard(task)
    return len(tasks)


def _watch_quit() -> None:
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is not None and not any(a is app for a in _quit_hook):
        app.aboutToQuit.connect(cancel_running)
        _quit_hook[:] = [app]


class CoreTask(QgsTask):
    """Runs ``work(task)`` in a worker thread and reports on the GUI thread.

    ``work`` receives the task: it calls ``task.isCanceled`` between chunks (pass it as the
    core's ``cancel`` callable) and ``task.report(done, total)`` for progress. ``run()`` stores
    the result or the exception; ``finished()`` calls ``on_done(result, error)`` on the GUI
    thread. ``run()`` never touches widgets or the project.

    A cancelled task ends as *complete* (``run()`` returns ``True``, :attr:`error` is
    :class:`Cancelled`): QGIS reports a task that returns ``False`` as failed ("Task failed" in
    a system notification), which a cancel the user asked for is not. Only a task cancelled
    before it started is left *terminated* by QGIS itself; ``on_done`` gets ``Cancelled`` in
    every case.
    """

    def __init__(
        self,
        description: str,
        work: Callable[[CoreTask], Any],
        on_done: Optional[Callable[[Any, Optional[BaseException]], None]] = None,
        flags=TASK_FLAGS,
    ) -> None:
        super().__init__(description, flags)
        self._work = work
        self._on_done = on_done
        self.result: Any = None
        self.error: Optional[BaseException] = None
        _running.add(self)
        _watch_quit()

    def report(self, done: float, total: float) -> None:
        if total:
            self.setProgress(min(100.0, 100.0 * done / total))

    def run(self) -> bool:
        try:
            self.result = self._work(self)
        except Cancelled as exc:
            self.error = exc
            return True  # not a failure: see the class's description
        except OsmRoundtripError as exc:  # expected failure: its message says it all
            logger.warning("%s: %s", self.description(), exc)
            self.error = exc
            return False
        except Exception as exc:  # reported in finished() on the GUI thread
            logger.exception("%s failed", self.description())
            self.error = exc
            return False
        if self.isCanceled():  # the work ended without noticing: its result is not wanted
            self.error = Cancelled()
        return True

    @property
    def was_cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)

    def finished(self, ok: bool) -> None:
        _running.discard(self)
        if not ok and self.error is None:
            self.error = Cancelled()  # cancelled before it started
        if self._on_done is not None:
            self._on_done(self.result if self.error is None else None, self.error)
