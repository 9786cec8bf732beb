import { MOUNT_ROOT } from './volume-path';

/**
 * Shell scripts helper containers run. They use only what busybox and GNU coreutils share (POSIX sh, find, stat -c,
 * readlink, realpath, mv -T, tar), so any image with a shell works.
 *
 * Names are bytes and never make a shell round trip: the service passes every path component as a printf format
 * that spells each byte (see `helperArg`, so the exec arguments are plain ASCII), and `dec` turns it back into the
 * exact bytes in `$v` (the trailing "." keeps trailing newlines that `$(…)` would strip). Nothing is ever built by
 * joining a resolved path back into a string.
 *
 * A path is walked from the mount root one component at a time with `cd -P` (`go`), checking after each step,
 * with the kernel's own answer (`pwd -P`), that the shell is still inside the root: the working directory is then
 * held by the kernel, so a symlink swapped in later cannot move it. A final file is opened first and checked after
 * (`rd`: where fd 3 really points, from /proc), so what is read is the file that was checked. Exit codes tell the
 * service what went wrong without parsing text.
 */
export const EXIT = { notFound: 3, escapes: 4, notDirectory: 5, exists: 6, tampered: 8 } as const;

/** Berth's marker inside an upload staging directory: only directories that carry it are hidden or cleaned up. */
export const STAGING_PREFIX = '.berth-upload-';
export const STAGING_MARKER = '.berth-upload-owner';
export const STAGING_MARKER_TEXT = 'berth upload staging v1';
/** Staging directories are named with this many hex digits; nothing else is ever treated as one. */
export const STAGING_ID_DIGITS = 12;
const STAGING_GLOB = `./${STAGING_PREFIX}${'[0-9a-f]'.repeat(STAGING_ID_DIGITS)}`;

const PRELUDE = `
unset CDPATH
dec() { v=$(printf "$1."); v=\${v%.}; }
inside() { case $1 in ${MOUNT_ROOT}|${MOUNT_ROOT}/*) return 0;; esac; return 1; }
ins() { p=$(pwd -P && printf .) || exit 1; p=\${p%?.}; inside "$p" || exit ${EXIT.escapes}; }
fdin() { p=$(readlink "/proc/$$/fd/$1" && printf .) || exit 1; p=\${p%?.}; inside "$p" || exit ${EXIT.escapes}; }
out() { q=$(realpath "./$v" 2>/dev/null && printf .) || return 1; q=\${q%?.}; ! inside "$q"; }
step() {
  if [ -d "./$v" ]; then cd -P "./$v" 2>/dev/null || exit ${EXIT.notFound}; ins
  elif [ -e "./$v" ]; then out && exit ${EXIT.escapes}; exit ${EXIT.notDirectory}
  elif [ -L "./$v" ]; then out && exit ${EXIT.escapes}; exit ${EXIT.notFound}
  else exit ${EXIT.notFound}; fi
}
go() {
  cd -P ${MOUNT_ROOT} || exit 1
  r=$1
  while [ -n "$r" ]; do
    c=\${r%%/*}; case $r in */*) r=\${r#*/};; *) r=;; esac
    dec "$c"; step
  done
}
rd() {
  [ -e "./$v" ] || { [ -L "./$v" ] && out && exit ${EXIT.escapes}; exit ${EXIT.notFound}; }
  [ -f "./$v" ] || { out && exit ${EXIT.escapes}; exit ${EXIT.notDirectory}; }
  command exec 3< "./$v" || exit ${EXIT.notFound}
  fdin 3
  [ -f "/proc/$$/fd/3" ] || exit ${EXIT.notDirectory}
}
exists() { [ -e "./$v" ] || [ -L "./$v" ]; }
`;

/**
 * One `find -exec … {} +` batch of a listing: the count and the names ("./name", NUL-terminated), one `stat` line per
 * name then a NUL (when an entry vanished meanwhile: a "!" line, then the lines again one by one, "-" for it), then for each symlink its position (from 1) and target,
 * NUL-terminated, and an empty field. (Nothing per plain entry: each printf is a write, and a write a frame.) Names never appear inside the stat lines, so a newline in a name can't fake a record. (No single
 * quotes: it is embedded in LIST_DIRECTORY in single quotes.)
 */
