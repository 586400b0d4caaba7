#!/usr/bin/env bash
# Runs before `npm test`: the browser tests need Debian's Chromium. Installs it
# when missing and this user may (root, or passwordless sudo); otherwise says how.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "error: Chromium is not installed at $chromium_path; the browser tests need it." >&2
  echo "  ↳ Install it with \`sudo apt-get install chromium\`, or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: Chromium is missing and this machine has no apt-get to install it." >&2
  echo "  ↳ Install Chromium with your package manager and set CHROMIUM_PATH to its binary." >&2
  exit 1
fi
echo "Installing Chromium for the browser tests (apt-get install chromium)…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "Chromium installed: $("$chromium_path" --version 2>/dev/null || echo "$chromium_path")"
