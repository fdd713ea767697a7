#!/usr/bin/env bash
# kapt against KSP: the same Kotlin layers (scripts/bench_ksp_sources.py: N layer classes of ten
# annotated properties each, and a network) through kinit's processor; prints each run and the
# medians of wall and CPU time. INPUT chooses the sources' style (bench_ksp_sources.py): implicit
# (the default: weight types inferred), explicit (weight types written out) or mixed (the implicit
# layers in a module of ordinary Kotlin that carries no kinit annotation).
#
# cold (the default): each tool in a JVM of its own, as a build without a daemon runs it (Maven's
# KSP setup does: see samples-ksp), interleaved round by round (the order alternates), R rounds.
# warm: each tool in one JVM that runs it 5 times to warm up and then R times measured, as a build
# daemon runs it (scripts/BenchKspWarm.java); kapt's JVM first, then KSP's.
#
# The processing step only: kapt in stubsAndApt mode (Kotlin analysis, Java stubs, javac over them
# with the processor; what kotlin-maven-plugin's kapt goal runs), KSP2's KSPJvmMain (Kotlin
# analysis and the processor). Neither compiles the classes: that step is the same either way.
# Both outputs are compared, file by file: KSP must generate what kapt generates. BENCH_JVM_OPTS
# (split at spaces) are given to both tools' JVMs alike.
#
# Usage: mvn -B -q -DskipTests package &&
#   scripts/bench_ksp.sh [ROUNDS=5] [LAYERS=40] [cold|warm] [implicit|explicit|mixed]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-5}
LAYERS=${2:-40}
MODE=${3:-cold}
INPUT=${4:-implicit}
WARMUP=5
CLASSPATHS="$ROOT/benchmarks/target/bench-ksp"
if [[ ! -f "$CLASSPATHS/ksp.classpath" ]]; then
  echo "no $CLASSPATHS/*.classpath: build first with mvn -B -q -DskipTests package" >&2
  exit 1
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JDK=$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")
KAPT_CP=$(cat "$CLASSPATHS/kapt.classpath")
KSP_CP=$(cat "$CLASSPATHS/ksp.classpath")
PROCESSOR=$(cat "$CLASSPATHS/processor.classpath")
LIBRARIES=$(cat "$CLASSPATHS/libraries.classpath")
KAPT_PLUGIN=$(tr ':' '\n' <<< "$KAPT_CP" | grep kotlin-annotation-processing-embeddable)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 "$ROOT/scripts/bench_ksp_sources.py" "$WORK/src" "$LAYERS" "$INPUT"

