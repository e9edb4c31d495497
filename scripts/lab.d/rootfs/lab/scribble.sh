#!/bin/sh
# `scribbler`: writes 1 MB into the container's writable layer every
# ${SCRIBBLE_EVERY:-20} s until ${SCRIBBLE_MB:-6} MB are written, then idles.
trap 'exit 0' TERM INT
mb=${SCRIBBLE_MB:-6}
every=${SCRIBBLE_EVERY:-20}
i=1
while [ "$i" -le "$mb" ]; do
  dd if=/dev/urandom of="/scribble/blob$i" bs=1M count=1 2>/dev/null
  echo "scribbler: $i/$mb MB written"
  i=$((i + 1))
  [ "$i" -le "$mb" ] && { sleep "$every" & wait $!; }
done
echo "scribbler: done, idling"
while :; do sleep 3600 & wait $!; done
