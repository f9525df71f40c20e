#!/usr/bin/env sh
# Makes sure Debian's Chromium is at /usr/bin/chromium for the headless-browser tests
# (test/argos-sandbox/hosted-page.browser.e2e-spec.ts drives it through playwright-core).
# Idempotent: does nothing when it is already installed. No browser download from the internet:
# only the Debian package, the one source of binaries these machines can reach.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-chromium: $CHROMIUM is missing and installing it needs root (no sudo found)" >&2
    exit 1
  fi
fi

echo "ensure-chromium: installing Debian's chromium package"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: the chromium package did not provide $CHROMIUM" >&2
  exit 1
fi
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo installed)"
