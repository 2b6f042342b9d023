/*
 * rec_quote_ja.c -- Japanese quotes 「…」 and statements from unnamed sources.
 *
 * A bracket pair is a quote only on the evidence a reader uses: a quotative
 * と and a reporting verb after 」 (「…」と述べた), a speech nominal (との声),
 * a speaker right after (「…」と、X氏は指摘 / 「…」とX氏。), a quote that is a
 * sentence of its own, or a long partial quote inside reported speech
 * (…とは「…」についても協議されていると明らかにした). Terms and scare quotes
 * (いわゆる「核の傘」, 米国の「傘」を, 「ターンキー」能力) have none of it.
 * Invariant: each scan covers at most KJ_Q_WINDOW bytes from its start.
 */
#include <string.h>

#include "rec_entity.h"
#include "rec_quote.h"

#define OPEN 0x300C  /* 「 */
#define CLOSE 0x300D /* 」 */

typedef struct jcand {
    size_t o, c;     /* positions of 「 and 」 */
    size_t after;    /* first byte after 」 */
    int next;        /* the candidate this one is chained to, or -1 */
    bool quote;      /* accepted */
    bool partial;    /* embedded in reported speech */
    bool nominal;    /* との声, という書き込み: words of unnamed commenters */
    bool passive;    /* と批判を受けた: the clause's subject is not the speaker */
    bool standalone; /* the quote is a sentence of its own */
    bool asked;      /* という問いに, との質問に: an unnamed asker's question */
    size_t vs, ve;   /* reporting verb, empty if none */
    size_t rs, re;   /* where a speaker may stand after the quote */
    int pspeaker;    /* fact named in a parenthesis after the quote, or -1 */
    const char *pnote; /* why no one named speaks, from a parenthesis after
                          the quote crediting someone unnamed, or NULL */
} jcand;

/* kj_at for a string literal (its length folds to a constant, the compare
 * to a few loads); byte by byte for the words of a list, which are no
 * constants the compiler could compare whole: most probes fail at the
 * first or second byte, so the loop ends sooner than a length and a
 * compare call would. Always inline: a copy out of line (gcc made one for
 * decide) sees no constant and compares every literal byte by byte. */
static inline __attribute__((always_inline)) bool at(const kiji_doc *d, size_t i, const char *lit)
{
    if (__builtin_constant_p(__builtin_strlen(lit)) && __builtin_strlen(lit) > 0)
        return kj_at(d->norm, d->norm_len, i, lit);
    for (size_t k = 0; lit[k]; k++)
        if (i + k >= d->norm_len || d->norm[i + k] != lit[k])
            return false;
    return true;
}

/* Does lit start somewhere in [lo, hi) (it may run on past hi)? memchr
 * finds each place its first byte stands. */
static bool lit_in(kiji_doc *d, size_t lo, size_t hi, const char *lit)
{
    if (hi > d->norm_len)
        hi = d->norm_len;
    while (lo < hi) {
        const char *f = memchr(d->norm + lo, lit[0], hi - lo);
        if (!f)
            return false;
        size_t p = (size_t)(f - d->norm);
        d->work += p - lo + 1;
        if (at(d, p, lit))
            return true;
        lo = p + 1;
    }
    return false;
}

/* kj_cp_prev(d, i, ps) for 0 < i <= norm_len (the caller bounds i), its
 * valid case read here: the entry before i, or the first byte's that a
 * continuation byte points back to, starts a character that ends at i;
 * any other goes to kj_cp_prev itself. Inline, for the scans back from a
 * quote. */
static inline uint32_t cp_before(const kiji_doc *d, size_t i, size_t *ps)
{
    size_t a = i - 1;
    uint32_t v = d->cpx[a];
    if (v >= KJ_CPX_SLOW) {
        a -= (v >> KJ_CPX_BACK_SHIFT) & 3;
        v = d->cpx[a];
    }
    if (v >= KJ_CPX_SLOW || a + (v >> KJ_CPX_LEN_SHIFT) != i)
        return kj_cp_prev(d, i, ps);
    *ps = a;
    return v & KJ_CPX_CP;
}

static bool is_noun_char(uint32_t c)
{
    return kj_is_kanji(c) || kj_is_katakana(c) || c == 0x30FC /* ー */ || c == 0x30FB /* ・ */ ||
           kj_is_latin(c) || kj_is_digit(c);
}

/* A full stop, or the end of the line: where a clause stops. */
static bool is_stop(uint32_t c)
{
    return c == 0x3002 /* 。 */ || c == '\n' || c == 0 || c == '!' || c == '?';
}

/* is_stop for the character c at byte i, save the 。 that a name written
 * with it ends (と元モーニング娘。の…は語った goes on to its verb). */
static bool stop_at(const kiji_doc *d, size_t i, uint32_t c)
{
    return is_stop(c) && !(c == 0x3002 && kj_text_name_period(d, i));
}

/* After a person/organization mention ending at me: skip a title or honorific
 * (首相, 上級研究員, 氏, さん) and an age in parentheses; the position reached. */
static size_t skip_name_suffix(kiji_doc *d, size_t me, size_t end)
{
    size_t i = me;
    /* a reading in parentheses may come first: 鄭夢準(チョン・モンジュン)議員 */
    if (i < end && d->norm[i] == '(') {
        for (size_t j = i + 1; j < end && j < i + 60; j++) {
            d->work++;
            if (d->norm[j] == ')') {
                i = j + 1;
                break;
            }
        }
    }
    size_t r = i;
    uint32_t lastc = 0;
    /* 黒岩祐治・神奈川県知事は, マンモハン・シン・インド首相は: a dot between
     * the name and its title (a kanji or katakana one that ends as a title
     * does: 浦田・西堀ペアが is two people) */
    bool dotted = false;
    if (at(d, r, "・")) {
        size_t n;
        uint32_t dc = kj_q_cp(d, r + 3, &n);
        dotted = kj_is_kanji(dc) || kj_is_katakana(dc);
        if (dotted)
            r += 3;
    }
    for (int k = 0; k < 12 && r < end; k++) {
        size_t n;
        uint32_t c = kj_q_cp(d, r, &n);
        if (!kj_is_kanji(c) && !kj_is_katakana(c) && c != 0x30FC)
            break;
        r = n;
        lastc = c;
        d->work++;
    }
    /* a title ends like one (首相, 事務総長, 上級研究員, 氏, 外務大臣, 国王,
     * 市議, 総統, 俳優, 総理, 大使, 党首, 頭取, 顧問, 常務, 取締役, 横綱);
     * 李大統領晩餐会 is an event, not 李 with a title */
    static const char title_end[] = "氏相長員官領事手士者督師授家表任席裁官補佐官将"
                                    "臣王議統優理使首取頭問務役綱関帝";
    if (r > i) {
        char buf[8];
        size_t bl = 0;
        size_t ps;
        kj_cp_prev(d, r, &ps);
        bl = r - ps < sizeof buf - 1 ? r - ps : 0;
        memcpy(buf, d->norm + ps, bl);
        buf[bl] = 0;
        (void)lastc;
        if (bl && strstr(title_end, buf))
            i = r;
        else if (!dotted && (kj_is_katakana(lastc) || lastc == 0x30FC))
            i = r; /* a katakana title: マネジャー, アナリスト */
    }
    /* honorifics; 夫人 too (デヴィ夫人は): no title, though kanji */
    static const char *const hon[] = {"さん", "ちゃん", "くん", "さま", "夫人", NULL};
    /* each opens with さ, ち, く or 夫: the list only after one */
    bool may_hon = at(d, i, "さ") || at(d, i, "ち") || at(d, i, "く") || at(d, i, "夫");
    for (int k = 0; may_hon && hon[k]; k++) {
        if (at(d, i, hon[k])) {
            i += strlen(hon[k]);
            break;
        }
    }
    if (i < end && d->norm[i] == '(') {
        for (size_t j = i + 1; j < end && j < i + 40; j++) {
            d->work++;
            if (d->norm[j] == ')') {
                i = j + 1;
                break;
            }
        }
    }
    return i;
}

/* Does [from, to) end with an unnamed source noun (財務省|当局者)? Then the
 * mention before it names the source's body, not the speaker. */
static bool ends_with_source(kiji_doc *d, const kj_qctx *x, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        int32_t v;
        size_t n, l = kj_dict_longest(x->qd->ja_sources, d->norm, d->norm_len, i, &v);
        d->work++;
        if (l && i + l == to)
            return true;
        kj_q_cp(d, i, &n);
        i = n > i ? n : i + 1;
    }
    return false;
}

/* A person's name that closes a parenthesis glossing a title before it:
 * 桜川理事長(元大関・桜川)は -- the parenthesis opens right after a kanji
 * title and holds only the former rank or title (kanji, ・) before the name,
 * so the name is the one the title belongs to. The byte after the ), or 0. */
static size_t gloss_close(kiji_doc *d, const kj_qctx *x, int k, size_t i)
{
    if (d->facts[x->m[k].fact].type != KIJI_FACT_PERSON || !at(d, i, ")"))
        return 0;
    size_t ns = x->m[k].ns, p = ns;
    for (int n = 0; n < 8 && p > 0; n++) {
        size_t ps;
        uint32_t c = kj_cp_prev(d, p, &ps);
        d->work++;
        if (c == '(') {
            size_t bs;
            if (p == ns || ps == 0 || !kj_is_kanji(kj_cp_prev(d, ps, &bs)))
                return 0;
            /* the title before it is no one's named here: that name would
             * be the topic itself (山田社長(元横綱・X)は is 山田's) */
            if (k > 0 && d->facts[x->m[k - 1].fact].type == KIJI_FACT_PERSON &&
                x->m[k - 1].ne <= ps && x->m[k - 1].ne + 16 > ps)
                return 0;
            return i + 1;
        }
        if (!kj_is_kanji(c) && c != 0x30FB /* ・ */)
            return 0;
        p = ps;
    }
    return 0;
}

/* Where the particle after mention k stands: past a title or honorific and
 * past the 」 of a name given in brackets (新聞「デイリー・メール」が). */
static size_t marker_at(kiji_doc *d, const kj_qctx *x, int k, size_t end)
{
    size_t i = skip_name_suffix(d, x->m[k].ne, end);
    size_t g = gloss_close(d, x, k, i);
    if (g)
        i = g;
    if (at(d, i, "」") && kj_before(d->norm, x->m[k].ns, "「"))
        i += 3;
    /* ロイター通信は, ワシントン・ポスト紙が: an outlet's name and the word
     * for what it is */
    if (d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION) {
        int32_t v = 0;
        size_t l = kj_dict_longest(x->qd->ja_outlet_kinds, d->norm, d->norm_len, i, &v);
        /* 東西電機の広報担当者は: the body's press desk joined by の */
        if (!l && at(d, i, "の")) {
            l = kj_dict_longest(x->qd->ja_outlet_kinds, d->norm, d->norm_len, i + 3, &v);
            l = l && v == 2 ? l + strlen("の") : 0;
        }
        i += l;
    } else if (at(d, i, "側")) {
        i += strlen("側"); /* 佐藤さん側は: the person's side speaks for them */
    }
    return i;
}

/* A writing of ja/writing_nouns of the body or person before it: Xの記事
 * では, Xのブログで, Xの報道によると -- X wrote the words that follow. */
static bool writing_of(kiji_doc *d, size_t i)
{
    if (!at(d, i, "の"))
        return false;
    i += 3;
    int32_t v;
    d->work++;
    size_t l = kj_dict_longest(d->p->quote->ja_writings, d->norm, d->norm_len, i, &v);
    if (l == 0)
        return false;
    size_t e = i + l;
    if (at(d, e, "内"))
        e += 3;
    return at(d, e, "では") || at(d, e, "で") || at(d, e, "は") || at(d, e, "によると") ||
           at(d, e, "によれば") || at(d, e, "に");
}

/* Is [from, to) the press desk of ja/outlet_kinds value 2 (広報担当者,
 * の広報部) after a body's name? Then the body speaks, though the desk's
 * word ends like an unnamed source (担当者). */
static bool desk_of(kiji_doc *d, const kj_qctx *x, size_t from, size_t to)
{
    int32_t v = 0;
    if (at(d, from, "の"))
        from += strlen("の");
    size_t l = kj_dict_longest(x->qd->ja_outlet_kinds, d->norm, d->norm_len, from, &v);
    return l && v == 2 && from + l == to;
}

/* Is mention k the topic or subject of its clause (X氏は, X首相が)? */
static bool topic_marked(kiji_doc *d, const kj_qctx *x, int k, size_t end)
{
    /* a body that says something: 虚構新聞では「…」 (but not Twitter上では) */
    if (d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION && at(d, x->m[k].ne, "では"))
        return true;
    /* ウルフ国連大使は: the body inside the title after a person's name is
     * part of that title; the person is the subject (cases/ja/quote) */
    if (k > 0 && d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION &&
        d->facts[x->m[k - 1].fact].type == KIJI_FACT_PERSON && x->m[k - 1].ne <= x->m[k].ns &&
        skip_name_suffix(d, x->m[k - 1].ne, end) > x->m[k].ns)
        return false;
    size_t i = marker_at(d, x, k, end);
    if (ends_with_source(d, x, x->m[k].ne, i) && !desk_of(d, x, x->m[k].ne, i))
        return false;
    /* 記事では、香川はもちろん、本田も…: X はもちろん / はおろか names one
     * of a list (not to mention X), no topic */
    if (at(d, i, "はもちろん") || at(d, i, "はおろか"))
        return false;
    /* X氏による、「…」というコメント: by X, right before the words */
    if (at(d, i, "による") && (at(d, i + strlen("による"), "「") || at(d, i + strlen("による"), "、「")))
        return true;
    return at(d, i, "は") || at(d, i, "が") || at(d, i, "も") || at(d, i, "によると") ||
           at(d, i, "によれば") || at(d, i, "によりますと") || writing_of(d, i);
}

/* The end of a source cue at i, or 0: によると, によれば, によりますと,
 * or a report clause after its subject, が報じたところによると / の伝えた
 * ところでは (the paper only reports what follows). */
static size_t source_cue_end(kiji_doc *d, size_t i)
{
    static const char *const mark[] = {"によりますと", "によると", "によれば", NULL};
    static const char *const verb[] = {"報じた", "伝えた", "報道した", "配信した", NULL};
    /* every mark opens with によ: the list only where it stands */
    for (int j = 0; at(d, i, "によ") && mark[j]; j++)
        if (at(d, i, mark[j]))
            return i + strlen(mark[j]);
    if (!at(d, i, "が") && !at(d, i, "の"))
        return 0;
    size_t p = i + strlen("が");
    for (int j = 0; verb[j]; j++) {
        if (!at(d, p, verb[j]))
            continue;
        p += strlen(verb[j]);
        if (!at(d, p, "ところ"))
            return 0;
        p += strlen("ところ");
        for (int m = 0; mark[m]; m++)
            if (at(d, p, mark[m]))
                return p + strlen(mark[m]);
        return at(d, p, "では") ? p + strlen("では") : 0;
    }
    return 0;
}

/* The end of a source cue that ends the anaphor apos..aend (記事によると,
 * 同紙によれば) or follows it (同紙が報じたところでは), or 0. */
static size_t cue_after(kiji_doc *d, size_t apos, size_t aend)
{
    static const char *const mark[] = {"によりますと", "によると", "によれば", NULL};
    for (int j = 0; mark[j]; j++) {
        size_t n = strlen(mark[j]);
        if (aend >= apos + n && memcmp(d->norm + aend - n, mark[j], n) == 0)
            return aend;
    }
    return source_cue_end(d, aend);
}

/* A noun marked by は or が stands in [from, hi), after a source cue that
 * ends at from, before any quote (毎日新聞によると、少年は調べに「…」と
 * 供述した; 東亜日報が伝えたところによると、この利用者は「…」と質問し、
 * 「…」と答えた): the source reports, the one named there speaks, though
 * it is no person fact (an unnamed 少年, or a name not recognized), an age
 * or note in () after it or not (cases/ja/quote, cases/ja/quote_source,
 * cases/ja/quote_outlet_reports). */
static bool subject_after_cue(kiji_doc *d, size_t from, size_t hi)
{
    if (!from || hi > d->norm_len || hi > from + KJ_Q_WINDOW)
        return false;
    size_t open = 0; /* the last ( after from */
    for (size_t p = from; p + 3 <= hi;) {
        size_t n, ps;
        uint32_t c = kj_q_cp(d, p, &n);
        d->work++;
        if (c == 0x300C /* 「 */ || is_stop(c))
            return false;
        if (c == '(')
            open = p;
        if ((c == 0x306F /* は */ || c == 0x304C /* が */) && p > from) {
            uint32_t pc = kj_cp_prev(d, p, &ps);
            /* 容疑者(35)は, 住職(71歳)は: the noun before an age or a note */
            if (pc == ')' && open > from)
                pc = kj_cp_prev(d, open, &ps);
            /* 寒川さんは, 花子ちゃんが: a name not recognized, with its
             * honorific */
            if (is_noun_char(pc) || (p >= from + 6 && (at(d, p - 6, "さん") || at(d, p - 6, "さま") ||
                                                       at(d, p - 6, "くん"))))
                return true;
        }
        p = n > p ? n : p + 1;
    }
    return false;
}

static size_t own_clause(kiji_doc *d, size_t lo, size_t o);

/* A subject of its own right before o: a run of three or more noun
 * letters marked by は, が or も, maybe with a comma after, ending the clause
 * before the quote (韓国の郵政事業本部は「…」, …について北の湖理事長は「…」).
 * Shorter runs are often a time or the one carried (最後は, 今回は, 本人は). */
static bool own_subject_before(kiji_doc *d, size_t lo, size_t o, size_t *rs)
{
    size_t i = o, ps;
    if (i >= lo + 3 && at(d, i - 3, "、"))
        i -= 3;
    if (i < lo + 3 || !(at(d, i - 3, "は") || at(d, i - 3, "が") || at(d, i - 3, "も")))
        return false;
    i -= 3;
    int n = 0;
    while (i > lo && is_noun_char(kj_cp_prev(d, i, &ps)) && n < 24) {
        d->work++;
        i = ps;
        n++;
    }
    if (rs)
        *rs = i;
    return n >= 3;
}

/* The subject run [rs, re) of own_subject_before names someone by a
 * name and a title, though no person fact covers it (巨人の桃井恒和球団
 * 社長は, 春田会長は, 佐野譲顕制作局長は): it ends in a line of ja/titles
 * (or 氏) and the name before the title starts with a surname of
 * ja/surnames, or is two to four kanji alone that end no body's name
 * (部, 局, 党: 総務部長 is a role). A title with nothing before it (防衛
 * 大臣, 代表取締役社長) is a role that stands for the one named before. */
static bool titled_name(kiji_doc *d, size_t rs, size_t re)
{
    const struct kj_entity *ex = d->p->entity;
    char r[TITLE_MAX];
    size_t m = kj_dict_maxlen(ex->title_rev_ja);
    if (m > re - rs)
        m = re - rs;
    for (size_t j = 0; j < m; j++)
        r[j] = d->norm[re - 1 - j];
    size_t t = kj_dict_longest(ex->title_rev_ja, r, m, 0, NULL);
    if (!t && re >= rs + 3 && at(d, re - 3, "氏"))
        t = strlen("氏");
    if (!t || re - t < rs + 6)
        return false;
    size_t pe = re - t, ps;
    /* a title before the title (代表取締役社長) is no name */
    size_t pm = m < pe - rs ? m : pe - rs;
    for (size_t j = 0; j < pm; j++)
        r[j] = d->norm[pe - 1 - j];
    if (kj_dict_longest(ex->title_rev_ja, r, pm, 0, NULL))
        return false;
    int32_t v;
    if (kj_dict_longest(ex->surname_ja, d->norm, pe, rs, &v))
        return true;
    int chars = 0;
    for (size_t i = rs; i < pe && chars <= 4; chars++) {
        size_t n;
        if (!kj_is_kanji(kj_q_cp(d, i, &n)))
            return false;
        i = n;
    }
    kj_cp_prev(d, pe, &ps);
    static const char body_end[] = "部局課室党省庁会社団所院県市町村府国連協組";
    char b[8] = {0};
    if (pe - ps < sizeof b)
        memcpy(b, d->norm + ps, pe - ps);
    return chars >= 2 && chars <= 4 && !strstr(body_end, b) &&
           !at(d, rs, "同") && !at(d, rs, "元") && !at(d, rs, "前") && !at(d, rs, "副");
}

