#ifndef GAZETTE_CLIBXML2_SHIM_H
#define GAZETTE_CLIBXML2_SHIM_H

/* The types of libxml2 only: Gazette loads the library itself when a feed first needs it
   (LibXML2.swift), so this module links nothing.

   Debian's libxml2 headers pull in the system ICU headers, which clash with Foundation's own
   ("'UErrorCode' has different definitions"). Nothing here needs ICU. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#endif
