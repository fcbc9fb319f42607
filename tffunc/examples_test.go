package tffunc

import (
	"strings"
	"testing"
)

// docExample is an example from the function documentation of Terraform
// (developer.hashicorp.com/terraform/language/functions) or OpenTofu
// (opentofu.org/docs/language/functions): an expression and its result, written as
// an HCL literal, or the error it raises.
type docExample struct {
	expr    string
	want    string
	wantErr string
}

// TestDocumentedExamples runs the documented examples of every function that needs
// neither files nor console-only state (those are in files_test.go and
// TestUnknownFunctions).
func TestDocumentedExamples(t *testing.T) {
	examples := []docExample{
		// Numbers.
		{expr: `abs(23)`, want: `23`},
		{expr: `abs(0)`, want: `0`},
		{expr: `abs(-12.4)`, want: `12.4`},
		{expr: `ceil(5)`, want: `5`},
		{expr: `ceil(5.1)`, want: `6`},
		{expr: `floor(5)`, want: `5`},
		{expr: `floor(4.9)`, want: `4`},
		{expr: `log(16, 2)`, want: `4`},
		{expr: `ceil(log(15, 2))`, want: `4`},
		{expr: `ceil(log(16, 2))`, want: `4`},
		{expr: `ceil(log(17, 2))`, want: `5`},
		{expr: `max(12, 54, 3)`, want: `54`},
		{expr: `max([12, 54, 3]...)`, want: `54`},
		{expr: `min(12, 54, 3)`, want: `3`},
		{expr: `min([12, 54, 3]...)`, want: `3`},
		{expr: `parseint("100", 10)`, want: `100`},
		{expr: `parseint("FF", 16)`, want: `255`},
		{expr: `parseint("-10", 16)`, want: `-16`},
		{expr: `parseint("1011111011101111", 2)`, want: `48879`},
		{expr: `parseint("aA", 62)`, want: `656`},
		{expr: `parseint("12", 2)`, wantErr: `cannot parse "12" as a base 2 integer`},
		{expr: `pow(3, 2)`, want: `9`},
		{expr: `pow(4, 0)`, want: `1`},
		{expr: `signum(-13)`, want: `-1`},
		{expr: `signum(0)`, want: `0`},
		{expr: `signum(344)`, want: `1`},
		{expr: `sum([10, 13, 6, 4.5])`, want: `33.5`},

		// Strings.
		{expr: `chomp("hello\n")`, want: `"hello"`},
		{expr: `chomp("hello\r\n")`, want: `"hello"`},
		{expr: `chomp("hello\n\n")`, want: `"hello"`},
		{expr: `endswith("hello world", "world")`, want: `true`},
		{expr: `endswith("hello world", "hello")`, want: `false`},
		{expr: `format("Hello, %s!", "Ander")`, want: `"Hello, Ander!"`},
		{expr: `format("There are %d lights", 4)`, want: `"There are 4 lights"`},
		{expr: `format("%#v", "hello")`, want: `"\"hello\""`},
		{expr: `format("%#v", true)`, want: `"true"`},
		{expr: `format("%#v", 1)`, want: `"1"`},
		{expr: `format("%#v", {a = 1})`, want: `"{\"a\":1}"`},
		{expr: `format("%#v", [true])`, want: `"[true]"`},
		{expr: `format("%#v", null)`, want: `"null"`},
		{expr: `formatlist("Hello, %s!", ["Valentina", "Ander", "Olivia", "Sam"])`, want: `["Hello, Valentina!", "Hello, Ander!", "Hello, Olivia!", "Hello, Sam!"]`},
		{expr: `formatlist("%s, %s!", "Salutations", ["Valentina", "Ander", "Olivia", "Sam"])`, want: `["Salutations, Valentina!", "Salutations, Ander!", "Salutations, Olivia!", "Salutations, Sam!"]`},
		{expr: `"  items: ${indent(2, "[\n  foo,\n  bar,\n]\n")}"`, want: `"  items: [\n    foo,\n    bar,\n  ]\n  "`},
		{expr: `join("-", ["foo", "bar", "baz"])`, want: `"foo-bar-baz"`},
		{expr: `join(", ", ["foo", "bar", "baz"])`, want: `"foo, bar, baz"`},
		{expr: `join(", ", ["foo"])`, want: `"foo"`},
		{expr: `lower("HELLO")`, want: `"hello"`},
		{expr: `lower("АЛЛО!")`, want: `"алло!"`},
		{expr: `regex("[a-z]+", "53453453.345345aaabbbccc23454")`, want: `"aaabbbccc"`},
		{expr: `regex("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01")`, want: `["2019", "02", "01"]`},
		{expr: `regex("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?", "https://example.com/docs/")`, want: `{authority = "example.com", scheme = "https"}`},
		{expr: `regex("[a-z]+", "53453453.34534523454")`, wantErr: `pattern did not match any part of the given string`},
		{expr: `regexall("[a-z]+", "1234abcd5678efgh9")`, want: `["abcd", "efgh"]`},
		{expr: `length(regexall("[a-z]+", "1234abcd5678efgh9"))`, want: `2`},
		{expr: `length(regexall("[a-z]+", "123456789")) > 0`, want: `false`},
		{expr: `replace("1 + 2 + 3", "+", "-")`, want: `"1 - 2 - 3"`},
		{expr: `replace("hello world", "/w.*d/", "everybody")`, want: `"hello everybody"`},
		{expr: `split(",", "foo,bar,baz")`, want: `["foo", "bar", "baz"]`},
		{expr: `split(",", "foo")`, want: `["foo"]`},
		{expr: `split(",", "")`, want: `[""]`},
		{expr: `startswith("hello world", "hello")`, want: `true`},
		{expr: `startswith("hello world", "world")`, want: `false`},
		{expr: `strcontains("hello world", "wor")`, want: `true`},
		{expr: `strcontains("hello world", "wod")`, want: `false`},
		{expr: `strrev("hello")`, want: `"olleh"`},
		{expr: `strrev("a ☃")`, want: `"☃ a"`},
		{expr: `substr("hello world", 1, 4)`, want: `"ello"`},
		{expr: `substr("🤔🤷", 0, 1)`, want: `"🤔"`},
		{expr: `substr("hello world", -5, -1)`, want: `"world"`},
		{expr: `substr("hello world", 6, 10)`, want: `"world"`},
		{expr: `title("hello world")`, want: `"Hello World"`},
		{expr: `trim("?!hello?!", "!?")`, want: `"hello"`},
		{expr: `trim("foobar", "far")`, want: `"oob"`},
		{expr: `trim("   hello! world.!  ", "! ")`, want: `"hello! world."`},
		{expr: `trimprefix("helloworld", "hello")`, want: `"world"`},
		{expr: `trimprefix("helloworld", "cat")`, want: `"helloworld"`},
		{expr: `trimspace("  hello\n\n")`, want: `"hello"`},
		{expr: `trimsuffix("helloworld", "world")`, want: `"hello"`},
		{expr: `upper("hello")`, want: `"HELLO"`},
		{expr: `upper("алло!")`, want: `"АЛЛО!"`},
		{expr: `templatestring("Hello, Jodie!", {})`, want: `"Hello, Jodie!"`},
		{expr: `templatestring("Hello, $${name}!", { name = "Alice" })`, want: `"Hello, Alice!"`},
		{expr: `templatestring("List Items: $${join(\", \", list)}", { list=["value1","value2","value3"] })`, want: `"List Items: value1, value2, value3"`},
		{expr: `templatestring("%%{ for key, value in list ~}  $${key}:$${value} %%{ endfor ~}", { list={key1="value1", key2="value2", key3="value3"} })`, want: `"key1:value1 key2:value2 key3:value3 "`},

		// Collections.
		{expr: `alltrue(["true", true])`, want: `true`},
		{expr: `alltrue([true, false])`, want: `false`},
		{expr: `anytrue(["true"])`, want: `true`},
		{expr: `anytrue([true])`, want: `true`},
		{expr: `anytrue([true, false])`, want: `true`},
		{expr: `anytrue([])`, want: `false`},
		{expr: `chunklist(["a", "b", "c", "d", "e"], 2)`, want: `[["a", "b"], ["c", "d"], ["e"]]`},
		{expr: `chunklist(["a", "b", "c", "d", "e"], 1)`, want: `[["a"], ["b"], ["c"], ["d"], ["e"]]`},
		{expr: `coalesce("a", "b")`, want: `"a"`},
		{expr: `coalesce("", "b")`, want: `"b"`},
		{expr: `coalesce(1,2)`, want: `1`},
		{expr: `coalesce(["", "b"]...)`, want: `"b"`},
		{expr: `coalesce(1, "hello")`, want: `"1"`},
		{expr: `coalesce(true, "hello")`, want: `"true"`},
		{expr: `coalesce({}, "hello")`, wantErr: `all arguments must have the same type`},
		{expr: `coalescelist(["a", "b"], ["c", "d"])`, want: `["a", "b"]`},
		{expr: `coalescelist([], ["c", "d"])`, want: `["c", "d"]`},
		{expr: `coalescelist([[], ["c", "d"]]...)`, want: `["c", "d"]`},
		{expr: `compact(["a", "", "b", null, "c"])`, want: `["a", "b", "c"]`},
		{expr: `concat(["a", ""], ["b", "c"])`, want: `["a", "", "b", "c"]`},
		{expr: `contains(["a", "b", "c"], "a")`, want: `true`},
		{expr: `contains(["a", "b", "c"], "d")`, want: `false`},
		{expr: `distinct(["a", "b", "a", "c", "d", "b"])`, want: `["a", "b", "c", "d"]`},
		{expr: `element(["a", "b", "c"], 1)`, want: `"b"`},
		{expr: `element(["a", "b", "c"], 3)`, want: `"a"`},
		{expr: `element(["a", "b", "c"], length(["a", "b", "c"])-1)`, want: `"c"`},
		{expr: `element(["a", "b", "c"], -1)`, want: `"c"`}, // Terraform's documentation (1.14)
		{expr: `flatten([["a", "b"], [], ["c"]])`, want: `["a", "b", "c"]`},
		{expr: `flatten([[["a", "b"], []], ["c"]])`, want: `["a", "b", "c"]`},
		{expr: `index(["a", "b", "c"], "b")`, want: `1`},
		{expr: `index(["one", "two", "two"], "two")`, want: `1`},
		{expr: `keys({a=1, c=2, d=3})`, want: `["a", "c", "d"]`},
		{expr: `length([])`, want: `0`},
		{expr: `length(["a", "b"])`, want: `2`},
		{expr: `length({"a" = "b"})`, want: `1`},
		{expr: `length("hello")`, want: `5`},
		{expr: `length("👾🕹️")`, want: `2`},
		{expr: `lookup({a="ay", b="bee"}, "a", "what?")`, want: `"ay"`},
		{expr: `lookup({a="ay", b="bee"}, "c", "what?")`, want: `"what?"`},
		{expr: `matchkeys(["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"])`, want: `["i-abc", "i-def"]`},
		{expr: `merge({a="b", c="d"}, {e="f", c="z"})`, want: `{a = "b", c = "z", e = "f"}`},
		{expr: `merge({a="b"}, {a=[1,2], c="z"}, {d=3})`, want: `{a = [1, 2], c = "z", d = 3}`},
		{expr: `merge([{a="b", c="d"}, {}, {e="f", c="z"}]...)`, want: `{a = "b", c = "z", e = "f"}`},
		{expr: `one([])`, want: `null`},
		{expr: `one(["hello"])`, want: `"hello"`},
		{expr: `one(["hello", "goodbye"])`, wantErr: `must be a list, set, or tuple value with either zero or one elements`},
		{expr: `one(toset([]))`, want: `null`},
		{expr: `one(toset(["hello"]))`, want: `"hello"`},
		{expr: `one(toset(["hello","goodbye"]))`, wantErr: `must be a list, set, or tuple value with either zero or one elements`},
		{expr: `range(3)`, want: `[0, 1, 2]`},
		{expr: `range(1, 4)`, want: `[1, 2, 3]`},
		{expr: `range(1, 8, 2)`, want: `[1, 3, 5, 7]`},
		{expr: `range(1, 4, 0.5)`, want: `[1, 1.5, 2, 2.5, 3, 3.5]`},
		{expr: `range(4, 1)`, want: `[4, 3, 2]`},
		{expr: `range(10, 5, -2)`, want: `[10, 8, 6]`},
		{expr: `reverse([1, 2, 3])`, want: `[3, 2, 1]`},
		{expr: `setintersection(["a", "b"], ["b", "c"], ["b", "d"])`, want: `["b"]`},
		{expr: `setproduct(["development", "staging", "production"], ["app1", "app2"])`, want: `[["development", "app1"], ["development", "app2"], ["staging", "app1"], ["staging", "app2"], ["production", "app1"], ["production", "app2"]]`},
		{expr: `length(setproduct(["development", "staging", "production"], []))`, want: `0`},
		{expr: `setproduct(["a"], ["b"])`, want: `[["a", "b"]]`},
		{expr: `setproduct(["staging", "production"], ["a", 2])`, want: `[["staging", "a"], ["staging", "2"], ["production", "a"], ["production", "2"]]`},
		{expr: `setsubtract(["a", "b", "c"], ["a", "c"])`, want: `["b"]`},
		{expr: `setunion(setsubtract(["a", "b", "c"], ["a", "c", "d"]), setsubtract(["a", "c", "d"], ["a", "b", "c"]))`, want: `["b", "d"]`},
		{expr: `setunion(["a", "b"], ["b", "c"], ["d"])`, want: `["a", "b", "c", "d"]`},
		{expr: `slice(["a", "b", "c", "d"], 1, 3)`, want: `["b", "c"]`},
		{expr: `sort(["e", "d", "a", "x"])`, want: `["a", "d", "e", "x"]`},
		{expr: `transpose({"a" = ["1", "2"], "b" = ["2", "3"]})`, want: `{"1" = ["a"], "2" = ["a", "b"], "3" = ["b"]}`},
		{expr: `values({a=3, c=2, d=1})`, want: `[3, 2, 1]`},
		{expr: `zipmap(["a", "b"], [1, 2])`, want: `{a = 1, b = 2}`},

		// Encoding.
		{expr: `base64decode("SGVsbG8gV29ybGQ=")`, want: `"Hello World"`},
		{expr: `base64encode("Hello World")`, want: `"SGVsbG8gV29ybGQ="`},
		{expr: `base64gunzip(base64gzip("Hello World"))`, want: `"Hello World"`},
		{expr: `csvdecode("a,b,c\n1,2,3\n4,5,6")`, want: `[{a = "1", b = "2", c = "3"}, {a = "4", b = "5", c = "6"}]`},
		{expr: `jsondecode("{\"hello\": \"world\"}")`, want: `{hello = "world"}`},
		{expr: `jsondecode("true")`, want: `true`},
		{expr: `jsonencode({"hello"="world"})`, want: `"{\"hello\":\"world\"}"`},
		{expr: `textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")`, want: `"Hello World"`},
		{expr: `textencodebase64("Hello World", "UTF-16LE")`, want: `"SABlAGwAbABvACAAVwBvAHIAbABkAA=="`},
		{expr: `urldecode("Hello+World%21")`, want: `"Hello World!"`},
		{expr: `urldecode("%E2%98%83")`, want: `"☃"`},
		{expr: `urldecode("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")`, want: `"foo:bar@localhost?foo=bar&bar=baz"`},
		{expr: `urlencode("Hello World!")`, want: `"Hello+World%21"`},
		{expr: `urlencode("☃")`, want: `"%E2%98%83"`},
		{expr: `"http://example.com/search?q=${urlencode("terraform urlencode")}"`, want: `"http://example.com/search?q=terraform+urlencode"`},
		{expr: `yamldecode("hello: world")`, want: `{hello = "world"}`},
		{expr: `yamldecode("true")`, want: `true`},
		{expr: `yamldecode("{a: &foo [1, 2, 3], b: *foo}")`, want: `{a = [1, 2, 3], b = [1, 2, 3]}`},
		{expr: `yamldecode("{a: &foo [1, *foo, 3]}")`, wantErr: `cannot refer to anchor "foo" from inside its own definition`},
		{expr: `yamldecode("{a: !not-supported foo}")`, wantErr: `unsupported tag "!not-supported"`},
		{expr: `yamlencode({"a":"b", "c":"d"})`, want: `"\"a\": \"b\"\n\"c\": \"d\"\n"`},
		{expr: `yamlencode({"foo":[1, 2, 3], "bar": "baz"})`, want: `"\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n"`},
		{expr: `yamlencode({"foo":[1, {"a":"b","c":"d"}, 3], "bar": "baz"})`, want: `"\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n"`},

		// Paths that need no file system.
		{expr: `basename("foo/bar/baz.txt")`, want: `"baz.txt"`},
		{expr: `dirname("foo/bar/baz.txt")`, want: `"foo/bar"`},
		{expr: `pathexpand("/etc/resolv.conf")`, want: `"/etc/resolv.conf"`},

		// Time.
		{expr: `formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z")`, want: `"02 Jan 2018 23:12 UTC"`},
		{expr: `formatdate("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z")`, want: `"Tuesday, 02-Jan-18 23:12:01 UTC"`},
		{expr: `formatdate("EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00")`, want: `"Tue, 02 Jan 2018 23:12:01 -0800"`},
		{expr: `formatdate("MMM DD, YYYY", "2018-01-02T23:12:01Z")`, want: `"Jan 02, 2018"`},
		{expr: `formatdate("HH:mmaa", "2018-01-02T23:12:01Z")`, want: `"11:12pm"`},
		{expr: `formatdate("h'h'mm", "2018-01-02T23:12:01-08:00")`, want: `"23h12"`},
		{expr: `formatdate("H 'o''clock'", "2018-01-02T23:12:01-08:00")`, want: `"11 o'clock"`},
		{expr: `timeadd("2017-11-22T00:00:00Z", "10m")`, want: `"2017-11-22T00:10:00Z"`},
		{expr: `timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z")`, want: `0`},
		{expr: `timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z")`, want: `-1`},
		{expr: `timecmp("2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z")`, want: `1`},
		{expr: `timecmp("2017-11-22T01:00:00Z", "2017-11-22T00:00:00-01:00")`, want: `0`},

		// Hashes.
		{expr: `base64sha256("hello world")`, want: `"uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="`},
		{expr: `base64sha512("hello world")`, want: `"MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw=="`},
		{expr: `md5("hello world")`, want: `"5eb63bbbe01eeed093cb22bb8f5acdc3"`},
		{expr: `sha1("hello world")`, want: `"2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"`},
		{expr: `sha256("hello world")`, want: `"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"`},
		{expr: `sha512("hello world")`, want: `"309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"`},
		{expr: `uuidv5("dns", "www.terraform.io")`, want: `"a5008fae-b28c-5ba5-96cd-82b4c53552d6"`},
		{expr: `uuidv5("url", "https://www.terraform.io/")`, want: `"9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"`},
		{expr: `uuidv5("oid", "1.3.6.1.4")`, want: `"af9d40a5-7a36-5c07-b23a-851cd99fbfa5"`},
		{expr: `uuidv5("x500", "CN=Example,C=GB")`, want: `"84e09961-4aa4-57f8-95b7-03edb1073253"`},
		{expr: `uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io")`, want: `"a5008fae-b28c-5ba5-96cd-82b4c53552d6"`},
		{expr: `uuidv5("743ac3c0-3bf7-4a5b-9e6c-59360447c757", "LIBS:diskfont.library")`, want: `"ede1a974-df7e-5f17-84b9-76208818b2c8"`},
		{expr: `uuidv5("dns", "www.opentofu.org")`, want: `"df1e675d-b743-5f6c-9952-6311d0f141df"`},
		{expr: `uuidv5("url", "https://www.opentofu.org/")`, want: `"ace93eea-1a2c-5eed-b41b-718be15d2e50"`},

		// Networks.
		{expr: `cidrcontains("192.168.2.0/20", "192.168.2.1")`, want: `true`},
		{expr: `cidrcontains("192.168.2.0/20", "192.168.2.0/22")`, want: `true`},
		{expr: `cidrcontains("192.168.2.0/20", "192.126.2.1")`, want: `false`},
		{expr: `cidrcontains("192.168.2.0/20", "192.126.2.0/18")`, want: `false`},
		{expr: `cidrcontains("fe80::/48", "fe80::1")`, want: `true`},
		{expr: `cidrcontains("fe80::/48", "fe81::1")`, want: `false`},
		{expr: `cidrhost("10.12.112.0/20", 16)`, want: `"10.12.112.16"`},
		{expr: `cidrhost("10.12.112.0/20", 268)`, want: `"10.12.113.12"`},
		{expr: `cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)`, want: `"fd00:fd12:3456:7890::22"`},
		{expr: `cidrhost("10.1.2.240/28", 1)`, want: `"10.1.2.241"`},
		{expr: `cidrhost("10.1.2.240/28", 14)`, want: `"10.1.2.254"`},
		{expr: `cidrnetmask("172.16.0.0/12")`, want: `"255.240.0.0"`},
		{expr: `cidrsubnet("172.16.0.0/12", 4, 2)`, want: `"172.18.0.0/16"`},
		{expr: `cidrsubnet("10.1.2.0/24", 4, 15)`, want: `"10.1.2.240/28"`},
		{expr: `cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`, want: `"fd00:fd12:3456:7800:a200::/72"`},
		{expr: `cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)`, want: `["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]`},
		{expr: `cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32)`, want: `["fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88"]`},
		{expr: `[for cidr_block in cidrsubnets("10.0.0.0/8", 8, 8, 8, 8) : cidrsubnets(cidr_block, 4, 4)]`, want: `[["10.0.0.0/20", "10.0.16.0/20"], ["10.1.0.0/20", "10.1.16.0/20"], ["10.2.0.0/20", "10.2.16.0/20"], ["10.3.0.0/20", "10.3.16.0/20"]]`},

		// Types and marks.
		{expr: `issensitive(1)`, want: `false`},
		{expr: `issensitive("hello")`, want: `false`},
		{expr: `issensitive(sensitive("hello"))`, want: `true`},
		{expr: `nonsensitive("clear")`, want: `"clear"`},
		{expr: `tobool(true)`, want: `true`},
		{expr: `tobool("true")`, want: `true`},
		{expr: `tobool(null)`, want: `null`},
		{expr: `tobool("no")`, wantErr: `cannot convert "no" to bool; only the strings "true" or "false" are allowed`},
		{expr: `tobool(1)`, wantErr: `cannot convert number to bool`},
		{expr: `tolist(["a", "b", "c"])`, want: `["a", "b", "c"]`},
		{expr: `tolist(["a", "b", 3])`, want: `["a", "b", "3"]`},
		{expr: `tomap({"a" = 1, "b" = 2})`, want: `{a = 1, b = 2}`},
		{expr: `tomap({"a" = "foo", "b" = true})`, want: `{a = "foo", b = "true"}`},
		{expr: `tonumber(1)`, want: `1`},
		{expr: `tonumber("1")`, want: `1`},
		{expr: `tonumber(null)`, want: `null`},
		{expr: `tonumber("no")`, wantErr: `cannot convert "no" to number; given string must be a decimal representation of a number`},
		{expr: `toset(["a", "b", "c"])`, want: `["a", "b", "c"]`},
		{expr: `toset(["a", "b", 3])`, want: `["3", "a", "b"]`},
		{expr: `toset(["c", "b", "b"])`, want: `["b", "c"]`},
		{expr: `tostring("hello")`, want: `"hello"`},
		{expr: `tostring(1)`, want: `"1"`},
		{expr: `tostring(true)`, want: `"true"`},
		{expr: `tostring([])`, wantErr: `cannot convert tuple to string`},
		{expr: `can({bar = "baz"}.bar)`, want: `true`},
		{expr: `can({bar = "baz"}.boop)`, want: `false`},
		{expr: `try({bar = "baz"}.bar, "fallback")`, want: `"baz"`},
		{expr: `try({bar = "baz"}.boop, "fallback")`, want: `"fallback"`},
	}
	runExamples(t, examples)
}

func runExamples(t *testing.T, examples []docExample) {
	t.Helper()
	for _, ex := range examples {
		t.Run(ex.expr, func(t *testing.T) {
			got, diags := eval(t, ex.expr, nil)
			if ex.wantErr != "" {
				if !diags.HasErrors() {
					t.Fatalf("= %#v, want error %q", got, ex.wantErr)
				}
				if !strings.Contains(diags.Error(), ex.wantErr) {
					t.Fatalf("error %q, want %q", diags.Error(), ex.wantErr)
				}
				return
			}
			if diags.HasErrors() {
				t.Fatalf("error: %s", diags)
			}
			if want := literal(t, ex.want); !sameValue(got, want) {
				t.Fatalf("= %#v\nwant %#v", got, want)
			}
		})
	}
}
