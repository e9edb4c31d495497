#!/bin/sh
# `disk` (the lab's lab_disk): on start, changes its image's files in each of the ways overlay2
# records in the container's writable layer (`docker diff`), then idles.
trap 'exit 0' TERM INT
echo "appended by lab_disk" >> /data/big.bin        # C: copy-up, the whole 4 MiB file
rm /data/old.log                                    # D: a whiteout hides the image's file
rm -rf /data/cache && mkdir /data/cache             # an opaque directory replaces the image's
echo "written by lab_disk" > /data/cache/fresh.txt
dd if=/dev/zero of=/data/new.bin bs=1024 count=512 2>/dev/null   # A: a new file, 512 KiB
echo "disk: copied up /data/big.bin, deleted /data/old.log, replaced /data/cache, wrote /data/new.bin"
while :; do sleep 3600 & wait $!; done
