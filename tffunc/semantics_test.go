package tffunc

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
)

// exact is a case whose result must be RawEqual to want (type, nulls, unknowns and
// marks included), or whose error must contain wantErr.
type exact struct {
	expr    string
	want    cty.Value
	wantErr string
}

func runExact(t *testing.T, vars map[string]cty.Value, cases []exact) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			got, diags := eval(t, c.expr, vars)
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

var (
	unknownString = cty.UnknownVal(cty.String)
	unknownNumber = cty.UnknownVal(cty.Number)
	unknownBool   = cty.UnknownVal(cty.Bool)
)

func strs(ss ...string) []cty.Value {
	vals := make([]cty.Value, len(ss))
	for i, s := range ss {
		vals[i] = cty.StringVal(s)
	}
	return vals
}

// TestGoCtyDifferences covers where Terraform's functions differ from go-cty's
// standard library ones.
func TestGoCtyDifferences(t *testing.T) {
	runExact(t, nil, []exact{
		// lookup: the default is optional and may be null.
		{expr: `lookup({a = "x"}, "a")`, want: cty.StringVal("x")},
		{expr: `lookup(tomap({a = "x"}), "b")`, wantErr: `lookup failed to find key "b"`},
		{expr: `lookup({a = "x"}, "b")`, wantErr: `the given object has no attribute "b"`},
		{expr: `lookup({a = "x"}, "b", null)`, want: cty.NullVal(cty.DynamicPseudoType)},
		{expr: `lookup(tomap({a = "x"}), "b", null)`, want: cty.NullVal(cty.String)},
		{expr: `lookup({a = "x", b = 1}, "c", null)`, want: cty.NullVal(cty.DynamicPseudoType)},
		{expr: `lookup({a = "x", b = 1}, "b", "d")`, want: cty.NumberIntVal(1)},
		{expr: `lookup({a = "x"}, "b", "y", "z")`, wantErr: `no more than three arguments`},
		{expr: `lookup(tomap({a = "x"}), "b", [])`, wantErr: `the default value must have the same type as the map elements`},
		{expr: `lookup("x", "b", "y")`, wantErr: `requires a map`},

		// Conversions unify element types; null converts to a typed null.
		{expr: `tolist(["a", 1])`, want: cty.ListVal(strs("a", "1"))},
		{expr: `tolist([1, true])`, wantErr: `cannot convert tuple to list of any single type`},
		{expr: `toset(["a", 1, "a"])`, want: cty.SetVal(strs("1", "a"))},
		{expr: `tomap({a = 1, b = "x"})`, want: cty.MapVal(map[string]cty.Value{"a": cty.StringVal("1"), "b": cty.StringVal("x")})},
		{expr: `tostring(null)`, want: cty.NullVal(cty.String)},
		{expr: `tolist(null)`, want: cty.NullVal(cty.List(cty.DynamicPseudoType))},
		{expr: `tonumber("0x1")`, wantErr: `cannot convert "0x1" to number`},
		{expr: `tolist({a = 1})`, wantErr: `cannot convert object to list of any single type`},

		// coalesce skips nulls and empty strings; coalescelist skips nulls and empties.
		{expr: `coalesce(null, "", "x")`, want: cty.StringVal("x")},
		{expr: `coalesce(null, 2)`, want: cty.NumberIntVal(2)},
		{expr: `coalesce(null, "")`, wantErr: `no non-null, non-empty-string arguments`},
		{expr: `coalescelist(null, [], ["x"])`, want: cty.TupleVal(strs("x"))},
		{expr: `coalescelist([], [])`, wantErr: `no non-null arguments`},

		// merge skips null arguments.
		{expr: `merge(null, {a = 1}, null)`, want: cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1)})},
		{expr: `merge()`, want: cty.EmptyObjectVal},
		{expr: `merge({a = 1}, "x")`, wantErr: `arguments must be maps or objects`},

		// length counts grapheme clusters and structural elements.
		{expr: `length("e\u0301")`, want: cty.NumberIntVal(1)},
		{expr: `length({a = 1, b = "x"})`, want: cty.NumberIntVal(2)},
		{expr: `length(toset(["a", "a", "b"]))`, want: cty.NumberIntVal(2)},
		{expr: `length(tomap({a = 1}))`, want: cty.NumberIntVal(1)},
		{expr: `length(null)`, wantErr: `must not be null`},
		{expr: `length(1)`, wantErr: `argument must be a string, a collection type, or a structural type`},

		// index searches (go-cty's IndexFunc is element access).
		{expr: `index(["a", "b"], "c")`, wantErr: `item not found`},
		{expr: `index([], "c")`, wantErr: `cannot search an empty list`},
		{expr: `index("ab", "a")`, wantErr: `argument must be a list or tuple`},

		// one, sum, alltrue, anytrue, transpose, matchkeys.
		{expr: `one(null)`, wantErr: `must not be null`},
		{expr: `one([1, 2])`, wantErr: `either zero or one elements`},
		{expr: `sum(["1", 2])`, want: cty.NumberIntVal(3)},
		{expr: `sum([])`, wantErr: `cannot sum an empty list`},
		{expr: `sum([1, null])`, wantErr: `number values`},
		{expr: `sum("x")`, wantErr: `argument must be list, set, or tuple`},
		{expr: `alltrue([])`, want: cty.True},
		{expr: `alltrue([true, null])`, want: cty.False},
		{expr: `anytrue([null, false])`, want: cty.False},
		{expr: `transpose({})`, want: cty.MapValEmpty(cty.List(cty.String))},
		{expr: `matchkeys(["a", "b"], [1, 2], [3])`, want: cty.ListValEmpty(cty.String)},
		{expr: `matchkeys(["a"], [1, 2], [3])`, wantErr: `length of keys and values should be equal`},

		// go-cty functions that would panic on these arguments (see guards.go).
		{expr: `indent(-1, "a\nb")`, wantErr: `must not be negative`},
		{expr: `indent(1300000000, "a\nb")`, wantErr: `too many spaces`},
		{expr: `indent(1300000000, "ab")`, wantErr: `too many spaces`},
		{expr: `indent(1000, "ab")`, want: cty.StringVal("ab")},
		{expr: `indent(1.5, "ab")`, wantErr: `whole number`},
		{expr: `format("%1300000000d", 1)`, wantErr: `width or precision 1300000000 is too large`},
		{expr: `format("%.1300000000f", 1)`, wantErr: `too large`},
		{expr: `format("%%1300000000d %05d", 1)`, want: cty.StringVal("%1300000000d 00001")},
		{expr: `formatlist("%1300000000s", ["a"])`, wantErr: `too large`},
		{expr: `log(-1, 10)`, wantErr: `not a number`},
		{expr: `log(0, 0)`, wantErr: `not a number`},
		{expr: `merge(null, "x")`, wantErr: `arguments must be maps or objects`},
		{expr: `setproduct([0, null, true], [1])`, wantErr: `all elements must be of the same type`},

		// Removed functions Terraform still documents.
		{expr: `list("a", "b")`, wantErr: `the "list" function was deprecated in Terraform v0.12`},
		{expr: `map("a", "b")`, wantErr: `the "map" function was deprecated in Terraform v0.12`},

		// Strings.
		{expr: `replace("abc", "//", "-")`, want: cty.StringVal("-a-b-c-")},
		{expr: `replace("a-b", "/(a)-(b)/", "$2-$1")`, want: cty.StringVal("b-a")},
		{expr: `replace("a", "/(/", "x")`, wantErr: `missing closing )`},
		{expr: `replace("/", "/", "x")`, want: cty.StringVal("x")},

		// Encoding.
		{expr: `base64gzip("test")`, want: cty.StringVal("H4sIAAAAAAAA/ypJLS4BAAAA//8BAAD//wx+f9gEAAAA")},
		{expr: `base64decode("not base64!")`, wantErr: `failed to decode base64 data`},
		{expr: `base64decode("/w==")`, wantErr: `not valid UTF-8`},
		{expr: `base64gunzip("SGVsbG8=")`, wantErr: `failed to gunzip`},
		{expr: `textencodebase64("Hello", "UTF-8")`, want: cty.StringVal("SGVsbG8=")},
		{expr: `textencodebase64("Hello", "no-such-encoding")`, wantErr: `"no-such-encoding" is not a supported IANA encoding name or alias`},
		{expr: `textencodebase64("☃", "US-ASCII")`, wantErr: `cannot be represented in US-ASCII`},
		{expr: `textdecodebase64(textencodebase64("né", "latin1"), "ISO-8859-1")`, want: cty.StringVal("né")},
		{expr: `textdecodebase64("SGVsbG8=", "UTF-8")`, want: cty.StringVal("Hello")},
		{expr: `textdecodebase64("SGVsbG8", "UTF-8")`, wantErr: `invalid base64 symbol at offset`},
		{expr: `urldecode("%zz")`, wantErr: `failed to decode URL`},
		{expr: `jsonencode(null)`, want: cty.StringVal("null")},

		// Networks: leading zeros are decimal, IPv6 subnets may take more than 32 bits.
		{expr: `cidrhost("010.001.0.0/16", 10)`, want: cty.StringVal("10.1.0.10")},
		{expr: `cidrnetmask("010.0.0.0/8")`, want: cty.StringVal("255.0.0.0")},
		{expr: `cidrhost("192.168.1.0/24", -5)`, want: cty.StringVal("192.168.1.251")},
		{expr: `cidrhost("192.168.1.0/30", 4)`, wantErr: `does not accommodate a host numbered 4`},
		{expr: `cidrhost("192.168.1.0/24", 1.5)`, wantErr: `must be a whole number`},
		{expr: `cidrnetmask("fe80::/48")`, wantErr: `IPv6 addresses cannot have a netmask`},
		{expr: `cidrnetmask("not-a-cidr")`, wantErr: `invalid CIDR expression`},
		{expr: `cidrnetmask("10.0.0.1")`, wantErr: `invalid CIDR address: 10.0.0.1`},
		{expr: `coalesce()`, wantErr: `all arguments must have the same type`},
		{expr: `cidrsubnet("fd00::/56", 40, 1)`, want: cty.StringVal("fd00::1:0:0/96")},
		{expr: `cidrsubnet("10.0.0.0/30", 4, 1)`, wantErr: `insufficient address space to extend prefix of 30 by 4`},
		{expr: `cidrsubnet("10.0.0.0/8", 2, 4)`, wantErr: `prefix extension of 2 does not accommodate a subnet numbered 4`},
		{expr: `cidrsubnet("10.0.0.0/8", -1, 0)`, wantErr: `must not be negative`},
		{expr: `cidrsubnet("::ffff:192.168.0.0/112", 8, 6)`, want: cty.StringVal("192.168.6.0/24")},
		{expr: `cidrsubnets("10.0.0.0/21", 3, 3, 3, 4, 4, 4, 7, 7, 7)`, want: cty.ListVal(strs("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/25", "10.0.3.128/25", "10.0.4.0/25", "10.0.4.128/28", "10.0.4.144/28", "10.0.4.160/28"))},
		{expr: `cidrsubnets("10.0.0.0/8")`, want: cty.ListValEmpty(cty.String)},
		{expr: `cidrsubnets("10.0.0.0/30", 1, 3)`, wantErr: `would extend prefix to 33 bits, which is too long for an IPv4 address`},
		{expr: `cidrsubnets("10.0.0.0/8", 1, 1, 1)`, wantErr: `not enough remaining address space for a subnet with a prefix of 9 bits after 10.128.0.0/9`},
		{expr: `cidrsubnets("10.0.0.0/8", 1, 0)`, wantErr: `must extend prefix by at least one bit`},
		{expr: `cidrsubnets("fe80::/48", 1, 33)`, wantErr: `may not extend prefix by more than 32 bits`},
		{expr: `cidrsubnets("::ffff:192.168.0.0/112", 8)`, wantErr: `IPv4-mapped IPv6 prefixes are not supported`},
		{expr: `cidrcontains("10.0.0.0/8", "fe80::1")`, wantErr: `address family mismatch`},
		{expr: `cidrcontains("10.0.0.0/8", "10.0.0.0/7")`, want: cty.False},
		{expr: `cidrcontains("10.0.0.0/8", "010.1.2.3")`, want: cty.True},
		{expr: `cidrcontains("10.0.0.0/8", "x")`, wantErr: `invalid IP address`},

		// Time.
		{expr: `timecmp("2017-11-22", "2017-11-22T00:00:00Z")`, wantErr: `not a valid RFC3339 timestamp`},

		// uuidv5.
		{expr: `uuidv5("nope", "x")`, wantErr: `doesn't support namespace nope`},
	})
}

