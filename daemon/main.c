/*
 * main.c -- kijid's entry point: read the configuration (defaults, then
 * /etc/kiji/kijid.conf or --config FILE, then flags), then run the server.
 * Exit status: 0 after a clean stop (everything received was published),
 * 1 on a runtime failure, 2 on a bad configuration or command line.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "kd.h"

/* getpid() for the whole process, libzmq included, from a cache. libzmq
 * checks for a fork on every look into a socket's mailbox and on every
 * wake-up it sends another thread, each check a getpid() system call
 * (glibc keeps no cache since 2.25): about ten of the 33 system calls kijid
 * makes per article at low rates, in the main thread's and the I/O
 * thread's path. The executable's definition comes first in symbol lookup
 * (it must be visible: the build hides symbols by default), so the shared
 * libraries call this one. The pid is read once from the
 * kernel and forgotten in a forked child (pthread_atfork, registered first
 * thing in main), so a child still sees its own pid; kijid itself never
 * forks. */
static pid_t pid_cache;

static void pid_forget(void)
{
    __atomic_store_n(&pid_cache, 0, __ATOMIC_RELAXED);
}

__attribute__((visibility("default"))) pid_t getpid(void)
{
    pid_t p = __atomic_load_n(&pid_cache, __ATOMIC_RELAXED);
    if (!p) {
        p = (pid_t)syscall(SYS_getpid);
        __atomic_store_n(&pid_cache, p, __ATOMIC_RELAXED);
    }
    return p;
}

static void usage(FILE *fp)
{
    fprintf(fp,
            "usage: kijid [--config FILE] [--check-config] [--KEY VALUE]...\n"
            "\n"
            "kijid parses news articles received over ZeroMQ and publishes their facts.\n"
            "  in  (PULL)   [text] or [envelope JSON][text]\n"
            "  out (XPUB)   [topic][json]: article, fact.<type>, error, stats\n"
            "  api (ROUTER) request/reply; {\"cmd\":\"ping\"} and {\"cmd\":\"stats\"}\n"
            "\n"
            "  -c, --config FILE   configuration file (default %s, optional)\n"
            "  --check-config      validate the configuration and exit\n"
            "  --version           print the version and exit\n"
            "\n",
            KD_DEFAULT_CONFIG);
    kd_config_usage(fp);
    fprintf(fp, "\nSignals: SIGTERM/SIGINT drain and exit 0, SIGHUP reloads the file.\n"
                "See kijid(8).\n");
}

int main(int argc, char **argv)
{
    if (pthread_atfork(NULL, NULL, pid_forget)) {
        fprintf(stderr, "<3>kijid: pthread_atfork failed\n");
        return 1;
    }
    const char *path = NULL;
    int check = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--version")) {
            printf("kijid %s (libzmq %d.%d.%d)\n", KIJI_VERSION, ZMQ_VERSION_MAJOR,
                   ZMQ_VERSION_MINOR, ZMQ_VERSION_PATCH);
            return 0;
        }
        if (!strcmp(argv[i], "--check-config"))
            check = 1;
        else if (!strcmp(argv[i], "--config") || !strcmp(argv[i], "-c")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "<3>kijid: %s needs a file\n", argv[i]);
                return 2;
            }
            path = argv[++i];
        } else if (!strncmp(argv[i], "--config=", 9))
            path = argv[i] + 9;
    }
    kd_config cfg;
    char err[512];
    if (kd_config_load(&cfg, path, argc, argv, err, sizeof err)) {
        kd_log(KD_LOG_ERR, "kijid: bad configuration: %s", err);
        return 2;
    }
    kd_log_set_level(cfg.log_level);
    if (check) {
        printf("configuration OK\n");
        return 0;
    }
    return kd_server_run(&cfg, path, argc, argv);
}
