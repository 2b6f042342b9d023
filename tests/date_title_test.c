/*
 * date_title_test.c -- in_work_title (date_ja.c) finds the 「 a Japanese
 * date stands in from kj_structure's list of line breaks and brackets
 * (d->qmarks); checked against the byte scan it replaced
 * (dd->ja_bracket_scan): on random texts strung together from dates,
 * kinds of work (ドラマ, 映画), brackets, 。, line breaks and ordinary
 * words, the whole result JSON of both is the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "kj.h"
#include "rand_text.h"
#include "rec_date.h"

static const char *const piece[] = {
    /* dates and date words */
    "3月5日", "12日", "今日", "明日", "あした", "2024年", "来週", "10時", "日曜",
    /* kinds of work and what joins two titles */
    "ドラマ", "映画", "番組", "ブログ", "記事", "」や「", "」と「", "」、「",
    /* brackets and stops */
    "「", "「", "」", "」", "。", "\n", "、", "と", "が", "は", "を",
    /* ordinary words, some long enough to push a 「 out of the window */
    "恋", "放送", "東京", "新しい", "始まる", "ある", "ママがいない", "の", "で",
    "発表された作品について話した", "ABC", "7", " "};

/* The result JSON of text parsed with the bracket list (scan false) or
 * the byte scan (rand_text.h parse_json_with). */
static size_t parse_json(kiji_doc *d, struct kj_datedata *dd, bool scan, const char *text,
                         size_t tl, char *out, size_t cap, size_t *dates)
{
    return parse_json_with(d, &dd->ja_bracket_scan, scan, "ja", text, tl, out, cap, dates);
}

int main(void)
{
    rng = 24680u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    static char text[4096], with[1 << 17], without[1 << 17];
    if (!d || !d->p->date) {
        fprintf(stderr, "date_title_test: no parser\n");
        return 1;
    }
    struct kj_datedata *dd = d->p->date;
    /* the rule the two must agree on holds at all */
    static const char titled[] = "ドラマ「明日、恋をする」が始まる。映画「3月5日の約束」も話題だ。";
    size_t n0 = 0, n1 = 0;
    CHECK(parse_json(d, dd, false, titled, sizeof titled - 1, with, sizeof with, &n0) > 0 &&
              parse_json(d, dd, true, titled, sizeof titled - 1, without, sizeof without, &n1) > 0 &&
              n0 == 0 && n1 == 0,
          "dates inside titles: %zu with the list, %zu with the scan", n0, n1);
    size_t dates_with = 0, dates_without = 0;
    for (int round = 0; round < 3000; round++) {
        size_t tl = random_word(text, sizeof text, piece, sizeof piece / sizeof *piece, 4, 60);
        if (!tl)
            continue;
        size_t a = parse_json(d, dd, false, text, tl, with, sizeof with, &dates_with);
        size_t b = parse_json(d, dd, true, text, tl, without, sizeof without, &dates_without);
        CHECK_FEW(a > 0 && a == b && memcmp(with, without, a) == 0,
                  "the bracket list reads another result than the byte scan:\n%s", text);
    }
    CHECK(dates_with > 3000, "few dates in the random texts: %zu", dates_with);
    CHECK(dates_with == dates_without, "dates: %zu with the list, %zu with the scan", dates_with,
          dates_without);
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("date_title_test: %d passed, %d failed (%zu dates)\n", passed, failed, dates_with);
    return failed ? 1 : 0;
}
