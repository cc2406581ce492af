"""pypdf, imported only when a PDF needs it.

The PDFs LibreOffice writes are read, normalised, merged and searched without pypdf (rawfile.py,
objects.py, merge.py, fasttext.py); pypdf reads any other file. Importing it costs about 80 ms,
a tenth of what ``generate --pdf`` spends beyond LibreOffice on a hundred documents, so the modules
of this package import it inside the functions that use it, and ask these helpers whether an
object is one of pypdf's without importing it: an object cannot be one before pypdf is loaded.
"""

from __future__ import annotations

import sys


def is_pypdf(obj: object, name: str) -> bool:
    """``isinstance(obj, pypdf.<name>)`` or ``pypdf.generic.<name>``; False while pypdf is not imported."""
    for module in ("pypdf", "pypdf.generic"):
        cls = getattr(sys.modules.get(module), name, None)
        if isinstance(cls, type) and isinstance(obj, cls):
            return True
    return False


def errors() -> tuple[type[BaseException], ...]:
    """pypdf's base error class once pypdf is imported (none can have been raised before)."""
    module = sys.modules.get("pypdf.errors")
    return (module.PyPdfError,) if module is not None else ()


__all__ = ["errors", "is_pypdf"]
