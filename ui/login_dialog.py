"""The login dialog: logs in to one OSM API with the browser (OAuth 2.0, PKCE, loopback
listener; :class:`..plugin.adapters.auth.InteractiveLogin`) without blocking QGIS.

It names the server, says what it waits for, takes a pasted code at any time (the browser may run
on another computer), opens the browser again, and Cancel closes the listener and stops the
exchange at once. After the login it asks the server for the account (``/user/details``, in a
task) and remembers its name for that server. Used by the review's "Log in…" and the settings.
"""

from __future__ import annotations

import contextlib
from html import escape
from typing import Optional

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox

from ..plugin.adapters import auth
from ..plugin.core import servers
from . import load_ui

FORM = load_ui("login_dialog")


class _Running:
    """The login and the name request of a dialog, stopped also when Qt deletes the dialog
    with its parent (e.g. the options dialog closes) without closing it first."""

    def __init__(self) -> None:
        self.login: Optional[auth.InteractiveLogin] = None
        self.name_task = None

    def stop(self, *_args) -> None:
        login, self.login = self.login, None
        if login is not None and login.running:
            login.on_done = None  # closing: nothing more to show
            login.cancel()
        task, self.name_task = self.name_task, None
        if task is not None:
            with contextlib.suppress(RuntimeError):  # already deleted by the task manager
                task.cancel()


class LoginDialog(QDialog, FORM):
    """``start()`` shows the dialog and begins the login to ``api_url``.

    ``loggedIn(api_url)`` is emitted once the token is stored, ``accountNamed(api_url, name)``
    when the account name is known (``""``: the server did not tell it). ``values`` are the
    settings to take the client id from (default: the saved ones); ``open_url`` shows a page
    (default: the system browser)."""

    loggedIn = pyqtSignal(str)
    accountNamed = pyqtSignal(str, str)

    def __init__(self, api_url: str, parent=None, values=None, open_url=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.api_url = api_url
        self.values = values
        self.open_url = open_url
        self.timeout_s: Optional[float] = None  # default: InteractiveLogin.TIMEOUT_S
        self.work = _Running()
        self.destroyed.connect(self.work.stop)
        self.account = ""
        self.logged_in = False
        self.serverLabel.setText(
            self.tr("Log in to <b>{server}</b>").format(
                server=escape(servers.origin(api_url) or api_url)
            )
        )
        self.buttonBox.rejected.connect(self.reject)
        self.pasteButton.clicked.connect(self._paste)
        self.codeEdit.returnPressed.connect(self._paste)
        self.codeEdit.textChanged.connect(self._update)
        self.browserLink.linkActivated.connect(self._link)
        self.codeEdit.setPlaceholderText(self.tr("Code or address"))

    # -- the login ------------------------------------------------------------------------------
    def start(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self._begin()

    def _begin(self) -> None:
        self.logged_in = False
        self.account = ""
        self.login = auth.InteractiveLogin(
            self._done,
            open_url=self.open_url,
            api_url=self.api_url,
            on_state=self._state,
            values=self.values,
        )
        if self.timeout_s is not None:
            self.login.timeout_s = self.timeout_s
        self._button(self.tr("Cancel"))
        self.login.start()
        self._update()

    @property
    def login(self) -> Optional[auth.InteractiveLogin]:
        return self.work.login

    @login.setter
    def login(self, login) -> None:
        self.work.login = login

    @property
    def name_task(self):
        return self.work.name_task

    @name_task.setter
    def name_task(self, task) -> None:
        self.work.name_task = task

    @property
    def running(self) -> bool:
        return self.login is not None and self.login.running

    def _state(self, state: str) -> None:
        texts = {
            "waiting": self.tr("Waiting for the browser…"),
            "paste": self.tr(
                "QGIS cannot receive the browser's answer: paste the code the server shows "
                "after you approved the access."
            ),
            "exchanging": self.tr("Exchanging the code…"),
        }
        self.statusLabel.setText(texts.get(state, state))
        self._update()

    def _paste(self) -> None:
        if self.login is not None and self.login.submit_code(self.codeEdit.text()):
            self.codeEdit.clear()
        self._update()

    def _link(self, href: str = "open") -> None:
        """``open``: the authorize page again; ``copy``: its address to the clipboard (for a
        browser on another computer); ``again``: a new login."""
        from qgis.PyQt.QtWidgets import QApplication

        if not self.running:
            self._begin()
        elif href == "copy":
            QApplication.clipboard().setText(self.login.authorize_url)
            self.statusLabel.setText(self.tr("The address of the login page is in the clipboard."))
        else:
            self.login.open_browser()

    def _done(self, token, error) -> None:
        from ..plugin.adapters.i18n import error_text

        self._button(self.tr("Close"))
        if error is not None:
            self.statusLabel.setText(
                f'<span style="color:#b00020">{escape(error_text(error))}</span>'
            )
        elif token is not None:
            self.logged_in = True
            self.statusLabel.setText(self.tr("Logged in. Asking the server for the account name…"))
            self.loggedIn.emit(self.api_url)
            self._fetch_name(token.access_token)
        self._update()

    def _fetch_name(self, token: str) -> None:
        from qgis.core import QgsApplication

        from ..plugin.adapters.network import make_transport
        from ..plugin.adapters.tasks import CoreTask
        from ..plugin.core.osm.api import user_details

        api_url = self.api_url
        transport = make_transport(api_url)

        def work(task):
            return user_details(transport, token, api_url, task.isCanceled)

        def done(details, error) -> None:
            if self.name_task is not task:  # closed meanwhile
                return
            self.name_task = None
            self.named(details.display_name if details is not None else "", error)

        task = CoreTask(self.tr("Asking for the account name"), work, done)
        self.name_task = task
        QgsApplication.taskManager().addTask(task)

    def named(self, name: str, error=None) -> None:
        """Show (and remember) the account name the server gave."""
        from ..plugin.adapters.i18n import error_text

        self.account = name
        auth.remember_name(self.api_url, name)
        if name:
            text = self.tr("Logged in as <b>{name}</b>").format(name=escape(name))
            self.statusLabel.setText(text)
        else:
            reason = error_text(error) if error is not None else ""
            self.statusLabel.setText(
                self.tr("Logged in. The account name is not available: {reason}").format(
                    reason=escape(reason)
                )
            )
        self.accountNamed.emit(self.api_url, name)
        self._update()

    # -- state of the widgets -----------------------------------------------------------------
    def _button(self, text: str) -> None:
        button = self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        button.setText(text)

    def _update(self) -> None:
        running = self.running
        exchanging = running and self.login.task is not None
        for widget in (self.pasteHint, self.codeEdit, self.pasteButton):
            widget.setVisible(running)  # a code is of use to the running login only
        self.codeEdit.setEnabled(running and not exchanging)
        self.pasteButton.setEnabled(
            running and not exchanging and bool(self.codeEdit.text().strip())
        )
        if running and not exchanging:
            links = [
                ("open", self.tr("Open the browser again")),
                ("copy", self.tr("Copy the address")),
            ]
        elif running or self.logged_in:
            links = []
        else:
            links = [("again", self.tr("Try again"))]
        self.browserLink.setText(
            " · ".join(f'<a href="{href}">{escape(text)}</a>' for href, text in links)
        )
        self.browserLink.setVisible(bool(links))
        self.adjustSize()

    # -- closing ------------------------------------------------------------------------------
    def stop(self) -> None:
        """Stop the login and the name request (the listener is closed at once)."""
        self.work.stop()

    def done(self, result: int) -> None:  # accept, reject, Escape and the window's close
        self.stop()
        super().done(result)
