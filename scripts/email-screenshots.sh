#!/usr/bin/env bash
# Redraws docs/screenshots/email-*.png: the activation and invitation emails of the realm's email theme,
# ceres-dsfr, as a browser shows them, 700 px wide and 375 px wide (-mobile). The HTML comes from the themes'
# tests (EmailLayoutTest writes themes/target/email-previews/), so run `mvn -B verify -pl themes` first.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
previews=themes/target/email-previews/ceres-dsfr
for email in activation invitation; do
    page="$previews/email-$email.html"
    [[ -f "$page" ]] || { echo "no $page: run mvn -B verify -pl themes first" >&2; exit 1; }
    for size in 700:"" 375:-mobile; do
        chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size="${size%%:*},900" \
            --screenshot="docs/screenshots/email-$email${size#*:}.png" "file://$PWD/$page"
    done
done
