package tffunc

import (
	"maps"

	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Options says where file functions read from.
type Options struct {
	// BaseDir is the absolute directory relative paths resolve against: Terraform's working
	// directory, i.e. the root module's directory. Empty: file functions return unknown.
	BaseDir string
}

// Functions returns the function table for hcl.EvalContext.Functions: every name in
// Names. Call it once per configuration; the functions that do not read files are
// shared by all tables.
func Functions(opts Options) map[string]function.Function {
	table := make(map[string]function.Function, len(pure)+16)
	maps.Copy(table, pure)
	maps.Copy(table, fileFunctions(opts.BaseDir))

	// Templates may call every function but the template functions themselves:
	// Terraform forbids templatefile inside a template, and a template rendering
	// itself through templatestring would never end.
	inTemplates := make(map[string]function.Function, len(table)+2)
	table["templatefile"] = templateFileFunc(opts.BaseDir, inTemplates)
	table["templatestring"] = templateStringFunc(inTemplates)
	maps.Copy(inTemplates, table)
	inTemplates["templatefile"] = forbiddenInTemplate("templatefile", table["templatefile"])
	inTemplates["templatestring"] = forbiddenInTemplate("templatestring", table["templatestring"])
	return table
}

// Names is every built-in (not provider-defined) function name in the Terraform 1.14
// and OpenTofu 1.10 function indexes, read 2026-11. Functions has each of them.
var Names = []string{
	"abs", "abspath", "alltrue", "anytrue",
	"base64decode", "base64encode",
	"base64gunzip", // OpenTofu 1.7+
	"base64gzip", "base64sha256", "base64sha512", "basename", "bcrypt",
	"can", "ceil", "chomp", "chunklist",
	"cidrcontains", // OpenTofu 1.7+
	"cidrhost", "cidrnetmask", "cidrsubnet", "cidrsubnets",
	"coalesce", "coalescelist", "compact", "concat", "contains", "csvdecode",
	"dirname", "distinct",
	"element", "endswith",
	"ephemeralasnull", // Terraform 1.10+
	"file", "filebase64", "filebase64sha256", "filebase64sha512", "fileexists",
	"filemd5", "fileset", "filesha1", "filesha256", "filesha512",
	"flatten", "floor", "format", "formatdate", "formatlist",
	"indent", "index",
	"issensitive", // Terraform 1.8+, OpenTofu 1.7+
	"join", "jsondecode", "jsonencode",
	"keys",
	"length",
	"list", // Terraform's index still lists it: removed in 0.12, always an error
	"log", "lookup", "lower",
	"map", // like list
	"matchkeys", "max", "md5", "merge", "min",
	"nonsensitive",
	"one",
	"parseint", "pathexpand", "plantimestamp", "pow",
	"range", "regex", "regexall", "replace", "reverse", "rsadecrypt",
	"sensitive", "setintersection", "setproduct", "setsubtract", "setunion",
	"sha1", "sha256", "sha512", "signum", "slice", "sort", "split", "startswith",
	"strcontains", "strrev", "substr", "sum",
	"templatefile",
	"templatestring", // Terraform 1.9+, OpenTofu 1.7+
	"textdecodebase64", "textencodebase64",
	"timeadd", "timecmp", "timestamp", "title",
	"tobool", "tolist", "tomap", "tonumber", "toset", "tostring",
	"transpose", "trim", "trimprefix", "trimspace", "trimsuffix", "try", "type",
	"upper",
	"urldecode", // OpenTofu 1.7+
	"urlencode", "uuid", "uuidv5",
	"values",
	"yamldecode", "yamlencode",
	"zipmap",
}

// Unknown names the functions whose result their arguments do not decide, so they
// always return an unknown value of their result type (never an error, whatever the
// arguments): timestamp and plantimestamp read the clock, uuid and bcrypt (random
// salt) draw random numbers, and type exists only in terraform console.
//
// A few others are unknown only for some arguments: pathexpand and the file
// functions for paths starting with "~" (the machine's home directory), the file
// functions when Options.BaseDir is empty, and rsadecrypt for key formats this
// package does not parse (OpenSSH).
var Unknown = []string{"bcrypt", "plantimestamp", "timestamp", "type", "uuid"}

// pure is the part of the table that does not depend on Options, built once.
var pure = map[string]function.Function{
	// Numbers.
	"abs":      stdlib.AbsoluteFunc,
	"ceil":     stdlib.CeilFunc,
	"floor":    stdlib.FloorFunc,
	"log":      logFunc,
	"max":      stdlib.MaxFunc,
	"min":      stdlib.MinFunc,
	"parseint": stdlib.ParseIntFunc,
	"pow":      stdlib.PowFunc,
	"signum":   stdlib.SignumFunc,
	"sum":      sumFunc,

	// Strings.
	"chomp":       stdlib.ChompFunc,
	"endswith":    endsWithFunc,
	"format":      formatFunc,
	"formatlist":  formatListFunc,
	"indent":      indentFunc,
	"join":        stdlib.JoinFunc,
	"lower":       stdlib.LowerFunc,
	"regex":       stdlib.RegexFunc,
	"regexall":    stdlib.RegexAllFunc,
	"replace":     replaceFunc,
	"split":       stdlib.SplitFunc,
	"startswith":  startsWithFunc,
	"strcontains": strContainsFunc,
	"strrev":      stdlib.ReverseFunc,
	"substr":      stdlib.SubstrFunc,
	"title":       stdlib.TitleFunc,
	"trim":        stdlib.TrimFunc,
	"trimprefix":  stdlib.TrimPrefixFunc,
	"trimspace":   stdlib.TrimSpaceFunc,
	"trimsuffix":  stdlib.TrimSuffixFunc,
	"upper":       stdlib.UpperFunc,

	// Collections.
	"alltrue":         allTrueFunc,
	"anytrue":         anyTrueFunc,
	"chunklist":       stdlib.ChunklistFunc,
	"coalesce":        coalesceFunc,
	"coalescelist":    coalesceListFunc,
	"compact":         compactFunc,
	"concat":          stdlib.ConcatFunc,
	"contains":        stdlib.ContainsFunc,
	"distinct":        distinctFunc,
	"element":         stdlib.ElementFunc,
	"flatten":         stdlib.FlattenFunc,
	"index":           indexFunc,
	"keys":            stdlib.KeysFunc,
	"length":          lengthFunc,
	"list":            removedFunc("list", "tolist([ ... ])"),
	"lookup":          lookupFunc,
	"map":             removedFunc("map", "tomap({ ... })"),
	"matchkeys":       matchKeysFunc,
	"merge":           mergeFunc,
	"one":             oneFunc,
	"range":           stdlib.RangeFunc,
	"reverse":         stdlib.ReverseListFunc,
	"setintersection": stdlib.SetIntersectionFunc,
	"setproduct":      setProductFunc,
	"setsubtract":     stdlib.SetSubtractFunc,
	"setunion":        stdlib.SetUnionFunc,
	"slice":           stdlib.SliceFunc,
	"sort":            stdlib.SortFunc,
	"transpose":       transposeFunc,
	"values":          stdlib.ValuesFunc,
	"zipmap":          stdlib.ZipmapFunc,

	// Encoding.
	"base64decode":     base64DecodeFunc,
	"base64encode":     base64EncodeFunc,
	"base64gunzip":     base64GunzipFunc,
	"base64gzip":       base64GzipFunc,
	"csvdecode":        stdlib.CSVDecodeFunc,
	"jsondecode":       jsonDecodeFunc,
	"jsonencode":       jsonEncodeFunc,
	"textdecodebase64": textDecodeBase64Func,
	"textencodebase64": textEncodeBase64Func,
	"urldecode":        urlDecodeFunc,
	"urlencode":        urlEncodeFunc,
	"yamldecode":       yamlDecodeFunc,
	"yamlencode":       yamlEncodeFunc,

	// Paths that need no file system.
	"basename":   basenameFunc,
	"dirname":    dirnameFunc,
	"pathexpand": pathExpandFunc,

	// Time.
	"formatdate":    stdlib.FormatDateFunc,
	"plantimestamp": timestampFunc,
	"timeadd":       stdlib.TimeAddFunc,
	"timecmp":       timeCmpFunc,
	"timestamp":     timestampFunc,

	// Hashes and crypto.
	"base64sha256": hashFunc(sha256New, base64Encoding),
	"base64sha512": hashFunc(sha512New, base64Encoding),
	"bcrypt":       bcryptFunc,
	"md5":          hashFunc(md5New, hexEncoding),
	"rsadecrypt":   rsaDecryptFunc,
	"sha1":         hashFunc(sha1New, hexEncoding),
	"sha256":       hashFunc(sha256New, hexEncoding),
	"sha512":       hashFunc(sha512New, hexEncoding),
	"uuid":         uuidFunc,
	"uuidv5":       uuidV5Func,

	// Networks.
	"cidrcontains": cidrContainsFunc,
	"cidrhost":     cidrHostFunc,
	"cidrnetmask":  cidrNetmaskFunc,
	"cidrsubnet":   cidrSubnetFunc,
	"cidrsubnets":  cidrSubnetsFunc,

	// Types, marks and errors.
	"can":             tryfunc.CanFunc,
	"ephemeralasnull": ephemeralAsNullFunc,
	"issensitive":     isSensitiveFunc,
	"nonsensitive":    nonsensitiveFunc,
	"sensitive":       sensitiveFunc,
	"tobool":          makeToFunc(cty.Bool),
	"tolist":          makeToFunc(cty.List(cty.DynamicPseudoType)),
	"tomap":           makeToFunc(cty.Map(cty.DynamicPseudoType)),
	"tonumber":        makeToFunc(cty.Number),
	"toset":           makeToFunc(cty.Set(cty.DynamicPseudoType)),
	"tostring":        makeToFunc(cty.String),
	"try":             tryFunc,
	"type":            typeFunc,
}

// anyParam accepts every value, so that only the argument count can fail a call.
func anyParam(name string) function.Parameter {
	return function.Parameter{Name: name, Type: cty.DynamicPseudoType, AllowUnknown: true, AllowNull: true, AllowMarked: true, AllowDynamicType: true}
}

// unknownFunc is a function of Unknown: whatever its arguments, an unknown ret.
func unknownFunc(ret cty.Type, params []function.Parameter, varParam *function.Parameter) function.Function {
	spec := &function.Spec{
		Params:   params,
		VarParam: varParam,
		Type:     function.StaticReturnType(ret),
		Impl: func([]cty.Value, cty.Type) (cty.Value, error) {
			return cty.UnknownVal(ret), nil
		},
	}
	if ret != cty.DynamicPseudoType {
		spec.RefineResult = refineNotNull
	}
	return function.New(spec)
}

func refineNotNull(b *cty.RefinementBuilder) *cty.RefinementBuilder {
	return b.NotNull()
}
