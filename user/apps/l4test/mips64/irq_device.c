/*
 * irq_device.c for mips64: the device the interrupt tests raise from user
 * mode.  Malta's PIIX4 RTC (line 8 of its i8259s) gives a periodic
 * interrupt; the root server asks sigma0 for the page of ISA I/O ports
 * (dedicated memory, mapped uncached) and reaches the RTC through it.
 */
#include "../l4test.h"

const bool test_irq_available = true;
const unsigned test_irq_line = 8;
const unsigned test_irq_kernel_line = 2;        /* the cascade: not a device */

#define ISA_IO 0x18000000ul     /* physical, and (from sigma0, 1:1) virtual */

static volatile unsigned char *const io = (volatile unsigned char *)ISA_IO;

static unsigned char rtc_read(unsigned char reg)
{
	io[0x70] = reg;
	return io[0x71];
}

static void rtc_write(unsigned char reg, unsigned char v)
{
	io[0x70] = reg;
	io[0x71] = v;
}

bool test_irq_setup(void)
{
	L4_ThreadId_t s0 = L4_GlobalId(L4_ThreadIdUserBase(kip), 1);
	L4_Fpage_t f = L4_Sigma0_GetPage(s0, L4_FpageLog2(ISA_IO, 12));
	return !L4_IsNilFpage(f) && L4_Address(f) == ISA_IO;
}

void test_irq_raise(void)
{
	rtc_write(0x0a, (rtc_read(0x0a) & 0xf0) | 0x06);       /* 1024 Hz */
	rtc_write(0x0b, rtc_read(0x0b) | 0x40);                 /* periodic interrupt on */
}

void test_irq_ack(void)
{
	(void)rtc_read(0x0c);           /* reading C lowers the line */
}

void test_irq_stop(void)
{
	rtc_write(0x0b, rtc_read(0x0b) & ~0x40);
	(void)rtc_read(0x0c);
}
