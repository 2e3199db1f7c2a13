#!/usr/bin/env bash
# Refreshes the ALTCHA widget of the sign-up page (the captcha, signup.captcha) from the npm package at the pinned
# version: its one-file build (script, styles and workers together) and its licence. The files are committed, so
# neither the build nor the run command needs Node; only this script does (npm), when the version changes.
#
#   bash scripts/vendor-altcha.sh
#
# 3.2.2 speaks ALTCHA's second protocol and still takes the first one, which the server's Java library
# (org.altcha:altcha 1.3.0) makes and checks: a challenge with "maxnumber" is solved and answered in that protocol.
set -euo pipefail

VERSION=3.2.2
cd "$(dirname "$0")/.."
DEST=themes/src/main/resources/theme/ceres/login/resources/vendor/altcha

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "altcha@$VERSION" >/dev/null && tar -xzf "altcha-$VERSION.tgz")

rm -rf "$DEST"
mkdir -p "$DEST"
cp "$work/package/dist/main/altcha.min.js" "$DEST/altcha.min.js"
cp "$work/package/LICENSE.txt" "$DEST/LICENSE.txt"
echo "altcha $VERSION (npm), dist/main/altcha.min.js; refreshed by scripts/vendor-altcha.sh" > "$DEST/VERSION"
echo "ALTCHA widget $VERSION in $DEST"
