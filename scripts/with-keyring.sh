#!/usr/bin/env bash
# Tests (Linux): runs a command against a real, throwaway Secret Service (gnome-keyring on a private
# D-Bus session bus, fresh temporary HOME and XDG dirs), so keychain tests never touch a user's keys.
#
#   bash scripts/with-keyring.sh npx vitest run --project unit test/integration/keychain.test.ts
#
# Needs (Debian/Ubuntu): apt-get install --no-install-recommends gnome-keyring dbus
# The command sees DOJO_KEYRING=1; keychain tests refuse to run without it.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh COMMAND [ARGS...]" >&2
  exit 2
fi

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing; install it with: apt-get install --no-install-recommends gnome-keyring dbus" >&2
    exit 127
  fi
done

# Asks the session bus a question about the Secret Service's name; prints the reply's value.
bus_query() {
  dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    "org.freedesktop.DBus.$1" string:org.freedesktop.secrets 2>/dev/null | awk '{print $NF}'
}

if [ -z "${_DOJO_KEYRING_INSIDE:-}" ]; then
  # Outside: make a private home, then re-run this script inside a new session bus.
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/dojo-keyring.XXXXXX")"
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$scratch/home" "$scratch/config" "$scratch/data" "$scratch/cache" "$scratch/state" "$scratch/run"
  chmod 700 "$scratch/run"
  # A GUI prompter must never pop up (or hang) on a developer's desktop: no display in here.
  unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
  # The fresh HOME has no npm cache: keep npx from announcing updates in every run.
  export NPM_CONFIG_UPDATE_NOTIFIER=false
  set +e
  HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state" XDG_RUNTIME_DIR="$scratch/run" \
    _DOJO_KEYRING_INSIDE=1 dbus-run-session -- bash "$0" "$@"
  status=$?
  set -e
  exit "$status"
fi

# Inside the private bus. --unlock reads the password from stdin and creates the "login" keyring
# (the default collection) unlocked, so no prompt is ever needed; it prints variables to export.
daemon_env="$(printf 'pw\n' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
while IFS= read -r line; do
  case "$line" in
    *=*) export "${line?}" ;;
  esac
done <<<"$daemon_env"

# The daemon claims org.freedesktop.secrets shortly after it forks; wait for it (10 s at most).
for _ in $(seq 1 100); do
  [ "$(bus_query NameHasOwner)" = "true" ] && break
  sleep 0.1
done
if [ "$(bus_query NameHasOwner)" != "true" ]; then
  echo "with-keyring: gnome-keyring-daemon did not claim org.freedesktop.secrets on the session bus" >&2
  exit 1
fi
daemon_pid="$(bus_query GetConnectionUnixProcessID)"

# Stops exactly the daemon this script started (by the pid the bus reports), then waits for it.
stop_daemon() {
  if [ -n "${daemon_pid:-}" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$daemon_pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
}
trap stop_daemon EXIT

set +e
DOJO_KEYRING=1 "$@"
status=$?
set -e
exit "$status"
