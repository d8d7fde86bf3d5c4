#!/usr/bin/env bash
# `dsbench complete` over a fleet of three scripted OpenAI-compatible servers, each answering after 100 ms with
# at most 16 requests at once (as a GPU server's batch slots), at --concurrency 16 per endpoint:
#   1. all three up: calls/s next to the 3 × 16 / 0.1 s = 480/s limit (and one server alone, 160/s, for scale);
#   2. one server killed (SIGKILL) a third of the way through: the run must still answer every instruction,
#      none twice, and the survivors' throughput is printed next to their 2 × 16 / 0.1 s = 320/s limit.
# Usage: bench/fleet.sh [N=3000]   (builds release unless DSBENCH=path/to/dsbench is set)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-3000}"
if [[ -z "${DSBENCH:-}" ]]; then
    swift build -c release --product dsbench >/dev/null
    DSBENCH="$(swift build -c release --show-bin-path)/dsbench"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DSBENCH="$DSBENCH" WORK="$WORK" N="$N" python3 - <<'PY'
import json, os, signal, sqlite3, subprocess, sys, time

dsbench, work, n = os.environ["DSBENCH"], os.environ["WORK"], int(os.environ["N"])
delay, slots, concurrency = 0.1, 16, 16

def start_server(tag):
    log = os.path.join(work, f"server-{tag}.log")
    proc = subprocess.Popen([sys.executable, "bench/mock_openai_server.py", "--delay", str(delay),
                             "--max-inflight", str(slots), "--log", log], stdout=subprocess.PIPE, text=True)
    port = int(proc.stdout.readline())
    return proc, f"http://127.0.0.1:{port}/v1", log

def database(name):
    path = os.path.join(work, name)
    subprocess.run([dsbench, "init", "--db", path], check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(path)
    run = db.execute("INSERT INTO runs (command, status) VALUES ('bench-setup', 'succeeded')").lastrowid
    db.executemany("INSERT INTO instructions (instruction, origin, language, run_id) VALUES (?, 'imported', 'en', ?)",
                   [(f"Fleet benchmark question {i}: say something about number {i}.", run) for i in range(n)])
    db.commit()
    db.close()
    return path

def complete(db, urls):
    started = time.perf_counter()
    proc = subprocess.Popen([dsbench, "complete", "--db", db, "--base-url", ",".join(urls), "--model", "mock",
                             "--concurrency", str(concurrency), "--timeout", "10", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, started

def check(db):
    con = sqlite3.connect(db)
    answered = con.execute("SELECT count(DISTINCT instruction_id) FROM completions").fetchone()[0]
    twice = con.execute("SELECT count(*) FROM (SELECT instruction_id FROM completions GROUP BY instruction_id HAVING count(*) > 1)").fetchone()[0]
    calls = con.execute("SELECT count(*) FROM llm_calls WHERE status = 'succeeded'").fetchone()[0]
    per_endpoint = con.execute("SELECT endpoint_url, count(*) FROM llm_calls GROUP BY endpoint_url ORDER BY 1").fetchall()
    con.close()
    return answered, twice, calls, per_endpoint

def served(logs):
    lines = []
    for log in logs:
        with open(log, encoding="utf-8") as f:
            lines += f.read().splitlines()
    return len(lines), len(lines) - len(set(lines))

print(f"fleet: {n} instructions, 3 servers x {slots} slots, {int(delay * 1000)} ms per answer, --concurrency {concurrency} per endpoint")
print(f"{'case':<34} {'calls':>6} {'seconds':>8} {'calls/s':>8} {'limit':>7} {'of limit':>9}")

servers = [start_server(f"a{i}") for i in range(3)]
try:
    # One server alone, for scale.
    db = database("one.db")
    proc, started = complete(db, [servers[0][1]])
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    summary = json.loads(out)
    rate = summary["calls"] / summary["seconds"]
    print(f"{'1 server':<34} {summary['calls']:>6} {summary['seconds']:>8.2f} {rate:>8.1f} {slots / delay:>7.0f} {100 * rate / (slots / delay):>8.0f}%")

    db = database("three.db")
    proc, started = complete(db, [s[1] for s in servers])
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    summary = json.loads(out)
    rate = summary["calls"] / summary["seconds"]
    limit = 3 * slots / delay
    answered, twice, calls, _ = check(db)
    print(f"{'3 servers':<34} {summary['calls']:>6} {summary['seconds']:>8.2f} {rate:>8.1f} {limit:>7.0f} {100 * rate / limit:>8.0f}%")
    print(f"  answered {answered}/{n}, answered twice {twice}")
finally:
    for proc, _, _ in servers:
        proc.kill()

# Kill one of three a third of the way through.
servers = [start_server(f"b{i}") for i in range(3)]
try:
    db = database("kill.db")
    proc, started = complete(db, [s[1] for s in servers])
    watch = sqlite3.connect(db, timeout=30)
    killed_at = None
    while proc.poll() is None:
        done = watch.execute("SELECT count(*) FROM llm_calls").fetchone()[0]
        if killed_at is None and done >= n // 3:
            servers[2][0].send_signal(signal.SIGKILL)
            killed_at = (time.perf_counter(), done)
        time.sleep(0.02)
    ended = time.perf_counter()
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    summary = json.loads(out)
    answered, twice, calls, per_endpoint = check(db)
    total_served, served_twice = served([s[2] for s in servers[:2]])
    after_rate = (calls - killed_at[1]) / (ended - killed_at[0])
    limit = 2 * slots / delay
    print(f"{'3 servers, 1 killed at ' + str(killed_at[1]) + ' calls':<34} {summary['calls']:>6} {summary['seconds']:>8.2f} {summary['calls'] / summary['seconds']:>8.1f} {3 * slots / delay:>7.0f} {100 * summary['calls'] / summary['seconds'] / (3 * slots / delay):>8.0f}%")
    print(f"{'  survivors after the kill':<34} {calls - killed_at[1]:>6} {ended - killed_at[0]:>8.2f} {after_rate:>8.1f} {limit:>7.0f} {100 * after_rate / limit:>8.0f}%")
    print(f"  answered {answered}/{n}, answered twice {twice}, succeeded ledger rows {calls}, failed calls {summary['failed']}")
    print(f"  survivors served {total_served} requests, the same prompt twice {served_twice}")
    for url, count in per_endpoint:
        print(f"  llm_calls answered by {url}: {count}")
    ok = answered == n and twice == 0 and calls == n and served_twice == 0
    print("  result:", "every instruction answered exactly once" if ok else "FAILED")
    sys.exit(0 if ok else 1)
finally:
    for proc, _, _ in servers:
        proc.kill()
PY
