"""Nothing a link carries is ever interpreted: random and hostile query strings drive the real app (AppTest).

Every hostile value carries a marker word. Whatever the link holds, the marker must appear nowhere in what the app
sends to the browser (any element: Markdown bodies, captions, alerts, widget labels, options, help) nor in the link
the app writes back, so no Markdown or HTML element can be built from link text. Values that are known ids may show,
but only as their labels from content/. Too big links and repeated keys must say so in the note.

AppTest hands the app the raw query string even past 1,000 fields; a real Streamlit server drops such a query
string before any app code runs (the app then opens fresh with a clean address: tests/browser/test_hostile_links.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from explainer.anatomy import load_atlas
from explainer.present.extras import EXTRA_KEYS, RF_QUESTIONS
from explainer.texts import load_texts
from explainer.viewstate import MAX_LINK_CHARS, MAX_LINK_PARTS, SINGLE_KEYS, VIEW_KEYS, ViewState, plain_note
from tests.ui.conftest import APP

MARK = "qzxv"  # in every hostile value; the app has no reason ever to show it
HOSTILE = (
    "x\n\n# You have MS {m}",
    "[Open your results {m}](https://ev.il/r)",
    "![{m}](http://203.0.113.5/p.png)",
    ":red[**Probable tumour {m}**]",
    ":material/warning: {m} :material/emergency:",
    "$$\\frac{{{m}}}{{2}}$$ and $x^{m}$",
    "<img src=http://203.0.113.5/{m}.png onerror=alert(1)>",
    "<script>alert('{m}')</script>",
    "<a href='https://ev.il'>{m}</a>",
    "../../../../etc/passwd{m}",
    "..%2F..%2F{m}",
    "\u202e{m}gnp.exe\u202c \u200b\u200f",
    "مرحبا {m} שלום",
    "🧠💥{m}🩺",
    "{m}\x00\x07\x1b[31m\r\n",
    "- {m}\n1. {m}\n> {m}\n---\n| a | {m} |",
    "`{m}` ~~{m}~~ *{m}* __{m}__ &lt;{m}&gt; &#60;",
    ":smile: :{m}: :blue-background[{m}]",
    "foot_dorsum_right{m}",
    "achilles:{m}",
    "saddle:{m}",
    "   {m}   ",
)
NEVER = ("ev.il", "203.0.113.5", "Probable tumour", "You have MS", "alert(", "etc/passwd")
KEYS = (*VIEW_KEYS, *EXTRA_KEYS)
ODD_KEYS = ("utm_source", "<img src=x>", "ZONES", "zones ", "page[]", "__proto__", "../x", "%00", "")
NOTE_HEAD = "Some parts of the link could not be used"
MARKDOWN_KINDS = ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success")


def _valid_values() -> list[str]:
    a = load_atlas()
    return [*a.zone_instances[:40], *a.symptoms, *a.movements, *a.findings, *a.roots, *a.nerves, "consult", "learn",
            "spine", "connected", "dermatomes", "back", "achilles:reduced", *(f"{q}:no" for q in RF_QUESTIONS),
            *(art.id for art in load_texts().articles)]


hostile = st.builds(lambda t, junk: t.format(m=MARK) + junk, st.sampled_from(HOSTILE),
                    st.text(st.characters(exclude_categories=("Cs",)), max_size=12))
random_text = st.builds(lambda a, b: a + MARK + b, st.text(max_size=30), st.text(max_size=30))
value = st.one_of(hostile, random_text, st.sampled_from(_valid_values()))
listed = st.lists(value, min_size=1, max_size=6).map(",".join)
huge = st.builds(lambda v, n: ",".join([v] * n), hostile, st.integers(200, 2_500))
one_param = st.one_of(value, listed, value, listed, huge, st.lists(value, min_size=2, max_size=4))
queries = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.sampled_from(ODD_KEYS)), one_param, max_size=6)
many_keys = st.integers(990, 1_200).map(lambda n: {f"k{i}{MARK}": MARK for i in range(n)})
repeated = st.builds(lambda v, n: {"zones": [v] * n}, hostile, st.integers(2, 1_100))


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _shown(at: AppTest) -> list[str]:
    """Every element the app sent, as protobuf text (bodies, labels, options, help, icons)."""
    return [str(n.proto) for n in _nodes(at._tree) if getattr(n, "proto", None) is not None]


def _check(query: dict[str, Any]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    # Red alerts are for warning signs only (a link may carry a real one): never a failure message.
    assert not any("could not" in str(e.value) for e in at.error), [e.value for e in at.error]
    shown = _shown(at)
    assert shown, "the app drew nothing"
    for text in shown:
        assert MARK not in text, text[:400]
        assert "Traceback" not in text
        assert not any(bad in text for bad in NEVER), text[:400]
    assert MARK not in urlencode(at.query_params, doseq=True), at.query_params  # the link written back is clean
    _check_notes(at, query)
    _check_state(at)
    return at


def _note_lines(at: AppTest) -> list[str]:
    for w in at.warning:
        if str(w.value).startswith(NOTE_HEAD):
            return [line[2:] for line in str(w.value).splitlines() if line.startswith("- ")]
    return []


def _check_notes(at: AppTest, query: dict[str, Any]) -> None:
    """Notes are plain words (nothing Markdown acts on) and report oversized links and repeated keys."""
    lines = _note_lines(at)
    for line in lines:
        assert line == "…" or line == plain_note(line), line
    raw = urlencode(query, doseq=True)
    joined = " ".join(lines)
    if raw.count("&") + 1 > MAX_LINK_PARTS:
        assert "more than 1,000 parts" in joined
    elif len(raw) > MAX_LINK_CHARS:
        assert "longer than 20,000 characters" in joined
    else:
        for key, v in query.items():
            if isinstance(v, list) and len(v) > 1 and key in KEYS:
                assert f"The link names '{key}' {len(v)} times" in " ".join(_all_notes(at)), key


def _all_notes(at: AppTest) -> list[str]:
    return [str(w.value) for w in at.warning]


def _check_state(at: AppTest) -> None:
    """Whatever the link held, the app state holds known ids only."""
    a, view, extras = load_atlas(), at.session_state["nm_view"], at.session_state["nm_extras"]
    assert set(view.zones) <= set(a.zone_instances) and set(extras.nz) <= set(a.zone_instances)
    assert set(view.symptoms) <= set(a.symptoms) and set(view.other) <= set(a.findings)
    assert set(view.weak) <= set(a.movements) and set(extras.ok) <= set(a.movements)
    assert {r for r, _ in view.reflexes} <= set(a.reflexes) and set(extras.rok) <= set(a.reflexes)
    assert view.article in (None, *(art.id for art in load_texts().articles))
    for key in ("root", "nerve", "disc", "compare"):
        assert getattr(view, key) is None or MARK not in getattr(view, key)


NASTIEST: dict[str, dict[str, Any]] = {
    "heading via newlines": {"zones": "x\n\n# You have MS " + MARK},
    "outside link": {"zones": f"[Open your results {MARK}](https://ev.il/r)"},
    "outside image": {"zones": f"![{MARK}](http://203.0.113.5/p.png)", "other": f"![](http://203.0.113.5/{MARK}.png)"},
    "coloured text": {"zones": f":red[**Probable tumour {MARK}**]", "mode": f":red[{MARK}]"},
    "icons and LaTeX": {"symptoms": f":material/warning: {MARK}", "root": f"$$\\alert{{{MARK}}}$$"},
    "html": {"weak": f"<img src=x onerror=alert('{MARK}')>", "nerve": f"<script>alert('{MARK}')</script>"},
    "article traversal": {"page": "learn", "article": f"../../../../etc/passwd{MARK}"},
    "rtl and controls": {"zones": f"\u202e{MARK}\u202c,foot_dorsum_right", "rf": f"saddle:\x1b[31m{MARK}"},
    "repeated keys": {"zones": ["foot_dorsum_right", f"[x]({MARK})", "heel_plantar_left"], "page": ["where", MARK]},
    "unknown keys": {f"<img src=x>{MARK}": "1", "utm_source": MARK, "zones": "foot_dorsum_right"},
    "huge list": {"zones": ",".join([f"[{MARK}](https://ev.il)"] * 3_000)},
    "many parts": {f"k{i}": MARK for i in range(1_001)},
    "valid with junk on every page": {"page": "spine", "root": "L5", "disc": f"L4/L5{MARK}", "compare": MARK,
                                      "mode": "consult", "check": f"zz:{MARK}", "nz": MARK, "ok": MARK, "rok": MARK},
}


@pytest.mark.parametrize("case", sorted(NASTIEST))
def test_nastiest_links_are_never_interpreted(case: str) -> None:
    at = _check(NASTIEST[case])
    assert _note_lines(at), "a link with unusable parts must say so"


def test_oversized_link_gets_its_note() -> None:
    at = _check({"zones": ",".join(["foot_dorsum_right"] * 1_500)})
    assert any("longer than 20,000 characters" in n for n in _note_lines(at))


def test_known_ids_show_only_as_their_labels() -> None:
    a = load_atlas()
    at = _check({"zones": f"foot_dorsum,foot_dorsum_right,{MARK}"})
    lines = _note_lines(at)
    assert f"'{a.zones['foot_dorsum'].name}' needs a side (left or right), so it was left out." in lines
    assert "1 unknown zone in the link was left out." in lines


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(query=st.one_of(queries, queries, queries, many_keys, repeated))
@example(query={"zones": "x%0A%0A%23%20You%20have%20MS" + MARK, "article": f"..%2F..%2F{MARK}"})
@example(query={"zones": [f":red[{MARK}]", "foot_dorsum_right"], "rf": [f"saddle:{MARK}", "bladder:no"]})
def test_any_link_is_never_interpreted(query: dict[str, Any]) -> None:
    _check(query)


def test_single_keys_are_single() -> None:
    """(Guards the test's own assumption: a single-choice key given twice is noted, not combined.)"""
    at = _check({"page": ["learn", "spine"]})
    assert at.title[0].value == "Learn" and "page" in SINGLE_KEYS


def test_invalid_findings_in_state_give_a_message_not_a_crash() -> None:
    """State that bypassed the link checks (seeded directly) reaches the engine's validation: a message, no crash."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["nm_view"] = ViewState(weak=("wiggle_ears", "flying"), reflexes=(("achilles", "gone"),))  # type: ignore[arg-type]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("3 of the things marked could not be used" in str(w.value) for w in at.warning), _all_notes(at)
    assert not any(bad in text for text in _shown(at) for bad in ("wiggle_ears", "flying"))
