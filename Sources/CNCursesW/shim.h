#ifndef TIDINGS_CNCURSESW_SHIM_H
#define TIDINGS_CNCURSESW_SHIM_H
// Wide-character ncurses: without these two, cchar_t, get_wch and addnwstr are not declared.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <curses.h>
#include <term.h>

// Swift 6 cannot read ncurses' mutable globals or expand its function-like macros.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cn_attr_normal(void) { return A_NORMAL; }
static inline attr_t cn_attr_bold(void) { return A_BOLD; }
static inline attr_t cn_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cn_attr_dim(void) { return A_DIM; }
static inline attr_t cn_attr_italic(void) { return A_ITALIC; }
static inline int cn_set_attr(attr_t attrs, int pair) { return attr_set(attrs, (short)pair, NULL); }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_put(int y, int x, const wchar_t *s, int n) { return mvaddnwstr(y, x, s, n); }

/// The terminal's real size from the kernel, which SIGWINCH has just changed.
static inline int cn_winsize(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

/// A terminfo string capability, or NULL when the terminal lacks it.
static inline const char *cn_tigetstr(const char *name) {
    char *s = tigetstr((char *)name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}
#endif
