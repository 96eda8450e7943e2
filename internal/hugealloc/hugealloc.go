// Package hugealloc makes large slices whose memory the kernel may back
// with transparent huge pages.
//
// A re-analysis fills a few large columns once, from start to end. Faulting
// their memory in 4 KiB pages costs one kernel entry per page (about 35,000
// for a million contributions, a third of the run's wall time on a virtual
// machine); a 2 MiB huge page takes one. Linux distributions mostly enable
// transparent huge pages only for memory that asks for them
// (/sys/kernel/mm/transparent_hugepage/enabled is "madvise"), and the Go
// runtime does not ask for its heap. Make asks, for slices large enough to
// hold a whole huge page.
//
// Reserve goes further for a whole program: it lets what the program
// allocates next, large or small, fault in huge pages.
//
// The advice changes no value and no result; it is not given on other
// systems, nor when GODEBUG holds disablethp=1 (the runtime's own switch to
// keep huge pages off the heap).
package hugealloc

import (
	"os"
	"runtime"
	"strings"
	"unsafe"
)

// MinBytes is the smallest slice, in bytes of capacity, that Make advises:
// two huge pages, so that a whole aligned one lies inside it.
const MinBytes = 4 << 20

// Make returns make([]T, n, c), advising the kernel to back it with huge
// pages when its capacity takes MinBytes or more. T should hold no
// pointers (the advice is about memory filled once and read often).
func Make[T any](n, c int) []T {
	s := make([]T, n, c)
	var zero T
	size := uintptr(c) * unsafe.Sizeof(zero)
	if size >= MinBytes && supported && !disabled(os.Getenv("GODEBUG")) {
		advise(unsafe.Pointer(unsafe.SliceData(s)), size)
	}
	return s
}

// disabled reports whether a GODEBUG value turns huge pages off.
func disabled(godebug string) bool {
	for kv := range strings.SplitSeq(godebug, ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return true
		}
	}
	return false
}

// Reserve prepares the heap of a program that is about to allocate about n
// bytes and keep most of them (a re-analysis reading its contributions):
// it allocates n bytes advised for huge pages and frees them at once, in
// one collection of a heap that is still small. The runtime hands out its
// free memory lowest address first, so what the program allocates next
// lands there and faults in 2 MiB at a time. Nothing is touched: resident
// memory does not grow until the program uses it.
//
// Reserve does nothing where Make gives no advice, or for less than
// MinBytes.
func Reserve(n int) {
	if n < MinBytes || !supported || disabled(os.Getenv("GODEBUG")) {
		return
	}
	s := Make[byte](0, n)
	runtime.KeepAlive(s)
	runtime.GC() // frees s: its memory, advised, goes back to the free pages
}
