"""Is every text translated? The checks behind tests/test_i18n.py (and a list a translator can work from).

A *text* is a string in a content file that is not an identifier (``foot_dorsum_left``, ``reduced``), contains a word,
and is not kept as written by ``content/i18n/keep.yaml`` (bibliographic citations, for example). Each must appear in
the language's overlay (explainer.i18n) at the same place; a translation may equal the English (``L5``), but must be
written down, so nothing is left in English by forgetting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from explainer.anatomy.files import parse_yaml
from explainer.i18n import CATALOGUES, I18N_DIR, Lang, catalogue, record_id
from explainer.paths import CONTENT_DIR

# An id, a source key, a rule such as ``!neck_pain`` or ``roots:C2-T1``: one token with lower-case letters only, or with
# an underscore, colon, '!' or digit, or all in capitals. ("Back" or "Foerster" is a word to translate.)
IDENTIFIER: Final = re.compile(r"^(?:[a-z0-9_.:+\-]+|[!A-Za-z0-9.:+\-]*[_:!0-9][!A-Za-z0-9_.:+\-]*|[A-Z0-9_]+)$")
WORD: Final = re.compile(r"[^\W\d_]{2,}")
KEEP_FILE: Final = "i18n/keep.yaml"
KEYWORDS: Final = {"t": None, "tc": ((1, "c"), 2)}  # as tools/update_catalogues.sh: -k t -k tc:1c,2
SKIP_DIRS: Final = ("i18n", "schema")

Path_ = tuple[str, ...]


def is_text(value: object) -> bool:
    return isinstance(value, str) and not IDENTIFIER.match(value) and bool(WORD.search(value))


def text_leaves(data: Any, *, keep_keys: frozenset[str], path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """(path, text) for every text in a parsed YAML file; list items are addressed by id, else by index."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            if str(key) not in keep_keys:
                yield from text_leaves(value, keep_keys=keep_keys, path=(*path, str(key)))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from text_leaves(item, keep_keys=keep_keys, path=(*path, record_id(item) or f"#{i}"))
    elif is_text(data):
        yield path, str(data)


def lookup(overlay: Any, path: Path_) -> Any:
    """The overlay's value at ``path`` (lists: a mapping by id, or a list by index), or None."""
    node = overlay
    for part in path:
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, list) and part.startswith("#"):
            index = int(part[1:])
            node = node[index] if index < len(node) else None
        elif isinstance(node, list):  # a list of records given in full, in the English order
            node = next((item for item in node if record_id(item) == part), None)
        else:
            return None
        if node is None:
            return None
    return node


def keep_policy(content_dir: Path = CONTENT_DIR) -> tuple[frozenset[str], frozenset[str]]:
    """(files kept as written, keys kept as written) from content/i18n/keep.yaml."""
    raw = parse_yaml((content_dir / KEEP_FILE).read_text(encoding="utf-8")) or {}
    return frozenset(raw.get("files", {}) or {}), frozenset(raw.get("keys", {}) or {})


def content_files(content_dir: Path = CONTENT_DIR) -> list[str]:
    return sorted(p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*.yaml")
                  if p.relative_to(content_dir).parts[0] not in SKIP_DIRS)


def missing_texts(lang: Lang, content_dir: Path = CONTENT_DIR) -> list[tuple[str, str, str]]:
    """(file, dotted path, English) for every text the language's overlays do not give."""
    keep_files, keep_keys = keep_policy(content_dir)
    missing: list[tuple[str, str, str]] = []
    for name in content_files(content_dir):
        if name in keep_files:
            continue
        english = parse_yaml((content_dir / name).read_text(encoding="utf-8"))
        overlay_file = content_dir / I18N_DIR / lang / name
        overlay = parse_yaml(overlay_file.read_text(encoding="utf-8")) if overlay_file.is_file() else None
        for path, text in text_leaves(english, keep_keys=keep_keys):
            if not isinstance(lookup(overlay, path), str) or not lookup(overlay, path).strip():
                missing.append((name, ".".join(path), text))
    return missing


def missing_articles(lang: Lang, content_dir: Path = CONTENT_DIR) -> list[str]:
    return [p.name for p in sorted((content_dir / "articles").glob("*.md"))
            if not (content_dir / I18N_DIR / lang / "articles" / p.name).is_file()]


def missing_messages(lang: Lang, msgids: list[str], content_dir: Path = CONTENT_DIR) -> list[str]:
    """The UI strings (``t("…")`` in code) that the language's catalogue does not translate."""
    catalogue.cache_clear()
    if not any((content_dir / I18N_DIR / lang / CATALOGUES).glob("*.po")):
        return list(msgids)
    known = catalogue(lang, content_dir)
    return [m for m in msgids if not known.get(m, "").strip()]


def code_messages(package_dir: Path) -> list[str]:
    """Every ``t("…")`` message in the package's code (Babel's extractor, as ``pybabel extract -k t`` runs it)."""
    from babel.messages.extract import extract_from_dir

    found = extract_from_dir(str(package_dir), method_map=[("**.py", "python")], keywords=KEYWORDS,
                             comment_tags=(), strip_comment_tags=True)
    return sorted({f"{ctx}\x04{msg}" if ctx else str(msg) for _, _, msg, _, ctx in found if isinstance(msg, str) and msg})


__all__ = ["code_messages", "content_files", "is_text", "keep_policy", "lookup", "missing_articles", "missing_messages",
           "missing_texts", "text_leaves"]
