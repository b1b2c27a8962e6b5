# Helpers shared by scripts/bench and scripts/bench-floor (sourced, not run).

# seconds of a step, from 'fulfil runs <id>': "  step createWaves    COMPLETED  read ..., 12.3s"
step_seconds() { sed -n "s/^  step $1 .*, \([0-9.]*\)s\$/\1/p" | head -1; }
# whole rows per second: rate <rows> <seconds>
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s + 0 > 0) printf "%d", n / s; else print "-" }'; }  # "-" for 0 or "failed"
# the collector scripts/fulfil gives jobs and imports (README, Start-up); BENCH_GC=-XX:+UseG1GC compares,
# BENCH_GC= (empty) leaves the JVM its default; a collector in BENCH_SPLIT_JAVA_OPTS needs BENCH_GC= too
jobs_gc=${BENCH_GC--XX:+UseParallelGC}
