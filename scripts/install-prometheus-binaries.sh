#!/usr/bin/env bash
# Makes Prometheus, Alertmanager and amtool available to the real-sender e2e suite
# (test/real-senders.e2e-spec.ts) without installing or starting any service: the binaries are
# taken from Debian's packages with `apt-get download` and unpacked into .tools/usr/bin.
# Debian's Alertmanager reads its default notification template from a fixed system path, so
# that directory (templates only) is put in place too when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="$PWD/.tools"
BINARIES=(prometheus prometheus-alertmanager amtool)
TEMPLATES=usr/share/prometheus/alertmanager

found() { command -v "$1" >/dev/null || [ -x "$TOOLS/usr/bin/$1" ]; }
all_found() {
  for binary in "${BINARIES[@]}"; do found "$binary" || return 1; done
  [ -f "/$TEMPLATES/default.tmpl" ]
}

if all_found; then
  echo "Prometheus, Alertmanager and amtool are available"
  exit 0
fi

downloads="$(mktemp -d)"
trap 'rm -rf "$downloads"' EXIT
download() { (cd "$downloads" && apt-get download -qq prometheus prometheus-alertmanager); }
# The package lists of a fresh machine are empty or stale: refresh them once, only when needed.
if ! download 2>/dev/null; then
  apt-get update -qq
  download
fi

mkdir -p "$TOOLS"
for deb in "$downloads"/*.deb; do
  # Only the binaries and Alertmanager's templates: the web assets would be linted as our code.
  dpkg-deb --fsys-tarfile "$deb" |
    tar -x -C "$TOOLS" --wildcards ./usr/bin/prometheus ./usr/bin/prometheus-alertmanager \
      ./usr/bin/amtool "./$TEMPLATES/*" 2>/dev/null || true
done
for binary in "${BINARIES[@]}"; do
  [ -x "$TOOLS/usr/bin/$binary" ] || { echo "$binary is missing from the packages" >&2; exit 1; }
done
if [ ! -f "/$TEMPLATES/default.tmpl" ]; then
  mkdir -p "/$TEMPLATES"
  cp "$TOOLS/$TEMPLATES"/*.tmpl "/$TEMPLATES/"
fi
"$TOOLS/usr/bin/prometheus" --version | head -n 1
"$TOOLS/usr/bin/prometheus-alertmanager" --version | head -n 1
