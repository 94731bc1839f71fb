/* frame.c - printing an x86_64 trap frame. */
#include "kprintf.h"
#include "port.h"
#include "x86.h"

void port_frame_dump(const struct trap_frame *f)
{
	kprintf("rip=%016lx cs=%04lx rflags=%016lx vector=%lu error=%lx\n",
		f->rip, f->cs, f->rflags, f->vector, f->error);
	kprintf("rsp=%016lx ss=%04lx cr2=%016lx cr3=%016lx\n",
		f->rsp, f->ss, read_cr2(), read_cr3());
	kprintf("rax=%016lx rbx=%016lx rcx=%016lx rdx=%016lx\n", f->rax, f->rbx, f->rcx, f->rdx);
	kprintf("rsi=%016lx rdi=%016lx rbp=%016lx r8 =%016lx\n", f->rsi, f->rdi, f->rbp, f->r8);
	kprintf("r9 =%016lx r10=%016lx r11=%016lx r12=%016lx\n", f->r9, f->r10, f->r11, f->r12);
	kprintf("r13=%016lx r14=%016lx r15=%016lx\n", f->r13, f->r14, f->r15);
}
