/*
 * fuzz_parse.c -- the whole article: kiji_parse, then the result JSON and
 * every invariant in fuzz.c. Options come from the first two bytes
 * (fuzz.h): lang, published (or a fuzzed published line), pretty JSON, an
 * id, and the tight parser whose arena cap and fact limit ordinary inputs
 * reach. Byte 0 bit 5 also asks for every fact type, bare numbers included.
 */
#include "fuzz.h"

#define ALL_TYPES 0xFFFFFFFFu

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in;
    if (!fz_split(data, size, &in))
        return 0;
    uint32_t mask = (data[0] & 32) ? ALL_TYPES : 0;
    fz_parse_check(fz_doc(mask, in.tight), &in, NULL);
    return 0;
}
