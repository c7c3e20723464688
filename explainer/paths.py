"""Where the project's data lives, resolved from the package itself (never the working directory)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
CONTENT_DIR = PROJECT_DIR / "content"
ASSETS_DIR = PROJECT_DIR / "assets"
SCHEMA_DIR = CONTENT_DIR / "schema"
