//go:build tools

// Package tools pins the kwok commands that scripts/tools.sh builds from this module (the simulated
// kubelet and its cluster tool), so `go mod tidy` keeps their dependencies in go.sum.
package tools

import (
	_ "sigs.k8s.io/kwok/cmd/kwok"
	_ "sigs.k8s.io/kwok/cmd/kwokctl"
)
