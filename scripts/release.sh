#!/usr/bin/env bash
# Builds the release .deb for Debian 12 / UOS / Kylin (tauri's bundler, from
# the npm package @tauri-apps/cli in ui/): prints the path of the .deb.
#   bash scripts/release.sh
# The Windows installer is built on Windows; see README.md "Building for Windows".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/setup.sh
echo "== 构建界面" >&2
(cd ui && npm run build --silent) >&2
echo "== 构建安装包 (.deb)" >&2
ui/node_modules/.bin/tauri build --bundles deb --ci >&2
ls -1 "$root"/target/release/bundle/deb/*.deb | tail -1