/* The subject of its own that own_subject_before found at rs, right
 * before the quote at o, is a titled_name that no mention covers. */
static bool titled_subject(kiji_doc *d, const kj_qctx *x, size_t rs, size_t o)
{
    size_t re = o;
    if (re >= rs + 3 && at(d, re - 3, "、"))
        re -= 3;
    re -= 3; /* は, が or も */
    int k = kj_q_mention_in(x, rs, re);
    if (k >= 0 && (size_t)k < x->nm && x->m[k].ns < re)
        return false;
    return titled_name(d, rs, re);
}

/* Xは「A」としており、またYも「B」と: after the topic k spoke a quote
 * of this sentence (cs[i] is a later one, whose run opens at o), a subject
 * of its own that no mention covers stands right before o. It is someone
 * new when it is a titled_name, when も marks it (Y as well as X), or
 * when k is an organization (a body's words go on only through its own
 * desk, which the の after k shows: Xの広報部は). */
static bool new_after_quote(kiji_doc *d, const kj_qctx *x, const jcand *cs, size_t i, int k,
                            size_t cst, size_t o)
{
    size_t rs;
    if (!own_subject_before(d, own_clause(d, cst, o), o, &rs) || rs <= x->m[k].ne)
        return false;
    bool spoke = false;
    for (size_t j = i; j > 0 && !spoke; j--) {
        const jcand *p = &cs[j - 1];
        d->work++;
        if (p->c < x->m[k].ne)
            break;
        spoke = p->quote && p->after <= rs;
    }
    if (!spoke)
        return false;
    size_t re = o;
    if (re >= rs + 3 && at(d, re - 3, "、"))
        re -= 3;
    re -= 3;
    int mk = kj_q_mention_in(x, rs, re);
    if (mk >= 0 && (size_t)mk < x->nm && x->m[mk].ns < re)
        return false;
    if (d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION)
        return !(rs >= 3 && at(d, rs - 3, "の"));
    return at(d, re, "も") || titled_name(d, rs, re);
}

/* Mention k cites a source (Xによると, Xが報じたところによると) and a
 * noun marked by は or が stands between that cue and the quote at hi, or
 * ends the quote's own clause (産経新聞によると、…では「…」としていたが、
 * …について北の湖理事長は「…」). */
static bool topic_after_source(kiji_doc *d, const kj_qctx *x, int k, size_t hi)
{
    size_t from = source_cue_end(d, marker_at(d, x, k, hi));
    return subject_after_cue(d, from, hi) ||
           (from && hi <= from + KJ_Q_WINDOW && own_subject_before(d, own_clause(d, from, hi), hi, NULL));
}

/* Is mention k marked by は (the topic that carries over to the next
 * sentence), not by が (often the subject of a clause inside)? */
static bool wa_marked(kiji_doc *d, const kj_qctx *x, int k, size_t end)
{
    size_t i = marker_at(d, x, k, end);
    return at(d, i, "は") || at(d, i, "も");
}

/* A conditional と at p, after a verb's plain form, that ends right
 * before the quote at hi, a comma between or not (触れると、「, 尋ねると「,
 * 果たすと、「): the clause it closes is a condition of the quote's
 * sentence. Not によると (a source), nor a passive (訊かれると, 選ばれると:
 * the one asked answers; 触れると is no passive). */
static bool conditional_to(kiji_doc *d, size_t p, size_t hi)
{
    static const char *const ends[] = {"ると", "うと", "くと", "すと", "つと", "むと",
                                       "ぶと", "ぐと", "ぬと", NULL};
    size_t ps;
    /* every end is a kana and と: without と after one character, none
     * (the test the loop below would make of each end, at once) */
    if (!at(d, p + 3, "と"))
        return false;
    if (p >= 6 && at(d, p - 6, "によ"))
        return false;
    /* かれ, ばれ, られ, され: a passive; 触れ, 入れ are verbs of their own */
    if (p >= 6 && at(d, p - 3, "れ") && kj_is_hiragana(kj_cp_prev(d, p - 3, &ps)))
        return false;
    for (int k = 0; ends[k]; k++) {
        if (!at(d, p, ends[k]))
            continue;
        size_t q = p + strlen(ends[k]);
        return q == hi || (at(d, q, "、") && q + strlen("、") == hi);
    }
    return false;
}

/* Xが行ったモノマネについては「…」: a が-subject with no comma after it,
 * followed by a について(は) phrase or a reason clause of ことから before
 * hi, is inside the phrase the sentence is about (Xが同じ県の出身である
 * ことから「…」: the topic before speaks) or a condition closed by と
 * (Xが…に触れると、「…」: the one the sentence is about answers);
 * X氏が、…について「…」 keeps X. */
static bool inside_topic(kiji_doc *d, const kj_qctx *x, int k, size_t hi, size_t end)
{
    size_t i = marker_at(d, x, k, end);
    if (!at(d, i, "が") || at(d, i + 3, "、"))
        return false;
    for (size_t p = i + 3; p < hi && p < i + 3 + 120; p++) {
        d->work++;
        if (at(d, p, "については") || at(d, p, "に関しては") || at(d, p, "に対しては"))
            return true;
        /* Xが…出身であることから「…」: X is the subject of the reason */
        if (at(d, p, "ことから"))
            return true;
        if (conditional_to(d, p, hi))
            return true;
    }
    return false;
}

/* The end of the run of kanji, katakana and ー from p (at most max
 * characters, before end): a noun, as in 名誉会長 or 斎藤. *chars gets the
 * run's length in characters. */
static size_t noun_run_end(kiji_doc *d, size_t p, size_t end, int max, int *chars)
{
    size_t n;
    *chars = 0;
    while (p < end && *chars < max) {
        uint32_t c = kj_q_cp(d, p, &n);
        d->work++;
        if (!kj_is_kanji(c) && !kj_is_katakana(c) && c != 0x30FC /* ー */)
            break;
        (*chars)++;
        p = n;
    }
    return p;
}

/* After the が that marks candidate k's subject: the end of the run of
 * kanji, katakana and ー right after it (at most max characters, before
 * end), the noun of the verb that follows; 0 when no が or no run. */
static size_t ga_noun_end(kiji_doc *d, const kj_qctx *x, int k, size_t end, int max)
{
    size_t i = marker_at(d, x, k, end);
    if (!at(d, i, "が"))
        return 0;
    int chars;
    size_t p = noun_run_end(d, i + 3, end, max, &chars);
    return chars ? p : 0;
}

/* Xが経営する「…」, Xが運営する店: a が-subject whose verb (a noun + する
 * or した) runs straight into a noun or a 「 is the subject of a clause
 * that modifies that noun, not of the sentence. */
static bool ga_modifies(kiji_doc *d, const kj_qctx *x, int k, size_t end)
{
    static const char *const tails[] = {"している", "していた", "する", "した", NULL};
    size_t p = ga_noun_end(d, x, k, end, 6), n;
    if (!p)
        return false;
    for (int t = 0; tails[t]; t++) {
        if (!at(d, p, tails[t]))
            continue;
        uint32_t c = kj_q_cp(d, p + strlen(tails[t]), &n);
        return c == 0x300C /* 「 */ || kj_is_kanji(c) || kj_is_katakana(c);
    }
    return false;
}

/* 「…」と、Xが怒りの標的とする芸能人を推測する人: a が-subject after the
 * quote whose clause closes in a verb (する, した) that runs straight into
 * a noun, before the reporting verb at ve, modifies that noun; the one
 * who reports is someone else (Xが反論する一幕, whose verb is the
 * reporting one, stays X's; cases/ja/quote_relative). */
static bool ga_clause_modifies(kiji_doc *d, const kj_qctx *x, int k, size_t ve)
{
    static const char *const tails[] = {"する", "した", NULL};
    size_t i = marker_at(d, x, k, ve), n;
    if (!at(d, i, "が"))
        return false;
    for (size_t p = i + strlen("が"); p < ve; p = n) {
        uint32_t c = kj_q_cp(d, p, &n);
        d->work++;
        if (c == 0x3001 || c == 0x3002 || c == 0x300C || n <= p)
            return false;
        for (int t = 0; tails[t]; t++) {
            if (!at(d, p, tails[t]))
                continue;
            size_t q = p + strlen(tails[t]);
            if (q >= ve)
                return false;
            uint32_t f = kj_q_cp(d, q, &n);
            if (kj_is_kanji(f) || kj_is_katakana(f))
                return true;
        }
    }
    return false;
}

/* Xが起用されていることから: a が-subject of a passive verb (a noun +
 * され) in a reason clause (ことから) is the one acted on, not who
 * speaks after it (Xが起用されたことについて「…」と話した stays X's;
 * cases/ja/quote). */
static bool ga_passive_koto(kiji_doc *d, const kj_qctx *x, int k, size_t end)
{
    static const char *const tails[] = {"されていることから", "されたことから", "されることから",
                                        NULL};
    size_t p = ga_noun_end(d, x, k, end, 8);
    if (!p)
        return false;
    for (int t = 0; tails[t]; t++)
        if (at(d, p, tails[t]))
            return true;
    return false;
}

/* Mention k cites a source (Xによると, Xによれば, Xによりますと) right
 * after the は of topic t, a comma between or not (谷口財務相は読売新聞
 * によると、「…」と述べた): the source only tells where the words were
 * reported; the topic stays the speaker (cases/ja/quote_source). */
static bool source_right_after(kiji_doc *d, const kj_qctx *x, int t, int k, size_t end)
{
    size_t w = marker_at(d, x, t, end) + strlen("は");
    if (x->m[k].ns != w && !(at(d, w, "、") && x->m[k].ns == w + strlen("、")))
        return false;
    size_t i = marker_at(d, x, k, end);
    return at(d, i, "によると") || at(d, i, "によれば") || at(d, i, "によりますと");
}

/* Organization mention k only cites where the words were reported (読売
 * 新聞によると、「…」と主張している): when the quote's own verb (vs..ve) is
 * not the body's reporting (報じ, 伝え, 掲載), its left-out subject, someone
 * named before, speaks, not the source (cases/ja/quote_source). */
static bool cue_only(kiji_doc *d, const kj_qctx *x, int k, size_t vs, size_t ve, size_t end)
{
    static const char *const own[] = {"報じ", "報道", "伝え", "掲載", "配信", "紹介",
                                      "記し", "書い", "書き", "発表", "公表", NULL};
    if (d->facts[x->m[k].fact].type != KIJI_FACT_ORGANIZATION || ve <= vs)
        return false;
    size_t i = marker_at(d, x, k, end);
    if (!(at(d, i, "によると") || at(d, i, "によれば") || at(d, i, "によりますと")))
        return false;
    for (int j = 0; own[j]; j++)
        if (at(d, vs, own[j]))
            return false;
    return true;
}

/* The subject from..o of own_subject_before is marked by が or も (a comma
 * after it or not), not by は: a topic (後半の試合序盤は) may be no one,
 * while も adds someone new to those who spoke (指揮官のXも「…」). */
static bool role_ga(kiji_doc *d, size_t from, size_t o)
{
    size_t i = o;
    if (i >= from + 3 && at(d, i - 3, "、"))
        i -= 3;
    return i >= from + 3 && (at(d, i - 3, "が") || at(d, i - 3, "も"));
}

/* Does only white space stand between は or も and the quote at o (the
 * line before ends on a topic: Xは⏎「…」)? A test of a few bytes that
 * spares the topic search for the quotes it cannot concern. */
static bool topic_ends_line(const kiji_doc *d, size_t lo, size_t o)
{
    size_t e = o;
    while (e > lo) {
        unsigned char b = (unsigned char)d->norm[e - 1];
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r')
            e--;
        else if (e >= lo + 3 && kj_at(d->norm, d->norm_len, e - 3, "\u3000"))
            e -= 3;
        else
            break;
    }
    return e >= lo + 3 && (kj_at(d->norm, d->norm_len, e - 3, "は") || kj_at(d->norm, d->norm_len, e - 3, "も"));
}

/* Mention k is the second of two subjects joined by と or や (X氏とY氏は,
 * A社とB社は), both persons or both organizations: the two speak together,
 * and a joint statement has no single speaker (GUIDELINES). */
static bool joint_topic(kiji_doc *d, const kj_qctx *x, int k)
{
    size_t ns = x->m[k].ns;
    if (k == 0 || ns < 3 || !(at(d, ns - 3, "と") || at(d, ns - 3, "や")))
        return false;
    for (int j = k - 1; j >= 0 && j >= k - 4; j--) {
        d->work++;
        if (x->m[j].ns >= ns)
            continue;
        if (d->facts[x->m[j].fact].type != d->facts[x->m[k].fact].type ||
            x->m[j].fact == x->m[k].fact)
            return false;
        /* the first one's title or honorific may stand before と */
        return skip_name_suffix(d, x->m[j].ne, ns) == ns - 3;
    }
    return false;
}

/* The last topic-marked mention in [lo, hi) outside any accepted quote.
 * strict (a sentence before the quote's own): no platform (では), and a
 * は-topic wins over a later が-subject, which is often inside a clause
 * (キム氏は…鈴木氏が杭を設置したことを主張。「…」 -> キム). */
static int last_topic(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi, bool strict)
{
    if (hi > lo + KJ_Q_WINDOW)
        lo = hi - KJ_Q_WINDOW;
    int best = -1, best_wa = -1;
    size_t end = hi + 64 < d->norm_len ? hi + 64 : d->norm_len;
    for (int k = kj_q_mention_in(x, lo, hi); k >= 0 && (size_t)k < x->nm && x->m[k].ns < hi; k++) {
        d->work++;
        if (kj_q_in_quote(x, x->m[k].ns))
            continue;
        if (strict && at(d, x->m[k].ne, "では"))
            continue; /* a platform or paper of the sentence before */
        if (strict && d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION &&
            source_cue_end(d, marker_at(d, x, k, end)))
            continue; /* 読売新聞によると、…。: it only told where, then */
        if (best >= 0 && wa_marked(d, x, best, end) && source_right_after(d, x, best, k, end))
            continue; /* X氏は読売新聞によると、「…」: X keeps the word */
        if (strict && joint_topic(d, x, k))
            continue; /* X氏とY氏は…。「…」: neither carries on alone */
        if (topic_marked(d, x, k, end) && !inside_topic(d, x, k, hi, end) &&
            !(strict && ga_modifies(d, x, k, end)) && !ga_passive_koto(d, x, k, end)) {
            best = k;
            if (strict && wa_marked(d, x, k, end))
                best_wa = k;
        }
    }
    return best_wa >= 0 ? best_wa : best;
}

/* The first position in [i, hi) where a word of ja_sources may start, by
 * the list's filters read from the decoded text, or hi or past it: an
 * entry without the classes of any first character goes by with one test
 * (kana, punctuation), the rest by the first-character bitmap and then by
 * the pair of the first two characters. Where it steps, a lookup finds
 * nothing. */
size_t kj_q_source_may_start(kiji_doc *d, const kj_qctx *x, size_t i, size_t hi)
{
    const struct kj_quotedata *q = x->qd;
    const uint64_t *first = q->ja_sources_first, *two = q->ja_sources_two;
    const uint32_t *cpx = d->cpx;
    /* a continuation byte (KJ_CPX_SLOW) or a code point past the BMP, the
     * filter's range: either may start a source */
    const uint32_t slow = KJ_CPX_SLOW | 0x1F0000, pass = slow | q->ja_sources_cc;
    bool two_ok = q->ja_sources_two_ok;
    size_t i0 = i;
    while (i < hi) {
        uint32_t cx = cpx[i], c0 = cx & KJ_CPX_CP;
        if ((cx & pass) && ((cx & slow) || (first[c0 >> 6] >> (c0 & 63) & 1))) {
            if (!two_ok || (cx & slow))
                break;
            /* cpx holds an entry for norm_len (KJ_CPX_SLOW): the first
             * character is whole, so i + its length <= norm_len */
            uint32_t nx = cpx[i + (cx >> KJ_CPX_LEN_SHIFT)];
            if (nx & KJ_CPX_SLOW)
                break;
            unsigned h = kj_q_two_hash(c0, nx & KJ_CPX_CP);
            if (two[h >> 6] >> (h & 63) & 1)
                break;
        }
        i += cx >> KJ_CPX_LEN_SHIFT;
    }
    d->work += i - i0;
    return i;
}

/* An unnamed source noun (関係者, 専門家) marked as topic in [lo, hi). */
static bool unnamed_topic(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi)
{
    if (hi > lo + KJ_Q_WINDOW)
        lo = hi - KJ_Q_WINDOW;
    if (hi > d->norm_len)
        hi = d->norm_len;
    for (size_t i = lo; i < hi;) {
        i = kj_q_source_may_start(d, x, i, hi);
        if (i >= hi)
            break;
        int32_t v;
        size_t n, l = kj_dict_longest(x->qd->ja_sources, d->norm, d->norm_len, i, &v);
        d->work++;
        if (l && (at(d, i + l, "は") || at(d, i + l, "が")))
            return true;
        /* 「…」と外務省関係者の言葉も伝えた: the source's words (a speech
         * noun of ja/speech_nouns after の) */
        int32_t w;
        if (l && at(d, i + l, "の") &&
            kj_dict_longest(x->qd->ja_nominal, d->norm, d->norm_len, i + l + 3, &w))
            return true;
        kj_q_cp(d, i, &n);
        i = n > i ? n : i + 1;
    }
    return false;
}

/* Inside reads like speech by itself: long, or with a sentence inside. */
static bool speechlike(kiji_doc *d, size_t is, size_t ie, size_t minchars)
{
    size_t chars = 0;
    for (size_t i = is; i < ie;) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        if (c == 0x3001 || c == 0x3002 || c == '!' || c == '?')
            return true;
        chars++;
        i = n;
        d->work++;
    }
    return chars >= minchars;
}

/* Do the words [is, ie) end in a predicate: a sentence mark or comma
 * inside (speechlike), or four characters or more ending in kana
 * (レンタル料が高い, 虚偽を広めた), not a noun (白いんげん豆ダイエット法)? */
static bool predicate_quote(kiji_doc *d, size_t is, size_t ie)
{
    if (ie <= is)
        return false;
    if (speechlike(d, is, ie, SIZE_MAX))
        return true;
    size_t ps;
    return kj_is_hiragana(kj_u8_prev(d->norm, ie, &ps)) && speechlike(d, is, ie, 4);
}

/* Is [is, ie) written in Latin letters, digits and spaces only, with no
 * sentence mark (「Melody Cloud Shop」の提供を終了)? A Japanese article
 * brackets such a run as a name, not as someone's words. */
