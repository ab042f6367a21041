# Sourced by the scripts of this folder once they have set DB, CLIENTS and PER_CLIENT: a scratch folder removed on
# exit, psql on DB, PostgreSQL's CPU (pg-cpu.sh) and one measured pgbench run.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
psql_q() { PGOPTIONS='-c client_min_messages=warning' psql -q -X -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

. "$(dirname "${BASH_SOURCE[0]}")/pg-cpu.sh"

# Runs the pgbench script $1 (CLIENTS clients × PER_CLIENT transactions, prepared statements) and prints PostgreSQL's
# CPU per transaction in ms, then the transactions per second.
timed_pgbench() {
    printf '%s\n' "$1" > "$WORK/script.sql"
    local before after tps
    before=$(pg_cpu)
    tps=$(pgbench -n -M prepared -c "$CLIENTS" -j 2 -t "$PER_CLIENT" -f "$WORK/script.sql" "$DB" 2>&1 \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    after=$(pg_cpu)
    echo "$(echo "scale=4; ($after - $before) * 1000 / ($CLIENTS * $PER_CLIENT)" | bc) $tps"
}
