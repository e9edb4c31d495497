// A C face on simdjson's DOM (Debian's libsimdjson, 3.x) for Swift, which cannot import C++
// here without making every module that sees it a C++-interop module.
#ifndef CSIMDJSON_H
#define CSIMDJSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A parsed document: its parser and the tape every `sj_value` points into.
typedef struct sj_document sj_document;

/// One JSON value of a parsed document (a copy of a `simdjson::dom::element`); valid while
/// its document lives.
typedef struct { uint64_t words[2]; } sj_value;

/// A key and its value, of an object.
typedef struct { const char *key; size_t key_length; sj_value value; } sj_member;

/// Parses `length` bytes; nil with `*error` set to simdjson's message when they are not JSON.
/// Free the document with `sj_document_free`. One parser is kept for the next document while
/// the last is freed and not above 32 MiB; a document parsed while it is in use gets its own.
sj_document *sj_parse(const uint8_t *bytes, size_t length, sj_value *root, const char **error);
void sj_document_free(sj_document *document);
/// The capacity, in bytes of JSON, of the parser kept between documents (0 when none is kept
/// or it is in use): for tests of its reuse.
size_t sj_kept_capacity(void);

/// Finds the elements of a top-level JSON array without parsing them, so that each can be
/// parsed alone (a parser's buffers are about 15 bytes per byte of the JSON it parses: one
/// 19 MB `/tasks` would need some 290 MB). Call it first with `*offset` 0, then again with the
/// `*offset` it left: each call sets `[*start, *end)` to the next element's bytes and returns 1;
/// it returns 0 after the last one (the closing `]`, then only whitespace), and -1 with `*error`
/// set when the bytes are not an array. The elements themselves are not checked: their parse does.
int sj_array_next(const uint8_t *bytes, size_t length, size_t *offset, size_t *start, size_t *end, const char **error);

/// The value's kind, as simdjson's `element_type`: '{' object, '[' array, '"' string,
/// 'l' int64, 'u' uint64 (above INT64_MAX), 'd' double, 't' bool, 'n' null.
char sj_kind(sj_value value);

/// The string's bytes (UTF-8, escapes resolved, valid while the document lives).
bool sj_string(sj_value value, const char **bytes, size_t *length);
bool sj_int64(sj_value value, int64_t *out);
bool sj_uint64(sj_value value, uint64_t *out);
/// Any number as a double.
bool sj_double(sj_value value, double *out);
bool sj_bool(sj_value value, bool *out);

/// How many members an object has, or elements an array (0 for other values).
size_t sj_count(sj_value value);
/// The object's member named by `key` (the first, if it appears twice).
bool sj_find(sj_value object, const char *key, size_t key_length, sj_value *out);
/// Writes up to `capacity` members of an object, in document order; returns how many.
size_t sj_members(sj_value object, sj_member *out, size_t capacity);
/// Writes up to `capacity` elements of an array, in order; returns how many.
size_t sj_elements(sj_value array, sj_value *out, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
