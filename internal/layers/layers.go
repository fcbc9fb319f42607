// Package layers checks that the files of a package build on each other in one
// direction, from its foundations up: a file calls only functions and methods, and
// reads only package-level variables and constants, declared in itself or in files
// listed before it.
package layers

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Violations returns, for the non-test Go files of dir, each use of a declaration of a
// file listed after the using file in order, and each file missing from order.
//
// Uses are matched by name, without type checking: a function, variable or constant by
// its package-level name (a local name shadowing it is not a use), a method when it is
// called on a receiver or parameter declared with the package's type (other method
// calls, on a value whose type only the compiler knows, are not checked).
func Violations(dir string, order []string) ([]string, error) {
	rank := map[string]int{}
	for i, f := range order {
		rank[f] = i
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			return nil, err
		}
		files[name] = f
		if _, ok := rank[name]; !ok {
			out = append(out, name+" is not in the order")
		}
	}
	d := newDecls(files)
	seen := map[string]bool{}
	for name, f := range files {
		report := func(to, what string) {
			if to == "" || to == name || rank[to] < rank[name] {
				return
			}
			v := fmt.Sprintf("%s uses %s of %s, listed after it", name, what, to)
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
		ast.Inspect(f, d.visitor(importNames(f), report))
	}
	sort.Strings(out)
	return out, nil
}

// decls says which file declares each package-level name.
type decls struct {
	values  map[string]string // functions, variables, constants
	methods map[string]string // Type.Method
}

func newDecls(files map[string]*ast.File) *decls {
	d := &decls{values: map[string]string{}, methods: map[string]string{}}
	for name, f := range files {
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil {
					d.values[decl.Name.Name] = name
					continue
				}
				d.methods[typeName(decl.Recv.List[0].Type)+"."+decl.Name.Name] = name
			case *ast.GenDecl:
				switch decl.Tok {
				case token.VAR, token.CONST:
					for _, spec := range decl.Specs {
						for _, id := range spec.(*ast.ValueSpec).Names {
							d.values[id.Name] = name
						}
					}
				}
			}
		}
	}
	return d
}

// importNames returns the names a file's imports are known by.
func importNames(f *ast.File) map[string]bool {
	names := map[string]bool{}
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, `"`)
		name := path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		names[name] = true
	}
	return names
}

// visitor reports the uses of package-level names in one file.
func (d *decls) visitor(imports map[string]bool, report func(to, what string)) func(ast.Node) bool {
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if _, isIdent := n.Key.(*ast.Ident); isIdent {
				// A field name of a struct literal (or a map key read as a name).
				ast.Inspect(n.Value, visit)
				return false
			}
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && id.Obj == nil && imports[id.Name] {
				return false // a name of another package
			}
			if id, ok := n.X.(*ast.Ident); ok && id.Obj != nil {
				if field, ok := id.Obj.Decl.(*ast.Field); ok {
					typ := typeName(field.Type)
					report(d.methods[typ+"."+n.Sel.Name], typ+"."+n.Sel.Name)
				}
			}
			ast.Inspect(n.X, visit)
			return false
		case *ast.Ident:
			if n.Obj == nil {
				report(d.values[n.Name], n.Name)
			}
		}
		return true
	}
	return visit
}

// typeName returns T for a type written T or *T, "" for any other.
func typeName(expr ast.Expr) string {
	if star, ok := expr.(*ast.StarExpr); ok {
		expr = star.X
	}
	if id, ok := expr.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
