#include "CSimdJSON.h"

#include <atomic>
#include <cstring>
#include <new>
#include <simdjson.h>
#include <type_traits>

using simdjson::dom::element;

static_assert(sizeof(element) == sizeof(sj_value), "sj_value holds a dom::element");
static_assert(std::is_trivially_copyable<element>::value, "a dom::element is copied bytewise");

// One parser is kept between documents: its buffers (about 15 bytes per byte of JSON, of
// which the pages a document touches become resident) are then faulted in once, not on every
// answer. Whoever finds it free takes it (an atomic flag, never a wait); a document parsed
// while it is taken (another thread's, or a decode inside a decode) gets a parser of its own,
// freed with its document. A kept parser grown past `kKeptCapacity` bytes of JSON is dropped
// when its document is freed, so one huge answer is not held for good.
static constexpr size_t kKeptCapacity = 32 << 20;
static std::atomic<bool> keptInUse{false};
// Only touched by who set keptInUse. A plain pointer, never destroyed at exit: a static
// unique_ptr's destructor ran in exit() while the refresh engine's threads may still be
// parsing with it: its buffers freed (unmapped, when large) under a running parse.
static simdjson::dom::parser *kept = nullptr;

struct sj_document {
    simdjson::dom::parser *parser;
    bool isKept;
};

static bool takeKept() {
    bool expected = false;
    return keptInUse.compare_exchange_strong(expected, true, std::memory_order_acquire);
}

static simdjson::dom::parser *acquire(bool isKept) {
    if (!isKept) { return new (std::nothrow) simdjson::dom::parser(); }
    if (!kept) { kept = new (std::nothrow) simdjson::dom::parser(); }
    return kept;
}

// Frees a parser of its own, or puts the kept one back (dropped when grown too big).
static void giveBack(simdjson::dom::parser *parser, bool isKept) {
    if (!isKept) { delete parser; return; }
    if (kept && kept->capacity() > kKeptCapacity) {
        delete kept;
        kept = nullptr;
    }
    keptInUse.store(false, std::memory_order_release);
}

static void release(sj_document *document) {
    giveBack(document->parser, document->isKept);
    delete document;
}

static element unwrap(sj_value value) {
    element e;
    std::memcpy(static_cast<void *>(&e), &value, sizeof e);
    return e;
}

static sj_value wrap(element e) {
    sj_value value;
    std::memcpy(&value, static_cast<const void *>(&e), sizeof value);
    return value;
}

extern "C" sj_document *sj_parse(const uint8_t *bytes, size_t length, sj_value *root, const char **error) {
    bool isKept = takeKept();
    auto *parser = acquire(isKept);
    auto *document = parser ? new (std::nothrow) sj_document{parser, isKept} : nullptr;
    if (!document) {
        giveBack(parser, isKept);
        *error = "out of memory";
        return nullptr;
    }
    element e;
    auto code = parser->parse(reinterpret_cast<const char *>(bytes), length).get(e);
    if (code) {
        *error = simdjson::error_message(code);
        release(document);
        return nullptr;
    }
    *root = wrap(e);
    return document;
}

extern "C" void sj_document_free(sj_document *document) { release(document); }

