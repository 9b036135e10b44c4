#!/usr/bin/env bash
# Sets up what is missing, builds, loads the demo branch on first run, and starts the app.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/setup.sh
echo "== 构建界面"
(cd ui && npm run build --silent)
echo "== 构建程序"
cargo build -p zhibu
bin="$root/target/debug/zhibu"
# First run: the fictional demo branch, so there is something to look at.
"$bin" demo load --if-empty "$@"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "没有图形界面 (DISPLAY 未设置)，无法打开窗口。在桌面上运行，或用 xvfb-run 运行。" >&2
  exit 1
fi
exec "$bin" "$@"
