"""Fill unfinished entries of xviz_ja.ts from `NEW` (source -> Japanese), then compile with update.sh.

Usage: .venv/bin/python assets/i18n/translate.py  (edit NEW first). Keeps the file's XML as lupdate
writes it apart from the filled translations."""
import re
import sys
from html import escape
from pathlib import Path

TS = Path(__file__).with_name("xviz_ja.ts")
NEW = {
    "Who am I now:": "現在の自分は：",
    "The same call with the AWS CLI:": "AWS CLI で同じ呼び出しをするには：",
    "What if: {0}": "もしも：{0}",
    "The diagrams appear as soon as the scenario loads: fix the problem shown above.":
        "シナリオを読み込めるようになると図が表示されます。上に示した問題を修正してください。",
}


def main() -> int:
    text = TS.read_text(encoding="utf-8")
    filled = 0
    for source, japanese in NEW.items():
        pattern = re.compile(r"(<source>" + re.escape(escape(source, quote=False)) +
                             r"</source>\s*)<translation type=\"unfinished\">[^<]*</translation>")
        text, count = pattern.subn(lambda m: m.group(1) + f"<translation>{escape(japanese, quote=False)}</translation>",
                                   text)
        filled += count
    TS.write_text(text, encoding="utf-8")
    print(f"filled {filled} translation(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