static bool latin_name(const kiji_doc *d, size_t is, size_t ie)
{
    bool letter = false;
    for (size_t i = is; i < ie; i++) {
        unsigned char c = (unsigned char)d->norm[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
            letter = true;
        else if (!(c >= '0' && c <= '9') && c != ' ' && c != '-' && c != '&' && c != '\'' &&
                 c != '.' && c != ':')
            return false;
    }
    return letter;
}

/* 声 at i as what people say (との声, 否定的な声, 驚く声), not a sound the
 * speaker makes (笑い声, 掛け声, 第一声, 怒声, 歓声), an idiom of how one
 * speaks (声を大にした, 声をかけた, 声を荒らげた). */
static bool people_voice(const kiji_doc *d, size_t i, size_t len)
{
    const kj_wordlist *prev = d->p->quote->ja_voice_sounds;
    for (size_t k = 0; k < prev->n; k++)
        if (kj_before(d->norm, i, prev->lines[k]))
            return false;
    const kj_wordlist *manner = d->p->quote->ja_voice_idioms;
    size_t e = i + len;
    for (size_t k = 0; k < manner->n; k++)
        if (at(d, e, manner->lines[k]))
            return false;
    /* 犯行声明, 声優: a word that only begins with 声 */
    return !at(d, e, "明") && !at(d, e, "優");
}

/* The value of a word of ja/commenter_words or ja/buzz_words that counts
 * only as what people say (声, not 笑い声: people_voice). */
#define CW_VOICE 2

/* Marks bit in ja_word_lo for the first character of each word of the
 * list name (of kj_quote_init's lists: it loaded them all). */
static void mark_first(struct kj_quotedata *q, const char *name, uint8_t bit)
{
    const kj_wordlist *wl = kj_wordlist_get(name);
    for (size_t k = 0; wl && k < wl->n; k++) {
        size_t j = 0, len = kj_wordlist_key(wl->lines[k]);
        if (len == 0)
            continue; /* kj_dict_add_list adds no empty key */
        uint32_t c = kj_u8_next(wl->lines[k], len, &j);
        q->ja_word_lo[c & 0xFF] |= bit;
    }
}

bool kj_quote_ja_init(struct kj_quotedata *q)
{
    const kj_wordlist *people = q->ja_people;
    if (people->n > sizeof q->ja_people_len / sizeof q->ja_people_len[0])
        return false;
    for (size_t k = 0; k < people->n; k++) {
        size_t n = strlen(people->lines[k]);
        /* unnamed_people_before compares the last three bytes first: they
         * must be one whole character */
        if (n < 3 || n > 255 || (unsigned char)people->lines[k][n - 3] < 0xE0 ||
            (unsigned char)people->lines[k][n - 3] >= 0xF0)
            return false;
        q->ja_people_len[k] = (uint8_t)n;
    }
    mark_first(q, "ja/commenter_words", KJ_QW_COMMENTERS);
    mark_first(q, "ja/buzz_words", KJ_QW_BUZZ);
    mark_first(q, "ja/publisher_cues", KJ_QW_CUES);
    /* where anaphor_at may find an anaphor: 同, 彼, 記, 本 and each role */
    static const uint32_t fixed[] = {0x540C /* 同 */, 0x5F7C /* 彼 */, 0x8A18 /* 記 */,
                                     0x672C /* 本 */};
    for (size_t k = 0; k < sizeof fixed / sizeof fixed[0]; k++)
        q->ja_anaphor_head[fixed[k] >> 6] |= (uint64_t)1 << (fixed[k] & 63);
    const kj_wordlist *wl = kj_wordlist_get("ja/anaphor_roles");
    for (size_t k = 0; wl && k < wl->n; k++) {
        size_t j = 0, len = kj_wordlist_key(wl->lines[k]);
        if (len == 0)
            continue;
        uint32_t c = kj_u8_next(wl->lines[k], len, &j);
        if (c >= 0x10000)
            q->ja_anaphor_astral = true;
        else
            q->ja_anaphor_head[c >> 6] |= (uint64_t)1 << (c & 63);
    }
    for (uint32_t c = 0; c < 0x10000; c++) {
        if (q->ja_anaphor_head[c >> 6] >> (c & 63) & 1) {
            uint32_t cc = kj_char_class(c);
            q->ja_anaphor_cc |= cc ? cc : ~(uint32_t)0;
        }
    }
    return true;
}

/* May a word of the lists marked bit start with the code point c? A word
 * matches at a position only when it starts with the character there, so
 * where this says no the literal compares would all fail. */
static inline bool word_may_start(const kiji_doc *d, uint32_t c, uint8_t bit)
{
    return d->p->quote->ja_word_lo[c & 0xFF] & bit;
}

/* A word of w (marked bit in ja_word_lo) that fits where it stands (one
 * of value CW_VOICE is people's voice), within span bytes of from (and
 * before limit), before a comma, a full stop or a new quote. */
static bool word_in_clause(kiji_doc *d, size_t from, size_t limit, size_t span,
                           const kj_dict *w, uint8_t bit, bool voice_only)
{
    for (size_t i = from; i < limit && i < from + span;) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        d->work++;
        if (c == 0x3001 || stop_at(d, i, c) || c == OPEN)
            break;
        int32_t v;
        size_t l = word_may_start(d, c, bit) ? kj_dict_longest(w, d->norm, d->norm_len, i, &v) : 0;
        if (l > 0 && (v != CW_VOICE || people_voice(d, i, l)) && (!voice_only || v == CW_VOICE))
            return true;
        i = n;
    }
    return false;
}

/* Words of commenters (ja/commenter_words: と書き込んでいるユーザー,
 * といった不安の声) within span bytes, before a comma. */
static bool commenters_after(kiji_doc *d, size_t from, size_t limit, size_t span)
{
    return word_in_clause(d, from, limit, span, d->p->quote->ja_commenters, KJ_QW_COMMENTERS,
                          false);
}

/* という + a noun phrase of someone unnamed, joined by の, + 声 (という
 * 化粧品店の店員の声を掲載): a voice the writer prints, not the writer's own
 * words. No one named in the phrase (という田中氏の声), nor an anaphor
 * (という同氏の声); at most 24 letters. */
static bool unnamed_voice_after(kiji_doc *d, const kj_qctx *x, size_t from, size_t limit)
{
    if (at(d, from, "同"))
        return false;
    for (size_t i = from; i < limit && i < from + 72;) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        d->work++;
        if (c == 0x306E /* の */ && i > from) {
            int32_t v;
            size_t l = kj_dict_longest(d->p->quote->ja_commenters, d->norm, d->norm_len, n, &v);
            if (l > 0 && v == CW_VOICE && people_voice(d, n, l)) {
                int k = kj_q_mention_in(x, from, i);
                return !(k >= 0 && (size_t)k < x->nm && x->m[k].ns < i);
            }
        } else if (!is_noun_char(c)) {
            return false;
        }
        i = n > i ? n : i + 1;
    }
    return false;
}

/* Talk about it (ja/buzz_words: とネットで話題, と驚きの声) within span
 * bytes, before a comma. Not a person who did it (と…購入したユーザー). */
static bool buzz_after(kiji_doc *d, size_t from, size_t limit, size_t span)
{
    return word_in_clause(d, from, limit, span, d->p->quote->ja_buzz, KJ_QW_BUZZ, false);
}

/* Find a reporting verb in [from, limit), stopping at a full stop or a new
 * quote; fills [*vs, *ve) and returns true. */
static bool find_verb(kiji_doc *d, const kj_qctx *x, size_t from, size_t limit, size_t *vs,
                      size_t *ve, size_t *stop, int32_t *value)
{
    size_t i = from;
    /* most characters start no verb: no lookup at them */
    const uint64_t *first = kj_dict_first(x->qd->ja_verbs);
    while (i < limit) {
        size_t n;
        uint32_t c = kj_q_cp(d, i, &n);
        d->work++;
        if (stop_at(d, i, c) || c == OPEN || c == CLOSE)
            break;
        int32_t v;
        size_t l = kj_dict_first_may(first, c)
                       ? kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, i, &v)
                       : 0;
        if (l) {
            *vs = i;
            *ve = i + l;
            *stop = i;
            *value = v;
            return true;
        }
        i = n;
    }
    *stop = i;
    return false;
}

/* Consume an inflection after a verb stem (付け加え|た, 指摘|する). */
static size_t inflection_end(kiji_doc *d, size_t e)
{
    static const char *const tails[] = {"をしていた", "をしている", "をした", "している",
                                        "していた",   "ている",     "ていた", "する",
                                        "した",       "た",         "る",     NULL};
    /* each opens with を, し, て, す, た or る: before any other character
     * no tail matches, the steps counted as the loop would */
    if (!(at(d, e, "を") || at(d, e, "し") || at(d, e, "て") || at(d, e, "す") || at(d, e, "た") ||
          at(d, e, "る"))) {
        d->work += sizeof tails / sizeof tails[0] - 1;
        return e;
    }
    for (int k = 0; tails[k]; k++) {
        d->work++;
        if (at(d, e, tails[k]))
            return e + strlen(tails[k]);
    }
    return e;
}

/* After という/との: X(氏|社…)の + a speech noun of ja/speech_nouns
 * (コメント, 発言, 声明, 発表), not a meeting (発表会, 説明会). Returns the
 * fact of X, or -1. */
static int speaker_of_nominal(kiji_doc *d, const kj_qctx *x, size_t p, size_t limit)
{
    int k = kj_q_mention_in(x, p, p + 1);
    if (k < 0)
        return -1;
    size_t e = skip_name_suffix(d, x->m[k].ne, limit);
    if (!at(d, e, "の"))
        return -1;
    int32_t v;
    d->work++;
    size_t q = e + strlen("の");
    size_t l = kj_dict_longest(x->qd->ja_nominal, d->norm, d->norm_len, q, &v);
    /* 発表会, 説明会: a meeting, not words */
    return l > 0 && !at(d, q + l, "会") ? x->m[k].fact : -1;
}

/* After という at p: a clause that ends in a speaking verb (第一声を上げた,
 * と話した) and modifies a person, maybe after a role joined by の (新市長の
 * X氏は), who is the subject (は, が, も) or ends the sentence: X says the
 * words. Not one who only heard them (という声を聞いたX氏は: 聞い is not a
 * speaking verb) nor one addressed (…上げたX氏に). Returns the fact or -1. */
#define VOICE_SPAN 36 /* bytes from the verb's end to the name: 12 letters */
static int speaker_after_voice(kiji_doc *d, const kj_qctx *x, size_t p, size_t limit)
{
    size_t ce = p, n;
    while (ce < limit && ce < p + 60) {
        uint32_t ch = kj_q_cp(d, ce, &n);
        d->work++;
        if (ch == 0x3001 || stop_at(d, ce, ch) || ch == OPEN)
            break;
        ce = n;
    }
    size_t vs, ve, stop;
    int32_t vv = 0;
    if (!find_verb(d, x, p, ce, &vs, &ve, &stop, &vv) || vv != 1)
        return -1;
    size_t e = inflection_end(d, ve);
    if (e == ve || !(at(d, e - 3, "た") || at(d, e - 3, "る")))
        return -1;
    int k = kj_q_mention_in(x, e, e + VOICE_SPAN + 1);
    if (k < 0 || x->m[k].ns >= ce || d->facts[x->m[k].fact].type != KIJI_FACT_PERSON)
        return -1;
    /* only a role or an affiliation joined by の before the name */
    for (size_t j = e; j < x->m[k].ns;) {
        uint32_t ch = kj_q_cp(d, j, &n);
        d->work++;
        if (!is_noun_char(ch) && ch != 0x306E /* の */)
            return -1;
        j = n;
    }
    size_t ne = skip_name_suffix(d, x->m[k].ne, limit);
    if (at(d, ne, "は") || at(d, ne, "が") || at(d, ne, "も") || at(d, ne, "。"))
        return x->m[k].fact;
    return -1;
}

/* A particle that ends a noun phrase (の, が, は, に, で, と, も, へ, や),
 * not a noun's kana ending. */
static bool case_particle(uint32_t c)
{
    return c == 0x306E || c == 0x304C || c == 0x306F || c == 0x306B || c == 0x3067 ||
           c == 0x3068 || c == 0x3082 || c == 0x3078 || c == 0x3084;
}

/* After という at p: a noun marked by を that a speaking verb takes, the
 * pair an entry of ja/speech_verbs (という考えを示した, という認識を明らか
 * にした) or the verb one by itself (という持論を語った, という動機を語っ
 * ていた). The speaker may stand between, marked by が or は (という考えを
 * 佐藤財務相が示した): *who gets that person's or organization's fact, -1
 * when none. False when no such verb follows (という点を確認した, という
 * 声を聞いた). */
#define OBJ_NOUN_MAX 6   /* letters of the noun before を */
#define OBJ_VERB_SPAN 48 /* bytes of the verb read after the speaker: 16 letters */
static bool toiu_object_verb(kiji_doc *d, const kj_qctx *x, size_t p, size_t limit, int *who)
{
    *who = -1;
    /* a noun, its kana ending too (考え, 思い): up to six letters, the
     * first a kanji or katakana, no particle among them */
    size_t e = p, n;
    for (int k = 0; k < OBJ_NOUN_MAX && e < limit && !at(d, e, "を"); k++) {
        uint32_t ch = kj_q_cp(d, e, &n);
        d->work++;
        bool noun = kj_is_kanji(ch) || kj_is_katakana(ch) || ch == 0x30FC /* ー */;
        if (!(noun || (k > 0 && kj_is_hiragana(ch) && !case_particle(ch))))
            return false;
        e = n;
    }
    if (e == p || !at(d, e, "を"))
        return false;
    size_t obj = e + strlen("を") - p; /* 考えを */
    int32_t v = 0;
    size_t l = kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, p, &v);
    if (l > obj && v == 1)
        return true;
    size_t q = e + strlen("を");
    if (at(d, q, "、"))
        q += strlen("、");
    if (kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, q, &v) && v == 1)
        return true;
    int k = kj_q_mention_in(x, q, q + 1);
    if (k < 0 || (d->facts[x->m[k].fact].type != KIJI_FACT_PERSON &&
                  d->facts[x->m[k].fact].type != KIJI_FACT_ORGANIZATION))
        return false;
    size_t ne = skip_name_suffix(d, x->m[k].ne, limit);
    if (!at(d, ne, "が") && !at(d, ne, "は"))
        return false;
    size_t vs = ne + strlen("が");
    if (at(d, vs, "、"))
        vs += strlen("、");
    /* the verb may come a few words on (X氏が記者団に示した), in its clause */
    size_t ve = vs + OBJ_VERB_SPAN < limit ? vs + OBJ_VERB_SPAN : limit;
    /* the noun's letters take up to four bytes each (a kanji beyond the
     * BMP), を three */
    char buf[OBJ_NOUN_MAX * 4 + 3 + OBJ_VERB_SPAN];
    memcpy(buf, d->norm + p, obj);
    for (size_t j = vs; j < ve;) {
        uint32_t ch = kj_q_cp(d, j, &n);
        d->work++;
        if (ch == 0x3001 || stop_at(d, j, ch) || ch == OPEN)
            break;
        if (kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, j, &v) && v == 1) {
            *who = x->m[k].fact;
            return true;
        }
        /* the noun and its verb read as one, the words between left out */
        size_t vn = ve - j;
        memcpy(buf + obj, d->norm + j, vn);
        d->work += vn;
        l = kj_dict_longest(x->qd->ja_verbs, buf, obj + vn, 0, &v);
        if (l > obj && v == 1) {
            *who = x->m[k].fact;
            return true;
        }
        j = n;
    }
    return false;
}

/* Is the bracket pair o..after inside a title in 『』 (共同通信『「…」と
 *評価声明』。, 『「…」と書いた人に訊きたい』と題し)? A title is not a
 * quote (GUIDELINES), nor the words bracketed in it (headline quotes are
 * optional). A passage in 『』 after a comma (同紙は、『…「…」という
 * 意見が相次いでいる』) is reported writing, not a title; no 。 or line
 * break stands between 『 and 』 (cases/ja/quote_title). */
static bool in_title(kiji_doc *d, const kj_qctx *x, size_t o, size_t after)
{
    if (x->title0 >= o)
        return false; /* no 『 before the bracket: most texts have none */
    size_t lo = o > KJ_Q_WINDOW ? o - KJ_Q_WINDOW : 0, hi = after + KJ_Q_WINDOW, open = 0;
    if (lo < x->title0)
        lo = x->title0; /* the scan back stops at the first 『 at the latest */
    if (hi > d->norm_len)
        hi = d->norm_len;
    for (size_t p = o; p >= lo + 3 && !open;) {
        size_t ps;
        uint32_t c = kj_cp_prev(d, p, &ps);
        d->work++;
        if (c == 0x300F /* 』 */ || c == 0x3002 /* 。 */ || c == '\n')
            return false;
        if (c == 0x300E /* 『 */)
            open = ps;
        p = ps < p ? ps : p - 1;
    }
    if (!open)
        return false;
    size_t ps;
    if (open > 0 && kj_cp_prev(d, open, &ps) == 0x3001 /* 、 */)
        return false;
    for (size_t p = after; p < hi;) {
        size_t n;
        uint32_t c = kj_q_cp(d, p, &n);
        d->work++;
        if (c == 0x300E || c == 0x3002 || c == '\n' || c == 0)
            return false;
        if (c == 0x300F)
            return true;
        p = n > p ? n : p + 1;
    }
    return false;
}

static bool unnamed_people_before(kiji_doc *d, const kj_qctx *x, size_t i);
static int short_named(kiji_doc *d, const kj_qctx *x, size_t s, size_t len, size_t o);

/* The ) that closes a parenthesis at a, right after a quote's 」, within
 * 60 bytes and with no 。, bracket or line break inside; 0 if none. */
static size_t paren_close(kiji_doc *d, size_t a, size_t limit)
{
    if (a >= limit || d->norm[a] != '(')
        return 0;
    for (size_t j = a + 1; j < limit && j < a + 61; j++) {
        d->work++;
        if (d->norm[j] == ')')
            return j > a + 1 ? j : 0;
        if (d->norm[j] == '(' || d->norm[j] == '\n' || at(d, j, "。") || at(d, j, "「") ||
            at(d, j, "」"))
            return 0;
    }
    return 0;
}

/* The person a parenthesis [s, e) after the quote at o names by a
 * surname or given name alone (「…」(松田)), maybe after an adverb of at
 * most four letters that ends in kana ((再び松原), (また北島)): one of
 * the persons named last before o; -1 if none. */
static int paren_named(kiji_doc *d, const kj_qctx *x, size_t s, size_t e, size_t o)
{
    size_t p = s, q = s, n;
    for (int k = 0; k < 4 && q < e; k++) {
        uint32_t c = kj_q_cp(d, q, &n);
        d->work++;
        q = n > q ? n : q + 1;
        if (kj_is_hiragana(c))
            p = q;
    }
    int chars;
    if (noun_run_end(d, p, e, 6, &chars) != e || chars < 2)
        return -1;
    return short_named(d, x, p, e - p, o);
}

/* Why no one named speaks a quote followed by the parenthesis [s, e)
 * when it credits a role with no name: 「…」(スポーツ紙デスク)という,
 * (後援会幹部)として, (球界関係者)と -- nouns, maybe joined by の, that
 * end in a source noun of ja/statement_sources (an unnamed source) or in
 * a noun for people of ja/unnamed_people of two letters or more, or 者
 * (someone unnamed). One letter alone (員, 人, 氏, 男) ends a name with
 * its title too, (今村朗執行役員), whose person may be no fact; nor is an
 * anaphor (同記者) a role. NULL when the parenthesis is no role. */
static const char *paren_role(kiji_doc *d, const kj_qctx *x, size_t s, size_t e)
{
    if (e <= s || e > s + 60 || at(d, s, "同"))
        return NULL;
    for (size_t p = s, n; p < e; p = n) {
        uint32_t c = kj_q_cp(d, p, &n);
        d->work++;
        if (n <= p || !(is_noun_char(c) || c == 0x306E /* の */))
            return NULL;
    }
    if (ends_with_source(d, x, s, e))
        return "the speaker is an unnamed source";
    const kj_wordlist *people = x->qd->ja_people;
    bool role = e >= s + 6 && at(d, e - 3, "者");
    for (size_t k = 0; k < people->n && !role; k++) {
        size_t n = x->qd->ja_people_len[k];
        d->work++;
        role = n > 3 && n <= e - s && memcmp(d->norm + e - n, people->lines[k], n) == 0;
    }
    return role && unnamed_people_before(d, x, e) ? "the speaker is someone unnamed (妻は, 女性が)"
                                                  : NULL;
}

/* An editor's note in brackets at a, between two quotes of a run:
 * 「A」（中略）「B」, 「A」［編集部注：…］「B」. Its end when it names no one
 * (「…」(X・編集長) names the speaker) and holds no quote or 。, at most
 * 60 bytes on; a otherwise. */
