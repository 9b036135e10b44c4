#!/usr/bin/env bash
# Installs the .deb on this machine the way a secretary would
# (apt install ./file.deb), checks what it put where, runs an end-to-end
# flow against the installed app, removes it, and checks the user's data is
# still there. Needs root (or sudo).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
deb="${1:?usage: tests/deb-test.sh path/to/zhibu.deb}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
pkg="$(dpkg-deb -f "$deb" Package)"
echo "== 安装 $deb (package $pkg, $(du -h "$deb" | cut -f1))"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" >/dev/null
trap '$SUDO apt-get remove -y -qq "$pkg" >/dev/null 2>&1 || true' EXIT

bin=/usr/bin/zhibu
test -x "$bin" || { echo "not installed at $bin" >&2; exit 1; }
desktop="$(dpkg -L "$pkg" | grep '\.desktop$' | head -1)"
grep -q '^Name=支部台账' "$desktop" || { echo "desktop entry without the Chinese name: $desktop" >&2; cat "$desktop" >&2; exit 1; }
dpkg -L "$pkg" | grep -q '/icons/hicolor/.*\.png$' || { echo "no icon installed" >&2; exit 1; }
dpkg-deb -f "$deb" Depends | grep -q 'fonts-noto-cjk' || { echo "fonts-noto-cjk not declared" >&2; exit 1; }
"$bin" --version | grep -q "$(dpkg-deb -f "$deb" Version)" || { echo "version mismatch" >&2; exit 1; }

# The installed app writes only into the user's data folder.
home="$(mktemp -d)"
HOME="$home" XDG_DATA_HOME="" "$bin" demo load >/dev/null
data="$home/.local/share/cn.zhibu.taizhang"
test -f "$data/zhibu.sqlite3" || { echo "no database in $data" >&2; exit 1; }

echo "== 端到端测试：已安装的程序"
ZHIBU_BIN="$bin" bash tests/run-e2e.sh --exact loading_the_demo_branch_shows_about_forty_members_with_masked_ids 2>&1 | tee /tmp/zhibu-deb-e2e.log
grep -q "test loading_the_demo_branch_shows_about_forty_members_with_masked_ids ... ok" /tmp/zhibu-deb-e2e.log || { echo "the flow did not pass against the installed app" >&2; exit 1; }

echo "== 卸载"
$SUDO apt-get remove -y -qq "$pkg" >/dev/null
trap - EXIT
test ! -e "$bin" || { echo "$bin still there after removal" >&2; exit 1; }
test -f "$data/zhibu.sqlite3" || { echo "removal deleted the user's data" >&2; exit 1; }
echo "安装、运行、卸载都正常；卸载后用户数据仍在 $data"
rm -rf "$home"
