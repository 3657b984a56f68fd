#!/usr/bin/env bash
# Refresh the Japanese translation source from the code, then compile it next to the code.
# New strings come in as "unfinished": translate them in xviz_ja.ts (pyside6-linguist, or by hand).
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/pyside6-lupdate -no-obsolete xviz/ui/*.py -ts assets/i18n/xviz_ja.ts
.venv/bin/pyside6-lrelease assets/i18n/xviz_ja.ts -qm xviz/ui/i18n/xviz_ja.qm