static size_t note_end(kiji_doc *d, const kj_qctx *x, size_t a)
{
    static const char *const pair[][2] = {{"（", "）"}, {"(", ")"}, {"［", "］"}, {"[", "]"},
                                          {"〔", "〕"}, {NULL, NULL}};
    /* （ ［ are EF BC .., 〔 E3 80 94: most quotes are followed by none */
    unsigned char b0 = a < d->norm_len ? (unsigned char)d->norm[a] : 0;
    if (b0 != 0xEF && b0 != 0xE3 && b0 != '(' && b0 != '[')
        return a;
    int p = 0;
    while (pair[p][0] && !at(d, a, pair[p][0]))
        p++;
    if (!pair[p][0])
        return a;
    size_t lo = a + strlen(pair[p][0]), hi = lo + 60 < d->norm_len ? lo + 60 : d->norm_len;
    for (size_t j = lo; j < hi; j++) {
        d->work++;
        if (at(d, j, "。") || at(d, j, "「") || at(d, j, "」") || d->norm[j] == '\n')
            return a;
        if (at(d, j, pair[p][1])) {
            size_t e = j + strlen(pair[p][1]);
            /* a role or a short name there credits the words before it */
            if (j == lo || kj_q_mention_in(x, lo, j) >= 0 || !at(d, e, "「") ||
                paren_role(d, x, lo, j) || paren_named(d, x, lo, j, a) >= 0)
                return a;
            return e;
        }
    }
    return a;
}

/* Is blame for the commenters (批判, 非難, 反発, 苦言) at j? What a list
 * of quotes closing on 「…」など、批判が殺到 stands for. */
static bool blame_at(const kiji_doc *d, size_t j)
{
    return at(d, j, "批判") || at(d, j, "非難") || at(d, j, "反発") || at(d, j, "苦言");
}

/* An editor's note between 」 and the quotative と: 「…」(原文まま)と綴った,
 * 「…」(産経新聞の記事より)と語った. A note is words, not a name: some
 * letter in it is no noun letter (a parenthesis of nouns alone credits a
 * speaker, 「…」(菅野)と, or names a thing, 「…」(フレアシリーズ)と呼ばれる),
 * and it names no person. The position past it, else a. */
static size_t note_before_to(kiji_doc *d, const kj_qctx *x, size_t a, size_t limit)
{
    size_t e = paren_close(d, a, limit);
    if (!e || !at(d, e + 1, "と"))
        return a;
    for (int k = kj_q_mention_in(x, a + 1, e); k >= 0 && (size_t)k < x->nm && x->m[k].ns < e;
         k++) {
        d->work++;
        if (d->facts[x->m[k].fact].type == KIJI_FACT_PERSON)
            return a;
    }
    /* (再び松原), (東北地方の小4女子): a name or a role, no note */
    if (paren_role(d, x, a + 1, e) || paren_named(d, x, a + 1, e, a) >= 0)
        return a;
    for (size_t p = a + 1, n; p < e; p = n) {
        d->work++;
        if (!is_noun_char(kj_q_cp(d, p, &n)))
            return e + 1;
    }
    return a;
}


/* Do only a conjunction and a comma stand in [s, o), before the quote at
 * o (さらに、「…」 on a line of its own)? The quote is then a sentence of
 * its own, the speaker's words going on. */
static bool conjunction_only(kiji_doc *d, size_t s, size_t o)
{
    static const char *const w[] = {"さらに", "また", "そして", "続けて", "加えて", "その上で",
                                     "最後に", NULL};
    s = kj_q_skip_space(d, s, o);
    for (int k = 0; w[k]; k++)
        if (at(d, s, w[k]) && s + strlen(w[k]) + strlen("、") == o && at(d, o - 3, "、"))
            return true;
    return false;
}

/* c is read as nx, the quote it runs on to (「A」「B」と述べた,
 * 「A」として、「B」と語った): the same verb and the same speaker. */
static void inherit(jcand *c, const jcand *nx)
{
    c->nominal = nx->nominal;
    c->asked = nx->asked;
    c->passive = nx->passive;
    c->vs = nx->vs;
    c->ve = nx->ve;
    c->rs = nx->rs;
    c->re = nx->re;
    c->pspeaker = nx->pspeaker;
    c->pnote = nx->pnote;
    c->partial = nx->partial;
}

static void decide(kiji_doc *d, const kj_qctx *x, jcand *cs, size_t nc, size_t i)
{
    jcand *c = &cs[i];
    if (in_title(d, x, c->o, c->after))
        return; /* c->quote stays false */
    size_t is = c->o + 3, ie = c->c, a = c->after;
    size_t send = kj_q_sent_end(d, c->o);
    size_t limit = a + KJ_Q_WINDOW < send ? a + KJ_Q_WINDOW : send;
    if (limit < a)
        limit = a;
    size_t n;
    a = c->after = note_before_to(d, x, a, limit);

    /* 「A」「B」といった声, 「A」と「B」と述べた: A shares B's fate. */
    size_t b = a;
    uint32_t c0 = kj_q_cp(d, b, &n);
    if (at(d, b, "ことや"))
        b += strlen("ことや");
    else if (c0 == 0x3001 || c0 == 0x30FB || at(d, b, "や") || at(d, b, "と"))
        b = n;
    else
        b = note_end(d, x, b);
    /* a list of comments may wrap: 「A」「B」⏎「C」と書き込む (one line break,
     * not a blank line, though the sentence splitter ends a sentence there) */
    size_t bl = a + 16 < d->norm_len ? a + 16 : d->norm_len;
    size_t bs = b;
    b = kj_q_skip_space(d, b, bl > limit ? bl : limit);
    int lines = 0;
    for (size_t j = bs; j < b; j++)
        lines += d->norm[j] == '\n';
    if (lines > 1)
        b = bs; /* a blank line ends the list */
    if (i + 1 < nc && cs[i + 1].o == b) {
        const jcand *nx = &cs[i + 1];
        c->next = (int)i + 1;
        c->quote = nx->quote && (nx->nominal || nx->asked || nx->standalone || nx->vs < nx->ve ||
                                 speechlike(d, is, ie, 4));
        inherit(c, nx);
        /* 「A」「B」。 standing as a sentence: A is reported as B is, so
         * both carry the speaker on; a list wrapped over lines (「A」⏎「B」)
         * is more often others' comments and carries nothing on */
        c->standalone = nx->standalone && lines == 0;
        return;
    }

    int32_t v = 0;
    size_t l = kj_dict_longest(x->qd->ja_after, d->norm, d->norm_len, a, &v);
    /* 「…」「…」 などの声: one space before the follower is spacing */
    if (!l && a < limit && (d->norm[a] == ' ' || at(d, a, "\u3000"))) {
        size_t a2 = a + (d->norm[a] == ' ' ? 1 : strlen("\u3000"));
        l = kj_dict_longest(x->qd->ja_after, d->norm, d->norm_len, a2, &v);
        if (l)
            a = a2;
    }
    /* 「…」と呼びかけた, と称賛した: a reporting verb right after と that
     * outruns the naming word (と呼び, と称) is speech, not a name */
    if (l > strlen("と") && v == 3 && at(d, a, "と")) {
        int32_t vv = 0;
        size_t vl = kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, a + strlen("と"), &vv);
        if (vl && vv == 1 && strlen("と") + vl > l) {
            l = strlen("と");
            v = 1;
        }
    }
    /* 「…」と同じアスリートとして讃えた: words that end in a predicate are
     * no thing to compare with; と is the quotative and the reporting verb
     * comes later (「平成の名馬」と同じ血統 compares) */
    if (l == strlen("と同じ") && v == 3 && at(d, a, "と同じ") && predicate_quote(d, is, ie)) {
        l = strlen("と");
        v = 1;
    }
    /* 「…」としており, としていた: the quotative とする, not として */
    if (l && v == 3 && at(d, a, "として") && (at(d, a + 9, "い") || at(d, a + 9, "お"))) {
        l = strlen("とし");
        v = 1;
    }
    /* 「…」として歓迎した, としてCM契約の継続を発表した: として reports
     * words that end in a predicate (a verb or an adjective, or a sentence
     * with a comma in it) when a reporting verb closes its clause before
     * a comma or a new topic (は); 「平成の名馬」として紹介 names a thing */
    if (l == strlen("として") && v == 3 && at(d, a, "として") && predicate_quote(d, is, ie)) {
        size_t p = a + l, ce, stop;
        /* 「…」として、吉田の入団を発表した: a comma may follow として
         * itself; the clause runs on to its verb */
        if (at(d, p, "、"))
            p += strlen("、");
        /* 「…」として、「…」と語った: the words go on in the next quote,
         * whose verb and speaker they share */
        if (i + 1 < nc && cs[i + 1].o == p && cs[i + 1].quote && cs[i + 1].ve > cs[i + 1].vs &&
            !cs[i + 1].nominal) {
            c->next = (int)i + 1;
            c->quote = true;
            inherit(c, &cs[i + 1]);
            return;
        }
        ce = p;
        while (ce < limit) {
            uint32_t ch = kj_q_cp(d, ce, &n);
            d->work++;
            if (ch == 0x3001 || ch == 0x306F /* は */)
                break;
            ce = n;
        }
        int32_t vv = 0;
        if (find_verb(d, x, p, ce, &c->vs, &c->ve, &stop, &vv)) {
            c->quote = true;
            c->rs = c->re = p; /* the words before the verb are its objects */
            c->passive = vv == 2;
            return;
        }
    }
    if (l && v == 3)
        return;
    /* 「…」という問いに「…」と答えた: the question is not the answerer's
     * (quote_after.txt value 6, cases/ja/quote) */
    if (l && v == 6) {
        c->quote = true;
        c->asked = true;
        return;
    }
    /* 「…」というX社のコメント, とのX氏の発言: the words are X's */
    if (l && (v == 4 || v == 5) && !at(d, a, "など")) {
        int k = speaker_of_nominal(d, x, a + l, limit);
        if (k >= 0) {
            c->quote = true;
            c->pspeaker = k;
            return;
        }
    }
    /* 「…」という野村氏は、「…」: the person right after という who is the
     * subject (は, が, も) or ends the sentence (「…」という星野氏。) says it */
    if (l && v == 4 && at(d, a, "という")) {
        int k = kj_q_mention_in(x, a + l, a + l + 1);
        if (k >= 0 && d->facts[x->m[k].fact].type == KIJI_FACT_PERSON) {
            size_t e = skip_name_suffix(d, x->m[k].ne, limit);
            if (at(d, e, "は") || at(d, e, "が") || at(d, e, "も") || at(d, e, "。")) {
                c->quote = true;
                c->pspeaker = x->m[k].fact;
                return;
            }
        }
    }
    /* 「…」という第一声を上げた新市長のX氏は、: X, whose words they are */
    if (l && v == 4 && at(d, a, "という")) {
        int k = speaker_after_voice(d, x, a + l, limit);
        if (k >= 0) {
            c->quote = true;
            c->pspeaker = k;
            return;
        }
    }
    /* 「…」という考えを示した, という動機を語った: words that end in a
     * predicate (「ストロング」という価値観を提案 names a thing) as the
     * object of a speaking verb; the one named before it (という考えをX氏
     * が示した) speaks, else the speaker is found as for 「…」と述べた */
    if (l && v == 4 && at(d, a, "という") && predicate_quote(d, is, ie)) {
        int who;
        if (toiu_object_verb(d, x, a + l, limit, &who)) {
            c->quote = true;
            c->pspeaker = who;
            return;
        }
    }
    if (l && v == 4) {
        /* 「…」という。 closes a sentence: hearsay speech, not a name */
        uint32_t f = kj_q_cp(d, a + l, &n);
        size_t w = at(d, a + l, "、") ? a + l + 3 : a + l;
        /* 「…」といった安達を非難する声, という山田氏に対する批判の声: the
         * voice may close a longer clause that modifies it, up to 30
         * letters; a noun marked by で or に (という内容で…書き込みを行った,
         * という離婚理由に怒りの声) ends the phrase: what follows is the
         * topic's own deed, or a voice about that noun */
        size_t we = w;
        for (size_t ps; we < limit && we < w + 90; we += 3) {
            d->work++;
            if ((at(d, we, "で") || (at(d, we, "に") && !at(d, we, "に対"))) && we > w &&
                kj_is_kanji(kj_cp_prev(d, we, &ps)))
                break;
        }
        we = we < limit ? we : limit;
        bool voice = word_in_clause(d, w, we, 90, d->p->quote->ja_commenters, KJ_QW_COMMENTERS, true);
        /* 「…」「…」など、批判が殺到: words that end in kana before など and
         * a comma, then commenters' words (「ポケモン」など、… names things) */
        size_t pe;
        bool listed = at(d, a, "など") && at(d, a + l, "、") && ie > is &&
                      kj_is_hiragana(kj_cp_prev(d, ie, &pe));
        bool blame = voice || commenters_after(d, w, we, 90);
        for (size_t j = w; listed && !blame && j < we; j++) {
            d->work++;
            if (d->norm[j] == '\n' || at(d, j, "、") || at(d, j, "。"))
                break;
            blame = blame_at(d, j);
        }
        c->quote = (at(d, a, "という") && (is_stop(f) || a + l >= send)) ||
                   speechlike(d, is, ie, 8) || (!at(d, a, "など") && voice) || (listed && blame);
        /* 「…」「…」など, といった不安の声, という、同調の声: what people
         * wrote */
        c->nominal = c->quote && ((at(d, a, "など") && !at(d, a, "などと")) ||
                                  commenters_after(d, w, limit, 24) || voice ||
                                  commenters_after(d, w, we, 90) ||
                                  (at(d, a, "という") && unnamed_voice_after(d, x, w, limit)));
        return;
    }
    if (l && (v == 2 || v == 5)) {
        c->quote = true;
        c->nominal = v == 2;
        return;
    }
    if (l && v == 1) {
        size_t p = a + l, stop;
        /* 「…」とし、山田と女優のXが交際していると報じた: とし (とする, to
         * state) reports the words itself and the clause ends at its 、;
         * a name past it is the subject of what follows, not the speaker
         * (3日間を「…」とし, to name it so, is left to the reading below) */
        if (l == strlen("とし") && at(d, a, "とし") && at(d, p, "、") &&
            !(c->o >= 3 && at(d, c->o - 3, "を"))) {
            c->quote = true;
            c->rs = c->re = p;
            c->vs = a;
            c->ve = p;
            return;
        }
        if (at(d, p, "、"))
            p += 3;
        c->rs = p;
        int32_t vv = 0;
        if (find_verb(d, x, p, limit, &c->vs, &c->ve, &stop, &vv)) {
            c->re = c->vs;
            /* 「…」と韓国メディアから声が挙がったと、産経新聞が報じた: a
             * second quotative と means the verb reports another clause */
            for (size_t r = p; r + 6 <= c->vs; r++) {
                d->work++;
                if (at(d, r, "と、")) {
                    c->re = c->rs;
                    c->vs = c->ve = 0;
                    c->quote = speechlike(d, is, ie, 4);
                    return;
                }
            }
            /* 「…」と擁護する声が挙がったものの、大半は…伝える: the clause of
             * と ends in commenters' words before a 、 after kana; the verb
             * past it belongs to another clause and another subject */
            for (size_t r = p; r + 3 <= c->vs; r++) {
                size_t ps;
                d->work++;
                if (at(d, r, "、") && kj_is_hiragana(kj_cp_prev(d, r, &ps))) {
                    if (commenters_after(d, p, r, 120)) {
                        c->re = c->rs;
                        c->vs = c->ve = 0;
                        c->quote = true;
                        c->nominal = true;
                        return;
                    }
                    break;
                }
            }
            c->quote = true;
            c->passive = vv == 2;
            /* 「…」と、その身を案じるコメントも寄せられた: the verb is a
             * commenters' word (ja/commenter_words) used as a noun, the
             * subject (が, も) of what follows; others' comments, not the
             * speech of whoever the sentence named (Xがコメントした is a
             * verb and stays X's) */
            int32_t cv = 0;
            if (!c->passive && (at(d, c->ve, "が") || at(d, c->ve, "も")) &&
                kj_dict_longest(d->p->quote->ja_commenters, d->norm, d->norm_len, c->vs, &cv) ==
                    c->ve - c->vs) {
                c->nominal = true;
                c->re = c->rs; /* a noun: no reporting verb */
                c->vs = c->ve = 0;
                return;
            }
            /* 「…」と話した主将のX選手は: the verb modifies its speaker */
            int k = c->passive ? -1 : speaker_after_voice(d, x, p, limit);
            if (k >= 0) {
                c->pspeaker = k;
                return;
            }
            /* と指摘する声, と批判する書き込み: commenters again */
            if (commenters_after(d, c->ve, limit, 24))
                c->nominal = true;
            return;
        }
        c->re = c->rs; /* no verb: a name after と speaks only in 「…」とX氏。 */
        /* 「…」と(経済産業省の)X局長。 -- the speaker closes a short clause */
        if (stop < p + 90) {
            for (int k = kj_q_mention_in(x, p, stop);
                 k >= 0 && (size_t)k < x->nm && x->m[k].ns < stop; k++) {
                d->work++;
                if (skip_name_suffix(d, x->m[k].ne, stop) >= stop) {
                    c->quote = true;
                    c->re = stop;
                    return;
                }
            }
        }
        /* 「…」とネット上で話題, 「…」と、…対応に疑問の声も上がっている:
         * what people say, up to the clause's end when no verb reports it;
         * then even a short quote is their words (「おかしい」と掲示板で話題) */
        bool talk = commenters_after(d, p, limit, 120);
        c->quote = speechlike(d, is, ie, talk && buzz_after(d, p, limit, 60) ? 2 : 8);
        c->nominal = c->quote && talk;
        return;
    }

    /* X氏は「…」ツイートし, 「…」語った: と left out before a verb that is
     * written inflected (its entry ends in kana), never a noun that names
     * the words (「…」発言, 「…」批判, 「…」要望書) nor a passive (「…」伝え
     * られた); the words must read like speech */
    if (!l) {
        int32_t vv = 0;
        size_t vl = kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, a, &vv);
        size_t ps;
        if (vl && vv == 1 && kj_is_hiragana(kj_cp_prev(d, a + vl, &ps)) &&
            !at(d, a + vl, "られ") && !at(d, a + vl, "れ") && speechlike(d, is, ie, 8)) {
            c->quote = true;
            c->rs = c->re = a;
            c->vs = a;
            c->ve = a + vl;
            return;
        }
    }

    /* 「…」(高英起・編集長): the speaker in a parenthesis */
    if (d->norm[a] == '(') {
        int k = kj_q_mention_in(x, a + 1, a + 2), chars;
        /* 「…」(巨人・内海哲也), (広島・前田健太): a team, body or place, a
         * dot, then the person who speaks, closing the parenthesis */
        if (k < 0 || d->facts[x->m[k].fact].type != KIJI_FACT_PERSON) {
            size_t dot = k >= 0 ? x->m[k].ne : noun_run_end(d, a + 1, limit, 8, &chars);
            int kp = at(d, dot, "・") ? kj_q_mention_in(x, dot + 3, dot + 4) : -1;
            if (kp >= 0 && d->facts[x->m[kp].fact].type == KIJI_FACT_PERSON &&
                at(d, skip_name_suffix(d, x->m[kp].ne, limit), ")"))
                k = kp;
        }
        /* 「笑っていいとも!」(フジテレビ系列): a title and its broadcaster */
        if (k >= 0 && d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION)
            return;
        if (k >= 0) {
            c->quote = true;
            c->pspeaker = x->m[k].fact;
            return;
        }
        /* 「…」(松田)、「…」(北島)と語った, (再び松原)と: a surname or
         * given name alone, of a person named before, credits words that
         * read as speech */
        size_t pe = paren_close(d, a, limit);
        if (pe && speechlike(d, is, ie, 4)) {
            int who = paren_named(d, x, a + 1, pe, c->o);
            /* 「…」(スポーツ紙デスク)という: someone unnamed */
            c->pnote = who < 0 ? paren_role(d, x, a + 1, pe) : NULL;
            if (who >= 0 || c->pnote) {
                c->quote = true;
                c->pspeaker = who;
                /* (松田)と語った: the reporting verb right after と */
                int32_t vv = 0;
                size_t tv = pe + 1 + strlen("と");
                size_t vl = at(d, pe + 1, "と")
                                ? kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, tv, &vv)
                                : 0;
                if (vl && vv == 1) {
                    c->vs = tv;
                    c->ve = tv + vl;
                }
                return;
            }
        }
        /* (name:affiliation) credits the words even when the name is not
         * a known person */
        for (size_t p = a + 1; p < limit && p < a + 60 && d->norm[p] != ')'; p++) {
            d->work++;
            if (d->norm[p] == ':') {
                c->quote = speechlike(d, is, ie, 4);
                return;
            }
        }
    }

    /* a sentence made of the quote alone */
    uint32_t f = kj_q_cp(d, a, &n);
    size_t sst = kj_q_sent_start(d, c->o);
    /* 矢部浩之「…」 on a line of its own: in a transcript, the person named
     * at the line's start (a title or honorific may follow) says it */
    if (is_stop(f) || a >= send) {
        size_t ls = kj_q_skip_space(d, sst, c->o);
        int k = kj_q_mention_in(x, ls, ls + 1);
        if (k >= 0 && (ls == 0 || d->norm[ls - 1] == '\n') &&
            d->facts[x->m[k].fact].type == KIJI_FACT_PERSON &&
            skip_name_suffix(d, x->m[k].ne, c->o) == c->o) {
            c->quote = c->c > is;
            c->pspeaker = x->m[k].fact;
            return;
        }
    }
    /* 「A」「B」。: a run of quotes right after one another (a 、 or ・
     * between) makes the sentence as one quote does, and the last one
     * is a sentence of its own for the speaker it carries on; at most
     * eight back */
    size_t lead = c->o;
    for (size_t j = i, k = 0; j > 0 && k < 8; j--, k++) {
        size_t g = cs[j - 1].after;
        d->work++;
        if (at(d, g, "、") || at(d, g, "・"))
            g += 3;
        else
            g = note_end(d, x, g); /* 「A」（中略）「B」。 */
        if (g != cs[j].o)
            break;
        lead = cs[j - 1].o;
    }
    /* a run must close on its stop (「A」「B」。): one that runs into a
     * line break may go on to its attribution (⏎と反応, ⏎といった声) */
    bool ends = lead == c->o ? is_stop(f) || a >= send : f == 0x3002 || f == '!' || f == '?';
    if (ends && (kj_q_skip_space(d, sst, lead) == lead || conjunction_only(d, sst, lead))) {
        c->quote = c->c > is;
        c->standalone = true;
        return;
    }

    /* a partial quote inside reported speech: long enough to be someone's
     * words, and the sentence reports speech with と + a verb */
    /* a partial quote is followed by a particle (「…」についても); a name
     * runs into a noun (「…切手セット」3種) or is the object of the verb
     * (「…シリーズ」を発売すると発表した) */
    if (!kj_is_hiragana(f) || f == 0x3092 /* を */ || kj_before(d->norm, c->o, "いわゆる") ||
        kj_before(d->norm, c->o, "所謂") || kj_before(d->norm, c->o, "通称") ||
        !speechlike(d, is, ie, 10) || latin_name(d, is, ie))
        return;
    for (size_t p = a; p < limit;) {
        uint32_t ch = kj_q_cp(d, p, &n);
        d->work++;
        if (stop_at(d, p, ch) || ch == OPEN)
            break;
        /* 「…」の予告に切り替わったことから、…次々と書き込まれた: a 、 after
         * a clause that ends in kana starts another clause, whose と is
         * not this quote's */
        size_t ps;
        if (ch == 0x3001 && p > a && kj_is_hiragana(kj_cp_prev(d, p, &ps)))
            break;
        if (ch == 0x3068 /* と */) {
            size_t q = n;
            if (at(d, q, "、"))
                q += 3;
            int32_t vv;
            size_t vl = kj_dict_longest(x->qd->ja_verbs, d->norm, d->norm_len, q, &vv);
            if (vl) {
                c->quote = true;
                c->partial = true;
                c->passive = vv == 2;
                c->vs = q;
                c->ve = q + vl;
                return;
            }
        }
        p = n;
    }
}

