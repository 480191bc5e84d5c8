#include <pthread.h>

/* libxml2 decides whether the process has threads by whether the pthread functions it names
 * weakly are there (threads.c), and otherwise shares one parser state among all threads. In a
 * statically linked gazette, pthread_equal is named by nothing else, so it would be missing and
 * two threads parsing HTML at once would corrupt the heap. This strong reference keeps it in. */
__attribute__((used)) static int (*const keep_pthread_equal)(pthread_t, pthread_t) = pthread_equal;
