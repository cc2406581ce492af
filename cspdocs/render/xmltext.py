"""Making arbitrary text safe to insert into WordprocessingML.

XML 1.0 forbids most C0 control characters (\\x01, \\x0b, ...); one of them in a name would make
Word refuse the whole document. They are removed; carriage returns become line feeds, which the
renderer turns into Word line breaks.
"""

from __future__ import annotations

import re

_XML_INVALID = re.compile("[^\t\n\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(text: str) -> str:
    """Remove characters XML 1.0 cannot carry; normalise CR/CRLF to LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_INVALID.sub("", text)
