#ifndef TIDINGS_TERMGUARD_H
#define TIDINGS_TERMGUARD_H
/// Saves the terminal's modes so they can be restored after a crash.
void tg_save_terminal(void);
/// Sets the bytes written to the terminal on a crash (leave the alternate screen, show the cursor, reset attributes).
void tg_set_restore_sequence(const char *sequence);
/// Installs async-signal-safe handlers for SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE and SIGABRT that restore the
/// terminal, then let the previous handler (the Swift runtime's backtracer) run.
void tg_install_crash_handlers(void);
/// Restores the saved modes and writes the restore sequence; safe to call more than once.
void tg_restore_terminal(void);
#endif

#ifndef TIDINGS_TERMGUARD_SIGNALS_H
#define TIDINGS_TERMGUARD_SIGNALS_H
/// Installs a handler for each signal that writes its number as one byte to a pipe, and returns the
/// pipe's read end (non-blocking, close-on-exec), or -1. Works whichever thread the kernel picks.
int tg_open_signal_pipe(const int *signals, int count);
/// Gives the signals their default actions back.
void tg_reset_signals(const int *signals, int count);
#endif
