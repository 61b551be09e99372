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
static inline void cx_free(void *p) { xmlFree(p); }// Feed parsing (TidingsFeeds): entities handed back from a SAX getEntity callback.
// They are "predefined" text entities so libxml2 inlines their content as characters
// and never parses, loads or expands anything else. Owned and freed by the caller.
#include <libxml/entities.h>
#include <string.h>
static inline xmlEntityPtr cx_text_entity_new(const char *name, const char *content) {
    xmlEntityPtr e = (xmlEntityPtr)xmlMalloc(sizeof(xmlEntity));
    if (e == NULL) return NULL;
    memset(e, 0, sizeof(xmlEntity));
    e->type = XML_ENTITY_DECL;
    e->etype = XML_INTERNAL_PREDEFINED_ENTITY;
    e->name = xmlStrdup((const xmlChar *)name);
    e->content = xmlStrdup((const xmlChar *)content);
    e->length = (int)strlen(content);
    return e;
}
static inline void cx_text_entity_free(xmlEntityPtr e) {
    if (e == NULL) return;
    // libxml2 may attach the declaration's original text to an entity it looked up.
    if (e->orig) xmlFree((void *)e->orig);
    if (e->name) xmlFree((void *)e->name);
    if (e->content) xmlFree((void *)e->content);
    xmlFree(e);
}
// Code point of an HTML 4 named entity (libxml2's own table), or 0.
static inline int cx_html_entity_value(const char *name) {
    const htmlEntityDesc *d = htmlEntityLookup((const xmlChar *)name);
    return d ? (int)d->value : 0;
}
#endif
