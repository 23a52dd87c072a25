# Shared by scripts/build and scripts/test (sourced, not run): installs only what is
# missing, each thing from where it fits:
#   Python packages  from PyPI into .venv, at the versions of requirements/lock.txt;
#   Chromium         from Debian (apt-get), only for the browser tests.
# Nothing here needs Node.js or npm: Playwright's wheel carries its own driver and
# axe-core comes in a wheel too, so a Node.js from anywhere (or none) is left alone.

# Run a command as root: directly when we are root, else through sudo when it works
# without a password prompt we cannot answer; else say what to install by hand.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    echo "error: '$*' needs root; run it as root (or with sudo), then run this script again" >&2
    return 1
  fi
}

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null || {
    echo "error: no apt-get here; install these Debian packages by hand: $*" >&2; return 1; }
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -q
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# .venv with the project and the given extra ("" or "test"), at the locked versions.
# pip runs only when pyproject.toml, the lock or the extra changed since the last install.
ensure_venv() {
  local extra="$1" spec="." stamp=".venv/.zone-digest-installed" want
  [ -n "$extra" ] && spec=".[$extra]"
  if [ ! -x .venv/bin/python ]; then
    if ! python3 -m venv .venv 2>/dev/null; then
      # Debian's python3 leaves venv (ensurepip) to a package of its own.
      rm -rf .venv
      apt_install python3-venv
      python3 -m venv .venv
    fi
  fi
  want="$(cat pyproject.toml requirements/lock.txt | sha256sum | cut -c1-16) $spec"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! .venv/bin/python -c 'import builder' 2>/dev/null; then
    .venv/bin/python -m pip install -q --disable-pip-version-check -c requirements/lock.txt -e "$spec"
    echo "$want" > "$stamp"
  fi
}

# Debian's Chromium, which the browser tests drive through Playwright (CHROMIUM
# points them at another build).
debian_chromium=/usr/bin/chromium
ensure_chromium() {
  if [ -n "${CHROMIUM:-}" ]; then
    [ -x "$CHROMIUM" ] && return 0
    echo "error: CHROMIUM=$CHROMIUM is not an executable" >&2; return 1
  fi
  [ -x "$debian_chromium" ] && return 0
  apt_install chromium
}
