#!/usr/bin/env bash
# Runs the CI entry point (or any command given) while extra CPU-bound processes keep every core
# busy, to show that no test depends on the machine being quiet. Usage:
#   scripts/ci-under-load.sh                 # bash .ci/run under 2 busy loops
#   LOAD=4 scripts/ci-under-load.sh npm run test:e2e
# The busy loops are niced like nothing else (nice 0, the same as the tests) and stop with the run,
# however it ends. Prints the run's wall time and exit status.
set -uo pipefail
cd "$(dirname "$0")/.."

load=${LOAD:-2}
pids=()
stop_load() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait "${pids[@]}" 2>/dev/null
}
trap stop_load EXIT INT TERM

for _ in $(seq "$load"); do
  # A pure CPU loop in the shell: no memory, no I/O, just a core taken.
  ( while :; do :; done ) &
  pids+=($!)
done
echo "ci-under-load: $load busy loops (pids ${pids[*]}), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

cmd=("$@")
[ ${#cmd[@]} -eq 0 ] && cmd=(bash .ci/run)
start=$(date +%s)
"${cmd[@]}"
status=$?
end=$(date +%s)
echo "ci-under-load: '${cmd[*]}' exited $status after $((end - start)) s under $load busy loops (load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
exit $status
