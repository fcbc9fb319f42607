package tffunc

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"unicode/utf8"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
)

// yamlDecodeFunc and yamlEncodeFunc are go-cty-yaml's, as Terraform uses them.
var (
	yamlDecodeFunc = ctyyaml.YAMLDecodeFunc
	yamlEncodeFunc = ctyyaml.YAMLEncodeFunc
)

var base64EncodeFunc = stringFunc("str", func(s string) (string, error) {
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
})

var base64DecodeFunc = stringFunc("str", func(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", errors.New("failed to decode base64 data")
	}
	return utf8String(b, "the result of decoding the provided string is not valid UTF-8")
})

var base64GzipFunc = stringFunc("str", func(s string) (string, error) {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		return "", err
	}
	// Terraform flushes before closing, which leaves a sync marker in the stream.
	if err := w.Flush(); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(b.Bytes()), nil
})

// maxGunzip bounds what base64gunzip inflates: the input comes from configuration.
const maxGunzip = 64 << 20

var base64GunzipFunc = stringFunc("str", func(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", errors.New("failed to decode base64 data")
	}
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("failed to gunzip bytestream: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(r, maxGunzip+1))
	if err != nil {
		return "", fmt.Errorf("failed to read gunzip raw data: %w", err)
	}
	if len(out) > maxGunzip {
		return "", errors.New("the decompressed data is too large")
	}
	return utf8String(out, "the result of decompressing the provided string is not valid UTF-8")
})

var urlEncodeFunc = stringFunc("str", func(s string) (string, error) {
	return url.QueryEscape(s), nil
})

var urlDecodeFunc = stringFunc("str", func(s string) (string, error) {
	out, err := url.QueryUnescape(s)
	if err != nil {
		return "", fmt.Errorf("failed to decode URL: %w", err)
	}
	return utf8String([]byte(out), "the result of decoding the provided string is not valid UTF-8")
})

// textEncodeBase64Func encodes a string in a named character encoding, then Base64.
var textEncodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "string", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, name, err := textEncoding(args[1].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		b, err := enc.NewEncoder().Bytes([]byte(args[0].AsString()))
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "the given string contains characters that cannot be represented in %s", name)
		}
		return cty.StringVal(base64.StdEncoding.EncodeToString(b)), nil
	},
})

// textDecodeBase64Func decodes Base64, then reads the bytes in a named encoding.
var textDecodeBase64Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "source", Type: cty.String},
		{Name: "encoding", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		enc, name, err := textEncoding(args[1].AsString())
		if err != nil {
			return cty.NilVal, err
		}
		raw, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			var corrupt base64.CorruptInputError
			if errors.As(err, &corrupt) {
				return cty.NilVal, function.NewArgErrorf(0, "the given value has an invalid base64 symbol at offset %d", int(corrupt))
			}
			return cty.NilVal, function.NewArgErrorf(0, "invalid source string: %w", err)
		}
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) || !utf8.Valid(out) {
			return cty.NilVal, function.NewArgErrorf(0, "the given string contains symbols that are not defined for %s", name)
		}
		return cty.StringVal(string(out)), nil
	},
})

// textEncoding looks up an IANA character encoding name or alias, as Terraform does.
func textEncoding(name string) (encoding.Encoding, string, error) {
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return nil, "", function.NewArgErrorf(1, "%q is not a supported IANA encoding name or alias", name)
	}
	if canonical, err := ianaindex.IANA.Name(enc); err == nil {
		name = canonical
	}
	return enc, name, nil
}

// stringFunc is a function of one string to a string.
func stringFunc(param string, f func(string) (string, error)) function.Function {
	return function.New(&function.Spec{
		Params:       []function.Parameter{{Name: param, Type: cty.String}},
		Type:         function.StaticReturnType(cty.String),
		RefineResult: refineNotNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			s, err := f(args[0].AsString())
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(s), nil
		},
	})
}

// utf8String returns b as a string if it is valid UTF-8, else an error saying msg.
func utf8String(b []byte, msg string) (string, error) {
	if !utf8.Valid(b) {
		return "", errors.New(msg)
	}
	return string(b), nil
}