/* Does a noun for people of ja/unnamed_people end at i (視聴者, ユーザー
 * 達, スポーツライター, 妻, 長女), outside a name? A role, relative or minor
 * with no name is someone unnamed, like 記者; so is a name with 氏 that no
 * person fact covers: someone unknown speaks. */
static bool unnamed_people_before(kiji_doc *d, const kj_qctx *x, size_t i)
{
    if (i < 3 || i > d->norm_len || kj_before(d->norm, i, "彼女"))
        return false; /* an anaphor, not someone unnamed */
    /* each word's last character (three bytes) is compared first */
    const char *last = d->norm + i - 3;
    const kj_wordlist *people = x->qd->ja_people;
    for (size_t k = 0; k < people->n; k++) {
        d->work++;
        size_t n = x->qd->ja_people_len[k];
        const char *w = people->lines[k];
        if (n <= i && memcmp(last, w + n - 3, 3) == 0 && memcmp(d->norm + i - n, w, n) == 0 &&
            kj_q_mention_at(x, i - n) < 0) {
            /* トヨタ側は, 田原氏側が: the side of a body or person named
             * right before (an honorific between) is theirs, no one unnamed */
            if (n == 3 && memcmp(w, "側", 3) == 0) {
                size_t b = i - n;
                if (kj_before(d->norm, b, "氏"))
                    b -= strlen("氏");
                else if (kj_before(d->norm, b, "さん"))
                    b -= strlen("さん");
                if (b > 0 && kj_q_mention_at(x, b - 1) >= 0)
                    return false;
            }
            return true;
        }
    }
    return false;
}

/* A service where people post ends at i (ツイッターでは「…」 is its users'
 * words, 産経新聞では「…」 the paper's). */
static bool platform_before(const kiji_doc *d, size_t i)
{
    const kj_wordlist *w = d->p->quote->ja_platforms;
    for (size_t k = 0; k < w->n; k++)
        if (kj_before(d->norm, i, w->lines[k]))
            return true;
    return false;
}

/* ネットユーザーからは「…」 after the topic: the words are others'. A
 * marker before an earlier quote of the clause is that quote's (視聴者から
 * 「…」と批判が殺到したことを取り上げ、「…」 -- the second is the writer's);
 * quotes in a row (「…」「…」) share it. */
static bool others_between(kiji_doc *d, const kj_qctx *x, size_t from, size_t to)
{
    static const char *const m[] = {"からは", "からも", "では、", "では「", "上では", NULL};
    /* where people wrote (掲示板には「…」; ja/post_places), not さらには or
     * 斎藤には */
    const kj_wordlist *place = d->p->quote->ja_post_places;
    if (x->nq > 0) {
        size_t qe = x->q[x->nq - 1].ie + 3;
        if (qe > from && qe < to && to - qe > 9)
            from = qe;
    }
    if (to > from + KJ_Q_WINDOW)
        from = to - KJ_Q_WINDOW;
    /* where the speaker speaks (記者会見では、「…」と発言した;
     * ja/speech_settings), not others */
    const kj_wordlist *setting = d->p->quote->ja_settings;
    for (size_t i = from; i < to; i++) {
        d->work++;
        /* every word tried here starts with か (E3 81 8B), で (E3 81 A7),
         * に (E3 81 AB) or 上 (E4 B8 8A): elsewhere none matches */
        const unsigned char *u = (const unsigned char *)d->norm + i;
        if (i >= d->norm_len || d->norm_len - i < 3 ||
            !((u[0] == 0xE3 && u[1] == 0x81 && (u[2] == 0x8B || u[2] == 0xA7 || u[2] == 0xAB)) ||
              (u[0] == 0xE4 && u[1] == 0xB8 && u[2] == 0x8A)))
            continue;
        for (int k = 0; m[k]; k++) {
            if (!at(d, i, m[k]))
                continue;
            bool own = false;
            for (size_t j = 0; at(d, i, "では") && j < setting->n && !own; j++)
                own = kj_before(d->norm, i, setting->lines[j]);
            if (!own)
                return true;
        }
        if (at(d, i, "には「") || at(d, i, "には、「") || at(d, i, "から「")) {
            bool written = at(d, i, "に");
            for (size_t k = 0; written && k < place->n; k++)
                if (kj_before(d->norm, i, place->lines[k]))
                    return true;
            /* 視聴者たちから「…」 (a named source is from_agent's) */
            if (!written && unnamed_people_before(d, x, i))
                return true;
        }
    }
    return false;
}

/* Words written, not said, right after the closing mark at a: 「…」とある
 * (also とあり、, とあった; とある支持者 is someone unnamed too), 「…」と書かれ,
 * と記され, と記載され. */
static bool written_after(const kiji_doc *d, size_t a)
{
    /* not とあっさり, とありがたい */
    static const char *const w[] = {"とある", "とあり、", "とあり。", "とありま", "とあった",
                                     "と書かれ", "と記され", "と記載され",
                                     /* という旨の文章が記載, との一文 */
                                     "という旨の文", "との旨の文", "という文章", "との文章",
                                     "という文面", "との文面", "という一文", "との一文", NULL};
    for (int k = 0; w[k]; k++)
        if (at(d, a, w[k]))
            return true;
    return false;
}

/* An unnamed subject before the quote in [lo, o): a noun for people marked
 * by は, が or も (ネットユーザー達は, 別のユーザーが, 視聴者は, 記者も). Then
 * no one named before speaks these words. */
static bool unnamed_subject(kiji_doc *d, const kj_qctx *x, size_t lo, size_t o)
{
    if (o > lo + KJ_Q_WINDOW)
        lo = o - KJ_Q_WINDOW;
    const unsigned char *u = (const unsigned char *)d->norm;
    for (size_t i = lo; i < o; i++) {
        d->work++;
        /* は E3 81 AF, が E3 81 8C, も E3 82 82: one test of the first
         * byte for most bytes, instead of three literal compares */
        if (i + 3 > d->norm_len || u[i] != 0xE3)
            continue;
        if (((u[i + 1] == 0x81 && (u[i + 2] == 0xAF || u[i + 2] == 0x8C)) ||
             (u[i + 1] == 0x82 && u[i + 2] == 0x82)) &&
            i >= lo + 3 && !kj_q_in_quote(x, i) && unnamed_people_before(d, x, i))
            return true;
    }
    return false;
}

/* The start of the clause of the quote at o, not before lo: just after
 * the last comma that follows a verb form (指摘し、「…」) or the last
 * closing bracket; a comma after a particle (妻は、, 男性が、) stays inside. */
static size_t own_clause(kiji_doc *d, size_t lo, size_t o)
{
    if (o > d->norm_len) /* a quote's position: cp_before reads before it */
        o = d->norm_len;
    if (o > lo + KJ_Q_WINDOW)
        lo = o - KJ_Q_WINDOW;
    for (size_t i = o; i > lo;) {
        size_t ps, pp;
        uint32_t c = cp_before(d, i, &ps);
        d->work++;
        if (c == CLOSE) /* 「…」と題した記事で「…」: a title holds no subject */
            return i;
        if (c == 0x3001 && ps > lo) {
            uint32_t b = cp_before(d, ps, &pp);
            if (kj_is_hiragana(b) && b != 0x306F /* は */ && b != 0x304C /* が */ &&
                b != 0x3082 /* も */ && b != 0x306B /* に */ && b != 0x3067 /* で */)
                return i;
        }
        i = ps;
    }
    return lo;
}

/* Someone other than the one carried over may speak a quote at o: a
 * person or organization named in [lo, o) (その浅田に「…」と), an honorific
 * (母・美加さんは「…」), a source (関係者によると), or a list item (・…). */
static bool names_before(kiji_doc *d, const kj_qctx *x, size_t lo, size_t o)
{
    int k = kj_q_mention_in(x, lo, o);
    if (k >= 0 && (size_t)k < x->nm && x->m[k].ns < o)
        return true;
    if (at(d, lo, "・") || unnamed_topic(d, x, lo, o))
        return true;
    static const char *const cue[] = {"さん", "氏", "アナ", "によると", "によれば", "関係者"};
    for (size_t j = 0; j < sizeof cue / sizeof cue[0]; j++)
        if (lit_in(d, lo, o, cue[j]))
            return true;
    return false;
}

/* The reporting verb of the quote cs[i] (or of the chain it opens)
 * modifies a noun, 「…」と前置きしたさんまは: the one named there speaks,
 * known person or not. */
static bool named_after(kiji_doc *d, const jcand *cs, size_t nc, size_t i)
{
    size_t h = i;
    for (size_t n = 0; n < 8 && cs[h].next > (int)h && (size_t)cs[h].next < nc; n++)
        h = (size_t)cs[h].next;
    const jcand *c = &cs[h];
    if (c->ve <= c->vs)
        return false;
    size_t te = inflection_end(d, c->ve);
    if (te >= d->norm_len)
        return false;
    size_t ps;
    uint32_t b = kj_cp_prev(d, te, &ps);
    /* した, 語った: a past or plain form runs on into the noun it
     * modifies; 語ると, 語りつつ, 述べ、 end a clause */
    if (!(at(d, ps, "た") || at(d, ps, "る")) || b == 0)
        return false;
    return !(at(d, te, "、") || at(d, te, "。") || at(d, te, "！") || at(d, te, "」") ||
             at(d, te, "\n") || at(d, te, "が") || at(d, te, "と") || at(d, te, "の"));
}

/* The others' words of the run cs[i] opens are what its topic answers:
 * a nominal of ja/quote_after value 2 right before に対し, を受け or に
 * 反論 (X氏は「…」という声に対し、「…」と述べた). */
static bool answered(kiji_doc *d, const kj_qctx *x, const jcand *cs, size_t nc, size_t i)
{
    static const char *const resp[] = {"に対し", "を受け", "に反論", "に応え", "に答え", NULL};
    size_t h = i;
    for (size_t n = 0; n < 8 && cs[h].next > (int)h && (size_t)cs[h].next < nc; n++)
        h = (size_t)cs[h].next;
    int32_t v = 0;
    size_t a = cs[h].after;
    size_t l = kj_dict_longest(x->qd->ja_after, d->norm, d->norm_len, a, &v);
    d->work++;
    if (l == 0 || v != 2)
        return false;
    for (int k = 0; resp[k]; k++)
        if (at(d, a + l, resp[k]))
            return true;
    return false;
}

/* Someone with an honorific or a title is the subject in [lo, o): 枡田アナが,
 * 母の美加さんは. */
static bool honored_subject(kiji_doc *d, size_t lo, size_t o)
{
    static const char *const cue[] = {"アナが", "アナは", "さんが", "さんは", "氏が", "氏は"};
    for (size_t j = 0; j < sizeof cue / sizeof cue[0]; j++)
        if (lit_in(d, lo, o, cue[j]))
            return true;
    return false;
}

/* A sentence that ends on a person named after a clause, …とぶちまけた
 * 小川。 or …と語った田中氏。 (a noun-ended sentence, 体言止め), puts that
 * person forward as the one the next quote is about: the person fact, or -1.
 * The name must close the sentence (a title or honorific may follow) and
 * follow a verb's hiragana ending, so 暴走王・小川。 or 小川と谷。 do not. */
static int closing_person(kiji_doc *d, const kj_qctx *x, int sent)
{
    const kj_sentence *s = &d->sent[sent];
    if (at(d, s->ns, "・"))
        return -1; /* an item of a list of links */
    size_t lo = s->ne > s->ns + 64 ? s->ne - 64 : s->ns;
    int best = -1;
    for (int k = kj_q_mention_in(x, lo, s->ne); k >= 0 && (size_t)k < x->nm && x->m[k].ns < s->ne;
         k++) {
        d->work++;
        best = k;
    }
    if (best < 0 || kj_q_in_quote(x, x->m[best].ns) || x->m[best].ns <= s->ns ||
        d->facts[x->m[best].fact].type != KIJI_FACT_PERSON)
        return -1;
    size_t e = skip_name_suffix(d, x->m[best].ne, s->ne);
    if (e != s->ne && !at(d, e, "。"))
        return -1;
    size_t ps;
    if (!kj_is_hiragana(kj_cp_prev(d, x->m[best].ns, &ps)))
        return -1;
    return x->m[best].fact;
}

/* Paragraphs with text between sentences a <= b (blank lines hold no
 * sentence, so they add nothing): 0 within one paragraph; 9 when far. */
static int para_gap(kiji_doc *d, int a, int b)
{
    if (a < 0 || b < a || b - a > 64)
        return 9;
    int gap = 0;
    for (int s = a + 1; s <= b; s++) {
        d->work++;
        if (d->sent[s].para != d->sent[s - 1].para)
            gap++;
    }
    return gap;
}

/* The start of the clause holding o: the splitter keeps …を主張。「…」と
 * together, but a reader takes the 。 as the end of what came before. */
static size_t clause_start(kiji_doc *d, size_t sst, size_t o)
{
    if (o > d->norm_len) /* a quote's position: cp_before reads before it */
        o = d->norm_len;
    size_t lo = o > sst + KJ_Q_WINDOW ? o - KJ_Q_WINDOW : sst;
    int depth = 0;
    /* the steps in a local, added once (a store to d->work at each made
     * the compiler read the doc's fields again at the next) */
    uint64_t steps = 0;
    for (size_t i = o; i > lo;) {
        size_t ps;
        uint32_t c = cp_before(d, i, &ps);
        steps++;
        /* 。 (U+3002) to 」 (U+300D): one test passes every other */
        if (c - 0x3002 <= CLOSE - 0x3002) {
            if (c == CLOSE)
                depth++;
            else if (c == OPEN && depth > 0)
                depth--;
            else if (c == 0x3002 && depth == 0) {
                d->work += steps;
                return i;
            }
        }
        i = ps;
    }
    d->work += steps;
    return sst;
}

/* Index of the last mention starting before pos, or -1. */
static int mention_before(const kj_qctx *x, size_t pos)
{
    return (int)kj_q_mention_from(x, pos) - 1;
}

/* The fact of the last person (or organization) named before pos outside
 * quotes, over at most 48 mentions back; an organization must end in the
 * sfn bytes at suffix when sfn > 0 (同党 -> …党), and be no public body
 * when a company is meant (同社); a person must be followed by the fln
 * bytes at follow when fln > 0 (容疑者). -1 if none. */
static int last_named(kiji_doc *d, const kj_qctx *x, size_t pos, int type, const char *suffix,
                      size_t sfn, bool company, const char *follow, size_t fln)
{
    int k = mention_before(x, pos);
    for (int n = 0; k >= 0 && n < 48; k--, n++) {
        d->work++;
        const kj_mref *m = &x->m[k];
        if (d->facts[m->fact].type != type || kj_q_in_quote(x, m->ns))
            continue;
        if (sfn > 0 && !(m->ne >= sfn && memcmp(d->norm + m->ne - sfn, suffix, sfn) == 0))
            continue;
        if (fln > 0) { /* 容疑者は: the person named with 容疑者 before */
            size_t e = m->ne;
            for (size_t j = e + 1; d->norm[e] == '(' && j < d->norm_len && j < e + 60; j++) {
                d->work++;
                if (d->norm[j] == ')') {
                    e = j + 1; /* past a reading: 金昌根(キム・チャングン)容疑者 */
                    break;
                }
            }
            /* or its title ends with the role: 太田国土交通大臣 … 同大臣は */
            size_t t = skip_name_suffix(d, m->ne, m->ne + 48 < pos ? m->ne + 48 : pos);
            if (!(e + fln <= d->norm_len && memcmp(d->norm + e, follow, fln) == 0) &&
                !(t >= e + fln && memcmp(d->norm + t - fln, follow, fln) == 0))
                continue;
        }
        if (company && (kj_before(d->norm, m->ne, "会") || kj_before(d->norm, m->ne, "省") ||
                        kj_before(d->norm, m->ne, "庁") || kj_before(d->norm, m->ne, "党") ||
                        kj_before(d->norm, m->ne, "局") || kj_before(d->norm, m->ne, "機構") ||
                        kj_before(d->norm, m->ne, "政府") || kj_before(d->norm, m->ne, "所")))
            continue; /* 同社 is a company, not the committee named before */
        return m->fact;
    }
    return -1;
}

/* The person whose surname (a mention's start) or given name (its end)
 * the len bytes at s are, among the persons mentioned last before o
 * outside quotes, over at most 48 mentions back; -1 if none. */
