#!/bin/sh
# Refresh the Japanese translation source from the code, then compile it for the app.
# Edit translations in assets/i18n/xviz_ja.ts (Qt Linguist: .venv/bin/pyside6-linguist), then run this again.
set -e
cd "$(dirname "$0")/../.."
.venv/bin/pyside6-lupdate xviz/ui/*.py -ts assets/i18n/xviz_ja.ts -target-language ja_JP -no-obsolete
.venv/bin/pyside6-lrelease assets/i18n/xviz_ja.ts -qm xviz/ui/i18n/xviz_ja.qm
