package config

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// Schema says what of the configuration its caller wants read. The configuration knows
// Terraform, not any provider: which resources matter, and what a data source returns,
// are its caller's knowledge.
type Schema struct {
	// Resources are the resource types read, each with the attributes and nested blocks
	// read of it; resources of other types are not read, and references to them are
	// unknown.
	Resources map[string]*hclext.BodySchema
	// Computed are the attributes every resource instance of the schema offers besides
	// id, unknown until apply but never null (a provider's arn, say): a reference to a
	// whole instance has them.
	Computed []string
	// Settled are the attributes besides id a provider always sets, to a string, on a
	// resource it creates or a data source it reads, of any type: an unknown value of
	// theirs read from a resource or data source the schema does not name is refined
	// as not null.
	Settled []string
	// Providers are the provider names whose configurations (provider blocks) of the
	// root module are kept, for Providers.
	Providers []string
	// Data answers the data sources whose value the configuration alone decides; nil
	// when none is.
	Data DataSources
}

// DataSources answers data sources. A data source is unknown until apply, but for some
// the answer is decided by their arguments: those the caller answers here.
type DataSources interface {
	// Answers reports whether data sources of type typ are answered; the blocks of the
	// others are not read, and references to them are unknown.
	Answers(typ string) bool
	// Value returns the value of one instance of a data block of type typ, whose
	// arguments b evaluates; Unknown when it cannot be decided.
	Value(typ string, b *Body) cty.Value
}
