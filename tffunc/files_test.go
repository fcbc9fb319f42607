package tffunc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// writeTree writes files (path → content) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFileFunctions runs the documented file examples and the file rules against a
// temporary BaseDir, which is not the test's working directory: relative paths must
// resolve against BaseDir only.
func TestFileFunctions(t *testing.T) {
	base := t.TempDir()
	if cwd, _ := os.Getwd(); cwd == base {
		t.Fatal("BaseDir must differ from the working directory")
	}
	writeTree(t, base, map[string]string{
		"hello.txt":                          "Hello World",
		"files/hello.txt":                    "hello",
		"files/world.txt":                    "world",
		"files/subdirectory/anotherfile.txt": "another",
		"files/other.md":                     "md",
		"binary.dat":                         "\xff\xfe",
		"dir/.keep":                          "",
		"backends.tftpl":                     "%{ for addr in ip_addrs ~}\nbackend ${addr}:${port}\n%{ endfor ~}\n",
		"config.tftpl":                       "%{ for config_key, config_value in config }\nset ${config_key} = ${config_value}\n%{ endfor ~}\n",
		"recursive.tftpl":                    `${templatefile("backends.tftpl", {port = 1, ip_addrs = []})}`,
		"json.tftpl":                         `${jsonencode({"backends": [for addr in ip_addrs : "${addr}:${port}"]})}`,
	})
	fns := Functions(Options{BaseDir: base})
	vars := map[string]cty.Value{
		"path":   cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal("."), "root": cty.StringVal(".")}),
		"base":   cty.StringVal(base),
		"secret": cty.StringVal("hello.txt").Mark("m1"),
		"us":     unknownString,
	}
	tests := []exact{
		// Documented examples.
		{expr: `file("${path.module}/hello.txt")`, want: cty.StringVal("Hello World")},
		{expr: `filebase64("${path.module}/hello.txt")`, want: cty.StringVal("SGVsbG8gV29ybGQ=")},
		{expr: `fileexists("${path.module}/hello.txt")`, want: cty.True},
		{expr: `fileset(path.module, "files/*.txt")`, want: cty.SetVal(strs("files/hello.txt", "files/world.txt"))},
		{expr: `fileset(path.module, "files/{hello,world}.txt")`, want: cty.SetVal(strs("files/hello.txt", "files/world.txt"))},
		{expr: `fileset("${path.module}/files", "*")`, want: cty.SetVal(strs("hello.txt", "other.md", "world.txt"))},
		{expr: `fileset("${path.module}/files", "**")`, want: cty.SetVal(strs("hello.txt", "other.md", "subdirectory/anotherfile.txt", "world.txt"))},
		{expr: `fileset("${path.module}/files", "**/*.txt")`, want: cty.SetVal(strs("hello.txt", "subdirectory/anotherfile.txt", "world.txt"))},
		{expr: `templatefile("${path.module}/backends.tftpl", { port = 8080, ip_addrs = ["10.0.0.1", "10.0.0.2"] })`, want: cty.StringVal("backend 10.0.0.1:8080\nbackend 10.0.0.2:8080\n")},
		{expr: `templatefile("${path.module}/config.tftpl", { config = { "x" = "y", "foo" = "bar", "key" = "value" } })`, want: cty.StringVal("\nset foo = bar\n\nset key = value\n\nset x = y\n")},
		{expr: `templatefile("json.tftpl", { port = 8080, ip_addrs = ["10.0.0.1", "10.0.0.2"] })`, want: cty.StringVal(`{"backends":["10.0.0.1:8080","10.0.0.2:8080"]}`)},
		{expr: `abspath(path.root)`, want: cty.StringVal(filepath.ToSlash(base))},

		// Hashes of the file's bytes equal the hashes of the same string.
		{expr: `filemd5("hello.txt") == md5("Hello World")`, want: cty.True},
		{expr: `filesha1("hello.txt") == sha1("Hello World")`, want: cty.True},
		{expr: `filesha256("hello.txt") == sha256("Hello World")`, want: cty.True},
		{expr: `filesha512("hello.txt") == sha512("Hello World")`, want: cty.True},
		{expr: `filebase64sha256("hello.txt") == base64sha256("Hello World")`, want: cty.True},
		{expr: `filebase64sha512("hello.txt") == base64sha512("Hello World")`, want: cty.True},
		{expr: `filemd5("binary.dat")`, want: cty.StringVal("f3b25701fe362ec84616a93a45ce9998")},

		// Absolute paths, missing files, non-regular files, invalid UTF-8.
		{expr: `file("${base}/files/hello.txt")`, want: cty.StringVal("hello")},
		{expr: `file("files/../hello.txt")`, want: cty.StringVal("Hello World")},
		{expr: `file("missing.txt")`, wantErr: `no file exists at "missing.txt"`},
		{expr: `file("dir")`, wantErr: `dir is not a regular file`},
		{expr: `file("binary.dat")`, wantErr: `not valid UTF-8; use the filebase64 function`},
		{expr: `filebase64("binary.dat")`, want: cty.StringVal("//4=")},
		{expr: `fileexists("missing.txt")`, want: cty.False},
		{expr: `fileexists("dir")`, wantErr: `dir is a directory, not a file`},
		{expr: `fileset(".", "[")`, wantErr: `failed to glob pattern`},
		{expr: `fileset("missing", "*")`, want: cty.SetValEmpty(cty.String)},

		// The working directory (this package's source folder) is never read.
		{expr: `fileexists("tffunc_test.go")`, want: cty.False},
		{expr: `file("tffunc_test.go")`, wantErr: `no file exists at "tffunc_test.go"`},
		{expr: `fileset(".", "*.go")`, want: cty.SetValEmpty(cty.String)},
		{expr: `abspath("tffunc_test.go")`, want: cty.StringVal(filepath.ToSlash(filepath.Join(base, "tffunc_test.go")))},

		// The home directory is the machine's: unknown.
		{expr: `file("~/.bashrc")`, want: unknownString.RefineNotNull()},
		{expr: `fileexists("~/.bashrc")`, want: unknownBool.RefineNotNull()},

		// Marks and unknowns of the arguments.
		{expr: `file(secret)`, want: cty.StringVal("Hello World").Mark("m1")},
		{expr: `file(us)`, want: unknownString.RefineNotNull()},
		{expr: `templatefile("backends.tftpl", {port = us, ip_addrs = []})`, want: cty.DynamicVal},
		{expr: `templatefile("backends.tftpl", {port = secret, ip_addrs = ["a"]})`, want: cty.StringVal("backend a:hello.txt\n").Mark("m1")},

		// Template rules.
		{expr: `templatefile("recursive.tftpl", {})`, wantErr: `cannot call templatefile from inside a template`},
		{expr: `templatefile("backends.tftpl", {port = 1})`, wantErr: `vars map does not contain key "ip_addrs"`},
		{expr: `templatefile("missing.tftpl", {})`, wantErr: `no file exists at "missing.tftpl"`},
		{expr: `templatefile("binary.dat", {})`, wantErr: `not valid UTF-8`},
	}
	for _, c := range tests {
		t.Run(c.expr, func(t *testing.T) {
			got, diags := evalWith(t, fns, c.expr, vars)
			if c.wantErr != "" {
				if !diags.HasErrors() || !strings.Contains(diags.Error(), c.wantErr) {
					t.Fatalf("= %#v, %v; want error %q", got, diags, c.wantErr)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatalf("error: %s", diags)
			}
			if !got.RawEquals(c.want) {
				t.Fatalf("= %#v\nwant %#v", got, c.want)
			}
		})
	}
}

