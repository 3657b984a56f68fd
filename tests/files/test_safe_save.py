"""Saving never loses a byte (xviz.files.safe_save): links, modes, owners, read-only files, changes by
other programs, and a process killed in the middle of a save (issue 14)."""
from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from xviz.files import ChangedOnDisk, ReadOnlyFile, UnencodableText, fingerprint, read_text_file, save_atomically
from xviz.files.safe_save import sweep_stale_temps

REPO = Path(__file__).resolve().parents[2]


def leftovers(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


def test_saving_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real" / "scenario.yaml"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(Path("real") / "scenario.yaml")  # relative, as `ln -s` makes them
    save_atomically(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "scenario.yaml")
    assert real.read_text(encoding="utf-8") == "new\n"
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_hard_links_keep_sharing_the_text(tmp_path):
    one = tmp_path / "one.yaml"
    one.write_text("old\n", encoding="utf-8")
    two = tmp_path / "two.yaml"
    os.link(one, two)
    save_atomically(one, "new\n")
    assert two.read_text(encoding="utf-8") == "new\n"
    assert os.stat(one).st_ino == os.stat(two).st_ino


def test_the_file_keeps_its_mode(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o640)
    save_atomically(path, "new\n")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640


def test_a_new_file_gets_the_usual_mode_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        save_atomically(tmp_path / "new.yaml", "text\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.yaml").st_mode) == 0o644


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_the_file_keeps_its_owner(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("old\n", encoding="utf-8")
    os.chown(path, 12345, 23456)
    save_atomically(path, "new\n")
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (12345, 23456)


def test_a_read_only_file_is_refused_unless_the_user_agreed(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("old\n", encoding="utf-8")
    os.chmod(path, 0o444)
    with pytest.raises(ReadOnlyFile):
        save_atomically(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n"
    save_atomically(path, "new\n", allow_read_only=True)
    assert path.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o444  # still read-only afterwards


def test_a_file_changed_on_disk_since_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("as opened\n", encoding="utf-8")
    _text, opened = read_text_file(path)
    path.write_text("an editor's change\n", encoding="utf-8")  # another program, while the app is open
    with pytest.raises(ChangedOnDisk) as info:
        save_atomically(path, "the app's edit\n", expected=opened)
    assert path.read_text(encoding="utf-8") == "an editor's change\n"
    assert info.value.current == fingerprint(path)
    # The user chose to overwrite: the fingerprint of what is there now makes it go through.
    saved = save_atomically(path, "the app's edit\n", expected=info.value.current)
    assert saved == fingerprint(path) and path.read_text(encoding="utf-8") == "the app's edit\n"


def test_a_file_removed_since_it_was_read_is_reported(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("x\n", encoding="utf-8")
    _text, opened = read_text_file(path)
    path.unlink()
    with pytest.raises(ChangedOnDisk) as info:
        save_atomically(path, "y\n", expected=opened)
    assert info.value.current is None and not path.exists()


def test_a_touch_without_a_change_is_not_a_change(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("x\n", encoding="utf-8")
    _text, opened = read_text_file(path)
    os.utime(path, (time.time() + 5, time.time() + 5))
    save_atomically(path, "y\n", expected=opened)
    assert path.read_text(encoding="utf-8") == "y\n"


def test_text_utf8_cannot_hold_is_refused_before_the_file_is_touched(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("x\n", encoding="utf-8")
    with pytest.raises(UnencodableText):
        save_atomically(path, "a \ud800 b")
    assert path.read_text(encoding="utf-8") == "x\n" and leftovers(tmp_path) == []


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "s.yaml"
    path.write_text("old\n", encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        save_atomically(path, "new\n")
    assert path.read_text(encoding="utf-8") == "old\n" and leftovers(tmp_path) == []


CHILD = """
import sys
from xviz.files.safe_save import save_atomically
path, texts = sys.argv[1], [sys.argv[2] * 400_000, sys.argv[3] * 300_000]
print("ready", flush=True)
i = 0
while True:
    save_atomically(path, texts[i % 2])
    i += 1
"""


def test_a_kill_during_save_leaves_the_old_or_the_new_text_and_no_temporary_file(tmp_path):
    path = tmp_path / "s.yaml"
    old, new = "old text\n" * 400_000, "new text\n" * 300_000
    path.write_text(old, encoding="utf-8")
    os.chmod(path, 0o640)
    rng = random.Random(14)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    seen = set()
    for _round in range(60):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), "old text\n", "new text\n"],
                                 stdout=subprocess.PIPE, env=env)
        assert child.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0, 0.03))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        text = path.read_text(encoding="utf-8")
        assert text in (old, new)  # never half of each
        seen.add(text)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
        sweep_stale_temps(path)  # what the next save does first
        assert leftovers(tmp_path) == []
    assert seen == {old, new}  # the saves went through between the kills
