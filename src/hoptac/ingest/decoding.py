"""Bytes to text: UTF-8 first, then byte-order marks, then charset detection; binary is refused.

Valid UTF-8 is decoded exactly as `bytes.decode("utf-8")` does (a UTF-8 byte-order mark stays as
U+FEFF), so that offsets into the text agree with any tool that reads the file the same way.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

# Encodings a news article in the languages hoptac reads is likely to use when it is not UTF-8.
# Restricting detection to them avoids charset-normalizer's guesses (cp1250, cp775...) on short
# Western European texts.
LIKELY_ENCODINGS = ["cp1252", "cp1251", "cp1258", "gb18030", "big5", "shift_jis", "euc_kr",
                    "utf_16", "utf_32"]

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]

# Share of control characters (other than layout ones) above which decoded text is binary.
MAX_CONTROL_SHARE = 0.01
# Valid multi-byte UTF-8 characters per damaged byte above which damaged UTF-8 is still UTF-8.
UTF8_EVIDENCE = 10
LAYOUT_CONTROLS = set("\t\n\r\f\v")

META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class NotText(ValueError):
    """The bytes are not text in any encoding hoptac reads; str() is the reason."""


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode `data` as text. `declared` is an encoding named by the source (HTTP header, HTML
    meta), tried after UTF-8. Raises NotText for empty or binary content."""
    if not data:
        raise NotText("empty file")
    text = _decode(data, declared)
    if text is None or _looks_binary(text):
        raise NotText("binary content, not text")
    return text


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in BOMS:  # UTF-32 LE starts like UTF-16 LE: longest BOMs first
        if data.startswith(bom):
            return _try(data, encoding)
    if b"\x00" not in data:
        text = _try(data, "utf-8") or _mostly_utf8(data)
        if text is not None:
            return text
    if declared and _known(declared):
        text = _try(data, declared)
        if text is not None:
            return text
    best = charset_normalizer.from_bytes(data, cp_isolation=LIKELY_ENCODINGS).best()
    if best is None:
        best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (each becomes U+FFFD) rather than a legacy code page that
    would garble every accented letter. Legacy text hardly ever holds valid multi-byte UTF-8
    sequences, so many of them and few errors tell UTF-8."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    multibyte = sum(1 for char in text if not char.isascii()) - damaged
    return text if multibyte >= UTF8_EVIDENCE * damaged else None


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:20000]
    controls = sum(
        1 for ch in sample if ch not in LAYOUT_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls > MAX_CONTROL_SHARE * len(sample)


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    found = META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None
