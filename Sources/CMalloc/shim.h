// glibc's allocator settings (mallopt, M_ARENA_MAX) and malloc_trim from <malloc.h>.
// Swift's Glibc module does not include <malloc.h>, so it is included here.
#ifndef SWARMTOP_CMALLOC_SHIM_H
#define SWARMTOP_CMALLOC_SHIM_H
#include <malloc.h>
#endif
