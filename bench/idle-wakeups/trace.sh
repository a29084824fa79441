#!/bin/bash
# Issue 14: what wakes an idle service. Attaches strace to the six services of a running
#   node -r ./test/swc-register.js bench/cpu.ts --runtime=swc --idle-only --idle-seconds=100
# (start this about 30 s into its idle window: start-up leaves V8 GC work for a minute) and records, per service,
# epoll waits, futex waits of the other threads and writes to sockets, plus `ss` for which fd is which peer.
# strace costs CPU: the idle % of a traced run is not a figure to report; the wakeup counts are.
#   bash bench/idle-wakeups/trace.sh <tag> <tree root, e.g. "$PWD"> <seconds>
#   python3 bench/idle-wakeups/analyze.py <tag>          (markdown table of wakeups per second)
set -euo pipefail
tag=$1
root=$2
secs=$3
out=/tmp/idle-wakeups/$tag
mkdir -p "$out"
: >"$out/pids"
for svc in work-order hotline portal centre legal-aid mediation; do
  pid=$(pgrep -f "$root/services/$svc/src/main.ts" | head -1 || true)
  [ -z "$pid" ] && continue
  echo "$svc $pid" >>"$out/pids"
  ss -tnp 2>/dev/null | grep "pid=$pid," >"$out/$svc.ss" || true
  timeout "$secs" strace -f -tt -e trace=epoll_wait,epoll_pwait,write,writev,sendto,sendmsg,futex -e signal=none \
    -p "$pid" -o "$out/$svc.st" 2>/dev/null &
done
wait || true