// TestUnknowns checks that unknown arguments give unknown results of the right
// type, and that known parts stay known where Terraform keeps them known.
func TestUnknowns(t *testing.T) {
	vars := map[string]cty.Value{
		"us":   unknownString,
		"un":   unknownNumber,
		"ub":   unknownBool,
		"ul":   cty.UnknownVal(cty.List(cty.String)),
		"umap": cty.UnknownVal(cty.Map(cty.String)),
		"dyn":  cty.DynamicVal,
		"pfx":  cty.UnknownVal(cty.String).Refine().StringPrefix("vpc-").NewValue(),
	}
	runExact(t, vars, []exact{
		{expr: `length([us, us])`, want: cty.NumberIntVal(2)},
		{expr: `length(tolist([us, "a"]))`, want: cty.NumberIntVal(2)},
		{expr: `length({a = us})`, want: cty.NumberIntVal(1)},
		{expr: `concat([us], ["y"])`, want: cty.TupleVal([]cty.Value{unknownString, cty.StringVal("y")})},
		{expr: `concat(tolist([us]), tolist(["y"]))`, want: cty.ListVal([]cty.Value{unknownString, cty.StringVal("y")})},
		{expr: `merge({a = 1, b = us}, {c = "x"})`, want: cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": unknownString, "c": cty.StringVal("x")})},
		{expr: `lookup({a = us, b = "x"}, "b")`, want: cty.StringVal("x")},
		{expr: `lookup({a = us}, "b", "d")`, want: cty.StringVal("d")},
		{expr: `element([us, "b"], 1)`, want: cty.StringVal("b")},
		{expr: `coalesce("x", us)`, want: cty.StringVal("x")},
		{expr: `coalesce(null, "", us, "x")`, want: unknownString},
		{expr: `coalescelist(["x"], ul)`, want: cty.TupleVal(strs("x"))},
		{expr: `coalescelist(ul, ["x"])`, want: cty.DynamicVal},
		{expr: `one([us])`, want: unknownString},
		{expr: `one(ul)`, want: unknownString},
		{expr: `tolist([us, 1])`, want: cty.ListVal([]cty.Value{unknownString, cty.StringVal("1")})},
		{expr: `tostring(dyn)`, want: unknownString},
		{expr: `tolist(dyn)`, want: cty.UnknownVal(cty.List(cty.DynamicPseudoType))},
		{expr: `index(["a", us, "b"], "b")`, want: unknownNumber.RefineNotNull()},
		{expr: `index(["a", us, "b"], "a")`, want: cty.NumberIntVal(0)},
		{expr: `alltrue([ub, false])`, want: cty.False},
		{expr: `alltrue([ub, true])`, want: unknownBool.RefineNotNull()},
		{expr: `anytrue([ub, true])`, want: cty.True},
		{expr: `anytrue([ub, false])`, want: unknownBool.RefineNotNull()},
		{expr: `startswith(pfx, "vpc")`, want: cty.True},
		{expr: `startswith(pfx, "subnet-")`, want: cty.False},
		{expr: `startswith(pfx, "vpc-123")`, want: unknownBool.RefineNotNull()},
		{expr: `startswith(us, "")`, want: cty.True},
		{expr: `sum([1, un])`, want: unknownNumber.RefineNotNull()},
		{expr: `compact(["a", us])`, want: cty.UnknownVal(cty.List(cty.String)).RefineNotNull()},
		{expr: `distinct(["a", us])`, want: cty.UnknownVal(cty.List(cty.String)).RefineNotNull()},
		{expr: `transpose({a = [us]})`, want: cty.UnknownVal(cty.Map(cty.List(cty.String))).RefineNotNull()},
		{expr: `matchkeys(["a", "b"], ["x", us], ["y"])`, want: cty.UnknownVal(cty.List(cty.String)).RefineNotNull()},
		{expr: `keys(umap)`, want: cty.UnknownVal(cty.List(cty.String)).RefineNotNull()},
		{expr: `issensitive(us)`, want: unknownBool.RefineNotNull()},
		{expr: `issensitive(sensitive(us))`, want: cty.True},
		{expr: `templatestring("$${x}", {x = us})`, want: cty.DynamicVal},
		{expr: `templatestring(us, {})`, want: cty.DynamicVal},
		{expr: `cidrsubnet("10.0.0.0/8", un, 1)`, want: unknownString.RefineNotNull()},
		{expr: `md5(us)`, want: unknownString.RefineNotNull()},
		{expr: `timecmp(us, "2017-11-22T00:00:00Z")`, want: unknownNumber.RefineNotNull()},
	})
	// Results whose exact refinements are go-cty's business: only check unknown and type.
	for _, c := range []struct {
		expr string
		ty   cty.Type
	}{
		{`length(us)`, cty.Number},
		{`length(ul)`, cty.Number},
		{`length(dyn)`, cty.Number},
		{`jsonencode({a = us})`, cty.String},
		{`yamlencode({a = us})`, cty.String},
		{`format("%s", us)`, cty.String},
		{`merge({a = 1}, umap)`, cty.DynamicPseudoType},
		{`flatten([ul])`, cty.DynamicPseudoType},
		{`templatefile("x.tftpl", {})`, cty.DynamicPseudoType}, // BaseDir is empty below
	} {
		fns := Functions(Options{})
		got, diags := evalWith(t, fns, c.expr, vars)
		if diags.HasErrors() || got.IsKnown() || !got.Type().Equals(c.ty) {
			t.Errorf("%s = %#v, %v; want an unknown %s", c.expr, got, diags, c.ty.FriendlyName())
		}
	}
}

// TestSensitivity covers sensitive, nonsensitive, issensitive and ephemeralasnull.
func TestSensitivity(t *testing.T) {
	secret := cty.StringVal("s3cr3t").Mark(marks.Sensitive)
	vars := map[string]cty.Value{
		"secret": secret,
		"obj":    cty.ObjectVal(map[string]cty.Value{"a": secret, "b": cty.StringVal("b")}),
		"eph":    cty.StringVal("token").Mark(marks.Ephemeral),
		"mixed": cty.ObjectVal(map[string]cty.Value{
			"env":   cty.StringVal("dev"),
			"token": cty.StringVal("t").Mark(marks.Ephemeral).Mark("m1"),
		}),
	}
	runExact(t, vars, []exact{
		{expr: `sensitive("hello")`, want: cty.StringVal("hello").Mark(marks.Sensitive)},
		{expr: `sensitive(null)`, want: cty.NullVal(cty.DynamicPseudoType).Mark(marks.Sensitive)},
		{expr: `nonsensitive(secret)`, want: cty.StringVal("s3cr3t")},
		{expr: `nonsensitive(obj)`, want: vars["obj"]}, // nested values stay sensitive
		{expr: `issensitive(secret)`, want: cty.True},
		{expr: `issensitive(obj)`, want: cty.False},
		{expr: `issensitive(obj.a)`, want: cty.True},
		{expr: `sha256(secret)`, want: cty.StringVal("4e738ca5563c06cfd0018299933d58db1dd8bf97f6973dc99bf6cdc64b5550bd").Mark(marks.Sensitive)},
		{expr: `lookup({a = "x"}, secret, "y")`, want: cty.StringVal("y").Mark(marks.Sensitive)},
		{expr: `ephemeralasnull(eph)`, want: cty.NullVal(cty.String)},
		{expr: `ephemeralasnull("x")`, want: cty.StringVal("x")},
		{expr: `ephemeralasnull(mixed)`, want: cty.ObjectVal(map[string]cty.Value{
			"env":   cty.StringVal("dev"),
			"token": cty.NullVal(cty.String).Mark("m1"),
		})},
	})
	// A sensitive key never appears in an error message.
	_, diags := eval(t, `lookup({a = "x"}, secret)`, vars)
	if !diags.HasErrors() || strings.Contains(diags.Error(), "s3cr3t") {
		t.Errorf("lookup error %v must not show the sensitive key", diags)
	}
	_, diags = eval(t, `tonumber(secret)`, vars)
	if !diags.HasErrors() || strings.Contains(diags.Error(), "s3cr3t") {
		t.Errorf("tonumber error %v must not show the sensitive value", diags)
	}
}

// TestTemplates covers templatestring and the template rules shared with
// templatefile (see files_test.go for the file side).
func TestTemplates(t *testing.T) {
	vars := map[string]cty.Value{
		"tpl":  cty.StringVal("Hello, ${name}!"),
		"self": cty.StringVal("${templatestring(self, {self = self})}"),
		"list": cty.StringVal("${items}"),
	}
	runExact(t, vars, []exact{
		{expr: `templatestring(tpl, {name = "Alice"})`, want: cty.StringVal("Hello, Alice!")},
		{expr: `templatestring(tpl, tomap({name = "Alice"}))`, want: cty.StringVal("Hello, Alice!")},
		{expr: `templatestring(list, {items = [1, 2]})`, want: cty.TupleVal([]cty.Value{cty.NumberIntVal(1), cty.NumberIntVal(2)})},
		{expr: `templatestring("$${upper(x)}", {x = "a"})`, want: cty.StringVal("A")},
		{expr: `templatestring(tpl, {})`, wantErr: `vars map does not contain key "name"`},
		{expr: `templatestring(tpl, {name = "A", "not valid" = 1})`, wantErr: `invalid template variable name "not valid"`},
		{expr: `templatestring(tpl, "x")`, wantErr: `must be a map or an object`},
		{expr: `templatestring("$${", {})`, wantErr: `Missing expression`},
		{expr: `templatestring(sensitive(tpl), {})`, wantErr: `vars map does not contain key "name"`},
		{expr: `templatestring(sensitive(tpl), {name = "A"})`, want: cty.StringVal("Hello, A!").Mark(marks.Sensitive)},
		{expr: `templatestring(self, {self = self})`, wantErr: `cannot call templatestring from inside a template`},
		{expr: `templatestring("$${templatefile(\"x\", {})}", {})`, wantErr: `cannot call templatefile from inside a template`},
	})
}

// TestRSADecrypt encrypts with a fresh key and decrypts with its PKCS #1 and
// PKCS #8 encodings.
func TestRSADecrypt(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ciphertext, err := rsa.EncryptPKCS1v15(rand.Reader, &key.PublicKey, []byte("Hello, world!"))
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]cty.Value{
		"ciphertext": cty.StringVal(base64.StdEncoding.EncodeToString(ciphertext)),
		"pkcs1":      cty.StringVal(string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))),
		"pkcs8":      cty.StringVal(string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}))),
		"openssh":    cty.StringVal("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"),
	}
	runExact(t, vars, []exact{
		{expr: `rsadecrypt(ciphertext, pkcs1)`, want: cty.StringVal("Hello, world!")},
		{expr: `rsadecrypt(ciphertext, pkcs8)`, want: cty.StringVal("Hello, world!")},
		{expr: `rsadecrypt(ciphertext, openssh)`, want: unknownString.RefineNotNull()},
		{expr: `rsadecrypt("!", pkcs1)`, wantErr: `cipher text must be base64-encoded`},
		{expr: `rsadecrypt(ciphertext, "not a key")`, wantErr: `no key found`},
		{expr: `rsadecrypt(base64encode("x"), pkcs1)`, wantErr: `failed to decrypt`},
	})
}