static int short_named(kiji_doc *d, const kj_qctx *x, size_t s, size_t len, size_t o)
{
    int k = mention_before(x, o);
    for (int m = 0; k >= 0 && m < 48; k--, m++) {
        d->work++;
        const kj_mref *mr = &x->m[k];
        size_t ml = mr->ne - mr->ns;
        if (d->facts[mr->fact].type != KIJI_FACT_PERSON || kj_q_in_quote(x, mr->ns) || ml < len)
            continue;
        if (memcmp(d->norm + mr->ns, d->norm + s, len) == 0 ||
            (ml > len && memcmp(d->norm + mr->ne - len, d->norm + s, len) == 0))
            return mr->fact;
    }
    return -1;
}

/* The person a short name right after a quote's verb stands for, though
 * no mention covers it (「…」と語った斎藤だが, 「…」と明かす理恵は): the
 * name modified by the verb is the speaker. The name is the run of kanji
 * and katakana at te, or its first part before a title or honorific
 * (中畑監督は), with だが, は, も, が, に, 、 or 。 after it; it is the
 * surname (a mention's start) or given name (its end) of the person
 * mentioned last before o outside quotes, over at most 48 mentions back.
 * 本人 there is the person named last (「…」と話す本人は). -1 if none. */
static int name_after_verb(kiji_doc *d, const kj_qctx *x, size_t te, size_t o)
{
    static const char *const stops[] = {"だが", "は", "も", "が", "に", "、", "。", NULL};
    int chars;
    size_t r = noun_run_end(d, te, d->norm_len, 10, &chars);
    if (chars < 2)
        return -1;
    /* the longest first part that a title or honorific (or nothing) ends
     * where a stop word follows */
    size_t ne = 0;
    for (size_t e = r; e > te + 3 && ne == 0;) {
        size_t ps, t = skip_name_suffix(d, e, e + 24 < d->norm_len ? e + 24 : d->norm_len);
        kj_cp_prev(d, e, &ps);
        d->work++;
        if (t >= r) {
            for (int k = 0; stops[k] && ne == 0; k++)
                if (at(d, t, stops[k]))
                    ne = e;
        }
        e = ps;
    }
    if (ne == 0)
        return -1;
    if (ne - te == strlen("本人") && at(d, te, "本人"))
        return last_named(d, x, te, KIJI_FACT_PERSON, NULL, 0, false, NULL, 0);
    return short_named(d, x, te, ne - te, o);
}

enum { ANA_NONE, ANA_PERSON, ANA_ORG, ANA_WRITING, ANA_ROLE, ANA_SELF };

/* A role noun of ja/anaphor_roles at i that stands alone for the person
 * named with it before (山下清人容疑者は… 容疑者は「…」と供述; …フェレンツ
 * 首相の… 首相が「…」と発言): the news style drops the name. A head's title
 * alone, after the name was given with it (…フェレンツ首相), is that person
 * as well. Returns the role's length in bytes, or 0. */
static size_t role_at(kiji_doc *d, size_t i)
{
    size_t ps;
    uint32_t b = i > 0 ? kj_cp_prev(d, i, &ps) : 0;
    if (is_noun_char(b) || b == ')')
        return 0; /* 山下容疑者, 金昌根(キム・チャングン)容疑者: a name with its role */
    int32_t v;
    d->work++;
    return kj_dict_longest(d->p->quote->ja_roles, d->norm, d->norm_len, i, &v);
}

/* An anaphor at i that names a speaker again, with its particle: 同氏は,
 * 彼は, 同社は, 同党も (ANA_PERSON / ANA_ORG; after 同 a word of
 * ja/anaphor_orgs), 記事では, 同紙は, 同記事によると (ANA_WRITING: the
 * article's writer; after 同 a word of ja/anaphor_writings), 容疑者は,
 * 同首相が, 同記者は (ANA_ROLE: the person named with that title), 本人は
 * (ANA_SELF: the person the text is about). Returns the kind; *end is past the particle, the *sfn bytes
 * at *suffix (in the text) the organization ending or the role to match, or
 * for ANA_WRITING the writing that only a body publishes (value 2 of
 * ja/anaphor_writings: 同紙, 同誌) (*sfn 0: none). */
static int anaphor_at(kiji_doc *d, size_t i, size_t *end, const char **suffix, size_t *sfn)
{
    const struct kj_quotedata *q = d->p->quote;
    static const char *const marks[] = {"によりますと", "によると", "によれば", "では",
                                        "は",           "が",       "も",       NULL};
    int kind = ANA_NONE;
    size_t e = i;
    *suffix = NULL;
    *sfn = 0;
    size_t role = role_at(d, i);
    if (role > 0) {
        kind = ANA_ROLE;
        e = i + role;
        *suffix = d->norm + i;
        *sfn = role;
    } else if (at(d, i, "彼女") || (at(d, i, "彼") && !at(d, i, "彼ら"))) {
        kind = ANA_PERSON;
        e = i + (at(d, i, "彼女") ? 6 : 3);
    } else if (at(d, i, "本人")) {
        /* 本人は「…」: the person the text is about, named last (not
         * 日本人, nor 窪塚本人 -- a name before it is its own) */
        size_t ps;
        uint32_t b = i > 0 ? kj_cp_prev(d, i, &ps) : 0;
        if (!is_noun_char(b)) {
            kind = ANA_SELF;
            e = i + strlen("本人");
        }
    } else if (at(d, i, "記事") && !kj_before(d->norm, i, "の") && !kj_before(d->norm, i, "という")) {
        size_t ps;
        uint32_t b = i > 0 ? kj_cp_prev(d, i, &ps) : 0;
        if (!is_noun_char(b)) {
            kind = ANA_WRITING;
            e = i + (at(d, i, "記事内") ? 9 : 6);
        }
    } else if (at(d, i, "同")) {
        size_t s = i + 3, l;
        int32_t v;
        d->work++;
        if ((l = kj_dict_longest(q->ja_ana_writ, d->norm, d->norm_len, s, &v)) > 0) {
            kind = ANA_WRITING;
            e = s + l;
            if (v == 2) { /* 同紙, 同誌: only a body published it */
                *suffix = d->norm + s;
                *sfn = l;
            }
        } else if ((l = kj_dict_longest(q->ja_ana_org, d->norm, d->norm_len, s, &v)) > 0) {
            kind = ANA_ORG;
            e = s + l;
            if (v == 2) { /* 同党 is a party, 同省 a ministry */
                *suffix = d->norm + s;
                *sfn = l;
            }
        }
        if (kind == ANA_NONE) {
            /* 同氏, 同首相, 同社長: a title after 同 */
            size_t t = skip_name_suffix(d, s, s + 24 < d->norm_len ? s + 24 : d->norm_len), ps;
            if (t > s && kj_is_kanji(kj_cp_prev(d, t, &ps))) { /* not 同ユーザー */
                kind = ANA_PERSON;
                e = t;
                if (!at(d, s, "氏")) { /* 同記者: the one named with 記者 */
                    kind = ANA_ROLE;
                    *suffix = d->norm + s;
                    *sfn = t - s;
                }
            }
        } else if (kind == ANA_ORG) {
            size_t n;
            uint32_t c = kj_q_cp(d, e, &n);
            if (is_noun_char(c)) { /* 同社長 is a person, 同社製 no one */
                size_t t = skip_name_suffix(d, s, e + 24 < d->norm_len ? e + 24 : d->norm_len);
                kind = t > e ? ANA_PERSON : ANA_NONE;
                e = t;
                *suffix = NULL;
                *sfn = 0;
            }
        }
    }
    if (kind == ANA_NONE)
        return ANA_NONE;
    if (kind == ANA_WRITING && at(d, i, "同")) {
        /* 同ブログ上では, 同ブログの中で、「…」: where in the writing
         * named before (記事で、 is any article's) */
        if (at(d, e, "上"))
            e += strlen("上");
        else if (at(d, e, "の中"))
            e += strlen("の中");
        if (at(d, e, "で、") || at(d, e, "で「")) {
            *end = e + strlen("で");
            return kind;
        }
    }
    for (int k = 0; marks[k]; k++) {
        d->work++;
        if (at(d, e, marks[k])) {
            *end = e + strlen(marks[k]);
            return kind;
        }
    }
    return ANA_NONE;
}

/* Is the mention whose marker is at mk where something was published: に,
 * then 掲載 in the same clause (Xに「…」という記事が掲載され), at most 60
 * letters on and before hi, with no comma or stop outside quotes between? */
static bool published_in(kiji_doc *d, const kj_qctx *x, size_t mk, size_t hi)
{
    if (!at(d, mk, "に"))
        return false;
    size_t lim = mk + 180 < hi ? mk + 180 : hi;
    for (size_t i = mk + strlen("に"), n; i + 6 <= lim; i = n) {
        d->work++;
        uint32_t c = kj_q_cp(d, i, &n);
        if (n <= i)
            break;
        if (kj_q_in_quote(x, i))
            continue;
        if (c == 0x3001 || c == 0x3002 || c == '\n')
            return false;
        if (at(d, i, "掲載"))
            return true;
    }
    return false;
}

/* The writer of what a later sentence calls 記事 or 同紙: the body or person
 * that published it before (英国紙Xは…記事を掲載, 新聞「X」が…報じた, Xの
 * 記事). Looks back over at most 16 sentences from pos; in a sentence that
 * itself speaks through 記事では, only what comes before that counts. With
 * body, only a body counts (同紙, 同誌: a paper or a magazine is no person
 * who spoke in that sentence, Xに記事が掲載され、Y氏が…). */
static int publisher_before(kiji_doc *d, const kj_qctx *x, size_t pos, bool body)
{
    const kj_dict *cue = d->p->quote->ja_pub_cues;
    int32_t cv;
    int s = kj_sentence_of(d, pos);
    size_t hi = pos;
    bool carry = false;
    for (int n = 0; n < 16 && s >= 0; n++, s--) {
        size_t lo = d->sent[s].ns;
        if (hi > lo + KJ_Q_WINDOW)
            lo = hi - KJ_Q_WINDOW;
        size_t stop = hi;
        /* the splitter may end a sentence inside one (…突入!」と題した記事を
         * 発表した): a cue carries back over a break that is not a 。 */
        bool cued = false;
        if (carry && hi > lo) {
            size_t ps;
            uint32_t b = kj_cp_prev(d, hi, &ps);
            cued = b != 0x3002 && b != '\n' && d->norm[hi] != '\n';
        }
        carry = false;
        for (size_t i = lo; i < stop;) {
            size_t nx, ae, sfn;
            const char *sfx;
            d->work++;
            uint32_t c = kj_q_cp(d, i, &nx);
            if ((c == 0x540C /* 同 */ || c == 0x8A18 /* 記 */) &&
                anaphor_at(d, i, &ae, &sfx, &sfn) == ANA_WRITING) {
                stop = i; /* what follows speaks through the article */
                break;
            }
            if (!cued && word_may_start(d, c, KJ_QW_CUES))
                cued = kj_dict_longest(cue, d->norm, d->norm_len, i, &cv) > 0;
            i = nx;
        }
        if (cued && stop > lo) {
            int best = -1, best_wa = -1;
            size_t end = stop + 64 < d->norm_len ? stop + 64 : d->norm_len;
            for (int k = kj_q_mention_in(x, lo, stop);
                 k >= 0 && (size_t)k < x->nm && x->m[k].ns < stop; k++) {
                d->work++;
                if (kj_q_in_quote(x, x->m[k].ns) ||
                    (body && d->facts[x->m[k].fact].type != KIJI_FACT_ORGANIZATION))
                    continue;
                size_t mk = marker_at(d, x, k, end);
                bool of_writing =
                    at(d, mk, "の") && kj_dict_longest(cue, d->norm, d->norm_len, mk + 3, &cv) > 0;
                if (of_writing || topic_marked(d, x, k, end) || published_in(d, x, mk, stop)) {
                    best = k;
                    if (wa_marked(d, x, k, end))
                        best_wa = k; /* Xは、Y代表が…と報じた: X reports */
                }
            }
            if (best_wa >= 0)
                best = best_wa;
            if (best >= 0)
                return x->m[best].fact;
        }
        carry = cued;
        if (s == 0)
            break;
        hi = d->sent[s - 1].ne;
    }
    return -1;
}

/* The person 本人 at pos stands for: the one named last before it outside
 * quotes, unless a topic that holds no name (福井は, 母親は: a noun run
 * marked by は) stands between that name and pos, within KJ_Q_WINDOW bytes
 * before pos; then who 本人 is is not known. -1 if none. */
static int self_named(kiji_doc *d, const kj_qctx *x, size_t pos)
{
    int f = last_named(d, x, pos, KIJI_FACT_PERSON, NULL, 0, false, NULL, 0);
    if (f < 0)
        return -1;
    size_t from = 0;
    for (int k = mention_before(x, pos), n = 0; k >= 0 && n < 48; k--, n++) {
        d->work++;
        if (x->m[k].fact == f && !kj_q_in_quote(x, x->m[k].ns)) {
            from = x->m[k].ne;
            break;
        }
    }
    if (pos > from + KJ_Q_WINDOW)
        from = pos - KJ_Q_WINDOW;
    for (size_t i = from + 3; i + 3 <= pos; i++) {
        size_t ps = i;
        d->work++;
        if (!at(d, i, "は") || kj_q_in_quote(x, i))
            continue;
        /* the noun run before は; one that holds a name or follows one
         * (斎藤投手は) is a named topic, which last_named has seen */
        bool named = false;
        int n = 0;
        size_t j = i;
        for (; j > 0 && n < 12 && !named && is_noun_char(kj_cp_prev(d, j, &ps)); j = ps, n++) {
            d->work++;
            named = kj_q_mention_at(x, ps) >= 0;
        }
        if (n > 0 && !named && !(j > 0 && kj_q_mention_at(x, j - 1) >= 0))
            return -1;
    }
    return f;
}

/* Is c a character anaphor_speaker tries anaphor_at at: 同, 彼, 記, 本 or the
 * first character of a role of ja/anaphor_roles (ja_anaphor_head, built
 * from the list)? */
static inline bool anaphor_head(const struct kj_quotedata *q, uint32_t c)
{
    if (c >= 0x10000)
        return q->ja_anaphor_astral;
    return q->ja_anaphor_head[c >> 6] >> (c & 63) & 1;
}

/* The last anaphor in [lo, hi) outside quotes, resolved: the fact it names
 * again, or -1. *pos is where it stands (0 when there is none). */
static int anaphor_speaker(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi, size_t *pos,
                           size_t *end)
{
    int kind = ANA_NONE;
    const char *suffix = NULL;
    size_t sfn = 0;
    bool company = false;
    *pos = 0;
    *end = 0;
    if (hi > lo + KJ_Q_WINDOW)
        lo = hi - KJ_Q_WINDOW;
    /* the quote data and the step count in locals: a store to d->work at
     * each character made the compiler read d->p->quote again at the next */
    const struct kj_quotedata *qd = d->p->quote;
    uint64_t steps = 0;
    /* an entry of d->cpx with none of these bits starts a character of
     * the BMP with none of the classes of ja_anaphor_head's characters:
     * no anaphor starts there, and the loop steps over it at once */
    const uint32_t *cpx = d->cpx;
    const uint32_t pass = KJ_CPX_SLOW | 0x1F0000 | qd->ja_anaphor_cc;
    for (size_t i = lo; i < hi;) {
        size_t n, e, sn;
        const char *sfx;
        steps++;
        if (i < d->norm_len && !(cpx[i] & pass)) {
            i += cpx[i] >> KJ_CPX_LEN_SHIFT;
            continue;
        }
        uint32_t c = kj_q_cp(d, i, &n);
        if (anaphor_head(qd, c) && !kj_q_in_quote(x, i)) {
            int k = anaphor_at(d, i, &e, &sfx, &sn);
            if (k != ANA_NONE) {
                kind = k;
                suffix = sfx;
                sfn = sn;
                company = at(d, i, "同社");
                *pos = i;
                *end = e;
                n = e;
            }
        }
        i = n > i ? n : i + 1;
    }
    d->work += steps;
    if (kind == ANA_PERSON)
        return last_named(d, x, *pos, KIJI_FACT_PERSON, NULL, 0, false, NULL, 0);
    if (kind == ANA_SELF)
        return self_named(d, x, *pos);
    if (kind == ANA_ROLE)
        return last_named(d, x, *pos, KIJI_FACT_PERSON, NULL, 0, false, suffix, sfn);
    if (kind == ANA_ORG)
        return last_named(d, x, *pos, KIJI_FACT_ORGANIZATION, suffix, sfn, company, NULL, 0);
    if (kind == ANA_WRITING)
        return publisher_before(d, x, *pos, sfn > 0);
    return -1;
}

/* The last mention in [lo, hi) outside quotes marked by から (野党の民主党
 * からは「…」と批判された, X氏から「…」と言われた): the words come from it.
 * With a passive verb, に right before the quote marks the agent too
 * (X氏にも「…」と突っ込まれた, X新聞に「…」と報じられた); Xには「 is where
 * the words stand, not who spoke them. head is the 「 that opens the
 * quote's chain (X氏に「…」「…」と言われた). Returns the mention index,
 * or -1. */
static int from_agent(kiji_doc *d, const kj_qctx *x, size_t lo, size_t hi, size_t head,
                      bool passive)
{
    if (hi > lo + KJ_Q_WINDOW)
        lo = hi - KJ_Q_WINDOW;
    int best = -1;
    for (int k = kj_q_mention_in(x, lo, hi); k >= 0 && (size_t)k < x->nm && x->m[k].ns < hi; k++) {
        d->work++;
        if (kj_q_in_quote(x, x->m[k].ns))
            continue;
        size_t i = marker_at(d, x, k, hi);
        bool agent =
            at(d, i, "からは") || at(d, i, "からも") || at(d, i, "から「") || at(d, i, "から、");
        if (!agent && passive && at(d, i, "に")) {
            size_t j = i + strlen("に");
            if (at(d, j, "も"))
                j += strlen("も");
            if (at(d, j, "、"))
                j += strlen("、");
            agent = j == head;
        }
        /* X氏から「Q」と訊かれると「A」: X's marker belongs to Q */
        if (agent && x->nq > 0 && x->q[x->nq - 1].is > i && x->q[x->nq - 1].is < head)
            agent = false;
        if (agent && !ends_with_source(d, x, x->m[k].ne, i))
            best = k;
    }
    return best;
}

/* Does [from, to) between two quotes ask a question with a verb of
 * ja/ask_verbs (「Q」と尋ねると、「A」, 「Q」と訊かれるや、「A」) and name no
 * speaker (…と尋ねると、X氏は「A」)? Then A answers Q and is not the
 * asker's. */
static bool asked_between(kiji_doc *d, const kj_qctx *x, size_t from, size_t to)
{
    if (kj_q_mention_in(x, from, to) >= 0)
        return false;
    for (size_t i = from; i < to; i++) {
        int32_t v;
        d->work++;
        if (kj_dict_longest(x->qd->ja_ask, d->norm, d->norm_len, i, &v) > 0)
            return true;
    }
    return false;
}

/* Does one of the eight bytes at u (maybe unaligned) hold '\n', 0x8C or
 * 0x8D, the last bytes of 「 (E3 80 8C) and 」 (E3 80 8D)? For a word x,
 * (x - 0x01..) & ~x & 0x80.. is nonzero exactly when a byte of x is 0. */
static inline bool newline_or_bracket8(const unsigned char *u)
{
    const uint64_t ones = 0x0101010101010101u;
    uint64_t w, a, b;
    memcpy(&w, u, 8);
    a = w ^ 0x0A0A0A0A0A0A0A0Au;          /* '\n' -> 0 */
    b = (w | ones) ^ 0x8D8D8D8D8D8D8D8Du; /* 8C, 8D -> 0 */
    return (((a - ones) & ~a) | ((b - ones) & ~b)) & 0x8080808080808080u;
}

/* The top-level 「」 pairs found so far (kj_quote_ja, step 1). */
typedef struct pairs {
    jcand *cs;
    size_t nc, cap;
    int depth;
    size_t open; /* the 「 of the pair open at depth 1 */
} pairs;

/* The line break (t[i] == '\n'), 「 or 」 at norm[i] (the bracket whole
 * before the scan's end): a line break closes anything left open. */
