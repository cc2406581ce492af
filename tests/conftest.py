"""Test-wide settings.

The as-of date (issue 10): ``cspdocs generate|compute|check|suivi`` default to today, which would make
the output of a test depend on the day it runs (the example cases are dated in 2026). Tests written
against the plan (the documents at their planned dates, the spec's vectors) run without an as-of date,
as the library does when ``au`` is None; the tests of the rules of time (tests/engine/test_suivi.py,
tests/engine/test_timeline.py) pass ``--au`` explicitly, or ask for the real default with the marker
``aujourdhui``. Subprocesses (kill and interrupt tests) use the real today: they check exit codes and
what is published, not dates.
"""

from __future__ import annotations

import pytest

from cspdocs.commands import common

_real_today = common.today
_state = {"real": False}


def _today():
    return _real_today() if _state["real"] else None


def pytest_configure(config):
    config.addinivalue_line("markers", "aujourdhui: the CLI's as-of date defaults to the real today")
    common.today = _today  # fixtures of any scope see it


@pytest.fixture(autouse=True)
def _real_today_when_marked(request):
    _state["real"] = request.node.get_closest_marker("aujourdhui") is not None
    yield
    _state["real"] = False
