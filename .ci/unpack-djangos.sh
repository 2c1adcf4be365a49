#!/usr/bin/env bash
# Unpack Django 4.2 (Debian trixie), 5.2 (sid) and 6.1 (experimental) with their pure-Python
# dependencies (django-environ and python-decouple, which the generated cases read) into $1/<series>/ ; nothing is installed system-wide (the differential tests of
# issue 17 run them beside Debian bookworm's installed 3.2).
set -euo pipefail
out=$(realpath -m "$1"); work=$(mktemp -d)
uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)   # the machine's own Debian mirror
for suite in trixie sid experimental; do
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main"
done > "$work/sources.list"
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
APT=(-o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o APT::Sandbox::User=root)
apt-get "${APT[@]}" update -qq
fetch() {  # series, then package/suite ...
  local series=$1; shift
  mkdir -p "$work/deb-$series" "$out/$series"
  (cd "$work/deb-$series" && apt-get "${APT[@]}" download "$@" >/dev/null)
  for deb in "$work/deb-$series"/*.deb; do dpkg-deb -x "$deb" "$work/root-$series"; done
  cp -a "$work/root-$series/usr/lib/python3/dist-packages/." "$out/$series/"
}
fetch 4.2 python3-django/trixie python3-django-environ/trixie python3-decouple/trixie python3-asgiref/trixie python3-sqlparse/trixie
fetch 5.2 python3-django/sid python3-django-environ/sid python3-decouple/sid python3-asgiref/sid python3-sqlparse/sid
fetch 6.1 python3-django/experimental python3-django-environ/sid python3-decouple/sid python3-asgiref/sid python3-sqlparse/sid
rm -rf "$work"
for s in 4.2 5.2 6.1; do echo "$s: $(cat "$out/$s"/django/__init__.py | grep -m1 VERSION)"; done
