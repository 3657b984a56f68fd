"""xviz: see and play with how AWS accounts reach each other."""

__version__ = "0.1.0"
