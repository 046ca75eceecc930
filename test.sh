#!/usr/bin/env bash
# Installs what the tests need when it is missing, builds, runs every test project (xUnit v3 test
# executables and the web client's Vitest suite), and prints a last line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
RESULTS="$ROOT/.test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

# --- what the tests need ------------------------------------------------------------------------
# chromium: the browser tests (never a downloaded browser); libopus-dev: Concentus uses native
# libopus when present (12x faster Opus); iproute2: network namespaces for loopback-only media tests.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libopus.so ' || need+=(libopus-dev)
command -v ip >/dev/null || need+=(iproute2)
# libsrtp2: the SRTP interop tests check our SRTP against libsrtp through P/Invoke.
ldconfig -p 2>/dev/null | grep -q 'libsrtp2.so.1 ' || need+=(libsrtp2-1)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  as_root apt-get update -qq >/dev/null 2>&1 || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
    || echo "test.sh: could not install ${need[*]} (run as root or with sudo)"
fi

# --- build ----------------------------------------------------------------------------------------
echo "test.sh: building"
if ! dotnet build Parley.slnx -c Debug -nologo -clp:ErrorsOnly 2>&1 | tee "$RESULTS/build.log" | tail -40; then
  :
fi
if ! grep -q "Build succeeded" "$RESULTS/build.log" && grep -qE "error [A-Z]+[0-9]+" "$RESULTS/build.log"; then
  echo "test.sh: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0

# --- web client unit tests (Vitest) ---------------------------------------------------------------
if [ -f web/package.json ] && grep -q '"test"' web/package.json; then
  echo "test.sh: web (vitest)"
  [ -d web/node_modules ] || (cd web && npm ci --no-audit --no-fund >/dev/null 2>&1)
  (cd web && npx vitest run --reporter=default --reporter=json --outputFile="$RESULTS/vitest.json") \
    > "$RESULTS/vitest.log" 2>&1
  tail -15 "$RESULTS/vitest.log"
  if [ -f "$RESULTS/vitest.json" ]; then
    p=$(grep -o '"numPassedTests":[0-9]*' "$RESULTS/vitest.json" | head -1 | cut -d: -f2)
    f=$(grep -o '"numFailedTests":[0-9]*' "$RESULTS/vitest.json" | head -1 | cut -d: -f2)
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  else
    echo "test.sh: vitest produced no report"; failed=$((failed + 1))
  fi
fi

# --- .NET test projects ---------------------------------------------------------------------------
for proj in tests/*/; do
  name=$(basename "$proj")
  exe="$proj/bin/Debug/net10.0/$name"
  [ -x "$exe" ] || { echo "test.sh: $name was not built"; failed=$((failed + 1)); continue; }
  echo "test.sh: $name"
  report="$RESULTS/$name.xml"
  timeout 1800 "$exe" -noLogo -noColor -result-junit "$report" > "$RESULTS/$name.log" 2>&1
  rc=$?
  grep -E "\[FAIL\]|Total:" "$RESULTS/$name.log" | head -60
  if [ -f "$report" ]; then
    t=$(grep -o '<testsuites[^>]*' "$report" | grep -o ' tests="[0-9]*"' | grep -o '[0-9]*')
    f=$(grep -o '<testsuites[^>]*' "$report" | grep -o ' failures="[0-9]*"' | grep -o '[0-9]*')
    e=$(grep -o '<testsuites[^>]*' "$report" | grep -o ' errors="[0-9]*"' | grep -o '[0-9]*')
    s=$(grep -o '<testsuite [^>]*' "$report" | grep -o ' skipped="[0-9]*"' | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
    bad=$(( ${f:-0} + ${e:-0} ))
    passed=$((passed + ${t:-0} - bad - ${s:-0})); failed=$((failed + bad))
    if [ $rc -ne 0 ] && [ $bad -eq 0 ]; then
      echo "test.sh: $name exited with $rc"; failed=$((failed + 1))
    fi
  else
    echo "test.sh: $name produced no report (exit $rc)"; tail -30 "$RESULTS/$name.log"; failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
