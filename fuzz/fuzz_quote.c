/*
 * fuzz_quote.c -- the quote recognizer (rec_quote*.c): quotes and
 * statements with their speakers (persons and organizations are reported
 * too, so every speaker reference can be checked to name one).
 * The parse runs with only these fact types reported (kiji_options.facts),
 * so the JSON and the checks in fuzz.c cover exactly this recognizer's
 * output; its dictionary and seeds steer the fuzzer to its words.
 * Options come from the input's first two bytes (fuzz.h).
 */
#include "fuzz.h"

#define MASK (KIJI_FACT_BIT(KIJI_FACT_QUOTE) | KIJI_FACT_BIT(KIJI_FACT_STATEMENT) | KIJI_FACT_BIT(KIJI_FACT_PERSON) | KIJI_FACT_BIT(KIJI_FACT_ORGANIZATION))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fz_run(data, size, MASK, NULL);
}