# kapt runs javac's internals, which JDK 17 keeps closed.
OPENS=()
for p in api code comp file jvm main parser processing tree util; do
  OPENS+=("--add-opens=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
# JVM options for both tools alike (BENCH_JVM_OPTS, split at spaces).
read -ra JVM_FLAGS <<< "${BENCH_JVM_OPTS:-}"
KAPT_OPTION=plugin:org.jetbrains.kotlin.kapt3
PROCESSOR_PATH=()
IFS=: read -ra jars <<< "$PROCESSOR"
for jar in "${jars[@]}"; do
  PROCESSOR_PATH+=(-P "$KAPT_OPTION:apclasspath=$jar")
done

# Each tool's arguments; @OUT@ stands for the output directory of a run.
KAPT_ARGS=(-no-stdlib -no-reflect -jvm-target 17 -module-name bench -classpath "$LIBRARIES"
  -d "@OUT@/classes" -Xplugin="$KAPT_PLUGIN"
  -P "$KAPT_OPTION:aptMode=stubsAndApt" -P "$KAPT_OPTION:mapDiagnosticLocations=true"
  -P "$KAPT_OPTION:sources=@OUT@/sources" -P "$KAPT_OPTION:classes=@OUT@/classes"
  -P "$KAPT_OPTION:stubs=@OUT@/stubs" -P "$KAPT_OPTION:incrementalData=@OUT@/incremental"
  "${PROCESSOR_PATH[@]}" "$WORK/src")
KSP_ARGS=(-jvm-target=17 -module-name=bench -language-version=2.4 -api-version=2.4
  -jdk-home="$JDK" -source-roots="$WORK/src" -libraries="$LIBRARIES" -project-base-dir="$WORK"
  -output-base-dir="@OUT@" -caches-dir="@OUT@/caches" -class-output-dir="@OUT@/classes"
  -resource-output-dir="@OUT@/resources" -kotlin-output-dir="@OUT@/kotlin"
  -java-output-dir="@OUT@/sources" "$PROCESSOR")

kapt() { # $1: output directory
  mkdir -p "$1"/{sources,classes,stubs,incremental}
  "$JAVA" "${JVM_FLAGS[@]}" "${OPENS[@]}" -cp "$KAPT_CP" org.jetbrains.kotlin.cli.jvm.K2JVMCompiler \
    "${KAPT_ARGS[@]//@OUT@/$1}"
}

ksp() { # $1: output directory
  mkdir -p "$1"
  "$JAVA" "${JVM_FLAGS[@]}" -cp "$KSP_CP" com.google.devtools.ksp.cmdline.KSPJvmMain \
    "${KSP_ARGS[@]//@OUT@/$1}"
}

# Runs tool $1 WARMUP + ROUNDS times in one JVM into $WORK/$1-warm/N; the measured runs' output goes
# to $WORK/$1-1 (compared below) and their "wall cpu" (ms) to $WORK/$1.times.
warm() {
  local out="$WORK/$1-warm" runs=$((WARMUP + ROUNDS)) run=0 wall cpu
  for ((n = 1; n <= runs; n++)); do mkdir -p "$out/$n"/{sources,classes,stubs,incremental}; done
  local classpath=$KSP_CP args=("${KSP_ARGS[@]}") opens=()
  if [[ $1 == kapt ]]; then classpath=$KAPT_CP args=("${KAPT_ARGS[@]}") opens=("${OPENS[@]}"); fi
  "$JAVA" "${JVM_FLAGS[@]}" "${opens[@]}" -cp "$classpath" "$ROOT/scripts/BenchKspWarm.java" \
    "$1" "$runs" "$out" "${args[@]}" > "$out.times" 2> "$out.log" || {
    cat "$out.log" >&2
    exit 1
  }
  while read -r wall cpu; do
    run=$((run + 1))
    if ((run <= WARMUP)); then
      printf '%-5s warm-up %d: wall %6d ms  cpu %6d ms\n' "$1" "$run" "$wall" "$cpu"
    else
      echo "$wall $cpu" >> "$WORK/$1.times"
      printf '%-5s round %d: wall %6d ms  cpu %6d ms\n' "$1" "$((run - WARMUP))" "$wall" "$cpu"
    fi
  done < "$out.times"
  ln -s "$out/$runs" "$WORK/$1-1"
}

# Runs tool $1 into $WORK/$1-$2; appends "wall cpu" (ms) to $WORK/$1.times.
measure() {
  local out="$WORK/$1-$2" times
  TIMEFORMAT='%R %U %S'
  times=$( { time "$1" "$out" > "$out.log" 2>&1; } 2>&1 ) || {
    cat "$out.log" >&2
    exit 1
  }
  read -r wall user sys <<< "$times"
  local wall_ms cpu_ms
  wall_ms=$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')
  cpu_ms=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
  echo "$wall_ms $cpu_ms" >> "$WORK/$1.times"
  printf '%-5s round %d: wall %6d ms  cpu %6d ms\n' "$1" "$2" "$wall_ms" "$cpu_ms"
}

echo "$LAYERS layer classes ($((LAYERS * 10)) annotated properties) and a network; $ROUNDS rounds, $MODE"
echo "input: $INPUT, $(find "$WORK/src" -name '*.kt' | wc -l) files," \
  "$(cat "$WORK/src"/*.kt | grep -cv '^[[:space:]]*$') non-blank lines of Kotlin"
echo "load before: $(uptime)"
if [[ $MODE == warm ]]; then
  warm kapt
  warm ksp
else
  for ((r = 1; r <= ROUNDS; r++)); do
    if ((r % 2)); then measure kapt "$r"; measure ksp "$r"; else measure ksp "$r"; measure kapt "$r"; fi
  done
fi
echo "load after: $(uptime)"

# The same initializers, byte for byte.
diff -r "$WORK/kapt-1/sources" "$WORK/ksp-1/sources" > "$WORK/diff" || {
  echo "kapt and KSP generated different initializers:" >&2
  head -40 "$WORK/diff" >&2
  exit 1
}
echo "generated: $(find "$WORK/ksp-1/sources" -name '*.java' | wc -l) initializers, identical"

median() { # column $2 of file $1
  sort -n -k"$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
kapt_wall=$(median "$WORK/kapt.times" 1)
kapt_cpu=$(median "$WORK/kapt.times" 2)
ksp_wall=$(median "$WORK/ksp.times" 1)
ksp_cpu=$(median "$WORK/ksp.times" 2)
echo "medians     wall ms   cpu ms"
printf 'kapt      %9d %8d\n' "$kapt_wall" "$kapt_cpu"
printf 'ksp       %9d %8d\n' "$ksp_wall" "$ksp_cpu"
awk -v kw="$kapt_wall" -v kc="$kapt_cpu" -v sw="$ksp_wall" -v sc="$ksp_cpu" \
  'BEGIN { printf "kapt/ksp  %9.2fx %7.2fx\n", kw / sw, kc / sc }'
