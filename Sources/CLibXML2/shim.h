// The C bridge to libxml2: the headers boa-coord uses, and shims for what Swift cannot call directly.
#ifndef BOA_CLIBXML2_SHIM_H
#define BOA_CLIBXML2_SHIM_H

// libxml2's headers pull in the system ICU headers when it was built with ICU; Foundation carries its own
// ICU, and clang then sees two different `UErrorCode`s. boa-coord never uses libxml2's ICU converters (it
// accepts UTF-8 only), so the ICU parts of the headers are left out. The only struct this changes,
// xmlCharEncodingHandler, is never accessed from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/catalog.h>

/// `xmlFree` is a global function pointer variable in libxml2; Swift calls it through this function.
static inline void boa_xml_free(void *pointer) { xmlFree(pointer); }

#endif
