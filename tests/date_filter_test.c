/*
 * date_filter_test.c -- worth_trying (date_en.c), the filter in front of
 * try_at at each word start of the English date scanner (and in front of
 * the date after a bound word, bounded), checked against the scanner
 * with no filter (dd->en_try_every: try_at at every word start): on
 * random texts strung together from date words (months, weekdays, the
 * scanner's literals, units, articles, number words), numbers in the
 * shapes dates take (3, 15, 2024, 10:30, 5/12, 1st) and ordinary words,
 * with white space, line breaks and punctuation between them, the whole
 * result JSON of both is the same. The filter may only skip word starts
 * where try_at reads nothing. (Without the filter worth_trying still runs,
 * for what it leaves for try_at: the number word it marks at i.) The
 * article test after_article is part of the filter, and with it
 * dd->en_article. And kj_dt_en_cut, the cut of a date's clause at a
 * ". X" inside it, against a byte-at-a-time reference.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "kj.h"
#include "rand_text.h"
#include "rec_date.h"

/* the pieces of a text: words (most followed by a space below), numbers
 * and punctuation */
static const char *const words[] = {
    /* months, weekdays, seasons, parts of the day */
    "January", "Feb.", "March", "april", "May", "June", "Jul", "August", "Sept.", "Oct", "November",
    "dec", "Monday", "tuesday", "Wed.", "Thursday", "Friday", "Sat", "Sunday", "Mondays", "spring",
    "summer", "fall", "autumn", "winter", "morning", "afternoon", "evening", "night", "nights",
    "noon", "midnight", "tonight", "today", "yesterday", "tomorrow", "weekend", "week-end",
    /* units */
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "hour", "hours",
    "minutes", "quarter", "half", "fortnight", "century", "season",
    /* the scanner's literals and cue words */
    "the", "The", "a", "A", "an", "An", "of", "in", "on", "at", "to", "and", "from", "between",
    "through", "until", "since", "after", "before", "by", "around", "about", "circa", "this",
    "This", "current", "last", "Last", "past", "previous", "next", "Next", "coming", "upcoming",
    "early", "mid", "mid-", "late", "end", "rest", "remainder", "earlier", "later", "ago", "every",
    "each", "daily", "weekly", "all", "whole", "full", "another", "several", "few", "many",
    "couple", "first", "second", "third", "fifth", "twentieth", "one", "two", "three", "twelve",
    "twenty", "thirty-one", "hundred", "dozen", "minus", "negative", "fiscal", "calendar", "FY",
    "Q3", "H1", "p.m.", "a.m.", "pm", "o'clock", "business", "working", "will", "said", "year-end",
    "yearend",
    /* pieces of two words, so that the rarer pairs come often enough */
    "a dozen", "a hundred", "a third", "a half", "a quarter", "an hour", "a week", "a couple",
    "a few", "the first", "the end", "the next", "this week", "last year", "one of", "two days",
    "at least", "as many", "in the", "every day", "one more", "many more", "few more",
    "several additional", "one extra",
    /* ordinary words */
    "company", "market", "markets", "government", "officials", "share", "shares", "new", "vote",
    "board", "as", "much", "least", "more", "than", "said", "report", "Reuters", "Smith", "Tokyo",
    "bank", "an", "amid", "that", "then", "thus", "year's", "Monday's", "athlete", "anniversary",
    "feast", "midway", "endless", "nightly", "thirds",
    /* numbers */
    "3", "15", "31", "2024", "1999", "10:30", "9", "5/12", "2015-16", "2017-03-04", "1st", "22nd",
    "3rd", "4th", "1990s", "'90s", "60", "7.5", "1,200", "330", "12",
    /* punctuation */
    ",", ".", "-", "'s", "(", ")", "\""};
#define NWORDS (sizeof words / sizeof words[0])

/* what goes between two pieces: mostly a space */
static const char *const seps[] = {" ", " ", " ", " ", " ", " ", "", "\n", "  ", "-", ", "};
#define NSEPS (sizeof seps / sizeof seps[0])

/* A random text of n pieces with separators, NUL-terminated in out (cap
 * bytes); its length. */
static size_t random_text(char *out, size_t cap, int n)
{
    size_t len = 0;
    for (int k = 0; k < n; k++) {
        const char *w = words[next_rand() % NWORDS];
        const char *s = seps[next_rand() % NSEPS];
        if (!append_pair(out, cap, &len, w, strlen(w), s))
            break;
    }
    out[len] = 0;
    return len;
}

