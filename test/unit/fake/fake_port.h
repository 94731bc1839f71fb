/* What the fake port lets a test see. */
#ifndef FAKE_PORT_H
#define FAKE_PORT_H

extern char fake_console[4096];         /* everything kprintf wrote, NUL-terminated */
void fake_console_clear(void);

#endif
