"""Link parameters the app adds to the shared view-state contract (explainer.viewstate).

ok       movements tested and found normal ("yes, I can")         e.g. ok=ankle_dorsiflexion
rok      reflexes tested and found normal (consult mode)         e.g. rok=achilles
rf       warning-sign answers other than "yes" (a "yes" is a finding tag in `other`)  e.g. rf=saddle:no
check    self-check answers                                       e.g. check=cough_sneeze_shoots_leg:yes
nz       zones asked about and reported normal                     e.g. nz=first_web_space_right
Unknown or malformed values are dropped and counted in a note that never repeats the link's text; never raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from explainer.anatomy import Atlas
from explainer.linknotes import count_note
from explainer.viewstate import known_ids, split_values

RF_QUESTIONS: tuple[str, ...] = ("fast", "saddle", "bladder", "bowel", "sexual", "both_legs", "weakness", "spreading",
                                 "breathing", "cold_limb")
RF_ANSWERS: tuple[str, ...] = ("no", "unsure")
CHECK_ANSWERS: tuple[str, ...] = ("yes", "sometimes", "no", "not_sure")
EXTRA_KEYS: tuple[str, ...] = ("ok", "rok", "rf", "check", "nz")


@dataclass(frozen=True)
class Extras:
    ok: tuple[str, ...] = ()
    rok: tuple[str, ...] = ()
    rf: tuple[tuple[str, str], ...] = ()
    check: tuple[tuple[str, str], ...] = ()
    nz: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)

    def rf_answer(self, question: str) -> str | None:
        return dict(self.rf).get(question)

    def with_rf(self, question: str, answer: str | None) -> Extras:
        pairs = {k: v for k, v in self.rf if k != question}
        if answer in RF_ANSWERS:
            pairs[question] = answer
        return replace(self, rf=tuple((q, pairs[q]) for q in RF_QUESTIONS if q in pairs))

    def with_check(self, question: str, answer: str | None) -> Extras:
        pairs = {k: v for k, v in self.check if k != question}
        if answer in CHECK_ANSWERS:
            pairs[question] = answer
        return replace(self, check=tuple(sorted(pairs.items())))


def _pairs(values: list[str], keys: tuple[str, ...] | set[str], answers: tuple[str, ...], what: str,
           notes: list[str]) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    bad = 0
    for item in values:
        key, _, value = item.partition(":")
        if key in keys and value in answers:
            out[key] = value
        else:
            bad += 1
    if bad:
        notes.append(count_note(bad, what))
    return tuple(out.items())


def parse_extras(params: Mapping[str, str | list[str]], *, atlas: Atlas, check_ids: tuple[str, ...] = ()) -> Extras:
    notes: list[str] = []
    extras = Extras(
        ok=known_ids(split_values(params, "ok"), atlas.movements, "movement", notes),
        rok=known_ids(split_values(params, "rok"), atlas.reflexes, "reflex", notes),
        rf=_pairs(split_values(params, "rf"), RF_QUESTIONS, RF_ANSWERS, "warning-sign answer", notes),
        check=_pairs(split_values(params, "check"), set(check_ids), CHECK_ANSWERS, "self-check answer", notes),
        nz=known_ids(split_values(params, "nz"), set(atlas.zone_instances), "zone", notes),
    )
    return replace(extras, notes=tuple(notes))


def extras_to_query(extras: Extras) -> dict[str, str]:
    out: dict[str, str] = {}
    for key in ("ok", "rok", "nz"):
        values = getattr(extras, key)
        if values:
            out[key] = ",".join(values)
    for key in ("rf", "check"):
        pairs = getattr(extras, key)
        if pairs:
            out[key] = ",".join(f"{k}:{v}" for k, v in pairs)
    return out
