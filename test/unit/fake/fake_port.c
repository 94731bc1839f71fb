/* A fake port for host unit tests: the console is a buffer. */
#include <stdlib.h>
#include <string.h>
#include "port.h"
#include "fake_port.h"

char fake_console[4096];
static size_t fake_len;

const char port_name[] = "fake";

void fake_console_clear(void)
{
	fake_len = 0;
	fake_console[0] = '\0';
}

void port_console_putc(char c)
{
	if (fake_len + 1 < sizeof(fake_console)) {
		fake_console[fake_len++] = c;
		fake_console[fake_len] = '\0';
	}
}
