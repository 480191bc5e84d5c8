#ifndef GAZETTE_CNCURSESW_SHIM_H
#define GAZETTE_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

int wcwidth(wchar_t c);

static const int gz_A_NORMAL = A_NORMAL;
static const int gz_A_BOLD = A_BOLD;
static const int gz_A_REVERSE = A_REVERSE;
static const int gz_A_DIM = A_DIM;
static const int gz_A_UNDERLINE = A_UNDERLINE;

static inline int gz_color_pair(int n) { return COLOR_PAIR(n); }

static const unsigned long gz_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const unsigned long gz_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const unsigned long gz_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const unsigned long gz_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
static const unsigned long gz_BUTTON4_PRESSED = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const unsigned long gz_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const unsigned long gz_BUTTON5_PRESSED = 0;
#endif
static const unsigned long gz_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const unsigned long gz_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;

/* C globals Swift 6 will not touch directly. */
static inline WINDOW *gz_stdscr(void) { return stdscr; }
static inline FILE *gz_stdin(void) { return stdin; }
static inline FILE *gz_stdout(void) { return stdout; }
static inline int gz_colors(void) { return COLORS; }
static inline const char *gz_codeset(void) { return nl_langinfo(CODESET); }

/*
 * Signal flags. The handlers only record the signal; the event loop polls the flags.
 * The storage lives in function-local statics of static inline functions, so it is private
 * to each object file that uses them: install and poll from the same Swift file.
 */
static inline volatile sig_atomic_t *gz_terminate_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
static inline volatile sig_atomic_t *gz_resume_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
/* Whether this process is not the terminal's foreground job: suspended, then continued in the
   background (as `kill %1` does). There ncurses sets the terminal up again, is stopped by
   SIGTTOU and never acts on a terminating signal; the terminal is the shell's already (ncurses
   gave it back when suspending), so such a signal ends the process at once, by its default. */
static inline int gz_in_background(void) {
    pid_t group = tcgetpgrp(STDOUT_FILENO);
    return group > 0 && group != getpgrp();
}
static void gz_die_in_background(int sig) {
    if (sig != 0 && gz_in_background()) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
}
static void gz_on_terminate(int sig) {
    *gz_terminate_flag() = sig;
    gz_die_in_background(sig);
}
static void gz_on_resume(int sig) {
    (void)sig;
    *gz_resume_flag() = 1;
    gz_die_in_background(*gz_terminate_flag());
}

/* Installs the handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
   SIGPROF, SIGPIPE, SIGPWR, SIGSTKFLT and SIGCONT (no SA_RESTART, so a blocked read returns at once). SIGTSTP is
   taken apart (gz_newterm, gz_take_tstp); SIGXFSZ is ignored by the whole process (its `main`), the save at the quit included. Returns 0, or -1 when sigaction fails. */
static inline int gz_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = gz_on_terminate;
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &action, NULL) != 0) return -1;
    /* Ctrl-\: the terminal is given back first, then the process quits by the signal. */
    if (sigaction(SIGQUIT, &action, NULL) != 0) return -1;
    /* Signals that end a process by default and that nothing here uses: ended as SIGTERM ends
       it, not with the terminal left as the reader had it (found by QA). */
    if (sigaction(SIGUSR1, &action, NULL) != 0) return -1;
    if (sigaction(SIGUSR2, &action, NULL) != 0) return -1;
    if (sigaction(SIGALRM, &action, NULL) != 0) return -1;
    if (sigaction(SIGVTALRM, &action, NULL) != 0) return -1;
    if (sigaction(SIGPROF, &action, NULL) != 0) return -1;
    if (sigaction(SIGPIPE, &action, NULL) != 0) return -1;
#ifdef SIGPWR
    if (sigaction(SIGPWR, &action, NULL) != 0) return -1;
#endif
#ifdef SIGSTKFLT
    if (sigaction(SIGSTKFLT, &action, NULL) != 0) return -1;
#endif
    action.sa_handler = gz_on_resume;
    if (sigaction(SIGCONT, &action, NULL) != 0) return -1;
    return 0;
}

