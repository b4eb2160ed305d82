//go:build !unix

package input

// openFlags are added to O_RDONLY when an input is opened.
const openFlags = 0
