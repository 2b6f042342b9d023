/*
 * cmd_parse.c -- `kiji parse`: run the parser on a file (or stdin) and print
 * the result JSON; `--jsonl` runs it over a JSON-lines corpus of records
 * {"id", "date", "text"} and reports every rejected record with its reason.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "kiji.h"
#include "cmds.h"

static void parse_usage(FILE *f)
{
    fprintf(f,
            "usage: kiji parse [--published YYYY-MM-DD] [--lang ja|en|auto] [--pretty]\n"
            "                  [--facts +TYPE,-TYPE...] [--max-input BYTES] [--id ID]\n"
            "                  [--sentences] FILE|-\n"
            "       kiji parse --jsonl [--quiet] FILE|-\n\n"
            "Prints the result JSON on stdout and exits 0. On bad input prints\n"
            "'kiji: CODE at offset N: message' on stderr and exits 1 (2 for usage errors).\n"
            "--facts +number also reports bare numbers, +currency currencies named with no\n"
            "amount (\"the dollar fell\"); -TYPE hides a fact type.\n"
            "--sentences prints one line per sentence (index, start, end, text) instead.\n"
            "--jsonl reads one record per line ({\"id\",\"date\",\"text\"}), prints one result\n"
            "per line (none with --quiet), reports each rejected record on stderr and a\n"
            "summary line 'N parsed, N rejected' at the end.\n");
}

/* Read all of f; caps at limit+1 bytes so an oversize file is reported as
 * such without reading it all. */
static char *slurp(FILE *f, size_t limit, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            if (cap > limit + 1)
                break;
            cap *= 2;
            char *b = realloc(buf, cap);
            if (!b) {
                free(buf);
                return NULL;
            }
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    *len = n;
    return buf;
}

static int apply_facts(kiji_options *o, const char *spec)
{
    uint32_t mask = o->facts ? o->facts : KIJI_FACTS_DEFAULT;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        char sign = '+';
        if (*tok == '+' || *tok == '-')
            sign = *tok++;
        int t = kiji_fact_type_from_name(tok);
        if (!t) {
            fprintf(stderr, "kiji parse: unknown fact type '%s'\n", tok);
            return -1;
        }
        if (sign == '+')
            mask |= KIJI_FACT_BIT(t);
        else
            mask &= ~KIJI_FACT_BIT(t);
    }
    o->facts = mask;
    return 0;
}

static void report(const char *what, const kiji_error *e)
{
    fprintf(stderr, "kiji: %s%s%s at offset %zu: %s\n", what ? what : "", what ? ": " : "",
            kiji_status_name(e->code), e->offset, e->text);
}

/* Corpus dates such as Reuters-21578's "3-MAR-1987 09:16:02.85" become
 * "1987-03-03"; anything else is passed through as it is. */
static const char *corpus_date(const char *s, char *buf, size_t n)
{
    static const char *const mon[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    int day, year;
    char m[4];
    if (!s || sscanf(s, "%2d-%3[A-Z]-%4d", &day, m, &year) != 3)
        return s;
    for (int i = 0; i < 12; i++) {
        if (strcmp(m, mon[i]) == 0) {
            snprintf(buf, n, "%04d-%02d-%02d", year, i + 1, day);
            return buf;
        }
    }
    return s;
}

static int run_jsonl(kiji_doc *d, FILE *f, bool quiet)
{
    char *line = NULL;
    size_t cap = 0, parsed = 0, rejected = 0, bad = 0, lineno = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        lineno++;
        json_error_t je;
        json_t *rec = json_loadb(line, (size_t)n, 0, &je);
        const char *text = rec ? json_string_value(json_object_get(rec, "text")) : NULL;
        if (!text) {
            fprintf(stderr, "kiji: line %zu: not a record with a \"text\" string\n", lineno);
            bad++;
            json_decref(rec);
            continue;
        }
        char idbuf[64];
        const char *id = json_string_value(json_object_get(rec, "id"));
        if (!id) {
            snprintf(idbuf, sizeof idbuf, "line-%zu", lineno);
            id = idbuf;
        }
        char datebuf[16];
        kiji_meta meta = {id,
                          corpus_date(json_string_value(json_object_get(rec, "date")), datebuf,
                                      sizeof datebuf),
                          json_string_value(json_object_get(rec, "lang"))};
        kiji_error err;
        int rc = kiji_parse(d, text, json_string_length(json_object_get(rec, "text")), &meta, &err);
        if (rc == KIJI_ERR_PUBLISHED) {
            /* a corpus date we cannot read: parse without it, and say so */
            fprintf(stderr, "kiji: %s: unreadable date '%s', parsed without it\n", id,
                    meta.published);
            meta.published = NULL;
            rc = kiji_parse(d, text, json_string_length(json_object_get(rec, "text")), &meta, &err);
        }
        if (rc) {
            report(id, &err);
            rejected++;
        } else {
            parsed++;
            const char *out;
            size_t len;
            if (kiji_doc_json(d, 0, &out, &len) == KIJI_OK) {
                if (!quiet) {
                    fwrite(out, 1, len, stdout);
                    fputc('\n', stdout);
                }
            } else {
                fprintf(stderr, "kiji: %s: JSON serialization failed\n", id);
                rejected++;
                parsed--;
            }
        }
        json_decref(rec);
    }
    free(line);
    fprintf(stderr, "%zu parsed, %zu rejected, %zu unreadable lines\n", parsed, rejected, bad);
    return bad ? 1 : 0;
}

