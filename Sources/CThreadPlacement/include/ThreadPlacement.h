#ifndef GAZETTE_THREAD_PLACEMENT_H
#define GAZETTE_THREAD_PLACEMENT_H

/* Starting a thread where it can run at once (Linux; elsewhere, a plain detached thread).

   Linux queues a new thread on its creator's CPU; while the creator keeps that CPU busy (the
   main thread starting the screen), the new one waits for the balancer to move it to an idle
   CPU: 0.5 to 3 ms on this project's two-core machine, against 0.1 ms when it is placed on
   another CPU from the start. These calls are GNU extensions, which Swift's Glibc module
   does not show, hence this C module. */

/* Starts `body(context)` on a new detached thread named `name` (at most 15 bytes are kept),
   placed on a CPU other than the calling thread's when the process may use more than one;
   once running, the thread may use every CPU the process may. Returns 0, or an errno value
   when no thread could be started. */
int gazette_thread_start(void (*body)(void *context), void *context, const char *name);

#endif
