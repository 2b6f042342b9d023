/*
 * kiji.h -- the public interface of libkiji, a fact extractor for news text.
 *
 * Text in (UTF-8), facts out (money, quantities, percentages, dates,
 * durations, quotes, statements, persons, organizations, places) plus the
 * article's own metadata, serialized as the JSON described in README.md.
 *
 * Two objects:
 *   - kiji_parser: immutable once built (word lists, ICU data). Share one
 *     between any number of threads.
 *   - kiji_doc: a per-worker, reusable document that owns an arena. A parse
 *     allocates only from it; a warm doc does no malloc. Never share one doc
 *     between threads at the same time.
 *
 * Every fact's start/end are byte offsets into the ORIGINAL input, and its
 * text is exactly input[start:end].
 */
#ifndef KIJI_H
#define KIJI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define KIJI_EXPORT __attribute__((visibility("default")))
#else
#define KIJI_EXPORT
#endif

#define KIJI_VERSION "0.1.0"
#define KIJI_SCHEMA 1

/* Status codes. Wire values: explicit and only ever appended. */
typedef enum kiji_status {
    KIJI_OK = 0,
    KIJI_ERR_UTF8 = 1,      /* invalid UTF-8; offset = first bad byte */
    KIJI_ERR_EMPTY = 2,     /* zero bytes, or only white space */
    KIJI_ERR_NUL = 3,       /* a NUL byte; offset = its position */
    KIJI_ERR_TOO_LARGE = 4, /* longer than kiji_options.max_input */
    KIJI_ERR_MEMORY = 5,    /* the doc's arena cap (kiji_options.max_memory) was hit */
    KIJI_ERR_NOMEM = 6,     /* the system allocator failed */
    KIJI_ERR_PUBLISHED = 7, /* meta.published is not YYYY-MM-DD[Thh:mm...] */
    KIJI_ERR_LANG = 8,      /* meta.lang is not ja, en or auto */
    KIJI_ERR_ICU = 9,       /* an ICU call failed; text names it */
    KIJI_ERR_ARG = 10,      /* a NULL or otherwise invalid argument */
    KIJI_ERR_JSON = 11,     /* serialization failed */
} kiji_status;

/* Fact types. Wire values: explicit and only ever appended. */
typedef enum kiji_fact_type {
    KIJI_FACT_NUMBER = 1,
    KIJI_FACT_MONEY = 2,
    KIJI_FACT_QUANTITY = 3,
    KIJI_FACT_PERCENT = 4,
    KIJI_FACT_DATE = 5,
    KIJI_FACT_DURATION = 6,
    KIJI_FACT_SET = 7,
    KIJI_FACT_QUOTE = 8,
    KIJI_FACT_STATEMENT = 9,
    KIJI_FACT_PERSON = 10,
    KIJI_FACT_ORGANIZATION = 11,
    KIJI_FACT_PLACE = 12,
    KIJI_FACT_DEFINITION = 13,
    KIJI_FACT_EVENT = 14,
    KIJI_FACT_CURRENCY = 15, /* a currency named with no amount (ドル, the euro) */
} kiji_fact_type;
#define KIJI_FACT_MAX 15

/* Bit for a fact type in kiji_options.facts. */
#define KIJI_FACT_BIT(t) (1u << (unsigned)(t))
/* Default: every type but the bare `number` and the bare `currency`. */
#define KIJI_FACTS_DEFAULT                                                                         \
    (0xFFFFFFFFu & ~KIJI_FACT_BIT(KIJI_FACT_NUMBER) & ~KIJI_FACT_BIT(KIJI_FACT_CURRENCY))

/* Errors are data: the first error wins (jansson's json_error_t). */
typedef struct kiji_error {
    int code;      /* a kiji_status */
    size_t offset; /* byte offset into the input where relevant, else 0 */
    char text[128];
} kiji_error;

/* Parser options. Zero-initialize, then set what you need; a zero field
 * takes the default named beside it. */
typedef struct kiji_options {
    size_t max_input;  /* bytes; default KIJI_DEFAULT_MAX_INPUT (1 MiB) */
    size_t max_facts;  /* facts per article; default 20000. Hitting it is
                          reported in the result's "limits" list */
    size_t max_memory; /* arena cap per doc in bytes; default 256 MiB */
    uint32_t facts;    /* KIJI_FACT_BIT mask of types to report;
                          0 = KIJI_FACTS_DEFAULT */
} kiji_options;

