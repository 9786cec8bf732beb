#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Creates the unprivileged account the remote-engine tests log in as over their private sshd to prove that a user
# outside the docker group gets a clear "permission denied on the Docker socket" (tests/integration/remote).
# No home directory, /bin/sh, password field "*" (no password login, but not "locked": sshd's key auth works).
# Idempotent: an existing account is left as it is.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$HERE/lib.sh"

USER_NAME=${BERTH_SSH_TEST_USER:-berth-ssh-user}

main() {
  if id "$USER_NAME" >/dev/null 2>&1; then
    log "user $USER_NAME already exists"
    return 0
  fi
  ((EUID == 0)) || die "need root to create user $USER_NAME"
  need_cmd useradd
  useradd --system --no-create-home --home-dir /nonexistent --shell /bin/sh --password '*' "$USER_NAME"
  log "created user $USER_NAME (not in the docker group)"
}

main "$@"
