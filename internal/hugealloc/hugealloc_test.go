package hugealloc

import (
	"fmt"
	"testing"
)

func TestMakeIsMake(t *testing.T) {
	for _, c := range []int{0, 1, MinBytes/8 - 1, MinBytes / 8, 3 * MinBytes / 8} {
		s := Make[int64](c/2, c)
		if len(s) != c/2 || cap(s) != c {
			t.Fatalf("Make(%d, %d): len %d cap %d", c/2, c, len(s), cap(s))
		}
		for i, v := range s[:cap(s)] {
			if v != 0 {
				t.Fatalf("Make(%d, %d)[%d] = %d, want 0", c/2, c, i, v)
			}
		}
	}
}

func TestDisabled(t *testing.T) {
	for godebug, want := range map[string]bool{
		"":                         false,
		"disablethp=1":             true,
		"gctrace=1,disablethp=1":   true,
		"gctrace=1, disablethp=1 ": true,
		"disablethp=0":             false,
		"xdisablethp=1":            false,
		"madvdontneed=1,gctrace=1": false,
	} {
		if got := disabled(godebug); got != want {
			t.Errorf("disabled(%q) = %v, want %v", godebug, got, want)
		}
	}
}

func ExampleMake() {
	// Room for a million timestamps, filled once.
	sec := Make[int64](0, 1_000_000)
	sec = append(sec, 1_700_000_000)
	fmt.Println(len(sec), cap(sec))
	// Output: 1 1000000
}
