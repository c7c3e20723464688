"""``python -m explainer bench PATH`` and ``python -m explainer explain --zones ... --json``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from explainer.engine.bench import run_bench, summary_line
from explainer.engine.explain import Result, localise
from explainer.engine.findings import UnknownIdError, make_findings
from explainer.engine.ranking import default_model


def bench_main(argv: list[str]) -> int:
    """Print one line per case and the summary; the last line is machine-readable. Exit 0 whenever it ran."""
    parser = argparse.ArgumentParser(prog="python -m explainer bench", description="Localisation benchmark")
    parser.add_argument("path", type=Path, help="vignette file in the shared public.json format")
    args = parser.parse_args(argv)
    lines, results = run_bench(args.path, model=default_model())
    for line in lines:
        print(line)
    ok1 = sum(r.top1_ok for r in results)
    ok3 = sum(r.top3_ok for r in results)
    print(f"summary: {ok1}/{len(results)} first answers right, {ok3}/{len(results)} within the top three")
    print(summary_line(results))
    return 0


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _reflexes(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in _split(value):
        name, _, val = item.partition("=")
        out[name] = val or "reduced"
    return out


def _print_text(result: Result) -> None:
    for flag in result.red_flags:
        print(f"RED FLAG [{flag.level}] {flag.name}: {flag.advice}")
    for q in result.open_questions:
        print(f"OPEN: {q}")
    for i, c in enumerate(result.candidates, 1):
        print(f"{i}. {c.label} [{c.id}, {c.side}] {c.strength} ({c.score:.2f})")
        for reason in c.supporting:
            print(f"   + {reason.text} (LR {reason.lr:g})")
        for reason in c.against:
            print(f"   - {reason.text} (LR {reason.lr:g})")
        if c.next_question:
            print(f"   ? {c.next_question}")


def explain_main(argv: list[str]) -> int:
    """Rank explanations for the given findings; --json prints the full result."""
    parser = argparse.ArgumentParser(prog="python -m explainer explain", description="Rank explanations")
    parser.add_argument("--zones", default="", help="comma-separated zone ids with side, e.g. foot_dorsum_right")
    parser.add_argument("--symptoms", default="", help="comma-separated symptom ids")
    parser.add_argument("--weak", default="", help="comma-separated weak movement ids")
    parser.add_argument("--reflexes", default="", help="comma-separated reflex=value, e.g. achilles=reduced")
    parser.add_argument("--other", default="", help="comma-separated other finding ids")
    parser.add_argument("--limit", type=int, default=10, help="how many candidates to show")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    try:
        findings = make_findings(zones=_split(args.zones), symptoms=_split(args.symptoms), weak=_split(args.weak),
                                 reflexes=_reflexes(args.reflexes), other=_split(args.other))
    except UnknownIdError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = localise(findings, limit=args.limit)
    if args.json:
        print(json.dumps(result.model_dump(), indent=2, ensure_ascii=False))
    else:
        _print_text(result)
    return 0
