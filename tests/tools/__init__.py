"""Tests for the developer tools in tools/ (not part of the package)."""
