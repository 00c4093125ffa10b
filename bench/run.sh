#!/usr/bin/env bash
# The benchmarks of issue 6 in one command: builds, starts a throwaway MariaDB, runs every figure, prints the table,
# stops the server. Arguments go to the bench (smaller sizes for a quick run), for example:
#   bench/run.sh --deliveries 2000 --accounts 200 --upkeep-accounts 1000 --rest-seconds 5
#   bench/run.sh --quick              (every figure at a small size, about three minutes)
# NOTIFIER_BENCH_ONLY=burst,rest,upkeep,memory,start picks figures (memory: the hosts, then the libraries alone, bench/Notifier.Floor).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== machine"
echo "nproc: $(nproc)"
lscpu | head -n 15
free -h | head -n 2
scripts/mariadb.sh install
"$( command -v mariadbd || echo /usr/sbin/mariadbd )" --version
dotnet --version
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet build Notifier.sln -c Release -nologo -v quiet
# The hosts as they are shipped (the memory and start figures run these).
NOTIFIER_BENCH_PUBLISHED="$PWD/artifacts/bench-publish"
export NOTIFIER_BENCH_PUBLISHED
for project in Notifier.Api Notifier.Worker bench/Notifier.Floor; do
  dotnet publish "$project/${project##*/}.csproj" -c Release --no-build -nologo -v quiet -o "$NOTIFIER_BENCH_PUBLISHED/${project##*/}"
done
db_dir=$(mktemp -d /tmp/notifier-bench-db.XXXXXX)
trap 'scripts/mariadb.sh stop "$db_dir"' EXIT
NOTIFIER_BENCH_MARIADB=$(scripts/mariadb.sh start "$db_dir")
export NOTIFIER_BENCH_MARIADB
NOTIFIER_BENCH_MARIADB_PID=$(cat "$db_dir/pid")
export NOTIFIER_BENCH_MARIADB_PID

echo "== bench"
dotnet bench/Notifier.Bench/bin/Release/net10.0/Notifier.Bench.dll "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
