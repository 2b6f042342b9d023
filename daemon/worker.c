/*
 * worker.c -- kijid's parser threads. Each owns one kiji_doc (the parser is
 * shared and immutable). Jobs reach them through a bounded ring under one
 * mutex, results go back through a second one; ownership of the kd_job and
 * kd_result moves with the pointer. An idle worker sleeps on its own
 * semaphore, and the main thread wakes the one that went idle last (a
 * stack, not a queue: at low rates the same worker takes every job, its
 * document and tables still in its core's caches), posting it after the
 * lock is let go so the woken worker never waits on it. The main thread,
 * which polls sockets, is woken by an eventfd that turns readable when
 * results wait (the only descriptor the queues add).
 * Both rings are bounded by `queue`, so a blocked publisher stalls the
 * workers, which stalls the dispatcher, which stops reading input.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "kd.h"

typedef struct worker {
    pthread_t tid;
    kd_workers *ws;
    int index;
    int started;
    sem_t wake; /* posted once per pop from the idle stack */
} worker;

typedef struct done {
    kd_result *r; /* NULL: out of memory, job says which input it was */
    kd_job *job;
} done;

struct kd_workers {
    int n;  /* threads started */
    int nw; /* entries of w with their semaphore made */
    worker *w;
    const kiji_parser *parser;
    pthread_mutex_t lock;
    pthread_cond_t room;      /* the result ring has room again */
    kd_job **jobs;            /* ring of cap jobs */
    done *results;            /* ring of cap results */
    size_t cap, jhead, jlen, rhead, rlen;
    /* rlen again, written under lock and read without it: the main thread
     * looks on every loop turn, and taking the lock each time made a worker
     * finishing a job sleep on it now and then. */
    size_t rlen_seen;
    /* Idle workers, the last to go idle on top. A worker is on it exactly
     * while it waits (or is about to wait) on its semaphore with no post
     * owed to it: whoever pops it posts it once. */
    int *idle;
    int nidle;
    int full_wait; /* workers waiting on room */
    int want_room; /* the main thread found the job ring full */
    int stop;
    int efd; /* eventfd: readable when results wait, or the job ring has room */
};

/* Wake the main thread. An eventfd write only fails when its counter would
 * overflow, which a pending wake-up already covers. */
static void wake_main(kd_workers *ws)
{
    uint64_t one = 1;
    while (write(ws->efd, &one, sizeof one) < 0 && errno == EINTR)
        ;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    kd_workers *ws = w->ws;
    kiji_doc *doc = kiji_doc_new(ws->parser);
    if (!doc)
        kd_log(KD_LOG_ERR, "worker %d: no document: out of memory (tried again per job)",
               w->index);
    for (;;) {
        pthread_mutex_lock(&ws->lock);
        while (!ws->jlen && !ws->stop) {
            ws->idle[ws->nidle++] = w->index;
            pthread_mutex_unlock(&ws->lock);
            while (sem_wait(&w->wake) < 0 && errno == EINTR)
                ;
            pthread_mutex_lock(&ws->lock);
        }
        if (!ws->jlen) {
            pthread_mutex_unlock(&ws->lock);
            break; /* stop, and no job left */
        }
        kd_job *job = ws->jobs[ws->jhead];
        ws->jhead = (ws->jhead + 1) % ws->cap;
        ws->jlen--;
        int room = ws->want_room;
        ws->want_room = 0;
        pthread_mutex_unlock(&ws->lock);
        if (room)
            wake_main(ws);

        /* A worker whose document could not be made tries again with each
         * job (memory may be back) and answers an error meanwhile. */
        if (!doc)
            doc = kiji_doc_new(ws->parser);
        kd_result *r = doc ? kd_process(doc, job) : NULL;
        if (r) {
            r->from_api = job->from_api;
            r->route = job->route;
            kd_job_free(job);
            job = NULL;
        } else {
            /* Out of memory building the result: the main thread still owes
             * this input an error, so the job goes back with it to say which
             * request it was; the main thread frees it. */
            kd_log(KD_LOG_ERR, "worker %d: out of memory building a result", w->index);
        }

        pthread_mutex_lock(&ws->lock);
        while (ws->rlen == ws->cap && !ws->stop) {
            ws->full_wait++;
            pthread_cond_wait(&ws->room, &ws->lock);
            ws->full_wait--;
        }
        if (ws->rlen == ws->cap) {
            /* Stopped with the main thread no longer reading: it stops only
             * when nothing is in flight, so this is an error path. */
            pthread_mutex_unlock(&ws->lock);
            kd_result_free(r);
            kd_job_free(job);
            continue;
        }
        ws->results[(ws->rhead + ws->rlen) % ws->cap] = (done){r, job};
        int first = ws->rlen++ == 0;
        __atomic_store_n(&ws->rlen_seen, ws->rlen, __ATOMIC_RELEASE);
        pthread_mutex_unlock(&ws->lock);
        /* The main thread drains the ring to empty before it sleeps on the
         * eventfd again, so a wake-up is needed only for a first result. */
        if (first)
            wake_main(ws);
    }
    kiji_doc_free(doc);
    return NULL;
}

