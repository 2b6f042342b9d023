/*
 * json_str_test.c -- the strings of the result JSON against jansson: the
 * writer copies a string sixteen, then eight bytes at a time, tests a
 * string of 4-7 bytes as one word, and rewrites the last sixteen or eight
 * bytes of a longer one at once.
 * Random strings of 0-40 bytes over an alphabet that holds plain ASCII,
 * quotes, backslashes, controls, DEL, valid multi-byte characters and bytes
 * that are no valid UTF-8 are written twice: as the doc id (a string the
 * writer checks for valid UTF-8, left out when it is not) and as a string
 * attribute (checked for valid UTF-8 before it is written as known valid,
 * left out when it is not). Each must read exactly as jansson's json_dumps
 * of json_string gives it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "kj.h"
#include "rand_text.h"

static int checked, failed;

/* s as "key":value the way jansson writes it, or "" when jansson refuses
 * the string (not valid UTF-8). */
static void expected(const char *key, const char *s, char *want, size_t size)
{
    json_t *j = json_string(s);
    want[0] = 0;
    if (!j)
        return;
    char *v = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
    snprintf(want, size, "\"%s\":%s", key, v ? v : "");
    free(v);
    json_decref(j);
}

static void check(kiji_doc *d, const char *what, const char *key, const char *s)
{
    const char *out;
    size_t len;
    checked++;
    if (kiji_doc_json(d, 0, &out, &len) != KIJI_OK) {
        failed++;
        fprintf(stderr, "FAIL %s: no JSON\n", what);
        return;
    }
    char want[512], pat[64];
    expected(key, s, want, sizeof want);
    snprintf(pat, sizeof pat, "\"%s\":", key);
    /* the doc's "id" stands before "lang"; a fact's "id" comes later */
    const char *at = strstr(out, pat), *lang = strstr(out, "\"lang\":");
    if (strcmp(key, "id") == 0 && at && lang && at > lang)
        at = NULL;
    bool ok = want[0] ? at && strncmp(at, want, strlen(want)) == 0 : !at;
    if (!ok && failed++ < 20)
        fprintf(stderr, "FAIL %s: want [%s], got [%.100s]\n", what, want, at ? at : "(none)");
}

int main(void)
{
    rng = 0xD1B54A32D192ED03u;
    kiji_parser *p;
    kiji_doc *d = base_doc(&p);
    if (!d)
        return 2;
    d->nfacts = 1;
    static const char *const alpha[] = {
        "a", "Z", " ", "/", "0", "abcdefg", "\"", "\\", "\n", "\t", "\r", "\b", "\f", "\x01",
        "\x1f", "\x7f", "é", "日本", "\xf0\x9f\x98\x80", "\xff", "\xc3", "\xe6\x97", "\xc0\xaf",
        "\xed\xa0\x80", "\xe3\x80\x8c", "\xef\xbf\xbf", "\xe1\x80", "\x80", "\xe3\xc0\x80",
    };
    const size_t na = sizeof alpha / sizeof alpha[0];
    kj_attr a = {NULL, "note", KJ_ATTR_STR, NULL, 0};
    kj_fact *f = &d->facts[0];
    f->attrs = &a;
    static char s[64];
    for (int r = 0; r < 100000; r++) {
        size_t want = next_rand() % 41, n = 0;
        /* mostly plain text, now and then a byte that needs a look */
        while (n < want) {
            const char *piece = next_rand() % 4 ? alpha[next_rand() % 6] : alpha[next_rand() % na];
            size_t pl = strlen(piece);
            if (n + pl > want)
                break;
            memcpy(s + n, piece, pl);
            n += pl;
        }
        s[n] = 0;
        char what[32];
        snprintf(what, sizeof what, "string #%d", r);
        d->id = s;
        a.s = "x";
        check(d, what, "id", s);
        a.s = s; /* left out when not valid UTF-8, as jansson refuses it */
        check(d, what, "note", s);
    }
    d->id = NULL;
    f->attrs = NULL;
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("%d passed, %d failed\n", checked - failed, failed);
    return failed ? 1 : 0;
}
