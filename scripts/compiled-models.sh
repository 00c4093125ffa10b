#!/usr/bin/env bash
# Regenerates the EF Core compiled models the hosts start with (docs/decisions/0017, addendum). Run it after every
# model change, next to `dotnet ef migrations add`; CompiledModelTests fails until it is run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build Notifier.Core/Notifier.Core.csproj -nologo -v quiet
for provider in Sqlite MariaDb; do
  rm -rf "Notifier.Core/Data/CompiledModels/$provider"
  dotnet ef dbcontext optimize --no-build --project Notifier.Core --context "${provider}NotifierDbContext" \
    --output-dir "Data/CompiledModels/$provider" --namespace "Notifier.Core.Data.CompiledModels.$provider"
done
