#!/bin/sh
# A stand-in nvidia-smi for GPU-less machines: answers Berth's queries from real captures of one H200 host
# (copied into /fixtures when the image is built). Compute-app PIDs are replaced by the PID of a host process
# running `sleep 7777` when there is one, so tests can tie a "GPU process" to a real container.
F=/fixtures

# Prints the asked fields of every data row of a captured CSV (header with units), values without units.
rows() {
  awk -v fields="$2" -v pid="$3" -F', ' '
    NR == 1 { for (i = 1; i <= NF; i++) { name = $i; sub(/ \[.*\]$/, "", name); col[name] = i }; next }
    {
      n = split(fields, want, ",")
      line = ""
      for (j = 1; j <= n; j++) {
        value = (want[j] in col) ? $(col[want[j]]) : "[N/A]"
        sub(/ (MiB|W|%|MHz)$/, "", value)
        if (want[j] == "pid" && pid != "") value = pid
        line = line (j > 1 ? ", " : "") value
      }
      print line
    }' "$1"
}

loop=''
for arg in "$@"; do
  case $arg in
    --loop=*) loop=${arg#--loop=} ;;
    --loop-ms=*) loop=$(awk -v ms="${arg#--loop-ms=}" 'BEGIN { print ms / 1000 }') ;;
  esac
done

case $1 in
  -L) awk -F', ' 'NR > 1 { printf "GPU %s: %s (UUID: %s)\n", $1, $3, $2 }' "$F/query-gpu.csv" ;;
  -q) cat "$F/smi-q.xml" ;;
  --query-gpu=*)
    fields=${1#--query-gpu=}
    if [ -z "$loop" ]; then rows "$F/query-gpu.csv" "$fields"; exit 0; fi
    trap 'exit 0' TERM INT
    while :; do rows "$F/query-gpu.csv" "$fields"; sleep "$loop"; done
    ;;
  --query-compute-apps=*)
    pid=''
    for dir in /proc/[0-9]*; do
      [ "$(tr '\0' ' ' < "$dir/cmdline" 2>/dev/null)" = 'sleep 7777 ' ] && pid=${dir#/proc/} && break
    done
    rows "$F/compute-apps.csv" "${1#--query-compute-apps=}" "$pid"
    ;;
  *) echo "stand-in nvidia-smi: unsupported arguments: $*" >&2; exit 2 ;;
esac
