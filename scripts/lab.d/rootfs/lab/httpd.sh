#!/bin/sh
# Serve directory $1 on port $2 in the foreground; exit 0 on SIGTERM so that
# scaling down and `docker stop` are quick (a bare httpd as PID 1 ignores TERM).
trap 'exit 0' TERM INT
httpd -f -p "$2" -h "$1" &
wait $!
