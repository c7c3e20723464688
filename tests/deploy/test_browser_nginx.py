"""The app through nginx in a real Chromium: it works under the Content-Security-Policy, with nothing blocked."""

from __future__ import annotations

from typing import Any

import pytest

from explainer.anatomy import load_atlas
from explainer.present.zonelist import zone_label
from tests.browser.helpers import zones_in_url
from tests.browser.test_isolation import RESULT, handout_text, pick_from_list
from tests.deploy.conftest import Served

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' from ' + e.sourceFile));"""


def test_the_app_works_through_nginx_with_no_csp_violation(browser: Any, served: Served) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(30_000)
    console: list[str] = []
    errors: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        response = page.goto(served.url + "/?zones=foot_dorsum_right&view=foot_top&symptoms=tingling")
        assert response is not None and "frame-ancestors 'self'" in response.headers["content-security-policy"]
        page.locator(RESULT).first.wait_for()
        pick_from_list(page, "big toe, top", zone_label(load_atlas(), "great_toe_dorsal_right"))
        page.wait_for_function("() => location.search.includes('great_toe_dorsal_right')")
        assert zones_in_url(page) == {"foot_dorsum_right", "great_toe_dorsal_right"}
        assert "Big toe" in handout_text(page)  # the download reaches the replica that made it
        page.get_by_role("link", name="Explore the spine").click()
        page.wait_for_url("**/spine**")
        page.get_by_role("heading", name="Explore the spine").first.wait_for()
        page.wait_for_timeout(1000)
        violations = page.evaluate("() => window.__csp")
        assert violations == [], violations
        assert not [m for m in console if "Content Security Policy" in m or "Refused to" in m], console
        assert errors == []
        assert not page.locator("[data-testid=stException]").count()
    finally:
        context.close()
