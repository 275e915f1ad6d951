# Shared by deploy/local/start, stop, seed and smoke: where things live, which ports, how a process is
# recognised as ours, and how start launches and waits for one. Sourced, not run.
#
# Every setting can be overridden from the environment, e.g. `PG_PORT=55433 deploy/local/start`.
# stop must see the same LOCAL_RUN_DIR as start did (the ports it does not need).
# shellcheck disable=SC2034  # the variables are used by the scripts that source this file

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"

RUN_DIR="${LOCAL_RUN_DIR:-$LOCAL_DIR/.run}"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
ENV_FILE="$RUN_DIR/env"

PG_PORT="${PG_PORT:-15432}"
PG_DATA="$RUN_DIR/pg"
# Extra options of the PostgreSQL server, given to pg_ctl start (e.g. "-c shared_preload_libraries=pg_stat_statements",
# which deploy/local/bench/run sets to count each service's statements per unassign); applied at each start.
PG_SERVER_OPTIONS="${PG_SERVER_OPTIONS:-}"
# PostgreSQL's buffer cache (its default is 128 MB). With 128 MB, licensing-service's bench (260,000 users, 520,000
# licenses, pgbench's tables beside them) read and wrote pages through the kernel in the unassigns' statements: 6.6%
# of PostgreSQL's CPU (perf) in those read and write calls, almost none at 512 MB, though its CPU per unassign did not
# measurably change (licensing-service/bench/README.md). Reserved at start, resident only as pages are read into it.
PG_SHARED_BUFFERS="${PG_SHARED_BUFFERS:-512MB}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DIR="$RUN_DIR/kafka"
KAFKA_PROPERTIES="$KAFKA_DIR/server.properties"
DIRECTORY_PORT="${DIRECTORY_PORT:-8081}"
LICENSING_PORT="${LICENSING_PORT:-8082}"
LIFECYCLE_PORT="${LIFECYCLE_PORT:-8083}"
CONSOLE_PORT="${CONSOLE_PORT:-8080}"
# The gateway: one Graph base URL in front of the services (nginx routed by the Ingress). Keep it out of Linux's
# ephemeral port range (32768-60999), where an outgoing connection may hold it when start wants it.
GATEWAY_PORT="${GATEWAY_PORT:-8084}"
GATEWAY_DIR="$RUN_DIR/gateway"
# The services listen on loopback only: the dev signing key is public, so anyone who can reach them
# can mint an admin token. Set SERVICE_HOST=0.0.0.0 to expose them on purpose.
SERVICE_HOST="${SERVICE_HOST:-127.0.0.1}"

# The JVM that runs the services, the console and the broker (local_java below): LOCAL_JAVA when set, else a JDK 25 or
# later when the machine has one (java on the PATH, else the newest under /usr/lib/jvm: Temurin 25 on these machines),
# else java on the PATH (17 is enough), run as it always was. Class data sharing (CDS: auto, true or false): with a
# JDK 25 or later each JVM keeps an AOT cache (JEP 483/514/515) in CDS_DIR, one per process. The first start after a
# build (or after a change of JVM or JVM options) is the training run: the JVM records the classes it loads and links
# and writes the cache when it stops (deploy/local/stop waits for it); each later start maps it and is ready on about
# two thirds of the CPU. auto (the default): that cache with a JDK 25 or later, nothing with an older one. true: also
# JDK 17-24's dynamic archive, written as the first run stops like the cache (see cds_options; measured on JDK 19-24 at
# 55-70 MB more RSS a service, on JDK 17 no more at ready, not under load). false: neither.
CDS_DIR="$RUN_DIR/cds"
CDS="${CDS:-auto}"
# How long stop waits for a JVM that writes its AOT cache as it exits (the JVM assembles it in a child JVM).
CDS_WRITE_SECONDS="${CDS_WRITE_SECONDS:-180}"

# name (= Maven module) | HTTP port | database | the variable that sets the port
SERVICES=(
  "directory-service|$DIRECTORY_PORT|directory|DIRECTORY_PORT"
  "licensing-service|$LICENSING_PORT|licensing|LICENSING_PORT"
  "data-lifecycle-service|$LIFECYCLE_PORT|lifecycle|LIFECYCLE_PORT"
)

# The admin console: no database, no Kafka; it calls the three services' APIs.
CONSOLE_NAME=admin-console

# The demo tenant (Contoso). Fixed, so that tokens and notes stay valid across runs.
CONTOSO_TENANT_ID="${CONTOSO_TENANT_ID:-8f5b2c1e-4d3a-4e6f-9a7b-c0e1d2f3a4b5}"

