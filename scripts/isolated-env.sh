#!/usr/bin/env bash
# Runs a command (usually a nested `npm install` or `npx`) in an environment this project
# controls, whoever started us.
#
# Why: pnpm hands every script it runs `npm_config_user_agent=pnpm/... node/v20...` and a
# crowd of other `npm_*` variables. A nested npm takes every `npm_config_*` variable as its
# own configuration, so code-server's postinstall, which reads the Node version from that
# user agent, refused to install under Node 24 with "code-server currently requires node
# v24" - only when started through pnpm, and only on a machine with nothing cached.
#
# What is dropped: every variable whose name starts with npm_ or pnpm_ (any case), and
# NODE_OPTIONS / NODE_PATH / INIT_CWD, which the caller's runner may have set for itself.
# Everything else (PATH, HOME, proxies, CA certificates, CI) is kept, so the registries
# stay reachable exactly as the machine is set up. Use `VAR=value` arguments before the
# command to set variables for it, as with env(1).
#
# usage: isolated-env.sh [VAR=value ...] command [args ...]
set -euo pipefail

unset_args=()
while IFS= read -r name; do
  case "${name,,}" in
    npm_* | pnpm_* | node_options | node_path | init_cwd) unset_args+=(-u "$name") ;;
  esac
done < <(compgen -e)

exec env "${unset_args[@]}" "$@"
