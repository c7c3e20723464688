"""The live connection drops and comes back: a calm "Reconnecting…" bar meanwhile, marks kept, taps work again.

The browser's offline switch does not close an open websocket, so the test puts a small TCP proxy between the
browser and the app and cuts every connection through it (refusing new ones) for a while.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from typing import Any
from urllib.parse import urlparse

import pytest

from explainer.anatomy import load_atlas
from explainer.present.zonelist import zone_label
from tests.browser.helpers import zones_in_url
from tests.browser.test_isolation import RESULT, listed_marks, pick_from_list

pytestmark = pytest.mark.browser


class CuttableProxy:
    """127.0.0.1:<port> -> the app; ``cut()`` closes every connection and refuses new ones until ``restore()``."""

    def __init__(self, target_port: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.server.getsockname()[1])
        self.up = True
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            try:
                if not self.up:
                    raise ConnectionRefusedError
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.up = False
        with self.lock:
            conns, self.open = self.open, []
        for s in conns:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.server.close()


def test_marks_survive_a_dropped_connection_and_a_new_tap_works(page: Any, app_url: str, artifacts: Any) -> None:
    atlas = load_atlas()
    proxy = CuttableProxy(int(urlparse(app_url).port or 0))
    # "localhost" is the name for which Streamlit's own dialog says "streamlit run yourscript.py".
    try:
        page.goto(f"http://localhost:{proxy.port}/?zones=foot_dorsum_right&view=foot_top")
        page.locator(RESULT).first.wait_for()
        pick_from_list(page, "big toe, top", zone_label(atlas, "great_toe_dorsal_right"))
        page.wait_for_function("() => location.search.includes('great_toe_dorsal_right')")
        before = zones_in_url(page)
        assert before == {"foot_dorsum_right", "great_toe_dorsal_right"}

        proxy.cut()
        app = page.locator("[data-testid=stApp]")
        page.wait_for_function("() => document.querySelector('[data-testid=stApp]')"
                               ".getAttribute('data-test-connection-state') === 'PINGING_SERVER'")
        page.wait_for_timeout(9000)  # long enough for Streamlit's own "Connection error" dialog to open (~5 s)
        notice = page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=stApp]'), '::after').content")
        assert "Reconnecting" in notice and "marks are kept" in notice
        page.screenshot(path=str(artifacts / "reconnecting.png"))
        for dialog in page.locator("[role=dialog]").all():
            assert not dialog.is_visible(), "Streamlit's connection-error dialog must stay hidden"
        assert not any(t.is_visible() for t in page.get_by_text("yourscript").all())
        assert app.get_attribute("data-test-connection-state") != "CONNECTED"

        proxy.restore()
        page.wait_for_function("() => document.querySelector('[data-testid=stApp]')"
                               ".getAttribute('data-test-connection-state') === 'CONNECTED'", timeout=60_000)
        after_notice = page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=stApp]'), '::after')"
                                     ".content")
        assert "Reconnecting" not in after_notice
        assert zones_in_url(page) == before
        assert set(listed_marks(page)) == {zone_label(atlas, z) for z in before}

        pick_from_list(page, "little toe, top", zone_label(atlas, "little_toe_dorsal_right"))
        page.wait_for_function("() => location.search.includes('little_toe_dorsal_right')")
        assert zones_in_url(page) == {*before, "little_toe_dorsal_right"}
        assert set(listed_marks(page)) == {zone_label(atlas, z) for z in zones_in_url(page)}
        page.locator(RESULT).first.wait_for()  # the results are there
        assert not page.locator("[data-testid=stException]").count()
    finally:
        proxy.close()


def test_the_notice_is_plain_words() -> None:
    """The bar's text is a sentence for a patient: no 'Streamlit', no terminal commands."""
    from explainer.ui.reconnect import MESSAGE

    assert not re.search(r"streamlit|terminal|run |\.py", MESSAGE, re.I)
    assert '"' not in MESSAGE and "\\" not in MESSAGE  # it sits inside a CSS string