say() { printf '%s\n' "$*"; }
step() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# The command-line fragment that only our own instance of a component has. A pid file is trusted
# only while /proc/<pid>/cmdline still contains it, so a recycled pid is never taken for ours.
marker_of() {
  case "$1" in
    postgres) printf '%s' "$PG_DATA" ;;
    kafka) printf '%s' "$KAFKA_PROPERTIES" ;;
    # in the command line of deploy/local/gateway/run (--prefix) and of the nginx it becomes (-p)
    gateway) printf '%s' "$GATEWAY_DIR" ;;
    *) printf '%s' "$RUN_DIR/apps/$1/quarkus-run.jar" ;;
  esac
}

# Prints the recorded pid of a component if that process is alive and still ours.
our_pid() {
  local name="$1" pid_file="$PID_DIR/$1.pid" pid cmdline
  [[ -s "$pid_file" ]] || return 1
  pid="$(<"$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$(marker_of "$name")"* ]] || return 1
  printf '%s' "$pid"
}

# A process that exited but was not reaped yet (a zombie) still has /proc/<pid>: it does not count.
alive() {
  local state
  state="$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The newest PostgreSQL server binaries of the machine (Debian's layout), if any.
pg_bin_dir() {
  local dir
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/pg_ctl" && -x "$dir/initdb" ]] || return 1
  printf '%s' "$dir"
}

# initdb and the postmaster refuse to run as root: as root they run as the postgres OS user.
as_pg_owner() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# --- Used by deploy/local/start -------------------------------------------------------------------

apt_install() {
  is_root || die "$* missing; install it (apt-get install -y $*) or run as root"
  step "Installing $* with apt-get"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"; } >>"$LOG_DIR/apt.log" 2>&1 ||
    die "apt-get install $* failed, see $LOG_DIR/apt.log"
}

# free_port <variable>: dies when the port the variable names is taken by another process.
free_port() {
  if port_open "${!1}"; then die "port ${!1} is taken by another process; choose another with $1=..."; fi
}

# Wall-clock time in microseconds (bash 5's EPOCHREALTIME; some locales write it with a comma).
now_us() { printf '%s' "${EPOCHREALTIME/[.,]/}"; }

# seconds_since <microseconds>: the time since then, as seconds with one decimal (12.3).
seconds_since() {
  local tenths=$((($(now_us) - $1) / 100000))
  printf '%d.%d' $((tenths / 10)) $((tenths % 10))
}

# When each process was launched (now_us), for the "ready ... after its launch" lines of wait_until.
declare -A LAUNCHED=()

# Starts a long-lived process in its own session (so that Ctrl-C on start, or the terminal closing,
# does not end it), appending to logs/<name>.log, and records its pid.
launch() {
  local name="$1" log="$LOG_DIR/$1.log"
  shift
  printf '\n===== %s deploy/local/start: %s\n' "$(date -Is)" "$*" | cut -c1-300 >>"$log"
  LAUNCHED[$name]="$(now_us)"
  setsid "$@" >>"$log" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$PID_DIR/$name.pid"
}

# wait_until <what> <log> <pid> <check command...>: polls the check once a second until it passes;
# fails fast if the process died, and after WAIT_SECONDS with a pointer to the log. The pid is the one launch
# recorded, not our_pid's: right after launch the child may not have exec'd java yet, so its command line does
# not name the app, and our_pid would take a process starting up for one that exited.
# Polls every 0.2 s: start waits for each component one after the other, and a 1 s poll left about half a second
# on the table at each of them.
wait_until() {
  local what="$1" log="$2" pid="$3" deadline=$((SECONDS + WAIT_SECONDS))
  shift 3
  until "$@"; do
    alive "$pid" || { tail -n 30 "$log" >&2 || true; die "$what: the process exited, see $log"; }
    ((SECONDS < deadline)) || { tail -n 30 "$log" >&2 || true; die "$what: not ready after ${WAIT_SECONDS}s (WAIT_SECONDS), see $log"; }
    sleep 0.2
  done
}

# A path as the reader typed it: relative to the project root when inside it.
shown() {
  case "$1" in
    "$PROJECT_ROOT"/*) printf '%s' "${1#"$PROJECT_ROOT"/}" ;;
    *) printf '%s' "$1" ;;
  esac
}

# The feature version of a JDK (17, 25, ...), from its release file.
jdk_feature() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

# The feature version of a java command.
java_feature() {
  jdk_feature "$(dirname "$(dirname "$(readlink -f "$1")")")"
}

# The java command the processes run on (see LOCAL_JAVA above): LOCAL_JAVA when set; else java on the PATH when it is
# a JDK 25 or later; else the newest JDK 25 or later under /usr/lib/jvm (Temurin 25 on these machines); else java on
# the PATH as it is (17 is enough).
local_java() {
  local path_java candidate feature best="" best_feature=0
  if [[ -n "${LOCAL_JAVA:-}" ]]; then
    printf '%s' "$LOCAL_JAVA"
    return
  fi
  path_java="$(command -v java || true)"
  if [[ -n "$path_java" ]] && feature="$(java_feature "$path_java")" && [[ -n "$feature" ]] && ((feature >= 25)); then
    printf '%s' "$path_java"
    return
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    feature="$(java_feature "$candidate")"
    if [[ -n "$feature" ]] && ((feature >= 25 && feature > best_feature)); then
      best="$candidate" best_feature="$feature"
    fi
  done
  printf '%s' "${best:-$path_java}"
}

# The class data sharing options of the process <name> (see CDS above): the AOT cache with a JDK 25 or later; with
# CDS=true and JDK 17-24 a dynamic archive (JDK 19-24 create and refresh it themselves, -XX:+AutoCreateSharedArchive;
# JDK 17-18 write it at exit, -XX:ArchiveClassesAtExit, and map it with -XX:SharedArchiveFile); none before JDK 17.
cds_options() {
  local name="$1" feature cache
  [[ "$CDS" == true || "$CDS" == auto ]] || return 0
  feature="$(java_feature "$JAVA")"
  [[ -n "$feature" && "$feature" -ge 17 ]] || return 0
  mkdir -p "$CDS_DIR"
  if ((feature < 25)); then
    [[ "$CDS" == true ]] || return 0
    cache="$CDS_DIR/$name.jsa"
    # -Xlog: the JVM lists every class it leaves out of the archive as a warning when it writes it
    if ((feature >= 19)); then
      printf '%s\n' -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$cache" -Xlog:cds=error
    elif cds_fresh "$name" "$cache"; then
      printf '%s\n' "-XX:SharedArchiveFile=$cache" -Xlog:cds=error
    else
      rm -f "$cache"
      printf '%s\n' "-XX:ArchiveClassesAtExit=$cache" -Xlog:cds=error
    fi
    return 0
  fi
  cache="$CDS_DIR/$name.aot"
  # -Xlog: the JVM lists every class it leaves out of the cache as a warning when it records or writes it
  if cds_fresh "$name" "$cache"; then
    printf '%s\n' "-XX:AOTCache=$cache" '-Xlog:aot*=error,cds*=error'
  else
    # A training run: the cache is written when this JVM exits. Until then the file is absent, so a JVM killed before
    # it could write leaves nothing stale behind; the next start trains again.
    rm -f "$cache"
    # The JVM assembles what it recorded in a buffer of CompressedClassSpaceSize, which a MaxMetaspaceSize sets to 80%
    # of it: the .jvm files' 160 MB left 128 MB, too little for licensing's and directory's records when they had also
    # run their Flyway migrations ("Unable to allocate from 'ro' region", no cache written). A training run alone gets
    # room; the runs that map the cache keep the .jvm files' limit (the cache is outside the metaspace).
    printf '%s\n' "-XX:AOTCacheOutput=$cache" -XX:MaxMetaspaceSize=512m '-Xlog:aot*=error,cds*=error'
  fi
}

# cds_fresh <name> <file>: the cache or archive exists and nothing it was made from (the JVM, the app, the .jvm
# options) is newer.
cds_fresh() {
  [[ -s "$2" && -z "$(find "$(readlink -f "$JAVA")" "$(cds_inputs "$1")" "$LOCAL_DIR"/*.jvm -newer "$2" -print -quit)" ]]
}

# The option of a running JVM's command line that makes it write its cache or archive as it exits, and the file: a
# training run (see cds_options). Prints the file, or nothing.
cds_output_of() {
  tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | sed -n -e 's/^-XX:AOTCacheOutput=//p' -e 's/^-XX:ArchiveClassesAtExit=//p'
  return 0
}

# What the AOT cache of <name> was made from, besides the JVM and its options: a newer file there makes it stale.
cds_inputs() {
  case "$1" in
    kafka) printf '%s' "$KAFKA_DIR/classpath.txt" ;;
    *) printf '%s' "$RUN_DIR/apps/$1" ;;
  esac
}

JAVA="$(local_java)"
