/*
 * printf.c - formatted output.  vsnprintf does the formatting into a
 * buffer; printf formats into a buffer on the stack and writes it to the
 * kernel console one character at a time (the kernel's only output call).
 */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <l4/kdebug.h>

/* An output buffer that counts what did not fit as well. */
struct out {
    char *buf;
    size_t size;
    size_t len;         /* characters produced, written or not */
};

static void out_char(struct out *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void out_pad(struct out *o, char c, int n)
{
    while (n-- > 0)
        out_char(o, c);
}

/* One conversion's flags. */
struct spec {
    int left;           /* '-' */
    int zero;           /* '0' */
    int plus;           /* '+' */
    int space;          /* ' ' */
    int alt;            /* '#' */
    int width;
    int prec;           /* -1: none */
};

/* A number: sign or prefix, zeros for the precision, padding for the width. */
static void out_number(struct out *o, const struct spec *sp, uintmax_t v,
                       int negative, unsigned base, int upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[3 * sizeof(uintmax_t)];
    const char *prefix = "";
    int n = 0, zeros, pad;

    while (v) {
        tmp[n++] = digits[v % base];
        v /= base;
    }
    if (sp->prec < 0 && n == 0)
        tmp[n++] = '0';             /* "%.0d" of 0 prints nothing, as in C */

    if (negative)
        prefix = "-";
    else if (sp->plus)
        prefix = "+";
    else if (sp->space)
        prefix = " ";
    else if (sp->alt && base == 16 && n > 0 && !(n == 1 && tmp[0] == '0'))
        prefix = upper ? "0X" : "0x";
    else if (sp->alt && base == 8 && (n == 0 || tmp[n - 1] != '0'))
        prefix = "0";

    zeros = sp->prec > n ? sp->prec - n : 0;
    pad = sp->width - (int)strlen(prefix) - zeros - n;
    if (sp->zero && !sp->left && sp->prec < 0) {
        zeros += pad > 0 ? pad : 0;
        pad = 0;
    }
    if (!sp->left)
        out_pad(o, ' ', pad);
    while (*prefix)
        out_char(o, *prefix++);
    out_pad(o, '0', zeros);
    while (n)
        out_char(o, tmp[--n]);
    if (sp->left)
        out_pad(o, ' ', pad);
}

static void out_string(struct out *o, const struct spec *sp, const char *s)
{
    int n;
    if (!s)
        s = "(null)";
    n = (int)strnlen(s, sp->prec < 0 ? SIZE_MAX : (size_t)sp->prec);
    if (!sp->left)
        out_pad(o, ' ', sp->width - n);
    for (int i = 0; i < n; i++)
        out_char(o, s[i]);
    if (sp->left)
        out_pad(o, ' ', sp->width - n);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = { buf, size, 0 };

    for (; *fmt; fmt++) {
        struct spec sp = { 0, 0, 0, 0, 0, 0, -1 };
        int lng = 0;            /* -2 hh, -1 h, 1 l, 2 ll (and z t j) */
        uintmax_t v;
        char c;

        if (*fmt != '%') {
            out_char(&o, *fmt);
            continue;
        }
        for (;; fmt++) {
            c = fmt[1];
            if (c == '-') sp.left = 1;
            else if (c == '0') sp.zero = 1;
            else if (c == '+') sp.plus = 1;
            else if (c == ' ') sp.space = 1;
            else if (c == '#') sp.alt = 1;
            else break;
        }
        fmt++;
        if (*fmt == '*') {
            sp.width = va_arg(ap, int);
            if (sp.width < 0) {
                sp.left = 1;
                sp.width = -sp.width;
            }
            fmt++;
        } else {
            while (*fmt >= '0' && *fmt <= '9')
                sp.width = sp.width * 10 + (*fmt++ - '0');
        }
        if (*fmt == '.') {
            fmt++;
            sp.prec = 0;
            if (*fmt == '*') {
                sp.prec = va_arg(ap, int);
                if (sp.prec < 0)
                    sp.prec = -1;
                fmt++;
            } else {
                while (*fmt >= '0' && *fmt <= '9')
                    sp.prec = sp.prec * 10 + (*fmt++ - '0');
            }
        }
        for (;; fmt++) {
            if (*fmt == 'h') lng = lng < 0 ? -2 : -1;
            else if (*fmt == 'l') lng = lng > 0 ? 2 : 1;
            else if (*fmt == 'z' || *fmt == 't' || *fmt == 'j') lng = 2;
            else break;
        }

        switch (c = *fmt) {
        case 'd':
        case 'i': {
            intmax_t s;
            if (lng >= 2) s = va_arg(ap, long long);
            else if (lng == 1) s = va_arg(ap, long);
            else s = va_arg(ap, int);
            if (lng == -1) s = (short)s;
            if (lng == -2) s = (signed char)s;
            v = s < 0 ? -(uintmax_t)s : (uintmax_t)s;
            out_number(&o, &sp, v, s < 0, 10, 0);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o':
            if (lng >= 2) v = va_arg(ap, unsigned long long);
            else if (lng == 1) v = va_arg(ap, unsigned long);
            else v = va_arg(ap, unsigned int);
            if (lng == -1) v = (unsigned short)v;
            if (lng == -2) v = (unsigned char)v;
            out_number(&o, &sp, v, 0, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X');
            break;
        case 'p':
            sp.alt = 1;
            out_number(&o, &sp, (uintptr_t)va_arg(ap, void *), 0, 16, 0);
            break;
        case 'c':
            out_pad(&o, ' ', sp.left ? 0 : sp.width - 1);
            out_char(&o, (char)va_arg(ap, int));
            out_pad(&o, ' ', sp.left ? sp.width - 1 : 0);
            break;
        case 's':
            out_string(&o, &sp, va_arg(ap, const char *));
            break;
        case '%':
            out_char(&o, '%');
            break;
        case 0:                 /* a lone '%' at the end */
            fmt--;
            break;
        default:                /* unknown: print it as it was written */
            out_char(&o, '%');
            out_char(&o, c);
            break;
        }
    }
    if (size)
        buf[o.len < size ? o.len : size - 1] = 0;
    return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int putchar(int c)
{
    L4_KDB_PrintChar((char)c);
    return (unsigned char)c;
}

int puts(const char *s)
{
    L4_KDB_PrintString(s);
    L4_KDB_PrintChar('\n');
    return 0;
}

/* Longer output is cut at the buffer's size: printf is for lines of text. */
int vprintf(const char *fmt, va_list ap)
{
    char buf[512];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    L4_KDB_PrintString(buf);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}
