#ifndef GAZETTE_CLIBXML2_SHIM_H
#define GAZETTE_CLIBXML2_SHIM_H

/* The types of libxml2: Gazette loads the library itself when a feed first needs it
   (LibXML2.swift), or a release build links its static library in (the Makefile), so this
   module links nothing.

   Debian's libxml2 headers pull in the system ICU headers, which clash with Foundation's own
   ("'UErrorCode' has different definitions"). Nothing here needs ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

/* libxml2's deallocator, for a build that links libxml2 in: xmlFree is a C variable, which
   Swift 6 does not read outside an actor. */
static inline void gazette_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
