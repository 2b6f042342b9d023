/*
 * rec_entity.h -- private interface of the entity recognizers (rec_entity.c,
 * rec_place.c, rec_org.c, rec_person.c).
 *
 * The recognizers first collect entities and their mentions in a per-doc
 * registry (arena memory), then rec_entity.c turns each entity into one
 * fact whose span is its first mention. Per-parser gazetteers are built at
 * init from ICU and parser/data word lists and are read-only afterwards.
 */
#ifndef REC_ENTITY_H
#define REC_ENTITY_H

#include <string.h>

#include "kj.h"

/* Room for one line of ja/titles (rec_person.c refuses longer ones). */
#define TITLE_MAX 128

/* Kinds of gazetteer places. */
enum { PL_COUNTRY = 0, PL_WORLD, PL_CITY, PL_REGION };

typedef struct kj_place {
    char code[4];     /* ISO 3166-1 alpha-2, UN M49, or "" (中東) */
    uint8_t kind;     /* PL_* */
    char *canon_ja;   /* display name used when the text gives only 米 */
    char *canon_en;
} kj_place;

/* The first code points of a dictionary's keys, noted so that a scan asks
 * ent_first_has instead of calling the lookup where no key can start
 * (exact: UTF-8 is prefix-free, so a key whose first character is whole
 * matches only where the text has that character). One ENT_F_* bit names
 * a dictionary's set; the sets share one table of flags per parser
 * (kj_entity.first), read with one load at nearly every character of the
 * entity scans. A value of several bits asks for any of those sets. */
typedef unsigned ent_first;
enum {
    ENT_F_PLACE = 1u << 0,    /* place */
    ENT_F_ABBR = 1u << 1,     /* abbr */
    ENT_F_ORG = 1u << 2,      /* org */
    ENT_F_OSUF = 1u << 3,     /* osuf_ja */
    ENT_F_OSHORT = 1u << 4,   /* oshort_ja */
    ENT_F_TITLE = 1u << 5,    /* title_ja */
    ENT_F_HONOR = 1u << 6,    /* honor_ja */
    ENT_F_OCC = 1u << 7,      /* occ_ja */
    ENT_F_SURNAME = 1u << 8,  /* surname_ja */
    ENT_F_ZHSUR = 1u << 9,    /* ja/surnames_zh */
    ENT_F_OLEAD = 1u << 10,   /* olead_ja */
    /* the last code points of the occupations of occ_ja (value 1), noted
     * as the first ones: occ_before reads none where the character before
     * its end is none of them */
    ENT_F_OCC_LAST = 1u << 11,
    /* the first code points of the kinship words of rec_person.c
     * (kin1_ja, kin2_ja): kin_kana_name is asked at none other */
    ENT_F_KIN = 1u << 12,
    /* their last code points, noted as the first ones: kin_given_read is
     * asked after no other */
    ENT_F_KIN_LAST = 1u << 13,
    /* the last code points of the given-name endings of gend_ja, noted as
     * the first ones: ja_fullname looks up none at a run that ends in no
     * such character */
    ENT_F_GEND_LAST = 1u << 14,
    ENT_F_PLACE_ANY = ENT_F_PLACE | ENT_F_ABBR, /* rec_places */
};

/* Note the first code point of key [key, key + len) in the set f of x; a
 * space also marks a line break, which ent_longest reads as a space. */
void ent_first_add(struct kj_entity *x, ent_first f, const char *key, size_t len);
/* The same for each line of a word list, keyed as kj_dict_add_list keys it. */
void ent_first_list(struct kj_entity *x, ent_first f, const char *list);
/* Let every code point through the set f of x (a key starts mid-character). */
void ent_first_all(struct kj_entity *x, ent_first f);

/* The first two code points of a dictionary's keys that start past ASCII,
 * hashed into a bitmap kept beside it as ent_first keeps the first: where
 * the text's first two code points are no such key's, a lookup finds no
 * key of two code points or more, and a key of one code point lets its
 * first through whole. (In Latin text the lookups rarely miss on the
 * second letter, so those keys are noted by their first word instead.)
 * Of a key that starts with an ASCII letter or digit it keeps the first
 * word, the run of ASCII letters and digits the key opens (South of South
 * Korea, G7 of G7), hashed into another bitmap: the callers (full_at,
 * org_at_cp) refuse a match that ends inside a Latin word, so where the
 * text's run at pos is no key's first word they find nothing there. */
typedef struct ent_pair {
    uint64_t bits[1024]; /* ent_pair_hash of (first, second) */
    /* BMP first code points of one-code-point keys; every bit where a key
     * is not read as code points (no filtering past ASCII), so that the
     * lookups' filter tests one bit */
    uint64_t one[1024];
    uint64_t word[1024]; /* ent_word_hash of the first words of ASCII keys */
    /* what follows such a first word in its key: the word's hash and
     * then the space and the next byte where a space and a byte follow
     * (The Hague: The, ' ', 'H'), else the word's hash and a NUL byte
     * (the key ends, or goes on with no space: U.S.); so where the text's
     * run is followed by white space, the byte after that space is tested
     * as well (The in The Times: no key The T... and no key The) */
    uint64_t next[1024];
    size_t wordmax; /* the longest such first word, in bytes */
} ent_pair;

