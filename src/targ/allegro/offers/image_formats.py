"""What an uploaded file is, read from its header as an image decoder starts: the formats `POST /sale/images` takes
(JPEG, PNG, WEBP: the spec's binary media types) and the picture's width and height.

Only the header is read (no pixels are decoded): enough to tell an image from anything else, its format whatever
the request's `Content-Type` said, and its size for the vendor's pixel-count limit.
"""

from __future__ import annotations

from dataclasses import dataclass

JPEG, PNG, WEBP = "image/jpeg", "image/png", "image/webp"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the frame's size. C4 (DHT),
# C8 (JPG) and CC (DAC) share the range but are not frames.
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers without a length field.
_STANDALONE = frozenset({0x01, *range(0xD0, 0xD9)})


@dataclass(frozen=True)
class ImageInfo:
    media_type: str
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


def sniff(data: bytes) -> ImageInfo | None:
    """The image's format and size, or None for anything that is not a JPEG, PNG or WEBP image."""
    if data.startswith(_PNG_SIGNATURE):
        found = _png(data)
    elif data.startswith(b"\xff\xd8\xff"):
        found = _jpeg(data)
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        found = _webp(data)
    else:
        return None
    return found if found is not None and found.width > 0 and found.height > 0 else None


def _png(data: bytes) -> ImageInfo | None:
    # The first chunk must be IHDR: length (4), type (4), width (4), height (4).
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    return ImageInfo(PNG, int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"))


def _jpeg(data: bytes) -> ImageInfo | None:
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        while i < len(data) and data[i] == 0xFF:      # fill bytes before a marker
            i += 1
        if i >= len(data):
            return None
        marker = data[i]
        i += 1
        if marker in _STANDALONE:
            continue
        if marker == 0xD9:                              # end of image before any frame
            return None
        length = int.from_bytes(data[i:i + 2], "big")
        if length < 2:
            return None
        if marker in _SOF:
            # length (2), precision (1), height (2), width (2)
            if i + 7 > len(data):
                return None
            return ImageInfo(JPEG, int.from_bytes(data[i + 5:i + 7], "big"), int.from_bytes(data[i + 3:i + 5], "big"))
        i += length
    return None


def _webp(data: bytes) -> ImageInfo | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        # Lossy: the key frame's start code, then 14-bit width and height (2 bits of scaling above them).
        return ImageInfo(WEBP, int.from_bytes(data[26:28], "little") & 0x3FFF,
                         int.from_bytes(data[28:30], "little") & 0x3FFF)
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        # Lossless: the signature byte, then width-1 and height-1 in 14 bits each.
        bits = int.from_bytes(data[21:25], "little")
        return ImageInfo(WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(data) >= 30:
        # Extended: the canvas' width-1 and height-1 in 24 bits each.
        return ImageInfo(WEBP, int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1)
    return None