int cmd_parse(int argc, char **argv)
{
    kiji_options opt = {0};
    kiji_meta meta = {0};
    unsigned flags = 0;
    bool jsonl = false, quiet = false, sentences = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--published") == 0 && has)
            meta.published = argv[++i];
        else if (strcmp(a, "--lang") == 0 && has)
            meta.lang = argv[++i];
        else if (strcmp(a, "--id") == 0 && has)
            meta.id = argv[++i];
        else if (strcmp(a, "--pretty") == 0)
            flags |= KIJI_JSON_PRETTY;
        else if (strcmp(a, "--jsonl") == 0)
            jsonl = true;
        else if (strcmp(a, "--quiet") == 0)
            quiet = true;
        else if (strcmp(a, "--sentences") == 0)
            sentences = true;
        else if (strcmp(a, "--facts") == 0 && has) {
            if (apply_facts(&opt, argv[++i]))
                return 2;
        } else if (strcmp(a, "--max-input") == 0 && has) {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(argv[++i], &end, 10);
            if (errno || *end || v == 0) {
                fprintf(stderr, "kiji parse: --max-input takes a positive byte count\n");
                return 2;
            }
            opt.max_input = (size_t)v;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            parse_usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != 0) {
            fprintf(stderr, "kiji parse: unknown or incomplete option '%s'\n", a);
            parse_usage(stderr);
            return 2;
        } else if (!path) {
            path = a;
        } else {
            fprintf(stderr, "kiji parse: one FILE only\n");
            return 2;
        }
    }
    if (!path) {
        parse_usage(stderr);
        return 2;
    }
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "kiji parse: %s: %s\n", path, strerror(errno));
        return 1;
    }
    kiji_error err;
    kiji_parser *p = kiji_parser_new(&opt, &err);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    if (!d) {
        fprintf(stderr, "kiji parse: cannot build the parser: %s\n", p ? "out of memory" : err.text);
        kiji_parser_free(p);
        if (f != stdin)
            fclose(f);
        return 1;
    }
    int rc = 0;
    if (jsonl) {
        rc = run_jsonl(d, f, quiet);
    } else {
        size_t len = 0;
        char *buf = slurp(f, opt.max_input ? opt.max_input : KIJI_DEFAULT_MAX_INPUT, &len);
        if (!buf) {
            fprintf(stderr, "kiji parse: out of memory reading %s\n", path);
            rc = 1;
        } else if (kiji_parse(d, buf, len, &meta, &err) != KIJI_OK) {
            report(NULL, &err);
            rc = 1;
        } else if (sentences) {
            for (size_t i = 0; i < kiji_doc_sentence_count(d); i++) {
                size_t s, e;
                kiji_doc_sentence(d, i, &s, &e);
                printf("%zu\t%zu\t%zu\t%.*s\n", i, s, e, (int)(e - s), buf + s);
            }
        } else {
            const char *out;
            size_t olen;
            if (kiji_doc_json(d, flags, &out, &olen) != KIJI_OK) {
                fprintf(stderr, "kiji: JSON serialization failed\n");
                rc = 1;
            } else {
                fwrite(out, 1, olen, stdout);
                fputc('\n', stdout);
            }
        }
        free(buf);
    }
    if (f != stdin)
        fclose(f);
    kiji_doc_free(d);
    kiji_parser_free(p);
    return rc;
}
