/*
 * json_test.c -- the result JSON writer (parser/src/json.c) against jansson.
 *
 * The oracle below is the jansson tree builder the writer replaced: for every
 * input the writer's bytes must equal json_dumpb of that tree, compact
 * (JSON_COMPACT | JSON_REAL_PRECISION(17)) and pretty (JSON_INDENT(1)), and
 * re-read by jansson they must give a json_equal tree.
 *
 * Inputs: golden articles (*.txt, optional "@published" first line), case
 * files (*.case: every "<" block with its @published and @lang), and JSON
 * Lines corpora (*.jsonl with "text" and optional "date"). Each input is
 * parsed with every fact type on, and once more with max_facts 3 (the
 * "limits" list). Then a doc is edited by hand to reach what articles
 * rarely do: escapes and invalid UTF-8 in strings, reals, huge and negative
 * numbers, attributes that collide with core keys or each other.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "golden_file.h"
#include "kj.h"

/* ---- the oracle: the jansson tree builder ------------------------------ */

#define SET(obj, key, val) json_object_set_new_nocheck((obj), (key), (val))
#define EXACT_INT ((int64_t)1 << 53)

static void set_num(json_t *o, const char *key, const char *skey, kj_num v)
{
    char buf[64];
    int64_t m = v.mant;
    int32_t e = v.exp;
    while (m != 0 && m % 10 == 0 && e < 0) {
        m /= 10;
        e++;
    }
    if (e >= 0) {
        bool fits = true;
        int64_t x = m;
        for (int32_t i = 0; i < e && fits; i++) {
            if (x > INT64_MAX / 10 || x < INT64_MIN / 10)
                fits = false;
            else
                x *= 10;
        }
        if (fits && x <= EXACT_INT && x >= -EXACT_INT) {
            SET(o, key, json_integer(x));
            return;
        }
    }
    kj_num n = {m, e, true};
    kj_num_str(n, buf, sizeof buf);
    SET(o, key, json_real(kj_num_double(n)));
    char back[64];
    snprintf(back, sizeof back, "%.17g", kj_num_double(n));
    if (strcmp(back, buf) != 0)
        SET(o, skey, json_string(buf));
}

static json_t *span_array(const kiji_doc *d, const kj_fact *f)
{
    json_t *a = json_array();
    for (size_t i = 0; i < f->nmentions; i++) {
        size_t s, e;
        kj_span_orig(d, f->mentions[i].ns, f->mentions[i].ne, &s, &e);
        json_t *p = json_array();
        json_array_append_new(p, json_integer((json_int_t)s));
        json_array_append_new(p, json_integer((json_int_t)e));
        json_array_append_new(a, p);
    }
    return a;
}

static json_t *fact_json(const kiji_doc *d, const kj_fact *f)
{
    json_t *o = json_object();
    SET(o, "id", json_integer(f->id));
    SET(o, "type", json_string(kiji_fact_type_name(f->type)));
    SET(o, "text", json_stringn(d->orig + f->start, f->end - f->start));
    SET(o, "start", json_integer((json_int_t)f->start));
    SET(o, "end", json_integer((json_int_t)f->end));
    if (f->sentence >= 0)
        SET(o, "sentence", json_integer(f->sentence));
    if (f->name)
        SET(o, "name", json_string(f->name));
    if (f->value.ok)
        set_num(o, "value", "value_str", f->value);
    if (f->max.ok)
        set_num(o, "max", "max_str", f->max);
    const char *q = kj_qualifier_name(f->qualifier);
    if (q)
        SET(o, "qualifier", json_string(q));
    if (f->equivalent > 0)
        SET(o, "equivalent", json_integer(f->equivalent));
    if (f->speaker > 0)
        SET(o, "speaker", json_integer(f->speaker));
    if (f->affiliation > 0)
        SET(o, "affiliation", json_integer(f->affiliation));
    for (const kj_attr *a = f->attrs; a; a = a->next) {
        if (json_object_get(o, a->key))
            continue;
        switch (a->kind) {
        case KJ_ATTR_STR:
            SET(o, a->key, a->s ? json_string(a->s) : json_null());
            break;
        case KJ_ATTR_INT:
            SET(o, a->key, json_integer(a->i));
            break;
        case KJ_ATTR_BOOL:
            SET(o, a->key, json_boolean(a->i));
            break;
        default:
            SET(o, a->key, json_null());
        }
    }
    if (f->nmentions)
        SET(o, "mentions", span_array(d, f));
    return o;
}

