#ifndef GAZETTE_BLANK_RUNS_H
#define GAZETTE_BLANK_RUNS_H

/* The byte steps of BlankRunCheck (GazetteCore/Parsing/BlankRunCheck.swift): whether a dump
   line holds two bytes together neither above a space (two spaces, a space and a tab) or a byte
   below a space (a tab, a control), 16 bytes a step, each byte against the next.

   In C, not in Swift's SIMD16: the tests run the debug build, where SIMD16's operations are
   the standard library's unspecialised generic code (52% of a debug `list` of a dump). Here
   they are SSE2's `pmaxub` and `pminub` in both builds; the functions are inline, so a release
   build makes of them the code Swift's SIMD16 made. Elsewhere, the same byte by byte. */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The least, over the steps checked, of each byte and the next one's greater (`pair`), and
   the least of the bytes checked (`least`): lane by lane, 16 lanes. */
typedef struct {
    uint8_t pair[16];
    uint8_t least[16];
} GazetteBlankRuns;

/* Nothing checked yet: every lane at its greatest. */
static inline __attribute__((always_inline)) GazetteBlankRuns gazette_blank_runs_start(void) {
    GazetteBlankRuns runs;
    memset(&runs, 0xFF, sizeof runs);
    return runs;
}

/* Checks the 16 bytes from `bytes` against the byte after each (17 bytes are read). */
static inline __attribute__((always_inline)) void gazette_blank_runs_check(
    GazetteBlankRuns *runs, const uint8_t *bytes) {
#if defined(__SSE2__)
    __m128i here = _mm_loadu_si128((const __m128i *)bytes);
    __m128i next = _mm_loadu_si128((const __m128i *)(bytes + 1));
    __m128i pair = _mm_loadu_si128((const __m128i *)runs->pair);
    __m128i least = _mm_loadu_si128((const __m128i *)runs->least);
    _mm_storeu_si128((__m128i *)runs->pair, _mm_min_epu8(pair, _mm_max_epu8(here, next)));
    _mm_storeu_si128((__m128i *)runs->least, _mm_min_epu8(least, next));
#else
    for (int lane = 0; lane < 16; lane++) {
        uint8_t here = bytes[lane], next = bytes[lane + 1];
        uint8_t greater = here > next ? here : next;
        if (greater < runs->pair[lane]) runs->pair[lane] = greater;
        if (next < runs->least[lane]) runs->least[lane] = next;
    }
#endif
}

/* Whether some lane found two bytes together neither above a space, or a byte below one. */
static inline __attribute__((always_inline)) bool gazette_blank_runs_found(const GazetteBlankRuns *runs) {
#if defined(__SSE2__)
    __m128i pair = _mm_loadu_si128((const __m128i *)runs->pair);
    __m128i least = _mm_loadu_si128((const __m128i *)runs->least);
    __m128i blank = _mm_cmpeq_epi8(_mm_min_epu8(pair, _mm_set1_epi8(0x20)), pair);
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(least, _mm_set1_epi8(0x1F)), least);
    return _mm_movemask_epi8(_mm_or_si128(blank, control)) != 0;
#else
    for (int lane = 0; lane < 16; lane++) {
        if (runs->pair[lane] <= 0x20 || runs->least[lane] < 0x20) return true;
    }
    return false;
#endif
}

#endif
