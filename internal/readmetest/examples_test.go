package readmetest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestExamplesSelfContained checks that no Example function of the module
// uses a helper declared in another _test.go file, nor, in a file with
// several examples, one declared in its own file: go doc and pkg.go.dev
// show an example's body, or its whole file only when the file holds that
// one example, so a reader could not run what they see. An example starts
// its fake server inline.
func TestExamplesSelfContained(t *testing.T) {
	root := repoRoot(t)
	// package dir + package name -> file -> top-level names
	type pkgKey struct{ dir, name string }
	decls := map[pkgKey]map[string]string{} // name -> file
	type example struct {
		key  pkgKey
		file string
		fn   *ast.FuncDecl
	}
	var examples []example
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "bench") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != root {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		key := pkgKey{filepath.Dir(path), f.Name.Name}
		if decls[key] == nil {
			decls[key] = map[string]string{}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil {
					continue
				}
				if strings.HasPrefix(d.Name.Name, "Example") {
					examples = append(examples, example{key, path, d})
					continue
				}
				decls[key][d.Name.Name] = path
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							decls[key][n.Name] = path
						}
					case *ast.TypeSpec:
						decls[key][s.Name.Name] = path
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	perFile := map[string]int{}
	for _, ex := range examples {
		perFile[ex.file]++
	}
	var bad []string
	for _, ex := range examples {
		seen := map[string]bool{}
		if perFile[ex.file] > 1 {
			ast.Inspect(ex.fn.Body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id.Obj != nil && id.Obj.Decl != nil {
					if fd, ok := id.Obj.Decl.(*ast.FuncDecl); ok && fd.Recv == nil && !strings.HasPrefix(fd.Name.Name, "Example") {
						seen[id.Name] = true
					}
				}
				return true
			})
		}
		ast.Inspect(ex.fn.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(n.X, func(m ast.Node) bool { return visitIdent(m, ex.file, decls[ex.key], seen) })
				return false
			case *ast.KeyValueExpr:
				ast.Inspect(n.Value, func(m ast.Node) bool { return visitIdent(m, ex.file, decls[ex.key], seen) })
				return false
			}
			return visitIdent(n, ex.file, decls[ex.key], seen)
		})
		for name := range seen {
			rel, _ := filepath.Rel(root, ex.file)
			other, _ := filepath.Rel(root, decls[ex.key][name])
			if other == rel {
				other = "the same file, which holds several examples"
			}
			bad = append(bad, rel+": "+ex.fn.Name.Name+" uses "+name+" from "+other)
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
}

// visitIdent records an identifier that the file does not resolve and that
// another test file of the package declares.
func visitIdent(n ast.Node, file string, decls map[string]string, seen map[string]bool) bool {
	id, ok := n.(*ast.Ident)
	if !ok {
		return true
	}
	if id.Obj != nil || id.Name == "_" { // declared in this file (or locally)
		return true
	}
	if f, ok := decls[id.Name]; ok && f != file {
		seen[id.Name] = true
	}
	return true
}
