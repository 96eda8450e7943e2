// Package notebooks holds no library code: its test stitches each notebook's
// Go cells into one program, the way GoNB runs them, and vets it, so that a
// notebook whose code does not compile fails `go test ./...` long before
// Jupyter runs it.
package notebooks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/imports"
)

// notebook is the part of an .ipynb file the check reads.
type notebook struct {
	Cells []struct {
		CellType string          `json:"cell_type"`
		ID       string          `json:"id"`
		Source   json.RawMessage `json:"source"`
	} `json:"cells"`
	NBFormat      int `json:"nbformat"`
	NBFormatMinor int `json:"nbformat_minor"`
}

// source joins a cell's source, which nbformat allows as a string or a list of lines.
func source(raw json.RawMessage) (string, error) {
	var lines []string
	if err := json.Unmarshal(raw, &lines); err == nil {
		return strings.Join(lines, ""), nil
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

// program is a notebook's Go code as GoNB would compile it: the top-level
// declarations of every cell, a later declaration of a name replacing an
// earlier one, and each cell's "%%" body as a function of its own.
type program struct {
	decls map[string]string // key: kind and name ("import \"fmt\"", "var s", "func f")
	order []string
	cells []string
}

func (p *program) addDecl(key, text string) {
	if _, ok := p.decls[key]; !ok {
		p.order = append(p.order, key)
	}
	p.decls[key] = text
}

// addCell splits a code cell into declarations and its "%%" body. Lines that
// GoNB runs as shell commands ("!") or special commands ("%") are left out.
func (p *program) addCell(name, src string) error {
	var decl, body []string
	inBody := false
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "%%" || strings.HasPrefix(t, "%% "):
			inBody = true
		case strings.HasPrefix(t, "!") || strings.HasPrefix(t, "%"):
		case inBody:
			body = append(body, line)
		default:
			decl = append(decl, line)
		}
	}
	if inBody {
		p.cells = append(p.cells, fmt.Sprintf("// %s\nfunc %s() {\n%s\n}\n", name, name, strings.Join(body, "\n")))
	}
	return p.parseDecls(name, strings.Join(decl, "\n"))
}

func (p *program) parseDecls(name, src string) error {
	if strings.TrimSpace(src) == "" {
		return nil
	}
	text := "package main\n" + src
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, text, parser.ParseComments)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, d := range f.Decls {
		chunk := text[fset.Position(d.Pos()).Offset:fset.Position(d.End()).Offset]
		for _, key := range declKeys(d) {
			p.addDecl(key, chunk)
		}
	}
	return nil
}

// declKeys names what a declaration declares; a declaration of several
// names is kept under its first.
func declKeys(d ast.Decl) []string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return []string{"func " + d.Name.Name}
	case *ast.GenDecl:
		if d.Tok == token.IMPORT {
			var keys []string
			for _, s := range d.Specs {
				keys = append(keys, "import "+s.(*ast.ImportSpec).Path.Value)
			}
			return keys
		}
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.ValueSpec:
				return []string{d.Tok.String() + " " + s.Names[0].Name}
			case *ast.TypeSpec:
				return []string{"type " + s.Name.Name}
			}
		}
	}
	return nil
}

func (p *program) source() string {
	var b strings.Builder
	b.WriteString("package main\n\n")
	var imps []string
	for _, k := range p.order {
		if strings.HasPrefix(k, "import ") {
			imps = append(imps, strings.TrimPrefix(k, "import "))
		}
	}
	sort.Strings(imps)
	if len(imps) > 0 {
		b.WriteString("import (\n\t" + strings.Join(imps, "\n\t") + "\n)\n\n")
	}
	for _, k := range p.order {
		if !strings.HasPrefix(k, "import ") && p.decls[k] != "" {
			b.WriteString(p.decls[k] + "\n\n")
			p.decls[k] = "" // a declaration of several names is written once
		}
	}
	for _, c := range p.cells {
		b.WriteString(c + "\n")
	}
	b.WriteString("func main() {}\n")
	return b.String()
}

// stitch reads one notebook and returns its program's source, with imports
// completed as GoNB completes them (goimports).
func stitch(t *testing.T, path string) []byte {
	t.Helper()
	p := &program{decls: map[string]string{}}
	for i, c := range cellsOf(t, path) {
		if c[0] != "code" {
			continue
		}
		if err := p.addCell(fmt.Sprintf("cell%d", i), c[1]); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	out, err := imports.Process("main.go", []byte(p.source()), nil)
	if err != nil {
		t.Fatalf("%s: stitched program does not parse: %v\n%s", path, err, p.source())
	}
	return out
}

func notebooks(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("*.ipynb")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no notebooks found: %v", err)
	}
	sub, _ := filepath.Glob("*/*.ipynb")
	return append(paths, sub...)
}