/* Note the key [key, len) (rec_place.c). */
void ent_pair_add(ent_pair *p, const char *key, size_t len);
/* Where the text's run of ASCII letters and digits, whose ent_word_hash
 * is h (unshifted), is a key's first word and white space follows it:
 * can a key match, the run alone or the run, a space and then b (the
 * text's byte after the white space, a line break read as a space)? */
bool ent_pair_next(const ent_pair *p, uint32_t h, unsigned char b);

static inline uint32_t ent_pair_hash(uint32_t first, uint32_t second)
{
    return ((first * 0x9E3779B1u) ^ (second * 0x85EBCA77u)) >> 16;
}

/* One byte more into the hash h of a first word (ent_pair.word: the
 * index is the hash's top 16 bits). */
static inline uint32_t ent_word_hash(uint32_t h, unsigned char b)
{
    return (h + b + 1) * 0x9E3779B1u;
}

/* Where a scan stops (ent_skip_stops): at a character with one of the
 * classes want (KJ_CC_*), one that a key of the first sets given can start
 * with, or the code point also; built once at init (ent_stops_init), so a
 * scan tests one table where it tested the sets one by one. A scan that
 * passes unnamed characters (pass_unnamed) steps over every character past
 * ASCII that has no name class, whatever the rest says, but a hiragana
 * character that a key of the first sets starts with. */
typedef struct ent_stops {
    /* KJ_CPX_SLOW and the classes want, or every bit when a set lets
     * every character through (kj_entity.first_every): an entry with one of these
     * stops the scan */
    uint32_t mask;
    bool wide;           /* some character past ASCII is in bits (or past U+FFFF) */
    bool pass_unnamed;   /* unnamed characters past ASCII (but listed hiragana) never stop */
    uint8_t ascii[128];  /* 1: the scan stops at this ASCII character */
    uint64_t bits[1024]; /* BMP code points it stops at */
    /* bit c for a BMP code point c past ASCII: where an entry of the table
     * holds c whole, the scan stops there. The three tests above (mask,
     * wide and bits, pass_unnamed) for that entry, made once at init from
     * the classes kj_char_class gives c (those of its entry), so the scan
     * tests one bit per character */
    uint64_t cp_stop[1024];
} ent_stops;

/* The bits of an entry's code point above U+FFFF: an entry without them
 * (and not slow) holds a BMP character. */
#define ENT_CP_ASTRAL ((uint32_t)0x1F0000)

/* No code point for ent_stops_init's also. */
#define ENT_NO_CP UINT32_MAX

/* Fill st: stop at the classes want, where ent_first_has(x, f, c) (f may
 * be 0: no set, or several sets), and at also; with pass_unnamed never at
 * a character past ASCII with no name class but hiragana that f holds.
 * More ASCII stops may be set in st->ascii afterwards. */
void ent_stops_init(ent_stops *st, uint32_t want, const struct kj_entity *x, ent_first f,
                    uint32_t also, bool pass_unnamed);

/* The size in bits of kj_entity.notname_bits. */
#define ENT_NOTNAME_BITS 16384

