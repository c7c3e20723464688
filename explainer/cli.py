"""Command line: ``python -m explainer check | bench PATH | explain ...``."""

from __future__ import annotations

import argparse
import sys

from explainer.anatomy import ContentError, ContentErrors
from explainer.anatomy.errors import each_error
from explainer.check import run_check


def main(argv: list[str]) -> int:
    """Run one command; a broken content or asset file is reported (file, record, field), never a traceback."""
    try:
        return _run(argv)
    except (ContentError, ContentErrors) as exc:
        for err in each_error(exc):
            print(f"error: {err.path}: record '{err.record}', field '{err.field}': {err.problem}\n"
                  f"       what to do: {err.advice}", file=sys.stderr)
        return 1


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer", description="Nerve Map tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate content/ and assets/ and print a summary")
    sub.add_parser("schema", help="regenerate the JSON Schemas in content/schema/ from the models")
    sub.add_parser("bench", help="run the localisation benchmark on a vignette file", add_help=False)
    sub.add_parser("explain", help="rank explanations for marked zones and findings", add_help=False)
    args, rest = parser.parse_known_args(argv)
    if args.command == "check":
        return run_check()
    if args.command == "schema":
        from explainer.anatomy.schema import write_schemas
        from explainer.paths import SCHEMA_DIR

        for path in write_schemas(SCHEMA_DIR):
            print(f"wrote {path.relative_to(SCHEMA_DIR.parent.parent)}")
        return 0
    if args.command == "bench":
        from explainer.engine.cli import bench_main

        return int(bench_main(rest))
    from explainer.engine.cli import explain_main

    return int(explain_main(rest))
