"""The repository's folders, for tests at any depth."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
CASES = ROOT / "cases"
TEMPLATES = ROOT / "templates"
FIXTURES = TESTS / "fixtures"
VECTORS = TESTS / "vectors"
SHARED = ROOT.parent / "shared"
