package tffunc

import (
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"hash"

	"github.com/google/uuid"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

var (
	md5New    = md5.New
	sha1New   = sha1.New
	sha256New = sha256.New
	sha512New = sha512.New

	hexEncoding    = hex.EncodeToString
	base64Encoding = base64.StdEncoding.EncodeToString
)

// hashFunc hashes a string's UTF-8 bytes and encodes the digest.
func hashFunc(newHash func() hash.Hash, encode func([]byte) string) function.Function {
	return stringFunc("str", func(s string) (string, error) {
		return digest(newHash, encode, []byte(s)), nil
	})
}

func digest(newHash func() hash.Hash, encode func([]byte) string, b []byte) string {
	h := newHash()
	h.Write(b)
	return encode(h.Sum(nil))
}

// uuidFunc (random) and bcryptFunc (random salt) are unknown whatever their
// arguments.
var (
	uuidFunc   = unknownFunc(cty.String, nil, nil)
	bcryptFunc = unknownFunc(cty.String, []function.Parameter{anyParam("str")}, &function.Parameter{
		Name: "cost", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true,
	})
)

// uuidV5Func makes a name-based (SHA-1) UUID in a namespace given by name ("dns",
// "url", "oid", "x500") or as a UUID.
var uuidV5Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "namespace", Type: cty.String},
		{Name: "name", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var ns uuid.UUID
		switch s := args[0].AsString(); s {
		case "dns":
			ns = uuid.NameSpaceDNS
		case "url":
			ns = uuid.NameSpaceURL
		case "oid":
			ns = uuid.NameSpaceOID
		case "x500":
			ns = uuid.NameSpaceX500
		default:
			var err error
			if ns, err = uuid.Parse(s); err != nil {
				return cty.NilVal, function.NewArgErrorf(0, "uuidv5() doesn't support namespace %s (%v)", s, err)
			}
		}
		return cty.StringVal(uuid.NewSHA1(ns, []byte(args[1].AsString())).String()), nil
	},
})

// rsaDecryptFunc decrypts Base64 RSA PKCS #1 v1.5 ciphertext with a PEM private key
// (PKCS #1 or PKCS #8). Keys in other formats, which Terraform also reads (OpenSSH),
// give an unknown result.
var rsaDecryptFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "ciphertext", Type: cty.String},
		{Name: "privatekey", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ciphertext, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "failed to decode input: cipher text must be base64-encoded")
		}
		block, _ := pem.Decode([]byte(args[1].AsString()))
		if block == nil {
			return cty.NilVal, function.NewArgErrorf(1, "failed to parse key: no key found")
		}
		var key *rsa.PrivateKey
		switch block.Type {
		case "RSA PRIVATE KEY":
			key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
		case "PRIVATE KEY":
			var k any
			if k, err = x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
				var ok bool
				if key, ok = k.(*rsa.PrivateKey); !ok {
					err = fmt.Errorf("not an RSA key but %T", k)
				}
			}
		default:
			return cty.UnknownVal(cty.String), nil
		}
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(1, "failed to parse key: %w", err)
		}
		out, err := rsa.DecryptPKCS1v15(nil, key, ciphertext)
		if err != nil {
			return cty.NilVal, errors.New("failed to decrypt: the ciphertext does not match this key")
		}
		return cty.StringVal(string(out)), nil
	},
})
