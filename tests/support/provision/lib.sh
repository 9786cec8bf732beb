# shellcheck shell=bash
# Shared helpers for the provisioning scripts (source it after `set -euo pipefail`).

# Without this, `x=$(f)` runs f with errexit off, so a failing command inside f goes unnoticed.
shopt -s inherit_errexit

BERTH_PROVISION_CACHE=${BERTH_PROVISION_CACHE:-/var/cache/berth-provision}

log() { printf '[provision] %s\n' "$*" >&2; }

die() {
  printf '[provision] ERROR: %s\n' "$*" >&2
  exit 1
}

need_cmd() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found on PATH (run tests/support/provision/apt-packages.sh first)"
  done
}

# The Debian mirror the system's apt already uses (only Debian's repositories are reachable),
# read from deb822 .sources files or one-line .list files; deb.debian.org if none names one.
debian_mirror() {
  local uri
  uri=$(
    {
      grep -hsE '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources | sed -E 's/^[[:space:]]*URIs:[[:space:]]*//' | tr ' ' '\n'
      grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
        sed -E 's/\[[^]]*\]//; s/^[[:space:]]*deb[[:space:]]+//; s/[[:space:]].*//'
    } | grep -E '^https?://[^ ]*/debian/?$' | head -n 1
  ) || true
  printf '%s\n' "${uri:-http://deb.debian.org/debian}"
}

# Fetches one .deb into DEST_DIR with the system's apt sources (refreshing lists once if needed).
apt_download() {
  local pkg=$1 dest=$2
  mkdir -p "$dest"
  if ! (cd "$dest" && apt-get -qq -oAPT::Sandbox::User=root download "$pkg") >/dev/null 2>&1; then
    log "apt-get download $pkg failed; refreshing the package lists once"
    apt-get -qq update >/dev/null
    (cd "$dest" && apt-get -qq -oAPT::Sandbox::User=root download "$pkg") >/dev/null
  fi
  find "$dest" -maxdepth 1 -name "${pkg}_*.deb" -print | sort | tail -n 1
}
