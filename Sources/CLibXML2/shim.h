#ifndef SFSTREAM_CLIBXML2_SHIM_H
#define SFSTREAM_CLIBXML2_SHIM_H

// Debian's libxml2 headers include the system ICU, whose UErrorCode clashes with the ICU inside
// Foundation in debug builds. The public headers use the ICU-dependent struct only through
// pointers, so hiding ICU from them is safe.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void sfstream_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
