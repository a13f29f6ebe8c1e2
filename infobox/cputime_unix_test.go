//go:build unix

package infobox

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used (user + system).
// Benchmarks report it per operation besides wall time, because on a
// shared machine wall time counts the time spent waiting for a core.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