#define KIJI_DEFAULT_MAX_INPUT ((size_t)1 << 20)

/* Per-article metadata from the caller (the daemon's envelope). Every field
 * may be NULL. Strings are borrowed for the duration of kiji_parse only. */
typedef struct kiji_meta {
    const char *id;        /* echoed as "id" */
    const char *published; /* "YYYY-MM-DD" or RFC 3339 date-time */
    const char *lang;      /* "ja", "en" or "auto" (NULL = auto) */
} kiji_meta;

typedef struct kiji_parser kiji_parser;
typedef struct kiji_doc kiji_doc;
typedef struct kiji_fact kiji_fact;

/**
 * Build a parser. opt may be NULL for defaults.
 * Returns NULL on failure and fills err (if non-NULL).
 * Caller owns the result and releases it with kiji_parser_free.
 * Thread safety: the returned parser is immutable and may be used by any
 * number of threads at once.
 */
KIJI_EXPORT kiji_parser *kiji_parser_new(const kiji_options *opt, kiji_error *err);

/** Release a parser (NULL is fine). Free every doc made from it first. */
KIJI_EXPORT void kiji_parser_free(kiji_parser *p);

/**
 * Make a reusable document bound to parser p. Returns NULL on allocation
 * failure. Caller owns it; release with kiji_doc_free. One thread at a time.
 */
KIJI_EXPORT kiji_doc *kiji_doc_new(const kiji_parser *p);

/** Release a document (NULL is fine). */
KIJI_EXPORT void kiji_doc_free(kiji_doc *d);

/**
 * Parse len bytes of UTF-8 article text into d, replacing what d held.
 * text need not be NUL-terminated and is borrowed only for the call: the
 * doc keeps its own copy. meta may be NULL.
 * Returns KIJI_OK, or a kiji_status with err (if non-NULL) filled in; after
 * an error the doc holds no facts, but stays usable for the next parse.
 */
KIJI_EXPORT int kiji_parse(kiji_doc *d, const char *text, size_t len, const kiji_meta *meta,
                           kiji_error *err);

/** Number of facts from the last successful parse. */
KIJI_EXPORT size_t kiji_doc_fact_count(const kiji_doc *d);

/** The i-th fact (in order of start offset), or NULL if i is out of range.
 * Owned by d; valid until the next kiji_parse or kiji_doc_free. */
KIJI_EXPORT const kiji_fact *kiji_doc_fact(const kiji_doc *d, size_t i);

/** Number of sentences, and the byte span of the i-th in the original input.
 * Returns 0 on success, -1 if i is out of range. */
KIJI_EXPORT size_t kiji_doc_sentence_count(const kiji_doc *d);
KIJI_EXPORT int kiji_doc_sentence(const kiji_doc *d, size_t i, size_t *start, size_t *end);

/** The language the last parse used ("ja" or "en"). Owned by the library. */
KIJI_EXPORT const char *kiji_doc_lang(const kiji_doc *d);

/** Work counter of the last parse: steps taken by the pipeline, roughly one
 * per byte visited. Linear input must give linear work; tests use it in
 * place of the clock. */
KIJI_EXPORT uint64_t kiji_doc_work(const kiji_doc *d);

/** Fact accessors. f must come from kiji_doc_fact. */
KIJI_EXPORT int kiji_fact_type_of(const kiji_fact *f);
KIJI_EXPORT int kiji_fact_id(const kiji_fact *f);
KIJI_EXPORT size_t kiji_fact_start(const kiji_fact *f);
KIJI_EXPORT size_t kiji_fact_end(const kiji_fact *f);
/** Name of a fact type ("money"), or NULL for an unknown number. Static. */
KIJI_EXPORT const char *kiji_fact_type_name(int type);
/** Fact type for a name, or 0 if unknown. */
KIJI_EXPORT int kiji_fact_type_from_name(const char *name);
/** Short text for a status code. Static. */
KIJI_EXPORT const char *kiji_status_name(int status);

/* Flags for kiji_doc_json. */
#define KIJI_JSON_PRETTY (1u << 0)

/**
 * Serialize the last parse as the result JSON (README, "Result JSON").
 * On success sets *out to a NUL-terminated buffer of *len bytes owned by d
 * (valid until the next kiji_parse, kiji_doc_json or kiji_doc_free) and
 * returns KIJI_OK; otherwise returns KIJI_ERR_JSON.
 */
KIJI_EXPORT int kiji_doc_json(kiji_doc *d, unsigned flags, const char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