static json_t *doc_json(const kiji_doc *d)
{
    json_t *r = json_object();
    SET(r, "schema", json_integer(KIJI_SCHEMA));
    if (d->id)
        SET(r, "id", json_string(d->id));
    SET(r, "lang", json_string(d->lang == KJ_LANG_EN ? "en" : "ja"));
    if (d->pub_y) {
        char buf[32];
        if (d->pub_m && d->pub_d)
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->pub_y, d->pub_m, d->pub_d);
        else if (d->pub_m)
            snprintf(buf, sizeof buf, "%04d-%02d", d->pub_y, d->pub_m);
        else
            snprintf(buf, sizeof buf, "%04d", d->pub_y);
        SET(r, "published", json_string(buf));
    } else {
        SET(r, "published", json_null());
    }
    SET(r, "published_source", json_string(d->pub_source ? d->pub_source : "none"));
    json_t *src = json_object();
    if (d->agency)
        SET(src, "agency", json_string(d->agency));
    if (d->credit)
        SET(src, "credit", json_string(d->credit));
    if (d->copyright)
        SET(src, "copyright", json_string(d->copyright));
    if (d->url)
        SET(src, "url", json_string(d->url));
    SET(r, "source", src);
    json_t *title = json_object();
    if (d->title_original)
        SET(title, "original", json_string(d->title_original));
    if (d->title_revision)
        SET(title, "revision", json_integer(d->title_revision));
    if (d->title_excerpt)
        SET(title, "excerpt", json_true());
    SET(r, "title", title);
    json_t *cr = json_array();
    for (size_t i = 0; i < d->ncredits; i++) {
        json_t *c = json_object();
        SET(c, "role", json_string(d->credits[i].role));
        SET(c, "name", json_string(d->credits[i].name));
        json_array_append_new(cr, c);
    }
    SET(r, "credits", cr);
    size_t bs, be;
    kj_span_orig(d, d->body_ns, d->body_ne, &bs, &be);
    json_t *body = json_array();
    json_array_append_new(body, json_integer((json_int_t)bs));
    json_array_append_new(body, json_integer((json_int_t)be));
    SET(r, "body", body);
    SET(r, "sentences", json_integer((json_int_t)d->nsent));
    json_t *limits = json_array();
    if (d->facts_truncated)
        json_array_append_new(limits, json_string("max_facts"));
    SET(r, "limits", limits);
    json_t *facts = json_array();
    for (size_t i = 0; i < d->nfacts; i++)
        json_array_append_new(facts, fact_json(d, &d->facts[i]));
    SET(r, "facts", facts);
    return r;
}

/* ---- comparison --------------------------------------------------------- */

static int checked, failed;

static void first_diff(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0;
    while (i < an && i < bn && a[i] == b[i])
        i++;
    size_t from = i > 40 ? i - 40 : 0;
    fprintf(stderr, "  at byte %zu\n  writer: %.*s\n  jansson: %.*s\n", i,
            (int)((an - from) < 100 ? an - from : 100), a + from,
            (int)((bn - from) < 100 ? bn - from : 100), b + from);
}

static void compare(kiji_doc *d, const char *what)
{
    json_t *tree = doc_json(d);
    static const unsigned flags[2] = {0, KIJI_JSON_PRETTY};
    for (int k = 0; k < 2; k++) {
        const char *out;
        size_t n;
        checked++;
        if (kiji_doc_json(d, flags[k], &out, &n) != KIJI_OK) {
            failed++;
            fprintf(stderr, "FAIL %s: kiji_doc_json failed\n", what);
            continue;
        }
        size_t jf = JSON_REAL_PRECISION(17) | (k ? JSON_INDENT(1) : JSON_COMPACT);
        size_t need = json_dumpb(tree, NULL, 0, jf);
        char *want = malloc(need + 1);
        size_t got = json_dumpb(tree, want, need, jf);
        json_error_t jerr;
        json_t *back = json_loadb(out, n, 0, &jerr);
        if (got != need || n != need || memcmp(out, want, n) != 0 || strlen(out) != n) {
            failed++;
            fprintf(stderr, "FAIL %s (%s): writer and jansson bytes differ (%zu vs %zu)\n", what,
                    k ? "pretty" : "compact", n, need);
            first_diff(out, n, want, need);
        } else if (!back || !json_equal(back, tree)) {
            failed++;
            fprintf(stderr, "FAIL %s (%s): re-read tree differs: %s\n", what,
                    k ? "pretty" : "compact", back ? "not equal" : jerr.text);
        }
        json_decref(back);
        free(want);
    }
    json_decref(tree);
}

