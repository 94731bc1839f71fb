/* assert.h - Pecan's user libc: a failed assertion prints where and ends the
 * program as failed (abort()).  Not reinclusion-guarded, as C requires, so
 * NDEBUG can change between inclusions. */
#undef assert
#ifdef NDEBUG
# define assert(e) ((void)0)
#else
# define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef PECAN_USER_ASSERT_H
#define PECAN_USER_ASSERT_H
#define static_assert _Static_assert
_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func);
#endif
