#!/usr/bin/env bash
# Runs every test of the project on a fresh machine, installing what the tests need:
#   - openapi-spec-validator (PyPI) in a venv under target/tools/py, for the OpenAPI check;
#   - Prism (npm @stoplight/prism-cli) under target/tools/node, for the mock-server suite;
#   - openapi-python-client, ruff (its default post-generation hooks) and openapi-generator-cli
#     (PyPI; the wheel bundles the openapi-generator jar, run on the machine's Java 17, so
#     nothing is downloaded at run time) in a venv under target/tools/gen, for the
#     other-generators tests and the Python client against Prism.
#   - Debian's chromium and chromium-driver (apt), for the review site's browser test.
# Usage: scripts/test.sh            (everything)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tools="$root/target/tools"
mkdir -p "$tools"

echo "== tools"
if [ ! -x "$tools/py/bin/python" ] || ! "$tools/py/bin/python" -c "import openapi_spec_validator" 2>/dev/null; then
  python3 -m venv "$tools/py"
  "$tools/py/bin/pip" install --quiet --disable-pip-version-check "openapi-spec-validator==0.7.*"
fi
export DOCBIND_PYTHON="$tools/py/bin/python"
if [ -f "$root/scripts/prism-version" ]; then
  # 5.14.2 is the newest release that runs on Node 20 (later ones require Node >= 24).
  prism_version=$(tr -d '[:space:]' < "$root/scripts/prism-version")
  if [ ! -x "$tools/node/node_modules/.bin/prism" ] \
     || [ "$("$tools/node/node_modules/.bin/prism" --version 2>/dev/null)" != "$prism_version" ]; then
    # A partial install (an interrupted run) is not repaired by npm: start from scratch.
    rm -rf "$tools/node"
    mkdir -p "$tools/node"
    (cd "$tools/node" && npm install --silent --no-audit --no-fund --prefix . "@stoplight/prism-cli@$prism_version" >/dev/null)
  fi
  export DOCBIND_PRISM="$tools/node/node_modules/.bin/prism"
fi

gen_versions="openapi-python-client==0.29.* openapi-generator-cli==7.26.* ruff==0.*"
if [ ! -x "$tools/gen/bin/openapi-python-client" ] || [ ! -x "$tools/gen/bin/openapi-generator-cli" ] \
   || [ ! -x "$tools/gen/bin/ruff" ] || [ "$(cat "$tools/gen/.versions" 2>/dev/null)" != "$gen_versions" ]; then
  rm -rf "$tools/gen"
  python3 -m venv "$tools/gen"
  # shellcheck disable=SC2086 # one argument per requirement
  "$tools/gen/bin/pip" install --quiet --disable-pip-version-check $gen_versions
  echo "$gen_versions" > "$tools/gen/.versions"
fi
export DOCBIND_OPENAPI_PYTHON_CLIENT="$tools/gen/bin/openapi-python-client"
export DOCBIND_OPENAPI_GENERATOR="$tools/gen/bin/openapi-generator-cli"

# The review site is tested in a real browser (generator/tests/review_browser.rs), driven
# through chromedriver. apt needs root: sudo when not root (and available).
if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt_get=(apt-get)
  elif command -v sudo >/dev/null 2>&1; then
    apt_get=(sudo apt-get)
  else
    echo "scripts/test.sh: chromium and chromium-driver are missing and apt-get needs root" >&2
    exit 1
  fi
  "${apt_get[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq --no-install-recommends \
    chromium chromium-driver fonts-noto-cjk >/dev/null
fi
DOCBIND_CHROMEDRIVER=$(command -v chromedriver)
export DOCBIND_CHROMEDRIVER

echo "== format"
cargo fmt --all --check

echo "== generated outputs are up to date (docbind check)"
cargo run --quiet -p docbind -- check

echo "== clippy (workspace, generated crates included), warnings denied"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== docs, warnings denied (the generator's internals with private items; the runtime and generated crates as users see them)"
RUSTDOCFLAGS="-D warnings" cargo doc -p docbind --no-deps --document-private-items --quiet
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --exclude docbind --no-deps --quiet

echo "== tests"
cargo test --workspace
