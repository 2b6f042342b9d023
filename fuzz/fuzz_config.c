/*
 * fuzz_config.c -- kijid's configuration (daemon/config.c): the config file
 * and the command-line flags, through kd_config_load as main.c calls it.
 *
 * Input: the file's bytes, then optionally ARG_SEP and the flags, one per
 * line (argv[0] is "kijid"). The file is written to a private temporary
 * file first, because kd_config_load reads a path.
 *
 * Checks: the load returns 0 or -1; an error is one terminated line in the
 * buffer; a loaded configuration keeps every key inside the range its table
 * gives (config.c) and every string terminated inside its array.
 */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "kd.h"

#define ARG_SEP "\xFF\x00\xFF"
#define ARG_SEP_LEN 3
#define MAX_ARGS 32

static char path[64];

static void cleanup(void)
{
    if (path[0])
        unlink(path);
}

static void check_endpoint(const kd_endpoint *e, const char *name)
{
    FZ_CHECK(memchr(e->addr, 0, sizeof e->addr), "%s is not terminated", name);
    FZ_CHECK(strstr(e->addr, "://"), "%s \"%s\" is not an endpoint", name, e->addr);
    FZ_CHECK(e->bind == 0 || e->bind == 1, "%s mode %d", name, e->bind);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(path, sizeof path, "%s/kiji-fuzz-config-XXXXXX", dir);
        int fd = mkstemp(path);
        FZ_CHECK(fd >= 0, "mkstemp %s", path);
        close(fd);
        atexit(cleanup);
    }
    const uint8_t *sep = memmem(data, size, ARG_SEP, ARG_SEP_LEN);
    size_t flen = sep ? (size_t)(sep - data) : size;
    FILE *fp = fopen(path, "wb");
    FZ_CHECK(fp, "fopen %s", path);
    FZ_CHECK(fwrite(data, 1, flen, fp) == flen && fclose(fp) == 0, "write %s", path);

    /* The flags: one per line, NUL-terminated copies. */
    char *args = NULL;
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = "kijid";
    if (sep) {
        size_t alen = size - flen - ARG_SEP_LEN;
        args = malloc(alen + 1);
        FZ_CHECK(args, "malloc");
        memcpy(args, sep + ARG_SEP_LEN, alen);
        args[alen] = '\0';
        char *s = args;
        while (argc <= MAX_ARGS) {
            argv[argc++] = s;
            char *nl = strchr(s, '\n');
            if (!nl)
                break;
            *nl = '\0';
            s = nl + 1;
        }
    }
    argv[argc] = NULL;

    kd_config c;
    char err[512];
    memset(err, 0x5A, sizeof err);
    err[0] = '\0';
    int rc = kd_config_load(&c, path, argc, argv, err, sizeof err);
    FZ_CHECK(rc == 0 || rc == -1, "kd_config_load returned %d", rc);
    FZ_CHECK(memchr(err, 0, sizeof err), "the error is not terminated");
    if (rc == -1) {
        FZ_CHECK(err[0] != '\0', "an error without a message");
    } else {
        check_endpoint(&c.in, "in");
        check_endpoint(&c.out, "out");
        check_endpoint(&c.api, "api");
        FZ_CHECK(c.nsubscribe >= 0 && c.nsubscribe <= KD_SUBSCRIBE_MAX, "nsubscribe %d",
                 c.nsubscribe);
        for (int i = 0; i < c.nsubscribe; i++)
            FZ_CHECK(memchr(c.subscribe[i], 0, KD_ENDPOINT_MAX), "subscribe %d", i);
        FZ_CHECK(!c.in_sub || c.nsubscribe >= 1, "a SUB input with no subscription");
        FZ_CHECK(c.workers >= 0 && c.workers <= 256, "workers %d", c.workers);
        FZ_CHECK(c.max_input >= 1 && c.max_input <= ((size_t)64 << 20), "max_input %zu",
                 c.max_input);
        FZ_CHECK(!(c.fact_topics & ~((1u << (KIJI_FACT_MAX + 1)) - 2u)), "fact_topics %#x",
                 c.fact_topics);
        FZ_CHECK(c.log_level >= KD_LOG_ERR && c.log_level <= KD_LOG_DEBUG, "log_level %d",
                 c.log_level);
        FZ_CHECK(c.hwm >= 1 && c.queue >= 1 && c.stats_interval >= 0 &&
                     c.drain_timeout_ms >= 100 && c.reconnect_ivl_ms >= 1,
                 "an integer key below its minimum");
        FZ_CHECK(c.no_drop == 0 || c.no_drop == 1, "no_drop %d", c.no_drop);
    }
    free(args);
    return 0;
}
