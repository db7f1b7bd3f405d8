#!/usr/bin/env bash
# Installs the pinned reference warg-server and warg CLI into a cache outside the clone.
# Reused when present; the first build takes many minutes on 2 cores.
set -euo pipefail
WARG_VERSION=0.10.0
root="${PKGAPI_CACHE:-$HOME/.cache/pkgapi}/warg-$WARG_VERSION"
if [ -x "$root/bin/warg-server" ] && [ -x "$root/bin/warg" ]; then
  echo "warg $WARG_VERSION: cached in $root"
  exit 0
fi
if ! command -v cargo >/dev/null; then
  echo "warg $WARG_VERSION: cargo is not installed; install Rust (rustup) to run the interop tests" >&2
  exit 1
fi
# warg-protobuf's build script runs protoc.
if ! command -v protoc >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && apt-get install -y -qq protobuf-compiler >/dev/null
fi
export CARGO_TARGET_DIR="$root/target"
start=$(date +%s)
for crate in warg-server warg-cli; do
  cargo install --locked --quiet --version "$WARG_VERSION" --root "$root" "$crate"
done
rm -rf "$CARGO_TARGET_DIR"
echo "warg $WARG_VERSION: installed in $root in $(( $(date +%s) - start )) s"