static void pair_at(kiji_doc *d, pairs *ps, size_t i)
{
    const unsigned char *t = (const unsigned char *)d->norm;
    if (t[i] == '\n') {
        ps->depth = 0;
    } else if (t[i + 2] == 0x8C) {
        if (ps->depth == 0)
            ps->open = i;
        if (ps->depth < 64)
            ps->depth++;
    } else if (ps->depth > 0 && --ps->depth == 0) {
        if (ps->nc == ps->cap) {
            ps->cs = kj_grow(d, ps->cs, ps->nc, ps->cap * 2, sizeof *ps->cs);
            ps->cap *= 2;
        }
        ps->cs[ps->nc++] =
            (jcand){.o = ps->open, .c = i, .after = i + 3, .next = -1, .pspeaker = -1};
    }
}

/* The start of the first 『 (E3 80 8E) in norm[0, end), SIZE_MAX for none:
 * a search for its last byte, which other characters share, then a look
 * at the two before it. */
static size_t first_title_open(const kiji_doc *d, size_t end)
{
    const unsigned char *s = (const unsigned char *)d->norm;
    for (size_t i = 2; i < end;) {
        const unsigned char *h = memchr(s + i, 0x8E, end - i);
        if (!h)
            break;
        size_t k = (size_t)(h - s);
        if (s[k - 1] == 0x80 && s[k - 2] == 0xE3)
            return k - 2;
        i = k + 1;
    }
    return SIZE_MAX;
}

/* Is the quote cs[i] one of a run of quotes that stand on their own lines
 * (only spaces and line breaks between them) and that the text around
 * gives to commenters? Either the sentence before the run ends in a clause
 * of their talk (…はネット掲示板で瞬く間に話題となり、⏎「…」, …のツイッター
 * が炎上した。⏎「…」, …疑問の声が上がった。⏎「…」: ja/buzz_words, 声, or a
 * commenters' word before a 、 that the quotes go on), or the run closes
 * on their words (⏎など、批判が殺到した, ⏎といった声が相次いだ). Such a
 * list is others' posts, not the words of whoever spoke last; one that a
 * speaker introduces (次のように語った。) is still theirs. At most 32
 * quotes either way. */
static bool commenters_run(kiji_doc *d, const kj_qctx *x, const jcand *cs, size_t nc, size_t i)
{
    size_t h = i, e = i;
    for (int k = 0; k < 32 && h > 0 && cs[h - 1].quote &&
                    kj_q_skip_space(d, cs[h - 1].after, cs[h].o) == cs[h].o;
         k++)
        h--;
    for (int k = 0; k < 32 && e + 1 < nc && cs[e + 1].quote &&
                    kj_q_skip_space(d, cs[e].after, cs[e + 1].o) == cs[e + 1].o;
         k++)
        e++;
    /* the run closes: など、, といった, との, という + their words */
    size_t p = kj_q_skip_space(d, cs[e].after, d->norm_len < cs[e].after + 16 ? d->norm_len
                                                                            : cs[e].after + 16);
    static const char *const close[] = {"など", "といった", "との", "という", NULL};
    for (int k = 0; close[k]; k++) {
        if (!at(d, p, close[k]))
            continue;
        size_t w = p + strlen(close[k]);
        if (at(d, w, "、"))
            w += strlen("、");
        size_t lim = w + 90 < d->norm_len ? w + 90 : d->norm_len;
        if (commenters_after(d, w, lim, 90))
            return true;
        for (size_t j = w; j < lim; j++) {
            d->work++;
            if (d->norm[j] == '\n' || at(d, j, "、") || at(d, j, "。"))
                break;
            if (blame_at(d, j))
                return true;
        }
        break;
    }
    /* the sentence before the run, when the run opens a sentence */
    int s = kj_sentence_of(d, cs[h].o);
    if (s <= 0 || kj_q_skip_space(d, d->sent[s].ns, cs[h].o) != cs[h].o)
        return false;
    const kj_sentence *ps = &d->sent[s - 1];
    size_t pe = ps->ne;
    size_t b;
    /* …について次のように語った。⏎「…」: the one who introduces them */
    size_t pw = pe > ps->ns + KJ_Q_WINDOW ? ps->ns + KJ_Q_WINDOW : pe;
    if (lit_in(d, ps->ns, pw, "次のように") || lit_in(d, ps->ns, pw, "以下のように"))
        return false;
    while (pe > ps->ns && kj_q_space(kj_cp_prev(d, pe, &b)))
        pe = b;
    uint32_t last = pe > ps->ns ? kj_cp_prev(d, pe, &b) : 0;
    bool comma = last == 0x3001;
    if (comma || last == 0x3002)
        pe = b;
    /* its last clause: after the 、 before it, at most a window back */
    size_t cl = pe > ps->ns + KJ_Q_WINDOW ? pe - KJ_Q_WINDOW : ps->ns;
    for (size_t j = pe; j > cl;) {
        uint32_t c = kj_cp_prev(d, j, &b);
        d->work++;
        if (c == 0x3001 || c == 0x3002 || c == CLOSE) {
            cl = j;
            break;
        }
        j = b;
    }
    return word_in_clause(d, cl, pe, pe - cl, d->p->quote->ja_buzz, KJ_QW_BUZZ, false) ||
           word_in_clause(d, cl, pe, pe - cl, d->p->quote->ja_commenters, KJ_QW_COMMENTERS,
                          !comma);
}

/* Between topic k (X は or も) and the quotes at o: one clause that ends
 * in a speaking verb of ja/speech_verbs and a comma right before o (…に
 * ついてツイートしており、「), at most 40 letters, naming no one else and
 * holding no other comma, stop or quote. */
static bool spoke_before(kiji_doc *d, const kj_qctx *x, int k, size_t o)
{
    size_t e = skip_name_suffix(d, x->m[k].ne, o);
    if (!(at(d, e, "は") || at(d, e, "も")) || o < e + 6 || o - e > 120 || !at(d, o - 3, "、"))
        return false;
    size_t from = e + strlen("は"), vs = 0, ve = 0, stop;
    for (size_t j = from; j + 3 < o; j++) {
        d->work++;
        if (at(d, j, "、") || at(d, j, "。") || at(d, j, "「") || d->norm[j] == '\n')
            return false;
    }
    /* the verb closes the clause: only its kana ending follows (ツイート
     * し|ており, not 書き込み|を読んでおり) */
    bool closes = false;
    for (size_t p = from; !closes && p < o - 3;) {
        int32_t v = 0;
        if (!find_verb(d, x, p, o - 3, &vs, &ve, &stop, &v))
            break;
        closes = v == 1;
        for (size_t j = ve, n; closes && j < o - 3; j = n) {
            d->work++;
            closes = kj_is_hiragana(kj_q_cp(d, j, &n));
        }
        p = ve;
    }
    return closes && !others_between(d, x, from, o) && kj_q_mention_in(x, from, o) < 0;
}

/* Between topic k (X は or も and a comma) and the quotes at o: nothing,
 * or at most a short phrase of where or what the words are about (試合後
 * には, ほかのツイートでも, 英メディアの姿勢を), with no comma, stop, quote
 * or line break, naming no one else and no place where others write
 * (others_between: ネット上では, 掲示板には). X speaks the quotes (奥寺氏も、
 * 試合後には「…」といったツイートを行い). Without the comma the words may
 * be said of X (前田も「…」など陰口を叩かれ; X は「 is the rule above). */
static bool topic_short_lead(kiji_doc *d, const kj_qctx *x, int k, size_t o)
{
    size_t e = skip_name_suffix(d, x->m[k].ne, o);
    if (!(at(d, e, "は") || at(d, e, "も")) || o < e + 3)
        return false;
    size_t from = e + strlen("は");
    if (!at(d, from, "、"))
        return false;
    from += strlen("、");
    if (o < from || o - from > 15 * 3)
        return false;
    for (size_t j = from; j < o; j++) {
        d->work++;
        if (at(d, j, "、") || at(d, j, "。") || at(d, j, "「") || at(d, j, "」") || d->norm[j] == '\n')
            return false;
    }
    return !others_between(d, x, from, o) && kj_q_mention_in(x, from, o) < 0;
}

void kj_quote_ja(kiji_doc *d, kj_qctx *x, size_t from, size_t to)
{
    x->title0 = first_title_open(d, d->norm_len);
    /* 1. top-level 「」 pairs; a line break closes anything left open */
    pairs pr = {kj_alloc(d, 16 * sizeof(jcand)), 0, 16, 0, 0};
    const unsigned char *t = (const unsigned char *)d->norm;
    size_t end = to < d->norm_len ? to : d->norm_len;
    /* kj_structure noted those in norm[0, qmarks_end) (d->qmarks) */
    for (size_t k = 0; k < d->nqmarks; k++) {
        size_t i = d->qmarks[k];
        d->work++;
        if (i < from)
            continue;
        if (i >= end || (t[i] != '\n' && end - i < 3))
            break;
        pair_at(d, &pr, i);
    }
    /* A byte scan of the rest: 「 and 」 are E3 80 8C and E3 80 8D in
     * UTF-8, and no other character's encoding contains those three bytes
     * in a row (continuation bytes never start one), nor a newline byte.
     * So a character that the decoded text (d->cpx) holds whole before end
     * is neither unless its code point says so, and the scan steps over it
     * at once. */
    for (size_t i = from > d->qmarks_end ? from : d->qmarks_end; i < end; i++) {
        d->work++;
        /* Eight bytes with no newline and no last byte of 「 or 」 hold
         * neither whole: step six, so a bracket that starts in the last two
         * is read from the next window. i may land inside a character:
         * the tests below pass a continuation byte by. */
        while (end - i >= 8 && !newline_or_bracket8(t + i)) {
            i += 6;
            d->work++;
        }
        uint32_t v = d->cpx[i];
        size_t cl = v >> KJ_CPX_LEN_SHIFT;
        if (v < KJ_CPX_SLOW && cl <= end - i && (v & KJ_CPX_CP) != '\n' &&
            (v & KJ_CPX_CP) != 0x300C && (v & KJ_CPX_CP) != 0x300D) {
            i += cl - 1;
            continue;
        }
        if (t[i] == '\n') {
            pair_at(d, &pr, i);
            continue;
        }
        if (t[i] != 0xE3 || end - i < 3 || t[i + 1] != 0x80 ||
            (t[i + 2] != 0x8C && t[i + 2] != 0x8D))
            continue;
        pair_at(d, &pr, i);
        i += 2;
    }
    jcand *cs = pr.cs;
    size_t nc = pr.nc;

    /* 2. decide right to left, so a chain 「A」「B」と inherits from B */
    for (size_t i = nc; i > 0; i--)
        decide(d, x, cs, nc, i - 1);

    /* 3. speakers left to right: a continuing quote keeps the last speaker */
    int last = -1, last_sent = -1, prev = -1; /* prev: the quote just before */
    size_t prev_close = 0;
    /* asker: who put the last question answered in this paragraph (X氏から
     * 「Q1」と訊かれると「A1」…「Q2」と尋ねられると「A2」: A2 is not X's
     * either, though Q2's asker is unnamed); asker_para: its paragraph */
    int asker = -1, asker_para = -1;
    /* X氏に「Q」と振られると「A」と返した: Q's agent asks, the passive's
     * subject answers. answerer: that subject (the topic before the agent,
     * or one carried from before; -1 when none is named);
     * agent_close: the 」 of Q, 0 when the quote before was no such one */
    int answerer = -1;
    size_t agent_close = 0;
    /* named_sent: the sentence whose quote a titled name no fact covers
     * spoke (巨人の桃井恒和球団社長は「A」としたうえで、「B」): B is theirs
     * too, and no one carried from before speaks it */
    int named_sent = -1;
    static const char new_note[] =
        "the subject right before the quote names someone new, no known person or organization";
    bool last_close = false; /* last came from a closing name (closing_person) */
    for (size_t i = 0; i < nc; i++) {
        jcand *c = &cs[i];
        bool from_close = false;
        if (!c->quote)
            continue;
        int sent = kj_sentence_of(d, c->o);
        size_t sst = kj_q_sent_start(d, c->o);
        size_t cst = clause_start(d, sst, c->o);
        int speaker = -1;
        const char *note = NULL;
        bool subject = false; /* the sentence names who speaks */

        if (c->pspeaker >= 0) {
            speaker = c->pspeaker;
            subject = true;
        } else if (c->pnote) {
            note = c->pnote; /* 「…」(スポーツ紙デスク) */
            subject = true;
        }
        /* 「…」という問いに: the asker speaks only when marked by から
         * (司会のX氏から「…」という質問が出ると); the one who answers does not */
        if (speaker < 0 && c->asked) {
            int k = from_agent(d, x, cst, c->o, c->o, false);
            if (k >= 0 && !others_between(d, x, marker_at(d, x, k, c->o) + strlen("から"), c->o))
                speaker = x->m[k].fact;
            else
                note = "a question put by an unnamed asker (という問いに, との質問に)";
            subject = true;
        }
        if (speaker < 0 && c->re > c->rs) {
            /* the name must stand in the clause of と: 「…」と、踏み切ったと
             * され、X氏は… starts another clause at the 、 after a verb */
            size_t re = c->re;
            for (size_t p = c->rs + 3; p + 3 <= re; p++) {
                size_t ps;
                d->work++;
                if (at(d, p, "、") && kj_is_hiragana(kj_cp_prev(d, p, &ps))) {
                    re = p;
                    break;
                }
            }
            int k = kj_q_mention_in(x, c->rs, re);
            for (; k >= 0 && (size_t)k < x->nm && x->m[k].ns < re; k++) {
                d->work++;
                size_t e = skip_name_suffix(d, x->m[k].ne, c->re + 3);
                if (ga_clause_modifies(d, x, k, c->re))
                    continue; /* と、Xが…とする芸能人: X modifies a noun */
                if (topic_marked(d, x, k, c->re + 3) || e >= c->re) {
                    speaker = x->m[k].fact;
                    subject = true;
                    break;
                }
            }
            if (speaker < 0 && unnamed_topic(d, x, c->rs, c->re)) {
                note = "the speaker is an unnamed source";
                subject = true;
            }
            /* 「…」と、X以外のメンバーが非難した, と他の出演者が: people with
             * no name (ja/unnamed_people) marked by が or は report the
             * words, not the one who spoke before */
            for (size_t p = c->rs + 3; speaker < 0 && !subject && p + 3 <= re; p++) {
                d->work++;
                if ((at(d, p, "が") || at(d, p, "は")) && !kj_q_in_quote(x, p) &&
                    unnamed_people_before(d, x, p)) {
                    note = "the speaker is someone unnamed (妻は, 女性が)";
                    subject = true;
                }
            }
            /* 「…」と名古屋市長の河村たかし氏が発言: someone is named there,
             * though no person fact covers the name; no one before speaks */
            for (size_t p = c->rs; speaker < 0 && !subject && p + 6 <= re; p++) {
                d->work++;
                if (at(d, p, "氏が") || at(d, p, "氏は") || at(d, p, "さんが") ||
                    at(d, p, "さんは")) {
                    note = "the speaker named after the quote is not a known person";
                    subject = true;
                }
            }
        }
        /* Before the quote, the speaker phrase nearest to it wins: a topic
         * (X氏は), an anaphor (同氏は, 同社は, 記事では) or a source marked by
         * から (X党からは「…」と批判された, which a passive verb or a
         * commenters' nominal does not override). */
        int kt = -1, ka = -1, af = -1;
        size_t apos = 0, aend = 0, chain_o = c->o;
        if (!subject) {
            size_t h = i;
            while (h > 0 && cs[h - 1].next == (int)h && cs[h - 1].quote)
                h--;
            chain_o = cs[h].o;
            /* セルジオ氏による「…」: by someone named with an honorific
             * whom no fact covers (X氏による「…」 with a person X is
             * topic_marked's); no one before speaks */
            static const char *const by[] = {"氏による", "氏による、", "さんによる",
                                             "さんによる、", NULL};
            for (int k = 0; by[k] && !subject; k++) {
                size_t l = strlen(by[k]);
                if (chain_o >= cst + l + 3 && at(d, chain_o - l, by[k]) &&
                    kj_q_mention_at(x, chain_o - l - 1) < 0) {
                    note = new_note;
                    subject = true;
                }
            }
        }
        if (!subject) {
            kt = last_topic(d, x, cst, c->o, false);
            size_t h = i;
            while (h > 0 && cs[h - 1].next == (int)h && cs[h - 1].quote)
                h--;
            chain_o = cs[h].o;
            ka = from_agent(d, x, cst, c->o, cs[h].o, c->passive);
            af = anaphor_speaker(d, x, cst, c->o, &apos, &aend);
            size_t tpos = kt >= 0 ? x->m[kt].ns : 0;
            size_t fpos = ka >= 0 ? x->m[ka].ns : 0;
            if (apos > 0 && (kt < 0 || apos > tpos) && (ka < 0 || apos > fpos)) {
                kt = -1; /* the anaphor stands nearest */
                ka = -1;
            } else {
                af = -1;
                apos = 0;
            }
            if (ka >= 0 && (kt < 0 || fpos > tpos) &&
                !others_between(d, x, marker_at(d, x, ka, c->o) + strlen("から"), c->o)) {
                speaker = x->m[ka].fact;
                subject = true;
            }
        }
        /* 「…」と続けた keeps the topic, or the speaker of the quote just
         * before (GUIDELINES), even where the words mention others (その発言が
         * ネット上では「…」と続けた is still the commentator's) */
        if (speaker < 0 && !subject && ka < 0 && apos == 0 && c->ve > c->vs &&
            at(d, c->vs, "続け")) {
            /* 妻は「…」と話を続けた: someone unnamed takes over */
            size_t lo = kt >= 0 ? skip_name_suffix(d, x->m[kt].ne, c->o) : cst;
            if (unnamed_subject(d, x, own_clause(d, lo, c->o), c->o))
                note = "the speaker is someone unnamed (妻は, 女性が)";
            else if (kt >= 0)
                speaker = x->m[kt].fact;
            else if (prev >= 0 && para_gap(d, last_sent, sent) == 0)
                speaker = prev;
            subject = speaker >= 0 || note;
        }
        if (speaker < 0 && !subject && c->passive) {
            note = "the subject of a passive reporting verb (批判を受けた) is not the speaker";
            subject = true;
        }
        /* 大島麻衣は「…」「…」など、…と暴露した: a person whose は opens
         * the quotes speaks them, など or not (ネット上では「…」など is the
         * commenters') */
        if (speaker < 0 && !subject && c->nominal && !answered(d, x, cs, nc, i) && kt >= 0 &&
            apos == 0 && ka < 0 &&
            d->facts[x->m[kt].fact].type == KIJI_FACT_PERSON && chain_o >= x->m[kt].ne + 3 &&
            chain_o - x->m[kt].ne <= 15 && at(d, chain_o - 3, "は") &&
            !others_between(d, x, x->m[kt].ne, chain_o)) {
            bool comma = false;
            for (size_t r = x->m[kt].ne; r + 3 <= chain_o && !comma; r++)
                comma = at(d, r, "、");
            if (!comma) {
                speaker = x->m[kt].fact;
                subject = true;
            }
        }
        /* 夫のXも…ツイートしており、「…」「…」など、…語った: the clause
         * of X's topic ends in a speaking verb and a comma right before the
         * quotes; X speaks them, as above */
        if (speaker < 0 && !subject && c->nominal && !answered(d, x, cs, nc, i) && kt >= 0 &&
            apos == 0 && ka < 0 && d->facts[x->m[kt].fact].type == KIJI_FACT_PERSON &&
            (spoke_before(d, x, kt, chain_o) || topic_short_lead(d, x, kt, chain_o))) {
            speaker = x->m[kt].fact;
            subject = true;
        }
        if (speaker < 0 && !subject && c->nominal) {
            note = "words of unnamed commenters (との声, といった書き込み)";
            subject = true;
        }
        if (speaker < 0 && !subject && c->ve > c->vs) {
            /* 「…」と呟いた有吉。 -- the speaker right after the verb */
            size_t te = inflection_end(d, c->ve);
            if (te == c->ve && at(d, te, "す"))
                te += strlen("す"); /* 明かす, 話す */
            int k = kj_q_mention_in(x, te, te + 1);
            if (k >= 0) {
                speaker = x->m[k].fact;
                subject = true;
            } else if ((speaker = name_after_verb(d, x, te, c->o)) >= 0) {
                subject = true; /* 「…」と語った斎藤だが */
            }
        }
        /* an unnamed source after it speaks (記事によると、番組関係者は「…」) */
        if (speaker < 0 && !subject && (apos > 0 || kt >= 0) &&
            unnamed_topic(d, x, apos > 0 ? aend : x->m[kt].ne, c->o)) {
            note = "the speaker is an unnamed source";
            subject = true;
        }
        if (speaker < 0 && !subject && apos > 0) {
            if (others_between(d, x, aend, c->o)) {
                note = "spoken by unnamed people (からは, では)";
                subject = true;
            } else if (unnamed_subject(d, x, own_clause(d, aend, c->o), c->o)) {
                /* 同誌は、…前述した芸人が「…」と発言した旨を伝える: the
                 * anaphor reports; the unnamed subject of the quote's own
                 * clause speaks, as after a topic below */
                note = "the speaker is someone unnamed (妻は, 女性が)";
                subject = true;
            } else if (subject_after_cue(d, cue_after(d, apos, aend), c->o)) {
                /* 記事によると、某市議が「…」と述べた: the article reports */
                note = "the source reports; the one named after it speaks";
                subject = true;
            } else if (af >= 0) {
                speaker = af;
                subject = true;
            }
        }
        if (speaker < 0 && !subject) {
            int k = kt;
            /* 産経新聞では、「…」と報じた: the paper's own では is no one else */
            size_t ke = k >= 0 ? x->m[k].ne : 0;
            if (k >= 0 && d->facts[x->m[k].fact].type == KIJI_FACT_ORGANIZATION &&
                at(d, ke, "では") && !platform_before(d, ke))
                ke += strlen("では");
            if (k >= 0 && others_between(d, x, ke, c->o)) {
                note = "spoken by unnamed people (からは, では)";
                subject = true;
            } else if (k >= 0 && topic_after_source(d, x, k, c->o)) {
                note = "the source reports; the one named after it speaks";
                subject = true;
            } else if (k >= 0 &&
                       unnamed_subject(d, x, own_clause(d, skip_name_suffix(d, ke, c->o), c->o),
                                       c->o)) {
                /* 安藤氏が紹介した話は、レジの女性が「…」と対応した: the
                 * subject of the quote's own clause is someone unnamed */
                note = "the speaker is someone unnamed (妻は, 女性が)";
                subject = true;
            } else if (k >= 0 && cue_only(d, x, k, c->vs, c->ve, c->o)) {
                /* the source reports; the speaker is carried below */
            } else if (k >= 0 && joint_topic(d, x, k)) {
                note = "a joint statement of two named together (X氏とY氏は)";
                subject = true;
            } else if (k >= 0 && new_after_quote(d, x, cs, i, k, cst, chain_o)) {
                note = new_note;
                named_sent = sent;
                subject = true;
            } else if (k >= 0) {
                speaker = x->m[k].fact;
                subject = true;
            } else if (unnamed_topic(d, x, cst, c->o)) {
                note = "the speaker is an unnamed source";
                subject = true;
            }
        }
        if (speaker < 0 && !subject && others_between(d, x, cst, c->o)) {
            note = "spoken by unnamed people (からは, では)";
            subject = true;
        }
        if (speaker < 0 && !subject) {
            /* 「…」と続けた: the clause names nobody, so the speaker is the
             * one of the quote before it in this sentence, the topic of the
             * clause or sentence before (of the paragraph before too when
             * that one ends 次のように述べた), the paper that reports (「…」
             * と伝えた, 報じた), or the last speaker of this paragraph or of
             * one of the two before when no one else is the topic between */
            int gap = para_gap(d, last_sent, sent);
            /* 韓国の郵政事業本部は「…」: a subject of its own, though no
             * fact, takes the words from an organization carried over (a
             * paper that reported the paragraph before speaks only its own
             * words); a person carried over keeps them (試合序盤は「…」) */
            size_t own_at = 0;
            bool own = own_subject_before(d, own_clause(d, cst, chain_o), chain_o, &own_at);
            /* beyond its paragraph, only a quote that is reported (a verb
             * or a sentence of its own) carries the speaker on */
            bool reported = c->ve > c->vs || c->standalone || c->rs > 0;
            bool unnamed = unnamed_subject(d, x, cst, c->o);
            /* 「…」とある, 「…」と書かれていた: words on a page or a sign
             * that no one in the clause wrote are not the last speaker's */
            bool written = written_after(d, c->after);
            if (unnamed || written) {
                gap = 9;
            } else if (agent_close > 0 && agent_close == prev_close && !c->passive &&
                       c->o < prev_close + 48 && kj_q_mention_in(x, prev_close, c->o) < 0) {
                /* 「A」 answers the agent's 「Q」 right before it; a later
                 * answer in the paragraph is not the agent's either */
                speaker = answerer;
                if (speaker < 0)
                    note = "the answer to a question is not the asker's";
                asker = prev;
                asker_para = sent >= 0 ? d->sent[sent].para : -1;
                gap = 9;
            } else if (last >= 0 && last_sent == sent) {
                speaker = last;
            } else if (cst > sst) {
                int k = last_topic(d, x, sst, cst, true);
                if (k >= 0)
                    speaker = x->m[k].fact;
            } else if (sent > 0) {
                const kj_sentence *ps = &d->sent[sent - 1];
                size_t pe = ps->ne > ps->ns + KJ_Q_WINDOW ? ps->ns + KJ_Q_WINDOW : ps->ne;
                /* …は次のように述べた。⏎「…」 */
                bool follows =
                    lit_in(d, ps->ns, pe, "次のように") || lit_in(d, ps->ns, pe, "以下のように");
                /* その対談の中で、Xは⏎「…」: the line breaks right after a
                 * person's topic, whose predicate is the quote below */
                int kl = topic_ends_line(d, ps->ns, c->o) ? last_topic(d, x, ps->ns, ps->ne, true) : -1;
                if (kl >= 0 && d->facts[x->m[kl].fact].type == KIJI_FACT_PERSON) {
                    size_t e = skip_name_suffix(d, x->m[kl].ne, c->o);
                    if ((at(d, e, "は") || at(d, e, "も")) &&
                        kj_q_skip_space(d, e + strlen("は"), c->o) == c->o)
                        speaker = x->m[kl].fact;
                }
                if ((follows && reported) || para_gap(d, sent - 1, sent) == 0) {
                    int k = last_topic(d, x, ps->ns, ps->ne, true);
                    if (k >= 0)
                        speaker = x->m[k].fact;
                }
                /* …とぶちまけた小川。⏎「…」と語ると: the person the
                 * paragraph before closes on speaks a reported quote */
                bool first = i == 0 || kj_sentence_of(d, cs[i - 1].o) != sent;
                if (speaker < 0 && reported && first && para_gap(d, sent - 1, sent) <= 1 &&
                    !names_before(d, x, sst, c->o) && !named_after(d, cs, nc, i)) {
                    speaker = closing_person(d, x, sent - 1);
                    from_close = speaker >= 0;
                }
            }
            if (speaker < 0 && !unnamed && c->ve > c->vs &&
                (at(d, c->vs, "報じ") || at(d, c->vs, "伝え") || at(d, c->vs, "報道")))
                speaker = publisher_before(d, x, c->o, false);
            /* a speaker carried from a closing name gives way to anyone
             * named before the quote (枡田アナが「…」と尋ねる) */
            if (speaker < 0 && last >= 0 && (gap == 0 || reported) &&
                (gap <= 1 || (gap == 2 && last_topic(d, x, d->sent[last_sent].ne, cst, false) < 0)) &&
                !(last_close && honored_subject(d, cst, c->o))) {
                if (c->standalone && commenters_run(d, x, cs, nc, i))
                    note = "words of unnamed commenters (との声, といった書き込み)";
                else
                    speaker = last;
            }
            /* 番組MCの魔裟斗が、「…」と尋ねると: a role and の, then a
             * subject marked by が or も, names someone new, though no
             * person fact covers the name; a person carried over does not
             * speak. The subject stands before the first quote of a run
             * (指揮官のXも「A」「B」と), so every quote of it is read there. */
            if (own && speaker >= 0 && d->facts[speaker].type == KIJI_FACT_PERSON &&
                own_at >= 3 && at(d, own_at - 3, "の") && role_ga(d, own_at, chain_o))
                speaker = -1;
            /* 巨人の桃井恒和球団社長は「…」: a name with a title, though no
             * person fact, is someone new; neither a person nor a body
             * carried over speaks (the body's desk below is no name) */
            if (own && speaker >= 0 && titled_subject(d, x, own_at, chain_o)) {
                speaker = -1;
                named_sent = sent;
                note = new_note;
            } else if (speaker >= 0 && named_sent == sent && !own) {
                speaker = -1;
                note = new_note;
            }
            if (own && speaker >= 0 && d->facts[speaker].type == KIJI_FACT_ORGANIZATION) {
                /* 日本テレビの総合広報部は「…」: the body's own desk keeps it */
                bool desk = false;
                if (own_at >= 3 && at(d, own_at - 3, "の")) {
                    size_t lo = own_at > 3 + 96 ? own_at - 3 - 96 : 0;
                    for (int k = kj_q_mention_in(x, lo, own_at - 3);
                         k >= 0 && (size_t)k < x->nm && x->m[k].ns < own_at - 3; k++) {
                        d->work++;
                        if (x->m[k].ne == own_at - 3 && x->m[k].fact == speaker)
                            desk = true;
                    }
                }
                if (!desk)
                    speaker = -1;
            }
            size_t na = c->after + strlen("とある");
            if (speaker < 0 && written && at(d, c->after, "とある") &&
                is_noun_char(kj_u8_next(d->norm, d->norm_len, &na)))
                note = "the speaker is someone unnamed (妻は, 女性が)"; /* とある支持者 */
            else if (speaker < 0 && written)
                note = "words written somewhere, not said (「…」とある, と書かれた)";
            else if (speaker < 0 && !note)
                note = "no speaker is named in the sentence or the one before it";
        }
        int para = sent >= 0 ? d->sent[sent].para : -1;
        if (asker_para != para)
            asker = -1;
        if (speaker >= 0 && (speaker == prev || speaker == asker) && c->o > prev_close &&
            c->o < prev_close + 48 && asked_between(d, x, prev_close, c->o)) {
            if (speaker == prev)
                asker = prev;
            asker_para = para;
            speaker = -1;
            note = "the answer to a question is not the asker's";
        }
        agent_close = 0;
        if (ka >= 0 && speaker == x->m[ka].fact &&
            (c->passive || (c->ve > c->vs && at(d, c->ve, "られ")))) {
            /* a passive whose agent is marked by に or から (X氏に「…」と
             * 振られ, X氏から「…」と声をかけられ): its subject is the topic
             * before the agent, the one who spoke last in this paragraph or
             * the one before, or the topic of the sentence before */
            agent_close = c->c;
            answerer = -1;
            if (kt >= 0 && x->m[kt].ns < x->m[ka].ns && x->m[kt].fact != speaker)
                answerer = x->m[kt].fact;
            else if (kt < 0 && last >= 0 && last != speaker && last != asker &&
                     para_gap(d, last_sent, sent) <= 1)
                answerer = last;
            else if (kt < 0 && last < 0 && sent > 0 && para_gap(d, sent - 1, sent) == 0) {
                /* 山本は会見に出席した。司会のX氏に「Q」と… */
                int kp = last_topic(d, x, d->sent[sent - 1].ns, d->sent[sent - 1].ne, true);
                if (kp >= 0 && x->m[kp].fact != speaker)
                    answerer = x->m[kp].fact;
            }
        }
        kj_q_emit(d, x, c->o + 3, c->c, speaker, note, c->vs, c->ve, c->partial);
        prev = speaker;
        prev_close = c->c;
        if (speaker >= 0) {
            last_close = from_close || (last_close && speaker == last);
            last = speaker;
            last_sent = sent;
        }
    }
}

