#define _GNU_SOURCE
#include "ThreadPlacement.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

struct start {
    void (*body)(void *);
    void *context;
    char name[16];
#ifdef __linux__
    int placed;
    cpu_set_t allowed;
#endif
};

static void *run(void *argument) {
    struct start start = *(struct start *)argument;
    free(argument);
#ifdef __linux__
    if (start.placed) pthread_setaffinity_np(pthread_self(), sizeof start.allowed, &start.allowed);
    pthread_setname_np(pthread_self(), start.name);
#endif
    start.body(start.context);
    return NULL;
}

int gazette_thread_start(void (*body)(void *context), void *context, const char *name) {
    struct start *start = calloc(1, sizeof *start);
    if (start == NULL) return ENOMEM;
    start->body = body;
    start->context = context;
    if (name != NULL) strncpy(start->name, name, sizeof start->name - 1);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
#ifdef __linux__
    /* Every CPU the process may use but this thread's, if that leaves any. */
    int here = sched_getcpu();
    if (here >= 0 && sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0
        && CPU_COUNT(&start->allowed) > 1 && CPU_ISSET(here, &start->allowed)) {
        cpu_set_t elsewhere = start->allowed;
        CPU_CLR(here, &elsewhere);
        start->placed = pthread_attr_setaffinity_np(&attributes, sizeof elsewhere, &elsewhere) == 0;
    }
#endif
    pthread_t thread;
    int result = pthread_create(&thread, &attributes, run, start);
#ifdef __linux__
    if (result != 0 && start->placed) {
        /* Placement refused: start it anywhere. */
        pthread_attr_destroy(&attributes);
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        start->placed = 0;
        result = pthread_create(&thread, &attributes, run, start);
    }
#endif
    pthread_attr_destroy(&attributes);
    if (result != 0) free(start);
    return result;
}
