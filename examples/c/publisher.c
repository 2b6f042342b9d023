/*
 * publisher.c -- minimal kijid publisher in C: send one article file as
 * [envelope][text] to kijid's in socket. Copy freely.
 *
 *   cc publisher.c -o publisher $(pkg-config --cflags --libs libzmq)
 *   ./publisher [--endpoint tcp://127.0.0.1:7701] FILE [ID]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

int main(int argc, char **argv)
{
    const char *endpoint = "tcp://127.0.0.1:7701";
    int i = 1;
    if (argc > 2 && strcmp(argv[1], "--endpoint") == 0) {
        endpoint = argv[2];
        i = 3;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: publisher [--endpoint E] FILE [ID]\n");
        return 2;
    }
    FILE *fp = fopen(argv[i], "rb");
    if (!fp) {
        perror(argv[i]);
        return 1;
    }
    static char text[1 << 20]; /* kijid's default article limit */
    size_t len = fread(text, 1, sizeof text, fp);
    fclose(fp);

    /* The envelope is JSON; this example only sets an id (no escaping needed
     * for simple ids: use a JSON library for anything else). */
    char env[256] = "{}";
    if (i + 1 < argc)
        snprintf(env, sizeof env, "{\"id\":\"%s\"}", argv[i + 1]);

    void *ctx = zmq_ctx_new();
    void *push = zmq_socket(ctx, ZMQ_PUSH);
    int on = 1, timeout = 5000, linger = 10000;
    zmq_setsockopt(push, ZMQ_IMMEDIATE, &on, sizeof on); /* no queue without a kijid */
    zmq_setsockopt(push, ZMQ_SNDTIMEO, &timeout, sizeof timeout);
    zmq_setsockopt(push, ZMQ_LINGER, &linger, sizeof linger); /* flush before exit */
    zmq_connect(push, endpoint);
    int rc = 0;
    if (zmq_send(push, env, strlen(env), ZMQ_SNDMORE) < 0 || zmq_send(push, text, len, 0) < 0) {
        fprintf(stderr, "send: %s\n", zmq_strerror(zmq_errno()));
        rc = 1;
    }
    zmq_close(push);
    zmq_ctx_term(ctx);
    return rc;
}
