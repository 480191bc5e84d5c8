/* Everything is inline, in include/BlankRuns.h: a C target needs a source file. */
#include "BlankRuns.h"
