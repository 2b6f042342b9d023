"""Run a program under the system call filter of a systemd unit, the way
systemd would apply SystemCallFilter= (for machines without systemd as PID 1,
such as the build container).

    seccomp_exec.py --unit UNIT [--action unit|kill] [--allow-file F] -- PROG ARGS...
    seccomp_exec.py --unit UNIT --print          # the allowed calls, one a line

The allow-list is what `systemd-analyze syscall-filter` lists for the unit's
SystemCallFilter= sets, followed in order as systemd does: the first line
that is an allow-list starts from @default, later allow-lists add, `~` lines
remove. Calls outside it fail with the unit's SystemCallErrorNumber= (or are
killed when the unit has none); `--action kill` kills on any call outside
the list instead (SIGSYS), so a test can see that none was made. Only the
native architecture is allowed (SystemCallArchitectures=native); libseccomp
sets no_new_privs first (NoNewPrivileges=yes). --allow-file reads the list
made by --print instead of asking systemd-analyze each time.
"""
import errno
import os
import subprocess
import sys


def expand(name, seen=None):
    """The system calls of a set (@name) or a single call, recursively."""
    if not name.startswith("@"):
        return {name}
    seen = set() if seen is None else seen
    if name in seen:
        return set()
    seen.add(name)
    out = subprocess.run(["systemd-analyze", "syscall-filter", "--no-pager", name],
                         capture_output=True, text=True, timeout=30, check=True).stdout
    calls = set()
    for line in out.splitlines()[1:]:
        w = line.strip()
        if not w or w.startswith("#"):
            continue
        calls |= expand(w, seen)
    return calls


def unit_filter(unit):
    """(allowed calls, errno name or None) from a unit's [Service] lines."""
    allowed, mode, err = None, None, None
    with open(unit) as f:
        for line in f:
            line = line.strip()
            if line.startswith("SystemCallErrorNumber="):
                err = line.split("=", 1)[1].strip() or None
            if not line.startswith("SystemCallFilter="):
                continue
            value = line.split("=", 1)[1].strip()
            deny = value.startswith("~")
            calls = set()
            for w in value.lstrip("~").split():
                calls |= expand(w)
            if allowed is None:
                if deny:
                    raise SystemExit("seccomp_exec: %s starts with a deny-list; only allow-lists "
                                     "are emulated" % unit)
                allowed, mode = expand("@default") | calls, "allow"
            elif deny:
                allowed -= calls
            else:
                allowed |= calls
    if mode is None:
        raise SystemExit("seccomp_exec: %s has no SystemCallFilter=" % unit)
    return allowed, err


def main(argv):
    unit, action, allow_file, show = None, "unit", None, False
    while argv and argv[0] != "--":
        a = argv.pop(0)
        if a == "--unit":
            unit = argv.pop(0)
        elif a == "--action":
            action = argv.pop(0)
        elif a == "--allow-file":
            allow_file = argv.pop(0)
        elif a == "--print":
            show = True
        else:
            raise SystemExit(__doc__)
    if not unit or action not in ("unit", "kill"):
        raise SystemExit(__doc__)
    allowed, err = unit_filter(unit) if not allow_file else (None, None)
    if allow_file:
        with open(allow_file) as f:
            allowed = {w.strip() for w in f if w.strip()}
        with open(unit) as f:
            for line in f:
                if line.strip().startswith("SystemCallErrorNumber="):
                    err = line.split("=", 1)[1].strip() or None
    if show:
        print("\n".join(sorted(allowed)))
        return 0
    argv = argv[1:]
    if not argv:
        raise SystemExit(__doc__)
    import seccomp
    if action == "kill" or not err:
        default = seccomp.KILL_PROCESS
    else:
        default = seccomp.ERRNO(getattr(errno, err))
    f = seccomp.SyscallFilter(defaction=default)
    for call in sorted(allowed):
        try:
            f.add_rule(seccomp.ALLOW, call)
        except (RuntimeError, ValueError, OSError):
            pass  # not a call of this architecture (e.g. arm_fadvise64_64)
    f.load()
    os.execv(argv[0], argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
