#ifndef TIDINGS_CCMARK_SHIM_H
#define TIDINGS_CCMARK_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

// Markdown → HTML with the GFM table, strikethrough and autolink extensions.
// Call cm_register_extensions() once before use (it is not thread-safe itself).
// Returns a malloc'd string the caller frees with free(), or NULL.
static inline void cm_register_extensions(void) { cmark_gfm_core_extensions_ensure_registered(); }
static inline char *cm_markdown_to_html(const char *text, size_t len, int options) {
    cmark_parser *parser = cmark_parser_new(options);
    if (parser == NULL) return NULL;
    const char *names[] = {"table", "strikethrough", "autolink"};
    for (int i = 0; i < 3; i++) {
        cmark_syntax_extension *ext = cmark_find_syntax_extension(names[i]);
        if (ext) cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, text, len);
    cmark_node *doc = cmark_parser_finish(parser);
    char *html = NULL;
    if (doc) {
        html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
        cmark_node_free(doc);
    }
    cmark_parser_free(parser);
    return html;
}
#endif
