/*
 * fuzz_meta.c -- document structure and metadata (text.c, meta.c): the lead
 * credit and dateline, the trailer (原題, credits, ©, URL), the body span,
 * sentences, and the publication date found in the text when the head
 * gives none. Only organizations are reported (the agency's fact), so the
 * checks here dwell on the metadata: every string meta.c built is valid
 * UTF-8 and present in the JSON (fuzz.c), the body and sentence spans are
 * exact, and the published date agrees with where it came from.
 */
#include <string.h>

#include <jansson.h>

#include "fuzz.h"

#define MASK (KIJI_FACT_BIT(KIJI_FACT_ORGANIZATION))

static void check_meta(kiji_doc *d, const char *text, size_t len, void *rootp)
{
    (void)d;
    json_t *root = rootp;
    const char *src = json_string_value(json_object_get(root, "published_source"));
    json_t *pub = json_object_get(root, "published");
    FZ_CHECK(src && (!strcmp(src, "envelope") || !strcmp(src, "dateline") ||
                     !strcmp(src, "copyright") || !strcmp(src, "none")),
             "published_source \"%s\"", src ? src : "(null)");
    FZ_CHECK(!strcmp(src, "none") == json_is_null(pub),
             "published_source %s with published %s", src, json_is_null(pub) ? "null" : "set");
    json_t *source = json_object_get(root, "source");
    const char *k;
    json_t *v;
    json_object_foreach(source, k, v)
        FZ_CHECK(json_is_string(v) && json_string_length(v) > 0, "source.%s is empty", k);
    json_t *rev = json_object_get(json_object_get(root, "title"), "revision");
    if (rev)
        FZ_CHECK(json_is_integer(rev) && json_integer_value(rev) > 0, "title.revision");
    size_t i;
    json_array_foreach(json_object_get(root, "credits"), i, v)
        FZ_CHECK(json_string_length(json_object_get(v, "role")) > 0 &&
                     json_string_length(json_object_get(v, "name")) > 0,
                 "credit %zu has an empty role or name", i);
    (void)text;
    (void)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run(data, size, MASK, check_meta);
}
