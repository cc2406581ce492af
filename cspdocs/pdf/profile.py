"""A warm LibreOffice user profile, copied for each batch.

Every soffice call gets its own profile directory (two calls sharing one would hand
their work to each other), but a fresh profile costs LibreOffice ~0.2 s of CPU to
initialise at each start. After the first successful call, its profile is kept as
a template in the user's cache, keyed by the soffice executable, and later calls
start from a copy of it.

``CSPDOCS_LO_PROFILE_CACHE`` names another cache directory, or ``off`` to disable it.

Every profile, copied or new, also records that it has already seen this version of LibreOffice
(``ooSetupLastVersion``, see ``mark_version_seen``): otherwise each start of a profile that was
never opened in the graphical interface runs LibreOffice's graphics self-test (GraphicsRenderTests,
a hundred drawings on 4096-pixel bitmaps), which took 0.8 s of the 1.2 s of CPU a one-document
call costs here (LibreOffice 7.4), for nothing the PDF export uses.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
from functools import lru_cache
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
    """Create ``profile``: a copy of the template when there is one (and ``warm``), marked as
    having seen this LibreOffice's version."""
    template = template_path(soffice) if warm else None
    if template is not None and (template / "user").is_dir():
        try:
            shutil.copytree(template, profile, symlinks=True)
        except OSError:
            shutil.rmtree(profile, ignore_errors=True)
    profile.mkdir(parents=True, exist_ok=True)
    mark_version_seen(profile, product_version(soffice))


#: The user layer of LibreOffice's configuration, in a profile.
REGISTRY = Path("user") / "registrymodifications.xcu"
_LAST_VERSION = "ooSetupLastVersion"
_EMPTY_REGISTRY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n</oor:items>\n'
)


@lru_cache(maxsize=8)
def product_version(soffice: str) -> str | None:
    """LibreOffice's "major.minor" ("7.4"), from the ProductKey of the bootstraprc (bootstrap.ini
    on Windows) beside the real executable; None when there is none to read."""
    program = Path(os.path.realpath(soffice)).parent
    for candidate in (program / "bootstraprc", program / "bootstrap.ini", program.parent / "Resources" / "bootstraprc"):
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = re.search(r"^ProductKey=\D*(\d+\.\d+)", text, re.MULTILINE)
        if found:
            return found[1]
    return None


def mark_version_seen(profile: Path, version: str | None) -> bool:
    """Record in ``profile`` that LibreOffice ``version`` already ran there (True when written).

    LibreOffice runs its graphics self-test at the start of any profile whose last version is
    older than its own (desktop/source/app/app.cxx, ``runGraphicsRenderTests``), and records the
    version only from its graphical interface: a headless profile runs the test at every start.
    Nothing is written when the version is unknown or the profile already records a version:
    LibreOffice then decides as it would without cspdocs (a self-test is slower, never wrong).
    """
    if not version:
        return False
    registry = profile / REGISTRY
    try:
        text = registry.read_text(encoding="utf-8") if registry.exists() else _EMPTY_REGISTRY
        if f'oor:name="{_LAST_VERSION}"' in text or "</oor:items>" not in text:
            return False
        item = (f'<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="{_LAST_VERSION}" oor:op="fuse">'
                f"<value>{version}</value></prop></item>\n")
        head, _, tail = text.rpartition("</oor:items>")
        registry.parent.mkdir(parents=True, exist_ok=True)
        registry.write_text(head + item + "</oor:items>" + tail, encoding="utf-8")
        return True
    except (OSError, UnicodeDecodeError):
        return False


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
