/*
 * case_runner.c -- runs data-driven case files (docs/HACKING.md, "Case
 * files"): input text plus expected (>), forbidden (!) facts and result
 * subsets (=). Also checks the span invariant on every fact of every case:
 * 0 <= start <= end <= len, both on UTF-8 boundaries, text == input[start:end].
 *
 * usage: case_runner [-v] FILE.case...   prints "N passed, N failed".
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "kiji.h"

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p) {
            perror("realloc");
            exit(2);
        }
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

typedef struct expect {
    char kind; /* '>' '!' '=' */
    json_t *json;
    int line;
} expect;

typedef struct kcase {
    char name[256];
    int line;
    char published[64];
    char lang[16];
    char facts[128];
    buf text;
    expect *ex;
    size_t nex, capex;
} kcase;

/* Parsers by fact spec: building one costs milliseconds, so keep them. */
typedef struct pslot {
    char spec[128];
    kiji_parser *p;
    kiji_doc *d;
} pslot;
static pslot slots[16];
static int verbose;

static kiji_doc *doc_for(const char *spec)
{
    for (int i = 0; i < 16; i++) {
        if (slots[i].p && strcmp(slots[i].spec, spec) == 0)
            return slots[i].d;
        if (!slots[i].p) {
            kiji_options o = {0};
            o.facts = KIJI_FACTS_DEFAULT;
            char tmp[128];
            snprintf(tmp, sizeof tmp, "%s", spec);
            for (char *tok = strtok(tmp, ", "); tok; tok = strtok(NULL, ", ")) {
                char sign = '+';
                if (*tok == '+' || *tok == '-')
                    sign = *tok++;
                int t = kiji_fact_type_from_name(tok);
                if (!t) {
                    fprintf(stderr, "unknown fact type in @facts: %s\n", tok);
                    exit(2);
                }
                if (sign == '+')
                    o.facts |= KIJI_FACT_BIT(t);
                else
                    o.facts &= ~KIJI_FACT_BIT(t);
            }
            kiji_error err;
            slots[i].p = kiji_parser_new(&o, &err);
            if (!slots[i].p) {
                fprintf(stderr, "kiji_parser_new: %s\n", err.text);
                exit(2);
            }
            slots[i].d = kiji_doc_new(slots[i].p);
            snprintf(slots[i].spec, sizeof slots[i].spec, "%s", spec);
            return slots[i].d;
        }
    }
    fprintf(stderr, "too many distinct @facts specs\n");
    exit(2);
}

static json_t *fact_by_id(json_t *facts, json_int_t id)
{
    size_t i;
    json_t *f;
    json_array_foreach(facts, i, f)
    {
        if (json_integer_value(json_object_get(f, "id")) == id)
            return f;
    }
    return NULL;
}

static bool values_equal(json_t *want, json_t *got)
{
    if (json_is_number(want) && json_is_number(got)) {
        double a = json_number_value(want), b = json_number_value(got);
        return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(a));
    }
    return json_equal(want, got);
}

static bool is_ref(const char *k)
{
    return strcmp(k, "speaker") == 0 || strcmp(k, "affiliation") == 0 ||
           strcmp(k, "equivalent") == 0;
}

static bool fact_matches(json_t *want, json_t *f, json_t *facts)
{
    const char *k;
    json_t *wv;
    json_object_foreach(want, k, wv)
    {
        json_t *gv = json_object_get(f, k);
        if (json_is_null(wv)) {
            if (gv && !json_is_null(gv))
                return false;
            continue;
        }
        if (!gv)
            return false;
        if (is_ref(k) && json_is_string(wv)) {
            json_t *r = json_is_integer(gv) ? fact_by_id(facts, json_integer_value(gv)) : NULL;
            if (!r)
                return false;
            json_t *nm = json_object_get(r, "name");
            if (!nm)
                nm = json_object_get(r, "text");
            if (!json_equal(nm, wv))
                return false;
            continue;
        }
        if (!values_equal(wv, gv))
            return false;
    }
    return true;
}

static bool subset(json_t *want, json_t *got)
{
    if (json_is_object(want)) {
        if (!json_is_object(got))
            return false;
        const char *k;
        json_t *wv;
        json_object_foreach(want, k, wv)
        {
            json_t *gv = json_object_get(got, k);
            if (json_is_null(wv) ? (gv && !json_is_null(gv)) : (!gv || !subset(wv, gv)))
                return false;
        }
        return true;
    }
    return values_equal(want, got);
}

/* Span invariant on every fact; returns an error text or NULL. */
static const char *check_spans(const char *in, size_t len, json_t *facts, char *msg, size_t n)
{
    size_t i;
    json_t *f;
    json_array_foreach(facts, i, f)
    {
        json_int_t s = json_integer_value(json_object_get(f, "start"));
        json_int_t e = json_integer_value(json_object_get(f, "end"));
        const char *t = json_string_value(json_object_get(f, "text"));
        if (s < 0 || e < s || (size_t)e > len || !t) {
            snprintf(msg, n, "fact %zu: span [%lld,%lld) outside input", i, (long long)s,
                     (long long)e);
            return msg;
        }
        if ((s < (json_int_t)len && (in[s] & 0xC0) == 0x80) ||
            (e < (json_int_t)len && (in[e] & 0xC0) == 0x80)) {
            snprintf(msg, n, "fact %zu: span [%lld,%lld) cuts a UTF-8 sequence", i, (long long)s,
                     (long long)e);
            return msg;
        }
        if (strlen(t) != (size_t)(e - s) || memcmp(t, in + s, (size_t)(e - s)) != 0) {
            snprintf(msg, n, "fact %zu: text '%s' is not input[%lld:%lld]", i, t, (long long)s,
                     (long long)e);
            return msg;
        }
    }
    return NULL;
}

