"""The desktop workbench (PySide6). The only package of xviz that imports Qt."""