static bool isSpace(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static size_t skipSpace(const uint8_t *bytes, size_t length, size_t i) {
    while (i < length && isSpace(bytes[i])) i++;
    return i;
}

// The array's `]` at `i`: only whitespace may follow it.
static int arrayClose(const uint8_t *bytes, size_t length, size_t i, size_t *offset, const char **error) {
    if (skipSpace(bytes, length, i + 1) != length) { *error = "bytes after the array"; return -1; }
    *offset = length;
    return 0;
}

// The end of the value that starts at `i`: past its closing bracket or quote, or, for a number
// or literal, at the first byte that cannot be part of it; `length + 1` when it is not closed.
static size_t valueEnd(const uint8_t *bytes, size_t length, size_t i) {
    size_t depth = 0;
    while (i < length) {
        uint8_t c = bytes[i];
        if (c == '"') {
            for (i++; i < length && bytes[i] != '"'; i++) {
                if (bytes[i] == '\\') i++;
            }
            if (i >= length) return length + 1;
            i++;
            if (depth == 0) return i;
        } else if (c == '{' || c == '[') {
            depth++; i++;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return i;
            depth--; i++;
            if (depth == 0) return i;
        } else if (depth == 0 && (c == ',' || isSpace(c))) {
            return i;
        } else {
            i++;
        }
    }
    return depth == 0 ? i : length + 1;
}

extern "C" int sj_array_next(const uint8_t *bytes, size_t length, size_t *offset, size_t *start, size_t *end, const char **error) {
    size_t i = skipSpace(bytes, length, *offset);
    if (*offset == 0) {
        if (i >= length || bytes[i] != '[') { *error = "not a JSON array"; return -1; }
        i = skipSpace(bytes, length, i + 1);
        if (i < length && bytes[i] == ']') { return arrayClose(bytes, length, i, offset, error); }
    } else {
        if (i < length && bytes[i] == ']') { return arrayClose(bytes, length, i, offset, error); }
        if (i >= length || bytes[i] != ',') { *error = i >= length ? "unterminated array" : "expected , or ] after an element of the array"; return -1; }
        i = skipSpace(bytes, length, i + 1);
    }
    size_t e = valueEnd(bytes, length, i);
    if (e == i || e > length) { *error = e == i ? "expected a value in the array" : "unterminated value in the array"; return -1; }
    *start = i;
    *end = e;
    *offset = e;
    return 1;
}

extern "C" size_t sj_kept_capacity(void) {
    if (!takeKept()) { return 0; }
    size_t capacity = kept ? kept->capacity() : 0;
    keptInUse.store(false, std::memory_order_release);
    return capacity;
}

extern "C" char sj_kind(sj_value value) { return static_cast<char>(unwrap(value).type()); }

extern "C" bool sj_string(sj_value value, const char **bytes, size_t *length) {
    std::string_view s;
    if (unwrap(value).get_string().get(s)) return false;
    *bytes = s.data();
    *length = s.size();
    return true;
}

extern "C" bool sj_int64(sj_value value, int64_t *out) { return !unwrap(value).get_int64().get(*out); }
extern "C" bool sj_uint64(sj_value value, uint64_t *out) { return !unwrap(value).get_uint64().get(*out); }
extern "C" bool sj_double(sj_value value, double *out) { return !unwrap(value).get_double().get(*out); }
extern "C" bool sj_bool(sj_value value, bool *out) { return !unwrap(value).get_bool().get(*out); }

// The tape stores each object's and array's count, saturated at JSON_COUNT_MASK; only a
// container that big is walked.
template <typename Items>
static size_t count(Items items) {
    size_t n = items.size();
    if (n < simdjson::internal::JSON_COUNT_MASK) { return n; }
    n = 0;
    for (auto item : items) { (void)item; n++; }
    return n;
}

extern "C" size_t sj_count(sj_value value) {
    element e = unwrap(value);
    simdjson::dom::object object;
    simdjson::dom::array array;
    if (!e.get_object().get(object)) { return count(object); }
    if (!e.get_array().get(array)) { return count(array); }
    return 0;
}

extern "C" bool sj_find(sj_value object, const char *key, size_t key_length, sj_value *out) {
    simdjson::dom::object o;
    if (unwrap(object).get_object().get(o)) return false;
    element e;
    if (o.at_key(std::string_view(key, key_length)).get(e)) return false;
    *out = wrap(e);
    return true;
}

// Writes up to `capacity` items of an object or array, each made into an `Out` by `make`.
template <typename Items, typename Out, typename Make>
static size_t fill(Items items, Out *out, size_t capacity, Make make) {
    size_t n = 0;
    for (auto item : items) {
        if (n == capacity) break;
        out[n++] = make(item);
    }
    return n;
}

extern "C" size_t sj_members(sj_value object, sj_member *out, size_t capacity) {
    simdjson::dom::object o;
    if (unwrap(object).get_object().get(o)) return 0;
    return fill(o, out, capacity, [](simdjson::dom::key_value_pair member) {
        return sj_member{member.key.data(), member.key.size(), wrap(member.value)};
    });
}

extern "C" size_t sj_elements(sj_value array, sj_value *out, size_t capacity) {
    simdjson::dom::array a;
    if (unwrap(array).get_array().get(a)) return 0;
    return fill(a, out, capacity, wrap);
}