static void destroy(kd_workers *ws)
{
    pthread_mutex_destroy(&ws->lock);
    pthread_cond_destroy(&ws->room);
    for (int i = 0; ws->w && i < ws->nw; i++)
        sem_destroy(&ws->w[i].wake);
    if (ws->efd >= 0)
        close(ws->efd);
    free(ws->jobs);
    free(ws->results);
    free(ws->idle);
    free(ws->w);
    free(ws);
}

kd_workers *kd_workers_start(const kiji_parser *p, int n, int queue)
{
    if (n < 1 || queue < 1)
        return NULL;
    kd_workers *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    ws->parser = p;
    ws->cap = (size_t)queue;
    ws->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    int efd_err = ws->efd < 0 ? errno : 0; /* before later calls overwrite errno */
    pthread_mutex_init(&ws->lock, NULL);
    pthread_cond_init(&ws->room, NULL);
    ws->w = calloc((size_t)n, sizeof *ws->w);
    ws->idle = calloc((size_t)n, sizeof *ws->idle);
    ws->jobs = calloc(ws->cap, sizeof *ws->jobs);
    ws->results = calloc(ws->cap, sizeof *ws->results);
    int sem_err = 0;
    for (int i = 0; ws->w && i < n && !sem_err; i++) {
        if (sem_init(&ws->w[i].wake, 0, 0))
            sem_err = errno;
        else
            ws->nw++;
    }
    if (efd_err || sem_err || !ws->w || !ws->idle || !ws->jobs || !ws->results) {
        kd_log(KD_LOG_ERR, "cannot set up the worker queues: %s",
               efd_err ? strerror(efd_err) : sem_err ? strerror(sem_err) : "out of memory");
        destroy(ws);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        worker *w = &ws->w[i];
        w->ws = ws;
        w->index = i;
        if (pthread_create(&w->tid, NULL, worker_main, w) != 0) {
            kd_log(KD_LOG_ERR, "cannot start worker %d", i);
            break;
        }
        w->started = 1;
        ws->n++;
    }
    if (ws->n == 0) {
        destroy(ws);
        return NULL;
    }
    return ws;
}

int kd_workers_fd(const kd_workers *ws)
{
    return ws->efd;
}

int kd_workers_submit(kd_workers *ws, kd_job *job)
{
    pthread_mutex_lock(&ws->lock);
    if (ws->jlen == ws->cap) {
        ws->want_room = 1;
        pthread_mutex_unlock(&ws->lock);
        return -1;
    }
    ws->jobs[(ws->jhead + ws->jlen) % ws->cap] = job;
    ws->jlen++;
    /* One job, one worker woken: the most recently idle one. A worker
     * already running takes the job if it gets there first; the woken one
     * then finds the ring empty and goes back on the stack. */
    worker *wake = ws->nidle ? &ws->w[ws->idle[--ws->nidle]] : NULL;
    pthread_mutex_unlock(&ws->lock);
    if (wake)
        sem_post(&wake->wake);
    return 0;
}

int kd_workers_take(kd_workers *ws, kd_result **r, kd_job **job)
{
    /* Only the main thread takes, so a nonzero count stays nonzero until it
     * does; a zero may be stale, and the result's eventfd write follows. */
    if (!__atomic_load_n(&ws->rlen_seen, __ATOMIC_ACQUIRE))
        return 0;
    pthread_mutex_lock(&ws->lock);
    if (!ws->rlen) {
        pthread_mutex_unlock(&ws->lock);
        return 0;
    }
    done d = ws->results[ws->rhead];
    ws->rhead = (ws->rhead + 1) % ws->cap;
    ws->rlen--;
    __atomic_store_n(&ws->rlen_seen, ws->rlen, __ATOMIC_RELEASE);
    if (ws->full_wait)
        pthread_cond_signal(&ws->room);
    pthread_mutex_unlock(&ws->lock);
    *r = d.r;
    *job = d.job;
    return 1;
}

int kd_workers_waiting(kd_workers *ws)
{
    return __atomic_load_n(&ws->rlen_seen, __ATOMIC_ACQUIRE) > 0;
}

void kd_workers_clear(kd_workers *ws)
{
    uint64_t v;
    while (read(ws->efd, &v, sizeof v) < 0 && errno == EINTR)
        ;
}

void kd_workers_stop(kd_workers *ws)
{
    if (!ws)
        return;
    pthread_mutex_lock(&ws->lock);
    ws->stop = 1;
    /* No worker goes on the stack once stop is set (it checks under the
     * lock), so every sleeper is on it now: wake each one. */
    while (ws->nidle)
        sem_post(&ws->w[ws->idle[--ws->nidle]].wake);
    pthread_cond_broadcast(&ws->room);
    pthread_mutex_unlock(&ws->lock);
    for (int i = 0; i < ws->n; i++)
        if (ws->w[i].started)
            pthread_join(ws->w[i].tid, NULL);
    /* Nothing is left when the caller kept the contract (no job in flight);
     * free whatever is anyway rather than leak it. */
    for (; ws->jlen; ws->jlen--, ws->jhead = (ws->jhead + 1) % ws->cap)
        kd_job_free(ws->jobs[ws->jhead]);
    for (; ws->rlen; ws->rlen--, ws->rhead = (ws->rhead + 1) % ws->cap) {
        kd_result_free(ws->results[ws->rhead].r);
        kd_job_free(ws->results[ws->rhead].job);
    }
    destroy(ws);
}
