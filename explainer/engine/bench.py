"""Benchmark: run the engine on a vignette file (the shared public.json format) and score it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explainer.engine.evidence import build_evidence
from explainer.engine.findings import parse_findings
from explainer.engine.ranking import Model, rank_evidence
from explainer.engine.redflags import RED_FLAG_LEVELS, red_flags


@dataclass(frozen=True)
class CaseResult:
    id: str
    best: str
    acceptable: tuple[str, ...]
    top3: tuple[str, ...]
    flag_expected: bool
    flag_given: bool

    @property
    def top1_ok(self) -> bool:
        return bool(self.top3) and (self.top3[0] == self.best or self.top3[0] in self.acceptable)

    @property
    def top3_ok(self) -> bool:
        return any(a == self.best or a in self.acceptable for a in self.top3)


def load_cases(path: Path) -> list[Mapping[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping) or not isinstance(data.get("vignettes"), list):
        raise ValueError(f"{path}: expected an object with a 'vignettes' list")
    return list(data["vignettes"])


def run_case(case: Mapping[str, Any], *, model: Model) -> CaseResult:
    raw = {"zones": case.get("zones", []), "symptoms": case.get("symptoms", []),
           "weak_movements": case.get("weak_movements", []), "reflexes": case.get("reflexes", {}),
           "other": case.get("other", [])}
    if isinstance(case.get("exam"), Mapping):  # the project's extended format: the graded, two-sided examination
        raw["exam"] = case["exam"]
    ev = build_evidence(parse_findings(raw, atlas=model.atlas), atlas=model.atlas, config=model.config)
    top: list[str] = []
    for r in rank_evidence(ev, model=model):
        if r.answer not in top:
            top.append(r.answer)
        if len(top) == 3:
            break
    expected = case["expected"]
    return CaseResult(id=str(case["id"]), best=expected["best"], acceptable=tuple(expected.get("acceptable", [])),
                      top3=tuple(top), flag_expected=bool(expected.get("red_flag", False)),
                      flag_given=any(f.level in RED_FLAG_LEVELS for f in red_flags(ev, atlas=model.atlas, config=model.config)))


def case_line(r: CaseResult) -> str:
    verdict = "OK" if r.top1_ok else ("top3" if r.top3_ok else "MISS")
    acc = f" (or {', '.join(r.acceptable)})" if r.acceptable else ""
    flag = "" if r.flag_expected == r.flag_given else "  <-- red flag mismatch"
    return (f"{r.id}: expected {r.best}{acc} | top3 {', '.join(r.top3)} | {verdict} | "
            f"red flag expected={r.flag_expected} given={r.flag_given}{flag}")


def _pct(k: int, d: int) -> float:
    return 100.0 * k / d if d else 100.0


def summary_line(results: Sequence[CaseResult]) -> str:
    n = len(results)
    flagged = [r for r in results if r.flag_expected]
    recall = _pct(sum(r.flag_given for r in flagged), len(flagged))
    false_alarms = sum(r.flag_given and not r.flag_expected for r in results)
    return (f"top1={_pct(sum(r.top1_ok for r in results), n):.1f} top3={_pct(sum(r.top3_ok for r in results), n):.1f} "
            f"redflag_recall={recall:.1f} false_alarms={false_alarms} cases={n}")


def run_bench(path: Path, *, model: Model) -> tuple[list[str], list[CaseResult]]:
    results = [run_case(c, model=model) for c in load_cases(path)]
    return [case_line(r) for r in results], results