static void parse_and_compare(kiji_parser **ps, int nps, const char *text, size_t len,
                              const char *published, const char *lang, const char *what)
{
    for (int i = 0; i < nps; i++) {
        kiji_doc *d = kiji_doc_new(ps[i]);
        kiji_meta meta = {"json-test", published, lang};
        kiji_error err;
        int rc = kiji_parse(d, text, len, &meta, &err);
        if (rc == KIJI_ERR_PUBLISHED) {
            /* A corpus date kiji does not read: the article still counts. */
            meta.published = NULL;
            rc = kiji_parse(d, text, len, &meta, &err);
        }
        if (rc == KIJI_OK)
            compare(d, what);
        kiji_doc_free(d);
    }
}

/* ---- inputs ------------------------------------------------------------- */

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static void run_golden(kiji_parser **ps, int nps, const char *path, char *text, size_t len)
{
    char published[32];
    char *body = golden_body(text, len, published, sizeof published);
    parse_and_compare(ps, nps, body, len - (size_t)(body - text), published[0] ? published : NULL,
                      NULL, path);
}

/* Case files: consecutive "< " lines joined with "\n" make one input; the
 * "@published" and "@lang" lines before them in the same case apply. */
static void run_cases(kiji_parser **ps, int nps, const char *path, char *text)
{
    char published[64] = "", lang[16] = "", name[256] = "";
    char *input = malloc(strlen(text) + 1);
    size_t in = 0;
    bool open = false;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        bool is_input = strncmp(line, "< ", 2) == 0 || strcmp(line, "<") == 0;
        if (!is_input && open) {
            char what[512];
            snprintf(what, sizeof what, "%s: %s", path, name);
            parse_and_compare(ps, nps, input, in, published[0] ? published : NULL,
                              lang[0] ? lang : NULL, what);
            open = false;
            in = 0;
        }
        if (strncmp(line, "## ", 3) == 0) {
            snprintf(name, sizeof name, "%s", line + 3);
            published[0] = lang[0] = 0;
        } else if (strncmp(line, "@published ", 11) == 0) {
            snprintf(published, sizeof published, "%s", line + 11);
        } else if (strncmp(line, "@lang ", 6) == 0) {
            snprintf(lang, sizeof lang, "%s", line + 6);
        } else if (is_input) {
            const char *s = line[1] ? line + 2 : "";
            if (open)
                input[in++] = '\n';
            memcpy(input + in, s, strlen(s));
            in += strlen(s);
            open = true;
        }
        line = nl ? nl + 1 : NULL;
    }
    if (open) {
        char what[512];
        snprintf(what, sizeof what, "%s: %s", path, name);
        parse_and_compare(ps, nps, input, in, published[0] ? published : NULL,
                          lang[0] ? lang : NULL, what);
    }
    free(input);
}

static void run_jsonl(kiji_parser **ps, int nps, const char *path, char *text)
{
    int line_no = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        line_no++;
        json_t *o = json_loads(line, 0, NULL);
        json_t *t = json_object_get(o, "text");
        if (json_is_string(t)) {
            char what[512], date[11] = "";
            const char *ds = json_string_value(json_object_get(o, "date"));
            if (ds && strlen(ds) >= 10) {
                memcpy(date, ds, 10);
                date[10] = 0;
            }
            snprintf(what, sizeof what, "%s:%d", path, line_no);
            parse_and_compare(ps, nps, json_string_value(t), json_string_length(t),
                              date[0] ? date : NULL, NULL, what);
        }
        json_decref(o);
        line = nl ? nl + 1 : NULL;
    }
}

/* ---- hand-edited docs --------------------------------------------------- */

