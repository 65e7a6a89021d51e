#!/usr/bin/env bash
# The demo and the end-to-end tests use Debian's browsers. On a fresh machine they are missing: install them when we
# can (root, or passwordless sudo), otherwise say in one line what to run. CHROMIUM_PATH / FIREFOX_PATH skip a browser.
# chromium-l10n and firefox-esr-l10n-uk are the browsers' other interface languages: the end-to-end tests run Dossier
# in a browser set to Ukrainian (tests/e2e/locale.spec.ts), and an extension follows its browser's language.
# Usage: ensure-browsers.sh chromium [firefox-esr] [chromium-l10n] [firefox-esr-l10n-uk]
set -euo pipefail
need=()
for pkg in "$@"; do
  case "$pkg" in
    chromium) [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || need+=(chromium) ;;
    firefox-esr) [ -n "${FIREFOX_PATH:-}" ] || [ -x /usr/bin/firefox-esr ] || need+=(firefox-esr) ;;
    chromium-l10n) [ -n "${CHROMIUM_PATH:-}" ] || [ -f /usr/lib/chromium/locales/uk.pak ] || need+=(chromium-l10n) ;;
    firefox-esr-l10n-uk) [ -n "${FIREFOX_PATH:-}" ] || [ -f /usr/lib/firefox-esr/browser/extensions/langpack-uk@firefox-esr.mozilla.org.xpi ] || need+=(firefox-esr-l10n-uk) ;;
    *) echo "ensure-browsers: unknown browser package '$pkg'" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo"; else
  echo "Dossier needs ${need[*]} for this: run \`sudo apt-get install -y ${need[*]}\` (or set CHROMIUM_PATH / FIREFOX_PATH)." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Dossier needs ${need[*]}: install it with your package manager, or set CHROMIUM_PATH / FIREFOX_PATH." >&2
  exit 1
fi
echo "Installing ${need[*]} from Debian (first run only)…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
