#!/usr/bin/env bash
# Join and promote times of live audio on loopback (issue 4), each over PARLEY_BENCH_RUNS runs (default 50):
#  - C# bot peers through the hub (tests/Parley.Server.Tests LiveAudioBenchmarks):
#    join = JoinRoom → ConnectMedia → ICE/DTLS → first decoded frame; promote = AcceptSpeakInvite → first packet at a listener
#  - Chromium (tests/Parley.EndToEnd LiveAudioTests.JoinTimeBenchmark):
#    join = room page navigation start → the host's tone heard at the page's AnalyserNode
set -euo pipefail
cd "$(dirname "$0")/.."
export PARLEY_BENCH_RUNS="${PARLEY_BENCH_RUNS:-50}"
dotnet build tests/Parley.Server.Tests -v q -nologo
dotnet build tests/Parley.EndToEnd -v q -nologo
tests/Parley.Server.Tests/bin/Debug/net10.0/Parley.Server.Tests -method Parley.Server.Tests.LiveAudioBenchmarks.JoinAndPromoteTimes 2>&1 | grep -E "C# bots|Total|Fail|Exception" || true
tests/Parley.EndToEnd/bin/Debug/net10.0/Parley.EndToEnd -method Parley.EndToEnd.LiveAudioTests.JoinTimeBenchmark 2>&1 | grep -E "Chromium, loopback|Total|Fail|Exception" || true
