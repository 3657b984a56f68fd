"""Reading input files without trusting them: never more than the limit (a 1 GB file, /dev/zero or a
pipe is refused after limit+1 bytes), and a fingerprint of what was read so that a later save can tell
whether another program changed the file in between."""
from __future__ import annotations

import hashlib
import os
import stat
import sys
from dataclasses import dataclass

from xviz.files.limits import MAX_SCENARIO_BYTES, LimitError, too_large

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Fingerprint:
    """What a file held when it was read or written: enough to notice any change by another program.

    The content hash decides; size and mtime are a cheap first look (`same_as_disk`)."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, st: os.stat_result) -> "Fingerprint":
        return cls(len(data), st.st_mtime_ns, hashlib.sha256(data).hexdigest())


def read_limited(path: str | os.PathLike, limit: int, label: str | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes of `path` ("-" is standard input) and its stat; LimitError when larger than `limit`
    or unreadable. Reads at most limit+1 bytes, whatever the file claims its size is."""
    name = label or os.fspath(path)
    if os.fspath(path) == "-":
        return _read_stream(sys.stdin.buffer, limit, name), None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise unreadable(name, exc) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise LimitError("not-a-file", "this is a folder, not a file", name, None, None,
                             "give the path of a file inside it")
        if stat.S_ISREG(st.st_mode) and st.st_size > limit:
            raise too_large(name, limit)  # without reading a byte
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = _read_stream(handle, limit, name)
    except OSError as exc:
        raise unreadable(name, exc) from None
    finally:
        os.close(fd)
    return data, st


def _read_stream(handle, limit: int, name: str) -> bytes:
    chunks, total = [], 0
    while True:
        chunk = handle.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise too_large(name, limit)


def unreadable(name: str, exc: OSError) -> LimitError:
    return LimitError("unreadable", f"cannot read the file: {exc.strerror or exc}", name, None, None,
                      "check the path and the permissions")


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 text (a leading BOM is kept: the YAML reader skips it); LimitError at the bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start].decode("utf-8", errors="replace")
        line = head.count("\n") + 1
        raise LimitError("not-utf8", "the file is not UTF-8 text", name, line, len(head) - head.rfind("\n"),
                         "save it as UTF-8") from None


def read_text_file(path: str | os.PathLike, limit: int = MAX_SCENARIO_BYTES) -> tuple[str, Fingerprint | None]:
    """The file's text, byte for byte (no newline translation), and its fingerprint (None for stdin)."""
    data, st = read_limited(path, limit)
    text = decode_utf8(data, os.fspath(path))
    return text, (Fingerprint.of(data, st) if st is not None and stat.S_ISREG(st.st_mode) else None)


def fingerprint(path: str | os.PathLike) -> Fingerprint | None:
    """The fingerprint of the file now on disk (following links), or None when there is none."""
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):
                return None
            digest, size = hashlib.sha256(), 0
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        return None
    return Fingerprint(size, st.st_mtime_ns, digest.hexdigest())
