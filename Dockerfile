# Shipshape as a container image: the Native AOT binary on Microsoft's chiseled Ubuntu base (distroless: no shell,
# no package manager), running as the image's non-root user.
#
#   docker build -t shipshape .
#   docker run --rm -v "$PWD:/src:ro" shipshape scan . --format sarif=/dev/stdout
#
# Shipshape checks this file itself: `shipshape scan .` at the top of the repository (with its .shipshape.yaml).

# The .NET SDK image with the native toolchain (clang, zlib) that Native AOT needs.
# shipshape:ignore SHP-CTR-008 build stage only: the tag follows .NET 10 SDK patches and nothing of it ships but the compiled binary
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build
ARG TARGETARCH
WORKDIR /src
COPY . .
RUN case "${TARGETARCH:-amd64}" in arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac \
    && dotnet publish src/Shipshape.Cli -c Release -r "$rid" -p:PublishAot=true -p:DebugType=none -o /out

# runtime-deps holds only what a self-contained binary needs (glibc, OpenSSL, CA certificates); chiseled images
# define the non-root user 'app' (UID 1654).
# shipshape:ignore SHP-CTR-008 pinned by tag to .NET 10 on Ubuntu 24.04; rebuild to pick up the base image's security updates
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /out/shipshape /usr/local/bin/shipshape
USER app
WORKDIR /src
# shipshape:ignore SHP-CTR-016 a command-line tool that exits when its scan is done: there is no service to probe
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/shipshape"]
CMD ["scan", "."]
