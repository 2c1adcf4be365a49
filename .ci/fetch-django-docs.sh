#!/usr/bin/env bash
# Unpack Django's documentation (HTML, with every release's notes and the release process) from
# Debian's python-django-doc package of the newest suite that has it (experimental, else sid,
# else trixie) into $1 ; prints the html folder. The generators of .ci/generate-django-*.mjs read it.
set -euo pipefail
out=$(realpath -m "$1"); work=$(mktemp -d)
uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)   # the machine's own Debian mirror
for suite in trixie sid experimental; do
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main"
done > "$work/sources.list"
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$out"
APT=(-o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o APT::Sandbox::User=root)
apt-get "${APT[@]}" update -qq
for suite in experimental sid trixie; do
  if (cd "$work" && apt-get "${APT[@]}" download "python-django-doc/$suite" >/dev/null 2>&1); then break; fi
done
deb=$(ls "$work"/python-django-doc_*.deb)
dpkg-deb -x "$deb" "$out"
basename "$deb" > "$out/PACKAGE"
rm -rf "$work"
echo "$out/usr/share/doc/python-django-doc/html"
