// Crash-time terminal restore. Everything reachable from the signal handler is async-signal-safe:
// a fixed buffer, write(2), tcsetattr(3) and sigaction(2).
#include "termguard.h"
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <pthread.h>

static struct termios saved_termios;
static volatile sig_atomic_t have_termios = 0;
static char restore_seq[256] = "\033[?1049l\033[?25h\033[0m";
static size_t restore_len = 0;
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
#define NSIG_CRASH (sizeof(crash_signals) / sizeof(crash_signals[0]))
static struct sigaction previous[NSIG_CRASH];

void tg_save_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_termios = 1;
    if (restore_len == 0) restore_len = strlen(restore_seq);
}

void tg_set_restore_sequence(const char *sequence) {
    if (sequence == NULL) return;
    size_t n = strlen(sequence);
    if (n >= sizeof(restore_seq)) n = sizeof(restore_seq) - 1;
    memcpy(restore_seq, sequence, n);
    restore_seq[n] = 0;
    restore_len = n;
}

void tg_restore_terminal(void) {
    if (restore_len == 0) restore_len = strlen(restore_seq);
    ssize_t ignored = write(STDOUT_FILENO, restore_seq, restore_len);
    (void)ignored;
    if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}

static void on_crash(int sig, siginfo_t *info, void *context) {
    tg_restore_terminal();
    for (size_t i = 0; i < NSIG_CRASH; i++) {
        if (crash_signals[i] != sig) continue;
        // Hand over to whoever was there before (the Swift backtracer), or to the default action.
        struct sigaction prev = previous[i];
        if (prev.sa_flags & SA_SIGINFO) {
            if (prev.sa_sigaction != NULL) { prev.sa_sigaction(sig, info, context); return; }
        } else if (prev.sa_handler != SIG_DFL && prev.sa_handler != SIG_IGN && prev.sa_handler != NULL) {
            prev.sa_handler(sig); return;
        }
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
}

void tg_install_crash_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_crash;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NSIG_CRASH; i++) sigaction(crash_signals[i], &sa, &previous[i]);
}

// Self-pipe for ordinary signals: the handler only write(2)s one byte, which is async-signal-safe,
// and the event loop reads the pipe like any other input.
#include <errno.h>
#include <fcntl.h>

static int signal_pipe_write = -1;

static void on_signal(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    ssize_t ignored = write(signal_pipe_write, &byte, 1);
    (void)ignored;
    errno = saved;
}

int tg_open_signal_pipe(const int *signals, int count) {
    int fds[2];
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    }
    signal_pipe_write = fds[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigset_t unblock;
    sigemptyset(&unblock);
    for (int i = 0; i < count; i++) {
        sigaction(signals[i], &sa, NULL);
        sigaddset(&unblock, signals[i]);
    }
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    return fds[0];
}

void tg_reset_signals(const int *signals, int count) {
    for (int i = 0; i < count; i++) signal(signals[i], SIG_DFL);
}
