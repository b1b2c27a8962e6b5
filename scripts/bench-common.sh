# Helpers shared by scripts/bench, scripts/bench-floor and scripts/bench-manifest-floor (sourced, not run).

# seconds of a step, from 'fulfil runs <id>': "  step createWaves    COMPLETED  read ..., 12.3s"
step_seconds() { sed -n "s/^  step $1 .*, \([0-9.]*\)s\$/\1/p" | head -1; }
# whole rows per second: rate <rows> <seconds>
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s + 0 > 0) printf "%d", n / s; else print "-" }'; }  # "-" for 0 or "failed"
# the collector scripts/fulfil gives jobs and imports (README, Start-up); BENCH_GC=-XX:+UseG1GC compares,
# BENCH_GC= (empty) leaves the JVM its default; a collector in BENCH_SPLIT_JAVA_OPTS needs BENCH_GC= too
jobs_gc=${BENCH_GC--XX:+UseParallelGC}
# seconds as a clock: now; seconds between two of them: seconds <from> <to>
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# the database a JDBC URL names, and its server: mysql_target <url> sets schema, host and port
mysql_target() {
  schema="${1##*/}"; schema="${schema%%\?*}"
  host=$(sed -E 's|^jdbc:mysql://([^:/]+).*|\1|' <<<"$1")
  port=$(sed -nE 's|^jdbc:mysql://[^:/]+:([0-9]+)/.*|\1|p' <<<"$1"); port=${port:-3306}
}
# the mysql client on that server as $user and $password, tab-separated without headers: sql [args]
sql() { mysql --protocol=tcp -h"$host" -P"$port" -u"$user" ${password:+-p"$password"} --default-character-set=utf8mb4 \
  --local-infile=1 -N -B "$@"; }
