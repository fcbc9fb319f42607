package tffunc

import (
	"time"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// timestampFunc is timestamp and plantimestamp: the clock's, so unknown.
var timestampFunc = unknownFunc(cty.String, nil, nil)

// timeCmpFunc compares two RFC 3339 timestamps: -1, 0 or 1. (formatdate and
// timeadd are go-cty's; timestamp and plantimestamp read the clock, so they are
// in Unknown.)
var timeCmpFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "timestamp_a", Type: cty.String},
		{Name: "timestamp_b", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		a, err := time.Parse(time.RFC3339, args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "not a valid RFC3339 timestamp: %w", err)
		}
		b, err := time.Parse(time.RFC3339, args[1].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(1, "not a valid RFC3339 timestamp: %w", err)
		}
		return cty.NumberIntVal(int64(a.Compare(b))), nil
	},
})