/* ---- statements -------------------------------------------------------- */

/* Start of the source phrase before a modifier (事情に詳しい, 欧州の核協議を
 * 知る) ending at s: noun runs joined by の, or a demonstrative (この件). */
static size_t modifier_start(kiji_doc *d, const kj_qctx *x, size_t s)
{
    size_t t = s, best = s;
    for (int k = 0; k < 10 && t > 0; k++) {
        size_t ps;
        kj_cp_prev(d, t, &ps);
        t = ps;
        d->work++;
        int32_t v;
        if (kj_dict_get(x->qd->ja_mods, d->norm + t, s - t, &v)) {
            best = t;
            break;
        }
    }
    if (best == s)
        return s;
    size_t p = best;
    for (int k = 0; k < 24 && p > 0; k++) {
        size_t ps;
        uint32_t c = kj_cp_prev(d, p, &ps);
        d->work++;
        if (is_noun_char(c)) {
            p = ps;
            continue;
        }
        if (c == 0x306E /* の */ && ps > 0) {
            size_t pp;
            uint32_t b = kj_cp_prev(d, ps, &pp);
            if (is_noun_char(b)) {
                p = ps;
                continue;
            }
            if (kj_before(d->norm, p, "この") || kj_before(d->norm, p, "その") ||
                kj_before(d->norm, p, "あの"))
                p = pp;
        }
        break;
    }
    return p;
}

/* Where a scope word (ja/source_scopes: 海外, 現地, 地元) ending at e
 * starts, a whole word (not the 国内 of 社国内), or dflt when none does:
 * 海外のメディア joins the source as 韓国のメディア各社 does. A place
 * right before the word joins with it (米国内のメディア, 中国国内の専門家:
 * the place's own scope), and a one-character word (内) stands only
 * after a place. */
static size_t scope_ends(kiji_doc *d, const kj_qctx *x, size_t e, size_t dflt)
{
    const kj_wordlist *wl = d->p->quote->ja_scopes;
    for (size_t k = 0; k < wl->n; k++) {
        size_t len = strlen(wl->lines[k]);
        d->work++;
        if (len > e || memcmp(d->norm + e - len, wl->lines[k], len) != 0)
            continue;
        size_t b = e - len, pb;
        size_t pst = b > 0 ? kj_q_place_ends(x, b) : b;
        if (pst < b)
            return pst;
        if (len <= 3)
            continue;
        if (b > 0) {
            uint32_t c = kj_cp_prev(d, b, &pb);
            if (kj_is_kanji(c) || kj_is_katakana(c) || c == 0x30FC)
                continue;
        }
        return b;
    }
    return dflt;
}

void kj_statement_ja(kiji_doc *d, kj_qctx *x, size_t from, size_t to)
{
    const struct kj_quotedata *q = x->qd;
    if (to > d->norm_len)
        to = d->norm_len;
    for (size_t i = from; i < to;) {
        /* the lookup's own first-character filters, without the call */
        i = kj_q_source_may_start(d, x, i, to);
        if (i >= to)
            break;
        size_t n = i + (size_t)kj_u8_len((unsigned char)d->norm[i]);
        if (n > to)
            n = to;
        d->work++;
        int32_t v;
        size_t l = kj_dict_longest(q->ja_sources, d->norm, d->norm_len, i, &v);
        if (!l || kj_q_in_quote(x, i)) {
            i = n;
            continue;
        }
        size_t e = i + l, nn;
        uint32_t after = kj_q_cp(d, e, &nn);
        if (is_noun_char(after)) { /* 関係者会議 */
            i = e;
            continue;
        }
        /* a noun run before belongs to the source (業界関係者, 政府高官);
         * a named body there makes it a named source (米国防総省当局者) */
        size_t s = i;
        for (int k = 0; k < 8 && s > 0; k++) {
            size_t ps;
            uint32_t c = kj_cp_prev(d, s, &ps);
            if (!kj_is_kanji(c) && !kj_is_katakana(c) && c != 0x30FC)
                break;
            s = ps;
            d->work++;
        }
        bool is_named = false;
        int named = kj_q_mention_in(x, s > KJ_Q_NAME_MAX ? s - KJ_Q_NAME_MAX : 0, i);
        for (; named >= 0 && (size_t)named < x->nm && x->m[named].ns < i; named++) {
            d->work++;
            if (x->m[named].ne > s) /* overlaps the noun run */
                is_named = true;
        }
        if (!is_named && s >= 3 && kj_before(d->norm, s, "の")) {
            size_t ps;
            kj_cp_prev(d, s, &ps);
            size_t pe = ps;
            if (pe > 0 && d->norm[pe - 1] == ')') { /* フランス国際関係研究所(IFRI)の */
                for (size_t j = pe - 1; j > 0 && pe - j < 24; j--) {
                    d->work++;
                    if (d->norm[j] == '(') {
                        pe = j;
                        break;
                    }
                }
            }
            int k = kj_q_mention_at(x, pe > 0 ? pe - 1 : 0);
            if (k >= 0 && x->m[k].ne == pe)
                is_named = true;
        }
        if (is_named) {
            i = e;
            continue;
        }
        size_t ms = modifier_start(d, x, s), ps0 = s;
        /* 韓国のメディア各社, 英国のネットユーザー: the country the
         * source belongs to is part of the phrase (a named body is not,
         * above); the verb still joins only a bare source */
        if (ms == s && s >= 3 && kj_before(d->norm, s, "の")) {
            size_t pst = kj_q_place_ends(x, s - 3);
            if (pst < s - 3)
                ps0 = pst;
            else
                ps0 = scope_ends(d, x, s - 3, s);
        }
        int32_t cv = 0;
        size_t cl = kj_dict_longest(q->ja_cues, d->norm, d->norm_len, e, &cv);
        if (cl && cv == 1) {
            kj_q_statement(d, ps0 < ms ? ps0 : ms, e, ps0 < ms ? ps0 : ms, e);
            i = e;
            continue;
        }
        if (!cl) {
            i = e;
            continue;
        }
        size_t p = e + cl;
        if (at(d, p, "、"))
            p += 3;
        int32_t vv;
        size_t vl = kj_dict_longest(q->ja_verbs, d->norm, d->norm_len, p, &vv);
        size_t ve = 0;
        if (vl) {
            ve = p + vl;
        } else {
            /* 関係者は、協議は続いていると述べた: a quotative と then a verb */
            size_t send = kj_q_sent_end(d, i),
                   lim = p + KJ_Q_WINDOW < send ? p + KJ_Q_WINDOW : send;
            size_t last_to = 0;
            for (size_t r = p; r < lim;) {
                size_t rn;
                uint32_t c = kj_q_cp(d, r, &rn);
                d->work++;
                if (c == 0x3002 || c == '\n')
                    break;
                if (c == 0x3068 /* と */) {
                    last_to = rn;
                } else if (kj_dict_may_start_cp(q->ja_verbs, c) &&
                           (vl = kj_dict_longest(q->ja_verbs, d->norm, d->norm_len, r, &vv))) {
                    /* after a quotative と, or closing the sentence
                     * (高官は…意欲を示した。) */
                    size_t te = inflection_end(d, r + vl), tn;
                    uint32_t tc = kj_q_cp(d, te, &tn);
                    if ((last_to && r <= last_to + 6) || tc == 0x3002 || te >= send) {
                        ve = r + vl;
                        break;
                    }
                }
                r = rn;
            }
            if (!ve) {
                i = e;
                continue;
            }
            ve = 0; /* the span stays on the source phrase when the verb is far */
        }
        /* 匿名を条件に関係者は語った: the condition belongs to the statement */
        bool bare = ms == s && ps0 == s;
        if (ps0 < ms)
            ms = ps0;
        size_t ss = ms, k = ms;
        if (kj_before(d->norm, k, "、"))
            k -= 3;
        if (kj_before(d->norm, k, "匿名を条件に"))
            ss = k - strlen("匿名を条件に");
        /* the verb joins a bare source (関係者は付け加えた, 専門家は指摘する);
         * a described one stands alone (事情に詳しい関係者) */
        if (ve && bare)
            kj_q_statement(d, ss, inflection_end(d, ve), ms, e);
        else
            kj_q_statement(d, ss, e, ms, e);
        i = e;
    }
}
