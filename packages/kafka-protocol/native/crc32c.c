/*
 * CRC-32C (Castagnoli) for record batch v2, with the CPU's CRC32 instruction (SSE 4.2).
 *
 * The instruction takes three cycles before its result can feed the next one but can start one
 * every cycle, so a single running CRC uses a third of it. This keeps three CRCs running over three
 * neighbouring blocks and joins them: crc(A ++ B) is crc(A) carried past len(B) zero bytes, XOR
 * crc(B) started from zero. Carrying a CRC past a fixed number of zero bytes is a linear map on its
 * 32 bits, precomputed as four 256-entry tables (one per byte of the CRC). The same idea as Mark
 * Adler's crc32c.c and Intel's "Fast CRC Computation for iSCSI Polynomial Using CRC32 Instruction".
 *
 * Exports:
 *   crc32c(data: Uint8Array, initial?: number): number  unsigned, continues `initial` like zlib's crc32
 *   hardware: boolean                                    false where the CPU or the build lacks it
 *
 * Built at install by node-gyp (binding.gyp); src/records/crc32c.ts falls back to a portable
 * implementation when the build or the instruction is missing.
 */
#include <node_api.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_SSE42_PATH 1
#include <nmmintrin.h>
#else
#define HAVE_SSE42_PATH 0
#endif

#if HAVE_SSE42_PATH

/* The CRC-32C polynomial, bit-reversed as the CRC32 instruction uses it. */
#define POLY 0x82f63b78u
/* Bytes per stream in one round of three: large blocks for long data, small ones for the rest. */
#define LONG_BLOCK 4096
#define SHORT_BLOCK 256

static uint32_t long_shift[4][256];
static uint32_t short_shift[4][256];
static int hardware;

/* a * b modulo the polynomial, both bit-reversed (x^0 in the top bit). */
static uint32_t multiply_mod_poly(uint32_t a, uint32_t b) {
  uint32_t product = 0;
  for (uint32_t bit = 1u << 31; bit != 0; bit >>= 1) {
    if (a & bit) product ^= b;
    b = (b & 1) ? (b >> 1) ^ POLY : b >> 1;
  }
  return product;
}

/* x^(8 * bytes) modulo the polynomial: what carrying a CRC past `bytes` zero bytes multiplies it by. */
static uint32_t zero_bytes_operator(size_t bytes) {
  uint32_t result = 1u << 31;   /* x^0 */
  uint32_t square = 1u << 23;   /* x^8: one zero byte */
  for (; bytes != 0; bytes >>= 1) {
    if (bytes & 1) result = multiply_mod_poly(square, result);
    square = multiply_mod_poly(square, square);
  }
  return result;
}

static void fill_shift_table(uint32_t table[4][256], size_t bytes) {
  uint32_t op = zero_bytes_operator(bytes);
  for (uint32_t value = 0; value < 256; value++) {
    for (int byte = 0; byte < 4; byte++) table[byte][value] = multiply_mod_poly(op, value << (8 * byte));
  }
}

static inline uint32_t shift(const uint32_t table[4][256], uint32_t crc) {
  return table[0][crc & 0xff] ^ table[1][(crc >> 8) & 0xff] ^ table[2][(crc >> 16) & 0xff] ^ table[3][crc >> 24];
}

static inline uint64_t load64(const uint8_t *p) {
  uint64_t value;
  memcpy(&value, p, sizeof value);
  return value;
}

/* Three streams over blocks of `block` bytes, joined after each round. */
#define THREE_WAY(block, table)                                                  \
  while (length >= 3 * (block)) {                                                \
    uint64_t crc1 = 0, crc2 = 0;                                                 \
    const uint8_t *end = p + (block);                                            \
    do {                                                                         \
      crc0 = _mm_crc32_u64(crc0, load64(p));                                     \
      crc1 = _mm_crc32_u64(crc1, load64(p + (block)));                           \
      crc2 = _mm_crc32_u64(crc2, load64(p + 2 * (block)));                       \
      p += 8;                                                                    \
    } while (p < end);                                                           \
    crc0 = shift(table, (uint32_t)crc0) ^ (uint32_t)crc1;                        \
    crc0 = shift(table, (uint32_t)crc0) ^ (uint32_t)crc2;                        \
    p += 2 * (block);                                                            \
    length -= 3 * (block);                                                       \
  }

__attribute__((target("sse4.2")))
static uint32_t crc32c_sse42(uint32_t initial, const uint8_t *p, size_t length) {
  uint64_t crc0 = initial ^ 0xffffffffu;
  while (length != 0 && ((uintptr_t)p & 7) != 0) {
    crc0 = _mm_crc32_u8((uint32_t)crc0, *p++);
    length--;
  }
  THREE_WAY(LONG_BLOCK, long_shift)
  THREE_WAY(SHORT_BLOCK, short_shift)
  for (; length >= 8; length -= 8, p += 8) crc0 = _mm_crc32_u64(crc0, load64(p));
  for (; length != 0; length--) crc0 = _mm_crc32_u8((uint32_t)crc0, *p++);
  return (uint32_t)crc0 ^ 0xffffffffu;
}

static void init_hardware(void) {
  __builtin_cpu_init();
  hardware = __builtin_cpu_supports("sse4.2");
  if (!hardware) return;
  fill_shift_table(long_shift, LONG_BLOCK);
  fill_shift_table(short_shift, SHORT_BLOCK);
}

#else

static const int hardware = 0;
static void init_hardware(void) {}

#endif

static napi_value crc32c(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value args[2];
  if (napi_get_cb_info(env, info, &argc, args, NULL, NULL) != napi_ok) return NULL;
  bool is_typed_array = false;
  if (argc < 1 || napi_is_typedarray(env, args[0], &is_typed_array) != napi_ok || !is_typed_array) {
    napi_throw_type_error(env, NULL, "crc32c(data, initial): data must be a Uint8Array or Buffer");
    return NULL;
  }
  napi_typedarray_type type;
  size_t length;
  void *data;
  if (napi_get_typedarray_info(env, args[0], &type, &length, &data, NULL, NULL) != napi_ok) return NULL;
  if (type != napi_uint8_array) {
    napi_throw_type_error(env, NULL, "crc32c(data, initial): data must be a Uint8Array or Buffer");
    return NULL;
  }
  uint32_t initial = 0;
  if (argc > 1) {
    napi_valuetype kind;
    if (napi_typeof(env, args[1], &kind) != napi_ok) return NULL;
    if (kind != napi_undefined && napi_get_value_uint32(env, args[1], &initial) != napi_ok) {
      napi_throw_type_error(env, NULL, "crc32c(data, initial): initial must be a number");
      return NULL;
    }
  }
  uint32_t crc = 0;
#if HAVE_SSE42_PATH
  crc = crc32c_sse42(initial, (const uint8_t *)data, length);
#else
  (void)initial;
  (void)data;
  napi_throw_error(env, NULL, "crc32c: this build has no hardware CRC-32C (check `hardware` first)");
  return NULL;
#endif
  napi_value result;
  if (napi_create_uint32(env, crc, &result) != napi_ok) return NULL;
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  init_hardware();
  napi_value function, has_hardware;
  if (napi_create_function(env, "crc32c", NAPI_AUTO_LENGTH, crc32c, NULL, &function) != napi_ok) return NULL;
  if (napi_get_boolean(env, hardware != 0, &has_hardware) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "crc32c", function) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "hardware", has_hardware) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
