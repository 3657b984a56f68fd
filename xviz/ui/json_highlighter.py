"""JSON syntax colours from pygments, applied one line (text block) at a time.

JSON strings cannot span lines, so lexing each block alone gives the same tokens as lexing the
whole document, and Qt only re-highlights the lines that changed.
"""
from __future__ import annotations

from pygments.lexers.data import JsonLexer
from pygments.token import Error, Keyword, Name, Number, Punctuation, String, Token
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from xviz.ui.text_index import Utf16Map
from xviz.ui.theme import Colors


class JsonHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, colors: Colors):
        super().__init__(document)
        self._lexer = JsonLexer()
        self._formats: list[tuple[object, QTextCharFormat]] = []
        self.set_colors(colors)

    def set_colors(self, colors: Colors) -> None:
        def fmt(color: str, bold: bool = False) -> QTextCharFormat:
            f = QTextCharFormat()
            f.setForeground(QColor(color))
            if bold:
                f.setFontWeight(QFont.Weight.Bold)
            return f

        error = QTextCharFormat()
        error.setForeground(QColor(colors.error))
        # Most specific first: Name.Tag (object keys) before the generic String.
        self._formats = [
            (Name.Tag, fmt(colors.json_key)),
            (String, fmt(colors.json_string)),
            (Number, fmt(colors.json_number)),
            (Keyword.Constant, fmt(colors.json_constant, bold=True)),
            (Punctuation, fmt(colors.json_punctuation)),
            (Error, error),
        ]
        self.rehighlight()

    def _format_for(self, token_type) -> QTextCharFormat | None:
        for parent, fmt in self._formats:
            if token_type in parent:
                return fmt
        return None

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        positions = Utf16Map(text)
        for index, token_type, value in self._lexer.get_tokens_unprocessed(text):
            if token_type in Token.Text or token_type in Token.Whitespace:
                continue
            fmt = self._format_for(token_type)
            if fmt is not None:
                start = positions.to_qt(index)
                self.setFormat(start, positions.to_qt(index + len(value)) - start, fmt)
