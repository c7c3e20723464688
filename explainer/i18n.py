"""Languages: which one this page is in, the UI-string catalogue, and translated content overlays.

How a language is added (see the README, "Languages"):
- Short strings written in code are wrapped in ``t("English text")``. ``pybabel extract`` (Babel) collects them into
  templates ``content/i18n/{ui,core}.pot``; each language has gettext catalogues ``content/i18n/<lang>/LC_MESSAGES/
  {ui,core}.po`` (``pybabel update`` keeps them in step), read at run time with Babel (no compile step). A missing or fuzzy entry
  falls back to English (and a test fails).
- Content files are translated by an *overlay*: ``content/i18n/<lang>/<same path>.yaml`` holds only the text fields,
  at the same keys as the English file; lists of records are keyed by their ``id``. ``read_yaml`` lays the overlay
  over the English file, so ids, sources, numbers and structure come from one place and cannot drift.
- Articles (Markdown) are whole files: ``content/i18n/<lang>/articles/<id>.md``.

Which language is current: inside ``use_lang(...)`` (tests, the handout, the CLI) that one; otherwise whatever the
registered *resolver* says - the Streamlit layer registers one that reads this session's link state, so a session's
language never leaks into another session's run on a shared thread. Every cached loader keys on it.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, get_args

from explainer.paths import CONTENT_DIR

if TYPE_CHECKING:
    from explainer.anatomy.errors import ContentError

Lang = Literal["en", "es"]
LANGS: Final[tuple[Lang, ...]] = get_args(Lang)
DEFAULT_LANG: Final[Lang] = "en"
# Each language named in itself: the language control shows these, so a reader finds their own.
LANG_NAMES: Final[Mapping[Lang, str]] = {"en": "English", "es": "Español"}
I18N_DIR: Final = "i18n"
CATALOGUES: Final = "LC_MESSAGES"

_current: contextvars.ContextVar[Lang | None] = contextvars.ContextVar("nerve_map_lang", default=None)
_resolver: list[Callable[[], object]] = []
T = TypeVar("T")


def _error(**fields: str) -> ContentError:
    # Imported here: explainer.anatomy's loader reads files through this module (a top-level import would be circular).
    from explainer.anatomy.errors import ContentError

    return ContentError(**fields)  # type: ignore[arg-type]


def as_lang(value: object) -> Lang:
    """A known language code, or the default (a link's value is never trusted)."""
    return value if isinstance(value, str) and value in LANGS else DEFAULT_LANG


def current_lang() -> Lang:
    chosen = _current.get()
    if chosen is not None:
        return chosen
    if _resolver:
        try:
            return as_lang(_resolver[0]())
        except Exception:  # no session (a background thread): the default
            return DEFAULT_LANG
    return DEFAULT_LANG


def set_resolver(resolver: Callable[[], object]) -> None:
    """Where the language comes from outside ``use_lang`` (the UI: this session's ``lang=``). One resolver."""
    _resolver[:] = [resolver]


@contextmanager
def use_lang(lang: str) -> Iterator[Lang]:
    token = _current.set(as_lang(lang))
    try:
        yield current_lang()
    finally:
        _current.reset(token)


def per_language(fn: Callable[[], T]) -> Callable[[], T]:
    """Cache a no-argument loader once per language (the replacement for ``lru_cache(maxsize=1)`` on loaders)."""

    @lru_cache(maxsize=len(LANGS))
    def cached(lang: Lang) -> T:
        with use_lang(lang):
            return fn()

    @wraps(fn)
    def wrapper() -> T:
        return cached(current_lang())

    wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return wrapper


# --- UI strings (gettext catalogues read with Babel) ---------------------------------------------------------------

@lru_cache(maxsize=len(LANGS))
def catalogue(lang: Lang, content_dir: Path = CONTENT_DIR) -> Mapping[str, str]:
    """msgid -> msgstr for one language, from every gettext catalogue (``*.po``) of that language: one per part of the
    code (``ui.po`` for the Streamlit layer, ``core.po`` for the rest). Untranslated and fuzzy entries are left out
    (they show in English, and tests/test_i18n.py fails)."""
    if lang == DEFAULT_LANG:
        return {}
    from babel.messages.pofile import read_po  # imported only when a page is not in English

    folder = content_dir / I18N_DIR / lang / CATALOGUES
    files = sorted(folder.glob("*.po"))
    if not files:
        name = folder.relative_to(content_dir).as_posix()
        raise _error(file=name, record="-", field="-", problem="no .po catalogue for this language", kind="missing")
    merged: dict[str, str] = {}
    for path in files:
        with path.open("rb") as fh:
            cat = read_po(fh, locale=lang)
        merged.update({_key(msg.context, str(msg.id)): str(msg.string) for msg in cat
                       if msg.id and isinstance(msg.id, str) and isinstance(msg.string, str) and msg.string
                       and not msg.fuzzy})
    return merged


def _key(context: str | None, message: str) -> str:
    return f"{context}\x04{message}" if context else message  # gettext's own separator for msgctxt


def t(message: str, /, **values: object) -> str:
    """``message`` in this run's language, with ``{name}`` placeholders filled from ``values``."""
    lang = current_lang()
    text = message if lang == DEFAULT_LANG else catalogue(lang).get(message, message)
    return text.format(**values) if values else text


def tc(context: str, message: str, /, **values: object) -> str:
    """``t`` for a word that another language splits by meaning (gettext's ``pgettext``): ``tc("body region", "Back")``
    ("Espalda") is not ``tc("picture", "Back")`` ("Detrás")."""
    lang = current_lang()
    text = message if lang == DEFAULT_LANG else catalogue(lang).get(_key(context, message), message)
    return text.format(**values) if values else text


# --- content overlays ------------------------------------------------------------------------------------------------

def overlay_path(content_dir: Path, name: str, lang: Lang) -> Path:
    return content_dir / I18N_DIR / lang / name


def record_id(item: Any) -> str | None:
    """A content record's id (its ``id:``, or ``root:`` for a root), or None for anything else."""
    if isinstance(item, Mapping):
        for key in ("id", "root"):
            if key in item:
                return str(item[key])
    return None


def merge_overlay(base: Any, overlay: Any, *, file: str, where: str = "") -> Any:
    """``base`` with the overlay's text laid over it. The overlay may only replace strings (and lists of strings, item
    by item); every key it names must exist in the English file, so a stale translation is an error, not a ghost."""
    here = where or "-"
    if isinstance(base, str):
        if not isinstance(overlay, str):
            raise _error(file=file, record=here, field="-", problem="translation must be text here")
        return overlay
    if isinstance(base, Mapping):
        if not isinstance(overlay, Mapping):
            raise _error(file=file, record=here, field="-", problem="translation must be a mapping here")
        merged = dict(base)
        for key, value in overlay.items():
            if key not in base:
                raise _error(file=file, record=here, field=str(key), problem="not in the English file")
            merged[key] = merge_overlay(base[key], value, file=file, where=f"{where}.{key}" if where else str(key))
        return merged
    if isinstance(base, list):
        return _merge_list(base, overlay, file=file, where=where)
    raise _error(file=file, record=here, field="-", problem="only text can be translated (this is a number or flag)")


def _merge_list(base: list[Any], overlay: Any, *, file: str, where: str) -> list[Any]:
    ids = [record_id(item) for item in base]
    if isinstance(overlay, Mapping) and all(ids):  # records keyed by id
        index = {rid: i for i, rid in enumerate(ids)}
        merged = list(base)
        for rid, value in overlay.items():
            if str(rid) not in index:
                raise _error(file=file, record=str(rid), field=where or "-",
                                   problem="no record with this id in the English file")
            i = index[str(rid)]
            merged[i] = merge_overlay(base[i], value, file=file, where=f"{where}[{rid}]")
        return merged
    if isinstance(overlay, list):  # item by item (a list of sentences, or records without ids)
        if len(overlay) != len(base):
            raise _error(file=file, record=where or "-", field="-",
                               problem=f"translation has {len(overlay)} items, the English file {len(base)}")
        return [b if o is None else merge_overlay(b, o, file=file, where=f"{where}[{i}]")
                for i, (b, o) in enumerate(zip(base, overlay, strict=True))]
    raise _error(file=file, record=where or "-", field="-", problem="translation must be a list or a mapping by id here")


def localised_file(content_dir: Path, name: str) -> Path:
    """A whole-file translation (an article) when this run's language has one, else the English file."""
    lang = current_lang()
    if lang != DEFAULT_LANG:
        candidate = overlay_path(content_dir, name, lang)
        if candidate.is_file():
            return candidate
    return content_dir / name


__all__ = ["DEFAULT_LANG", "LANGS", "LANG_NAMES", "Lang", "as_lang", "catalogue", "current_lang", "localised_file",
           "merge_overlay", "overlay_path", "per_language", "record_id", "set_resolver", "t", "tc", "use_lang"]