struct kj_entity {
    kj_place *places;
    size_t nplaces, capplaces;
    kj_dict *place;       /* name -> places index (ja and en keys) */
    kj_dict *abbr;        /* 米 -> places index */
    bool abbr_latin;      /* a key of abbr starts with a Latin letter or digit */
    bool muni_slow;       /* municipality without its quick refusal (tests only) */
    kj_dict *abbr_follow; /* words after 米/仏 that make it a country */
    kj_dict *abbr_splits; /* words starting with 独/加 that are no country (独自) */
    kj_dict *demonym;     /* German -> places index */
    kj_dict *title_ja, *honor_ja, *anaphora_ja;
    kj_dict *anaorg_ja; /* ja/anaphor_orgs: 社, 党 after 同; 2 the same kind (rec_person.c) */
    kj_dict *title_rev_ja; /* ja/titles lines reversed (rec_person.c) */
    kj_dict *title_en, *honor_en;
    kj_dict *title_last_en; /* the last words of title_en's keys */
    /* bit l of title_last_fl[f]: a key of title_last_en begins with the
     * letter 'a' + f and ends with 'a' + l (title_ending's test before
     * the look-up) */
    uint32_t title_last_fl[26];
    /* 1 at the ASCII letters and digits (ent_asc): en_persons' tokenize
     * reads its words' runs of them by the byte */
    uint8_t asc_word[256];
    kj_dict *surname_ja, *notname_ja;
    kj_dict *thing_before_ja; /* 台風, 愛犬: kinds written right before a name (ja/thing_before) */
    uint64_t thing_before_tail; /* bit b - 0x80 for each UTF-8 last byte b of a ja/thing_before word (all bits: one ends in ASCII) */
    uint64_t thing_before_tail2; /* the same for the byte before the last (all bits: one's last character is not 3 bytes) */
    kj_dict *thing_kind_ja; /* ソフト, 行事: kinds of a named thing (ja/thing_kinds) */
    kj_dict *thing_follow_ja; /* 技術, 手術: nouns after a ・ name of a thing (ja/thing_follow) */
    /* bit notname_bit(k) of every key k of notname_ja (rec_person.c): a
     * clear bit says a text is no key, before a walk of the trie */
    uint64_t notname_bits[ENT_NOTNAME_BITS / 64];
    kj_dict *counter_ja; /* ja/counters: 人, 名 (kata_kanji_given_end) */
    kj_dict *rolemod_ja; /* ja/role_modifiers: 広報, 担当 (kata_kanji_given_end) */
    /* ja/name_splits: 津波 (ent_splits_word) */
    kj_dict *splits_ja;
    kj_dict *given_ja, *given_en; /* given names: 喜朗, John */
    kj_dict *gend_ja;             /* last kanji of given names: 郎, 子 */
    kj_dict *occ_ja;              /* 女優 (before a name), 妻 (after) */
    kj_dict *zhsur_ja, *zhgiven_ja; /* 李, 諸葛; 明, 博: Chinese / Korean names */
    kj_dict *osuf_ja, *ogeneric_ja, *ofollow_ja, *olead_ja, *osuf_en, *onot_en, *onot_ja, *onat_en;
    kj_dict *pqual_en; /* en/party_qualifiers: Christian (pass_party_members) */
    kj_dict *ohead_en; /* en/org_heads: Banque, Caisse (rec_org.c pass_heads) */
    kj_dict *paper_en; /* en/paper_words: Times, Herald (rec_org.c pass_papers) */
    /* the capitals that open a word of en/org_heads, each once (BCSI):
     * pass_heads looks only where one of them stands */
    char ohead_caps[27];
    kj_dict *firm_not_ja; /* ja/firm_not: words after 米 that name no company */
    kj_dict *firm_stem_not_ja; /* ja/firm_stem_not: フラッシュ before メモリ */
    const kj_wordlist *media_endings; /* ja/media_endings (rec_org.c pass_media) */
    const kj_wordlist *media_kinds;   /* ja/media_kinds (rec_org.c pass_media_kind) */
    /* the byte lengths of media_endings' lines, measured once in org_init so
     * that media_name, asked at every katakana name before a particle, does
     * no strlen; org_init fails if the list outgrows the array */
    size_t media_len[64];
    /* bit b: a line of media_endings ends in the byte b (media_name's
     * filter; an empty line sets every bit) */
    uint64_t media_last[4];
    size_t media_kind_len[64]; /* byte lengths of media_kinds' lines */
    /* the distinct last three bytes of media_kinds' lines (紙, 社, サイト's
     * ト ...), so that media_kind_before rejects a bracket after any other
     * character in a few compares; 0 tails = no filter (a line shorter than
     * three bytes) */
    char media_kind_tail[8][3];
    int media_kind_ntail;
    /* ja/firm_cues: 大手・, 所属事務所の before a company's katakana name
     * (rec_org.c media_at), and their byte lengths (org_init fails if the
     * list outgrows the array) */
    const kj_wordlist *firm_cues;
    size_t firm_cue_len[32];
    /* bit b: a cue of four bytes or more has the byte b four bytes before
     * its end (the last of the character before its ・ or の), or a cue
     * is shorter (every bit then): firm_cue_before's filter */
    uint64_t firm_cue_end[4];
    /* ja/org_cued: a Latin form of orgs.txt and the word a text must write
     * for the form to name the body (AU, アフリカ: rec_org.c cued_form);
     * org_init fails past 8 lines */
    const kj_wordlist *org_cued;
    kj_dict *org;         /* well-known organization form -> org id */
    kj_dict *org_full;    /* the first form of each line of orgs.txt (its full name) -> org id */
    kj_dict *oshort_ja;   /* ja/org_short: a party's short form -> its line */
    const kj_wordlist *oshort_lines; /* ja/org_short's lines (the full forms) */
    kj_dict *stop_en;     /* ent_stopword's words (en/name_stopwords) */
    kj_dict *person_speech_ja; /* ja/person_speech: 語っ, 話し (human_speech) */
    kj_dict *firm_people_en;   /* en/firm_people: analyst, spokesman */
    kj_dict *weak_title_en;    /* en/weak_titles: General, Chief (title_one) */
    kj_dict *party_en;         /* en/party_members: Democrats (en_persons) */
    const kj_wordlist *title_verbs_en; /* en/title_verbs: was elected (appointed titles) */
    uint64_t title_verb_first[4];      /* the first bytes of its phrases */
    const kj_wordlist *kin_ja; /* ja/kin_endings: おば, じい (kana_given_end) */
    const kj_wordlist *company_en; /* en/company_words: Co, Inc (org_named_ent) */
    int norgs;
    /* the ENT_F_* sets (ent_first) that each BMP code point is in, and
     * the sets that let every code point through */
    uint16_t first[0x10000];
    ent_first first_every;
    int occ_back; /* the longest occupation of ENT_F_OCC_LAST, in characters */
    ent_pair place_pair, org_pair; /* the keys of place and org (full_at, org_at_cp) */
    /* the stops of rec_orgs' pass_known (A-Z, org_first, 新) and of the
     * English rec_places (place_first, abbr_first) */
    ent_stops known_stops, place_stops_en;
    /* known_stops for text not in Japanese: without the lower-case letters
     * that open only keys of one or two lower-case letters (au), which
     * name their body only in Japanese text (rec_org.c cued_form) */
    ent_stops known_stops_latin;
    /* bit c - 'a': a key of orgs.txt opens with the lower-case letter c
     * and is not such a key (org_init) */
    uint32_t org_lower_first;
};

