package tffunc

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

// TestMarkPreservation checks that functions returning parts of their arguments
// keep each part's own marks on that part, that marks on a collection argument go
// onto the whole result, and that computed results carry the union.
func TestMarkPreservation(t *testing.T) {
	x := cty.StringVal("x")
	y := cty.StringVal("y")
	z := cty.StringVal("z")
	xm1 := x.Mark("m1")
	ym2 := y.Mark("m2")
	zm2 := z.Mark("m2")
	vars := map[string]cty.Value{
		"x1": xm1,
		"y2": ym2,
		"z2": zm2,
		"n1": cty.NumberIntVal(1).Mark("m1"),
		"n2": cty.NumberIntVal(2).Mark("m2"),
		// Collections marked as a whole.
		"tupM":  cty.TupleVal([]cty.Value{x}).Mark("mL"),
		"listM": cty.ListVal([]cty.Value{ym2}).Mark("mL"),
		"mapM":  cty.MapVal(map[string]cty.Value{"a": xm1}).Mark("mL"),
		"objM":  cty.ObjectVal(map[string]cty.Value{"a": cty.NumberIntVal(1)}).Mark("mO"),
	}
	obj := func(attrs map[string]cty.Value) cty.Value { return cty.ObjectVal(attrs) }
	runExact(t, vars, []exact{
		// The cases of the brief.
		{expr: `merge({a = n1}, {b = n2})`, want: obj(map[string]cty.Value{"a": cty.NumberIntVal(1).Mark("m1"), "b": cty.NumberIntVal(2).Mark("m2")})},
		{expr: `concat([x1], ["y"])`, want: cty.TupleVal([]cty.Value{xm1, y})},
		{expr: `concat([x1], ["y"])[0]`, want: xm1},
		{expr: `concat([x1], ["y"])[1]`, want: y},

		// Selection keeps the selected part's marks.
		{expr: `merge({a = x1}, {a = y2})`, want: obj(map[string]cty.Value{"a": ym2})},
		{expr: `flatten([[x1], ["y", [z2]]])`, want: cty.TupleVal([]cty.Value{xm1, y, zm2})},
		{expr: `lookup({a = x1, b = "z"}, "a")`, want: xm1},
		{expr: `lookup({a = x1, b = "z"}, "b", y2)`, want: z},
		{expr: `lookup({a = x1}, "b", y2)`, want: ym2},
		{expr: `lookup(tomap({a = x1, b = "z"}), "b", null)`, want: z},
		{expr: `element([x1, "y"], 0)`, want: xm1},
		{expr: `element([x1, "y"], 1)`, want: y},
		{expr: `values({a = x1, b = "y"})`, want: cty.TupleVal([]cty.Value{xm1, y})},
		{expr: `coalesce(null, "", x1, y2)`, want: xm1},
		{expr: `coalesce("", y2)`, want: ym2},
		{expr: `coalescelist([], [x1], [y2])`, want: cty.TupleVal([]cty.Value{xm1})},
		{expr: `one([x1])`, want: xm1},
		{expr: `zipmap(["a", "b"], [x1, "y"])`, want: obj(map[string]cty.Value{"a": xm1, "b": y})},
		{expr: `slice([x1, "y", z2], 1, 3)`, want: cty.TupleVal([]cty.Value{y, zm2})},
		{expr: `reverse([x1, "y"])`, want: cty.TupleVal([]cty.Value{y, xm1})},
		{expr: `compact([x1, "", null, y2])`, want: cty.ListVal([]cty.Value{xm1, ym2})},
		{expr: `distinct([x1, "y", y2])`, want: cty.ListVal([]cty.Value{xm1, ym2})},
		{expr: `tolist([x1, "y"])`, want: cty.ListVal([]cty.Value{xm1, y})},
		{expr: `tolist([x1, 1])`, want: cty.ListVal([]cty.Value{xm1, cty.StringVal("1")})},
		{expr: `tomap({a = x1, b = "y"})`, want: cty.MapVal(map[string]cty.Value{"a": xm1, "b": y})},
		{expr: `toset([x1, "y"])`, want: cty.SetVal([]cty.Value{x, y}).Mark("m1")}, // sets hold no marked elements
		{expr: `try({a = 1}.b, x1)`, want: xm1},
		{expr: `try([x1, y2][1], "z")`, want: ym2},
		{expr: `keys({a = x1})`, want: cty.TupleVal([]cty.Value{cty.StringVal("a")})},
		{expr: `matchkeys([x1, "y"], ["a", "b"], ["a"])`, want: cty.ListVal([]cty.Value{xm1})},
		{expr: `templatestring("$${v}", {v = x1})`, want: xm1},
		{expr: `templatestring("<$${v}>", {v = x1})`, want: cty.StringVal("<x>").Mark("m1")},

		// Marks on a collection argument go onto the result as a whole.
		{expr: `concat(tupM, ["y"])`, want: cty.TupleVal([]cty.Value{x, y}).Mark("mL")},
		{expr: `merge(objM, {b = 2})`, want: obj(map[string]cty.Value{"a": cty.NumberIntVal(1), "b": cty.NumberIntVal(2)}).Mark("mO")},
		{expr: `keys(mapM)`, want: cty.ListVal(strs("a")).Mark("mL")},
		{expr: `values(mapM)`, want: cty.ListVal([]cty.Value{xm1}).Mark("mL")},
		{expr: `lookup(mapM, "a")`, want: x.WithMarks(cty.NewValueMarks("m1", "mL"))},
		{expr: `one(listM)`, want: y.WithMarks(cty.NewValueMarks("m2", "mL"))},
		{expr: `element(listM, 0)`, want: y.WithMarks(cty.NewValueMarks("m2", "mL"))},
		{expr: `coalescelist(listM, ["z"])`, want: vars["listM"]},
		{expr: `length(listM)`, want: cty.NumberIntVal(1).Mark("mL")},
		{expr: `length(x1)`, want: cty.NumberIntVal(1).Mark("m1")},

		// Computed results carry the union of the arguments' marks.
		{expr: `upper(x1)`, want: cty.StringVal("X").Mark("m1")},
		{expr: `join(",", [x1, y2])`, want: cty.StringVal("x,y").WithMarks(cty.NewValueMarks("m1", "m2"))},
		{expr: `index([x1, "y"], "y")`, want: cty.NumberIntVal(1).Mark("m1")},
		{expr: `contains([x1, "y"], "x")`, want: cty.True.Mark("m1")},
		{expr: `sum([n1, n2])`, want: cty.NumberIntVal(3).WithMarks(cty.NewValueMarks("m1", "m2"))},
	})
}
