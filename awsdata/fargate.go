// Package awsdata holds the AWS facts that change over time, each table dated and
// sourced, so that updating one is a change to one place.
package awsdata

// FargateSizesAsOf is when FargateTaskSizes was last checked against the AWS Fargate
// documentation ("Task CPU and memory", AWS_Fargate.md).
const FargateSizesAsOf = "2026-11"

// FargateMemory lists, for each task cpu value (CPU units), the memory values (MiB) a
// Linux Fargate task may use with it.
var FargateMemory = map[int64][]int64{
	256:   {512, 1024, 2048},
	512:   steps(1024, 4096, 1024),
	1024:  steps(2048, 8192, 1024),
	2048:  steps(4096, 16384, 1024),
	4096:  steps(8192, 30720, 1024),
	8192:  steps(16384, 61440, 4096),
	16384: steps(32768, 122880, 8192),
}

func steps(from, to, by int64) []int64 {
	var out []int64
	for v := from; v <= to; v += by {
		out = append(out, v)
	}
	return out
}
