package hugealloc

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// thpEligible reads /proc/self/smaps for the mapping holding address a and
// returns its THPeligible flag.
func thpEligible(t *testing.T, a uintptr) bool {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		first, _, _ := strings.Cut(line, " ")
		if !strings.HasSuffix(first, ":") { // a mapping's first line: lo-hi perms ...
			var lo, hi uintptr
			if _, err := fmt.Sscanf(first, "%x-%x", &lo, &hi); err != nil {
				t.Fatalf("smaps line %q: %v", line, err)
			}
			in = lo <= a && a < hi
			continue
		}
		if v, ok := strings.CutPrefix(line, "THPeligible:"); ok && in {
			return strings.TrimSpace(v) == "1"
		}
	}
	t.Skip("smaps has no THPeligible line for the allocation (kernel too old)")
	return false
}

// TestMakeAdvisesHugePages checks, where the kernel gives transparent huge
// pages on request only, that a large Make is eligible for them and the
// same make is not.
func TestMakeAdvisesHugePages(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		t.Skipf("transparent huge pages are not on request here: %q %v", mode, err)
	}
	t.Setenv("GODEBUG", "")
	const n = 16 << 20
	plain := make([]byte, n)
	advised := Make[byte](n, n)
	mid := func(s []byte) uintptr { return uintptr(unsafe.Pointer(&s[n/2])) }
	if !thpEligible(t, mid(advised)) {
		t.Error("Make's memory is not eligible for huge pages")
	}
	if thpEligible(t, mid(plain)) {
		t.Error("make's memory is eligible for huge pages without advice: the check cannot tell")
	}
	t.Setenv("GODEBUG", "disablethp=1")
	if off := Make[byte](n, n); thpEligible(t, mid(off)) {
		t.Error("GODEBUG=disablethp=1: Make still advised huge pages")
	}
	runtime.KeepAlive(plain) // none of the three may reuse another's memory
	runtime.KeepAlive(advised)
}

// TestReserve checks, in a process of its own (a test before it may have
// advised memory the runtime hands out again), that memory allocated with
// plain make after Reserve is eligible for huge pages, and before it not.
func TestReserve(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		t.Skipf("transparent huge pages are not on request here: %q %v", mode, err)
	}
	if os.Getenv("HUGEALLOC_RESERVE_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestReserve$", "-test.v")
		cmd.Env = append(os.Environ(), "HUGEALLOC_RESERVE_CHILD=1", "GODEBUG=")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestReserve") {
			t.Fatalf("the child process: %v\n%s", err, out)
		}
		return
	}
	const n = 16 << 20
	mid := func(s []byte) uintptr { return uintptr(unsafe.Pointer(&s[n/2])) }
	before := make([]byte, n)
	if thpEligible(t, mid(before)) {
		t.Fatal("make's memory is eligible for huge pages before Reserve: the check cannot tell")
	}
	Reserve(64 << 20)
	after := make([]byte, n)
	if !thpEligible(t, mid(after)) {
		t.Error("make's memory after Reserve is not eligible for huge pages")
	}
	runtime.KeepAlive(before)
	runtime.KeepAlive(after)
}
