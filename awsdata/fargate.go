// Package awsdata holds the AWS facts that change over time, each table dated and
// sourced, so that updating one is a change to one place.
package awsdata

// FargateSizesAsOf is when FargateMemory was last checked against the AWS Fargate
// documentation: the task size table of "Creating an Amazon ECS task definition using the
// console" (create-task-definition.html), which lists 32768 (32 vCPU) with 60, 120 and
// 244 GB, Linux platform 1.4.0 or later.
const FargateSizesAsOf = "2026-12"

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
	// 32 vCPU offers three memory values, not a range.
	32768: {61440, 122880, 249856},
}

// FargateCPUs lists the task cpu values FargateMemory holds, in increasing order, for
// messages.
var FargateCPUs = []int64{256, 512, 1024, 2048, 4096, 8192, 16384, 32768}

func steps(from, to, by int64) []int64 {
	var out []int64
	for v := from; v <= to; v += by {
		out = append(out, v)
	}
	return out
}
