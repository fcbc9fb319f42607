package tffunc

import (
	"errors"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// fileFunctions are the functions that read the file system under baseDir.
func fileFunctions(baseDir string) map[string]function.Function {
	fs := fileSystem{baseDir}
	asString := func(b []byte) (string, error) {
		return utf8String(b, "contents are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead")
	}
	hashed := func(newHash func() hash.Hash, encode func([]byte) string) func([]byte) (string, error) {
		return func(b []byte) (string, error) { return digest(newHash, encode, b), nil }
	}
	return map[string]function.Function{
		"abspath":          fs.absPathFunc(),
		"file":             fs.readFunc(asString),
		"filebase64":       fs.readFunc(func(b []byte) (string, error) { return base64Encoding(b), nil }),
		"filebase64sha256": fs.readFunc(hashed(sha256New, base64Encoding)),
		"filebase64sha512": fs.readFunc(hashed(sha512New, base64Encoding)),
		"fileexists":       fs.existsFunc(),
		"filemd5":          fs.readFunc(hashed(md5New, hexEncoding)),
		"fileset":          fs.setFunc(),
		"filesha1":         fs.readFunc(hashed(sha1New, hexEncoding)),
		"filesha256":       fs.readFunc(hashed(sha256New, hexEncoding)),
		"filesha512":       fs.readFunc(hashed(sha512New, hexEncoding)),
	}
}

// fileSystem resolves paths as Terraform does, against its working directory (here
// baseDir, never this process's working directory).
type fileSystem struct{ baseDir string }

// resolve returns the cleaned absolute path for p, or false when the path cannot be
// decided here: no absolute base directory, or a path in the home directory ("~").
func (fs fileSystem) resolve(p string) (string, bool) {
	if !filepath.IsAbs(fs.baseDir) || strings.HasPrefix(p, "~") {
		return "", false
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(fs.baseDir, p)
	}
	return filepath.Clean(p), true
}

// read returns the contents of the regular file at p (already resolved).
func (fs fileSystem) read(p, given string) ([]byte, error) {
	info, err := os.Stat(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no file exists at %q; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource", given)
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		// Also keeps devices such as /dev/zero from blocking the caller forever.
		return nil, fmt.Errorf("%s is not a regular file", given)
	}
	return os.ReadFile(p)
}

// readFunc is a function of a path whose result is computed from the file's bytes.
func (fs fileSystem) readFunc(f func([]byte) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			given := args[0].AsString()
			p, ok := fs.resolve(given)
			if !ok {
				return cty.UnknownVal(cty.String), nil
			}
			b, err := fs.read(p, given)
			if err != nil {
				// As Terraform's: an error of the path argument.
				return cty.NilVal, function.NewArgError(0, err)
			}
			s, err := f(b)
			if err != nil {
				return cty.NilVal, fmt.Errorf("%s: %w", given, err)
			}
			return cty.StringVal(s), nil
		},
	})
}

// existsFunc is fileexists: false for a missing path, an error for something that
// exists but is not a regular file.
func (fs fileSystem) existsFunc() function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			given := args[0].AsString()
			p, ok := fs.resolve(given)
			if !ok {
				return cty.UnknownVal(cty.Bool), nil
			}
			info, err := os.Stat(p)
			switch {
			case errors.Is(err, os.ErrNotExist):
				return cty.False, nil
			case err != nil:
				return cty.NilVal, fmt.Errorf("failed to stat %s", given)
			case info.IsDir():
				return cty.NilVal, function.NewArgErrorf(0, "%s is a directory, not a file", given)
			case !info.Mode().IsRegular():
				return cty.NilVal, function.NewArgErrorf(0, "%s is not a regular file", given)
			}
			return cty.True, nil
		},
	})
}

// setFunc is fileset: the regular files under path matching pattern (with "**"),
// relative to path and with forward slashes.
func (fs fileSystem) setFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "path", Type: cty.String},
			{Name: "pattern", Type: cty.String},
		},
		Type:         function.StaticReturnType(cty.Set(cty.String)),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			dir, ok := fs.resolve(args[0].AsString())
			if !ok {
				return cty.UnknownVal(retType), nil
			}
			// As in Terraform, the path is part of the glob pattern.
			pattern := filepath.Join(dir, args[1].AsString())
			matches, err := doublestar.Glob(pattern)
			if err != nil {
				return cty.NilVal, fmt.Errorf("failed to glob pattern %s: %w", args[1].AsString(), err)
			}
			var out []cty.Value
			for _, m := range matches {
				info, err := os.Stat(m)
				if err != nil {
					return cty.NilVal, fmt.Errorf("failed to stat %s: %w", m, err)
				}
				if !info.Mode().IsRegular() {
					continue
				}
				rel, err := filepath.Rel(dir, m)
				if err != nil {
					return cty.NilVal, fmt.Errorf("failed to trim path of match %s: %w", m, err)
				}
				out = append(out, cty.StringVal(filepath.ToSlash(rel)))
			}
			if len(out) == 0 {
				return cty.SetValEmpty(cty.String), nil
			}
			return cty.SetVal(out), nil
		},
	})
}

// absPathFunc is abspath: a relative path is taken relative to baseDir.
func (fs fileSystem) absPathFunc() function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: "path", Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			if !filepath.IsAbs(p) {
				if !filepath.IsAbs(fs.baseDir) {
					return cty.UnknownVal(cty.String), nil
				}
				p = filepath.Join(fs.baseDir, p)
			}
			return cty.StringVal(filepath.ToSlash(filepath.Clean(p))), nil
		},
	})
}

// dirnameFunc and basenameFunc are pure path manipulation.
var (
	dirnameFunc  = stringFunc("path", func(p string) (string, error) { return filepath.Dir(p), nil })
	basenameFunc = stringFunc("path", func(p string) (string, error) { return filepath.Base(p), nil })
)

// pathExpandFunc expands a leading "~" to the home directory, which is the
// machine's, not the configuration's: such paths give an unknown result.
var pathExpandFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "path", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if strings.HasPrefix(args[0].AsString(), "~") {
			return cty.UnknownVal(cty.String), nil
		}
		return args[0], nil
	},
})
