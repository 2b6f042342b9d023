/*
 * subscriber.c -- minimal kijid subscriber in C: print `topic json` for each
 * message whose topic starts with one of the given prefixes. Copy freely.
 *
 *   cc subscriber.c -o subscriber $(pkg-config --cflags --libs libzmq)
 *   ./subscriber [--endpoint tcp://127.0.0.1:7702] [--count N] [TOPIC...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

int main(int argc, char **argv)
{
    const char *endpoint = "tcp://127.0.0.1:7702";
    long count = 0;
    int i = 1;
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (strcmp(argv[i], "--endpoint") == 0)
            endpoint = argv[i + 1];
        else if (strcmp(argv[i], "--count") == 0)
            count = strtol(argv[i + 1], NULL, 10);
    }
    void *ctx = zmq_ctx_new();
    void *sub = zmq_socket(ctx, ZMQ_SUB);
    if (i == argc)
        zmq_setsockopt(sub, ZMQ_SUBSCRIBE, "", 0); /* everything */
    for (; i < argc; i++)
        zmq_setsockopt(sub, ZMQ_SUBSCRIBE, argv[i], strlen(argv[i]));
    zmq_connect(sub, endpoint);
    for (long seen = 0; !count || seen < count; seen++) {
        zmq_msg_t topic, body;
        zmq_msg_init(&topic);
        zmq_msg_init(&body);
        if (zmq_msg_recv(&topic, sub, 0) < 0 || zmq_msg_recv(&body, sub, 0) < 0)
            break;
        printf("%.*s %.*s\n", (int)zmq_msg_size(&topic), (char *)zmq_msg_data(&topic),
               (int)zmq_msg_size(&body), (char *)zmq_msg_data(&body));
        fflush(stdout);
        zmq_msg_close(&topic);
        zmq_msg_close(&body);
    }
    zmq_close(sub);
    zmq_ctx_term(ctx);
    return 0;
}
