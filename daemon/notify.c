/*
 * notify.c -- the systemd notify protocol, implemented on its documented,
 * stable wire format (sd_notify(3)): one AF_UNIX datagram of newline-separated
 * KEY=VALUE assignments to the socket named by $NOTIFY_SOCKET ("@name" is an
 * abstract socket). No libsystemd needed; without $NOTIFY_SOCKET it is a no-op.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "kd.h"

int kd_notify(const char *state)
{
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path || !*path)
        return 0;
    size_t plen = strlen(path);
    struct sockaddr_un sa;
    if ((path[0] != '/' && path[0] != '@') || plen >= sizeof sa.sun_path)
        return -1;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    memcpy(sa.sun_path, path, plen);
    if (path[0] == '@')
        sa.sun_path[0] = '\0';
    socklen_t salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + plen);
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    /* Never block: a receiver that stopped reading must not stall the main
     * loop (a lost STATUS= is better than a hung daemon and its watchdog). */
    ssize_t n;
    do
        n = sendto(fd, state, strlen(state), MSG_NOSIGNAL | MSG_DONTWAIT, (struct sockaddr *)&sa,
                   salen);
    while (n < 0 && errno == EINTR);
    close(fd);
    return n < 0 ? -1 : 1;
}

int kd_notifyf(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return kd_notify(buf);
}

uint64_t kd_watchdog_usec(void)
{
    const char *us = getenv("WATCHDOG_USEC");
    if (!us || !*us)
        return 0;
    const char *pid = getenv("WATCHDOG_PID");
    if (pid && *pid && strtol(pid, NULL, 10) != (long)getpid())
        return 0; /* meant for another process */
    char *end;
    unsigned long long v = strtoull(us, &end, 10);
    return *end || v == 0 ? 0 : (uint64_t)v;
}
