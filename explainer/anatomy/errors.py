"""A content error names the file, the record and the field, and says what was expected."""

from __future__ import annotations


class ContentError(ValueError):
    """Raised when a content file is missing, malformed or inconsistent."""

    def __init__(self, *, file: str, record: str, field: str, problem: str) -> None:
        self.file = file
        self.record = record
        self.field = field
        self.problem = problem
        super().__init__(f"{file}: record '{record}', field '{field}': {problem}")


class ContentErrors(ValueError):
    """Several content errors found together (the check command reports them all)."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        lines = "\n".join(f"- {e}" for e in errors)
        super().__init__(f"{len(errors)} content problem(s):\n{lines}")
