/*
 * kprintf.c - formatted output.
 *
 * One formatter, format(), writes through a sink callback; the console and
 * the buffer versions only differ in their sink.  It is compiled on the host
 * for the unit tests, with a fake port_console_putc.
 */
#include "kprintf.h"
#include "port.h"

struct sink {
	void (*put)(struct sink *s, char c);
	char *buf;              /* buffer sinks only */
	size_t size, len;       /* len counts every character, written or not */
};

static void put_repeat(struct sink *s, char c, int n)
{
	while (n-- > 0)
		s->put(s, c);
}

/* Print one number with its sign, padding and base. */
static void put_number(struct sink *s, unsigned long long v, bool negative,
		       unsigned base, bool upper, int width, bool left, bool zero)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	int len = n + negative;
	if (!left && !zero)
		put_repeat(s, ' ', width - len);
	if (negative)
		s->put(s, '-');
	if (!left && zero)
		put_repeat(s, '0', width - len);
	while (n)
		s->put(s, tmp[--n]);
	if (left)
		put_repeat(s, ' ', width - len);
}

static void format(struct sink *s, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			s->put(s, *fmt);
			continue;
		}
		bool left = false, zero = false;
		int width = 0, longs = 0;
		for (;; fmt++) {
			if (fmt[1] == '-')
				left = true;
			else if (fmt[1] == '0')
				zero = true;
			else
				break;
		}
		if (fmt[1] == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		while (fmt[1] >= '0' && fmt[1] <= '9')
			width = width * 10 + (*++fmt - '0');
		while (fmt[1] == 'l' || fmt[1] == 'z') {  /* size_t is a long on every port */
			longs++;
			fmt++;
		}
		char conv = *++fmt;
		unsigned long long u;
		switch (conv) {
		case 'd':
		case 'i': {
			long long v = longs >= 2 ? va_arg(ap, long long)
				    : longs ? va_arg(ap, long) : va_arg(ap, int);
			bool neg = v < 0;
			u = neg ? -(unsigned long long)v : (unsigned long long)v;
			put_number(s, u, neg, 10, false, width, left, zero);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
			u = longs >= 2 ? va_arg(ap, unsigned long long)
			  : longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			put_number(s, u, false, conv == 'u' ? 10 : 16, conv == 'X',
				   width, left, zero);
			break;
		case 'p':
			s->put(s, '0');
			s->put(s, 'x');
			put_number(s, (uintptr_t)va_arg(ap, void *), false, 16, false,
				   width ? width : (int)sizeof(void *) * 2, false, true);
			break;
		case 'c':
			put_repeat(s, ' ', left ? 0 : width - 1);
			s->put(s, (char)va_arg(ap, int));
			put_repeat(s, ' ', left ? width - 1 : 0);
			break;
		case 's': {
			const char *str = va_arg(ap, const char *);
			int len = 0;
			if (!str)
				str = "(null)";
			while (str[len])
				len++;
			put_repeat(s, ' ', left ? 0 : width - len);
			while (*str)
				s->put(s, *str++);
			put_repeat(s, ' ', left ? width - len : 0);
			break;
		}
		case '%':
			s->put(s, '%');
			break;
		case '\0':      /* a lone '%' at the end */
			return;
		default:        /* unknown: show it as written */
			s->put(s, '%');
			s->put(s, conv);
			break;
		}
	}
}

static void put_buffer(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { .put = put_buffer, .buf = buf, .size = size };

	format(&s, fmt, ap);
	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return (int)s.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void put_console(struct sink *s, char c)
{
	if (c == '\n')
		port_console_putc('\r');   /* serial terminals want CR LF */
	port_console_putc(c);
	s->len++;
}

int kvprintf(const char *fmt, va_list ap)
{
	struct sink s = { .put = put_console };

	format(&s, fmt, ap);
	return (int)s.len;
}

int kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}