/* The terminating signal received so far, or 0. */
static inline int gz_terminate_signal(void) { return *gz_terminate_flag(); }

/* Records a lost terminal (its input hung up without a SIGHUP reaching this process: a reader
   started with setsid, whose terminal closed) as a SIGHUP, unless a signal came first. */
static inline void gz_note_terminal_lost(void) {
    if (*gz_terminate_flag() == 0) *gz_terminate_flag() = SIGHUP;
}

/* Forgets a terminating signal (one that reached a child program's process group). */
static inline void gz_clear_terminate_signal(void) { *gz_terminate_flag() = 0; }

/*
 * A crash (SIGSEGV, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS, SIGXCPU) gives the terminal back before the
 * process dies: the bytes that undo the reader's set-up are written, and the shell's modes
 * put back, with async-signal-safe calls only; then the handler found before (the Swift
 * runtime's, which reports the crash) runs, or the default action. Not SIGBUS: a mapped
 * news file cut short raises it, and MappedFileGuard's handler reads on over zeros; one it
 * does not take (sent, or a fault elsewhere) runs gz_crash_restore_terminal before it ends.
 */
static inline int *gz_crash_fd(void) { static int fd = -1; return &fd; }
static inline char *gz_crash_bytes(void) { static char bytes[512]; return bytes; }
static inline size_t *gz_crash_length(void) { static size_t length = 0; return &length; }
static inline struct termios *gz_crash_modes(void) { static struct termios modes; return &modes; }
#define GZ_CRASH_SIGNAL_COUNT 7
static inline struct sigaction *gz_crash_previous(int index) {
    static struct sigaction previous[GZ_CRASH_SIGNAL_COUNT];
    return &previous[index];
}
/* SIGTRAP is how a Swift runtime error ends a process on arm64 (SIGILL on x86_64). */
static const int gz_crash_signals[GZ_CRASH_SIGNAL_COUNT] = {SIGSEGV, SIGFPE, SIGILL, SIGABRT,
                                                           SIGTRAP, SIGSYS, SIGXCPU};

/* Gives the terminal back, once, if the crash handlers hold it (async-signal-safe): also what a
   SIGBUS that MappedFileGuard does not take runs before the process dies. */
static inline void gz_crash_restore_terminal(void) {
    int fd = *gz_crash_fd();
    if (fd >= 0) {
        *gz_crash_fd() = -1;
        ssize_t written = write(fd, gz_crash_bytes(), *gz_crash_length());
        (void)written;
        tcsetattr(fd, TCSANOW, gz_crash_modes());
    }
}