static void print_facts(json_t *facts)
{
    size_t i;
    json_t *f;
    json_array_foreach(facts, i, f)
    {
        char *s = json_dumps(f, JSON_COMPACT);
        fprintf(stderr, "      %s\n", s);
        free(s);
    }
}

static int run_case(const char *file, kcase *c)
{
    kiji_doc *d = doc_for(c->facts);
    kiji_meta meta = {NULL, c->published[0] ? c->published : NULL, c->lang[0] ? c->lang : NULL};
    kiji_error err;
    if (kiji_parse(d, c->text.p ? c->text.p : "", c->text.len, &meta, &err) != KIJI_OK) {
        fprintf(stderr, "FAIL %s:%d %s: parse error %s: %s\n", file, c->line, c->name,
                kiji_status_name(err.code), err.text);
        return 1;
    }
    const char *out;
    size_t olen;
    if (kiji_doc_json(d, 0, &out, &olen) != KIJI_OK) {
        fprintf(stderr, "FAIL %s:%d %s: JSON\n", file, c->line, c->name);
        return 1;
    }
    json_error_t je;
    json_t *r = json_loadb(out, olen, 0, &je);
    if (!r) {
        fprintf(stderr, "FAIL %s:%d %s: result is not JSON: %s\n", file, c->line, c->name, je.text);
        return 1;
    }
    json_t *facts = json_object_get(r, "facts");
    int bad = 0;
    char msg[512];
    if (check_spans(c->text.p, c->text.len, facts, msg, sizeof msg)) {
        fprintf(stderr, "FAIL %s:%d %s: %s\n", file, c->line, c->name, msg);
        bad = 1;
    }
    for (size_t i = 0; i < c->nex; i++) {
        expect *e = &c->ex[i];
        bool ok;
        if (e->kind == '=') {
            ok = subset(e->json, r);
        } else {
            bool found = false;
            size_t k;
            json_t *f;
            json_array_foreach(facts, k, f)
            {
                if (fact_matches(e->json, f, facts)) {
                    found = true;
                    break;
                }
            }
            ok = e->kind == '>' ? found : !found;
        }
        if (!ok) {
            char *s = json_dumps(e->json, JSON_COMPACT);
            fprintf(stderr, "FAIL %s:%d %s: %s %s\n", file, e->line, c->name,
                    e->kind == '>' ? "expected" : e->kind == '!' ? "forbidden but found" : "result lacks",
                    s);
            free(s);
            bad = 1;
        }
    }
    if (bad || verbose) {
        fprintf(stderr, "    input: %s\n    facts:\n", c->text.p ? c->text.p : "");
        print_facts(facts);
    }
    json_decref(r);
    return bad;
}

static void case_free(kcase *c)
{
    free(c->text.p);
    for (size_t i = 0; i < c->nex; i++)
        json_decref(c->ex[i].json);
    free(c->ex);
    memset(c, 0, sizeof *c);
}

static int run_file(const char *file, int *passed, int *failed)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        perror(file);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0;
    kcase c;
    memset(&c, 0, sizeof c);
    bool open = false;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (strncmp(line, "## ", 3) == 0) {
            if (open) {
                if (run_case(file, &c))
                    (*failed)++;
                else
                    (*passed)++;
                case_free(&c);
            }
            open = true;
            snprintf(c.name, sizeof c.name, "%s", line + 3);
            c.line = lineno;
            continue;
        }
        if (n == 0 || line[0] == '#')
            continue;
        if (!open) {
            fprintf(stderr, "%s:%d: text before the first '## case'\n", file, lineno);
            free(line);
            fclose(f);
            return -1;
        }
        if (strncmp(line, "@published ", 11) == 0)
            snprintf(c.published, sizeof c.published, "%s", line + 11);
        else if (strncmp(line, "@lang ", 6) == 0)
            snprintf(c.lang, sizeof c.lang, "%s", line + 6);
        else if (strncmp(line, "@facts ", 7) == 0)
            snprintf(c.facts, sizeof c.facts, "%s", line + 7);
        else if (line[0] == '<' && (line[1] == ' ' || line[1] == 0)) {
            if (c.text.len)
                buf_add(&c.text, "\n", 1);
            if (line[1])
                buf_add(&c.text, line + 2, strlen(line + 2));
            else
                buf_add(&c.text, "", 0);
        } else if ((line[0] == '>' || line[0] == '!' || line[0] == '=') && line[1] == ' ') {
            json_error_t je;
            json_t *j = json_loads(line + 2, 0, &je);
            if (!json_is_object(j)) {
                fprintf(stderr, "%s:%d: not a JSON object: %s\n", file, lineno, je.text);
                free(line);
                fclose(f);
                return -1;
            }
            if (c.nex == c.capex) {
                c.capex = c.capex ? c.capex * 2 : 8;
                c.ex = realloc(c.ex, c.capex * sizeof *c.ex);
            }
            c.ex[c.nex].kind = line[0];
            c.ex[c.nex].json = j;
            c.ex[c.nex].line = lineno;
            c.nex++;
        } else {
            fprintf(stderr, "%s:%d: unknown line: %s\n", file, lineno, line);
            free(line);
            fclose(f);
            return -1;
        }
    }
    if (open) {
        if (run_case(file, &c))
            (*failed)++;
        else
            (*passed)++;
        case_free(&c);
    }
    free(line);
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
            continue;
        }
        if (run_file(argv[i], &passed, &failed))
            bad = 1;
    }
    for (int i = 0; i < 16; i++) {
        kiji_doc_free(slots[i].d);
        kiji_parser_free(slots[i].p);
    }
    printf("%d passed, %d failed\n", passed, failed);
    if (passed + failed == 0)
        return 1;
    return failed || bad ? 1 : 0;
}
