/*
 * kiji.c -- the `kiji` command: dispatches to its subcommands.
 * `kiji parse` is local (the library); send, tail, stats and ping talk to a
 * running kijid over ZeroMQ (cmd_net.c).
 */
#include <stdio.h>
#include <string.h>

#include "kiji.h"
#include "cmds.h"
#ifdef KIJI_HAVE_NET
#include "cmd_net.h"
#endif

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} command;

static const command commands[] = {
    {"parse", cmd_parse, "parse an article file and print the result JSON"},
#ifdef KIJI_HAVE_NET
    KIJI_NET_COMMANDS
#endif
    {NULL, NULL, NULL},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: kiji COMMAND [OPTIONS] ...\n\ncommands:\n");
    for (const command *c = commands; c->name; c++)
        fprintf(f, "  %-8s %s\n", c->name, c->help);
    fprintf(f, "\n`kiji COMMAND --help` describes a command. kiji %s\n", KIJI_VERSION);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("kiji %s\n", KIJI_VERSION);
        return 0;
    }
    for (const command *c = commands; c->name; c++)
        if (strcmp(argv[1], c->name) == 0)
            return c->run(argc - 1, argv + 1);
    fprintf(stderr, "kiji: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
