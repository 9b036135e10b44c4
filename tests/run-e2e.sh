#!/usr/bin/env bash
# End-to-end tests: the real app binary under Xvfb, driven through
# WebKitWebDriver. Xvfb and the driver run in their own process groups and
# are killed on exit, pass or fail, with any app they started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  sleep 0.5
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  # Apps started by the driver may have left its group: end any still running from this tree.
  pkill -KILL -f "^$root/target/debug/zhibu" 2>/dev/null || true
  [ "${ZHIBU_BIN:-}" = /usr/bin/zhibu ] && pkill -KILL -f "^/usr/bin/zhibu" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# A display no other X server holds (two runs side by side must not share
# one: the native-dialog tests type into whatever window is on top).
for _ in $(seq 50); do
  display=":$(( 90 + RANDOM % 100 ))"
  xdpyinfo -display "$display" >/dev/null 2>&1 || [ -e "/tmp/.X11-unix/X${display#:}" ] || break
done
setsid Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
port=$(( 4500 + RANDOM % 1000 ))
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done

export DISPLAY="$display"
export TAURI_WEBVIEW_AUTOMATION=true
setsid WebKitWebDriver --port="$port" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

export WEBDRIVER_URL="http://127.0.0.1:$port"
export ZHIBU_BIN="${ZHIBU_BIN:-$root/target/debug/zhibu}"
cargo test -p zhibu-e2e -- --test-threads=1 "$@"
