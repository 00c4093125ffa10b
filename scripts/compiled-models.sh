#!/usr/bin/env bash
# Regenerates what the hosts start with instead of building it from the model (docs/decisions/0017): the EF Core
# compiled models, and the script a new SQLite database is created from. Run it after every model change, next to
# `dotnet ef migrations add`; CompiledModelTests and NewDatabaseScriptTests fail until it is run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build Notifier.Core/Notifier.Core.csproj -nologo -v quiet
for provider in Sqlite MariaDb; do
  rm -rf "Notifier.Core/Data/CompiledModels/$provider"
  dotnet ef dbcontext optimize --no-build --project Notifier.Core --context "${provider}NotifierDbContext" \
    --output-dir "Data/CompiledModels/$provider" --namespace "Notifier.Core.Data.CompiledModels.$provider"
done
dotnet ef migrations script --no-build --project Notifier.Core --context SqliteNotifierDbContext \
  --output Notifier.Core/Data/Migrations/Sqlite/NewDatabase.sql
