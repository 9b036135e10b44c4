#!/usr/bin/env bash
# Installs what building and testing 支部台账 needs on Debian 12 (or UOS/Kylin),
# only where it is missing. Sourced by start.sh and test.sh.
set -euo pipefail

need_pkgs=(build-essential pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
  libjavascriptcoregtk-4.1-dev librsvg2-dev libssl-dev fonts-noto-cjk)
if [ "${ZHIBU_SETUP_TEST:-0}" = 1 ]; then
  # Xvfb and the WebDriver for the end-to-end tests; LibreOffice and poppler
  # to render the workbooks to PDF and check their pages; xdotool to press
  # 打印 in the real window and find the print dialog.
  need_pkgs+=(xvfb xauth x11-utils xdotool webkit2gtk-driver libreoffice-calc poppler-utils)
fi

missing=()
for p in "${need_pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== 安装系统软件包: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "没有找到 Rust 工具链 (cargo)。请先按 https://rustup.rs 的说明安装 Rust 1.80 或更新版本，再运行本命令。" >&2
  exit 1
fi
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "需要 Node.js 20 或更新版本（用来构建界面）。请安装后再运行本命令。" >&2
  exit 1
fi

# The UI is embedded into the binary at compile time: build it first.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stamp="$root/ui/node_modules/.zhibu-lock-hash"
want="$(sha256sum "$root/ui/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "== npm ci"
  (cd "$root/ui" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi
