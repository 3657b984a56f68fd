"""Files and inputs a user can trust: shared input limits, bounded reading, and saving that never
loses a byte. Plain Python (no Qt): the commands, the scenario loader and the window all use it."""
from xviz.files.limits import LimitError
from xviz.files.reading import Fingerprint, fingerprint, read_limited, read_text_file
from xviz.files.safe_save import ChangedOnDisk, ReadOnlyFile, SaveRefused, UnencodableText, save_atomically

__all__ = ["ChangedOnDisk", "Fingerprint", "LimitError", "ReadOnlyFile", "SaveRefused", "UnencodableText",
           "fingerprint", "read_limited", "read_text_file", "save_atomically"]
