"""The notes a link's reader leaves ("2 unknown zones in the link were left out."), worded by us, in the page's
language. Each note is a whole sentence (singular and plural written out), so a translation never glues pieces."""

from __future__ import annotations

from explainer.i18n import current_lang, t


def _counted() -> dict[str, tuple[str, str]]:
    """kind -> (one, several): every counted note, as whole sentences with a {count} placeholder."""
    return {
        "unknown part": (t("{count} unknown part in the link was left out."),
                         t("{count} unknown parts in the link were left out.")),
        "unknown zone": (t("{count} unknown zone in the link was left out."),
                         t("{count} unknown zones in the link were left out.")),
        "unknown symptom": (t("{count} unknown symptom in the link was left out."),
                            t("{count} unknown symptoms in the link were left out.")),
        "unknown movement": (t("{count} unknown movement in the link was left out."),
                             t("{count} unknown movements in the link were left out.")),
        "unknown finding": (t("{count} unknown finding in the link was left out."),
                            t("{count} unknown findings in the link were left out.")),
        "unknown reflex": (t("{count} unknown reflex in the link was left out."),
                           t("{count} unknown reflexes in the link were left out.")),
        "other zone without a side": (t("{count} other zone without a side in the link was left out."),
                                      t("{count} other zones without a side in the link were left out.")),
        "reflex result": (
            t("{count} reflex result in the link was not understood, so left out (expected a reflex and reduced, absent "
              "or brisk)."),
            t("{count} reflex results in the link were not understood, so left out (expected a reflex and reduced, "
              "absent or brisk).")),
        "examination entry": (
            t("{count} examination entry in the link was not understood, so left out (expected e.g. "
              "ankle_dorsiflexion:L4 or achilles:R0)."),
            t("{count} examination entries in the link were not understood, so left out (expected e.g. "
              "ankle_dorsiflexion:L4 or achilles:R0).")),
        "special test result": (t("{count} special test result in the link was not understood, so left out."),
                                t("{count} special test results in the link were not understood, so left out.")),
        "sensation entry": (
            t("{count} sensation entry in the link was not understood or not for a marked zone, so left out."),
            t("{count} sensation entries in the link were not understood or not for a marked zone, so left out.")),
        "warning-sign answer": (t("{count} warning-sign answer in the link was not understood, so left out."),
                                t("{count} warning-sign answers in the link were not understood, so left out.")),
        "self-check answer": (t("{count} self-check answer in the link was not understood, so left out."),
                              t("{count} self-check answers in the link were not understood, so left out.")),
        "practice item": (t("{count} practice item to revisit in the link was not understood, so left out."),
                          t("{count} practice items to revisit in the link were not understood, so left out.")),
    }


def count_note(count: int, kind: str) -> str:
    """'1 unknown zone in the link was left out.' / '3 unknown zones in the link were left out.'"""
    one, several = _counted()[kind]
    return (one if count == 1 else several).format(count=count)


def not_found_note(key: str) -> str:
    """A single-choice value (page, root, ...) that names nothing we know."""
    notes = {
        "page": t("The page named in the link was not found, so it was left out."),
        "mode": t("The mode named in the link was not found, so it was left out."),
        "layer": t("The layer named in the link was not found, so it was left out."),
        "view": t("The view named in the link was not found, so it was left out."),
        "root": t("The root named in the link was not found, so it was left out."),
        "nerve": t("The nerve named in the link was not found, so it was left out."),
        "disc": t("The disc named in the link was not found, so it was left out."),
        "compare": t("The compare named in the link was not found, so it was left out."),
        "article": t("The article named in the link was not found, so it was left out."),
        "chart": t("The chart named in the link was not found, so it was left out."),
        "lang": t("The lang named in the link was not found, so it was left out."),
    }
    return notes.get(key) or t("The {key} named in the link was not found, so it was left out.", key=key)


def more_than_one_note(key: str) -> str:
    return t("The link gives more than one '{key}'; the first was used.", key=key)


def repeated_note(key: str, times: int, *, single: bool) -> str:
    if single:
        return t("The link names '{key}' {times} times; the first one was used.", key=key, times=times)
    return t("The link names '{key}' {times} times; they were combined.", key=key, times=times)


def needs_side_note(place: str) -> str:
    return t("'{place}' needs a side (left or right), so it was left out.", place=place)


def number(value: int) -> str:
    """A whole number grouped the page's way ('20,000'; Spanish '20.000')."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=current_lang())


def too_many_note(limit: int) -> str:
    return t("The link has more than {limit} parts, so it was not read and the app opened fresh.", limit=number(limit))


def too_long_note(limit: int) -> str:
    return t("The link is longer than {limit} characters, so it was not read and the app opened fresh.",
             limit=number(limit))


def not_understood_note(what: str) -> str:
    notes = {
        "practice score": t("The practice score in the link was not understood, so it was left out."),
        "practice level": t("The practice level in the link was not understood, so it was left out."),
        "practice seed": t("The practice seed in the link was not understood, so it was left out."),
    }
    return notes[what]


def practice_question_note() -> str:
    return t("The practice question named in the link was not found, so a new one was chosen.")


def practice_case_note() -> str:
    return t("The case named in the link was not found, so it was left out.")


def practice_answer_note() -> str:
    return t("Part of the practice answer in the link was not understood, so it was left out.")
