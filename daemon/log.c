/*
 * log.c -- kijid's logging: one line per message on stderr, prefixed with a
 * journald/syslog priority ("<6>started"), so systemd files each line at the
 * right priority. The level is an atomic read by every thread.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "kd.h"

static atomic_int log_level = KD_LOG_INFO;

static const char *const level_names[] = {"emerg",   "alert",  "crit", "err",
                                          "warning", "notice", "info", "debug"};

void kd_log_set_level(int level)
{
    atomic_store(&log_level, level);
}

int kd_log_get_level(void)
{
    return atomic_load(&log_level);
}

int kd_log_level_from_name(const char *name)
{
    for (int i = KD_LOG_ERR; i <= KD_LOG_DEBUG; i++)
        if (strcmp(name, level_names[i]) == 0)
            return i;
    if (strcmp(name, "error") == 0)
        return KD_LOG_ERR;
    if (strcmp(name, "warn") == 0)
        return KD_LOG_WARNING;
    return -1;
}

const char *kd_log_level_name(int level)
{
    return level >= 0 && level <= KD_LOG_DEBUG ? level_names[level] : "?";
}

void kd_log(int prio, const char *fmt, ...)
{
    if (prio > atomic_load(&log_level))
        return;
    /* Format into one buffer so a line is one write(2) even with threads. */
    char line[1024];
    int n = snprintf(line, sizeof line, "<%d>", prio);
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
    if (len > sizeof line - 2)
        len = sizeof line - 2;
    for (size_t i = (size_t)n; i < len; i++)
        if (line[i] == '\n')
            line[i] = ' '; /* one message = one journal entry */
    line[len++] = '\n';
    fwrite(line, 1, len, stderr);
    fflush(stderr);
}
