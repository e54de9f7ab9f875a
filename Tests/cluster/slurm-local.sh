#!/usr/bin/env bash
# A real test of Scripts/slurm/ on a real one-node Slurm on this machine (Debian, root, no systemd).
#
#   Tests/cluster/slurm-local.sh            # uses .build/release/entente
#   ENTENTE=/path/to/entente Tests/cluster/slurm-local.sh
#
# It installs slurm-wlm and munge from Debian when missing, creates a munge key when missing, starts
# munged (unless one already answers), slurmctld and slurmd with a slurm.conf of its own in a temporary
# folder (its own state, spool, logs and free ports: nothing of an existing Slurm is touched), then:
#   1. submits a copy of Scenarios/sweeps/betrayal-complicity.yaml with few replicates through
#      Scripts/slurm/submit.sh as a 4-task array plus the merge job, and waits for both;
#   2. runs the same sweep in one process and compares: points.csv byte for byte, runs.csv after
#      sorting its data rows by point, replicate (header compared on its own);
#   3. deletes one shard and cuts another short, submits again, and checks that the tasks resume or
#      start as they should and that the merge gives the same files again.
# On failure it prints the daemons' and the jobs' logs. On exit it stops the daemons it started (by
# pid) and deletes its temporary folder; daemons left by an earlier run killed outright are stopped
# at the start (their pids are recorded under /run/entente-slurm-local/).
#
# Environment: ENTENTE (binary), SLURM_TEST_TIMEOUT (seconds to wait for each submission, default 300),
# SLURM_TEST_SWEEP (sweep file to copy, default the betrayal × complicity grid),
# SLURM_TEST_REPLICATES (replicates in the copy, default 8), SLURM_TEST_KEEP=1 (keep the temporary folder).
# Exit status 0 only when every check passed; the last line reads "slurm-local: P passed, F failed".

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ENTENTE=$(realpath -m -- "${ENTENTE:-$ROOT/.build/release/entente}")
TIMEOUT=${SLURM_TEST_TIMEOUT:-300}
SWEEP_SOURCE=$(realpath -m -- "${SLURM_TEST_SWEEP:-$ROOT/Scenarios/sweeps/betrayal-complicity.yaml}")
REPLICATES=${SLURM_TEST_REPLICATES:-8}
SHARDS=4
REGISTRY=/run/entente-slurm-local
SUBMIT=$ROOT/Scripts/slurm/submit.sh

T0=${EPOCHREALTIME/./}
passed=0
failed=0
TMP=
MY_REGISTRY=
CTLD_PID=
SLURMD_PID=
MUNGED_PID=
JOB_IDS=()
OUT=
SWEEP=
POLICY_GUARD=

# ---------------------------------------------------------------------------------------------- output

elapsed() { # seconds since start, one decimal
    local us=$((${EPOCHREALTIME/./} - T0))
    printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000))
}
say() { printf 'slurm-local [%6ss] %s\n' "$(elapsed)" "$*"; }
pass() {
    passed=$((passed + 1))
    say "PASS: $*"
}
fail_check() {
    failed=$((failed + 1))
    say "FAIL: $*"
}