// TestFileFunctionsWithoutBaseDir checks that with no BaseDir (or a relative one)
// every file function is unknown, and the path functions that need no file system
// still work.
func TestFileFunctionsWithoutBaseDir(t *testing.T) {
	for _, opts := range []Options{{}, {BaseDir: "relative/dir"}} {
		fns := Functions(opts)
		for _, expr := range []string{
			`file("hello.txt")`, `file("/etc/hostname")`, `filebase64("hello.txt")`, `filemd5("hello.txt")`,
			`filesha1("hello.txt")`, `filesha256("hello.txt")`, `filesha512("hello.txt")`,
			`filebase64sha256("hello.txt")`, `filebase64sha512("hello.txt")`, `fileexists("hello.txt")`,
			`fileset(".", "*")`, `templatefile("t.tftpl", {})`, `abspath("hello.txt")`,
		} {
			got, diags := evalWith(t, fns, expr, nil)
			if diags.HasErrors() || got.IsKnown() {
				t.Errorf("%+v: %s = %#v, %v; want unknown", opts, expr, got, diags)
			}
		}
		for expr, want := range map[string]string{
			`abspath("/a/b/../c")`: "/a/c",
			`dirname("a/b/c")`:     "a/b",
			`basename("a/b/c")`:    "c",
		} {
			got, diags := evalWith(t, fns, expr, nil)
			if diags.HasErrors() || !got.RawEquals(cty.StringVal(want)) {
				t.Errorf("%+v: %s = %#v, %v; want %q", opts, expr, got, diags, want)
			}
		}
	}
}
