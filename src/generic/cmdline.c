/* cmdline.c - boot options. */
#include "cmdline.h"
#include "string.h"

bool cmdline_has(const char *cmdline, const char *opt)
{
	size_t len = strlen(opt);

	for (const char *p = cmdline; *p;) {
		while (*p == ' ')
			p++;
		size_t word = 0;
		while (p[word] && p[word] != ' ')
			word++;
		if (word == len && strncmp(p, opt, len) == 0)
			return true;
		p += word;
	}
	return false;
}
