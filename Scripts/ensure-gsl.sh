#!/bin/sh
# Installs GSL's development files (libgsl-dev) and pkg-config when `pkg-config --exists gsl` fails,
# and zlib's (zlib1g-dev, for `--compress`) when zlib.h is missing.
# Uses apt-get as root, or through sudo when not root; says what to do when neither works.
# `ensure-gsl.sh openblas` installs libopenblas-dev instead (for `make BLAS=openblas`).
set -eu
if [ "${1:-}" = "openblas" ]; then
    [ -e /usr/lib/x86_64-linux-gnu/libopenblas.so ] || ls /usr/lib/*/libopenblas.so >/dev/null 2>&1 && exit 0
    PACKAGES="libopenblas-dev"
else
    PACKAGES=""
    command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl || PACKAGES="libgsl-dev pkg-config"
    [ -e /usr/include/zlib.h ] || PACKAGES="$PACKAGES zlib1g-dev"
    [ -n "$PACKAGES" ] || exit 0
fi
echo "installing $PACKAGES with apt-get" >&2
if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get is not available. Install the GNU Scientific Library development files (libgsl-dev, gsl-devel or 'brew install gsl') and pkg-config, then rerun." >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "error: installing $PACKAGES needs root. Run 'sudo apt-get install $PACKAGES' and rerun." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $PACKAGES >/dev/null
if [ "${1:-}" != "openblas" ]; then
    pkg-config --exists gsl || { echo "error: libgsl-dev installed but pkg-config still cannot find gsl" >&2; exit 1; }
    echo "GSL $(pkg-config --modversion gsl) installed" >&2
fi
