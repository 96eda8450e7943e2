package username

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	tests := []struct {
		in, want, reason string
	}{
		{"jane_doe_(WMUK)", "Jane doe (WMUK)", ""},
		{"  Jane   Doe ", "Jane Doe", ""},
		{"User:Alice", "Alice", ""},
		{"user:bob_smith", "Bob smith", ""},
		{"élise", "Élise", ""},
		{"Ωmega", "Ωmega", ""},
		{"123abc", "123abc", ""},
		{"1.2.3.4", "", "an IP address"},
		{"2001:db8::1", "", "an IP address"},
		{"10.0.0.0/8", "", `contains "/"`},
		{"1.2.3.4-1.2.3.9", "", "an IP range"},
		{"Foo#bar", "", `contains "#"`},
		{"Foo/sandbox", "", `contains "/"`},
		{"A[b]", "", `contains "[", which is not allowed in a page title`},
		{"___", "", "empty"},
		{"", "", "empty"},
		{strings.Repeat("a", 256), "", "longer than 255 bytes"},
	}
	for _, tt := range tests {
		got, err := Canonical(tt.in)
		if tt.reason == "" {
			if err != nil || got != tt.want {
				t.Errorf("Canonical(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		var ie *InvalidError
		if !errors.As(err, &ie) || ie.Reason != tt.reason || ie.Name != tt.in {
			t.Errorf("Canonical(%q) error = %v; want reason %q", tt.in, err, tt.reason)
		}
	}
}

func ExampleCanonical() {
	name, _ := Canonical("jane_doe")
	_, err := Canonical("192.0.2.7")
	fmt.Println(name)
	fmt.Println(err)
	// Output:
	// Jane doe
	// invalid username "192.0.2.7": an IP address
}