static void gz_on_crash(int sig, siginfo_t *info, void *context) {
    gz_crash_restore_terminal();
    for (int index = 0; index < GZ_CRASH_SIGNAL_COUNT; index++) {
        if (gz_crash_signals[index] != sig) continue;
        struct sigaction *previous = gz_crash_previous(index);
        sigaction(sig, previous, NULL);
        if ((previous->sa_flags & SA_SIGINFO) && previous->sa_sigaction != NULL) {
            previous->sa_sigaction(sig, info, context);
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
            previous->sa_handler(sig);
        }
        /* Still here (a signal sent, not a fault, or a handler that returned): die by it. */
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
}

/* Takes the crash signals: on `fd`, `bytes` undo the set-up and `modes` are the shell's. */
static inline void gz_install_crash_handlers(int fd, const char *bytes, size_t length,
                                             const struct termios *modes) {
    if (length > 511) length = 511;
    memcpy(gz_crash_bytes(), bytes, length);
    *gz_crash_length() = length;
    *gz_crash_modes() = *modes;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = gz_on_crash;
    action.sa_flags = SA_SIGINFO;
    for (int index = 0; index < GZ_CRASH_SIGNAL_COUNT; index++) {
        sigaction(gz_crash_signals[index], &action, gz_crash_previous(index));
    }
    *gz_crash_fd() = fd;
}

/* Gives the crash signals back to the handlers found before (the terminal is the shell's). */
static inline void gz_remove_crash_handlers(void) {
    if (*gz_crash_fd() < 0) return;
    *gz_crash_fd() = -1;
    for (int index = 0; index < GZ_CRASH_SIGNAL_COUNT; index++) {
        sigaction(gz_crash_signals[index], gz_crash_previous(index), NULL);
    }
}

/*
 * Ctrl-Z (SIGTSTP) only asks the reader to suspend (gz_take_suspend_request); its event loop
 * does it between screen updates (CursesTerminal), and SIGTSTP's default action then stops the
 * process. ncurses is kept off SIGTSTP for good (gz_newterm): its handler set SIGTSTP to be
 * ignored while each update was written (doupdate), so a Ctrl-Z pressed as the screen was
 * drawn (right after `fg`, or whenever the terminal was slow to take the output) was lost.
 */
static inline volatile sig_atomic_t *gz_suspend_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
/* The thread of the event loop, whose wait a Ctrl-Z cuts short. */
static inline pthread_t *gz_loop_thread(void) {
    static pthread_t thread;
    return &thread;
}
static void gz_on_tstp(int sig) {
    *gz_suspend_flag() = 1;
    /* Delivered to another thread: the loop's wait (no SA_RESTART) is cut short too. */
    if (!pthread_equal(pthread_self(), *gz_loop_thread())) {
        int saved = errno;
        pthread_kill(*gz_loop_thread(), sig);
        errno = saved;
    }
}
/* Takes SIGTSTP for the event loop, which runs on the calling thread. A SIGTSTP ignored from
   the start (a shell without job control) stays ignored. */
static inline void gz_take_tstp(void) {
    *gz_loop_thread() = pthread_self();
    struct sigaction found;
    if (sigaction(SIGTSTP, NULL, &found) == 0 && found.sa_handler == SIG_IGN) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = gz_on_tstp;
    sigaction(SIGTSTP, &action, NULL);
}
/* Whether Ctrl-Z asked the reader to suspend since the last call; clears the request. */
static inline int gz_take_suspend_request(void) {
    int asked = *gz_suspend_flag();
    *gz_suspend_flag() = 0;
    return asked;
}
/* Gives `sig` its default action (async-signal-safe). */
static inline void gz_default_action(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_DFL;
    sigaction(sig, &action, NULL);
}
/* Lets `sig` through on this thread and sends it to the process (async-signal-safe). */
static inline void gz_unblock_and_raise(int sig) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, sig);
    pthread_sigmask(SIG_UNBLOCK, &mask, NULL);
    raise(sig);
}
/* Stops the process by SIGTSTP's default action, as Ctrl-Z stops a program that does not catch
   it; returns once it is continued, with SIGTSTP taken again. A Ctrl-Z that came before the stop
   asked for this one, and one that comes before SIGTSTP is taken again stops it again. */
static inline void gz_stop_as_asked(void) {
    gz_default_action(SIGTSTP);
    *gz_suspend_flag() = 0;
    gz_unblock_and_raise(SIGTSTP);
    gz_take_tstp();
}

/*
 * Before the terminal is taken over (CursesTerminal.Setup), Ctrl-Z stops the process with the
 * terminal's modes as found (`newterm` changed some; nothing is written yet), and puts back the
 * set-up's when continued: with async-signal-safe calls only, as no event loop runs yet.
 */
static inline int *gz_setup_fd(void) { static int fd = -1; return &fd; }
static inline struct termios *gz_setup_found_modes(void) {
    static struct termios modes;
    return &modes;
}
static void gz_on_tstp_in_setup(int sig) {
    int saved = errno;
    int fd = *gz_setup_fd();
    struct termios current;
    int restore = fd >= 0 && tcgetattr(fd, &current) == 0;
    if (restore) tcsetattr(fd, TCSANOW, gz_setup_found_modes());
    gz_default_action(sig);
    gz_unblock_and_raise(sig);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = gz_on_tstp_in_setup;
    sigaction(sig, &action, NULL);
    if (restore) tcsetattr(fd, TCSANOW, &current);
    errno = saved;
}

