#!/bin/sh
# Installs the Debian packages the project needs, when any is missing:
# fonts for Arabic and Chinese, Pango and HarfBuzz's font subsetter (PDF
# rendering; WeasyPrint's fontTools fallback is deprecated), poppler (PDF to PNG in
# tests) and Chromium (browser tests). As root it runs apt-get; otherwise it
# prints the exact command to run.
set -eu
PACKAGES="fonts-noto-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils chromium"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
    echo "Missing system packages:$missing" >&2
    echo "Install them with:  sudo apt-get install -y$missing" >&2
    exit 2
fi
