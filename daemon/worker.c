/*
 * worker.c -- kijid's parser threads. Each owns one kiji_doc (the parser is
 * shared and immutable), a PULL socket on the job queue and a PUSH socket on
 * the result queue, both inproc. A job and its result travel as pointer-sized
 * frames: ownership moves with the message. A zero-length frame means stop.
 * Both queues are bounded by high-water marks, so a blocked publisher stalls
 * the workers, which stalls the dispatcher, which stops reading input.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kd.h"

/* Start-up handshake: kd_workers_start returns only once every worker has
 * connected (or given up), so the stop frames of kd_workers_stop find every
 * worker's pipe. Without it a stop soon after start handed all stop frames
 * to the workers already connected, and joining the others hung. */
typedef struct ready {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int count;
} ready;

typedef struct worker {
    pthread_t tid;
    void *ctx;
    const kiji_parser *parser;
    int queue;
    int index;
    int started;
    ready *ready;
} worker;

struct kd_workers {
    int n;
    worker *w;
    ready ready;
};

static void signal_ready(ready *r)
{
    pthread_mutex_lock(&r->lock);
    r->count++;
    pthread_cond_signal(&r->cond);
    pthread_mutex_unlock(&r->lock);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    void *in = zmq_socket(w->ctx, ZMQ_PULL);
    void *out = zmq_socket(w->ctx, ZMQ_PUSH);
    kiji_doc *doc = kiji_doc_new(w->parser);
    int zero = 0;
    if (!in || !out || !doc) {
        kd_log(KD_LOG_ERR, "worker %d: cannot start: %s", w->index,
               doc ? zmq_strerror(zmq_errno()) : "out of memory");
        goto out;
    }
    zmq_setsockopt(in, ZMQ_RCVHWM, &w->queue, sizeof w->queue);
    zmq_setsockopt(out, ZMQ_SNDHWM, &w->queue, sizeof w->queue);
    zmq_setsockopt(in, ZMQ_LINGER, &zero, sizeof zero);
    /* Results must not be discarded: linger on the result queue is unbounded,
     * but the main thread reads it until every job is accounted for. */
    int forever = -1;
    zmq_setsockopt(out, ZMQ_LINGER, &forever, sizeof forever);
    if (zmq_connect(in, KD_JOBS_EP) || zmq_connect(out, KD_RESULTS_EP)) {
        kd_log(KD_LOG_ERR, "worker %d: connect: %s", w->index, zmq_strerror(zmq_errno()));
        goto out;
    }
    signal_ready(w->ready);
    w->ready = NULL;
    for (;;) {
        kd_job *job;
        int n = zmq_recv(in, &job, sizeof job, 0);
        if (n < 0) {
            if (zmq_errno() == EINTR)
                continue;
            break; /* ETERM */
        }
        if (n != sizeof job)
            break; /* stop */
        kd_result *r = kd_process(doc, job);
        if (r) {
            r->from_api = job->from_api;
            r->route = job->route;
        } else {
            /* Out of memory building the result: the main thread still owes
             * this input an error, so tell it which request it was. */
            kd_log(KD_LOG_ERR, "worker %d: out of memory building a result", w->index);
        }
        /* A NULL result travels with the job's routing so the input is
         * still accounted for; the job itself is freed by the receiver then. */
        void *msg[2] = {r, r ? NULL : job};
        if (r)
            kd_job_free(job);
        while (zmq_send(out, msg, sizeof msg, 0) < 0 && zmq_errno() == EINTR)
            ;
    }
out:
    if (w->ready)
        signal_ready(w->ready);
    kiji_doc_free(doc);
    if (in)
        zmq_close(in);
    if (out)
        zmq_close(out);
    return NULL;
}

kd_workers *kd_workers_start(void *ctx, const kiji_parser *p, int n, int queue)
{
    kd_workers *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    ws->w = calloc((size_t)n, sizeof *ws->w);
    if (!ws->w) {
        free(ws);
        return NULL;
    }
    pthread_mutex_init(&ws->ready.lock, NULL);
    pthread_cond_init(&ws->ready.cond, NULL);
    for (int i = 0; i < n; i++) {
        worker *w = &ws->w[i];
        *w = (worker){.ctx = ctx, .parser = p, .queue = queue, .index = i, .ready = &ws->ready};
        if (pthread_create(&w->tid, NULL, worker_main, w) != 0) {
            kd_log(KD_LOG_ERR, "cannot start worker %d", i);
            break;
        }
        w->started = 1;
        ws->n++;
    }
    pthread_mutex_lock(&ws->ready.lock);
    while (ws->ready.count < ws->n)
        pthread_cond_wait(&ws->ready.cond, &ws->ready.lock);
    pthread_mutex_unlock(&ws->ready.lock);
    if (ws->n == 0) {
        pthread_mutex_destroy(&ws->ready.lock);
        pthread_cond_destroy(&ws->ready.cond);
        free(ws->w);
        free(ws);
        return NULL;
    }
    return ws;
}

void kd_workers_stop(kd_workers *ws, void *jobs)
{
    if (!ws)
        return;
    /* With every job queue empty, PUSH's round robin hands one stop frame to
     * each worker: every worker has connected (kd_workers_start), and
     * ZMQ_EVENTS makes the socket attach the pipes of those connects now
     * (a send processes its pending commands only now and then). */
    int ev;
    size_t evlen = sizeof ev;
    zmq_getsockopt(jobs, ZMQ_EVENTS, &ev, &evlen);
    for (int i = 0; i < ws->n; i++)
        while (zmq_send(jobs, "", 0, 0) < 0 && zmq_errno() == EINTR)
            ;
    for (int i = 0; i < ws->n; i++)
        if (ws->w[i].started)
            pthread_join(ws->w[i].tid, NULL);
    pthread_mutex_destroy(&ws->ready.lock);
    pthread_cond_destroy(&ws->ready.cond);
    free(ws->w);
    free(ws);
}
