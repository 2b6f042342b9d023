/*
 * fuzz_entity.c -- the entity recognizers (rec_entity.c, rec_place.c):
 * persons, organizations, places, definitions and events, with names,
 * mentions, titles, affiliations and codes.
 * The parse runs with only these fact types reported (kiji_options.facts),
 * so the JSON and the checks in fuzz.c cover exactly this recognizer's
 * output; its dictionary and seeds steer the fuzzer to its words.
 * Options come from the input's first two bytes (fuzz.h).
 */
#include "fuzz.h"

#define MASK (KIJI_FACT_BIT(KIJI_FACT_PERSON) | KIJI_FACT_BIT(KIJI_FACT_ORGANIZATION) | KIJI_FACT_BIT(KIJI_FACT_PLACE) | KIJI_FACT_BIT(KIJI_FACT_DEFINITION) | KIJI_FACT_BIT(KIJI_FACT_EVENT))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run(data, size, MASK, NULL);
}
