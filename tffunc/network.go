package tffunc

import (
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"strings"

	"github.com/apparentlymart/go-cidr/cidr"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/gocty"
)

// cidrHostFunc is the address of host number hostnum (negative: from the end) in
// a prefix.
var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "hostnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var hostnum *big.Int
		if err := gocty.FromCtyValue(args[1], &hostnum); err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		ip, err := cidr.HostBig(network, hostnum)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(ip.String()), nil
	},
})

// cidrNetmaskFunc is the dotted netmask of an IPv4 prefix.
var cidrNetmaskFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		if network.IP.To4() == nil {
			return cty.NilVal, function.NewArgErrorf(0, "IPv6 addresses cannot have a netmask: %s", args[0].AsString())
		}
		return cty.StringVal(net.IP(network.Mask).String()), nil
	},
})

// cidrSubnetFunc extends a prefix by newbits bits holding netnum.
var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "prefix", Type: cty.String},
		{Name: "newbits", Type: cty.Number},
		{Name: "netnum", Type: cty.Number},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var newbits int
		if err := gocty.FromCtyValue(args[1], &newbits); err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		var netnum *big.Int
		if err := gocty.FromCtyValue(args[2], &netnum); err != nil {
			return cty.NilVal, function.NewArgError(2, err)
		}
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		prefixLen, bits := network.Mask.Size()
		switch {
		case newbits < 0:
			return cty.NilVal, function.NewArgErrorf(1, "must not be negative")
		case prefixLen+newbits > bits:
			return cty.NilVal, fmt.Errorf("insufficient address space to extend prefix of %d by %d", prefixLen, newbits)
		case netnum.Sign() < 0:
			return cty.NilVal, function.NewArgErrorf(2, "must not be negative")
		case netnum.BitLen() > newbits:
			return cty.NilVal, fmt.Errorf("prefix extension of %d does not accommodate a subnet numbered %s", newbits, netnum)
		}
		subnet, err := cidr.SubnetBig(network, newbits, netnum)
		if err != nil {
			return cty.NilVal, err
		}
		return cty.StringVal(subnet.String()), nil
	},
})

// cidrSubnetsFunc allocates consecutive subnets of the given extra prefix lengths.
var cidrSubnetsFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam:     &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:         function.StaticReturnType(cty.List(cty.String)),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		network, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		startLen, bits := network.Mask.Size()
		if len(network.IP) == net.IPv6len && network.IP.To4() != nil {
			// go-cidr cannot step through IPv4-mapped IPv6 prefixes (Terraform fails too).
			return cty.NilVal, function.NewArgErrorf(0, "IPv4-mapped IPv6 prefixes are not supported; write the IPv4 prefix")
		}
		out := make([]cty.Value, 0, len(args)-1)
		var current *net.IPNet
		for i, arg := range args[1:] {
			var newbits int
			if err := gocty.FromCtyValue(arg, &newbits); err != nil {
				return cty.NilVal, function.NewArgError(i+1, err)
			}
			switch {
			case newbits < 1:
				return cty.NilVal, function.NewArgErrorf(i+1, "must extend prefix by at least one bit")
			case newbits > 32:
				return cty.NilVal, function.NewArgErrorf(i+1, "may not extend prefix by more than 32 bits")
			case startLen+newbits > bits:
				return cty.NilVal, function.NewArgErrorf(i+1, "would extend prefix to %d bits, which is too long for an %s address", startLen+newbits, family(network))
			}
			length := startLen + newbits
			if current == nil {
				current, _ = cidr.PreviousSubnet(network, length)
			}
			next, rollover := cidr.NextSubnet(current, length)
			if rollover || !network.Contains(next.IP) {
				return cty.NilVal, function.NewArgErrorf(i+1, "not enough remaining address space for a subnet with a prefix of %d bits after %s", length, current)
			}
			current = next
			out = append(out, cty.StringVal(current.String()))
		}
		return cty.ListVal(out), nil
	},
})

// cidrContainsFunc (OpenTofu) reports whether an address or prefix lies within a
// prefix of the same address family.
var cidrContainsFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "containing_prefix", Type: cty.String},
		{Name: "contained_ip_or_prefix", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.Bool),
	RefineResult: refineNotNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		outer, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(0, err)
		}
		inner := args[1].AsString()
		ip, innerLen := parseIP(inner), 128 // a single address is a full-length prefix
		if strings.Contains(inner, "/") {
			network, err := parseCIDR(inner)
			if err != nil {
				return cty.NilVal, function.NewArgError(1, err)
			}
			ip = network.IP
			innerLen, _ = network.Mask.Size()
		} else if ip == nil {
			return cty.NilVal, function.NewArgErrorf(1, "invalid IP address: %s", inner)
		}
		if (ip.To4() == nil) != (outer.IP.To4() == nil) {
			return cty.NilVal, errors.New("address family mismatch: both arguments must be IPv4 or both IPv6")
		}
		outerLen, _ := outer.Mask.Size()
		return cty.BoolVal(outer.Contains(ip) && innerLen >= outerLen), nil
	},
})

// parseCIDR parses a prefix as Terraform does: IPv4 octets with leading zeros are
// decimal (the historical behaviour Terraform keeps), which Go's parser rejects.
func parseCIDR(s string) (*net.IPNet, error) {
	if addr, length, ok := strings.Cut(s, "/"); ok {
		if v4 := decimalIPv4(addr); v4 != "" {
			s = v4 + "/" + length
		}
	}
	_, network, err := net.ParseCIDR(s)
	if err != nil {
		return nil, fmt.Errorf("invalid CIDR expression: %w", err)
	}
	return network, nil
}

func parseIP(s string) net.IP {
	if v4 := decimalIPv4(s); v4 != "" {
		s = v4
	}
	return net.ParseIP(s)
}

// decimalIPv4 rewrites dotted-decimal IPv4 with leading zeros in canonical form, or
// returns "" if s is not four decimal octets.
func decimalIPv4(s string) string {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return ""
	}
	for i, p := range parts {
		if p == "" || strings.TrimLeft(p, "0123456789") != "" {
			return ""
		}
		n, err := strconv.ParseUint(p, 10, 8)
		if err != nil {
			return ""
		}
		parts[i] = strconv.FormatUint(n, 10)
	}
	return strings.Join(parts, ".")
}

func family(n *net.IPNet) string {
	if n.IP.To4() != nil {
		return "IPv4"
	}
	return "IPv6"
}
