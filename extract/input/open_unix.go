//go:build unix

package input

import "syscall"

// openFlags are added to O_RDONLY when an input is opened: a FIFO's open
// does not wait for a writer.
const openFlags = syscall.O_NONBLOCK