/* Can a key of a set of f start with the code point c? */
static inline bool ent_first_has(const struct kj_entity *x, ent_first f, uint32_t c)
{
    return c >= 0x10000 || (x->first[c] & f);
}

/* The sets of x that a key of can start with the code point c, for a
 * scan that asks about several sets at one character: ent_first_has(x,
 * f, c) is (ent_first_of(x, c) & f) != 0, with one load of the table
 * where each test made its own (a call between them reads it again). */
static inline ent_first ent_first_of(const struct kj_entity *x, uint32_t c)
{
    return c >= 0x10000 ? ~(ent_first)0 : x->first[c];
}

/* One entity being collected. */
typedef struct ent {
    int type;            /* KIJI_FACT_PERSON ... */
    const char *name;    /* fullest form so far (arena, NUL-terminated) */
    size_t namelen;
    /* organizations: kj_org_base of name, read when base_of == name (a
     * new name is a new arena string, so the pointer says whether it is
     * still the name's; ent_org_base) */
    const char *base_of;
    size_t baselen;
    int place;           /* gazetteer index for places, -1 otherwise */
    const char *code;    /* places: ISO 3166-1 / M49 code, NULL = none */
    int kind;            /* places: PL_* */
    bool full_seen;      /* a place's name came from a full form */
    const char *acronym; /* organization / definition acronym */
    const char *title;
    const char *surname; /* persons: the part later mentions use */
    size_t surlen;
    struct ent *aff;
    bool is_aff;         /* some person's affiliation */
    kj_span *m;          /* mentions */
    size_t nm, capm;
    int fact;
} ent;

typedef struct hslot {
    const char *k;
    size_t kl;
    ent *v;
} hslot;

/* An entity mention indexed by position (places and organizations), so a
 * person's "ドイツの" finds the place ending just before の. */
typedef struct mref {
    size_t ns, ne;
    ent *e;
} mref;

typedef struct estate {
    kiji_doc *d;
    const struct kj_entity *x;
    size_t lo, hi; /* scanned span of d->norm */
    ent **e;
    size_t ne, cape;
    hslot *h;
    size_t hcap, hn;
    /* the first words of every organization key "n:Name ..." (a bit per
     * hash of the word), so that a lookup of a run whose first word no
     * organization key starts with is skipped (ent_org_first_word) */
    uint64_t org_fw[16];
    mref *mr;
    size_t nmr, capmr;
    size_t nfrozen; /* mr[0, nfrozen) is sorted and searchable */
    /* (entity, start) and (entity, end) of every mention, so a repeated
     * mention is refused in O(1) */
    struct mkey {
        const ent *e;
        size_t off;
    } *mk;
    size_t mkcap, mkn;
    /* acronym keys ("a:NATO") made so far (rec_org.c define, initials):
     * while there is none, a token that looks like an acronym names no
     * entity, and pass_known does not read it */
    size_t nacronyms;
    size_t nword_acr; /* word acronyms defined (Pemex): the acronym scan reads words too */
    /* rec_person.c's per-document state, made by rec_persons: the town
     * index (built on first use) and the surname filter */
    struct townidx *town;
    /* rec_org.c poss_opens_name and acronym_says: whole-text searches
     * left (each a linear run; a few keep the document linear) */
    int poss_budget;
    int says_budget;
    /* rec_person.c surname_alone: whole-text searches left */
    int alone_budget;
    /* rec_person.c firm_staff: whole-text searches left */
    int firm_budget;
    /* rec_person.c ja_count_surname: searches of the fact list left */
    int recount_budget;
    /* rec_org.c pass_spokes: organizations left to compare a spokesman's
     * body with (each comparison reads one entity; a budget keeps a text
     * of thousands of bodies linear) */
    int spokes_budget;
    /* rec_org.c ja_seg: runs ending in 署 that named no station when read
     * (北町署 before 北町警察署), read again once pass_suffixes has read the
     * whole text (pass_stations_later); at most 8 */
    struct {
        size_t a, b;
    } station_wait[8];
    int nstation_wait;
    /* rec_org.c cued_form: whether the text writes ja/org_cued's word of
     * each line (0 not yet searched, 1 yes, -1 no): one search a text */
    signed char cued_seen[8];
    /* rec_org.c role_acronym: whether the text uses a known acronym that is
     * also a title (GM) as a role anywhere (GMを務める; 0 not yet searched,
     * 1 yes, -1 no): one search a text for each of up to 4 forms */
    struct {
        char form[8];
        signed char seen;
    } role_acr[4];
} estate;