const LIST_BATCH = `
printf "%s\\0" "$#" "$@"
stat -c "%f %s %Y" -- "$@" 2>/dev/null || { echo !; for f do stat -c "%f %s %Y" -- "$f" 2>/dev/null || echo -; done; }
printf "\\0"
i=0
for f do i=$((i + 1)); if [ -L "$f" ]; then t=$(readlink -- "$f" && printf .); printf "%s\\0%s\\0" "$i" "\${t%?.}"; fi; done
printf "\\0"
`;

/**
 * Lists directory `$1`: first the count and names of Berth's upload staging directories to hide (only at the root,
 * where uploads stage), then LIST_BATCH records until the end.
 */
export const LIST_DIRECTORY = `${PRELUDE}
go "$1"; ins
set --
if [ "$p" = ${MOUNT_ROOT} ]; then
  for d in ${STAGING_GLOB}; do
    [ -f "$d/${STAGING_MARKER}" ] && IFS= read -r l < "$d/${STAGING_MARKER}" && [ "$l" = "${STAGING_MARKER_TEXT}" ] && set -- "$@" "$d"
  done
fi
printf '%s\\0' "$#" "$@"
# An entry that vanishes between find's readdir and its lstat (a checkpoint rotated, a runtime's temp file) makes find
# exit 1; the listing is still whole for the directory as it now stands, so only an unreadable directory fails.
find . -mindepth 1 -maxdepth 1 -exec sh -c '${LIST_BATCH}' sh {} + 2>/dev/null || [ -r . ]
`;

/** What entry \`$2\` of directory \`$1\` is (the root when \`$2\` is empty): "d", or "f SIZE" for a regular file. */
export const STAT_ENTRY = `${PRELUDE}
go "$1"
[ -z "$2" ] && { echo d; exit 0; }
dec "$2"
if [ -d "./$v" ]; then cd -P "./$v" 2>/dev/null || exit ${EXIT.notFound}; ins; echo d; exit 0; fi
rd
printf 'f '; stat -L -c %s "/proc/$$/fd/3"
`;

/** The size of regular file \`$2\` in \`$1\` on one line, then its first \`$3\` bytes. */
export const READ_HEAD = `${PRELUDE}
go "$1"; dec "$2"; rd
stat -L -c %s "/proc/$$/fd/3"
head -c "$3" <&3
`;

/** The bytes of regular file \`$2\` in \`$1\`. */
export const READ_FILE = `${PRELUDE}
go "$1"; dec "$2"; rd
exec cat <&3
`;

/**
 * Directory \`$2\` of \`$1\` (or \`$1\` itself when \`$2\` is empty) as a tar, made from inside it (entries "./…"), so
 * nothing re-resolves its name meanwhile; the service puts the name in front (tar-prefix.ts).
 */
export const TAR_DIRECTORY = `${PRELUDE}
go "$1"
if [ -n "$2" ]; then
  dec "$2"
  [ -d "./$v" ] || { out && exit ${EXIT.escapes}; exit ${EXIT.notDirectory}; }
  cd -P "./$v" 2>/dev/null || exit ${EXIT.notFound}
  ins
fi
exec tar -cf - .
`;

/** Total size of directory \`$1\` in KiB (du -sk is the one form busybox and GNU agree on). */
export const DISK_USAGE = `${PRELUDE}
go "$1"
du -sk . | cut -f1
`;

/** Creates directory \`$2\` in \`$1\`. */
export const MAKE_DIRECTORY = `${PRELUDE}
go "$1"; dec "$2"
exists && exit ${EXIT.exists}
mkdir "./$v" && exit 0
exists && exit ${EXIT.exists}
exit 1
`;

/** Renames \`$2\` (a symlink itself, never its target) to \`$3\` in directory \`$1\`, never over an existing entry. */
export const RENAME = `${PRELUDE}
go "$1"; dec "$2"; o=$v; dec "$3"
[ -e "./$o" ] || [ -L "./$o" ] || exit ${EXIT.notFound}
exists && exit ${EXIT.exists}
mv -n -T "./$o" "./$v" || exit 1
[ -e "./$o" ] || [ -L "./$o" ] && exit ${EXIT.exists}
exit 0
`;

/** Deletes \`$2\` in \`$1\` (a symlink itself, never its target), recursively for directories. */
export const REMOVE = `${PRELUDE}
go "$1"; dec "$2"
exists || exit ${EXIT.notFound}
rm -rf -- "./$v"
`;

