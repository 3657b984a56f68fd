"""Saving that never loses a byte.

`save_atomically` writes the new text to an unnamed temporary file in the target's folder, flushes it to
disk and renames it over the target, so a crash or a kill leaves either the old file or the new one,
never half of each. Around that:

- a symbolic link is followed: the file it points to gets the text and the link stays a link;
- the file keeps its mode and owner; a file with several hard links is rewritten in place (a rename
  would leave the other names holding the old text), as is one whose owner or folder we cannot match;
- a new file gets the usual mode (0666 minus the umask), not a temporary file's 0600;
- a read-only file raises `ReadOnlyFile` unless the caller says the user agreed;
- with `expected` (the fingerprint of what was read), a file changed or removed since then by another
  program raises `ChangedOnDisk` instead of being overwritten;
- temporary files left by a killed save (named `.NAME.xviz-PID-….tmp`) are removed by the next save.
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path

from xviz.files.reading import Fingerprint, fingerprint


class SaveRefused(Exception):
    """The save did not happen and the file on disk is untouched; `path` is the file meant."""

    def __init__(self, path: str | os.PathLike, message: str):
        super().__init__(message)
        self.path = Path(path)


class ChangedOnDisk(SaveRefused):
    """Another program changed (or removed) the file since it was read. `current` is what is there now."""

    def __init__(self, path, current: Fingerprint | None):
        super().__init__(path, "the file was removed since it was opened" if current is None
                         else "the file was changed by another program since it was opened")
        self.current = current


class ReadOnlyFile(SaveRefused):
    def __init__(self, path):
        super().__init__(path, "the file is read-only")


class UnencodableText(SaveRefused):
    def __init__(self, path, index: int):
        super().__init__(path, f"the text holds a lone surrogate character at index {index}, which UTF-8 cannot store")
        self.index = index


def temp_prefix(target: Path) -> str:
    return f".{target.name}.xviz-"


_TEMP = re.compile(r"\.xviz-(\d+)-[0-9a-f]+\.tmp$")


def save_atomically(path: str | os.PathLike, text: str | bytes, expected: Fingerprint | None = None, *,
                    allow_read_only: bool = False) -> Fingerprint:
    """Write `text` (UTF-8, byte for byte) to `path` as described above; the fingerprint of what is now
    on disk. Raises SaveRefused (file untouched) or OSError (disk full, no permission, ...)."""
    if isinstance(text, str):
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise UnencodableText(path, exc.start) from None
    else:
        data = text
    target = Path(os.path.realpath(path))  # through every link, to the file that holds the text
    sweep_stale_temps(target)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if expected is not None:
        current = fingerprint(target) if st is not None else None
        if current is None or (current.size, current.sha256) != (expected.size, expected.sha256):
            raise ChangedOnDisk(path, current)
    # The mode bits too: root may write anything, but a file marked read-only was meant to stay so.
    if st is not None and not allow_read_only and (not st.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise ReadOnlyFile(path)
    if st is not None and st.st_nlink > 1:
        _rewrite_in_place(target, data)
    else:
        try:
            _replace(target, data, st)
        except _CannotReplace:
            _rewrite_in_place(target, data)
    return Fingerprint.of(data, os.stat(target))


class _CannotReplace(Exception):
    """A rename would change what the file is (its owner) or is impossible (a folder we cannot write)."""


def _replace(target: Path, data: bytes, st: os.stat_result | None) -> None:
    folder = target.parent
    try:
        fd = _open_unnamed(folder)
    except PermissionError:
        if st is None:
            raise
        raise _CannotReplace() from None
    temp = None
    try:
        _write_all(fd, data)
        if st is not None:
            if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(fd, st.st_uid, st.st_gid)
                except PermissionError:
                    raise _CannotReplace() from None
            os.fchmod(fd, stat.S_IMODE(st.st_mode))
        else:
            os.fchmod(fd, 0o666 & ~_umask())
        os.fsync(fd)
        temp = folder / f"{temp_prefix(target)}{os.getpid()}-{secrets.token_hex(4)}.tmp"
        _give_name(fd, temp)
        os.replace(temp, target)
        temp = None
        _sync_folder(folder)
    finally:
        os.close(fd)
        for leftover in (temp, _NAMED.pop(fd, None)):
            if leftover is not None:
                try:
                    os.unlink(leftover)
                except FileNotFoundError:
                    pass


def _open_unnamed(folder: Path) -> int:
    """A file in `folder` with no name yet (Linux O_TMPFILE): a kill before it is named leaves nothing.
    Elsewhere (or on a file system without it) a named temporary file, marked by `_NAMED`."""
    flag = getattr(os, "O_TMPFILE", 0)
    if flag:
        try:
            return os.open(folder, flag | os.O_WRONLY, 0o600)
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
    name = folder / f".xviz-unnamed-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    _NAMED[fd] = name
    return fd


_NAMED: dict[int, Path] = {}


def _give_name(fd: int, temp: Path) -> None:
    named = _NAMED.pop(fd, None)
    if named is not None:
        os.replace(named, temp)
    else:
        # With explicit folder descriptors CPython calls linkat(..., AT_SYMLINK_FOLLOW), which names the
        # open file itself; plain link() would try to link the /proc symbolic link.
        folder = os.open(temp.parent, os.O_RDONLY)
        try:
            os.link(f"/proc/self/fd/{fd}", temp.name, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=True)
        finally:
            os.close(folder)


def _rewrite_in_place(target: Path, data: bytes) -> None:
    """Overwrite the file's own bytes: its inode, links, owner and mode stay exactly as they were."""
    fd = os.open(target, os.O_WRONLY)
    try:
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (the folder's entry), where the system allows opening folders."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sweep_stale_temps(target: str | os.PathLike) -> list[Path]:
    """Remove temporary files that a killed save of `target` left in its folder (those whose process is
    gone); the removed paths."""
    target = Path(target)
    removed = []
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(temp_prefix(target))
                 or n.startswith(".xviz-unnamed-")]
    except OSError:
        return removed
    for name in names:
        found = _TEMP.search(name) or re.search(r"-(\d+)-[0-9a-f]+\.tmp$", name)
        if found is None or _alive(int(found.group(1))):
            continue
        try:
            os.unlink(target.parent / name)
            removed.append(target.parent / name)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
