"""A broken content file gives an error naming the file, the record and the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from explainer.anatomy import ContentError, ContentErrors, load_atlas_from
from tests.anatomy.conftest import edit_text


def _error(content: Path) -> ContentError:
    with pytest.raises((ContentError, ContentErrors)) as info:
        load_atlas_from(content)
    exc = info.value
    return exc.errors[0] if isinstance(exc, ContentErrors) else exc


def test_unbroken_copy_loads(content_copy: Path) -> None:
    assert len(load_atlas_from(content_copy).zones) == 108


CASES: dict[str, tuple[str, str, str, Callable[[Path], None]]] = {
    "unknown key": (
        "zones.yaml", "occiput", "colour",
        lambda c: edit_text(c / "zones.yaml", "- id: occiput\n", "- id: occiput\n  colour: red\n"),
    ),
    "missing field": (
        "movements.yaml", "elbow_flexion", "muscles",
        lambda c: edit_text(c / "movements.yaml", "  muscles: biceps, brachialis\n", ""),
    ),
    "dangling reference": (
        "movements.yaml", "wrist_flexion", "nerve",
        lambda c: edit_text(c / "movements.yaml", "  nerve: median_nerve\n  roots: [C7]", "  nerve: medial_nerve\n  roots: [C7]"),
    ),
    "wrong type": (
        "zones.yaml", "occiput", "midline_half",
        lambda c: edit_text(c / "zones.yaml", "- id: occiput\n  name: Back of the head\n  view: back\n  aspect: null\n"
                        "  region: head_neck\n  midline_half: false",
                        "- id: occiput\n  name: Back of the head\n  view: back\n  aspect: null\n"
                        "  region: head_neck\n  midline_half: [1, 2]"),
    ),
    "closed vocabulary": (
        "zones.yaml", "occiput", "view",
        lambda c: edit_text(c / "zones.yaml", "- id: occiput\n  name: Back of the head\n  view: back",
                        "- id: occiput\n  name: Back of the head\n  view: side"),
    ),
    "roots out of order": (
        "reflexes.yaml", "biceps", "roots",
        lambda c: edit_text(c / "reflexes.yaml", "  roots: [C5, C6]\n  main_root: C5", "  roots: [C6, C5]\n  main_root: C5"),
    ),
    "unknown source key": (
        "reflexes.yaml", "adductor", "sources",
        lambda c: edit_text(c / "reflexes.yaml", "  sources: [OBTURATOR_TEXT]", "  sources: [NO_SUCH_BOOK]"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_file_error_names_file_record_field(content_copy: Path, case: str) -> None:
    file, record, field, breaker = CASES[case]
    breaker(content_copy)
    err = _error(content_copy)
    assert (err.file, err.record) == (file, record)
    assert err.field.split(".")[0] == field.split(".")[0]
    message = str(err)
    assert file in message and record in message and field in message


def test_root_list_out_of_anatomical_order_is_rejected(content_copy: Path) -> None:
    path = content_copy / "roots.yaml"
    text = path.read_text(encoding="utf-8")
    start_l4, start_l5, start_s1 = text.index("- id: L4\n"), text.index("- id: L5\n"), text.index("- id: S1\n")
    swapped = text[:start_l4] + text[start_l5:start_s1] + text[start_l4:start_l5] + text[start_s1:]
    path.write_text(swapped, encoding="utf-8")
    err = _error(content_copy)
    assert err.file == "roots.yaml" and err.field == "id" and err.record == "L5"
    assert "anatomical order" in str(err)


def test_missing_file_is_named(content_copy: Path) -> None:
    (content_copy / "spine.yaml").unlink()
    err = _error(content_copy)
    assert err.file == "spine.yaml" and "missing" in str(err)


def test_empty_file_is_named(content_copy: Path) -> None:
    (content_copy / "roots.yaml").write_text("# nothing left\n\n", encoding="utf-8")
    err = _error(content_copy)
    assert (err.file, err.kind) == ("roots.yaml", "empty") and "empty" in str(err)
    assert "git checkout -- content/roots.yaml" in err.advice


def test_truncated_file_is_named(content_copy: Path) -> None:
    path = content_copy / "movements.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("- id: elbow_flexion\n") + 25] + "\n  muscles: [biceps", encoding="utf-8")
    err = _error(content_copy)
    assert (err.file, err.kind) == ("movements.yaml", "unreadable") and "not valid YAML" in str(err)


def test_garbled_bytes_are_named(content_copy: Path) -> None:
    (content_copy / "reflexes.yaml").write_bytes(b"reflexes:\n  - id: \xff\xfe\x00biceps\n")
    err = _error(content_copy)
    assert (err.file, err.kind) == ("reflexes.yaml", "unreadable") and "not UTF-8" in str(err)


@pytest.mark.parametrize(("text", "words"), [
    ("", "empty"),
    ("---\ntitle: [unclosed\n---\nbody", "not valid YAML"),
    ("---\n- just\n- a list\n---\nbody", "key: value"),
    ("no front matter at all", "front-matter"),
])
def test_broken_article_is_named(content_copy: Path, text: str, words: str) -> None:
    from explainer.texts import load_texts_from

    atlas = load_atlas_from(content_copy)
    article = sorted((content_copy / "articles").glob("*.md"))[0]
    article.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_texts_from(content_copy, atlas=atlas)
    assert info.value.file == f"articles/{article.name}" and words in str(info.value)
