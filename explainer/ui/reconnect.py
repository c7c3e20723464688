"""While the live connection is down: a plain "Reconnecting…" bar instead of Streamlit's own dialog.

Streamlit marks its app container with the connection state; when the socket drops it pings the server and, after a
few seconds, opens a "Connection error" dialog that talks about terminals ("streamlit run yourscript.py") or the
internet. This style (sent with every run, so it is already in the page when the connection goes) shows one calm
sentence at the top instead and hides that dialog while it lasts. Pure CSS: nothing runs, nothing is fetched.
"""

from __future__ import annotations

import streamlit as st

import explainer.anatomy  # noqa: F401  (first: explainer.i18n imported alone hits an import cycle)
from explainer.i18n import t

_DOWN = '[data-testid="stApp"][data-test-connection-state="PINGING_SERVER"]'


def message() -> str:
    return t("Reconnecting… The connection to Nerve Map was interrupted. Your marks are kept, "
             "and the page carries on by itself as soon as the connection is back.")


def __getattr__(name: str) -> str:
    if name == "MESSAGE":  # the message in this run's language (tests read it as a constant)
        return message()
    raise AttributeError(name)


def css() -> str:
    """The style, with the message in this page's language (a CSS string: quotes and backslashes escaped)."""
    text = message().replace("\\", "\\\\").replace('"', '\\"')
    return f"""
{_DOWN}::after {{
  content: "{text}"; position: fixed; top: 0; left: 0; right: 0; z-index: 1000100;
  padding: 0.75rem 1rem; text-align: center; font-size: 1.05rem; line-height: 1.4;
  background: #fff4ce; color: #3d3100; border-bottom: 2px solid #c9a400;
}}
body:has({_DOWN}) [data-testid="stDialog"] {{ display: none; }}
"""


def reconnect_notice() -> None:
    st.html(f"<style>{css()}</style>")
