"""The default as-of date (issue 10): today, or the day of ``SOURCE_DATE_EPOCH`` when it is set
(the reproducible-builds convention: a CI run gives the same documents whatever the day)."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def today() -> date:
    """Today, or the UTC day of ``SOURCE_DATE_EPOCH``; ``ValueError`` (French) when it is not a number."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} n'est pas un nombre de secondes depuis le "
                             "1er janvier 1970") from None
    return date.today()