/* en_break and the clause cut of rec_date.c a byte at a time: the
 * reference kj_dt_en_cut (which asks only the bytes after a . ! ?) must
 * agree with */
static bool ref_break(const char *s, size_t len, size_t i)
{
    if (i + 1 >= len || (s[i] != ' ' && s[i] != '\n'))
        return false;
    if (!(s[i + 1] >= 'A' && s[i + 1] <= 'Z'))
        return false;
    size_t k = i;
    while (k > 0 && i - k < 3 && (s[k - 1] == '\'' || s[k - 1] == '"'))
        k--;
    if (k < 2)
        return false;
    char pc = s[k - 1], pp = s[k - 2];
    return (pc == '.' || pc == '!' || pc == '?') &&
           ((pp >= 'a' && pp <= 'z') || pp == '\'' || pp == '"');
}

static void ref_cut(const char *s, size_t len, size_t pos, size_t *a, size_t *b)
{
    for (size_t i = pos; i > *a; i--)
        if (ref_break(s, len, i - 1)) {
            *a = i;
            break;
        }
    for (size_t i = pos; i < *b; i++)
        if (ref_break(s, len, i)) {
            *b = i;
            break;
        }
}

/* random texts of the bytes en_break reads, cut around random positions
 * in random windows */
static void check_cut(void)
{
    static const char *const piece[] = {"a",  "x",    "Q",     "Z",     "1",     " ",  " ",
                                        "\n", ".",    "!",     "?",     "'",     "\"", "''",
                                        ",",  "s. T", ".\" A", "z.' B", "?\"' C", "!'\"' D"};
    kj_dctx c;
    memset(&c, 0, sizeof c);
    for (int round = 0; round < 20000; round++) {
        char text[120];
        size_t len = 0, want = next_rand() % 110;
        while (len < want) {
            const char *x = piece[next_rand() % (sizeof piece / sizeof *piece)];
            size_t xl = strlen(x);
            if (len + xl >= sizeof text)
                break;
            memcpy(text + len, x, xl);
            len += xl;
        }
        text[len] = '\0';
        c.s = text;
        c.len = len;
        for (int k = 0; k < 8; k++) {
            size_t pos = next_rand() % (len + 1);
            size_t a = next_rand() % (pos + 1), b = pos + next_rand() % (len - pos + 1);
            size_t ra = a, rb = b;
            kj_dt_en_cut(&c, pos, &a, &b);
            ref_cut(text, len, pos, &ra, &rb);
            CHECK_FEW(a == ra && b == rb,
                      "kj_dt_en_cut at %zu: [%zu, %zu), not [%zu, %zu) in \"%s\"", pos, a, b, ra,
                      rb, text);
        }
    }
}

/* The result JSON of text parsed with the filter (every false) or
 * without it (rand_text.h parse_json_with). */
static size_t parse_json(kiji_doc *d, struct kj_datedata *dd, bool every, const char *text,
                         size_t tl, char *out, size_t cap, size_t *dates)
{
    return parse_json_with(d, &dd->en_try_every, every, "en", text, tl, out, cap, dates);
}

int main(void)
{
    rng = 13579u;
    kiji_error e;
    kiji_parser *p = kiji_parser_new(NULL, &e);
    kiji_doc *d = p ? kiji_doc_new(p) : NULL;
    static char text[4096], with[1 << 17], without[1 << 17];
    if (!d || !d->p->date) {
        fprintf(stderr, "date_filter_test: no parser\n");
        return 1;
    }
    struct kj_datedata *dd = d->p->date;
    check_cut();
    size_t dates_with = 0, dates_without = 0;
    for (int round = 0; round < 3000; round++) {
        size_t tl = random_text(text, sizeof text, 8 + (int)(next_rand() % 60));
        if (!tl)
            continue;
        size_t a = parse_json(d, dd, false, text, tl, with, sizeof with, &dates_with);
        size_t b = parse_json(d, dd, true, text, tl, without, sizeof without, &dates_without);
        CHECK_FEW(a > 0 && a == b && memcmp(with, without, a) == 0,
                  "the filtered scanner reads another result than the unfiltered one:\n%s", text);
    }
    /* the texts must hold dates for the comparison to mean anything */
    CHECK(dates_with > 3000, "few dates in the random texts: %zu", dates_with);
    CHECK(dates_with == dates_without, "dates: %zu filtered, %zu unfiltered", dates_with,
          dates_without);
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("date_filter_test: %d passed, %d failed (%zu dates)\n", passed, failed, dates_with);
    return failed ? 1 : 0;
}
