/*
 * place_muni_test.c -- municipality's quick refusal (rec_place.c), which
 * turns a kanji away when none of 市 町 村 区 sits where the scan would
 * read it, against the scan alone (x->muni_slow): on random Japanese texts
 * of kanji, the suffixes, the small ヶ and ケ, kana, digits, Latin letters,
 * punctuation and a kanji past the BMP, both parse to the same JSON, and
 * some texts name a municipality (so the comparison reaches the suffixes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kiji.h"
#include "kj.h"
#include "rand_text.h"
#include "rec_entity.h"

/* pieces that open, continue and break a municipality's name */
static const char *const alpha[] = {
    "高",  "松",  "相模", "原",  "鳩", "谷", "茅", "崎", "千代田", "新宿", "港", "府中",
    "市",  "町",  "村",   "区",  "市", "区", "ヶ", "ケ", "県",     "都",   "は", "の",
    "で",  "に",  "、",   "。",  "2",  "15", "A",  "・", "ア",     "ー",   " ",  "\n",
    "𠮷", "長", "議",   "役所", "内", "民", "選", "挙",
};
#define NALPHA (sizeof alpha / sizeof alpha[0])

struct result {
    char json[1 << 16];
    size_t jl;
};

static bool parse(kiji_doc *d, struct kj_entity *x, bool slow, const char *text, size_t tl,
                  struct result *r)
{
    kiji_error e;
    kiji_meta m = {.published = "2026-02-13", .lang = "ja"};
    x->muni_slow = slow;
    int rc = kiji_parse(d, text, tl, &m, &e);
    x->muni_slow = false;
    const char *js;
    size_t jl;
    if (rc != KIJI_OK || kiji_doc_json(d, 0, &js, &jl) != KIJI_OK || jl + 1 > sizeof r->json)
        return false;
    memcpy(r->json, js, jl + 1);
    r->jl = jl;
    return true;
}

int main(void)
{
    kiji_options all = {.facts = 0xFFFFFFFFu};
    kiji_parser *p;
    kiji_doc *d;
    if (!check_open_with(&all, &p, &d))
        return 1;
    struct kj_entity *x = p->entity;
    static struct result fast, slow;
    long compared = 0, named = 0;
    for (int round = 0; round < 4000; round++) {
        char text[1024];
        /* a sentence opening makes the text Japanese whatever follows */
        static const char lead[] = "同日、";
        memcpy(text, lead, sizeof lead - 1);
        size_t tl = sizeof lead - 1;
        tl += random_word(text + tl, sizeof text - tl, alpha, NALPHA, 4, 40);
        if (!parse(d, x, false, text, tl, &fast) || !parse(d, x, true, text, tl, &slow))
            continue;
        compared++;
        /* a municipality is a place fact with the country JP */
        named += strstr(slow.json, "\"JP\"") != NULL;
        CHECK_FEW(fast.jl == slow.jl && memcmp(fast.json, slow.json, fast.jl) == 0,
              "round %d: the quick refusal changed the result of \"%s\"", round, text);
    }
    CHECK(compared > 3000, "only %ld texts parsed", compared);
    CHECK(named > 100, "only %ld texts named a municipality", named);
    kiji_doc_free(d);
    kiji_parser_free(p);
    printf("place_muni_test: %d passed, %d failed (%ld texts, %ld with a municipality)\n", passed,
           failed, compared, named);
    return failed ? 1 : 0;
}
