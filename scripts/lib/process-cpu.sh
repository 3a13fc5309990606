# CPU ticks of processes, for the benchmarks that print CPU per request or per command; sourced, not run.

process_ticks() { # PID (or PID/task/TID, one thread) -> its user + system ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}

postgres_ticks() { # postmaster-pid -> user + system ticks of PostgreSQL: the postmaster, its live children and the
  # children already gone (autovacuum workers, backends of closed connections)
  local p t
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat")
  for p in $(ps -o pid= --ppid "$1"); do
    t=$(( t + $(process_ticks "$p" 2>/dev/null || echo 0) ))
  done
  echo "$t"
}