/* `newterm`, with SIGTSTP kept from ncurses for the life of the process (it takes SIGTSTP only
   when it finds the default action there at its first `newterm`, and then never touches it), and
   taken by gz_on_tstp_in_setup until the terminal is taken over. `modes` are the terminal `fd`'s
   as found. An ignored SIGTSTP stays ignored. */
static inline SCREEN *gz_newterm(const char *term, FILE *output, FILE *input, int fd,
                                 const struct termios *modes) {
    *gz_setup_fd() = fd;
    *gz_setup_found_modes() = *modes;
    struct sigaction found;
    if (sigaction(SIGTSTP, NULL, &found) != 0 || found.sa_handler != SIG_IGN) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        sigemptyset(&action.sa_mask);
        action.sa_handler = gz_on_tstp_in_setup;
        sigaction(SIGTSTP, &action, NULL);
    }
    return newterm(term, output, input);
}

/*
 * While a program the reader started has the terminal (a browser in it, `o`), Ctrl-Z stops the
 * reader as it stops the program, by SIGTSTP's default action: a handler would leave the reader
 * waiting for the program stopped, or (ncurses', once) give the terminal back again (it is the
 * program's) and, on SIGCONT, set up the reader's modes and draw its screen over the program
 * still running, whose line input never came (found by QA). The shell puts back the modes the
 * job was stopped with; the reader takes the terminal again when the program ends. Nested
 * hand-overs keep the handler found by the first; an ignored SIGTSTP stays ignored.
 */
static inline struct sigaction *gz_tstp_before_child(void) {
    static struct sigaction before;
    return &before;
}
static inline int *gz_child_depth(void) { static int depth = 0; return &depth; }
static inline void gz_child_takes_terminal(void) {
    if ((*gz_child_depth())++ > 0) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_DFL;
    sigaction(SIGTSTP, NULL, gz_tstp_before_child());
    if (gz_tstp_before_child()->sa_handler != SIG_IGN) sigaction(SIGTSTP, &action, NULL);
}
static inline void gz_child_gives_terminal_back(void) {
    if (*gz_child_depth() == 0 || --(*gz_child_depth()) > 0) return;
    sigaction(SIGTSTP, gz_tstp_before_child(), NULL);
}

/* Whether the terminating signals are held (gz_hold_terminating_signals). */
static inline volatile sig_atomic_t *gz_holding_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
static void gz_on_terminate_held(int sig) {
    if (*gz_terminate_flag() == 0) *gz_terminate_flag() = sig;
}

/* Once the terminal is given back, the signals gz_install_signal_handlers took are held, not
   acted on, until gz_restore_signal_handlers: each is recorded (the first one wins) while the
   reading state is saved. A terminal closed under a shell sends SIGHUP more than once (the
   shell's, then the kernel's as the shell exits), and the later one, by its default action,
   killed the reader in the middle of its save. SIGCONT and SIGTSTP get their defaults. */
static inline void gz_hold_terminating_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = gz_on_terminate_held;
    const int held[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                        SIGPIPE,
#ifdef SIGPWR
                        SIGPWR,
#endif
#ifdef SIGSTKFLT
                        SIGSTKFLT,
#endif
    };
    for (size_t index = 0; index < sizeof held / sizeof held[0]; index++) sigaction(held[index], &action, NULL);
    signal(SIGCONT, SIG_DFL);
    *gz_holding_flag() = 1;
}

/* Puts back the default actions of the signals gz_install_signal_handlers took. */
static inline void gz_restore_signal_handlers(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
    signal(SIGALRM, SIG_DFL);
    signal(SIGVTALRM, SIG_DFL);
    signal(SIGPROF, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
#ifdef SIGPWR
    signal(SIGPWR, SIG_DFL);
#endif
#ifdef SIGSTKFLT
    signal(SIGSTKFLT, SIG_DFL);
#endif
    signal(SIGCONT, SIG_DFL);
    *gz_holding_flag() = 0;
}

/* Whether the process was continued since the last call; clears the flag. */
static inline int gz_take_resume(void) {
    int resumed = *gz_resume_flag();
    *gz_resume_flag() = 0;
    return resumed;
}

#endif
