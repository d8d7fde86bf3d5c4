#!/usr/bin/env bash
# bench/dedup-resume.sh FILE: resumable dedup at scale. Imports FILE (e.g. a bench/scale_data.py file) once and
# filters it, then for minhash (instruction), minhash --field all and exact runs a reference build (BASE_BIN,
# e.g. main's release binary, on its own copy of the database) and this build side by side — whole-process wall
# time, CPU seconds (user+sys), peak RSS — and checks that both wrote the same duplicates (instruction_id,
# duplicate_of, similarity, method, field of active_duplicates). Then, per method, it interrupts this build with SIGINT after
# STOP_AFTER seconds (default 2), reruns the same command, and checks the rerun continued the interrupted run
# (`resumed_from`) and ended with the duplicates of the uninterrupted run.
set -euo pipefail
FILE="${1:?usage: BASE_BIN=path bench/dedup-resume.sh FILE}"
source "$(dirname "$0")/setup.sh"
BASE_BIN="${BASE_BIN:?set BASE_BIN to the reference build (e.g. /work/main/.build/release/dsbench)}"
STOP_AFTER="${STOP_AFTER:-2}"
"$BASE_BIN" import --db "$WORK/base.db" "$FILE" > /dev/null
"$BASE_BIN" filter --db "$WORK/base.db" > /dev/null
# This build's migrations run once, outside every timing (the reference build would refuse a newer database).
cp "$WORK/base.db" "$WORK/migrated.db"
"$BIN" sql --db "$WORK/migrated.db" "select 1" > /dev/null
echo "$(wc -l < "$FILE") records from $FILE, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), this build $(git rev-parse --short HEAD)"
printf '%-22s %-10s %9s %9s %9s  %s\n' variant build "wall s" "cpu s" "peak MB" "duplicates (md5)"
duplicates() {
    sqlite3 "$1" "select instruction_id, duplicate_of, similarity, method, field from active_duplicates order by 1" | md5sum | cut -c1-12
}
measure() {  # label build-name binary db args...
    local label="$1" name="$2" bin="$3" db="$4"; shift 4
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$bin" dedup --db "$db" "$@" > /dev/null
    read -r wall user sys peak < "$WORK/time.txt"
    printf '%-22s %-10s %9.2f %9.2f %9.0f  %s\n' "$label" "$name" "$wall" "$(echo "$user + $sys" | bc)" \
        "$(echo "$peak / 1024" | bc)" "$(duplicates "$db")"
}
for variant in "minhash" "minhash --field all" "exact"; do
    case "$variant" in
        minhash) args=();;
        "minhash --field all") args=(--field all);;
        exact) args=(--method exact);;
    esac
    cp "$WORK/base.db" "$WORK/reference.db"
    cp "$WORK/migrated.db" "$WORK/this.db"
    measure "$variant" reference "$BASE_BIN" "$WORK/reference.db" "${args[@]}"
    measure "$variant" this "$BIN" "$WORK/this.db" "${args[@]}"
    [ "$(duplicates "$WORK/reference.db")" = "$(duplicates "$WORK/this.db")" ] || { echo "DIFFERENT duplicates"; exit 1; }

    cp "$WORK/migrated.db" "$WORK/resume.db"
    "$BIN" dedup --db "$WORK/resume.db" "${args[@]}" > /dev/null 2>&1 &
    pid=$!
    sleep "$STOP_AFTER"
    kill -INT "$pid" 2> /dev/null || true  # (a small file may be done already)
    wait "$pid" || true
    stopped=$(sqlite3 "$WORK/resume.db" "select status || ' at cursor ' || coalesce(json_extract(totals, '$.cursor'), 0) || ', ' || (select count(*) from dedup_chunks) || ' chunks kept' from runs where command = 'dedup' order by id desc limit 1")
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$BIN" dedup --db "$WORK/resume.db" "${args[@]}" > /dev/null
    read -r wall user sys peak < "$WORK/time.txt"
    resumed=$(sqlite3 "$WORK/resume.db" "select coalesce(json_extract(totals, '$.resumed_from'), 'no') from runs where command = 'dedup' order by id desc limit 1")
    same=$([ "$(duplicates "$WORK/resume.db")" = "$(duplicates "$WORK/this.db")" ] && echo same || echo DIFFERENT)
    echo "  Ctrl-C after ${STOP_AFTER}s: $stopped; rerun (resumed_from $resumed) $wall s wall, $(printf %.2f "$(echo "$user + $sys" | bc)") s cpu: $same duplicates as uninterrupted"
    [ "$same" = same ] || exit 1
done
