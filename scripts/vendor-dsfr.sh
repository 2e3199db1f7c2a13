#!/usr/bin/env bash
# Refreshes the State design system's files that the ceres-dsfr login theme serves, from the npm package
# @gouvfr/dsfr at the pinned version below. Only this script needs npm: the copied files are committed, so
# building and running the bundle never needs Node. Run it after changing the version or the component list,
# then look at the pages (the screenshots the end-to-end tests write) before committing.
set -euo pipefail

DSFR_VERSION=1.15.3
# The DSFR components the templates use (one folder each under dist/component/).
COMPONENTS=(skiplink logo header footer translate navigation link button form input password checkbox radio select
    alert notice callout badge tag card table modal upload)
# Icons the theme's own stylesheet or markup uses, beside those the components' stylesheets reference.
EXTRA_ICONS=(arrows/arrow-left-line system/settings-5-line business/mail-line user/user-add-line)

cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=themes/src/main/resources/theme/ceres-dsfr/login/resources/dsfr
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@gouvfr/dsfr@$DSFR_VERSION" >/dev/null && tar xzf gouvfr-dsfr-*.tgz)
dist="$work/package/dist"

rm -rf "$target"
mkdir -p "$target/core" "$target/fonts"
cp "$work/package/LICENSE.md" "$target/"
cp "$dist/core/core.min.css" "$dist/core/core.module.min.js" "$target/core/"
for component in "${COMPONENTS[@]}"; do
    mkdir -p "$target/component/$component"
    cp "$dist/component/$component/$component.min.css" "$target/component/$component/"
    if [ -f "$dist/component/$component/$component.module.min.js" ]; then
        cp "$dist/component/$component/$component.module.min.js" "$target/component/$component/"
    fi
done
mkdir -p "$target/favicon"
cp "$dist/favicon/favicon.svg" "$dist/favicon/favicon.ico" "$target/favicon/"
# Browsers that run the theme's scripts read woff2: the woff fallbacks the stylesheet also names are never fetched.
cp "$dist"/fonts/Marianne-*.woff2 "$target/fonts/"

icons=$(cat "$target"/core/*.css "$target"/component/*/*.css | grep -o 'url([./]*icons/[^)]*)' \
    | sed -E 's#url\([./]*icons/([^)]*)\)#\1#' | sort -u)
for icon in $icons "${EXTRA_ICONS[@]/%/.svg}"; do
    mkdir -p "$target/icons/$(dirname "$icon")"
    cp "$dist/icons/$icon" "$target/icons/$icon"
done

echo "$DSFR_VERSION" > "$target/VERSION"
echo "DSFR $DSFR_VERSION: $(find "$target" -type f | wc -l) files, $(du -sh "$target" | cut -f1) in $target"