/* rec_entity.c: the registry */
ent *ent_get(estate *s, int type, const char *key, size_t kl); /* NULL if absent */
/* false: no organization key starts with the first word of "n:" key key
 * (a cheap test before ent_get of it or of its longer forms) */
bool ent_org_first_word(const estate *s, const char *key, size_t kl);
ent *ent_make(estate *s, int type, const char *key, size_t kl);
void ent_alias(estate *s, int type, const char *key, size_t kl, ent *e);
/* A registry key: the prefix pfx then the decimal v ("#12", "p7"), or
 * then the first n bytes of p (fewer where p has a NUL byte), written into
 * key (cap bytes) and cut as snprintf cuts. Returns the whole key's length
 * (cap or more when it was cut), as snprintf does; the keys are made at
 * every organization and place mention, so not by snprintf. */
int ent_key_num(char *key, size_t cap, const char *pfx, int v);
int ent_key_str(char *key, size_t cap, const char *pfx, const char *p, size_t n);
/* Add a mention; false when it repeats or overlaps one already there. */
bool ent_mention(estate *s, ent *e, size_t ns, size_t ne);
void ent_set_name(estate *s, ent *e, const char *p, size_t n);
/* Arena copy with line breaks as single spaces. */
char *ent_strnorm(kiji_doc *d, const char *p, size_t n);
/* The same into r (room for n + 1 bytes); returns the length written. */
size_t ent_strnorm_to(char *r, const char *p, size_t n);
bool ent_stopword(const kiji_doc *d, size_t ns, size_t ne);
/* Whether a word of ja/name_splits opens at the last code point before end
 * and runs past end: a name may not end there (大津 in 大津波). */
bool ent_splits_word(const estate *s, size_t end);
/* The place or organization mention ending exactly at ne, or NULL. */
ent *ent_ending_at(estate *s, size_t ne);
/* The entity of type with a frozen mention exactly [ns, ne), or NULL. */
ent *ent_exactly(estate *s, int type, size_t ns, size_t ne);
bool ent_covered(estate *s, int type, size_t ns, size_t ne);
/* Sort the mentions so far for the lookups above. */
void ent_freeze(estate *s);
/* The first of the sorted (frozen) mentions that ends at or after ne: a
 * binary search, one work step a probe. */
size_t ent_frozen_from(estate *s, size_t ne);
/* Any place or organization mention overlapping [ns, ne). */
bool ent_overlaps(estate *s, size_t ns, size_t ne);

/* Character helpers. Inline: the recognizers call them at every code point
 * of the text, several times, and a call costs more than the work. */

/* The code point at d->norm[i] and the start of the next one in *next; at
 * or past the end 0, *next = norm_len. Read from the decoded text
 * (kj_cp_next: what kj_u8_next finds there). */
static inline uint32_t ent_cp(const kiji_doc *d, size_t i, size_t *next)
{
    if (i >= d->norm_len) {
        *next = d->norm_len;
        return 0;
    }
    uint32_t v = d->cpx[i];
    if (v < KJ_CPX_SLOW) {
        /* a sequence in the table ends by norm_len */
        *next = i + (v >> KJ_CPX_LEN_SHIFT);
        return v & KJ_CPX_CP;
    }
    size_t j = i;
    uint32_t c = kj_cp_next_slow(d, d->norm_len, &j);
    *next = j;
    return c;
}

/* The classes an entry of d->cpx holds (KJ_CC_*). */
#define ENT_CC (KJ_CC_NAME | KJ_CC_UPPER)

/* ent_cp, and the classes of that code point in *cls (kj_char_class's;
 * one load where the table holds the character), so a scan tests a class
 * bit where it would test the predicate. */
static inline uint32_t ent_cpc(const kiji_doc *d, size_t i, size_t *next, uint32_t *cls)
{
    if (i < d->norm_len) {
        uint32_t v = d->cpx[i];
        if (v < KJ_CPX_SLOW) {
            *next = i + (v >> KJ_CPX_LEN_SHIFT);
            *cls = v & ENT_CC;
            return v & KJ_CPX_CP;
        }
    }
    uint32_t c = ent_cp(d, i, next);
    *cls = kj_char_class(c) & ENT_CC;
    return c;
}

