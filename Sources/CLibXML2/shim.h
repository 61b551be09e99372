#ifndef TIDINGS_CLIBXML2_SHIM_H
#define TIDINGS_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its headers then clash with Foundation's copy of ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer; Swift 6 cannot read mutable C globals.
static inline void cx_free(void *p) { xmlFree(p); }
#endif
