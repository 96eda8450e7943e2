//go:build !linux

package hugealloc

import "unsafe"

// supported tells whether advise gives advice.
const supported = false

// advise gives no advice outside Linux.
func advise(unsafe.Pointer, uintptr) {}