static void run_edited(kiji_parser *p)
{
    static const char text[] = "政府は約13兆円を計上し、防衛費は15%増えた。\"Acme Corp\" said on "
                               "Monday it would hire 1,200 people.";
    kiji_doc *d = kiji_doc_new(p);
    kiji_meta meta = {"edit", "2026-02-13", NULL};
    kiji_error err;
    if (kiji_parse(d, text, sizeof text - 1, &meta, &err) != KIJI_OK || d->nfacts < 2) {
        failed++;
        fprintf(stderr, "FAIL edited: the base text gave %zu facts\n", d->nfacts);
        kiji_doc_free(d);
        return;
    }
    compare(d, "edited: as parsed");

    static const char *const ids[] = {
        "q\"uote\\back/slash",
        "ctl\x01\x1f\x7f\b\f\n\r\t",
        "bad\xff",
        "trunc\xe6\x97",
        "overlong\xc0\xaf",
        "surrogate\xed\xa0\x80",
        "max\xf4\x8f\xbf\xbf",
        "over\xf4\x90\x80\x80",
        "日本語",
        "",
    };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        d->id = ids[i];
        char what[64];
        snprintf(what, sizeof what, "edited: id #%zu", i);
        compare(d, what);
    }
    d->id = NULL;
    compare(d, "edited: no id");

    static const kj_num nums[] = {
        {0, 0, true},
        {-1, 0, true},
        {35, -1, true},
        {1, -1, true},
        {1, -3, true},
        {3, -7, true},
        {123456789, -4, true},
        {1, 15, true},
        {1, 16, true},
        {9007199254740993, 0, true},
        {-9007199254740993, 0, true},
        {9007199254740992, 0, true},
        {INT64_MAX, 0, true},
        {INT64_MIN, 0, true},
        {INT64_MAX, 300, true},
        {7, 400, true},
        {7, -400, true},
        {1, -20, true},
        {333333333333333, -15, true},
        {25, 20, true},
        {-5, -1, true},
        {1000, -3, true},
    };
    kj_fact *f = &d->facts[0];
    kj_fact saved = *f;
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        f->value = nums[i];
        f->max = nums[(i + 5) % (sizeof nums / sizeof nums[0])];
        char what[64];
        snprintf(what, sizeof what, "edited: number #%zu", i);
        compare(d, what);
    }
    f->max.ok = false;
    f->value = (kj_num){35, -1, true};

    /* Attributes: collisions with core keys and each other, "mentions",
     * NULL and invalid strings, escapes in keys and values. */
    static kj_span ments[2] = {{0, 3}, {6, 9}};
    kj_attr a[19];
    memset(a, 0, sizeof a);
    const struct {
        const char *key;
        int kind;
        const char *s;
        int64_t i;
    } specs[] = {
        {"id", KJ_ATTR_INT, NULL, 99},
        {"currency", KJ_ATTR_STR, "JPY", 0},
        {"value_str", KJ_ATTR_STR, "shadow", 0},
        {"bad", KJ_ATTR_STR, "x\xff", 0},
        {"bad", KJ_ATTR_STR, "second", 0},
        {"mentions", KJ_ATTR_BOOL, NULL, 1},
        {"note", KJ_ATTR_STR, "tab\there \"q\" \\ /", 0},
        {"nothing", KJ_ATTR_STR, NULL, 0},
        {"neg", KJ_ATTR_INT, NULL, INT64_MIN},
        {"flag", KJ_ATTR_BOOL, NULL, 0},
        {"k\"ey", KJ_ATTR_NULL, NULL, 0},
        {"currency", KJ_ATTR_STR, "USD", 0},
        /* keys on both sides of attr_key's 4 to 16 plain bytes, and
         * ones it must leave to put_str: a control, a backslash or
         * non-ASCII in either of its two words */
        {"abc", KJ_ATTR_INT, NULL, 1},
        {"sixteen_bytes_ab", KJ_ATTR_INT, NULL, 2},
        {"seventeen_bytes_a", KJ_ATTR_INT, NULL, 3},
        {"key\x01with_tab", KJ_ATTR_INT, NULL, 4},
        {"twelve\\bytes", KJ_ATTR_INT, NULL, 5},
        {"\xE3\x82\xAD\xE3\x83\xBC", KJ_ATTR_INT, NULL, 6},
        {"k\x1F", KJ_ATTR_INT, NULL, 7},
    };
    for (size_t i = 0; i < 19; i++) {
        a[i].key = specs[i].key;
        a[i].kind = specs[i].kind;
        a[i].s = specs[i].s;
        a[i].i = specs[i].i;
        a[i].next = i + 1 < 19 ? &a[i + 1] : NULL;
    }
    f->attrs = &a[0];
    f->mentions = NULL;
    f->nmentions = 0;
    compare(d, "edited: attributes, no mentions");
    f->mentions = ments;
    f->nmentions = 2;
    compare(d, "edited: attributes with mentions");
    a[5].kind = KJ_ATTR_STR;
    a[5].s = "\xc3";
    compare(d, "edited: invalid \"mentions\" attribute");
    f->name = "名\x80";
    f->qualifier = KJ_Q_APPROX;
    f->equivalent = 2;
    f->speaker = 3;
    f->affiliation = 4;
    f->sentence = -1;
    compare(d, "edited: invalid name, references");
    f->end = f->start + 1; /* inside a character when the text starts with one */
    compare(d, "edited: text span cut inside a character");
    f->type = 0; /* no type name: no "type" member */
    compare(d, "edited: no type name");
    f->sentence = 7;
    f->id = INT32_MAX;
    compare(d, "edited: no type name, a sentence");
    *f = saved;

    d->facts_truncated = true;
    d->title_original = "原題\n\"x\"";
    d->title_revision = 2;
    d->title_excerpt = true;
    d->agency = "Agency \"A\"";
    d->credit = "bad\xfe";
    d->url = "https://example.com/a/b?c=1&d=<2>";
    struct kj_credit cr[3] = {{"writer", "山田太郎"}, {NULL, "x"}, {"editor", "\x80"}};
    d->credits = cr;
    d->ncredits = 3;
    d->pub_y = 2026;
    d->pub_m = 2;
    d->pub_d = 0;
    compare(d, "edited: header fields");
    d->ncredits = 0;
    d->pub_m = 0;
    d->nfacts = 0;
    compare(d, "edited: no facts, no credits");
    kiji_doc_free(d);
}

