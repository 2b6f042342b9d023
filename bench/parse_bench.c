/*
 * parse_bench.c -- in-process parser throughput against this machine's floors.
 *
 * Loads the news corpora (ja_news.jsonl, en_news.jsonl) and the reference
 * article, then parses every article N times per run with one warm kiji_doc
 * and, in the same run, times two floors over the same bytes: a plain UTF-8
 * validation loop and ICU u_strFromUTF8 + NFKC (spanQuickCheckYes first, then
 * normalize only the tail). The machine is shared and noisy, so every figure
 * is a median with min-max over the runs and speeds are also given as ratios
 * kiji / floor measured in the same run.
 *
 * Scaling: for ja and en, documents of whole corpus articles joined by a
 * blank line at 16 KiB, 64 KiB, 256 KiB and up to the 1 MiB input limit,
 * each parsed in the same runs; printed with the time ratio of each size to
 * the one before (the goal: a 4x larger input in at most 5x the time).
 *
 * Built with -DKIJI_CALLGRIND, `--callgrind` brackets only the parse loop
 * with callgrind client requests (bench/callgrind.sh uses it).
 *
 * `--records FILE` times other documents instead, as bench/peers.sh needs
 * them: every record of a JSON-lines file (`text`, optional `date`, `lang`
 * from `--lang`, default ja), decoded before the clock starts, parsed and
 * serialized in passes over the whole file with one warm kiji_doc until
 * `--seconds` of CPU time have passed. It prints one line: passes, wall and
 * CPU seconds, and the per-pass rates.
 */
#include <jansson.h>
#include <kiji.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#ifdef KIJI_CALLGRIND
#include <valgrind/callgrind.h>
#endif

#ifndef KIJI_SHARED_DIR
#define KIJI_SHARED_DIR "../shared"
#endif

typedef struct article {
    char *text;
    size_t len;
    char *date; /* NULL when the corpus date is absent or unreadable by kiji */
} article;

typedef struct corpus {
    const char *name;
    const char *lang;
    article *a;
    size_t n, cap, bytes;
} corpus;

typedef struct stats {
    double mbs, aps;      /* MB/s and articles/s of kiji_parse + kiji_doc_json */
    double parse_mbs;     /* kiji_parse alone */
    double utf8_mbs;      /* floor 1: UTF-8 validation */
    double nfkc_mbs;      /* floor 2: u_strFromUTF8 + quick check + NFKC tail */
    double us_med, us_p99, us_p99_small;
    double facts;
} stats;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *xstrdup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) {
        fprintf(stderr, "parse_bench: out of memory\n");
        exit(1);
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static void add_article(corpus *c, const char *text, size_t len, const char *date)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->a = realloc(c->a, c->cap * sizeof *c->a);
        if (!c->a) {
            fprintf(stderr, "parse_bench: out of memory\n");
            exit(1);
        }
    }
    c->a[c->n].text = xstrdup(text, len);
    c->a[c->n].len = len;
    c->a[c->n].date = date ? xstrdup(date, strlen(date)) : NULL;
    c->n++;
    c->bytes += len;
}

/* Reads up to `limit` records (0 = all); returns -1 when the file is absent. */
static int load_jsonl(corpus *c, const char *path, size_t limit)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0 && (!limit || c->n < limit)) {
        json_error_t je;
        json_t *rec = json_loadb(line, (size_t)n, 0, &je);
        json_t *t = rec ? json_object_get(rec, "text") : NULL;
        if (json_is_string(t))
            add_article(c, json_string_value(t), json_string_length(t),
                        json_string_value(json_object_get(rec, "date")));
        json_decref(rec);
    }
    free(line);
    fclose(f);
    return 0;
}

