/*
 * date_efshort_test.c -- dd->efshort (rec_date.h), which worth_trying
 * (date_en.c) reads for a word of one to three letters in place of a
 * look-up in dd->efirst: for every such word of a-z, it holds the word
 * exactly when efirst does, with the same KJ_EF_* bits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "rec_date.h"

int main(void)
{
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    static const char text[] = "The board met on Monday and will vote a week later.";
    kiji_meta m = {.published = "2026-02-13", .lang = "en"};
    if (!d || kiji_parse(d, text, sizeof text - 1, &m, &e) != KIJI_OK || !d->p->date) {
        fprintf(stderr, "date_efshort_test: no parser\n");
        return 1;
    }
    const struct kj_datedata *dd = d->p->date;
    int found = 0;
    for (size_t n = 1; n <= 3; n++) {
        size_t count = n == 1 ? 26 : n == 2 ? 26 * 26 : 26 * 26 * 26;
        for (size_t k = 0; k < count; k++) {
            char w[3];
            size_t x = k;
            for (size_t j = n; j-- > 0;) {
                w[j] = (char)('a' + x % 26);
                x /= 26;
            }
            int32_t v = 0;
            bool in = kj_dict_get(dd->efirst, w, n, &v);
            uint8_t f = dd->efshort[kj_dt_ef_short_at(w, n)];
            CHECK_FEW(in == (f != 0), "efshort holds another set of words than efirst: %.*s",
                      (int)n, w);
            CHECK_FEW(!in || (int32_t)(f & ~KJ_EF_SHORT_IN) == v, "efshort holds other bits: %.*s",
                      (int)n, w);
            found += in;
        }
    }
    /* the words the scanner tries most: both tables must know them */
    CHECK(found > 10, "efirst holds almost no short word");
    CHECK(dd->efshort[kj_dt_ef_short_at("the", 3)] != 0, "no \"the\" in efshort");
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("date_efshort_test: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
