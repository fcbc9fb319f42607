package standalone

import (
	"errors"
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/gocty"
)

// inputs answers the root module's input variables: what they were given, else their
// default, else unknown. Values are worked out once each, on first use; it is safe for
// concurrent use.
type inputs struct {
	vars  map[string]*variable
	given givenValues

	mu    sync.Mutex
	final map[string]evaluated
}

type evaluated struct {
	val   cty.Value
	diags hcl.Diagnostics
}

func newInputs(vars map[string]*variable, given givenValues) *inputs {
	return &inputs{vars: vars, given: given, final: map[string]evaluated{}}
}

// value returns var.name; rng is where it is referred to.
func (in *inputs) value(name string, rng hcl.Range) (cty.Value, hcl.Diagnostics) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if e, ok := in.final[name]; ok {
		return e.val, e.diags
	}
	v := in.vars[name]
	if v == nil {
		// As tflint words it.
		return (&scope{vars: in.vars}).variable(name, rng)
	}
	given, ok := in.given[name]
	if !ok {
		given = cty.NilVal
	}
	val, diags := v.finalValue(given)
	in.final[name] = evaluated{val, diags}
	return val, diags
}

// eval evaluates an expression that refers to input variables only.
func (in *inputs) eval(expr hcl.Expression) (cty.Value, hcl.Diagnostics) {
	refs := expr.Variables()
	if len(refs) == 1 && len(refs[0]) == 2 && refs[0].RootName() == "var" {
		if attr, ok := refs[0][1].(hcl.TraverseAttr); ok && refs[0].SourceRange() == expr.Range() {
			return in.value(attr.Name, expr.Range())
		}
	}
	vars := map[string]cty.Value{}
	for _, ref := range refs {
		if ref.RootName() != "var" {
			return cty.DynamicVal, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Not evaluated without tflint",
				Detail:   fmt.Sprintf("Only input variables are evaluated here, not %s.", ref.RootName()),
				Subject:  ref.SourceRange().Ptr(),
			}}
		}
		if len(ref) < 2 {
			continue
		}
		if attr, ok := ref[1].(hcl.TraverseAttr); ok {
			v, diags := in.value(attr.Name, ref.SourceRange())
			if diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			vars[attr.Name] = v
		}
	}
	return expr.Value(&hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(vars)}})
}

// EvaluateExpr evaluates an expression into target, a pointer or a func(T) error
// callback, as tflint's runner does; only expressions of input variables are known.
func (r *Runner) EvaluateExpr(expr hcl.Expression, target any, opt *tflint.EvaluateExprOption) error {
	rv := reflect.ValueOf(target)
	if rv.Kind() != reflect.Func {
		if rv.Kind() != reflect.Pointer {
			panic("EvaluateExpr: target is neither a pointer nor a function")
		}
		return r.evaluate(expr, target, opt)
	}
	ft := rv.Type()
	if ft.NumIn() != 1 || ft.NumOut() != 1 || !ft.Out(0).Implements(reflect.TypeFor[error]()) {
		panic("EvaluateExpr: a callback must be a func(T) error")
	}
	arg := reflect.New(ft.In(0))
	if err := r.evaluate(expr, arg.Interface(), opt); err != nil {
		if quietEvalError(err) {
			return nil
		}
		return err
	}
	if out := rv.Call([]reflect.Value{arg.Elem()})[0]; !out.IsNil() {
		return out.Interface().(error)
	}
	return nil
}

// quietEvalError reports whether an evaluation error only says the value cannot be
// known statically; callbacks are then skipped.
func quietEvalError(err error) bool {
	for _, e := range []error{tflint.ErrUnknownValue, tflint.ErrNullValue, tflint.ErrSensitive, tflint.ErrEphemeral, tflint.ErrUnevaluable} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// evaluate evaluates expr into the pointer target.
func (r *Runner) evaluate(expr hcl.Expression, target any, opt *tflint.EvaluateExprOption) error {
	ty := wantType(target, opt)
	val, diags := r.inputs.eval(expr)
	if diags.HasErrors() {
		return diags
	}
	if ty != cty.DynamicPseudoType {
		converted, err := convert.Convert(val, ty)
		if err != nil {
			return fmt.Errorf("%s: the value is not a %s: %w", expr.Range(), ty.FriendlyName(), err)
		}
		val = converted
	}
	if p, ok := target.(*cty.Value); ok {
		*p = val
		return nil
	}
	if ty == cty.DynamicPseudoType {
		return gocty.FromCtyValue(val, target)
	}
	err := cty.Walk(val, func(_ cty.Path, v cty.Value) (bool, error) {
		switch {
		case !v.IsKnown():
			return false, tflint.ErrUnknownValue
		case v.IsNull():
			return false, tflint.ErrNullValue
		case v.HasMark(marks.Sensitive):
			return false, tflint.ErrSensitive
		case v.HasMark(marks.Ephemeral):
			return false, tflint.ErrEphemeral
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	return gocty.FromCtyValue(val, target)
}

// wantType is the type a target asks for: the option's, else the Go type's.
func wantType(target any, opt *tflint.EvaluateExprOption) cty.Type {
	if opt != nil && opt.WantType != nil {
		return *opt.WantType
	}
	switch target.(type) {
	case *string:
		return cty.String
	case *int:
		return cty.Number
	case *bool:
		return cty.Bool
	case *[]string:
		return cty.List(cty.String)
	case *[]int:
		return cty.List(cty.Number)
	case *[]bool:
		return cty.List(cty.Bool)
	case *map[string]string:
		return cty.Map(cty.String)
	case *map[string]int:
		return cty.Map(cty.Number)
	case *map[string]bool:
		return cty.Map(cty.Bool)
	case *cty.Value:
		return cty.DynamicPseudoType
	}
	panic(fmt.Sprintf("EvaluateExpr: unsupported target type %T", target))
}
