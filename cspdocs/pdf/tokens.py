"""The tokens of a content stream for the fast text path (content.py): one regular expression
whose alternatives read LibreOffice's usual constructs whole (a text block, a run of operators
that neither move nor show text, a TJ array of hexadecimal strings, whose form runs.py checks)
and any other operand or operator one by one, and the decoding of string tokens."""

from __future__ import annotations

import re

#: One way only to match a number ("-85" is never "-8" "5", nor "8" + "5"): a failed match
#: backtracks in linear time.
NUMBER = rb"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?![\d.])"
_END = rb"(?![^\s/\[\]()<>{}%])"
_NAME = rb"/[^\s/\[\]()<>{}%]*" + _END
#: The bytes of a TJ array of hexadecimal strings and numbers, read loosely (a character class
#: costs a fraction of the strict form): runs.py checks each distinct array's form once.
_HEX_ARRAY = rb"[0-9A-Fa-f\s<>.+-]*"
#: Operators that do not move or show text, skipped with their operands in one token.
_IGNORED = rb"(?:rg|RG|g|G|k|K|cs|CS|sc|SC|scn|SCN|w|j|J|M|ri|i|gs|m|l|c|v|y|h|re|S|s|f\*?|F|B\*?|b\*?|n|W\*?" \
           rb"|BMC|BDC|EMC|MP|DP|ET|BX|EX|sh)"
TOKEN = re.compile(
    rb"""\s*(?:
    (?P<skip>%[^\r\n]*)
    |\[(?P<tjarray>""" + _HEX_ARRAY + rb""")\]\s*TJ""" + _END + rb"""
    |(?P<tj><[0-9A-Fa-f\s]*>)\s*Tj""" + _END + rb"""
    |(?P<td>(?P<tx>""" + NUMBER + rb""")\s+(?P<ty>""" + NUMBER + rb""")\s*Td)""" + _END + rb"""
    |(?P<tf>/(?P<font>[^\s/\[\]()<>{}%]*)\s*(?P<size>""" + NUMBER + rb""")\s*Tf)""" + _END + rb"""
    |(?P<chunk>q\s+(?:""" + NUMBER + rb"""\s+){1,4}(?:rg|g|k)\s+BT\s+(?P<cx>""" + NUMBER + rb""")\s+(?P<cy>""" + NUMBER \
    + rb""")\s+Td\s*/(?P<cf>[^\s/\[\]()<>{}%]*)\s*(?P<cs>""" + NUMBER + rb""")\s*Tf\s*(?:\[(?P<carr>""" + _HEX_ARRAY \
    + rb""")\]\s*TJ|(?P<chex><[0-9A-Fa-f\s]*>)\s*Tj)\s*ET\s+Q)""" + _END + rb"""
    |(?P<ignored>(?:(?:(?:""" + NUMBER + _END + rb"|" + _NAME + rb"""|<<[^<>()\[\]]*>>)\s*)*""" + _IGNORED + _END \
    + rb"""\s*)+)
    |(?P<hex><[0-9A-Fa-f\s]*>)
    |(?P<lit>\((?:\\.|[^\\()])*\))
    |(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))
    |(?P<name>/[^\s/\[\]()<>{}%]*)
    |(?P<open>\[)|(?P<close>\])
    |(?P<dict><<|>>)
    |(?P<op>[A-Za-z'"*][^\s/\[\]()<>{}%]*)
    |(?P<bad>\S)
    )""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_LIT_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)


def hex_bytes(token: bytes) -> bytes:
    """The bytes of a hexadecimal string token ``<...>`` (an odd last digit is followed by 0)."""
    try:
        return bytes.fromhex(token[1:-1].decode("ascii"))  # skips whitespace
    except ValueError:
        digits = re.sub(rb"\s", b"", token[1:-1])
        return bytes.fromhex((digits + b"0").decode("ascii"))


def literal_bytes(token: bytes) -> bytes:
    def escape(match: re.Match) -> bytes:
        value = match[1]
        if value[:1].isdigit():
            return bytes([int(value, 8) & 0xFF])
        if value in (b"\n", b"\r"):
            return b""
        return _ESCAPES.get(value, value)

    return _LIT_ESCAPE.sub(escape, token[1:-1])


__all__ = ["NUMBER", "TOKEN", "hex_bytes", "literal_bytes"]
