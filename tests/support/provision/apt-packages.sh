#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Installs the Debian packages CI needs (extra names on the command line are added). Does nothing,
# quickly, when all are installed; otherwise runs `apt-get update` once and one install.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

PACKAGES=(
  ca-certificates curl git procps time
  docker.io docker-registry busybox-static
  # e2e: Chromium for the web suite, Xvfb (xvfb-run needs xauth) for Electron, fonts for readable text
  chromium xvfb xauth fonts-liberation fonts-dejavu-core
  # remote engines: a private sshd in front of the engine, TLS certificates, a Podman socket; swarm in a netns
  openssh-server openssh-client openssl podman iproute2 util-linux
)

missing_packages() {
  local pkg
  for pkg in "$@"; do
    [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null) == "ii "* ]] || printf '%s\n' "$pkg"
  done
}

# Package scripts must not start daemons (docker.io's dockerd, docker-registry on :5000 with auth):
# docker-engine.sh and registry.sh start their own, configured for this machine.
block_service_starts() {
  [[ -e /usr/sbin/policy-rc.d ]] && return 0
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod 0755 /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
}

main() {
  local -a missing
  mapfile -t missing < <(missing_packages "${PACKAGES[@]}" "$@")
  if ((${#missing[@]} == 0)); then
    log "all ${#PACKAGES[@]} Debian packages already installed"
    return 0
  fi
  ((EUID == 0)) || die "need root to install: ${missing[*]}"
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  block_service_starts
  apt-get -q -oDPkg::Lock::Timeout=300 update
  apt-get -q -oDPkg::Lock::Timeout=300 install -y --no-install-recommends \
    -oDpkg::Options::=--force-confdef -oDpkg::Options::=--force-confold "${missing[@]}"
  mapfile -t missing < <(missing_packages "${PACKAGES[@]}" "$@")
  ((${#missing[@]} == 0)) || die "still not installed after apt-get install: ${missing[*]}"
}

main "$@"
