/*
 * frames.c -- the framing of kijid's input: one multipart message from the
 * in socket (PULL or SUB) or the api socket (ROUTER) becomes a job for a
 * worker, an api command, or a refusal that is still one error message.
 * Called by the main thread (server.c), which then dispatches, replies or
 * rejects; fuzz/fuzz_envelope.c drives it through a socket pair.
 *
 *   PULL: [envelope] text
 *   SUB:  topic [envelope] text            (the topic is dropped)
 *   api:  routing-id [""] command | [envelope] text
 *
 * Every frame of the message is received, whatever the outcome, so the next
 * call starts on a message boundary.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "kd.h"

#define COMMAND_MAX 4096 /* longest api frame read as a command */

size_t kd_discard_rest(void *s)
{
    size_t n = 0;
    int more = 1;
    size_t sz = sizeof more;
    zmq_getsockopt(s, ZMQ_RCVMORE, &more, &sz);
    while (more) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, s, 0) < 0) {
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

/* Body frames after the routing part: [text] or [envelope][text]. The first
 * frame was received into first. */
static void take_body(kd_input *in, void *s, zmq_msg_t *first)
{
    kd_job *job = calloc(1, sizeof *job);
    if (!job) {
        zmq_msg_close(first);
        kd_discard_rest(s);
        refuse(in, KIJI_ERR_NOMEM, "out of memory");
        return;
    }
    if (in->from_api) {
        job->from_api = 1;
        job->route = in->route;
    }
    if (!zmq_msg_more(first)) {
        zmq_msg_init(&job->text);
        zmq_msg_move(&job->text, first);
        zmq_msg_close(first);
        in->what = KD_INPUT_JOB;
        in->job = job;
        return;
    }
    zmq_msg_init(&job->env);
    zmq_msg_move(&job->env, first);
    zmq_msg_close(first);
    job->has_env = 1;
    zmq_msg_init(&job->text);
    if (zmq_msg_recv(&job->text, s, 0) < 0) {
        kd_job_free(job);
        refuse(in, KD_ERR_FRAMES, "message ended early");
        return;
    }
    if (zmq_msg_more(&job->text)) {
        size_t extra = kd_discard_rest(s);
        kd_job_free(job);
        char msg[128];
        snprintf(msg, sizeof msg, "expected 1 or 2 frames ([envelope] text), got %zu", 2 + extra);
        refuse(in, KD_ERR_FRAMES, msg);
        return;
    }
    in->what = KD_INPUT_JOB;
    in->job = job;
}

/* An api body that is one frame holding a JSON object with "cmd" is a
 * command; anything else is an article. Returns 1 when it was a command. */
static int api_command(kd_input *in, zmq_msg_t *body)
{
    const char *p = zmq_msg_data(body);
    size_t n = zmq_msg_size(body);
    if (n == 0 || n > COMMAND_MAX || zmq_msg_more(body))
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

int kd_input_recv(void *s, int kind, kd_input *in)
{
    memset(in, 0, sizeof *in);
    zmq_msg_t m;
    zmq_msg_init(&m);
    if (zmq_msg_recv(&m, s, ZMQ_DONTWAIT) < 0) {
        zmq_msg_close(&m);
        return -1;
    }
    if (kind == KD_IN_SUB) {
        /* SUB input: the first frame is the feeder's topic. */
        int more = zmq_msg_more(&m);
        zmq_msg_close(&m);
        zmq_msg_init(&m);
        if (!more || zmq_msg_recv(&m, s, 0) < 0) {
            zmq_msg_close(&m);
            refuse(in, KD_ERR_FRAMES, "sub input: topic frame without a body");
            return 0;
        }
    } else if (kind == KD_IN_API) {
        in->from_api = 1;
        /* ZMTP routing ids are at most 255 bytes; clamp all the same, since
         * the reply sends idlen bytes of id. */
        in->route.idlen = zmq_msg_size(&m);
        if (in->route.idlen > sizeof in->route.id)
            in->route.idlen = sizeof in->route.id;
        memcpy(in->route.id, zmq_msg_data(&m), in->route.idlen);
        int more = zmq_msg_more(&m);
        zmq_msg_close(&m);
        zmq_msg_init(&m);
        if (!more || zmq_msg_recv(&m, s, 0) < 0) {
            zmq_msg_close(&m);
            refuse(in, KD_ERR_FRAMES, "empty request");
            return 0;
        }
        if (zmq_msg_size(&m) == 0 && zmq_msg_more(&m)) {
            /* REQ's empty delimiter: the body follows. */
            in->route.delim = 1;
            zmq_msg_close(&m);
            zmq_msg_init(&m);
            if (zmq_msg_recv(&m, s, 0) < 0) {
                zmq_msg_close(&m);
                refuse(in, KD_ERR_FRAMES, "empty request");
                return 0;
            }
        }
        if (api_command(in, &m)) {
            zmq_msg_close(&m);
            return 0;
        }
    }
    take_body(in, s, &m);
    return 0;
}