// TestNotebooksCompile vets every notebook's stitched program.
func TestNotebooksCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles every notebook")
	}
	// Inside the module (testdata is left out of ./... patterns), so that the
	// programs import the library as the notebooks do.
	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("testdata", "vet-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	var pkgs []string
	for _, path := range notebooks(t) {
		name := strings.NewReplacer("/", "_", ".ipynb", "").Replace(path)
		pkg := filepath.Join(dir, name)
		if err := os.MkdirAll(pkg, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(pkg, "main.go"), stitch(t, path), 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, "./"+pkg)
	}
	readLibrary(t)
	cmd := exec.Command("go", append([]string{"vet"}, pkgs...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("a notebook's code does not compile or vet (the stitched programs are under %s):\n%s", dir, out.String())
	}
}

// TestStitchReportsBrokenCell checks that the check can fail: a cell calling
// a function that does not exist must not vet.
func TestStitchReportsBrokenCell(t *testing.T) {
	p := &program{decls: map[string]string{}}
	if err := p.addCell("cell0", "import \"fmt\"\nvar x = 1"); err != nil {
		t.Fatal(err)
	}
	if err := p.addCell("cell1", "var x = 2 // replaces cell0's x\n%%\nfmt.Println(x)\nnoSuchFunction()"); err != nil {
		t.Fatal(err)
	}
	src := p.source()
	if strings.Count(src, "var x") != 1 || !strings.Contains(src, "var x = 2") {
		t.Fatalf("a later declaration must replace an earlier one:\n%s", src)
	}
	if !strings.Contains(src, "func cell1() {\nfmt.Println(x)\nnoSuchFunction()\n}") {
		t.Fatalf("the %%%% body must become the cell's function:\n%s", src)
	}
	if err := p.addCell("cell2", "func ("); err == nil {
		t.Fatal("a cell that does not parse must be reported")
	}
}

// readLibrary reads the library's Go files, so that go test's cache, which
// does not see what the go vet subprocess reads, reruns this test when the
// library changes.
func readLibrary(t *testing.T) {
	t.Helper()
	err := filepath.WalkDir("../engagement", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		_, err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// languages are the folders of the notebooks in other languages than
// English (notebooks/<lang>/), as make_notebooks.py writes them.
var languages = []string{"es", "fr", "pt"}

// languageLine is the ✏️ cell's Language field.
var languageLine = regexp.MustCompile(`(?m)^(\tLanguage:\s+)"[^"]*",`)

// cellsOf reads a notebook's cells as (type, source) pairs.
func cellsOf(t *testing.T, path string) [][2]string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var nb notebook
	if err := json.Unmarshal(raw, &nb); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var cells [][2]string
	for i, c := range nb.Cells {
		src, err := source(c.Source)
		if err != nil {
			t.Fatalf("%s: cell %d: %v", path, i, err)
		}
		cells = append(cells, [2]string{c.CellType, src})
	}
	return cells
}

// Every English notebook exists in every language, with the same cells:
// the code the same but the ✏️ cell's Language, which is the folder's,
// and every markdown cell translated (none left as the English one).
func TestNotebooksInEveryLanguage(t *testing.T) {
	english, err := filepath.Glob("*.ipynb")
	if err != nil || len(english) == 0 {
		t.Fatalf("no English notebooks: %v", err)
	}
	for _, lang := range languages {
		for _, name := range english {
			path := filepath.Join(lang, name)
			if _, err := os.Stat(path); err != nil {
				t.Errorf("%s: %v (run python3 notebooks/make_notebooks.py)", path, err)
				continue
			}
			en, tr := cellsOf(t, name), cellsOf(t, path)
			if len(en) != len(tr) {
				t.Errorf("%s has %d cells; %s has %d", path, len(tr), name, len(en))
				continue
			}
			for i := range en {
				compareCell(t, path, i, lang, en[i], tr[i])
			}
		}
	}
}

// compareCell checks cell i of the lang notebook at path against the
// English one.
func compareCell(t *testing.T, path string, i int, lang string, en, tr [2]string) {
	t.Helper()
	switch {
	case en[0] != tr[0]:
		t.Errorf("%s: cell %d is %s; the English one is %s", path, i, tr[0], en[0])
	case en[0] == "markdown" && en[1] == tr[1]:
		t.Errorf("%s: cell %d is the English text, untranslated: %.60q", path, i, tr[1])
	case en[0] == "code" && languageLine.MatchString(en[1]):
		want := languageLine.ReplaceAllString(en[1], fmt.Sprintf("${1}%q,", lang))
		if tr[1] != want || !strings.Contains(en[1], `"en",`) {
			t.Errorf("%s: cell %d (✏️) is not the English one with Language %q:\n%s", path, i, lang, tr[1])
		}
	case en[0] == "code" && en[1] != tr[1]:
		t.Errorf("%s: code cell %d differs from the English one:\n%s\n---\n%s", path, i, tr[1], en[1])
	}
}
