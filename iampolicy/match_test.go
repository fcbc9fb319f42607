package iampolicy

import "testing"

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, text string
		narrow, broad bool // expected result in each mode
	}{
		{"*", "", true, true},
		{"*", "arn:aws:s3:::b/k", true, true},
		{"", "", true, true},
		{"", "a", false, false},
		{"abc", "abc", true, true},
		{"abc", "abd", false, false},
		{"a?c", "abc", true, true},
		{"a?c", "a:c", false, true},
		{"a?c", "ac", false, false},
		{"a*c", "a:c", false, true},
		{"a*:c", "a:b:c", true, true}, // segment-final star crosses
		{"a*", "a:b:c", true, true},
		{"a**c", "abbc", true, true},
		{"a**", "a:b", true, true},
		{"**:x", "a:b:x", true, true},
		{"*b*b*b*b*b*b*b*b*b*b*c", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", false, false},
		{"prod-*-starport-layer-bucket/*", "prod-us-east-1-starport-layer-bucket/x/y", true, true},
		{"日?本", "日x本", true, true},
	}
	for _, tc := range tests {
		if got := glob(tc.pattern, tc.text, true); got != tc.narrow {
			t.Errorf("glob(%q, %q, narrow) = %v, want %v", tc.pattern, tc.text, got, tc.narrow)
		}
		if got := glob(tc.pattern, tc.text, false); got != tc.broad {
			t.Errorf("glob(%q, %q, broad) = %v, want %v", tc.pattern, tc.text, got, tc.broad)
		}
	}
}

func TestMatchResource(t *testing.T) {
	const obj = "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/a/b"
	tests := []struct {
		pattern string
		want    tri
	}{
		{"*", yes},
		{"arn:aws:s3:::*", yes},
		{"arn:aws:s3:::prod-*-starport-layer-bucket/*", yes},
		{"arn:aws:s3:::prod-us-east-1-starport-layer-bucket", no},
		{"arn:aws:s3:::PROD-*", no},
		{"arn:aws:*-starport-layer-bucket/*", maybe}, // a mid-segment star over colons
		{"arn:aws:s3:::prod-us-east-1-starport-layer-bucket/${aws:username}/*", maybe},
		{"arn:aws:s3:::other/${aws:username}", no},
		{"arn:aws:s3:::prod-${x", no}, // unterminated: literal
	}
	for _, tc := range tests {
		if got := matchResource(tc.pattern, obj); got != tc.want {
			t.Errorf("matchResource(%q) = %v, want %v", tc.pattern, got, tc.want)
		}
	}
}

func TestWidenVariables(t *testing.T) {
	for in, want := range map[string]string{
		"a/${aws:username}/b":   "a/*/b",
		"${x}${y}":              "**",
		"a${b":                  "a${b",
		"a${b}c${d":             "a*c${d",
		"no variables at all":   "no variables at all",
		"${aws:PrincipalTag/x}": "*",
	} {
		if got := widenVariables(in); got != want {
			t.Errorf("widenVariables(%q) = %q, want %q", in, got, want)
		}
	}
}
