"""A content error names the file, the record and the field, and says what was expected and what to do.

The same error covers content/ (YAML, Markdown) and assets/ (JSON geometry): one mechanism, one page in the app,
one report from ``python -m explainer check``.
"""

from __future__ import annotations

from typing import Final, Literal

Kind = Literal["missing", "empty", "unreadable", "invalid"]
ADVICE: Final[dict[Kind, str]] = {
    "missing": "Restore the file from the project's repository: `git checkout -- {path}`.",
    "empty": "The file is empty: undo the last change to it, or restore it with `git checkout -- {path}`.",
    "unreadable": "The file is cut short or garbled: undo the last change to it, or restore it with "
                  "`git checkout -- {path}`.",
    "invalid": "Correct the named record and field in {path} (or undo the last change to the file).",
}


class ContentError(ValueError):
    """Raised when a content or asset file is missing, empty, unreadable, malformed or inconsistent."""

    def __init__(self, *, file: str, record: str, field: str, problem: str, kind: Kind = "invalid") -> None:
        self.file = file
        self.record = record
        self.field = field
        self.problem = problem
        self.kind: Kind = kind
        super().__init__(f"{file}: record '{record}', field '{field}': {problem}")

    @property
    def path(self) -> str:
        """The file's path in the project: content files are named relative to content/, assets by 'assets/…'."""
        return self.file if self.file.startswith("assets/") else f"content/{self.file}"

    @property
    def advice(self) -> str:
        """What to do about it, then how to confirm the fix."""
        return ADVICE[self.kind].format(path=self.path) + " Then run `python -m explainer check`."


class ContentErrors(ValueError):
    """Several content errors found together (the check command reports them all)."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        lines = "\n".join(f"- {e}" for e in errors)
        super().__init__(f"{len(errors)} content problem(s):\n{lines}")


def each_error(exc: ContentError | ContentErrors) -> list[ContentError]:
    """One list whichever of the two was raised."""
    return list(exc.errors) if isinstance(exc, ContentErrors) else [exc]
