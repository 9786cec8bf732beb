#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds berth-test-glibc:latest: the busybox test image plus Debian's libc6, so programs linked against glibc run
# in it — what a GPU helper needs, since the NVIDIA runtime injects a glibc-linked nvidia-smi into the container.
# No registry: the busybox image's files (docker export) and libc6's .deb (apt-get download), then `docker import`.
# Skips an existing image unless BERTH_REBUILD_IMAGE=1. Run busybox-image.sh first.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

IMAGE=${BERTH_TEST_GLIBC_IMAGE:-berth-test-glibc:latest}
BASE=${BERTH_TEST_IMAGE:-berth-test-busybox:latest}

find_libc_deb() {
  local deb=''
  deb=$(find /var/cache/apt/archives "$BERTH_PROVISION_CACHE/debs" -maxdepth 1 -name 'libc6_*_amd64.deb' -print 2>/dev/null | sort -V | tail -n 1) || true
  [[ -n $deb ]] || deb=$(apt_download libc6 "$BERTH_PROVISION_CACHE/debs")
  [[ -n $deb ]] || die "could not find or download libc6's .deb"
  printf '%s\n' "$deb"
}

main() {
  need_cmd docker dpkg tar
  if [[ ${BERTH_REBUILD_IMAGE:-0} != 1 ]] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
    log "$IMAGE already exists"
    return 0
  fi
  docker image inspect "$BASE" >/dev/null 2>&1 || die "$BASE is missing: run busybox-image.sh first"
  local deb work container version
  deb=$(find_libc_deb)
  version=$(dpkg-deb -f "$deb" Version)
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # expand $work now: it is local
  trap "rm -rf '$work'" EXIT
  mkdir "$work/rootfs"
  container=$(docker create "$BASE" true)
  docker export "$container" | tar -x -C "$work/rootfs"
  docker rm "$container" >/dev/null
  dpkg -x "$deb" "$work/rootfs"
  log "importing $IMAGE: $BASE + libc6 $version"
  tar --numeric-owner --owner=0 --group=0 -C "$work/rootfs" -c . |
    docker import --change 'CMD ["sh"]' --change "LABEL org.berth.glibc=$version" - "$IMAGE" >/dev/null
  docker run --rm --network none "$IMAGE" /lib64/ld-linux-x86-64.so.2 --version | head -n 1 | grep -q 'GLIBC' ||
    die "$IMAGE: the glibc loader does not run"
  log "$IMAGE built and checked"
}

main "$@"
