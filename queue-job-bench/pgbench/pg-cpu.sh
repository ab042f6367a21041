# Sourced by the scripts of this folder: PostgreSQL's CPU as /proc counts it, for a server on this machine ($PGDATA).

# The server's own processes, no client connected: pg_cpu waits until only these are left.
AUX=$(pgrep -P "$(head -1 "$PGDATA/postmaster.pid")" | wc -l)

# CPU seconds of the whole PostgreSQL: the postmaster with its reaped children (pgbench's backends exit) and the
# children still running (checkpointer, WAL writer).
pg_cpu() {
    local pm tck t c
    pm=$(head -1 "$PGDATA/postmaster.pid")
    # A client's backend still exiting would be counted neither as a live child nor as a reaped one: wait until only
    # the server's own processes are left (at most 10 s).
    for _ in $(seq 1 100); do
        [ "$(pgrep -P "$pm" | wc -l)" -le "$AUX" ] && break
        sleep 0.1
    done
    tck=$(getconf CLK_TCK)
    t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
    for c in $(pgrep -P "$pm"); do
        t=$((t + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0)))
    done
    echo "scale=4; $t / $tck" | bc
}
