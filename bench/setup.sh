# Sourced by bench/dedup.sh, filter.sh, rouge.sh and scale.sh: the repository root as working directory, the shared
# datasets in $DATA, a scratch directory $WORK removed on exit, a release dsbench in $BIN, and
# `seconds CMD...` printing a command's wall time (its stdout discarded).
cd "$(dirname "$0")/.."
DATA="${DSBENCH_DATA:-$(cd .. && pwd)/shared/data}"
[ -f "$DATA/alpaca_en_52k.json" ] || DATA=/work/shared/data
[ -f "$DATA/alpaca_en_52k.json" ] || { echo "missing $DATA/alpaca_en_52k.json (set DSBENCH_DATA)" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# DSBENCH_BIN=path measures another build (e.g. main's) with the same script.
if [ -n "${DSBENCH_BIN:-}" ]; then
    BIN="$DSBENCH_BIN"
else
    swift build -c release --product dsbench >/dev/null
    BIN="$(swift build -c release --show-bin-path)/dsbench"
fi

seconds() { python3 -c 'import sys,time,subprocess; t=time.perf_counter(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(f"{time.perf_counter()-t:.3f}")' "$@"; }
