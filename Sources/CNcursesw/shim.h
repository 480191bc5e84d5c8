#ifndef GAZETTE_CNCURSESW_SHIM_H
#define GAZETTE_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
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

#endif
