#!/bin/sh
# The `web` page (busybox httpd serves /cgi-bin/index.cgi for "/"):
# shows which container answered and counts visits in a log inside the
# container, so the container's writable layer grows with every visit.
log=/var/lib/web/visits.log
echo "$(date -u '+%Y-%m-%dT%H:%M:%SZ') ${REMOTE_ADDR:-?} ${HTTP_USER_AGENT:-?}" >> "$log"
visits=$(wc -l < "$log")
secret=no
[ -s /run/secrets/api_token ] && secret=yes
printf 'Content-Type: text/html; charset=utf-8\r\n\r\n'
cat <<HTML
<!DOCTYPE html>
<html><head><title>swarmtop lab</title></head><body>
<h3>Hello from the swarmtop lab!</h3>
<b>Hostname:</b> $(hostname)<br/>
<b>Visits:</b> $visits<br/>
<b>Secret mounted:</b> $secret<br/>
<pre>$(cat /www/motd.txt 2>/dev/null)</pre>
</body></html>
HTML