/* The writer copies fact type and qualifier names without looking for
 * escapes (json.c, kv_name): each must be lowercase ASCII letters and '_'
 * (a name with a '"' would fail here, not just in an article's JSON). */
static bool plain_name(const char *s)
{
    if (!s || !*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
            return false;
    return true;
}

static void check_names(void)
{
    for (int t = 1; t <= KIJI_FACT_MAX; t++) {
        checked++;
        if (!plain_name(kiji_fact_type_name(t))) {
            failed++;
            fprintf(stderr, "FAIL fact type %d: name is not plain\n", t);
        }
    }
    for (int q = KJ_Q_APPROX; q <= KJ_Q_AT_MOST; q++) {
        checked++;
        if (!plain_name(kj_qualifier_name(q))) {
            failed++;
            fprintf(stderr, "FAIL qualifier %d: name is not plain\n", q);
        }
    }
}

int main(int argc, char **argv)
{
    check_names();
    kiji_error err;
    kiji_options all = {.facts = 0xFFFFFFFFu};
    kiji_options few = {.facts = 0xFFFFFFFFu, .max_facts = 3};
    kiji_parser *ps[2] = {kiji_parser_new(&all, &err), kiji_parser_new(&few, &err)};
    if (!ps[0] || !ps[1]) {
        fprintf(stderr, "parser: %s\n", err.text);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        size_t len;
        char *text = slurp(argv[i], &len);
        if (!text) {
            perror(argv[i]);
            return 2;
        }
        if (ends_with(argv[i], ".case"))
            run_cases(ps, 2, argv[i], text);
        else if (ends_with(argv[i], ".jsonl"))
            run_jsonl(ps, 2, argv[i], text);
        else
            run_golden(ps, 2, argv[i], text, len);
        free(text);
    }
    run_edited(ps[0]);
    kiji_parser_free(ps[0]);
    kiji_parser_free(ps[1]);
    printf("%d passed, %d failed\n", checked - failed, failed);
    return failed ? 1 : 0;
}
