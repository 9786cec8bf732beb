#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Installs the Compose v2 CLI plugin for the interop tests: Debian trixie's docker-compose (2.26,
# a static Go binary) copied to ~/.docker/cli-plugins. Uses its own apt sources/state/cache
# under $BERTH_PROVISION_CACHE so the system's apt configuration is never changed.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

WANT_VERSION=${BERTH_COMPOSE_VERSION:-2.26}
PLUGIN_DIR=${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins
WORK=$BERTH_PROVISION_CACHE/trixie-apt

compose_version() { docker compose version --short 2>/dev/null | sed 's/^v//' || true; }

has_wanted_version() { [[ $(compose_version) == "$WANT_VERSION".* ]]; }

trixie_apt() {
  apt-get -q \
    -oDir::Etc::SourceList="$WORK/sources.list" -oDir::Etc::SourceParts=/dev/null \
    -oDir::Etc::Preferences=/dev/null -oDir::Etc::PreferencesParts=/dev/null \
    -oDir::State::Lists="$WORK/lists" -oDir::Cache="$WORK/cache" \
    -oAPT::Sandbox::User=root "$@"
}

fetch_deb() {
  mkdir -p "$WORK/lists/partial" "$WORK/cache/archives/partial" "$WORK/debs"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie main\n' \
    "$(debian_mirror)" >"$WORK/sources.list"
  log "fetching docker-compose from $(debian_mirror) trixie"
  trixie_apt update >/dev/null
  rm -f "$WORK"/debs/docker-compose_*.deb
  (cd "$WORK/debs" && trixie_apt download docker-compose >/dev/null)
  find "$WORK/debs" -maxdepth 1 -name 'docker-compose_*.deb' -print | head -n 1
}

install_plugin() {
  local deb=$1 tree
  tree=$(mktemp -d)
  dpkg -x "$deb" "$tree"
  [[ -x $tree/usr/libexec/docker/cli-plugins/docker-compose ]] || die "$deb has no usr/libexec/docker/cli-plugins/docker-compose"
  mkdir -p "$PLUGIN_DIR"
  install -m 0755 "$tree/usr/libexec/docker/cli-plugins/docker-compose" "$PLUGIN_DIR/docker-compose.tmp"
  mv -f "$PLUGIN_DIR/docker-compose.tmp" "$PLUGIN_DIR/docker-compose"
  rm -rf "$tree"
}

main() {
  need_cmd docker apt-get dpkg
  if has_wanted_version; then
    log "docker compose $(compose_version) already installed"
    return 0
  fi
  local deb
  deb=$(fetch_deb)
  [[ -n $deb ]] || die "apt-get download docker-compose (trixie) produced no .deb"
  install_plugin "$deb"
  has_wanted_version || die "docker compose reports '$(compose_version)', wanted $WANT_VERSION.x (from $deb)"
  log "installed $PLUGIN_DIR/docker-compose: $(docker compose version)"
}

main "$@"
