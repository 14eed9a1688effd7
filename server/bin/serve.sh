#!/bin/sh
# `npm run serve` (and so `npm start`): the server in production mode, with as many file
# descriptors as it may have. Every connection holds one, and Node cannot raise its own limit,
# so the shell raises the soft limit to the hard one first. A hard limit of "unlimited" (macOS)
# is not a number the soft limit takes: the kernel's per-process ceiling stands in for it. An
# empty or odd value is never passed on (dash reads `ulimit -n ""` as 0). If the raise is refused,
# the server starts anyway and says at start the limit it got.
hard=$(ulimit -Hn)
if [ "$hard" = unlimited ]; then
  hard=$(sysctl -n kern.maxfilesperproc 2>/dev/null || cat /proc/sys/fs/nr_open 2>/dev/null)
fi
case "$hard" in
  '' | *[!0-9]*) ;;
  *) ulimit -Sn "$hard" 2>/dev/null || true ;;
esac
NODE_ENV=production exec node --import tsx server/src/main.ts "$@"