/** Exits ${EXIT.exists} when any of \`$2…\` (names) exists in directory \`$1\`. */
export const ANY_EXISTS = `${PRELUDE}
go "$1"; shift
for a do dec "$a"; exists && exit ${EXIT.exists}; done
exit 0
`;

/**
 * An upload, in one exec whose stdin is a tar. Arguments: parent, staging name, "overwrite" or "", the age in seconds
 * after which another upload's staging directory counts as abandoned, the expected file count and byte total, then
 * the top-level names.
 *
 * 1. Removes abandoned staging directories at the root: Berth's name pattern, its marker with its text, and a
 *    marker not touched for \`$4\` s (a running upload touches it four times as often), so a crash of the engine
 *    or the helper leaves nothing behind for long and no user file is ever taken for one.
 * 2. Makes a staging directory (held open as fd 5, so renaming it away can't redirect anything) and extracts stdin
 *    into it. If Berth dies the stream ends early, tar fails and the staging directory is removed.
 * 3. Checks what landed: only files and directories, as many files and bytes as were sent. A symlink swapped in
 *    during the extraction shows up here, and the upload fails instead of being reported done.
 * 4. Moves each top-level entry into the parent with rename(2) (atomic; \`mv -n -T\` never moves into a directory
 *    that appeared meanwhile). A replaced entry is first moved into the staging directory, and moved back if its
 *    replacement can't go in. Prints a "." per entry so a long commit is not taken for a hung helper.
 */
export const UPLOAD = `${PRELUDE}
go "$1"
parent=$1; staging=$2; mode=$3; stale=$4; files=$5; bytes=$6; shift 6
cd -P ${MOUNT_ROOT} || exit 1
now=$(date +%s)
for d in ${STAGING_GLOB}; do
  [ -d "$d" ] && [ ! -L "$d" ] && [ -f "$d/${STAGING_MARKER}" ] && [ ! -L "$d/${STAGING_MARKER}" ] || continue
  IFS= read -r l < "$d/${STAGING_MARKER}" && [ "$l" = "${STAGING_MARKER_TEXT}" ] || continue
  m=$(stat -c %Y "$d/${STAGING_MARKER}") || continue
  [ $((now - m)) -gt "$stale" ] && rm -rf "$d"
done
mkdir "./$staging" || exit 1
cd -P "./$staging" || exit 1; ins
exec 5<.
s=/proc/$$/fd/5
printf '%s\\n' "${STAGING_MARKER_TEXT}" > ./${STAGING_MARKER} || exit 1
beat=$((stale / 4)); [ "$beat" -ge 1 ] || beat=1
( while sleep "$beat"; do touch "$s/${STAGING_MARKER}" || exit 0; done ) </dev/null >/dev/null 2>&1 &
h=$!
# From here on, however the script ends (a failed step exits at once), the staging directory goes.
tidy() { z=$?; kill $h 2>/dev/null; rm -rf "$s/in" "$s/old" "$s/${STAGING_MARKER}"; cd -P ${MOUNT_ROOT} && rmdir "./$staging" 2>/dev/null; exit $z; }
trap tidy EXIT
bye() { exit $1; }
mkdir ./in ./old && cd -P ./in || bye 1
ins
tar -xf - || bye 1
[ -z "$(find . ! -type f ! -type d)" ] || bye ${EXIT.tampered}
n=0; t=0
for z in $(find . -type f -exec stat -c %s -- {} +); do n=$((n + 1)); t=$((t + z)); done
[ "$n" = "$files" ] && [ "$t" = "$bytes" ] || bye ${EXIT.tampered}
go "$parent"
i=0
for a do
  dec "$a"; i=$((i + 1)); moved=
  if exists; then
    [ "$mode" = overwrite ] || bye ${EXIT.exists}
    mv -n -T "./$v" "$s/old/$i" || bye 1
    moved=1
  fi
  mv -n -T "$s/in/$v" "./$v"
  if [ -e "$s/in/$v" ] || [ -L "$s/in/$v" ]; then
    [ -n "$moved" ] && mv -n -T "$s/old/$i" "./$v"
    bye ${EXIT.exists}
  fi
  printf .
done
bye 0
`;

export function shellCommand(script: string, args: string[]): string[] {
  return ['/bin/sh', '-c', script, 'berth', ...args];
}
