# Shared by scripts/setup.sh and scripts/test.sh: a virtual environment in .venv,
# made with the machine's Python 3.11+, and Debian packages installed on demand.

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

apt_install() {
    # apt_install PACKAGE... : install Debian packages (as root, or through sudo).
    local run=()
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            run=(sudo)
        else
            echo "error: need root (or sudo) to install: $*" >&2
            return 1
        fi
    fi
    echo "installing Debian packages: $*" >&2
    "${run[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq --no-install-recommends "$@"
}

ensure_venv() {
    if [ -x "$VENV/bin/python" ]; then
        return 0
    fi
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        # Debian splits venv (and ensurepip) out of python3.
        rm -rf "$VENV"
        local minor
        minor=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
        apt_install "python${minor}-venv"
        "$PYTHON" -m venv "$VENV"
    fi
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
}
