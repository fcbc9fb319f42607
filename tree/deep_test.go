package tree

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseJSONDepthMatchesEncodingJSON(t *testing.T) {
	for _, d := range []int{9999, 10000, 10001, 10002} {
		s := strings.Repeat("[", d) + strings.Repeat("]", d)
		_, err := ParseJSON(s, Fixed{})
		if (err == nil) != json.Valid([]byte(s)) {
			t.Errorf("depth %d: ParseJSON error %v, encoding/json valid %v", d, err, json.Valid([]byte(s)))
		}
	}
}
