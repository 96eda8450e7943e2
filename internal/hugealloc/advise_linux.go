package hugealloc

import (
	"syscall"
	"unsafe"
)

// supported tells whether advise gives advice.
const supported = true

// hugePage is the size of a transparent huge page on the architectures Go
// supports on Linux (x86-64 and arm64 with 4 KiB base pages).
const hugePage = 2 << 20

// madvHugepage is MADV_HUGEPAGE.
const madvHugepage = 14

// advise asks for huge pages in the whole huge pages inside [p, p+n). An
// error (a kernel without transparent huge pages) leaves 4 KiB pages, as
// without the advice.
func advise(p unsafe.Pointer, n uintptr) {
	start := (uintptr(p)+hugePage-1)&^(hugePage-1) - uintptr(p)
	end := (uintptr(p)+n)&^(hugePage-1) - uintptr(p)
	if start >= end || end > n {
		return
	}
	// The range lies inside a live Go allocation: the advice sets a flag on
	// its pages and moves nothing.
	b := unsafe.Slice((*byte)(p), n)
	_ = syscall.Madvise(b[start:end], madvHugepage)
}
