/* cmd_net.h -- the `kiji` subcommands that talk to a running kijid over
 * ZeroMQ: send (PUSH, or --reliable request/reply on the api socket), tail
 * (SUB), stats and ping (api). Each takes argc/argv after `kiji` and returns
 * the exit code: 0 done, 1 kijid did not answer or an input was unreadable,
 * 2 usage error. */
#ifndef KIJI_CMD_NET_H
#define KIJI_CMD_NET_H

int cmd_send(int argc, char **argv);
int cmd_tail(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_ping(int argc, char **argv);
int cmd_keygen(int argc, char **argv);
int cmd_proxy(int argc, char **argv); /* cmd_proxy.c */

/* Rows for kiji.c's command table. */
#define KIJI_NET_COMMANDS                                                                          \
    {"send", cmd_send, "send articles to kijid (PUSH, or --reliable via the api)"},                \
        {"tail", cmd_tail, "print kijid's output messages as `topic json` lines"},                 \
        {"stats", cmd_stats, "print a running kijid's counters"},                                  \
        {"ping", cmd_ping, "check that kijid answers on its api socket"},                         \
        {"keygen", cmd_keygen, "write a CURVE key pair as ZeroMQ certificates"},                   \
        {"proxy", cmd_proxy, "fan articles out to several kijid and their facts back in"},

#endif