dump_logs() {
    local file
    say "---- logs ----"
    for file in "$TMP"/log/*; do
        [[ -s "$file" ]] || continue
        echo "==== $file (last 150 lines)"
        tail -n 150 "$file"
    done
    if [[ -n "$OUT" && -d "$OUT/logs" ]]; then
        for file in "$OUT"/logs/*; do
            echo "==== $file"
            cat "$file"
        done
    fi
    if [[ -n "$CTLD_PID" ]] && alive "$CTLD_PID"; then
        echo "==== sinfo -N -l"
        sinfo -N -l 2>&1 || true
        local id
        for id in "${JOB_IDS[@]}"; do
            echo "==== scontrol show job $id"
            scontrol show job "$id" 2>&1 || true
        done
    fi
    say "---- end of logs ----"
}

# A failure that stops the test: count it, show the logs, exit (the EXIT trap cleans up).
fatal() {
    fail_check "$*"
    [[ -z "$TMP" ]] || dump_logs
    exit 1
}

# ------------------------------------------------------------------------------------------- processes

start_time() { # the kernel's start time of a process, to tell it from a later one with the same pid
    local stat rest
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    rest=${stat##*) }
    read -r -a fields <<<"$rest"
    echo "${fields[19]}"
}
comm_of() { cat "/proc/$1/comm" 2>/dev/null; }
alive() { # running, not a zombie
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ "${stat%% *}" != Z ]]
}

# Records a daemon in this run's registry file: NAME PID STARTTIME.
register() {
    echo "$1 $2 $(start_time "$2" || echo 0)" >>"$MY_REGISTRY"
}

# Stops a process by pid (TERM, then KILL after $3 seconds), if it is still the process named $2.
stop_pid() {
    local pid=$1 name=$2 grace=${3:-30} i
    [[ -n "$pid" ]] || return 0
    if alive "$pid" && [[ "$(comm_of "$pid")" == "$name"* ]]; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < grace * 10; i++)); do
            alive "$pid" || break
            sleep 0.1
        done
        if alive "$pid"; then
            say "warning: $name (pid $pid) did not stop within $grace s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true # reap it when it is our child
}

# Processes of the cluster configured by $1 (slurmstepd and job processes carry SLURM_CONF=$1),
# optionally only those named $2; never this script's own shell.
cluster_pids() {
    local conf=$1 name=${2:-} dir pid comm
    for dir in /proc/[0-9]*; do
        pid=${dir#/proc/}
        [[ "$pid" != "$$" && "$pid" != "$BASHPID" ]] || continue
        if [[ -n "$name" ]]; then
            read -r comm <"$dir/comm" 2>/dev/null || continue
            [[ "$comm" == "$name" ]] || continue
        fi
        grep -qzxF "SLURM_CONF=$conf" "$dir/environ" 2>/dev/null && alive "$pid" && echo "$pid"
    done
    return 0
}

# Daemons recorded by earlier runs that were killed before their cleanup ran.
stop_stale() {
    local file owner owner_start name pid start tmp
    [[ -d "$REGISTRY" ]] || return 0
    for file in "$REGISTRY"/run-*; do
        [[ -f "$file" && "$file" != *.owner ]] || continue
        read -r _ owner owner_start tmp <"$file.owner" 2>/dev/null || { owner=0 owner_start=0 tmp=; }
        if [[ "$owner" != 0 ]] && alive "$owner" && [[ "$(start_time "$owner")" == "$owner_start" ]]; then
            say "note: another run of this test (pid $owner) is active; leaving its daemons alone"
            continue
        fi
        # Stop in reverse order of start: slurmd, slurmctld, munged.
        tac "$file" | while read -r name pid start; do
            if alive "$pid" && [[ "$(start_time "$pid")" == "$start" ]]; then
                say "stopping $name (pid $pid) left by an earlier run"
                stop_pid "$pid" "$name" 30
            fi
        done
        if [[ -n "$tmp" && "$tmp" == /tmp/entente-slurm-local.* ]]; then
            # Job steps and job processes of that cluster, if any still run.
            for pid in $(cluster_pids "$tmp/slurm.conf"); do
                say "stopping $(comm_of "$pid") (pid $pid), a job process of an earlier run"
                kill -TERM "$pid" 2>/dev/null || true
            done
            rm -rf -- "$tmp"
        fi
        rm -f -- "$file" "$file.owner"
    done
}

cleanup() {
    local status=$? i
    trap - EXIT INT TERM
    set +e
    if [[ -n "$CTLD_PID" ]] && alive "$CTLD_PID" && ((${#JOB_IDS[@]} > 0)); then
        local ids
        ids=$(IFS=,; echo "${JOB_IDS[*]}")
        if [[ -n "$(squeue -h -j "$ids" -o %i 2>/dev/null)" ]]; then
            say "cancelling jobs $ids"
            scancel "${JOB_IDS[@]}" 2>/dev/null
            for ((i = 0; i < 300; i++)); do
                [[ -z "$(squeue -h -j "$ids" -o %i 2>/dev/null)" ]] && break
                sleep 0.1
            done
        fi
    fi
    # A job step's slurmstepd outlives its job for a moment: let it finish before slurmd goes.
    if [[ -n "$SLURMD_PID" && -n "${SLURM_CONF:-}" ]]; then
        local steps
        for ((i = 0; i < 150; i++)); do
            steps=$(cluster_pids "$SLURM_CONF" slurmstepd)
            [[ -n "$steps" ]] || break
            sleep 0.1
        done
        if [[ -n "$steps" ]]; then
            say "stopping job steps still running: slurmstepd pids $(echo $steps)"
            kill -TERM $steps 2>/dev/null
        fi
    fi
    stop_pid "$SLURMD_PID" slurmd 30
    stop_pid "$CTLD_PID" slurmctld 30
    stop_pid "$MUNGED_PID" munged 10
    [[ -z "$POLICY_GUARD" ]] || rm -f -- "$POLICY_GUARD"
    [[ -z "$MY_REGISTRY" ]] || rm -f -- "$MY_REGISTRY" "$MY_REGISTRY.owner"
    if [[ -n "$TMP" && -d "$TMP" ]]; then
        if [[ "${SLURM_TEST_KEEP:-0}" == 1 ]]; then say "kept $TMP"; else rm -rf -- "$TMP"; fi
    fi
    ((status == 0 && failed == 0 && passed > 0)) || { ((failed > 0)) || failed=1; status=1; }
    say "done in $(elapsed) s"
    echo "slurm-local: $passed passed, $failed failed"
    exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted"; failed=$((failed + 1)); exit 130' INT
trap 'say "terminated"; failed=$((failed + 1)); exit 143' TERM
trap 'failed=$((failed + 1)); exit 141' PIPE # output closed: still clean up

# Polls `$@` every 0.2 s until it succeeds or $1 seconds pass; fails fast if a daemon died.
wait_for() {
    local limit=$1 deadline
    shift
    deadline=$((${EPOCHREALTIME/./} + limit * 1000000))
    while ((${EPOCHREALTIME/./} < deadline)); do
        "$@" && return 0
        daemons_alive || return 1
        sleep 0.2
    done
    return 1
}
daemons_alive() {
    local entry pid
    for entry in slurmctld:$CTLD_PID slurmd:$SLURMD_PID munged:$MUNGED_PID; do
        pid=${entry#*:}
        [[ -z "$pid" ]] || alive "$pid" || { say "${entry%%:*} (pid $pid) is no longer running"; return 1; }
    done
}

# --------------------------------------------------------------------------------------- preconditions

[[ "$(id -u)" == 0 ]] || fatal "must run as root (it installs packages and starts munged, slurmctld and slurmd)"
[[ -x "$ENTENTE" ]] || fatal "entente binary not found at $ENTENTE; build it first (swift build -c release --product entente) or set ENTENTE=/path/to/entente"
[[ -f "$SWEEP_SOURCE" ]] || fatal "sweep file $SWEEP_SOURCE not found"
[[ -x "$SUBMIT" ]] || fatal "$SUBMIT not found or not executable"
say "entente: $ENTENTE ($("$ENTENTE" --version 2>/dev/null || echo '?'))"

stop_stale

# ----------------------------------------------------------------------------------- temporary folder

TMP=$(mktemp -d /tmp/entente-slurm-local.XXXXXX)
mkdir -p "$TMP/log" "$TMP/state" "$TMP/spool" "$TMP/work" "$REGISTRY"
MY_REGISTRY="$REGISTRY/run-$$-$(start_time $$)"
: >"$MY_REGISTRY"
echo "owner $$ $(start_time $$) $TMP" >"$MY_REGISTRY.owner"

# ---------------------------------------------------------------------------------------------- install

missing=()
for command in slurmctld slurmd sbatch squeue sinfo scontrol scancel munged munge unmunge; do
    command -v "$command" >/dev/null 2>&1 || missing+=("$command")
done
if ((${#missing[@]} > 0)); then
    command -v apt-get >/dev/null 2>&1 || fatal "missing ${missing[*]} and no apt-get to install slurm-wlm and munge"
    say "installing slurm-wlm and munge (missing: ${missing[*]})"
    # Keep the packages from starting services themselves (containers usually have this already).
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        POLICY_GUARD=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' >"$POLICY_GUARD"
        chmod 755 "$POLICY_GUARD"
    fi
    install_status=0
    {
        DEBIAN_FRONTEND=noninteractive apt-get update -q &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge
    } >"$TMP/log/apt.log" 2>&1 || install_status=$?
    [[ -z "$POLICY_GUARD" ]] || rm -f -- "$POLICY_GUARD"
    POLICY_GUARD=
    ((install_status == 0)) || fatal "apt-get failed (status $install_status); its log is below"
    rm -f -- "$TMP/log/apt.log"
    for command in "${missing[@]}"; do
        command -v "$command" >/dev/null 2>&1 || fatal "$command still missing after installing slurm-wlm and munge"
    done
    say "installed: $(dpkg-query -W -f '${Package} ${Version}\n' slurmctld munge 2>/dev/null | tr '\n' ' ')"
else
    say "slurm and munge already installed: $(slurmctld -V 2>/dev/null), munge $(dpkg-query -W -f '${Version}' munge 2>/dev/null || echo '?')"
fi

# --------------------------------------------------------------------------------------------------- munge

munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

if ! id munge >/dev/null 2>&1; then fatal "the munge user does not exist (the munge package should have created it)"; fi
if [[ ! -s /etc/munge/munge.key ]]; then
    say "creating /etc/munge/munge.key"
    mkdir -p /etc/munge
    if command -v mungekey >/dev/null 2>&1; then
        mungekey --create --keyfile=/etc/munge/munge.key --force
    else
        dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
fi
chown munge:munge /etc/munge /etc/munge/munge.key
chmod 0700 /etc/munge
chmod 0400 /etc/munge/munge.key
if munge_works; then
    say "munged already running and answering; using it"
else
    for dir in /run/munge /var/lib/munge /var/log/munge; do
        mkdir -p "$dir"
        chown munge:munge "$dir"
    done
    chmod 0755 /run/munge
    chmod 0700 /var/lib/munge /var/log/munge
    # Stale socket, lock or pid files of a munged that no longer runs would stop it from starting.
    rm -f /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock /run/munge/munged.pid
    setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged --foreground \
        >"$TMP/log/munged.stderr" 2>&1 &
    MUNGED_PID=$!
    register munged "$MUNGED_PID"
    wait_for 20 munge_works || fatal "munged did not answer within 20 s (munge -n | unmunge)"
    say "started munged (pid $MUNGED_PID)"
fi

# ---------------------------------------------------------------------------------------------- slurm

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ctld_port=
for ((port = 6817; port < 6917; port += 2)); do
    if port_free "$port" && port_free $((port + 1)); then
        ctld_port=$port
        break
    fi
done
[[ -n "$ctld_port" ]] || fatal "no two free TCP ports between 6817 and 6917 for slurmctld and slurmd"
node=$(hostname -s)
cpus=$(nproc)
if command -v free >/dev/null 2>&1; then
    memory=$(free -m | awk '/^Mem:/ {print $2}')
else
    memory=$(($(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024))
fi
memory=$((memory * 95 / 100)) # a little under the total, so slurmd never finds less than configured

export SLURM_CONF=$TMP/slurm.conf
cat >"$SLURM_CONF" <<CONF
# One-node Slurm for Tests/cluster/slurm-local.sh (docs/cluster.md); see /work/shared/notes/slurm-single-node.md.
ClusterName=ententetest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$((ctld_port + 1))
AuthType=auth/munge
CryptoType=crypto/munge
SlurmUser=root
StateSaveLocation=$TMP/state
SlurmdSpoolDir=$TMP/spool
SlurmctldPidFile=$TMP/slurmctld.pid
SlurmdPidFile=$TMP/slurmd.pid
SlurmctldLogFile=$TMP/log/slurmctld.log
SlurmdLogFile=$TMP/log/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

say "starting slurmctld and slurmd (node $node, $cpus CPUs, RealMemory $memory MB, ports $ctld_port/$((ctld_port + 1)), $TMP)"
slurmctld -D -f "$SLURM_CONF" >"$TMP/log/slurmctld.stderr" 2>&1 &
CTLD_PID=$!
register slurmctld "$CTLD_PID"
slurmd -D -f "$SLURM_CONF" >"$TMP/log/slurmd.stderr" 2>&1 &
SLURMD_PID=$!
register slurmd "$SLURMD_PID"

node_idle() { [[ "$(sinfo -h -n "$node" -o %T 2>/dev/null)" == idle ]]; }
wait_for 60 node_idle || fatal "node $node not idle within 60 s (sinfo: $(sinfo -h -N -o '%N %T %E' 2>&1 | tr '\n' ' '))"
pass "one-node Slurm up: sinfo shows $node idle ($(slurmctld -V 2>/dev/null))"

# ---------------------------------------------------------------------------------------- the sweep

SWEEP=$TMP/work/slurm-test.yaml
OUT=$TMP/work/results
scenario_dir=$(dirname "$SWEEP_SOURCE")
# The copy lives elsewhere: make its scenario path absolute, and cut the replicates.
awk -v dir="$scenario_dir" -v replicates="$REPLICATES" '
    /^scenario:/ { path = $2; if (path !~ /^\//) path = dir "/" path; print "scenario: " path; next }
    /^replicates:/ { print "replicates: " replicates; next }
    { print }' "$SWEEP_SOURCE" >"$SWEEP"
grep -q '^scenario: /' "$SWEEP" && grep -q "^replicates: $REPLICATES\$" "$SWEEP" ||
    fatal "could not rewrite scenario: and replicates: in a copy of $SWEEP_SOURCE"
check_output=$("$ENTENTE" check "$SWEEP" 2>&1) || fatal "entente check $SWEEP failed: $check_output"
say "sweep: $(echo "$check_output" | sed -n 2p | sed 's/^ *//') (copy of $(basename "$SWEEP_SOURCE"))"

# Submits through submit.sh and sets ARRAY_ID and MERGE_ID.
submit() {
    local output
    output=$(ENTENTE=$ENTENTE "$SUBMIT" "$SWEEP" "$SHARDS" "$OUT" 2>&1) || fatal "submit.sh failed: $output"
    echo "$output" | sed 's/^/    /'
    [[ "$output" =~ submitted\ array\ job\ ([0-9]+) ]] || fatal "no array job id in submit.sh's output"
    ARRAY_ID=${BASH_REMATCH[1]}
    [[ "$output" =~ submitted\ merge\ job\ ([0-9]+) ]] || fatal "no merge job id in submit.sh's output"
    MERGE_ID=${BASH_REMATCH[1]}
    JOB_IDS+=("$ARRAY_ID" "$MERGE_ID")
}

# Waits until neither job is queued or running (bounded), then checks every task and the merge completed with 0.
jobs_gone() { [[ -z "$(squeue -h -j "$ARRAY_ID,$MERGE_ID" -o %i 2>/dev/null)" ]]; }
wait_jobs() {
    local started=${EPOCHREALTIME/./} deadline next_note line states=() problems=()
    deadline=$((started + TIMEOUT * 1000000))
    next_note=$((started + 10000000))
    until jobs_gone; do
        daemons_alive || fatal "a Slurm daemon died while jobs $ARRAY_ID,$MERGE_ID ran"
        ((${EPOCHREALTIME/./} < deadline)) || fatal "jobs $ARRAY_ID and $MERGE_ID not finished within $TIMEOUT s: $(squeue -h -j "$ARRAY_ID,$MERGE_ID" -o '%i %T %r' | tr '\n' ';')"
        if ((${EPOCHREALTIME/./} >= next_note)); then
            say "waiting: $(squeue -h -j "$ARRAY_ID,$MERGE_ID" -o '%i %T' | tr '\n' ' ')"
            next_note=$((next_note + 10000000))
        fi
        sleep 0.5
    done
    while read -r line; do
        [[ -n "$line" ]] || continue
        local id='' state='' code='' reason='' word words
        read -r -a words <<<"$line"
        for word in "${words[@]}"; do
            case $word in
                JobId=*) id=${word#*=} ;;
                JobState=*) state=${word#*=} ;;
                ExitCode=*) code=${word#*=} ;;
                Reason=*) reason=${word#*=} ;;
            esac
        done
        states+=("$id:$state:$code")
        [[ "$state" == COMPLETED && "$code" == 0:0 ]] || problems+=("job $id $state ($reason) exit $code;")
    done < <(scontrol -o show job "$ARRAY_ID" 2>&1; scontrol -o show job "$MERGE_ID" 2>&1)
    ((${#states[@]} == SHARDS + 1)) || problems+=("expected $((SHARDS + 1)) job records, found ${#states[@]}")
    ((${#problems[@]} == 0)) || fatal "jobs did not all complete: ${problems[*]}"
    WAITED=$(((${EPOCHREALTIME/./} - started) / 100000))
}

say "submitting $SHARDS-task array + merge job"
submit
wait_jobs
pass "array job $ARRAY_ID ($SHARDS tasks) and merge job $MERGE_ID completed with exit 0 ($((WAITED / 10)).$((WAITED % 10)) s from submission)"

single=$TMP/work/single
started=${EPOCHREALTIME/./}
"$ENTENTE" sweep "$SWEEP" --out "$single" --quiet >"$TMP/log/single-process.out" 2>&1 ||
    fatal "single-process sweep failed: $(cat "$TMP/log/single-process.out")"
took=$(((${EPOCHREALTIME/./} - started) / 100000))
say "single-process sweep: $(cat "$TMP/log/single-process.out") ($((took / 10)).$((took % 10)) s)"

# Compares the merged results in $OUT with the single process's; $1 names the round.
compare_results() {
    local round=$1 rows bad=0
    if [[ -f "$OUT/points.csv" ]] && cmp "$OUT/points.csv" "$single/points.csv"; then
        pass "$round: points.csv byte-identical to the single-process sweep ($(($(wc -l <"$single/points.csv") - 1)) rows)"
    else
        fail_check "$round: points.csv differs from the single-process sweep"
        [[ -f "$OUT/points.csv" ]] && { diff "$OUT/points.csv" "$single/points.csv" | head -n 10 || true; }
        bad=1
    fi
    if [[ -f "$OUT/runs.csv" ]] && cmp -s <(head -n 1 "$OUT/runs.csv") <(head -n 1 "$single/runs.csv") &&
        cmp -s <(tail -n +2 "$OUT/runs.csv" | sort -t, -k1,1n -k2,2n) <(tail -n +2 "$single/runs.csv" | sort -t, -k1,1n -k2,2n); then
        rows=$(($(wc -l <"$single/runs.csv") - 1))
        pass "$round: runs.csv identical to the single-process sweep (header, and $rows rows sorted by point, replicate)"
    else
        fail_check "$round: runs.csv differs from the single-process sweep (header or rows sorted by point, replicate)"
        if [[ -f "$OUT/runs.csv" ]]; then
            diff <(head -n 1 "$OUT/runs.csv") <(head -n 1 "$single/runs.csv") | head -n 4 || true
            diff <(tail -n +2 "$OUT/runs.csv" | sort -t, -k1,1n -k2,2n) <(tail -n +2 "$single/runs.csv" | sort -t, -k1,1n -k2,2n) | head -n 10 || true
        fi
        bad=1
    fi
    if ((bad)); then dump_logs; fi
}
compare_results "4 shards"

# ------------------------------------------------------------------------------ resubmission resumes

# Shard 3 lost entirely, shard 1 cut short (its last 3 rows gone, as if killed), merged files removed.
rm -rf -- "$OUT/shard-3-of-$SHARDS" "$OUT/runs.csv" "$OUT/points.csv"
shard1=$OUT/shard-1-of-$SHARDS/runs.csv
kept=$(($(wc -l <"$shard1") - 3))
head -n "$kept" "$shard1" >"$shard1.cut" && mv -- "$shard1.cut" "$shard1"
say "resubmitting after deleting shard 3/$SHARDS and cutting 3 rows off shard 1/$SHARDS"
submit
wait_jobs
problems=()
for ((k = 0; k < SHARDS; k++)); do
    log=$(grep -l "shard $k/$SHARDS of" "$OUT"/logs/sweep-"${ARRAY_ID}"_*.out 2>/dev/null | head -n 1 || true)
    if [[ -z "$log" ]]; then
        problems+=("no log of shard $k")
        continue
    fi
    expected=resuming
    ((k != 3)) || expected=starting
    grep -q "$expected $OUT/shard-$k-of-$SHARDS" "$log" || problems+=("shard $k is not '$expected' in $(basename "$log")")
done
grep -q "(3 run now)" "$OUT"/logs/sweep-"${ARRAY_ID}"_*.out || problems+=("no task reports the 3 cut runs as run again")
if ((${#problems[@]} == 0)); then
    pass "resubmission: shards 0-2 resumed (shard 1 ran its 3 missing runs), shard 3 started afresh, merge redone ($((WAITED / 10)).$((WAITED % 10)) s)"
else
    fail_check "resubmission: ${problems[*]}"
    dump_logs
fi
compare_results "after resubmission"
