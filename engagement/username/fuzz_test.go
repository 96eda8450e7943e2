package username

import (
	"errors"
	"testing"
)

// Canonical is idempotent: a canonical name is its own canonical form, and
// a name it accepts stays accepted.
func FuzzCanonicalIdempotent(f *testing.F) {
	for _, s := range []string{"User:User:x", "user:_jane__doe_", "Ada_Okafor", "élise", "ǆemal", "127.0.0.1", "a/b", " ", "Jane doe (WMUK)", "user: user:x", "ß", "\u00a0x\u2003y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		c, err := Canonical(name)
		if err != nil {
			var ie *InvalidError
			if !errors.As(err, &ie) {
				t.Fatalf("Canonical(%q): error %v is not an *InvalidError", name, err)
			}
			return
		}
		again, err := Canonical(c)
		if err != nil {
			t.Fatalf("Canonical(%q) = %q, which is then refused: %v", name, c, err)
		}
		if again != c {
			t.Fatalf("not idempotent: %q → %q → %q", name, c, again)
		}
	})
}

func TestUserUserPrefixIsInvalid(t *testing.T) {
	if c, err := Canonical("User:User:x"); err == nil {
		t.Errorf("Canonical(User:User:x) = %q, want invalid", c)
	}
}
