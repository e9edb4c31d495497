// The system's zlib (Debian's zlib1g-dev): gzip for recordings (Sources/Recording).
#ifndef SWARMTOP_CZLIB_SHIM_H
#define SWARMTOP_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2 and inflateInit2 are macros (they pass ZLIB_VERSION and the stream's size),
// which Swift cannot call: these functions do.
static inline int swarmtop_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
static inline int swarmtop_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}
#endif
