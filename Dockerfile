# One multi-stage build for both hosts: `--build-arg PROJECT=Notifier.Api` or `Notifier.Worker`.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT=Notifier.Api
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Notifier.Core/Notifier.Core.csproj Notifier.Core/
COPY ${PROJECT}/${PROJECT}.csproj ${PROJECT}/
RUN dotnet restore ${PROJECT}/${PROJECT}.csproj
COPY Notifier.Core/ Notifier.Core/
COPY ${PROJECT}/ ${PROJECT}/
RUN dotnet publish ${PROJECT}/${PROJECT}.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG PROJECT=Notifier.Api
# tzdata: schedules name IANA zones such as Asia/Seoul.
RUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# GC and JIT settings are in the projects (runtimeconfig.json), the same here as for `dotnet Notifier.Api.dll`.
ENV PROJECT_DLL=${PROJECT}.dll \
    ASPNETCORE_URLS=http://+:8080
USER app
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec dotnet \"$PROJECT_DLL\""]
