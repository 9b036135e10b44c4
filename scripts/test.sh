#!/usr/bin/env bash
# Runs every test: the gates first (cargo fmt --check, ESLint, clippy with
# warnings as errors), core and command tests (cargo), UI unit tests (Vitest),
# end-to-end tests of the real app under Xvfb, and the .deb built, installed,
# run and removed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export ZHIBU_SETUP_TEST=1
source scripts/setup.sh

echo "== 代码格式与界面代码检查 (cargo fmt, ESLint)"
cargo fmt --all --check
(cd ui && npm run lint --silent)
echo "== 界面单元测试 (Vitest)"
(cd ui && npm test --silent)
echo "== 构建界面"
(cd ui && npm run build --silent)
echo "== Rust 代码检查 (clippy，警告即失败)"
cargo clippy --workspace --all-targets -- -D warnings
echo "== 核心与命令测试 (cargo test)"
cargo test --workspace --exclude zhibu-e2e
echo "== 性能基准的冒烟运行 (小规模，只查基准程序能跑，不计时；见 docs/PERFORMANCE.md)"
ZHIBU_BENCH_SMOKE=1 cargo test -p zhibu-core --benches
echo "== 端到端测试 (Xvfb + WebKitWebDriver)"
cargo build -p zhibu
bash tests/run-e2e.sh
echo "== 安装包：构建 .deb，安装，运行，卸载"
deb="$(bash scripts/release.sh)"
bash tests/deb-test.sh "$deb"
