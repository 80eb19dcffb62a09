#!/usr/bin/env bash
# Builds the benchmark module (profile 'benchmarks') with the reactor modules it needs, then runs
# the benchmarks. Arguments go to the runner, e.g. `benchmarks/run.sh plugin --repetitions 20`
# or `benchmarks/run.sh --quick`; with none it runs everything (a few minutes on 2 cores).
# Nothing is installed into the local Maven repository.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

./mvnw -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am

# A fixed heap keeps heap resizing out of the measurements; deep JFR stacks serve the profile mode.
exec java -Xms3g -Xmx3g -XX:FlightRecorderOptions:stackdepth=2048 -jar benchmarks/target/benchmarks.jar "$@"
