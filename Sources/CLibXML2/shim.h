#ifndef GAZETTE_CLIBXML2_SHIM_H
#define GAZETTE_CLIBXML2_SHIM_H

/* Debian's libxml2 headers pull in the system ICU headers, which clash with Foundation's own
   ("'UErrorCode' has different definitions"). Nothing here needs ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a global function pointer, which Swift 6 will not call directly. */
static inline void gz_xmlFree(void *p) {
    if (p != NULL) xmlFree(p);
}

#endif