/* The classes alone of the code point at i (ent_cpc). */
static inline uint32_t ent_cls(const kiji_doc *d, size_t i, size_t *next)
{
    uint32_t cls;
    ent_cpc(d, i, next, &cls);
    return cls;
}

/* kj_claimed(d, i, next) for one character as ent_cp read it (next its
 * end), with the usual lengths tested without a loop. */
static inline bool ent_char_claimed(const kiji_doc *d, size_t i, size_t next)
{
    if (next <= d->norm_len) {
        if (next - i == 3)
            return (d->claim[i] | d->claim[i + 1] | d->claim[i + 2]) != 0;
        if (next - i == 1)
            return d->claim[i] != 0;
    }
    return kj_claimed(d, i, next);
}

/* The code point ending just before d->norm[i] and its start in *start
 * (kj_u8_prev, read from the decoded text); at 0: 0, *start = 0. */
static inline uint32_t ent_prev(const kiji_doc *d, size_t i, size_t *start)
{
    return kj_cp_prev(d, i, start);
}

/* The code point before i in a forward scan that remembers the last one it
 * read (c, ending at end): when the scan moved on by that one character,
 * c is what ent_prev would decode again (d->norm is valid UTF-8). */
static inline uint32_t ent_prev_in(const kiji_doc *d, size_t i, size_t end, uint32_t c)
{
    size_t ps;
    return i == end ? c : ent_prev(d, i, &ps);
}

/* ent_skip, and in *last the entry of the last character it stepped over
 * (untouched when it stepped over none): that character ends at the
 * returned position, so its code point, *last & KJ_CPX_CP, is the one
 * ent_prev would decode there. */
