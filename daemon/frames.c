/*
 * frames.c -- the framing of kijid's input: one multipart message from the
 * in socket (PULL or SUB) or the api socket (ROUTER) becomes a job for a
 * worker, an api command, or a refusal that is still one error message.
 * Called by the main thread (server.c), which then dispatches, replies or
 * rejects; fuzz/fuzz_envelope.c drives it through a socket pair.
 *
 *   PULL: [envelope] text
 *   SUB:  topic [envelope] text            (the topic is dropped)
 *   api:  routing-id [hop... ""] command | [envelope] text
 *
 * Every frame of the message is received, whatever the outcome, so the next
 * call starts on a message boundary.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "kd.h"

#define COMMAND_MAX 4096 /* longest api frame read as a command */

/* The next frame of a multipart message already begun. ZeroMQ delivers a
 * message whole, so the frame is queued: a signal that lands during
 * libzmq's command processing (EINTR) ends nothing, and the read is tried
 * again. */
static int recv_more(zmq_msg_t *m, void *s)
{
    int rc;
    while ((rc = zmq_msg_recv(m, s, 0)) < 0 && zmq_errno() == EINTR)
        ;
    return rc;
}

size_t kd_discard_rest(void *s)
{
    size_t n = 0;
    int more = 1;
    size_t sz = sizeof more;
    zmq_getsockopt(s, ZMQ_RCVMORE, &more, &sz);
    while (more) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (recv_more(&m, s) < 0) {
            zmq_msg_close(&m);
            break;
        }
        n++;
        more = zmq_msg_more(&m);
        zmq_msg_close(&m);
    }
    return n;
}

static void refuse(kd_input *in, int code, const char *text)
{
    in->what = KD_INPUT_REFUSED;
    in->code = code;
    snprintf(in->text, sizeof in->text, "%s", text);
}

/* A job from the body frames: [text] or [envelope][text] (nb is 1 or 2;
 * the messages are moved into the job). */
static void take_body(kd_input *in, zmq_msg_t *body, size_t nb)
{
    kd_job *job = calloc(1, sizeof *job);
    if (!job) {
        refuse(in, KIJI_ERR_NOMEM, "out of memory");
        return;
    }
    if (in->from_api) {
        job->from_api = 1;
        job->route = in->route;
    }
    if (nb == 2) {
        zmq_msg_init(&job->env);
        zmq_msg_move(&job->env, &body[0]);
        job->has_env = 1;
    }
    zmq_msg_init(&job->text);
    zmq_msg_move(&job->text, &body[nb - 1]);
    in->what = KD_INPUT_JOB;
    in->job = job;
}

/* An api body that is one frame holding a JSON object with "cmd" is a
 * command; anything else is an article. Returns 1 when it was a command. */
static int api_command(kd_input *in, zmq_msg_t *body)
{
    const char *p = zmq_msg_data(body);
    size_t n = zmq_msg_size(body);
    if (n == 0 || n > COMMAND_MAX)
        return 0;
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\t' || p[i] == '\r'))
        i++;
    if (i == n || p[i] != '{')
        return 0;
    json_t *o = json_loadb(p, n, 0, NULL);
    json_t *cmd = json_object_get(o, "cmd");
    if (!cmd) {
        json_decref(o);
        return 0; /* JSON but not a command: an article like any other */
    }
    const char *c = json_string_value(cmd);
    if (c && strcmp(c, "ping") == 0)
        in->what = KD_INPUT_PING;
    else if (c && strcmp(c, "stats") == 0)
        in->what = KD_INPUT_STATS;
    else {
        char msg[160];
        snprintf(msg, sizeof msg, "unknown command%s%.64s%s (known: ping, stats)", c ? " '" : "",
                 c ? c : "", c ? "'" : "");
        refuse(in, KD_ERR_COMMAND, msg);
    }
    json_decref(o);
    return 1;
}

