package engine

import "testing"

func TestOptionsCheck(t *testing.T) {
	for _, tt := range []struct {
		o    Options
		want string
	}{
		{Options{}, ""},
		{Options{Threads: 1, MemoryLimit: "4GB"}, ""},
		{Options{MemoryLimit: "512MB"}, ""},
		{Options{MemoryLimit: "1.5GiB"}, ""},
		{Options{MemoryLimit: "100 KB"}, ""},
		{Options{Threads: -1}, "threads -1: want 0 (every core) or more"},
		{Options{MemoryLimit: "4"}, `memory limit "4": want a size such as 4GB, 512MB or 1.5GiB`},
		{Options{MemoryLimit: "80%"}, `memory limit "80%": want a size such as 4GB, 512MB or 1.5GiB`},
		{Options{MemoryLimit: "4GB'; DROP TABLE x"}, `memory limit "4GB'; DROP TABLE x": want a size such as 4GB, 512MB or 1.5GiB`},
	} {
		err := tt.o.Check()
		if got := ""; err != nil {
			got = err.Error()
			if got != tt.want {
				t.Errorf("%+v: %q, want %q", tt.o, got, tt.want)
			}
		} else if tt.want != "" {
			t.Errorf("%+v: accepted, want %q", tt.o, tt.want)
		}
	}
}
