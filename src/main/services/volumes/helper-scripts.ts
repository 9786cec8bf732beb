import { MOUNT_ROOT } from './volume-path';

/**
 * Shell snippets helpers run. They use only what busybox and GNU coreutils share (POSIX sh, find, stat -c,
 * readlink, realpath without options), so any image with a shell works. Paths always start with /v, so no
 * argument can be mistaken for an option. Exit codes tell the service what went wrong without parsing text.
 */
export const EXIT = { notFound: 3, escapes: 4, notDirectory: 5, exists: 6, notEmpty: 7 } as const;

/** `$1` → `$r`: the path with every symlink resolved, refused unless it stays inside the mount root. */
const RESOLVE = `
[ -e "$1" ] || [ -L "$1" ] || exit ${EXIT.notFound}
r=$(realpath "$1") || exit ${EXIT.notFound}
case "$r" in ${MOUNT_ROOT}|${MOUNT_ROOT}/*) ;; *) exit ${EXIT.escapes};; esac
[ -e "$r" ] || exit ${EXIT.notFound}
`;

/**
 * Lists a directory: the resolved path, NUL; one `stat` line per entry (raw mode in hex, size, mtime, path); NUL.
 * Link targets come from READ_LINKS, only when there are symlinks: a second `find -type l` pass would cost a
 * third more on a 100,000-entry directory.
 */
export const LIST_DIRECTORY = `${RESOLVE}
[ -d "$r" ] || exit ${EXIT.notDirectory}
printf '%s\\0' "$r"
find "$r" -mindepth 1 -maxdepth 1 -exec stat -c '%f %s %Y %n' {} +
printf '\\0'
exit 0
`;

/** NUL-separated (path, link target) pairs for the symlinks given as arguments: newline-safe. */
export const READ_LINKS = `for f do printf '%s\\0%s\\0' "$f" "$(readlink "$f")"; done`;

/** Prints the resolved path, NUL, and `stat` of it (same format as a listing line). */
export const STAT_PATH = `${RESOLVE}
printf '%s\\0' "$r"
stat -c '%f %s %Y %n' "$r"
`;

/** The size of a regular file on one line, then its first `$2` bytes. */
export const READ_HEAD = `${RESOLVE}
[ -f "$r" ] || exit ${EXIT.notDirectory}
stat -c '%s' "$r"
head -c "$2" "$r"
`;

/** Total size of a directory tree in KiB (du -sk is the one form busybox and GNU agree on). */
export const DISK_USAGE = `${RESOLVE}
du -sk "$r" | cut -f1
`;

/** Creates directory \`$2\` in \`$1\` (which must resolve inside the root; the service checks the name). */
export const MAKE_DIRECTORY = `${RESOLVE}
[ -d "$r" ] || exit ${EXIT.notDirectory}
[ -e "$r/$2" ] || [ -L "$r/$2" ] && exit ${EXIT.exists}
mkdir "$r/$2"
`;

/** Renames \`$1\` (not resolved: a symlink is renamed, not its target) to \`$2\` in the same directory. */
export const RENAME = `
[ -e "$1" ] || [ -L "$1" ] || exit ${EXIT.notFound}
d=$(realpath "$(dirname "$1")")
case "$d" in ${MOUNT_ROOT}|${MOUNT_ROOT}/*) ;; *) exit ${EXIT.escapes};; esac
[ -e "$d/$2" ] || [ -L "$d/$2" ] && exit ${EXIT.exists}
mv "$d/$(basename "$1")" "$d/$2"
`;

/** Deletes \`$1\` (a symlink itself, never its target), recursively for directories. */
export const REMOVE = `
[ -e "$1" ] || [ -L "$1" ] || exit ${EXIT.notFound}
d=$(realpath "$(dirname "$1")")
case "$d" in ${MOUNT_ROOT}|${MOUNT_ROOT}/*) ;; *) exit ${EXIT.escapes};; esac
rm -rf "$d/$(basename "$1")"
`;

/** Creates the staging directory \`$1\` for an upload (it must not exist yet). */
export const MAKE_STAGING = `mkdir "$1"`;

/**
 * Moves each staged entry \`$1/NAME\` into \`$2\` (resolved inside the root), refusing to replace anything unless
 * \`$3\` is "overwrite"; then removes the staging directory. Each mv is a rename on one filesystem: atomic.
 */
export const COMMIT_STAGING = `
s=$1; shift
${RESOLVE}
[ -d "$r" ] || exit ${EXIT.notDirectory}
for f in "$s"/* "$s"/.[!.]* "$s"/..?*; do
  [ -e "$f" ] || [ -L "$f" ] || continue
  n=$(basename "$f")
  if [ -e "$r/$n" ] || [ -L "$r/$n" ]; then
    [ "$2" = overwrite ] || exit ${EXIT.exists}
    rm -rf "$r/$n"
  fi
  mv "$f" "$r/$n" || exit 1
done
rm -rf "$s"
`;

/** Removes a staging directory left by a failed upload. */
export const REMOVE_STAGING = `rm -rf "$1"`;

/** Exits ${EXIT.exists} when any of \`$2…\` (names) exists in directory \`$1\`. */
export const ANY_EXISTS = `
${RESOLVE}
shift
for n do
  [ -e "$r/$n" ] || [ -L "$r/$n" ] && exit ${EXIT.exists}
done
exit 0
`;

export function shellCommand(script: string, args: string[]): string[] {
  return ['/bin/sh', '-c', script, 'berth', ...args];
}