static int load_file(corpus *c, const char *path, const char *date)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char buf[1 << 16];
    size_t cap = 0, len = 0;
    char *text = NULL;
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, f)) > 0) {
        if (len + k > cap) {
            cap = (len + k) * 2;
            text = realloc(text, cap);
            if (!text) {
                fprintf(stderr, "parse_bench: out of memory\n");
                exit(1);
            }
        }
        memcpy(text + len, buf, k);
        len += k;
    }
    fclose(f);
    add_article(c, text ? text : "", len, date);
    free(text);
    return 0;
}

/* Floor 1: a straightforward UTF-8 validator (the shape of kiji's own check). */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t k;
        unsigned min;
        if ((c & 0xE0) == 0xC0) {
            k = 1;
            min = 0x80;
            c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            k = 2;
            min = 0x800;
            c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            k = 3;
            min = 0x10000;
            c &= 0x07;
        } else
            return i;
        if (i + k >= n)
            return i;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return i;
            c = (c << 6) | (s[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return i;
        i += k + 1;
    }
    return n;
}

/* Floor 2 scratch buffers, grown to the largest article once. */
typedef struct nfkc_buf {
    UChar *u16, *out;
    int32_t cap, outcap;
} nfkc_buf;

static int32_t nfkc(const UNormalizer2 *nf, nfkc_buf *b, const char *s, size_t n)
{
    UErrorCode ec = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(b->u16, b->cap, &ulen, s, (int32_t)n, &ec);
    if (U_FAILURE(ec))
        return -1;
    int32_t span = unorm2_spanQuickCheckYes(nf, b->u16, ulen, &ec);
    if (U_FAILURE(ec))
        return -1;
    if (span == ulen)
        return ulen;
    int32_t olen = unorm2_normalize(nf, b->u16 + span, ulen - span, b->out, b->outcap, &ec);
    if (U_FAILURE(ec))
        return -1;
    return span + olen;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
    if (!n)
        return 0;
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static bool want_callgrind;

/* One run: `iters` passes over the corpus for kiji and for each floor. */
static int run_once(kiji_doc *d, const UNormalizer2 *nf, nfkc_buf *nb, corpus *c, int iters,
                    double *lat, stats *st)
{
    size_t nlat = 0;
    double t_full = 0, t_parse = 0;
    size_t facts = 0, parsed = 0;
#ifdef KIJI_CALLGRIND
    if (want_callgrind)
        CALLGRIND_START_INSTRUMENTATION;
#endif
    for (int it = 0; it < iters; it++) {
        for (size_t i = 0; i < c->n; i++) {
            article *a = &c->a[i];
            kiji_meta meta = {NULL, a->date, c->lang};
            kiji_error err;
            double t0 = now_s();
            int rc = kiji_parse(d, a->text, a->len, &meta, &err);
            double t1 = now_s();
            const char *out;
            size_t olen;
            if (rc == KIJI_OK && kiji_doc_json(d, 0, &out, &olen) != KIJI_OK)
                rc = KIJI_ERR_JSON;
            double t2 = now_s();
            t_parse += t1 - t0;
            t_full += t2 - t0;
            lat[nlat++] = (t2 - t0) * 1e6;
            if (rc == KIJI_OK) {
                facts += kiji_doc_fact_count(d);
                parsed++;
            }
        }
    }
#ifdef KIJI_CALLGRIND
    if (want_callgrind) {
        CALLGRIND_STOP_INSTRUMENTATION;
        return 0;
    }
#endif
    double bytes = (double)c->bytes * iters;
    st->mbs = bytes / t_full / 1e6;
    st->parse_mbs = bytes / t_parse / 1e6;
    st->aps = (double)c->n * iters / t_full;
    st->facts = parsed ? (double)facts / (double)parsed : 0;

    /* per-article percentiles, overall and for articles <= 10 KB */
    double *small = malloc(nlat * sizeof *small);
    size_t ns = 0;
    if (!small)
        return -1;
    for (size_t k = 0; k < nlat; k++)
        if (c->a[k % c->n].len <= 10240)
            small[ns++] = lat[k];
    qsort(lat, nlat, sizeof *lat, cmp_double);
    qsort(small, ns, sizeof *small, cmp_double);
    st->us_med = pct(lat, nlat, 0.5);
    st->us_p99 = pct(lat, nlat, 0.99);
    st->us_p99_small = pct(small, ns, 0.99);
    free(small);

    size_t sink = 0;
    double t0 = now_s();
    for (int it = 0; it < iters; it++)
        for (size_t i = 0; i < c->n; i++)
            sink += utf8_valid((const unsigned char *)c->a[i].text, c->a[i].len);
    double t1 = now_s();
    for (int it = 0; it < iters; it++)
        for (size_t i = 0; i < c->n; i++) {
            int32_t r = nfkc(nf, nb, c->a[i].text, c->a[i].len);
            if (r < 0)
                return -1;
            sink += (size_t)r;
        }
    double t2 = now_s();
    if (sink == 1) /* keeps the loops from being optimized away */
        fputc(' ', stderr);
    st->utf8_mbs = bytes / (t1 - t0) / 1e6;
    st->nfkc_mbs = bytes / (t2 - t1) / 1e6;
    return 0;
}

static int cmp_stat(const void *a, const void *b) { return cmp_double(a, b); }

#define NSCALE 4
static const size_t scale_target[NSCALE] = {16u << 10, 64u << 10, 256u << 10, 1u << 20};

/* Whole articles joined by a blank line, as many as fit in `target` bytes. */
static char *join_articles(const corpus *c, size_t target, size_t *len)
{
    char *buf = malloc(target + 1);
    size_t n = 0;
    if (!buf)
        return NULL;
    for (size_t i = 0; i < c->n; i++) {
        const article *a = &c->a[i];
        size_t sep = n ? 2 : 0;
        if (a->len + sep > target - n)
            continue;
        memcpy(buf + n, "\n\n", sep);
        memcpy(buf + n + sep, a->text, a->len);
        n += sep + a->len;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Parse time of each joined size, `runs` x `iters`; prints median [min -
 * max] per size and the per-run ratio of each size's time to the previous
 * size's. Returns -1 when a document fails to parse. */
static int scaling(kiji_doc *d, const corpus *c, int runs, int iters)
{
    char *doc[NSCALE];
    size_t len[NSCALE];
    double t[NSCALE][64];
    const char *date = c->n ? c->a[0].date : NULL;
    int rc = 0;
    for (int k = 0; k < NSCALE; k++) {
        doc[k] = join_articles(c, scale_target[k], &len[k]);
        if (!doc[k]) {
            fprintf(stderr, "parse_bench: out of memory\n");
            exit(1);
        }
    }
    for (int r = 0; r < runs && !rc; r++)
        for (int k = 0; k < NSCALE && !rc; k++) {
            kiji_meta meta = {NULL, date, c->lang};
            kiji_error err;
            double t0 = now_s();
            for (int it = 0; it < iters; it++)
                if (kiji_parse(d, doc[k], len[k], &meta, &err) != KIJI_OK) {
                    fprintf(stderr, "parse_bench: %s joined to %zu bytes: %s\n", c->name,
                            len[k], err.text);
                    rc = -1;
                    break;
                }
            t[k][r] = (now_s() - t0) / iters;
        }
    if (!rc) {
        printf("\n%s scaling (whole articles joined; goal: 4x input in <= 5x time):\n", c->name);
        for (int k = 0; k < NSCALE; k++) {
            double ms[64], ratio[64];
            for (int r = 0; r < runs; r++) {
                ms[r] = t[k][r] * 1e3;
                ratio[r] = k ? t[k][r] / t[k - 1][r] : 0;
            }
            qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
            qsort(ratio, (size_t)runs, sizeof *ratio, cmp_double);
            printf("  %8zu bytes  %8.2f ms [%.2f - %.2f]  %6.2f MB/s", len[k], ms[runs / 2],
                   ms[0], ms[runs - 1], (double)len[k] / (ms[runs / 2] * 1e3));
            if (k)
                printf("  x%.2f input, x%.2f time [%.2f - %.2f]",
                       (double)len[k] / (double)len[k - 1], ratio[runs / 2], ratio[0],
                       ratio[runs - 1]);
            printf("\n");
        }
    }
    for (int k = 0; k < NSCALE; k++)
        free(doc[k]);
    return rc;
}

/* median [min-max] of field `off` over the runs */
static void summary(const stats *s, int runs, size_t off, double *med, double *lo, double *hi)
{
    double v[64];
    for (int i = 0; i < runs; i++)
        v[i] = *(const double *)((const char *)&s[i] + off);
    qsort(v, (size_t)runs, sizeof *v, cmp_stat);
    *med = v[runs / 2];
    *lo = v[0];
    *hi = v[runs - 1];
}

static void print_row(const char *label, const stats *s, int runs, size_t off, int prec)
{
    double m, lo, hi;
    summary(s, runs, off, &m, &lo, &hi);
    printf("  %-28s %.*f  [%.*f - %.*f]\n", label, prec, m, prec, lo, prec, hi);
}

/* ratios are computed per run (same-run baseline), then summarized */
static void print_ratio(const char *label, const stats *s, int runs, bool nfkc_floor)
{
    stats r[64];
    for (int i = 0; i < runs; i++)
        r[i].mbs = s[i].mbs / (nfkc_floor ? s[i].nfkc_mbs : s[i].utf8_mbs);
    print_row(label, r, runs, offsetof(stats, mbs), 4);
}

static void usage(void)
{
    fprintf(stderr, "usage: parse_bench [--shared DIR] [--runs R] [--iters N] [--limit K]\n"
                    "                   [--only ja|en|ref] [--callgrind]\n"
                    "       parse_bench --records FILE [--lang ja|en] [--seconds S]\n"
                    "Parses ja_news.jsonl, en_news.jsonl (K articles each, 0 = all) and the\n"
                    "reference article N times per run, R runs (default 5 runs x 1 pass).\n"
                    "With --records, parses every record of FILE in passes until S CPU\n"
                    "seconds (default 1) have passed and prints the per-pass figures.\n");
}

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* --records: whole passes over c until `seconds` of CPU time have passed. */
static int run_records(const corpus *c, double seconds)
{
    kiji_error err;
    kiji_options opt = {0};
    kiji_parser *p = kiji_parser_new(&opt, &err);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    if (!d) {
        fprintf(stderr, "parse_bench: %s\n", p ? "out of memory" : err.text);
        kiji_parser_free(p);
        return 1;
    }
    int rc = 0;
    size_t facts = 0, failed = 0;
    double w0 = 0, c0 = 0, wall = 0, cpu = 0;
    long passes = -1; /* pass 0 warms the doc and is not timed */
    while (passes < 1 || cpu < seconds) {
        if (passes == 0) {
            w0 = now_s();
            c0 = cpu_s();
        }
        for (size_t i = 0; i < c->n; i++) {
            const article *a = &c->a[i];
            kiji_meta meta = {NULL, a->date, c->lang};
            const char *out;
            size_t len;
            int st = kiji_parse(d, a->text, a->len, &meta, &err);
            if (st == KIJI_ERR_PUBLISHED) { /* as `kiji parse --jsonl` does */
                meta.published = NULL;
                st = kiji_parse(d, a->text, a->len, &meta, &err);
            }
            if (st != KIJI_OK || kiji_doc_json(d, 0, &out, &len) != KIJI_OK) {
                failed += passes < 0;
                continue;
            }
            if (passes < 0)
                facts += kiji_doc_fact_count(d);
        }
        passes++;
        if (passes > 0) {
            wall = now_s() - w0;
            cpu = cpu_s() - c0;
        }
    }
    if (failed) {
        fprintf(stderr, "parse_bench: %zu of %zu records failed to parse\n", failed, c->n);
        rc = 1;
    }
    printf("records: %zu records, %zu bytes, %zu facts; %ld passes in %.6f s wall, %.6f s CPU; "
           "per pass %.6f s wall, %.6f s CPU; %.3f MB/s (CPU), %.0f records/s (CPU)\n",
           c->n, c->bytes, facts, passes, wall, cpu, wall / (double)passes, cpu / (double)passes,
           (double)c->bytes * (double)passes / cpu / 1e6, (double)c->n * (double)passes / cpu);
    kiji_doc_free(d);
    kiji_parser_free(p);
    return rc;
}

int main(int argc, char **argv)
{
    const char *shared = KIJI_SHARED_DIR, *only = NULL, *records = NULL, *lang = "ja";
    double seconds = 1.0;
    int runs = 5, iters = 1;
    size_t limit = 0;
    for (int i = 1; i < argc; i++) {
        bool has = i + 1 < argc;
        if (strcmp(argv[i], "--shared") == 0 && has)
            shared = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && has)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--iters") == 0 && has)
            iters = atoi(argv[++i]);
        else if (strcmp(argv[i], "--limit") == 0 && has)
            limit = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--only") == 0 && has)
            only = argv[++i];
        else if (strcmp(argv[i], "--records") == 0 && has)
            records = argv[++i];
        else if (strcmp(argv[i], "--lang") == 0 && has)
            lang = argv[++i];
        else if (strcmp(argv[i], "--seconds") == 0 && has)
            seconds = atof(argv[++i]);
        else if (strcmp(argv[i], "--callgrind") == 0) {
#ifdef KIJI_CALLGRIND
            want_callgrind = true;
#else
            fprintf(stderr, "parse_bench: built without valgrind/callgrind.h\n");
            return 2;
#endif
        } else {
            usage();
            return 2;
        }
    }
    if (runs < 1 || runs > 64 || iters < 1) {
        usage();
        return 2;
    }
    if (want_callgrind)
        runs = 1;
    if (records) {
        if (!(seconds > 0 && seconds <= 600) || (strcmp(lang, "ja") && strcmp(lang, "en"))) {
            usage();
            return 2;
        }
        corpus rc = {"records", lang, NULL, 0, 0, 0};
        if (load_jsonl(&rc, records, 0) || !rc.n) {
            fprintf(stderr, "parse_bench: %s: no records with a \"text\" string\n", records);
            return 1;
        }
        int st = run_records(&rc, seconds);
        for (size_t i = 0; i < rc.n; i++) {
            free(rc.a[i].text);
            free(rc.a[i].date);
        }
        free(rc.a);
        return st;
    }

    char path[4096];
    corpus cs[3] = {{"ja_news", "ja", NULL, 0, 0, 0},
                    {"en_news", "en", NULL, 0, 0, 0},
                    {"reference", "ja", NULL, 0, 0, 0}};
    snprintf(path, sizeof path, "%s/corpus/ja_news.jsonl", shared);
    int miss = load_jsonl(&cs[0], path, limit);
    snprintf(path, sizeof path, "%s/corpus/en_news.jsonl", shared);
    miss |= load_jsonl(&cs[1], path, limit);
    snprintf(path, sizeof path, "%s/gold/bloomberg_ja_europe_nuclear.txt", shared);
    load_file(&cs[2], path, "2026-02-13");
    if (miss) {
        printf("parse_bench: corpus not found under %s/corpus: nothing to measure "
               "(pass --shared DIR)\n",
               shared);
        return 0;
    }

    kiji_error err;
    kiji_options opt = {0};
    kiji_parser *p = kiji_parser_new(&opt, &err);
    if (!p) {
        fprintf(stderr, "parse_bench: kiji_parser_new: %s\n", err.text);
        return 1;
    }
    kiji_doc *d = kiji_doc_new(p);
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *nf = unorm2_getNFKCInstance(&ec);
    if (!d || U_FAILURE(ec)) {
        fprintf(stderr, "parse_bench: setup failed\n");
        return 1;
    }
    size_t maxlen = 0, maxn = 0;
    for (int k = 0; k < 3; k++) {
        maxn = cs[k].n > maxn ? cs[k].n : maxn;
        for (size_t i = 0; i < cs[k].n; i++)
            maxlen = cs[k].a[i].len > maxlen ? cs[k].a[i].len : maxlen;
    }
    /* UTF-16 never has more units than UTF-8 bytes; NFKC may expand up to 18x. */
    nfkc_buf nb = {malloc((maxlen + 1) * sizeof(UChar)), malloc((maxlen * 18 + 1) * sizeof(UChar)),
                   (int32_t)maxlen + 1, (int32_t)maxlen * 18 + 1};
    double *lat = malloc(maxn * (size_t)iters * sizeof *lat);
    if (!nb.u16 || !nb.out || !lat) {
        fprintf(stderr, "parse_bench: out of memory\n");
        return 1;
    }

    /* Drop corpus dates kiji cannot read (e.g. Reuters' 26-FEB-1987), as `kiji parse
     * --jsonl` does, and warm the doc's arena with one pass. */
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < cs[k].n; i++) {
            article *a = &cs[k].a[i];
            kiji_meta meta = {NULL, a->date, cs[k].lang};
            if (kiji_parse(d, a->text, a->len, &meta, &err) == KIJI_ERR_PUBLISHED) {
                free(a->date);
                a->date = NULL;
            }
        }

    printf("parse_bench: kiji %s, %d run(s) x %d pass(es); figures are median [min - max]\n",
           KIJI_VERSION, runs, iters);
    for (int k = 0; k < 3; k++) {
        corpus *c = &cs[k];
        if (!c->n || (only && strcmp(only, k == 2 ? "ref" : c->lang) != 0))
            continue;
        stats st[64];
        for (int r = 0; r < runs; r++)
            if (run_once(d, nf, &nb, c, iters, lat, &st[r])) {
                fprintf(stderr, "parse_bench: ICU failed on %s\n", c->name);
                return 1;
            }
        if (want_callgrind) {
            printf("%s: %zu articles, %zu bytes x %d pass(es) instrumented\n", c->name, c->n,
                   c->bytes, iters);
            continue;
        }
        printf("\n%s: %zu articles, %.2f MB (%s)\n", c->name, c->n, (double)c->bytes / 1e6,
               c->lang);
        print_row("kiji parse+json MB/s", st, runs, offsetof(stats, mbs), 2);
        print_row("kiji parse only MB/s", st, runs, offsetof(stats, parse_mbs), 2);
        print_row("articles/s", st, runs, offsetof(stats, aps), 0);
        print_row("us/article median", st, runs, offsetof(stats, us_med), 1);
        print_row("us/article p99", st, runs, offsetof(stats, us_p99), 1);
        print_row("us/article p99 (<=10KB)", st, runs, offsetof(stats, us_p99_small), 1);
        print_row("facts/article", st, runs, offsetof(stats, facts), 2);
        print_row("floor UTF-8 validate MB/s", st, runs, offsetof(stats, utf8_mbs), 1);
        print_row("floor ICU UTF-16+NFKC MB/s", st, runs, offsetof(stats, nfkc_mbs), 1);
        print_ratio("kiji / UTF-8 floor", st, runs, false);
        print_ratio("kiji / NFKC floor", st, runs, true);
        if (k < 2 && scaling(d, c, runs, iters))
            return 1;
    }

    for (int k = 0; k < 3; k++) {
        for (size_t i = 0; i < cs[k].n; i++) {
            free(cs[k].a[i].text);
            free(cs[k].a[i].date);
        }
        free(cs[k].a);
    }
    free(lat);
    free(nb.u16);
    free(nb.out);
    kiji_doc_free(d);
    kiji_parser_free(p);
    return 0;
}
