"""The login dialog in a real QGIS (offscreen) against the sandbox's OAuth 2.0 endpoints.

The "browser" is a thread that asks the sandbox's authorize page (which approves at once with
``--auto-approve``) and either follows the redirect to the dialog's loopback listener or, as a
browser on another computer would, stops at the redirect, whose address the user pastes.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox
from qgis_auth_fixture import clean_login_settings

from osm_roundtrip.plugin.adapters import auth
from osm_roundtrip.plugin.adapters import settings as plugin_settings
from osm_roundtrip.ui.login_dialog import LoginDialog
from tools.osm_sandbox.launch import DEFAULT_SEED


@pytest.fixture(scope="module")
def approving(osm_sandbox_factory):
    return osm_sandbox_factory(DEFAULT_SEED, "--auto-approve", "bob")


@pytest.fixture
def sandbox_settings(auth_db, approving):
    """The settings name the approving sandbox; restored (and logged out) after the test."""
    with clean_login_settings(approving.api) as store:
        store.setValue(plugin_settings.PREFIX + "osm_server", "sandbox")
        store.setValue(plugin_settings.PREFIX + "sandbox_url", approving.url)
        yield store


class Browser:
    """Opens the authorize page in a thread; ``follow=False`` stops at the redirect."""

    def __init__(self, follow: bool = True) -> None:
        self.follow = follow
        self.opened: list = []
        self.redirects: list = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        threading.Thread(target=self._visit, args=(url,), daemon=True).start()

    def _visit(self, url: str) -> None:
        reply = requests.get(url, timeout=20, allow_redirects=self.follow)
        if not self.follow:
            self.redirects.append(reply.headers["Location"])


class NoBrowser:
    def __init__(self) -> None:
        self.opened: list = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)


def listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def cancel_button(dialog):
    return dialog.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)


def test_cancel_closes_the_listener_within_a_second(sandbox_settings, approving, qtbot):
    browser = NoBrowser()
    dialog = LoginDialog(approving.api, open_url=browser)
    qtbot.addWidget(dialog)
    dialog.start()
    assert dialog.isVisible()
    assert approving.url in dialog.serverLabel.text()
    assert dialog.statusLabel.text() == "Waiting for the browser…"
    assert len(browser.opened) == 1 and "/oauth2/authorize?" in browser.opened[0]
    port = dialog.login.port
    assert port and listening(port)
    login = dialog.login
    started = time.monotonic()
    qtbot.mouseClick(cancel_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not login.running and login.flow is None and login.timer is None
    while listening(port):
        assert time.monotonic() - started < 1.0, "the loopback port is still open"
        time.sleep(0.05)
    assert time.monotonic() - started < 1.0
    assert auth.token_for(approving.api) is None


def test_the_browsers_answer_logs_in_and_names_the_account(sandbox_settings, approving, qtbot):
    dialog = LoginDialog(approving.api, open_url=Browser())
    qtbot.addWidget(dialog)
    named = []
    dialog.accountNamed.connect(lambda api_url, name: named.append((api_url, name)))
    dialog.start()
    qtbot.waitUntil(lambda: bool(named), timeout=30000)
    assert named == [(approving.api, "bob")]
    assert dialog.statusLabel.text() == "Logged in as <b>bob</b>"
    assert cancel_button(dialog).text() == "Close"
    assert auth.token_for(approving.api)
    assert auth.account_name(approving.api) == "bob"


@pytest.mark.parametrize("what", ["address", "code"])
def test_a_pasted_code_logs_in(sandbox_settings, approving, qtbot, what):
    """The browser runs elsewhere: its redirect never reaches the listener; the user pastes."""
    browser = Browser(follow=False)
    dialog = LoginDialog(approving.api, open_url=browser)
    qtbot.addWidget(dialog)
    dialog.start()
    port = dialog.login.port
    qtbot.waitUntil(lambda: bool(browser.redirects), timeout=20000)
    address = browser.redirects[0]
    assert address.startswith(f"http://127.0.0.1:{port}/")
    text = address if what == "address" else address.split("code=")[1].split("&")[0]
    assert not dialog.pasteButton.isEnabled()
    qtbot.keyClicks(dialog.codeEdit, text)
    assert dialog.pasteButton.isEnabled()
    qtbot.mouseClick(dialog.pasteButton, Qt.MouseButton.LeftButton)
    assert dialog.statusLabel.text() == "Exchanging the code…"
    assert not listening(port)
    qtbot.waitUntil(lambda: "Logged in as" in dialog.statusLabel.text(), timeout=30000)
    assert dialog.account == "bob"
    assert auth.account_name(approving.api) == "bob"
    token = auth.token_for(approving.api)
    assert (
        token
        and "allow_write_api"
        in requests.get(
            approving.api + "/permissions.json",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        ).json()["permissions"]
    )


def test_a_wrong_code_is_refused_and_can_be_tried_again(sandbox_settings, approving, qtbot):
    dialog = LoginDialog(approving.api, open_url=NoBrowser())
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.keyClicks(dialog.codeEdit, "not-a-code")
    qtbot.mouseClick(dialog.pasteButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=30000)
    assert "refused to issue a token" in dialog.statusLabel.text()
    assert dialog.browserLink.text() == '<a href="again">Try again</a>'
    assert auth.token_for(approving.api) is None
    dialog.browserLink.linkActivated.emit("again")
    assert dialog.running and dialog.statusLabel.text() == "Waiting for the browser…"
    dialog.reject()
    assert not dialog.running


def test_the_timeout_is_told_clearly(sandbox_settings, approving, qtbot):
    browser = NoBrowser()
    dialog = LoginDialog(approving.api, open_url=browser)
    qtbot.addWidget(dialog)
    dialog.timeout_s = 0.5
    dialog.start()
    port = dialog.login.port
    assert dialog.browserLink.text() == (
        '<a href="open">Open the browser again</a> · <a href="copy">Copy the address</a>'
    )
    dialog.browserLink.linkActivated.emit("open")
    assert browser.opened[0] == browser.opened[1]  # the same login, shown again
    dialog.browserLink.linkActivated.emit("copy")  # for a browser on another computer
    assert QApplication.clipboard().text() == browser.opened[0]
    assert dialog.statusLabel.text() == "The address of the login page is in the clipboard."
    qtbot.waitUntil(lambda: not dialog.running, timeout=5000)
    status = dialog.statusLabel.text()
    assert "No answer from the browser within" in status
    assert "the login was abandoned." in status
    assert not listening(port)
    assert not dialog.codeEdit.isEnabled() and not dialog.codeEdit.isVisible()
    assert cancel_button(dialog).text() == "Close"


def test_an_unknown_client_is_told_before_the_browser_opens(sandbox_settings, auth_db, qtbot):
    browser = NoBrowser()
    dialog = LoginDialog("http://127.0.0.1:1/api/0.6", open_url=browser)
    qtbot.addWidget(dialog)
    dialog.start()
    assert browser.opened == []
    assert "choose it as the server in the plugin settings" in dialog.statusLabel.text()


def test_the_reviews_login_button_uses_the_dialog(sandbox_settings, approving, qgis_iface, qtbot):
    from osm_roundtrip.ui.review_dock import ReviewDock
    from osm_roundtrip.ui.upload_action import UploadAction

    from .test_upload_dialogs import sample

    base, changes = sample()
    review = ReviewDock(qgis_iface, changes, "", base=base, server=approving.api)
    qtbot.addWidget(review)
    assert review.loginButton.text() == "Log in…"
    action = UploadAction(qgis_iface)
    browser = Browser(follow=False)
    original = LoginDialog.__init__

    def with_browser(self, api_url, parent=None, values=None, open_url=None):
        original(self, api_url, parent, values, browser)

    LoginDialog.__init__ = with_browser
    try:
        action._login(review)
    finally:
        LoginDialog.__init__ = original
    login = action.login
    assert login.isVisible() and approving.url in login.serverLabel.text()
    qtbot.waitUntil(lambda: bool(browser.redirects), timeout=20000)
    login.codeEdit.setText(browser.redirects[0])
    login.pasteButton.click()
    qtbot.waitUntil(lambda: review.logged_in, timeout=30000)
    qtbot.waitUntil(lambda: "bob" in review.loginButton.text(), timeout=30000)
    assert review.loginButton.text() == "Logged in as bob — change…"
    action._login(review)  # again: the open dialog is shown, not a second one
    assert action.login is login
    review.close()  # the review closed: the login stops with it
    assert not login.isVisible()


def test_a_server_without_user_details_still_logs_in(auth_db, osm_sandbox_factory, qtbot):
    """CGImap alone (no Rails port) does not tell the account: the login is kept all the same."""
    alone = osm_sandbox_factory(DEFAULT_SEED, "--auto-approve", "alice", "--no-discovery")
    with clean_login_settings(alone.api) as store:
        store.setValue(plugin_settings.PREFIX + "osm_server", "sandbox")
        store.setValue(plugin_settings.PREFIX + "sandbox_url", alone.url)
        dialog = LoginDialog(alone.api, open_url=Browser())
        qtbot.addWidget(dialog)
        named = []
        dialog.accountNamed.connect(lambda api_url, name: named.append(name))
        dialog.start()
        qtbot.waitUntil(lambda: bool(named), timeout=30000)
        assert named == [""]
        assert dialog.statusLabel.text().startswith(
            "Logged in. The account name is not available: The server"
        )
        assert "does not tell the account name (HTTP 404)" in dialog.statusLabel.text()
        assert auth.token_for(alone.api)
        assert auth.account_name(alone.api) == ""
