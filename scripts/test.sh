#!/usr/bin/env bash
# The whole test suite: builds once, starts one throwaway MariaDB for the run, runs every test project.
# Extra arguments go to `dotnet test` (for example: --filter "FullyQualifiedName~Callback").
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/mariadb.sh install
# Real third-party programs the tests drive, from Debian (nothing is downloaded by the tests themselves):
# chromium-headless-shell (browser tests through Playwright), docker-compose (validates docker-compose.yml; no engine
# is needed), caddy (a real TLS reverse proxy, tls internal, in front of the published Api), apprise (a real ntfy
# client) and prometheus-alertmanager (a real Alertmanager whose webhook receiver points at Notifier).
missing=()
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
[ -x /usr/bin/docker-compose ] || missing+=(docker-compose)
[ -x /usr/bin/caddy ] || missing+=(caddy)
[ -x /usr/bin/apprise ] || missing+=(apprise)
[ -x /usr/bin/prometheus-alertmanager ] || missing+=(prometheus-alertmanager)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]} (needed by the tests)..." >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi
export NOTIFIER_TEST_ARTIFACTS="${NOTIFIER_TEST_ARTIFACTS:-$PWD/tests/artifacts}"
mkdir -p "$NOTIFIER_TEST_ARTIFACTS"
# The throwaway server's files in memory where the machine has a tmpfs: its data is thrown away anyway, and creating a
# database per test class (a few dozen tables and indexes, each a file InnoDB syncs) is 5× faster there than on disk.
# (Only with room to spare: a container's /dev/shm can be as small as 64 MiB.)
db_parent=/tmp
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df --output=avail -k /dev/shm | tail -n 1)" -gt $((2 * 1024 * 1024)) ]; then
  db_parent=/dev/shm
fi
db_dir=$(mktemp -d "$db_parent/notifier-test-db.XXXXXX")
trap 'scripts/mariadb.sh stop "$db_dir"; dotnet build-server shutdown >/dev/null 2>&1 || true' EXIT
NOTIFIER_TEST_MARIADB=$(scripts/mariadb.sh start "$db_dir")
export NOTIFIER_TEST_MARIADB

# The runtime's W^X (code pages never writable and executable at once) off for the processes this script starts: the
# build, the test runners and the hosts they start in-process, which JIT a few hundred short-lived hosts, and spent
# about a sixth more CPU with it (ADR 0018). The published hosts the tests start get exactly the environment a
# container gives them (PublishedProcess), so they run with W^X on, as shipped.
export DOTNET_EnableWriteXorExecute=0

# One warm compiler server for the whole solution instead of a cold compiler per project (about 20% less build CPU
# here; some environments turn it off with UseSharedCompilation=false, so it is asked for by name). Stopped on exit.
dotnet build Notifier.sln -c Release -nologo -v quiet -p:UseSharedCompilation=true
# The published hosts, as the Dockerfile copies them to /app: the tests that run them as containers do use these.
export NOTIFIER_PUBLISHED="$PWD/artifacts/publish"
for project in Notifier.Api Notifier.Worker; do
  dotnet publish "$project/$project.csproj" -c Release --no-build -nologo -v quiet -o "$NOTIFIER_PUBLISHED/$project"
done
log=$(mktemp)
set +e
# -m:3: the three test assemblies at once (the default is one per core); each one runs its classes in parallel too.
dotnet test Notifier.sln -c Release --no-build -nologo -m:3 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test assemblies.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
echo "browser screenshots: $NOTIFIER_TEST_ARTIFACTS"
exit "$status"
