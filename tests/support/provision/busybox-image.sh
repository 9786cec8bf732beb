#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Builds the integration tests' image, berth-test-busybox:latest, from Debian's busybox-static .deb
# (no registry pull): a rootfs of the static busybox, a /bin link per applet, /etc/passwd and
# /etc/group with root and nobody, /tmp and /root; then `docker import`. Skips an existing image
# unless BERTH_REBUILD_IMAGE=1.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

IMAGE=${BERTH_TEST_IMAGE:-berth-test-busybox:latest}

find_deb() {
  local deb='' dir
  local -a dirs=()
  for dir in /var/cache/apt/archives "$BERTH_PROVISION_CACHE/debs"; do
    [[ -d $dir ]] && dirs+=("$dir")
  done
  ((${#dirs[@]} == 0)) || deb=$(find "${dirs[@]}" -maxdepth 1 -name 'busybox-static_*.deb' -print | sort -V | tail -n 1)
  [[ -n $deb ]] || deb=$(apt_download busybox-static "$BERTH_PROVISION_CACHE/debs")
  [[ -n $deb ]] || die "could not find or download busybox-static's .deb"
  printf '%s\n' "$deb"
}

build_rootfs() {
  local deb=$1 root=$2 extracted=$3 applet
  dpkg -x "$deb" "$extracted"
  [[ -x $extracted/bin/busybox ]] || die "$deb has no bin/busybox"
  mkdir -p "$root"/{bin,etc,root,tmp,usr,proc,sys,dev}
  chmod 1777 "$root/tmp"
  chmod 0700 "$root/root"
  install -m 0755 "$extracted/bin/busybox" "$root/bin/busybox"
  # Everything lives in /bin; the other usual PATH directories point at it.
  ln -s bin "$root/sbin"
  ln -s ../bin "$root/usr/bin"
  ln -s ../bin "$root/usr/sbin"
  while read -r applet; do
    [[ -n $applet && $applet != busybox && ! -e $root/bin/$applet ]] || continue
    ln -s busybox "$root/bin/$applet"
  done < <("$root/bin/busybox" --list)
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$root/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nobody:x:65534:' >"$root/etc/group"
}

verify() {
  local out
  out=$(docker run --rm --network none "$IMAGE" sh -c \
    'echo ok; wget --help >/dev/null 2>&1 && nc --help >/dev/null 2>&1 && httpd --help >/dev/null 2>&1 && id nobody >/dev/null && test -d /tmp && echo tools-ok') ||
    die "$IMAGE does not run: $out"
  [[ $out == $'ok\ntools-ok' ]] || die "$IMAGE self-check printed: $out"
}

main() {
  need_cmd docker dpkg tar
  if [[ ${BERTH_REBUILD_IMAGE:-0} != 1 ]] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
    log "$IMAGE already exists"
    return 0
  fi
  local deb work version
  deb=$(find_deb)
  version=$(dpkg-deb -f "$deb" Version)
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # expand $work now: it is local
  trap "rm -rf '$work'" EXIT
  build_rootfs "$deb" "$work/rootfs" "$work/deb"
  log "importing $IMAGE from $(basename "$deb") ($(find "$work/rootfs/bin" -type l | wc -l) applet links)"
  tar --numeric-owner --owner=0 --group=0 -C "$work/rootfs" -c . |
    docker import --change 'CMD ["sh"]' --change "LABEL org.berth.busybox-static=$version" - "$IMAGE" >/dev/null
  verify
  log "$IMAGE built and checked"
}

main "$@"
