"""What a page shows, and whether any of it is English: the checks behind tests/ui/test_spanish.py.

``shown_texts`` collects every text the page draws from the AppTest tree (Markdown, captions, headings, alerts, code,
buttons, widget labels, options, help and placeholders, expanders, tabs, the popover, the body map's words and
tooltips, the spine chart's labels). ``english_in`` says which are English, two ways:
(a) a text contains an English message of the catalogues (content/i18n/{ui,core}.pot, three words or more);
(b) a text has English function words ("the", "your", "with", ...) as whole words.
Bibliographic references stay as published (content/i18n/keep.yaml): a source's label or citation is taken out of a
text before checking, and so are a few proper names.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from explainer.anatomy import load_atlas
from explainer.paths import CONTENT_DIR

ENGLISH_WORDS = ("the", "your", "you", "and", "with", "is", "of", "this", "what", "are", "it", "for", "that", "to",
                 "from", "which", "can", "not", "be", "or", "on", "in", "if", "does", "where", "when", "how")
FUNCTION_WORD = re.compile(r"(?<![\w’'])(?:" + "|".join(ENGLISH_WORDS) + r")(?![\w’'])", re.IGNORECASE)
PROPER_NOUNS = ("Nerve Map", "Keegan & Garrett", "Keegan and Garrett", "Foerster", "Lee et al.", "K&G")


# --- what the page shows -----------------------------------------------------------------------------------------

def nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from nodes(child)


def _strings(data: Any, keys: frozenset[str]) -> Iterator[str]:
    """String values under ``keys`` anywhere in parsed JSON (a dict's values too when its key is one of them)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in keys:
                if isinstance(value, str):
                    yield value
                elif isinstance(value, dict):
                    yield from (v for v in value.values() if isinstance(v, str))
                elif isinstance(value, list):
                    yield from (v for v in value if isinstance(v, str))
            yield from _strings(value, keys)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item, keys)


MAP_KEYS = frozenset({"text", "title", "names", "tips", "t"})
CHART_KEYS = frozenset({"text", "hovertext", "name", "title"})


def _proto_texts(proto: Any) -> Iterator[str]:
    fields = {f.name: v for f, v in proto.ListFields()}
    for name in ("label", "body", "help", "placeholder"):
        if isinstance(fields.get(name), str):
            yield fields[name]
    for option in fields.get("options", ()):
        yield option if isinstance(option, str) else getattr(option, "content", "")
    for block in ("expandable", "popover", "tab"):
        if block in fields and getattr(fields[block], "label", ""):
            yield fields[block].label
    code = fields.get("code_text")
    if isinstance(code, str) and "://" not in code:  # the share link is an address, not words
        yield code
    raw = fields.get("bytes")
    if isinstance(raw, bytes) and raw[:1] == b"{":  # the body map: its words, tooltips and on-map labels
        yield from _strings(json.loads(raw), MAP_KEYS)
    spec = fields.get("spec")
    if isinstance(spec, str) and spec[:1] == "{":  # a Plotly chart (the spine): labels and hover text
        yield from _strings(json.loads(spec), CHART_KEYS)


STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
CSS_CONTENT = re.compile(r'content:\s*"((?:[^"\\]|\\.)*)"')
TAG = re.compile(r"<[^>]+>")


def shown_texts(at: AppTest) -> list[tuple[str, str]]:
    """(kind, text) for every text the page shows."""
    out: list[tuple[str, str]] = []
    for node in nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "ListFields"):
            continue
        kind = str(getattr(node, "type", type(node).__name__))
        for text in _proto_texts(proto):
            words = CSS_CONTENT.findall(text) if "<style>" in text else []
            text = TAG.sub(" ", STYLE.sub(" ", text))
            out.extend((kind, w) for w in [text, *words] if w.strip())
    return out


# --- what counts as English --------------------------------------------------------------------------------------

@cache
def english_messages() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """Each English message of three words or more from the catalogue templates: (message, its longest literal part,
    a pattern where placeholders match anything). The literal part is looked for first (a fast test)."""
    found: dict[str, tuple[str, re.Pattern[str]]] = {}
    for name in ("ui.pot", "core.pot"):
        path = CONTENT_DIR / "i18n" / name
        if not path.is_file():
            continue
        with path.open("rb") as fh:
            catalogue = read_po(fh)
        for message in catalogue:
            msgid = message.id if isinstance(message.id, str) else ""
            if len(re.findall(r"[A-Za-z]{2,}", re.sub(r"\{\w*\}", " ", msgid))) < 3:
                continue
            parts = re.split(r"\{\w*\}", msgid)
            found[msgid] = max(parts, key=len), re.compile(".+?".join(re.escape(p) for p in parts), re.DOTALL)
    return tuple((msgid, anchor, pattern) for msgid, (anchor, pattern) in found.items())


@cache
def kept_as_written() -> tuple[str, ...]:
    """Source labels and citations (cited as published), and proper names, longest first."""
    sources = load_atlas().sources.values()
    kept = {s for src in sources for s in (src.label, src.cite) if s} | set(PROPER_NOUNS)
    return tuple(sorted(kept, key=len, reverse=True))


def _without_kept(text: str) -> str:
    flat = " ".join(text.split())
    for kept in kept_as_written():
        flat = flat.replace(" ".join(kept.split()), " ")
    return flat


@cache
def english_reason(text: str) -> str:
    """Why ``text`` is English ("" if it is not): the catalogue message it contains, or its English words."""
    flat = _without_kept(text)
    message = next((m for m, anchor, pattern in english_messages() if anchor in flat and pattern.search(flat)), None)
    if message:
        return f"message {message!r}"
    words = sorted({w.lower() for w in FUNCTION_WORD.findall(flat)})
    return f"words {words}" if words else ""


def english_in(texts: list[tuple[str, str]]) -> list[str]:
    problems = {(kind, text, english_reason(text)) for kind, text in set(texts)}
    return sorted(f"[{kind}] {why}: {text.strip()[:160]!r}" for kind, text, why in problems if why)


def all_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from all_strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from all_strings(item)

