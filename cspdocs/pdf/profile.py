"""A warm LibreOffice user profile, copied for each batch.

Every soffice call gets its own profile directory (two calls sharing one would hand
their work to each other), but a fresh profile costs LibreOffice ~0.2 s of CPU to
initialise at each start. After the first successful call, its profile is kept as
a template in the user's cache, keyed by the soffice executable, and later calls
start from a copy of it.

``CSPDOCS_LO_PROFILE_CACHE`` names another cache directory, or ``off`` to disable it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

CACHE_ENV = "CSPDOCS_LO_PROFILE_CACHE"


def cache_dir() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cspdocs"


def template_path(soffice: str) -> Path | None:
    """Where the template for this soffice lives (changes when LibreOffice is upgraded)."""
    directory = cache_dir()
    if directory is None:
        return None
    real = os.path.realpath(soffice)
    try:
        stat = os.stat(real)
    except OSError:
        return None
    key = hashlib.sha256(f"{real}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    return directory / f"libreoffice-profile-{key}"


def prepare(soffice: str, profile: Path, warm: bool = True) -> None:
    """Create ``profile``: a copy of the template when there is one (and ``warm``)."""
    template = template_path(soffice) if warm else None
    if template is not None and (template / "user").is_dir():
        try:
            shutil.copytree(template, profile, symlinks=True)
            return
        except OSError:
            shutil.rmtree(profile, ignore_errors=True)
    profile.mkdir(parents=True)


def remember(soffice: str, profile: Path) -> None:
    """Keep ``profile`` (from a successful call) as the template, if there is none yet.

    Written to a temporary directory then renamed: concurrent runs never see half a
    template. Any error just means no template. Staging folders left by a killed run are removed.
    """
    template = template_path(soffice)
    if template is None or template.exists() or not (profile / "user").is_dir():
        return
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(template.parent)
        staging = Path(tempfile.mkdtemp(prefix=".profile-", dir=template.parent))
        try:
            shutil.copytree(profile, staging / "p", symlinks=True)
            os.rename(staging / "p", template)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError:
        pass


#: A staging copy takes about a second; one older than this was left by a killed run.
STALE_STAGING_SECONDS = 3600


def remove_stale_staging(directory: Path) -> int:
    """Remove the ``.profile-*`` staging folders a killed run left in the cache; return how many."""
    removed = 0
    for staging in directory.glob(".profile-*"):
        try:
            old = time.time() - staging.lstat().st_mtime > STALE_STAGING_SECONDS
        except OSError:
            continue
        if old and staging.is_dir() and not staging.is_symlink():
            shutil.rmtree(staging, ignore_errors=True)
            removed += 1
    return removed