/* The routing frames of an api request, f[0..n): the first is the ROUTER's
 * id of the peer. With an empty frame that has frames after it, the frames
 * before it are the route (one per proxy hop) and the body follows it;
 * otherwise the route is the first frame alone (a DEALER talking directly).
 * Returns the index of the first body frame, or 0 when the route breaks a
 * limit (refused; no reply is possible). */
static size_t take_route(kd_input *in, zmq_msg_t *f, size_t n)
{
    size_t d = 0;
    for (size_t i = 1; i + 1 < n; i++)
        if (zmq_msg_size(&f[i]) == 0) {
            d = i;
            break;
        }
    size_t hops = d ? d : 1, used = 0;
    char msg[96];
    if (hops > KD_ROUTE_HOPS) {
        snprintf(msg, sizeof msg, "api routing envelope of %zu frames (at most %d)", hops,
                 KD_ROUTE_HOPS);
        refuse(in, KD_ERR_FRAMES, msg);
        return 0;
    }
    for (size_t i = 0; i < hops; i++) {
        size_t len = zmq_msg_size(&f[i]);
        if (len > KD_ROUTE_HOP_MAX || used + len > KD_ROUTE_BYTES) {
            in->route.nhops = 0;
            snprintf(msg, sizeof msg, "api routing frame of %zu bytes (at most %d, %d in all)",
                     len, KD_ROUTE_HOP_MAX, KD_ROUTE_BYTES);
            refuse(in, KD_ERR_FRAMES, msg);
            return 0;
        }
        if (len)
            memcpy(in->route.buf + used, zmq_msg_data(&f[i]), len);
        in->route.len[i] = (uint16_t)len;
        in->route.nhops = (int)(i + 1);
        used += len;
    }
    in->route.delim = d != 0;
    return d ? d + 1 : 1;
}

/* Frames kept of one message: a full route, its delimiter, two body frames
 * and one more to tell "too many" apart. */
#define FRAMES_MAX (KD_ROUTE_HOPS + 4)

int kd_input_recv(void *s, int kind, kd_input *in)
{
    memset(in, 0, sizeof *in);
    zmq_msg_t f[FRAMES_MAX];
    size_t n = 0, extra = 0;
    zmq_msg_init(&f[0]);
    if (zmq_msg_recv(&f[0], s, ZMQ_DONTWAIT) < 0) {
        zmq_msg_close(&f[0]);
        return -1;
    }
    n = 1;
    int more = zmq_msg_more(&f[0]);
    while (more && n < FRAMES_MAX) {
        zmq_msg_init(&f[n]);
        if (recv_more(&f[n], s) < 0) {
            zmq_msg_close(&f[n]);
            more = 0;
            break;
        }
        more = zmq_msg_more(&f[n]);
        n++;
    }
    if (more)
        extra = kd_discard_rest(s);

    size_t b = 0; /* first body frame */
    if (kind == KD_IN_SUB) {
        /* SUB input: the first frame is the feeder's topic. */
        b = 1;
        if (n == 1) {
            refuse(in, KD_ERR_FRAMES, "sub input: topic frame without a body");
            goto done;
        }
    } else if (kind == KD_IN_API) {
        in->from_api = 1;
        b = take_route(in, f, n);
        if (!b)
            goto done;
        if (b == n) {
            refuse(in, KD_ERR_FRAMES, "empty request");
            goto done;
        }
    }
    size_t nb = n - b + extra;
    if (kind == KD_IN_API && nb == 1 && api_command(in, &f[b]))
        goto done;
    if (nb > 2) {
        char msg[128];
        snprintf(msg, sizeof msg, "expected 1 or 2 frames ([envelope] text), got %zu", nb);
        refuse(in, KD_ERR_FRAMES, msg);
        goto done;
    }
    take_body(in, &f[b], nb);
done:
    for (size_t i = 0; i < n; i++)
        zmq_msg_close(&f[i]);
    return 0;
}
