/* cmds.h -- the `kiji` subcommands. Each takes argc/argv after the
 * subcommand name (argv[0] is the subcommand) and returns the exit code. */
#ifndef KIJI_CMDS_H
#define KIJI_CMDS_H

int cmd_parse(int argc, char **argv);

#endif