static inline size_t ent_skip_last(const kiji_doc *d, size_t i, size_t hi, uint32_t want,
                                   uint32_t *last)
{
    if (hi > d->norm_len)
        hi = d->norm_len;
    const uint32_t *x = d->cpx;
    const uint32_t stop = KJ_CPX_SLOW | want;
    /* four characters per test of hi while i + 12 < hi: an entry stepped
     * over holds a whole character, at most four bytes, so each of the
     * four starts before hi as the loop below would ask */
    while (i + 12 < hi) {
        uint32_t v = x[i];
        if (v & stop)
            return i;
        *last = v;
        i += v >> KJ_CPX_LEN_SHIFT;
        v = x[i];
        if (v & stop)
            return i;
        *last = v;
        i += v >> KJ_CPX_LEN_SHIFT;
        v = x[i];
        if (v & stop)
            return i;
        *last = v;
        i += v >> KJ_CPX_LEN_SHIFT;
        v = x[i];
        if (v & stop)
            return i;
        *last = v;
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    while (i < hi) {
        uint32_t v = x[i];
        if (v & stop)
            break;
        *last = v;
        i += v >> KJ_CPX_LEN_SHIFT;
    }
    return i;
}

/* A scan's next stop from i (< hi): the first character at or after i
 * that has one of the classes want (KJ_CC_*), or that the table does not
 * hold whole (ent_cp decodes those), or hi or past it. Every character
 * stepped over is a valid sequence with none of those classes, whose
 * ent_cp is its entry's code point and whose next is i + its length: a
 * scan that at such a character only moves on to next may start here. */
static inline size_t ent_skip(const kiji_doc *d, size_t i, size_t hi, uint32_t want)
{
    uint32_t last; /* not read: inlined, the store goes away */
    return ent_skip_last(d, i, hi, want, &last);
}

/* The first byte at or after i that holds a claim, or d->norm_len when
 * none does; read eight bytes at a time. A forward scan keeps the answer
 * and asks again only once it has passed it, so it reads the claims of
 * the text about once in all. */
static inline size_t ent_next_claim(const kiji_doc *d, size_t i)
{
    size_t n = d->norm_len;
    while (i < n && n - i >= 8) {
        uint64_t w;
        memcpy(&w, d->claim + i, 8);
        if (w)
            break;
        i += 8;
    }
    while (i < n && !d->claim[i])
        i++;
    return i < n ? i : n;
}

/* Is one of the eight ASCII bytes at u a stop of st? */
static inline bool ent_stop8(const ent_stops *st, const unsigned char *u)
{
    return (st->ascii[u[0]] | st->ascii[u[1]] | st->ascii[u[2]] | st->ascii[u[3]] |
            st->ascii[u[4]] | st->ascii[u[5]] | st->ascii[u[6]] | st->ascii[u[7]]) != 0;
}

/* ent_skip that stops where st says: the first character at or after i
 * (< hi) that st stops at, or that the table does not hold whole, or hi or
 * past it. An ASCII byte always has an entry of its own (kj_chars), one
 * byte long, with kj_char_class's classes: st->ascii answers for it as the
 * entry would, so ASCII runs are read eight bytes at a time where they
 * allow. Past ASCII one bit of st->cp_stop answers for a BMP character;
 * past U+FFFF (rare) the entry's classes and st->wide do. */
static inline size_t ent_skip_stops(const kiji_doc *d, size_t i, size_t hi, const ent_stops *st)
{
    if (hi > d->norm_len)
        hi = d->norm_len;
    const unsigned char *u = (const unsigned char *)d->norm;
    const uint32_t *x = d->cpx;
    const uint64_t *cp_stop = st->cp_stop;
    while (i < hi) {
        if (u[i] < 0x80) {
            if (st->ascii[u[i]])
                break;
            i++;
            while (hi - i >= 8) {
                uint64_t w;
                memcpy(&w, u + i, 8);
                if (w & 0x8080808080808080u)
                    break; /* a byte past ASCII: the loop above reads on */
                if (ent_stop8(st, u + i)) {
                    /* eight ASCII bytes, one a stop: the first of them
                     * ends the scan (reading them one by one from here,
                     * not eight at a time from each) */
                    while (!st->ascii[u[i]])
                        i++;
                    return i;
                }
                i += 8;
            }
            continue;
        }
        uint32_t v = x[i];
        /* one test for the rare entries: slow, or past U+FFFF */
        if (v & (KJ_CPX_SLOW | ENT_CP_ASTRAL)) {
            if ((v & KJ_CPX_SLOW) ||
                ((!st->pass_unnamed || (v & KJ_CC_NAME)) && ((v & st->mask) || st->wide)))
                break;
            i += v >> KJ_CPX_LEN_SHIFT;
            continue;
        }
        /* the run of BMP characters past ASCII after it, one bit of
         * cp_stop each, without going back to the byte test (an entry of
         * length 1 is ASCII's, which the loop above reads) */
        for (;;) {
            if (cp_stop[(v & 0xFFFF) >> 6] >> (v & 63) & 1)
                return i;
            i += v >> KJ_CPX_LEN_SHIFT;
            if (i >= hi)
                return i;
            v = x[i];
            if (v & (KJ_CPX_SLOW | ENT_CP_ASTRAL) || v < 2u << KJ_CPX_LEN_SHIFT)
                break;
        }
    }
    return i;
}

/* Registry key prefix + [p, p + n) into key (size bytes), cut and
 * NUL-terminated as snprintf(key, size, "%s%.*s", ...) writes it (the text
 * holds no NUL: kiji_parse refuses it); returns the uncut length. */
static inline int ent_keyn(char *key, size_t size, const char *prefix, size_t pl, const char *p,
                           size_t n)
{
    size_t room = size - 1;
    size_t a = pl < room ? pl : room;
    memcpy(key, prefix, a);
    size_t b = n < room - a ? n : room - a;
    memcpy(key + a, p, b);
    key[a + b] = 0;
    return (int)(pl + n);
}

static inline int ent_key(char *key, size_t size, const char *prefix, const char *p, size_t n)
{
    return ent_keyn(key, size, prefix, strlen(prefix), p, n);
}

/* katakana incl. ー */
static inline bool ent_kata(uint32_t c)
{
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

/* Latin letter or digit */
static inline bool ent_word(uint32_t c)
{
    return kj_is_latin(c) || kj_is_digit(c);
}

/* 1 at the bytes of ASCII letters and digits (rec_entity.c) */
extern const uint8_t ent_asc_tab[256];

/* ASCII letter or digit (byte loops): one load, where the three ranges
 * took several tests and branches in the hot loops */
static inline bool ent_asc(unsigned char c)
{
    return ent_asc_tab[c];
}

/* Does p start with the NUL-terminated w (strncmp(p, w, strlen(w)) == 0)?
 * Inline, byte by byte: the word tables these test are short, and a
 * mismatch or p's own NUL ends the test at once, where the library calls
 * measured each entry first. */
static inline bool ent_starts(const char *p, const char *w)
{
    for (; *w; p++, w++)
        if (*p != *w)
            return false;
    return true;
}

/* Are the n bytes at p the NUL-terminated w (strlen(w) == n && memcmp(p,
 * w, n) == 0)? Inline as ent_starts. */
static inline bool ent_equals(const char *p, size_t n, const char *w)
{
    size_t k = 0;
    for (; k < n && w[k]; k++)
        if (p[k] != w[k])
            return false;
    return k == n && !w[k];
}

/* kanji, katakana, ー, ・, Latin, digits, & */
static inline bool ent_namechar(uint32_t c)
{
    return kj_is_kanji(c) || ent_kata(c) || c == 0x30FB || ent_word(c) || c == '&';
}

/* rec_place.c */
int place_init(struct kj_entity *x);
ent *place_entity(estate *s, int idx);
void rec_places(estate *s);
/* Cities (and counties) named before a comma and a state or country the
 * gazetteer knows: run after rec_persons. */
void place_cities_before(estate *s);
/* Length of a country written with one kanji or a full name at pos
 * (for 仏 in マクロン仏大統領), and its entity; 0 when none, and then
 * nothing else done: always where place_any_first lacks the code point at
 * pos. */
size_t place_at(estate *s, size_t pos, ent **out);
size_t place_at_word(estate *s, size_t pos, ent **out);
/* Is [pos, end) exactly a country's full name (ロシア after the ・ of
 * エリツィン・ロシア前大統領, where place_at starts nothing)? Then its entity,
 * named as written when the article has given no full form yet. */
ent *country_span(estate *s, size_t pos, size_t end);
/* 藤沢市 in 鈴木恒夫・藤沢市長: the Japanese municipality [ns, ne) (its 市 町
 * 村 or 区 included) as a city of JP, whatever the gazetteer knows; its
 * entity, mentioned there. */
ent *municipality_named(estate *s, size_t ns, size_t ne);
/* The length of the longest country name at pos, or 0. */
size_t country_len(estate *s, size_t pos);

/* rec_org.c */
int org_init(struct kj_entity *x);
void rec_orgs(estate *s);
/* Length of a well-known organization form at pos (日銀), 0 if none, and
 * then nothing else done: always where org_first lacks the code point at
 * pos. */
size_t org_at(estate *s, size_t pos, ent **out);
/* A party's short form of data/ja/org_short.txt (社民, 自民) in
 * [pos, end): its organization, NULL when the bytes are none. Nothing is
 * recorded; the caller adds the mention when a title follows. */
ent *org_short_named(estate *s, size_t pos, size_t end);
/* The length of English organization name (nl bytes) without a trailing
 * legal form (Inc, LLC, Co Ltd): nl when it has none (rec_org.c). */
size_t kj_org_base(const char *name, size_t nl);

/* rec_person.c */
int person_init(struct kj_entity *x);
void rec_persons(estate *s);

/* ent_longest at an ASCII byte (rec_entity.c). */
size_t ent_longest_ascii(const estate *s, const kj_dict *t, size_t pos, int32_t *v);

/* Can a key of the dictionary whose keys p notes start at pos, where the
 * code point first starts? When not, ent_longest finds none there (it
 * reads a key past ASCII byte for byte, so as the same code points), or
 * at an ASCII letter or digit none that ends outside a Latin word: a key
 * of letters and digits alone that the text's run goes on past, or one
 * whose first word the text's run is not (the run ends where the key's
 * first word does, at the same byte or a line break for its space). */
static inline bool ent_pair_may(const ent_pair *p, const kiji_doc *d, size_t pos, uint32_t first)
{
    if (first < 0x80) {
        if (!ent_asc((unsigned char)first))
            return true;
        /* the run of ASCII letters and digits at pos (first is the byte
         * there; d->norm ends in a NUL byte, which ends the run), no
         * longer than the longest first word */
        const unsigned char *u = (const unsigned char *)d->norm + pos;
        uint32_t h = 0;
        size_t n = 0;
        for (; ent_asc(u[n]); n++) {
            if (n == p->wordmax)
                return false;
            h = ent_word_hash(h, u[n]);
        }
        uint32_t w = h >> 16;
        if (!(p->word[w >> 6] >> (w & 63) & 1))
            return false;
        /* a space or a line break (a space to ent_longest) after the run:
         * the byte after it is tested too (out of line, so that the
         * scans that inline this test stay small) */
        return (u[n] != ' ' && u[n] != '\n') || ent_pair_next(p, h, u[n + 1]);
    }
    if (first >= 0x10000 || (p->one[first >> 6] >> (first & 63) & 1))
        return true;
    size_t nx, n2;
    ent_cp(d, pos, &nx);
    uint32_t h = ent_pair_hash(first, ent_cp(d, nx, &n2));
    return p->bits[h >> 6] >> (h & 63) & 1;
}

/* ent_pair_may(p, d, pos, first) for a code point first past ASCII that
 * the table holds whole and that ends at next: the same test, for a scan
 * that knows where the character ends (inline there, its answer costs a
 * few instructions: always inline, which the compiler did not choose). */
static inline __attribute__((always_inline)) bool
ent_pair_may_wide(const ent_pair *p, const kiji_doc *d, uint32_t first, size_t next)
{
    if (first >= 0x10000 || (p->one[first >> 6] >> (first & 63) & 1))
        return true;
    size_t n2;
    uint32_t h = ent_pair_hash(first, ent_cp(d, next, &n2));
    return p->bits[h >> 6] >> (h & 63) & 1;
}

/* Longest key of t at pos, reading a line break in Latin text as a space. */
static inline size_t ent_longest(const estate *s, const kj_dict *t, size_t pos, int32_t *v)
{
    if (pos >= s->hi)
        return 0;
    if ((unsigned char)s->d->norm[pos] >= 0x80)
        return kj_dict_longest(t, s->d->norm, s->hi, pos, v);
    return ent_longest_ascii(s, t, pos, v);
}

/* Shared word-list loading: "key" or "key<TAB>int". */
kj_dict *ent_dict(const char *list, int32_t def);

#endif
