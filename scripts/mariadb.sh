#!/usr/bin/env bash
# A throwaway MariaDB server for tests and benchmarks: no Docker, no systemd, its own data directory.
#   scripts/mariadb.sh install         install Debian's mariadb-server when mariadbd is missing
#   scripts/mariadb.sh start DIR       start a server in DIR on a free port; prints its root connection string
#   scripts/mariadb.sh restart DIR     stop it and start it again on the same port and data (fault tests)
#   scripts/mariadb.sh down DIR        stop it, keeping its port and data (fault tests: an outage)
#   scripts/mariadb.sh up DIR          start it again after down
#   scripts/mariadb.sh stop DIR        stop it and remove DIR
set -euo pipefail

find_bin() { command -v "$1" 2>/dev/null || { [ -x "/usr/sbin/$1" ] && echo "/usr/sbin/$1"; } || { [ -x "/usr/bin/$1" ] && echo "/usr/bin/$1"; } || true; }

install() {
  if [ -n "$(find_bin mariadbd)" ] && [ -n "$(find_bin mariadb-install-db)" ]; then return 0; fi
  echo "Installing Debian's mariadb-server (needed by the tests)..." >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq mariadb-server >&2
}

# A port nothing listens on (checked with bash's /dev/tcp: a refused connect means free), below the kernel's
# ephemeral range: outgoing connections draw their ports from that range, and one could take the port between a
# restart's stop and start (tests/Notifier.Testing/Hosting/FreePort.cs says the same for the test hosts). From 20000 up:
# the test hosts take theirs below 20000, so none takes a restarting server's port while it is down.
free_port() {
  local port low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  (( low > 21000 )) || low=32768
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % (low - 20000) ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2; exit 1
}

# Runs mariadbd on DIR's data directory and PORT; returns once it answers.
serve() {
  local dir="$1" port="$2"
  local user_opt=(); [ "$(id -u)" -eq 0 ] && user_opt=(--user=root)
  "$(find_bin mariadbd)" --no-defaults --datadir="$dir/data" --socket="$dir/sock" --port="$port" \
    --bind-address=127.0.0.1 "${user_opt[@]}" --pid-file="$dir/pid" --log-error="$dir/err.log" --tmpdir="$dir/tmp" \
    --skip-name-resolve --max-connections=1000 --innodb-flush-log-at-trx-commit=2 --innodb-buffer-pool-size=256M \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &
  local server=$!
  local admin; admin=$(find_bin mariadb-admin)
  for _ in $(seq 1 300); do
    if "$admin" --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1; then break; fi
    kill -0 "$server" 2>/dev/null || break # it gave up (its port taken, say): no use waiting
    sleep 0.1
  done
  "$admin" --no-defaults --socket="$dir/sock" -uroot ping >/dev/null 2>&1 || { cat "$dir/err.log" >&2; return 1; }
}

start() {
  local dir="$1"; mkdir -p "$dir/tmp"
  local port; port=$(free_port)
  local user_opt=(); [ "$(id -u)" -eq 0 ] && user_opt=(--user=root)
  # Each server has a tmpdir of its own: a starting mariadbd (and mariadb-install-db's bootstrap) removes every #sql*
  # file in its tmpdir, so servers sharing /tmp broke each other's bootstrap when started at once (CI, stop 23).
  "$(find_bin mariadb-install-db)" --no-defaults --datadir="$dir/data" --tmpdir="$dir/tmp" "${user_opt[@]}" \
    --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
  # Two servers starting at once can pick the same free port; the one that loses the bind tries another.
  local attempt
  for attempt in 1 2 3; do
    if serve "$dir" "$port"; then break; fi
    [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
    (( attempt < 3 )) || exit 1
    echo "mariadbd did not start on port $port; trying another" >&2
    port=$(free_port)
  done
  local password; password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  "$(find_bin mariadb)" --no-defaults --socket="$dir/sock" -uroot -e \
    "CREATE USER 'notifier_test'@'127.0.0.1' IDENTIFIED BY '$password'; GRANT ALL ON *.* TO 'notifier_test'@'127.0.0.1' WITH GRANT OPTION;"
  echo "$port" > "$dir/port"
  echo "Server=127.0.0.1;Port=$port;Uid=notifier_test;Pwd=$password"
}

# Stops the server in DIR (SIGTERM, as a host restart does), keeping its data and port for up.
down() {
  local dir="$1"
  local pid; pid=$(cat "$dir/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
}

# Starts the server in DIR again on the same port and data.
up() {
  local dir="$1"
  serve "$dir" "$(cat "$dir/port")" || exit 1
}

restart() {
  down "$1"
  up "$1"
}

stop() {
  local dir="$1"
  if [ -f "$dir/pid" ]; then
    local pid; pid=$(cat "$dir/pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}

"$@"
